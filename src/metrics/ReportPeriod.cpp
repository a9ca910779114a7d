#include "earshot/metrics/ReportPeriod.h"

#include <algorithm>

namespace earshot::metrics {

namespace {

constexpr std::int64_t kDay = 86400;

}  // namespace

std::int64_t dayNumber(const TimeZone& zone, std::int64_t at)
{
    const std::int64_t local = at + zone.offsetAt(at);
    return local >= 0 ? local / kDay : (local - kDay + 1) / kDay;
}

std::int64_t dayStart(const TimeZone& zone, std::int64_t day) { return zone.toUtc(day * kDay); }

ReportPeriod wholeDays(const TimeZone& zone, std::int64_t firstDay, std::int64_t lastDay)
{
    return {dayStart(zone, std::min(firstDay, lastDay)), dayStart(zone, std::max(firstDay, lastDay) + 1)};
}

ReportPeriod lastDays(const TimeZone& zone, std::int64_t now, int days)
{
    const std::int64_t today = dayNumber(zone, now);
    return wholeDays(zone, today - std::max(days, 1) + 1, today);
}

}  // namespace earshot::metrics
