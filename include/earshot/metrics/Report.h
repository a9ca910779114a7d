// The figures managers see: response and resolution times (median, p90, p95, mean; wall clock
// and business hours), SLA compliance, backlog, volume by hour and weekday, compliments — in
// total and per agent, team, source, priority or tag. One computation for the dashboard,
// `earshot-cli stats` and the exports; the definitions are in docs/metrics.md.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "earshot/metrics/SlaPolicy.h"
#include "earshot/metrics/Snapshot.h"
#include "earshot/metrics/TeamCalendar.h"

namespace earshot::metrics {

// Where a customer's wait starts: when the message reached Earshot, or when it was posted.
enum class Clock { Ingested, Published };
enum class GroupBy { None, Agent, Team, Source, Priority, Tag };

struct ReportFilter {
    std::int64_t since = kNoTime;  // cycles (and waits) that started in [since, until)
    std::int64_t until = kNoTime;
    std::vector<std::string> agents;  // who the cycle is credited to (see docs/metrics.md)
    std::vector<std::string> teams;
    std::vector<std::int64_t> sources;
    std::vector<std::string> tags;    // any of them
    std::optional<int> priority;
};

struct ReportRequest {
    ReportFilter filter;
    GroupBy groupBy = GroupBy::None;
    Clock clock = Clock::Ingested;
    std::int64_t now = 0;
    std::size_t breachLimit = 500;  // the most overdue first
};

// Seconds. Percentiles interpolate between neighbours, as spreadsheets' PERCENTILE.INC and
// MEDIAN do, so an analyst's check on the exported rows gives the same numbers.
struct Distribution {
    std::int64_t count = 0;
    double median = 0, p90 = 0, p95 = 0, mean = 0;
};
Distribution distributionOf(std::vector<std::int64_t>& values);  // reorders `values`

struct Timing {
    Distribution wall;
    Distribution business;
};

struct SlaTally {
    std::int64_t met = 0;
    std::int64_t breached = 0;
    std::int64_t running = 0;  // still within the target, not done yet
    // met / (met + breached); nothing when no cycle had a target and an outcome.
    std::optional<double> percent() const;
};

struct Figures {
    std::int64_t cycles = 0;      // response cycles that started in the period
    std::int64_t responded = 0;
    std::int64_t resolved = 0;
    Timing firstResponse;
    Timing resolution;
    Timing replyTime;             // every wait answered, first responses included
    SlaTally firstResponseSla;
    SlaTally resolutionSla;
    std::int64_t compliments = 0;
};

struct GroupFigures {
    std::string name;
    Figures figures;
};

struct DayPoint {
    std::int64_t dayStart = 0;    // local midnight, as UTC
    Distribution firstResponseWall;
    Distribution firstResponseBusiness;
    std::int64_t open = 0;        // backlog at the end of the day
    std::int64_t unassigned = 0;
};

struct Breach {
    std::int64_t conversationId = 0;
    int cycle = 1;
    bool resolution = false;      // else the first response
    std::int64_t startedAt = 0;
    std::int64_t deadline = 0;
    std::int64_t overBy = 0;      // seconds past the target, in the target's own clock
    int priority = 1;
    std::int64_t sourceId = 0;
};

struct Report {
    Figures total;
    std::vector<GroupFigures> groups;  // by name
    std::int64_t openNow = 0;          // conversations new, open or pending
    std::int64_t unassignedNow = 0;    // new
    std::vector<DayPoint> days;        // each local day of the period (at most the last 366)
    std::array<std::array<std::int64_t, 24>, 7> volumeIn{};   // [weekday, Monday first][local hour]
    std::array<std::array<std::int64_t, 24>, 7> volumeOut{};
    std::vector<Breach> breaches;
    std::int64_t breachCount = 0;
};

Report computeReport(const Snapshot& snapshot, const TeamCalendar& calendar, const SlaPolicies& policies,
                     const ReportRequest& request);

// The report as `earshot-cli stats --json` prints it: seconds, times as ISO 8601 UTC.
nlohmann::json reportToJson(const Report& report);

// The report as the dashboard's CSV and `earshot-cli stats --csv` write it: a row for the
// total, one per group, one per local day (first responses and the backlog at its end) and
// one for the backlog now; seconds, and percentages from 0 to 100.
Status writeReportCsv(const Report& report, GroupBy groupBy, const TimeZone& zone, std::ostream& out);

std::string_view groupByName(GroupBy by);
std::optional<GroupBy> parseGroupBy(std::string_view name);

}  // namespace earshot::metrics
