// What a reporting period is: whole calendar days in the team calendar's time zone, the days
// the report's trend, heat map and CSV count in. The dashboard's "Today", "Last 7 days" and
// "Last 30 days" and `earshot-cli stats` (its default and --since 7d) mean the same days, so
// both show the same figures for the same period.
#pragma once

#include <cstdint>

#include "earshot/metrics/TimeZone.h"

namespace earshot::metrics {

struct ReportPeriod {
    std::int64_t since = 0;   // [since, until), Unix seconds
    std::int64_t until = 0;
};

// The day `at` falls on in `zone`, counted from 1970-01-01.
std::int64_t dayNumber(const TimeZone& zone, std::int64_t at);
// When day `day` (as dayNumber counts) begins in `zone`.
std::int64_t dayStart(const TimeZone& zone, std::int64_t day);
// From the start of `firstDay` to the end of `lastDay`, both included.
ReportPeriod wholeDays(const TimeZone& zone, std::int64_t firstDay, std::int64_t lastDay);
// The last `days` days up to and including today (1: today only).
ReportPeriod lastDays(const TimeZone& zone, std::int64_t now, int days);

// The period a report shows when none is chosen: the last 30 days.
inline constexpr int kDefaultReportDays = 30;

}  // namespace earshot::metrics
