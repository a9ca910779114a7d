// `earshot-cli stats`: the dashboard's figures for scripts and terminals.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <optional>
#include <iostream>

#include <spdlog/spdlog.h>

#include "Command.h"
#include "SourceArgs.h"
#include "Table.h"
#include "TimeArgs.h"
#include "earshot/core/Text.h"
#include "earshot/inbox/Vocabulary.h"
#include "earshot/metrics/MetricsSettings.h"
#include "earshot/metrics/Report.h"
#include "earshot/metrics/ReportPeriod.h"

namespace earshot::cli {

namespace {

constexpr const char* kHelp =
    "usage: earshot-cli stats [--since WHEN] [--until WHEN] [--by agent|team|source|priority|tag]\n"
    "                         [--agent NAME]... [--team NAME]... [--source ID]... [--tag TAG]...\n"
    "                         [--priority low|normal|high|urgent] [--clock ingested|published] [--json|--csv]\n"
    "\n"
    "Response and resolution times (median, p90, p95, mean; wall clock and business hours), SLA\n"
    "compliance, backlog, volume by weekday and hour, and compliments, as the dashboard shows them.\n"
    "The period holds the response cycles that started in it (default: the last 30 days). Periods are\n"
    "whole days in the team calendar's time zone, as on the dashboard: the last 30 days are today and\n"
    "the 29 days before, 7d the last 7 such days, and a date starts at midnight there. A cycle's\n"
    "figures are credited to the agent who answered first (else who resolved it, else who holds\n"
    "it); reply times to whoever answered. --clock published measures from the posts' own times\n"
    "instead of when they reached Earshot. Business hours follow 'earshot-cli calendar'; targets\n"
    "'earshot-cli sla'. WHEN is 2026-11-01, 2026-11-01T08:00:00Z, 30m, 24h or 7d.\n"
    "--csv writes the dashboard's numbers as CSV: a row for the total, per group, per day and the backlog.\n"
    "Definitions: docs/metrics.md.\n";

bool isDate(const std::string& text)
{
    int year = 0, month = 0, day = 0, used = 0;
    return std::sscanf(text.c_str(), "%4d-%2d-%2d%n", &year, &month, &day, &used) == 3 && used == int(text.size());
}

// A whole number of days back ("7d"), or nothing.
std::optional<int> daysBack(const std::string& text)
{
    int days = 0, used = 0;
    if (std::sscanf(text.c_str(), "%dd%n", &days, &used) == 1 && used == int(text.size()) && days > 0)
        return days;
    return std::nullopt;
}

// --since and --until in whole days of the team's zone (metrics/ReportPeriod.h), as the
// dashboard counts them; times of day ("24h", "…T08:00:00Z") stay as given.
Result<metrics::ReportPeriod> readReportPeriod(const std::optional<std::string>& since,
                                               const std::optional<std::string>& until, std::int64_t now,
                                               const metrics::TimeZone& zone)
{
    metrics::ReportPeriod period = metrics::lastDays(zone, now, metrics::kDefaultReportDays);
    if (!since && !until)
        return period;
    for (auto [given, field] : {std::pair{since, &period.since}, std::pair{until, &period.until}}) {
        if (!given) {
            if (field == &period.until)
                *field = metrics::kNoTime;   // from a given start on: open-ended
            continue;
        }
        if (const auto days = daysBack(*given)) {
            *field = metrics::lastDays(zone, now, *days).since;
            continue;
        }
        auto at = parseSince(*given, now);
        if (!at)
            return at.error();
        // A date is read as UTC midnight: the same day's midnight in the team's zone instead.
        *field = isDate(*given) ? metrics::dayStart(zone, *at / 86400) : *at;
    }
    return period;
}

std::string seconds(const metrics::Distribution& d, double metrics::Distribution::*field)
{
    return d.count == 0 ? "-" : metrics::formatDuration(std::int64_t(d.*field + 0.5));
}

std::string percent(const metrics::SlaTally& t)
{
    if (!t.percent())
        return "-";
    char text[16];
    std::snprintf(text, sizeof text, "%.1f%%", *t.percent());
    return text;
}

void printFigures(const std::string& name, const metrics::Figures& f, Table& table)
{
    table.add({name, std::to_string(f.cycles), seconds(f.firstResponse.wall, &metrics::Distribution::median),
               seconds(f.firstResponse.wall, &metrics::Distribution::p90),
               seconds(f.firstResponse.business, &metrics::Distribution::median),
               seconds(f.resolution.wall, &metrics::Distribution::median),
               seconds(f.resolution.wall, &metrics::Distribution::p90), percent(f.firstResponseSla),
               percent(f.resolutionSla), std::to_string(f.compliments)});
}

int run(Context& context, Args& args)
{
    const std::int64_t now = std::time(nullptr);
    metrics::ReportRequest request;
    request.now = now;
    const auto since = args.value("--since");
    const auto until = args.value("--until");
    const auto by = args.value("--by");
    const auto priority = args.value("--priority");
    const auto clock = args.value("--clock");
    request.filter.agents = args.values("--agent");
    request.filter.teams = args.values("--team");
    request.filter.tags = args.values("--tag");
    const std::vector<std::string> sources = args.values("--source");
    const bool json = args.flag("--json");
    const bool csv = args.flag("--csv");
    if (auto ok = args.finish(0, 0); !ok)
        return reportError(ok.message(), kExitUsage);
    if (json && csv)
        return reportError("--json and --csv are two formats; choose one", kExitUsage);

    if (by) {
        const auto groupBy = metrics::parseGroupBy(*by);
        if (!groupBy)
            return reportError("--by is agent, team, source, priority or tag, not '" + *by + "'", kExitUsage);
        request.groupBy = *groupBy;
    }
    if (priority) {
        const auto parsed = inbox::parsePriority(*priority);
        if (!parsed)
            return reportError("--priority is low, normal, high or urgent, not '" + *priority + "'", kExitUsage);
        request.filter.priority = int(*parsed);
    }
    if (clock && *clock != "ingested" && *clock != "published")
        return reportError("--clock is ingested or published, not '" + *clock + "'", kExitUsage);
    request.clock = clock == "published" ? metrics::Clock::Published : metrics::Clock::Ingested;

    // The period's days are the team calendar's, read below; its syntax is checked first.
    if (auto checked = readReportPeriod(since, until, now, metrics::TimeZone::utc()); !checked)
        return reportError(checked.message(), kExitUsage);

    auto workspace = context.workspace();
    if (!workspace)
        return reportError(workspace.message());
    if (!sources.empty()) {
        auto session = (*workspace)->reader();
        if (!session)
            return reportError(session.message());
        auto ids = findSourceIds(**session, sources);
        if (!ids)
            return reportError(ids.message(), kExitUsage);
        request.filter.sources = std::move(*ids);
    }
    using Clock = std::chrono::steady_clock;
    const auto started = Clock::now();
    auto inputs = metrics::loadReportInputs(**workspace, now);
    if (!inputs)
        return reportError(inputs.message());
    auto period = readReportPeriod(since, until, now, inputs->calendar.timeZone());
    if (!period)
        return reportError(period.message(), kExitUsage);
    request.filter.since = period->since;
    request.filter.until = period->until;
    const auto loaded = Clock::now();
    const metrics::Report report = metrics::computeReport(inputs->snapshot, inputs->calendar, inputs->policies, request);
    const auto computed = Clock::now();
    auto ms = [](auto span) { return std::chrono::duration_cast<std::chrono::milliseconds>(span).count(); };
    spdlog::info("stats: {} conversations, {} cycles, {} waits loaded in {} ms; report computed in {} ms",
                 inputs->snapshot.conversations.size(), inputs->snapshot.cycles.size(),
                 inputs->snapshot.waits.size(), ms(loaded - started),
                 ms(computed - loaded));

    if (csv) {
        auto written = metrics::writeReportCsv(report, request.groupBy, inputs->calendar.timeZone(), std::cout);
        return written ? kExitOk : reportError(written.message());
    }
    if (json) {
        nlohmann::json out = metrics::reportToJson(report);
        out["since"] = core::formatUtc(request.filter.since);
        out["until"] = core::formatUtc(request.filter.until == metrics::kNoTime ? now : request.filter.until);
        out["by"] = std::string(metrics::groupByName(request.groupBy));
        out["clock"] = request.clock == metrics::Clock::Published ? "published" : "ingested";
        out["calendar"] = inputs->calendar.toJson();
        std::cout << out.dump(2) << '\n';
        return kExitOk;
    }
    Table table({"", "cycles", "first resp. median", "p90", "business median", "resolution median", "p90",
                 "SLA resp.", "SLA resol.", "thanks"});
    printFigures("all", report.total, table);
    for (const auto& group : report.groups)
        printFigures(group.name, group.figures, table);
    table.print(std::cout);
    std::cout << "\nbacklog now: " << report.openNow << " open, " << report.unassignedNow << " unassigned; "
              << report.breachCount << " SLA breaches in the period"
              << (inputs->calendarSet ? "" : "\nno team calendar set: business hours are the wall clock "
                                                   "(set one with 'earshot-cli calendar set')")
              << '\n';
    return kExitOk;
}

}  // namespace

Command statsCommand()
{
    return {"stats", "response and resolution times, SLA compliance, backlog (as the dashboard)", kHelp, run};
}

}  // namespace earshot::cli
