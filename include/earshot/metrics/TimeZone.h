// An IANA time zone (Europe/Amsterdam, America/New_York, …) read from the system's TZif
// files, so business-hours metrics follow the team's wall clock through daylight saving
// without depending on the process's TZ setting or on Qt. Also the calendar arithmetic
// (civil dates <-> day numbers) that the zone rules and TeamCalendar share.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "earshot/core/Result.h"

namespace earshot::metrics {

// A date on the proleptic Gregorian calendar, without a time or a zone.
struct CivilDate {
    int year = 1970;
    int month = 1;   // 1..12
    int day = 1;     // 1..31
    friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

// Days since 1970-01-01 (negative before it); exact for any year that fits an int.
std::int64_t daysFromCivil(CivilDate date);
CivilDate civilFromDays(std::int64_t days);
// 0 = Monday … 6 = Sunday.
int weekdayOfDays(std::int64_t days);
// False for 2026-02-30, month 13 and the like.
bool isValidDate(CivilDate date);

class TimeZone {
public:
    // Reads `zoneinfoDir`/`name`. Refuses paths (absolute or with "..") and names that are
    // not there, suggesting a close name when there is one ("Europe/Amsterdm").
    static Result<TimeZone> load(std::string_view name, const std::string& zoneinfoDir = "/usr/share/zoneinfo");
    // Parses TZif bytes (RFC 8536, versions 1 to 4; the 64-bit block when there is one).
    // `name` is kept for name() and messages only. Leap-second ("right/") data is refused.
    static Result<TimeZone> fromTzif(std::string_view name, std::string_view bytes);
    static TimeZone utc();

    // Seconds east of UTC in effect at the instant.
    std::int32_t offsetAt(std::int64_t utcSeconds) const;

    // The instant at which the wall clock shows `localSeconds` (local time counted as if it
    // were UTC). A wall time skipped when clocks jump forward maps to the instant of the jump,
    // the first moment the clock shows a later time (02:30 on a spring-forward night where
    // 02:00 becomes 03:00 gives the instant the clock reads 03:00), so an opening time inside
    // the gap opens when the gap ends. A wall time that happens twice when clocks go back maps
    // to the earlier of the two instants.
    std::int64_t toUtc(std::int64_t localSeconds) const;

    const std::string& name() const { return m_name; }

private:
    // A date in a POSIX TZ rule: "Jn" (1..365, February 29 never counted), "n" (0..365,
    // counted) or "Mm.w.d" (weekday d, 0 = Sunday, of week w of month m; week 5 = last).
    struct RuleDate {
        enum class Kind { Julian, ZeroBased, MonthWeekDay } kind = Kind::MonthWeekDay;
        int day = 0;
        int month = 1;
        int week = 1;
        int weekday = 0;
        std::int32_t time = 2 * 3600;   // local seconds after midnight; may be negative (v3)
    };
    // The TZif footer, used after the last transition: "CET-1CEST,M3.5.0,M10.5.0/3".
    struct Rule {
        std::int32_t standardOffset = 0;   // east of UTC, unlike the POSIX sign
        std::int32_t daylightOffset = 0;
        bool hasDaylight = false;
        RuleDate start;   // daylight saving starts, in standard time
        RuleDate end;     // and ends, in daylight time
    };

    TimeZone() = default;
    static std::optional<Rule> parseRule(std::string_view text);
    static std::int64_t ruleInstant(const RuleDate& date, int year, std::int32_t offset);
    static std::int32_t ruleOffsetAt(const Rule& rule, std::int64_t utcSeconds);

    std::string m_name;
    std::vector<std::int64_t> m_transitions;   // ascending UTC instants
    std::vector<std::int32_t> m_offsets;       // in effect from the matching transition
    std::int32_t m_initialOffset = 0;          // before the first transition
    std::optional<Rule> m_rule;                // after the last transition
};

}  // namespace earshot::metrics
