// The team's opening hours, so response-time metrics and SLA deadlines count only the time
// the desk is staffed: periods per weekday on the team's wall clock (a lunch break is two
// periods), a time zone whose daylight saving is followed, and whole-day holidays.
//
// A period is one stretch of time, from the first moment the wall clock shows its start to
// the first moment it shows its end. So on the night clocks jump forward an opening time in
// the skipped hour opens at the jump, and on the night they go back a period spanning the
// repeated hour lasts an hour longer (the desk stays staffed; it does not close and reopen).
//
// Aggregates ask businessSeconds() for millions of intervals, so construction precomputes,
// for every local day from kFirstCachedYear to kEndCachedYear, the UTC spans the desk is open
// and the open seconds before that day; a question inside that range then costs a few
// comparisons. Outside it the same answers are worked out day by day. Copies share the table.
//
// JSON form (storage and the CLI):
//   {"time_zone": "Europe/Amsterdam",
//    "hours": {"mon": ["09:00-12:30", "13:30-17:30"], …, "sun": []},
//    "holidays": ["2026-12-25", "2026-12-26"]}
// A weekday left out of "hours" is closed; "24:00" may end a period.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "earshot/core/Result.h"
#include "earshot/metrics/TimeZone.h"

namespace earshot::metrics {

// [startMinute, endMinute) in minutes since local midnight; endMinute up to 1440 (24:00).
struct OpenPeriod {
    int startMinute = 0;
    int endMinute = 0;
    friend bool operator==(const OpenPeriod&, const OpenPeriod&) = default;
};

// Index 0 = Monday … 6 = Sunday, as weekdayOfDays() counts.
using WeekHours = std::array<std::vector<OpenPeriod>, 7>;

inline constexpr std::array<std::string_view, 7> kWeekdayKeys = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

class TeamCalendar {
public:
    static constexpr int kFirstCachedYear = 2000;
    static constexpr int kEndCachedYear = 2050;   // exclusive
    // addBusinessSeconds() of a calendar that is never open.
    static constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::max();

    // Checks the periods (within 00:00–24:00, ending after they start, not overlapping on a
    // day; given in any order) and the holiday dates.
    static Result<TeamCalendar> create(TimeZone zone, WeekHours hours, std::vector<CivilDate> holidays = {});
    // Open around the clock in UTC: business time is wall-clock time.
    static TeamCalendar alwaysOpen();

    static Result<TeamCalendar> fromJson(const nlohmann::json& json, const std::string& zoneinfoDir = "/usr/share/zoneinfo");
    nlohmann::json toJson() const;

    // "09:00-17:30" (spaces around the dash allowed; "24:00" only as an end).
    static Result<OpenPeriod> parsePeriod(std::string_view text);
    static std::string formatPeriod(OpenPeriod period);
    // "2026-12-25"
    static Result<CivilDate> parseDate(std::string_view text);
    static std::string formatDate(CivilDate date);

    // Open seconds in [fromUtc, toUtc); 0 when toUtc <= fromUtc.
    std::int64_t businessSeconds(std::int64_t fromUtc, std::int64_t toUtc) const;
    // The earliest instant by which `seconds` of open time have passed since fromUtc: inside
    // an open period or at its end, so businessSeconds(fromUtc, result) == seconds. fromUtc
    // itself for seconds <= 0; kNever when no weekday has opening hours.
    std::int64_t addBusinessSeconds(std::int64_t fromUtc, std::int64_t seconds) const;
    bool isOpen(std::int64_t utc) const;

    const TimeZone& timeZone() const { return m_zone; }
    const WeekHours& hours() const { return m_hours; }
    const std::vector<CivilDate>& holidays() const { return m_holidays; }

private:
    struct Span {   // open in UTC [start, end)
        std::int64_t start;
        std::int64_t end;
    };
    struct Table;

    TeamCalendar(TimeZone zone, WeekHours hours, std::vector<CivilDate> holidays);

    // UTC instant at which local day `day` (days since 1970-01-01 on the wall clock) begins.
    std::int64_t dayStart(std::int64_t day) const;
    // The local day whose [dayStart(d), dayStart(d + 1)) holds `utc`.
    std::int64_t dayOf(std::int64_t utc) const;
    void appendSpans(std::int64_t day, std::int64_t start, std::int64_t end, std::vector<Span>& out) const;
    // Open seconds in [fromUtc, toUtc) worked out day by day, for times outside the table.
    std::int64_t walkSeconds(std::int64_t fromUtc, std::int64_t toUtc) const;
    // Day-by-day addBusinessSeconds: the instant, or the open seconds still missing at `stop`.
    std::int64_t walkAdd(std::int64_t fromUtc, std::int64_t& seconds, std::int64_t stop) const;
    // Open seconds from the table's first day to `utc`, which lies within the table.
    std::int64_t cumulativeAt(std::int64_t utc) const;

    TimeZone m_zone;
    WeekHours m_hours;
    std::vector<CivilDate> m_holidays;          // sorted, no repeats
    std::vector<std::int64_t> m_holidayDays;    // the same as day numbers
    bool m_allTheTime = false;                  // every day 00:00–24:00 and no holidays
    bool m_everOpen = false;
    std::shared_ptr<const Table> m_table;
};

}  // namespace earshot::metrics
