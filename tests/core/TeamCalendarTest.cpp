#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <tuple>

#include "earshot/metrics/TeamCalendar.h"

using namespace earshot::metrics;
using nlohmann::json;

namespace {

constexpr std::int64_t kHour = 3600;

bool mentions(const std::string& message, const std::string& part)
{
    return message.find(part) != std::string::npos;
}

const TimeZone& amsterdam()
{
    static const TimeZone zone = [] {
        auto loaded = TimeZone::load("Europe/Amsterdam");
        if (!loaded)
            throw std::runtime_error(loaded.message());
        return *loaded;
    }();
    return zone;
}

// The UTC instant at which Amsterdam's clocks show the given time.
std::int64_t local(int year, int month, int day, int hour, int minute = 0)
{
    return amsterdam().toUtc(daysFromCivil(CivilDate{year, month, day}) * 86400 + hour * kHour + minute * 60);
}

WeekHours officeHours()
{
    WeekHours hours;
    for (int day = 0; day < 5; ++day)
        hours[std::size_t(day)] = {OpenPeriod{9 * 60, 12 * 60 + 30}, OpenPeriod{13 * 60 + 30, 17 * 60 + 30}};
    return hours;
}

TeamCalendar office(std::vector<CivilDate> holidays = {{2026, 12, 25}, {2026, 12, 26}})
{
    auto calendar = TeamCalendar::create(amsterdam(), officeHours(), std::move(holidays));
    if (!calendar)
        throw std::runtime_error(calendar.message());
    return *calendar;
}

// Open seconds by looking at the wall clock every minute: slow, but it shares nothing with
// the calendar's tables. Needs minute-aligned bounds and periods that do not end inside a
// repeated hour (where "the clock shows an open time" and "one stretch" differ).
std::int64_t wallClockSeconds(const TeamCalendar& calendar, std::int64_t from, std::int64_t to)
{
    std::int64_t total = 0;
    for (std::int64_t t = from; t < to; t += 60) {
        const std::int64_t wall = t + calendar.timeZone().offsetAt(t);
        const std::int64_t day = wall / 86400 - (wall % 86400 < 0 ? 1 : 0);
        const int minute = int((wall - day * 86400) / 60);
        const auto& holidays = calendar.holidays();
        if (std::find(holidays.begin(), holidays.end(), civilFromDays(day)) != holidays.end())
            continue;
        for (const OpenPeriod& period : calendar.hours()[std::size_t(weekdayOfDays(day))])
            total += minute >= period.startMinute && minute < period.endMinute ? 60 : 0;
    }
    return total;
}

}  // namespace

TEST(TeamCalendarTest, FridayAfternoonToMondayMorningSkipsTheWeekend)
{
    const std::int64_t friday = local(2026, 11, 20, 16);
    EXPECT_EQ(friday, 1795186800) << "2026-11-20T15:00:00Z";
    EXPECT_EQ(office().businessSeconds(friday, local(2026, 11, 23, 10)), 9000) << "1.5 h Friday + 1 h Monday";
}

TEST(TeamCalendarTest, LunchBreakIsNotCounted)
{
    EXPECT_EQ(office().businessSeconds(local(2026, 11, 24, 12), local(2026, 11, 24, 14)), kHour);
    EXPECT_EQ(office().businessSeconds(local(2026, 11, 24, 12, 45), local(2026, 11, 24, 13, 15)), 0);
}

TEST(TeamCalendarTest, HolidaysAreClosedAllDay)
{
    const std::int64_t christmasEve = local(2026, 12, 24, 17);   // Thursday
    const std::int64_t monday = local(2026, 12, 28, 9, 30);
    EXPECT_EQ(office().businessSeconds(christmasEve, monday), kHour) << "Friday 25th is a holiday";
    EXPECT_EQ(office({}).businessSeconds(christmasEve, monday), kHour + 7 * kHour + 1800);
    EXPECT_FALSE(office().isOpen(local(2026, 12, 25, 10)));
    EXPECT_TRUE(office({}).isOpen(local(2026, 12, 25, 10)));
}

TEST(TeamCalendarTest, OffHoursMessageAnsweredBeforeOpeningCountsNothing)
{
    EXPECT_EQ(office().businessSeconds(local(2026, 11, 24, 7), local(2026, 11, 24, 8, 30)), 0);
    EXPECT_EQ(office().businessSeconds(local(2026, 11, 24, 10), local(2026, 11, 24, 10)), 0);
    EXPECT_EQ(office().businessSeconds(local(2026, 11, 24, 11), local(2026, 11, 24, 10)), 0) << "backwards";
}

TEST(TeamCalendarTest, CountsAcrossTheMarchClockChange)
{
    // Thursday to Tuesday around Sunday 29 March 2026: four full days, wherever UTC puts them.
    EXPECT_EQ(office().businessSeconds(local(2026, 3, 26, 9), local(2026, 3, 31, 17, 30)), 4 * 27000);
    EXPECT_EQ(office().businessSeconds(local(2026, 3, 27, 17), local(2026, 3, 30, 9, 30)), kHour);
    EXPECT_EQ(local(2026, 3, 30, 9, 30), 1774855800) << "07:30 UTC: summer time";

    WeekHours sundays;
    sundays[6] = {OpenPeriod{0, 24 * 60}};
    auto calendar = TeamCalendar::create(amsterdam(), sundays);
    ASSERT_TRUE(calendar) << calendar.message();
    EXPECT_EQ(calendar->businessSeconds(local(2026, 3, 28, 0), local(2026, 3, 31, 0)), 23 * kHour);
    EXPECT_EQ(calendar->businessSeconds(local(2026, 10, 24, 0), local(2026, 10, 27, 0)), 25 * kHour);
    EXPECT_EQ(calendar->businessSeconds(local(2026, 11, 1, 0), local(2026, 11, 2, 0)), 24 * kHour);
}

TEST(TeamCalendarTest, PeriodsAcrossClockChangesAreOneStretch)
{
    // A period runs from the first moment its start shows to the first moment its end shows.
    WeekHours hours;
    hours[6] = {OpenPeriod{60, 150}, OpenPeriod{165, 195}};   // Sunday 01:00-02:30, 02:45-03:15
    auto calendar = TeamCalendar::create(amsterdam(), hours);
    ASSERT_TRUE(calendar) << calendar.message();
    // Spring: 02:00 becomes 03:00, so 01:00-02:00 and 03:00-03:15 remain.
    EXPECT_EQ(calendar->businessSeconds(local(2026, 3, 29, 0), local(2026, 3, 30, 0)), kHour + 900);
    EXPECT_EQ(calendar->addBusinessSeconds(local(2026, 3, 29, 0), kHour + 1), 1774746000 + 1);
    // Autumn: 03:00 becomes 02:00; 01:00 to the first 02:30, then the first 02:45 to 03:15.
    EXPECT_EQ(calendar->businessSeconds(local(2026, 10, 25, 0), local(2026, 10, 26, 0)), 3 * kHour);
    EXPECT_TRUE(calendar->isOpen(1792890000 + 1800)) << "the second 02:30, between the first 02:45 and 03:15";
}

TEST(TeamCalendarTest, DeadlinesSkipClosedTime)
{
    const TeamCalendar calendar = office();
    const std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t>> cases = {
        {local(2026, 11, 20, 16), 4 * kHour, local(2026, 11, 23, 11, 30)},      // over a weekend
        {local(2026, 12, 24, 17), kHour, local(2026, 12, 28, 9, 30)},           // weekend and holiday
        {local(2026, 11, 24, 9), 3 * kHour + 1800, local(2026, 11, 24, 12, 30)}, // at a period's end
        {local(2026, 11, 24, 7), kHour, local(2026, 11, 24, 10)},               // from before opening
        {local(2026, 11, 24, 12, 0), kHour, local(2026, 11, 24, 14)},           // over lunch
        {local(2026, 3, 27, 17), kHour, 1774855800},                            // over the clock change
        {local(2026, 11, 24, 10), 10 * 27000, local(2026, 12, 8, 10)},          // two working weeks
    };
    for (const auto& [from, seconds, due] : cases) {
        EXPECT_EQ(calendar.addBusinessSeconds(from, seconds), due) << from << " + " << seconds;
        EXPECT_EQ(calendar.businessSeconds(from, due), seconds);
        EXPECT_TRUE(calendar.isOpen(due - 1));
    }
    EXPECT_EQ(calendar.addBusinessSeconds(local(2026, 11, 21, 12), 0), local(2026, 11, 21, 12));
    EXPECT_EQ(TeamCalendar::create(amsterdam(), WeekHours{})->addBusinessSeconds(0, 60), TeamCalendar::kNever);
}

TEST(TeamCalendarTest, KnowsWhenTheDeskIsOpen)
{
    const TeamCalendar calendar = office();
    EXPECT_TRUE(calendar.isOpen(local(2026, 11, 24, 9)));
    EXPECT_FALSE(calendar.isOpen(local(2026, 11, 24, 9) - 1));
    EXPECT_FALSE(calendar.isOpen(local(2026, 11, 24, 12, 30)));
    EXPECT_TRUE(calendar.isOpen(local(2026, 11, 24, 13, 30)));
    EXPECT_FALSE(calendar.isOpen(local(2026, 11, 22, 11))) << "Sunday";
    EXPECT_TRUE(calendar.isOpen(local(1990, 6, 5, 10))) << "outside the cached years too";
    EXPECT_FALSE(calendar.isOpen(local(2070, 6, 7, 10)));
}

TEST(TeamCalendarTest, AlwaysOpenIsWallClockTime)
{
    const TeamCalendar calendar = TeamCalendar::alwaysOpen();
    EXPECT_EQ(calendar.timeZone().name(), "UTC");
    for (const std::int64_t from : {std::int64_t(-100000), std::int64_t(1774746000), std::int64_t(3000000000)}) {
        EXPECT_EQ(calendar.businessSeconds(from, from + 1234567), 1234567);
        EXPECT_EQ(calendar.addBusinessSeconds(from, 7654321), from + 7654321);
        EXPECT_TRUE(calendar.isOpen(from));
    }
}

TEST(TeamCalendarTest, AgreesWithTheWallClockInsideAndOutsideTheCachedYears)
{
    WeekHours weekends;
    weekends[5] = {OpenPeriod{0, 24 * 60}};
    weekends[6] = {OpenPeriod{0, 8 * 60}, OpenPeriod{20 * 60, 24 * 60}};
    const std::vector<TeamCalendar> calendars = {
        office({{2026, 12, 25}, {2000, 1, 3}, {2049, 12, 31}, {2060, 3, 1}}),
        *TeamCalendar::create(amsterdam(), weekends),
        *TeamCalendar::create(*TimeZone::load("America/New_York"), officeHours(), {{2026, 7, 3}}),
    };
    std::mt19937_64 random(20261120);
    const auto minuteIn = [&](std::int64_t from, std::int64_t to) {
        return from + std::int64_t(random() % std::uint64_t((to - from) / 60)) * 60;
    };
    for (const auto& calendar : calendars) {
        for (const CivilDate around : {CivilDate{2026, 3, 1}, CivilDate{2026, 10, 1}, CivilDate{1999, 12, 10},
                                       CivilDate{2049, 12, 10}, CivilDate{1995, 3, 10}, CivilDate{2060, 2, 20}}) {
            const std::int64_t start = daysFromCivil(around) * 86400;
            for (int i = 0; i < 40; ++i) {
                const std::int64_t from = minuteIn(start, start + 40 * 86400);
                const std::int64_t to = minuteIn(from, from + 12 * 86400);
                const std::int64_t open = calendar.businessSeconds(from, to);
                ASSERT_EQ(open, wallClockSeconds(calendar, from, to)) << calendar.timeZone().name() << " " << from
                                                                       << " to " << to;
                const std::int64_t wanted = std::int64_t(random() % 200000) + 1;
                const std::int64_t due = calendar.addBusinessSeconds(from, wanted);
                ASSERT_EQ(calendar.businessSeconds(from, due), wanted) << from << " + " << wanted;
                ASSERT_EQ(calendar.businessSeconds(from, due - 1), wanted - 1) << "the earliest such instant";
                ASSERT_TRUE(calendar.isOpen(due - 1)) << "inside a period or at its end";
                if (open > 0) {
                    ASSERT_LE(calendar.addBusinessSeconds(from, open), to);
                }
            }
        }
    }
}

TEST(TeamCalendarTest, RoundTripsThroughJson)
{
    const json stored = {
        {"time_zone", "Europe/Amsterdam"},
        {"hours", {{"mon", {"13:30-17:30", "09:00-12:30"}}, {"tue", {"09:00-17:30"}}, {"sat", json::array()},
                   {"sun", {"00:00-24:00"}}}},
        {"holidays", {"2026-12-26", "2026-12-25", "2026-12-25"}},
    };
    auto calendar = TeamCalendar::fromJson(stored);
    ASSERT_TRUE(calendar) << calendar.message();
    const json expected = json::parse(R"({"time_zone": "Europe/Amsterdam",
        "hours": {"mon": ["09:00-12:30", "13:30-17:30"], "tue": ["09:00-17:30"], "wed": [], "thu": [],
                  "fri": [], "sat": [], "sun": ["00:00-24:00"]},
        "holidays": ["2026-12-25", "2026-12-26"]})");
    EXPECT_EQ(calendar->toJson(), expected);
    auto again = TeamCalendar::fromJson(calendar->toJson());
    ASSERT_TRUE(again) << again.message();
    EXPECT_EQ(again->toJson(), expected);
    EXPECT_EQ(again->businessSeconds(local(2026, 11, 23, 8), local(2026, 11, 25, 8)), 16 * kHour);

    auto alwaysOpen = TeamCalendar::fromJson(TeamCalendar::alwaysOpen().toJson());
    ASSERT_TRUE(alwaysOpen) << alwaysOpen.message();
    EXPECT_EQ(alwaysOpen->businessSeconds(0, 1000000), 1000000);
}

TEST(TeamCalendarTest, RejectsBadJsonWithAReason)
{
    const auto withHours = [](json hours) {
        return json{{"time_zone", "Europe/Amsterdam"}, {"hours", std::move(hours)}};
    };
    const std::vector<std::pair<json, std::string>> cases = {
        {json::array(), "must be a JSON object"},
        {json{{"hours", json::object()}}, "no time_zone; give an IANA name such as Europe/Amsterdam"},
        {json{{"time_zone", "Europe/Amsterdm"}, {"hours", json::object()}}, "did you mean Europe/Amsterdam?"},
        {json{{"time_zone", "Europe/Amsterdam"}}, "no hours"},
        {json{{"time_zone", "UTC"}, {"hours", json::object()}, {"holiday", json::array()}},
         "unknown key 'holiday'"},
        {withHours({{"monday", {"09:00-17:00"}}}), "unknown weekday 'monday' in hours; use mon, tue"},
        {withHours({{"mon", "09:00-17:00"}}), "hours for mon must be a list of periods"},
        {withHours({{"mon", {9}}}), "hours for mon must be a list of periods"},
        {withHours({{"tue", {"25:00-26:00"}}}), "hours for tue: '25:00' is not a time of day"},
        {withHours({{"wed", {"17:30-09:00"}}}), "hours for wed: period '17:30-09:00' does not end after it starts"},
        {withHours({{"thu", {"09:00-09:00"}}}), "does not end after it starts"},
        {withHours({{"fri", {"13:00-17:00", "09:00-13:30"}}}), "hours for fri: 09:00-13:30 and 13:00-17:00 overlap"},
        {withHours({{"sat", {"9-17"}}}), "'9' is not a time of day"},
        {json{{"time_zone", "UTC"}, {"hours", json::object()}, {"holidays", "2026-12-25"}},
         "holidays must be a list of dates"},
        {json{{"time_zone", "UTC"}, {"hours", json::object()}, {"holidays", {"2026-02-30"}}},
         "'2026-02-30' is not a date; write YYYY-MM-DD"},
        {json{{"time_zone", "UTC"}, {"hours", json::object()}, {"holidays", {"25-12-2026"}}}, "is not a date"},
    };
    for (const auto& [input, reason] : cases) {
        auto calendar = TeamCalendar::fromJson(input);
        ASSERT_FALSE(calendar) << input.dump();
        EXPECT_TRUE(mentions(calendar.message(), reason)) << input.dump() << ": " << calendar.message();
    }
}

TEST(TeamCalendarTest, ParsesPeriodsForTheCommandLine)
{
    auto period = TeamCalendar::parsePeriod("09:00-17:30");
    ASSERT_TRUE(period) << period.message();
    EXPECT_EQ(*period, (OpenPeriod{540, 1050}));
    EXPECT_EQ(*TeamCalendar::parsePeriod(" 9:05 - 12:30 "), (OpenPeriod{545, 750}));
    EXPECT_EQ(*TeamCalendar::parsePeriod("00:00-24:00"), (OpenPeriod{0, 1440}));
    EXPECT_EQ(TeamCalendar::formatPeriod(OpenPeriod{545, 1440}), "09:05-24:00");
    EXPECT_EQ(TeamCalendar::parsePeriod("0900").message(), "'0900' is not a period; write start-end such as 09:00-17:30");
    EXPECT_EQ(TeamCalendar::parsePeriod("09:60-10:00").message(),
              "'09:60' is not a time of day; write HH:MM between 00:00 and 24:00");
    EXPECT_FALSE(TeamCalendar::parsePeriod("24:30-24:45"));
    EXPECT_FALSE(TeamCalendar::parsePeriod("24:00-24:00"));
    EXPECT_FALSE(TeamCalendar::parsePeriod("09:00-"));
    EXPECT_TRUE(mentions(TeamCalendar::parsePeriod("22:00-02:00").message(), "split it over two days"));

    EXPECT_EQ(*TeamCalendar::parseDate("2028-02-29"), (CivilDate{2028, 2, 29}));
    EXPECT_FALSE(TeamCalendar::parseDate("2026-2-28"));
    EXPECT_EQ(TeamCalendar::formatDate(CivilDate{2026, 12, 5}), "2026-12-05");
}

TEST(TeamCalendarTest, CreateChecksPeriodsAndDates)
{
    WeekHours overlapping;
    overlapping[2] = {OpenPeriod{600, 700}, OpenPeriod{540, 610}};
    auto calendar = TeamCalendar::create(amsterdam(), overlapping);
    ASSERT_FALSE(calendar);
    EXPECT_EQ(calendar.message(), "hours for wed: 09:00-10:10 and 10:00-11:40 overlap; give each stretch of time once");

    WeekHours late;
    late[0] = {OpenPeriod{1400, 1500}};
    EXPECT_TRUE(mentions(TeamCalendar::create(amsterdam(), late).message(), "within 00:00-24:00"));
    EXPECT_TRUE(mentions(TeamCalendar::create(amsterdam(), officeHours(), {{2026, 4, 31}}).message(),
                         "holiday 2026-04-31 is not a date"));

    WeekHours adjacent;
    adjacent[1] = {OpenPeriod{780, 1020}, OpenPeriod{540, 780}};
    auto touching = TeamCalendar::create(amsterdam(), adjacent);
    ASSERT_TRUE(touching) << "periods that only touch are fine";
    EXPECT_EQ(touching->businessSeconds(local(2026, 11, 24, 0), local(2026, 11, 25, 0)), 8 * kHour);
    EXPECT_EQ(touching->hours()[1].front(), (OpenPeriod{540, 780})) << "kept in order";
}
