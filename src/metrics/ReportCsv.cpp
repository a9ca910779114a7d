#include "earshot/exports/CsvWriter.h"
#include "earshot/metrics/Report.h"

#include <cmath>

namespace earshot::metrics {

namespace {

// Empty when nothing was measured, so a spreadsheet's averages skip it rather than count a 0.
void distributionCells(exports::CsvWriter& csv, const Distribution& d)
{
    // Milliseconds are plenty, and spare the reader 6659.999999999999.
    for (double value : {d.median, d.p90, d.p95, d.mean})
        d.count == 0 ? csv.cell(std::nullopt) : csv.cell(std::round(value * 1000.0) / 1000.0);
}

void figuresRow(exports::CsvWriter& csv, std::string_view scope, std::string_view name, const Figures& f)
{
    csv.cell(scope).cell(name).cell(f.cycles).cell(f.responded).cell(f.resolved);
    distributionCells(csv, f.firstResponse.wall);
    distributionCells(csv, f.firstResponse.business);
    distributionCells(csv, f.resolution.wall);
    distributionCells(csv, f.resolution.business);
    csv.cell(f.firstResponseSla.percent()).cell(f.resolutionSla.percent());
    csv.cell(f.compliments).cell(std::nullopt).cell(std::nullopt).endRow();
}

std::string localDate(const TimeZone& zone, std::int64_t utc)
{
    const std::int64_t local = utc + zone.offsetAt(utc);
    return TeamCalendar::formatDate(civilFromDays(local >= 0 ? local / 86400 : (local - 86399) / 86400));
}

}  // namespace

Status writeReportCsv(const Report& report, GroupBy groupBy, const TimeZone& zone, std::ostream& out)
{
    exports::CsvWriter csv(out);
    csv.header({"scope", "name", "cycles", "responded", "resolved", "first_response_median_s",
                "first_response_p90_s", "first_response_p95_s", "first_response_mean_s",
                "first_response_business_median_s", "first_response_business_p90_s",
                "first_response_business_p95_s", "first_response_business_mean_s", "resolution_median_s",
                "resolution_p90_s", "resolution_p95_s", "resolution_mean_s", "resolution_business_median_s",
                "resolution_business_p90_s", "resolution_business_p95_s", "resolution_business_mean_s",
                "sla_first_response_percent", "sla_resolution_percent", "compliments", "open", "unassigned"});
    figuresRow(csv, "total", "all", report.total);
    for (const GroupFigures& group : report.groups)
        figuresRow(csv, groupByName(groupBy), group.name, group.figures);
    // A day's row: its first responses, and the backlog at its end.
    for (const DayPoint& day : report.days) {
        csv.cell("day").cell(localDate(zone, day.dayStart)).cell(std::nullopt).cell(day.firstResponseWall.count).cell(std::nullopt);
        distributionCells(csv, day.firstResponseWall);
        distributionCells(csv, day.firstResponseBusiness);
        for (int i = 0; i < 8 + 2 + 1; ++i)
            csv.cell(std::nullopt);
        csv.cell(day.open).cell(day.unassigned).endRow();
    }
    csv.cell("now").cell("backlog");
    for (int i = 0; i < 22; ++i)
        csv.cell(std::nullopt);
    csv.cell(report.openNow).cell(report.unassignedNow).endRow();
    return csv.finish();
}

}  // namespace earshot::metrics
