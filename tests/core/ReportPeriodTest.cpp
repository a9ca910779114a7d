// metrics::ReportPeriod: the reporting periods the dashboard and `earshot-cli stats` share are
// whole days on the team's clock, also on the days that clock changes.
#include <gtest/gtest.h>

#include "earshot/metrics/ReportPeriod.h"

namespace {

using namespace earshot::metrics;

constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 86400;
// Friday 20 November 2026, 12:00 UTC.
constexpr std::int64_t kNow = 1'795'176'000;

TEST(ReportPeriod, TheLastDaysEndWithTodayOnTheTeamsClock)
{
    const TimeZone behind = TimeZone::load("Etc/GMT+5").value();   // UTC-5: 07:00 there
    const ReportPeriod today = lastDays(behind, kNow, 1);
    EXPECT_EQ(today.since, kNow - 7 * kHour);
    EXPECT_EQ(today.until, kNow - 7 * kHour + kDay);
    const ReportPeriod month = lastDays(behind, kNow, 30);
    EXPECT_EQ(month.since, today.since - 29 * kDay);
    EXPECT_EQ(month.until, today.until);
    EXPECT_EQ(lastDays(TimeZone::utc(), kNow, 7).since, kNow - 12 * kHour - 6 * kDay);
}

TEST(ReportPeriod, ADayWithAClockChangeIsOneDayStill)
{
    // Europe/Amsterdam leaves summer time on Sunday 25 October 2026: that day has 25 hours.
    const TimeZone amsterdam = TimeZone::load("Europe/Amsterdam").value();
    const std::int64_t monday = 1'792'969'200;   // Monday 26 October 2026, 00:00 CET (23:00 UTC the day before)
    const ReportPeriod twoDays = lastDays(amsterdam, monday + 10 * kHour, 2);
    EXPECT_EQ(twoDays.since, monday - 25 * kHour);
    EXPECT_EQ(twoDays.until, monday + kDay);
    EXPECT_EQ(dayNumber(amsterdam, monday), dayNumber(amsterdam, monday - 1) + 1);
    EXPECT_EQ(wholeDays(amsterdam, dayNumber(amsterdam, monday), dayNumber(amsterdam, monday - 1)).since,
              monday - 25 * kHour) << "the days may come in either order";
}

}  // namespace
