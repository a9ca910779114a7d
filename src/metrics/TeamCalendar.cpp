#include "earshot/metrics/TeamCalendar.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <utility>

namespace earshot::metrics {

namespace {

constexpr std::int64_t kDaySeconds = 86400;
constexpr int kDayMinutes = 24 * 60;

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

bool allDigits(std::string_view text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

int toInt(std::string_view digits)
{
    int value = 0;
    for (const char ch : digits)
        value = value * 10 + (ch - '0');
    return value;
}

// "9:05", "09:05" or "24:00" as minutes since midnight.
std::optional<int> parseClock(std::string_view text)
{
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos)
        return std::nullopt;
    const std::string_view hours = text.substr(0, colon);
    const std::string_view minutes = text.substr(colon + 1);
    if (hours.size() > 2 || minutes.size() != 2 || !allDigits(hours) || !allDigits(minutes))
        return std::nullopt;
    const int h = toInt(hours);
    const int m = toInt(minutes);
    if (m > 59 || h > 24 || (h == 24 && m != 0))
        return std::nullopt;
    return h * 60 + m;
}

}  // namespace

struct TeamCalendar::Table {
    std::int64_t firstDay = 0;
    std::vector<std::int64_t> dayStarts;     // n + 1: UTC start of local day firstDay + i
    std::vector<std::int64_t> cumulative;    // n + 1: open seconds from dayStarts[0] to dayStarts[i]
    std::vector<std::uint32_t> spanBegin;    // n + 1: day i's spans are spans[spanBegin[i] .. spanBegin[i + 1])
    std::vector<Span> spans;

    // The day i with dayStarts[i] <= utc < dayStarts[i + 1]. Local days are 23 to 25 hours
    // and the offset never drifts far, so counting whole days lands within a step or two.
    std::size_t locate(std::int64_t utc) const
    {
        const std::size_t days = dayStarts.size() - 1;
        const std::int64_t guess = (utc - dayStarts.front()) / kDaySeconds;
        std::size_t i = static_cast<std::size_t>(std::clamp<std::int64_t>(guess, 0, std::int64_t(days) - 1));
        while (i > 0 && dayStarts[i] > utc)
            --i;
        while (i + 1 < days && dayStarts[i + 1] <= utc)
            ++i;
        return i;
    }
};

TeamCalendar::TeamCalendar(TimeZone zone, WeekHours hours, std::vector<CivilDate> holidays)
    : m_zone(std::move(zone)), m_hours(std::move(hours)), m_holidays(std::move(holidays))
{
    bool allDay = true;
    for (auto& periods : m_hours) {
        std::sort(periods.begin(), periods.end(),
                  [](const OpenPeriod& a, const OpenPeriod& b) { return a.startMinute < b.startMinute; });
        m_everOpen = m_everOpen || !periods.empty();
        allDay = allDay && periods.size() == 1 && periods[0] == OpenPeriod{0, kDayMinutes};
    }
    std::sort(m_holidays.begin(), m_holidays.end());
    m_holidays.erase(std::unique(m_holidays.begin(), m_holidays.end()), m_holidays.end());
    for (const CivilDate& date : m_holidays)
        m_holidayDays.push_back(daysFromCivil(date));
    m_allTheTime = allDay && m_holidays.empty();
    if (m_allTheTime || !m_everOpen)
        return;   // answered without a table

    auto table = std::make_shared<Table>();
    table->firstDay = daysFromCivil(CivilDate{kFirstCachedYear, 1, 1});
    const std::int64_t days = daysFromCivil(CivilDate{kEndCachedYear, 1, 1}) - table->firstDay;
    table->dayStarts.reserve(std::size_t(days) + 1);
    for (std::int64_t i = 0; i <= days; ++i) {
        const std::int64_t start = dayStart(table->firstDay + i);
        table->dayStarts.push_back(i == 0 ? start : std::max(start, table->dayStarts.back()));
    }
    table->cumulative.assign(1, 0);
    table->spanBegin.assign(1, 0);
    for (std::int64_t i = 0; i < days; ++i) {
        const std::size_t before = table->spans.size();
        appendSpans(table->firstDay + i, table->dayStarts[std::size_t(i)], table->dayStarts[std::size_t(i) + 1],
                    table->spans);
        std::int64_t open = 0;
        for (std::size_t s = before; s < table->spans.size(); ++s)
            open += table->spans[s].end - table->spans[s].start;
        table->cumulative.push_back(table->cumulative.back() + open);
        table->spanBegin.push_back(static_cast<std::uint32_t>(table->spans.size()));
    }
    m_table = std::move(table);
}

Result<TeamCalendar> TeamCalendar::create(TimeZone zone, WeekHours hours, std::vector<CivilDate> holidays)
{
    for (std::size_t day = 0; day < hours.size(); ++day) {
        auto periods = hours[day];
        const std::string label = "hours for " + std::string(kWeekdayKeys[day]) + ": ";
        for (const OpenPeriod& period : periods) {
            if (period.startMinute < 0 || period.endMinute > kDayMinutes || period.endMinute <= period.startMinute)
                return fail(label + "a period must lie within 00:00-24:00 and end after it starts (got minutes "
                            + std::to_string(period.startMinute) + " to " + std::to_string(period.endMinute) + ")");
        }
        std::sort(periods.begin(), periods.end(),
                  [](const OpenPeriod& a, const OpenPeriod& b) { return a.startMinute < b.startMinute; });
        for (std::size_t i = 1; i < periods.size(); ++i) {
            if (periods[i].startMinute < periods[i - 1].endMinute)
                return fail(label + formatPeriod(periods[i - 1]) + " and " + formatPeriod(periods[i])
                            + " overlap; give each stretch of time once");
        }
    }
    for (const CivilDate& date : holidays) {
        if (!isValidDate(date))
            return fail("holiday " + formatDate(date) + " is not a date on the calendar");
    }
    return TeamCalendar(std::move(zone), std::move(hours), std::move(holidays));
}

TeamCalendar TeamCalendar::alwaysOpen()
{
    WeekHours hours;
    hours.fill({OpenPeriod{0, kDayMinutes}});
    return TeamCalendar(TimeZone::utc(), std::move(hours), {});
}

Result<TeamCalendar> TeamCalendar::fromJson(const nlohmann::json& json, const std::string& zoneinfoDir)
{
    if (!json.is_object())
        return fail("a team calendar must be a JSON object with time_zone, hours and holidays");
    for (const auto& [key, value] : json.items()) {
        if (key != "time_zone" && key != "hours" && key != "holidays")
            return fail("unknown key '" + key + "' in the team calendar; expected time_zone, hours and holidays");
    }
    const auto zoneField = json.find("time_zone");
    if (zoneField == json.end() || !zoneField->is_string())
        return fail("the team calendar has no time_zone; give an IANA name such as Europe/Amsterdam");
    auto zone = TimeZone::load(zoneField->get<std::string>(), zoneinfoDir);
    if (!zone)
        return zone.error();

    const auto hoursField = json.find("hours");
    if (hoursField == json.end() || !hoursField->is_object())
        return fail(R"(the team calendar has no hours; give periods per weekday such as {"mon": ["09:00-17:30"]})");
    WeekHours hours;
    for (const auto& [key, value] : hoursField->items()) {
        const auto found = std::find(kWeekdayKeys.begin(), kWeekdayKeys.end(), key);
        if (found == kWeekdayKeys.end())
            return fail("unknown weekday '" + key + "' in hours; use mon, tue, wed, thu, fri, sat or sun");
        const auto shapeError = fail("hours for " + key + R"( must be a list of periods such as ["09:00-12:30", "13:30-17:30"])");
        if (!value.is_array())
            return shapeError;
        for (const auto& text : value) {
            if (!text.is_string())
                return shapeError;
            auto period = parsePeriod(text.get<std::string>());
            if (!period)
                return fail("hours for " + key + ": " + period.message());
            hours[std::size_t(found - kWeekdayKeys.begin())].push_back(*period);
        }
    }

    std::vector<CivilDate> holidays;
    if (const auto holidaysField = json.find("holidays"); holidaysField != json.end()) {
        const auto shapeError = fail(R"(holidays must be a list of dates such as ["2026-12-25", "2026-12-26"])");
        if (!holidaysField->is_array())
            return shapeError;
        for (const auto& text : *holidaysField) {
            if (!text.is_string())
                return shapeError;
            auto date = parseDate(text.get<std::string>());
            if (!date)
                return fail("holidays: " + date.message());
            holidays.push_back(*date);
        }
    }
    return create(std::move(*zone), std::move(hours), std::move(holidays));
}

nlohmann::json TeamCalendar::toJson() const
{
    nlohmann::json hours = nlohmann::json::object();
    for (std::size_t day = 0; day < m_hours.size(); ++day) {
        nlohmann::json periods = nlohmann::json::array();
        for (const OpenPeriod& period : m_hours[day])
            periods.push_back(formatPeriod(period));
        hours[std::string(kWeekdayKeys[day])] = std::move(periods);
    }
    nlohmann::json holidays = nlohmann::json::array();
    for (const CivilDate& date : m_holidays)
        holidays.push_back(formatDate(date));
    return {{"time_zone", m_zone.name()}, {"hours", std::move(hours)}, {"holidays", std::move(holidays)}};
}

Result<OpenPeriod> TeamCalendar::parsePeriod(std::string_view text)
{
    const std::string shown(trim(text));
    const std::size_t dash = text.find('-');
    if (dash == std::string_view::npos)
        return fail("'" + shown + "' is not a period; write start-end such as 09:00-17:30");
    OpenPeriod period;
    for (const auto& [part, minutes] : {std::pair{trim(text.substr(0, dash)), &period.startMinute},
                                        std::pair{trim(text.substr(dash + 1)), &period.endMinute}}) {
        const auto clock = parseClock(part);
        if (!clock)
            return fail("'" + std::string(part) + "' is not a time of day; write HH:MM between 00:00 and 24:00");
        *minutes = *clock;
    }
    if (period.endMinute <= period.startMinute)
        return fail("period '" + shown + "' does not end after it starts; a period cannot pass midnight, "
                    "so split it over two days");
    return period;
}

std::string TeamCalendar::formatPeriod(OpenPeriod period)
{
    char text[64];
    std::snprintf(text, sizeof text, "%02d:%02d-%02d:%02d", period.startMinute / 60, period.startMinute % 60,
                  period.endMinute / 60, period.endMinute % 60);
    return text;
}

Result<CivilDate> TeamCalendar::parseDate(std::string_view text)
{
    const auto error = fail("'" + std::string(text) + "' is not a date; write YYYY-MM-DD such as 2026-12-25");
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !allDigits(text.substr(0, 4))
        || !allDigits(text.substr(5, 2)) || !allDigits(text.substr(8, 2)))
        return error;
    const CivilDate date{toInt(text.substr(0, 4)), toInt(text.substr(5, 2)), toInt(text.substr(8, 2))};
    if (!isValidDate(date))
        return error;
    return date;
}

std::string TeamCalendar::formatDate(CivilDate date)
{
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
    return text;
}

std::int64_t TeamCalendar::businessSeconds(std::int64_t fromUtc, std::int64_t toUtc) const
{
    if (toUtc <= fromUtc || !m_everOpen)
        return 0;
    if (m_allTheTime)
        return toUtc - fromUtc;
    const std::int64_t first = m_table->dayStarts.front();
    const std::int64_t last = m_table->dayStarts.back();
    std::int64_t total = 0;
    if (fromUtc < first)
        total += walkSeconds(fromUtc, std::min(toUtc, first));
    const std::int64_t low = std::max(fromUtc, first);
    const std::int64_t high = std::min(toUtc, last);
    if (low < high)
        total += cumulativeAt(high) - cumulativeAt(low);
    if (toUtc > last)
        total += walkSeconds(std::max(fromUtc, last), toUtc);
    return total;
}

std::int64_t TeamCalendar::addBusinessSeconds(std::int64_t fromUtc, std::int64_t seconds) const
{
    if (seconds <= 0)
        return fromUtc;
    if (!m_everOpen)
        return kNever;
    if (m_allTheTime)
        return fromUtc + seconds;
    const Table& table = *m_table;
    const std::int64_t first = table.dayStarts.front();
    const std::int64_t last = table.dayStarts.back();
    std::int64_t at = fromUtc;
    if (at < first) {
        if (const std::int64_t found = walkAdd(at, seconds, first); found != kNever)
            return found;
        at = first;
    }
    if (at < last) {
        const std::int64_t target = cumulativeAt(at) + seconds;
        if (target <= table.cumulative.back()) {
            // The day that reaches the target, then the span within it.
            const auto reached = std::lower_bound(table.cumulative.begin(), table.cumulative.end(), target);
            const auto day = std::size_t(reached - table.cumulative.begin()) - 1;
            std::int64_t rest = target - table.cumulative[day];
            for (std::uint32_t s = table.spanBegin[day]; s < table.spanBegin[day + 1]; ++s) {
                const Span& span = table.spans[s];
                if (rest <= span.end - span.start)
                    return span.start + rest;
                rest -= span.end - span.start;
            }
            return table.dayStarts[day + 1];   // not reached: the day's spans add up to its total
        }
        seconds = target - table.cumulative.back();
        at = last;
    }
    return walkAdd(at, seconds, kNever);
}

bool TeamCalendar::isOpen(std::int64_t utc) const
{
    return utc < kNever && businessSeconds(utc, utc + 1) == 1;
}

std::int64_t TeamCalendar::dayStart(std::int64_t day) const
{
    return m_zone.toUtc(day * kDaySeconds);
}

std::int64_t TeamCalendar::dayOf(std::int64_t utc) const
{
    // The wall-clock date is right but for instants the day bounds treat differently
    // (a repeated or skipped midnight); dayStart() is monotonic, so stepping settles it.
    const std::int64_t local = utc + m_zone.offsetAt(utc);
    std::int64_t day = local / kDaySeconds - (local % kDaySeconds < 0 ? 1 : 0);
    while (dayStart(day) > utc)
        --day;
    while (dayStart(day + 1) <= utc)
        ++day;
    return day;
}

void TeamCalendar::appendSpans(std::int64_t day, std::int64_t start, std::int64_t end, std::vector<Span>& out) const
{
    const auto& periods = m_hours[std::size_t(weekdayOfDays(day))];
    if (periods.empty() || std::binary_search(m_holidayDays.begin(), m_holidayDays.end(), day))
        return;
    const std::int64_t midnight = day * kDaySeconds;
    // Most days have no clock change: one offset serves every period.
    const std::int32_t offset = m_zone.offsetAt(start);
    const bool steady = end - start == kDaySeconds && m_zone.offsetAt(end - 1) == offset;
    const auto instant = [&](int minute) {
        if (minute == kDayMinutes)
            return end;
        const std::int64_t local = midnight + std::int64_t(minute) * 60;
        return steady ? local - offset : m_zone.toUtc(local);
    };
    std::int64_t floor = start;   // keeps spans in order where the clock went back
    for (const OpenPeriod& period : periods) {
        const std::int64_t from = std::max(instant(period.startMinute), floor);
        const std::int64_t to = std::min(instant(period.endMinute), end);
        if (to > from) {
            out.push_back(Span{from, to});
            floor = to;
        }
    }
}

std::int64_t TeamCalendar::walkSeconds(std::int64_t fromUtc, std::int64_t toUtc) const
{
    std::int64_t total = 0;
    std::vector<Span> spans;
    std::int64_t day = dayOf(fromUtc);
    std::int64_t start = dayStart(day);
    while (start < toUtc) {
        const std::int64_t end = std::max(start, dayStart(day + 1));
        spans.clear();
        appendSpans(day, start, end, spans);
        for (const Span& span : spans)
            total += std::max<std::int64_t>(0, std::min(span.end, toUtc) - std::max(span.start, fromUtc));
        start = end;
        ++day;
    }
    return total;
}

std::int64_t TeamCalendar::walkAdd(std::int64_t fromUtc, std::int64_t& seconds, std::int64_t stop) const
{
    std::vector<Span> spans;
    std::int64_t day = dayOf(fromUtc);
    std::int64_t start = dayStart(day);
    while (start < stop) {
        const std::int64_t end = std::max(start, dayStart(day + 1));
        spans.clear();
        appendSpans(day, start, end, spans);
        for (const Span& span : spans) {
            const std::int64_t from = std::max(span.start, fromUtc);
            const std::int64_t to = std::min(span.end, stop);
            if (to <= from)
                continue;
            if (to - from >= seconds)
                return from + seconds;
            seconds -= to - from;
        }
        start = end;
        ++day;
    }
    return kNever;
}

std::int64_t TeamCalendar::cumulativeAt(std::int64_t utc) const
{
    const Table& table = *m_table;
    if (utc >= table.dayStarts.back())
        return table.cumulative.back();
    const std::size_t day = table.locate(utc);
    std::int64_t total = table.cumulative[day];
    for (std::uint32_t s = table.spanBegin[day]; s < table.spanBegin[day + 1]; ++s) {
        const Span& span = table.spans[s];
        if (utc >= span.end) {
            total += span.end - span.start;
        } else {
            total += std::max<std::int64_t>(0, utc - span.start);
            break;
        }
    }
    return total;
}

}  // namespace earshot::metrics
