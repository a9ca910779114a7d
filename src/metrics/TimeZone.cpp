#include "earshot/metrics/TimeZone.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

namespace earshot::metrics {

namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kDaySeconds = 86400;
// RFC 8536 bounds UT offsets to -89999..93599; looking this far either side of a wall time
// is sure to see the offsets in effect before and after it.
constexpr std::int64_t kOffsetReach = 30 * 3600;
// Real TZif files are a few kilobytes; anything far bigger is something else.
constexpr std::uintmax_t kMaxTzifBytes = 1 << 20;

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0 && (a % b < 0) != (b < 0)) ? 1 : 0);
}

std::int64_t floorMod(std::int64_t a, std::int64_t b)
{
    return a - floorDiv(a, b) * b;
}

bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month)
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

std::uint32_t bigEndian32(std::string_view bytes, std::size_t at)
{
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i)
        value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
    return value;
}

std::int64_t bigEndianTime(std::string_view bytes, std::size_t at, std::size_t size)
{
    if (size == 4)
        return static_cast<std::int32_t>(bigEndian32(bytes, at));
    const std::uint64_t value = (std::uint64_t(bigEndian32(bytes, at)) << 32) | bigEndian32(bytes, at + 4);
    return static_cast<std::int64_t>(value);
}

// The six counts of a TZif header, in file order.
struct Counts {
    std::uint32_t isUt = 0, isStd = 0, leap = 0, time = 0, type = 0, chars = 0;
};

Counts readCounts(std::string_view bytes, std::size_t headerAt)
{
    const auto at = [&](int i) { return bigEndian32(bytes, headerAt + 20 + 4 * std::size_t(i)); };
    return Counts{at(0), at(1), at(2), at(3), at(4), at(5)};
}

std::size_t blockSize(const Counts& c, std::size_t timeSize)
{
    return std::size_t(c.time) * (timeSize + 1) + std::size_t(c.type) * 6 + c.chars
        + std::size_t(c.leap) * (timeSize + 4) + c.isStd + c.isUt;
}

struct Block {
    std::vector<std::int64_t> transitions;
    std::vector<std::int32_t> offsets;
    std::int32_t initialOffset = 0;
};

// Reads one data block; the caller has checked that it fits. Errors are bare details.
Result<Block> readBlock(std::string_view bytes, std::size_t at, const Counts& c, std::size_t timeSize)
{
    if (c.type == 0 || c.type > 256)
        return fail("it has " + std::to_string(c.type) + " local time types (1 to 256 allowed)");
    if ((c.isUt != 0 && c.isUt != c.type) || (c.isStd != 0 && c.isStd != c.type))
        return fail("its standard/UT indicator counts do not match its type count");
    if (c.leap != 0)
        return fail("it counts leap seconds (a right/ zone); use the zone without the right/ prefix");

    const std::size_t indexAt = at + std::size_t(c.time) * timeSize;
    const std::size_t typesAt = indexAt + c.time;
    std::vector<std::int32_t> typeOffsets(c.type);
    for (std::uint32_t i = 0; i < c.type; ++i) {
        const std::size_t p = typesAt + 6 * std::size_t(i);
        const auto offset = static_cast<std::int32_t>(bigEndian32(bytes, p));
        const auto isDst = static_cast<unsigned char>(bytes[p + 4]);
        const auto designation = static_cast<unsigned char>(bytes[p + 5]);
        if (offset < -89999 || offset > 93599 || isDst > 1 || designation >= c.chars)
            return fail("local time type " + std::to_string(i) + " is out of range");
        typeOffsets[i] = offset;
    }

    Block block;
    block.initialOffset = typeOffsets[0];
    block.transitions.reserve(c.time);
    block.offsets.reserve(c.time);
    for (std::uint32_t i = 0; i < c.time; ++i) {
        const std::int64_t when = bigEndianTime(bytes, at + std::size_t(i) * timeSize, timeSize);
        if (!block.transitions.empty() && when <= block.transitions.back())
            return fail("its transition times are not in ascending order");
        const auto type = static_cast<unsigned char>(bytes[indexAt + i]);
        if (type >= c.type)
            return fail("transition " + std::to_string(i) + " names a local time type it does not have");
        block.transitions.push_back(when);
        block.offsets.push_back(typeOffsets[type]);
    }
    return block;
}

// Levenshtein distance, case-insensitive: "amsterdm" is 1 from "Amsterdam".
std::size_t editDistance(std::string_view a, std::string_view b)
{
    const auto lower = [](char ch) { return std::tolower(static_cast<unsigned char>(ch)); };
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// A zone file whose name is a small slip away from `name`, fixing one path part at a time.
std::optional<std::string> closeZoneName(const fs::path& dir, std::string_view name)
{
    fs::path at = dir;
    std::string found;
    std::stringstream parts{std::string(name)};
    for (std::string part; std::getline(parts, part, '/');) {
        std::error_code error;
        std::string chosen = part;
        if (!fs::exists(at / part, error)) {
            std::size_t best = 3;   // at most two slips
            chosen.clear();
            for (fs::directory_iterator it(at, error), end; !error && it != end; it.increment(error)) {
                const std::string candidate = it->path().filename().string();
                const std::size_t distance = editDistance(part, candidate);
                if (distance < best) {
                    best = distance;
                    chosen = candidate;
                }
            }
            if (chosen.empty())
                return std::nullopt;
        }
        at /= chosen;
        found += (found.empty() ? "" : "/") + chosen;
    }
    std::error_code error;
    if (!fs::is_regular_file(at, error))
        return std::nullopt;
    return found;
}

bool isZoneNameSafe(std::string_view name)
{
    if (name.empty() || name.front() == '/' || name.back() == '/')
        return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto ch = static_cast<unsigned char>(name[i]);
        if (!std::isalnum(ch) && ch != '/' && ch != '_' && ch != '-' && ch != '+' && ch != '.')
            return false;
        // "..", "." and hidden files: IANA names never have a part starting with a dot.
        const bool partStart = i == 0 || name[i - 1] == '/';
        if (partStart && (ch == '.' || ch == '/'))
            return false;
    }
    return true;
}

// POSIX TZ pieces; each advances `i` past what it read and returns false on a mismatch.
bool readZoneAbbreviation(std::string_view text, std::size_t& i)
{
    if (i < text.size() && text[i] == '<') {
        const std::size_t close = text.find('>', i);
        if (close == std::string_view::npos)
            return false;
        i = close + 1;
        return true;
    }
    const std::size_t start = i;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i])))
        ++i;
    return i - start >= 3;
}

bool readNumber(std::string_view text, std::size_t& i, int maxDigits, int& value)
{
    const std::size_t start = i;
    value = 0;
    while (i < text.size() && i - start < std::size_t(maxDigits) && std::isdigit(static_cast<unsigned char>(text[i])))
        value = value * 10 + (text[i++] - '0');
    return i > start;
}

// [+-]hh[:mm[:ss]]; hours up to 167 as version 3 allows for rule times.
bool readClock(std::string_view text, std::size_t& i, std::int32_t& seconds)
{
    int sign = 1;
    if (i < text.size() && (text[i] == '+' || text[i] == '-'))
        sign = text[i++] == '-' ? -1 : 1;
    int hours = 0, minutes = 0, secs = 0;
    if (!readNumber(text, i, 3, hours) || hours > 167)
        return false;
    if (i < text.size() && text[i] == ':') {
        ++i;
        if (!readNumber(text, i, 2, minutes) || minutes > 59)
            return false;
        if (i < text.size() && text[i] == ':') {
            ++i;
            if (!readNumber(text, i, 2, secs) || secs > 59)
                return false;
        }
    }
    seconds = sign * (hours * 3600 + minutes * 60 + secs);
    return true;
}

}  // namespace

std::int64_t daysFromCivil(CivilDate date)
{
    // Counted in 400-year eras starting on March 1, so February 29 falls at a year's end.
    const std::int64_t year = std::int64_t(date.year) - (date.month <= 2 ? 1 : 0);
    const std::int64_t era = floorDiv(year, 400);
    const std::int64_t yearOfEra = year - era * 400;
    const std::int64_t monthFromMarch = (date.month + 9) % 12;
    const std::int64_t dayOfYear = (153 * monthFromMarch + 2) / 5 + date.day - 1;
    const std::int64_t dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

CivilDate civilFromDays(std::int64_t days)
{
    const std::int64_t shifted = days + 719468;
    const std::int64_t era = floorDiv(shifted, 146097);
    const std::int64_t dayOfEra = shifted - era * 146097;
    const std::int64_t yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const std::int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const std::int64_t monthFromMarch = (5 * dayOfYear + 2) / 153;
    const int day = static_cast<int>(dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
    const int month = static_cast<int>(monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
    const int year = static_cast<int>(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
    return CivilDate{year, month, day};
}

int weekdayOfDays(std::int64_t days)
{
    return static_cast<int>(floorMod(days + 3, 7));   // 1970-01-01 was a Thursday
}

bool isValidDate(CivilDate date)
{
    return date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= daysInMonth(date.year, date.month);
}

Result<TimeZone> TimeZone::load(std::string_view name, const std::string& zoneinfoDir)
{
    const std::string shown(name);
    if (name.empty())
        return fail("no time zone given; use a name such as Europe/Amsterdam");
    if (!isZoneNameSafe(name))
        return fail("'" + shown + "' is not a time zone name; use a name such as Europe/Amsterdam, not a file path");

    std::error_code error;
    const fs::path dir(zoneinfoDir);
    if (!fs::is_directory(dir, error))
        return fail("no time zone data in '" + zoneinfoDir + "'; install the tzdata package");
    const fs::path file = dir / shown;
    if (!fs::is_regular_file(file, error)) {
        if (auto close = closeZoneName(dir, name))
            return fail("unknown time zone '" + shown + "'; did you mean " + *close + "?");
        return fail("unknown time zone '" + shown + "'; use a name such as Europe/Amsterdam");
    }
    const std::uintmax_t size = fs::file_size(file, error);
    if (error || size > kMaxTzifBytes)
        return fail("time zone file '" + file.string() + "' is not a TZif file (too large or unreadable)");
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return fail("cannot read time zone file '" + file.string() + "'; check its permissions");
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto zone = fromTzif(name, bytes);
    if (!zone)
        return fail("time zone file '" + file.string() + "' cannot be used: " + zone.message());
    return zone;
}

Result<TimeZone> TimeZone::fromTzif(std::string_view name, std::string_view bytes)
{
    constexpr std::size_t kHeader = 44;
    const auto headerOk = [&](std::size_t at) {
        if (bytes.size() < at + kHeader || bytes.substr(at, 4) != "TZif")
            return false;
        const char version = bytes[at + 4];
        return version == '\0' || version == '2' || version == '3' || version == '4';
    };
    if (!headerOk(0))
        return fail("'" + std::string(name) + "' is not TZif data (no TZif header of version 1 to 4)");

    Counts counts = readCounts(bytes, 0);
    std::size_t blockAt = kHeader;
    std::size_t timeSize = 4;
    if (bytes[4] != '\0') {
        // Version 2+: skip the 32-bit block; the 64-bit one after it covers all of time.
        const std::size_t secondHeader = kHeader + blockSize(counts, 4);
        if (!headerOk(secondHeader))
            return fail("'" + std::string(name) + "' is truncated or damaged (no second TZif header)");
        counts = readCounts(bytes, secondHeader);
        blockAt = secondHeader + kHeader;
        timeSize = 8;
    }
    const std::size_t blockEnd = blockAt + blockSize(counts, timeSize);
    if (blockEnd > bytes.size())
        return fail("'" + std::string(name) + "' is truncated");
    auto block = readBlock(bytes, blockAt, counts, timeSize);
    if (!block)
        return fail("'" + std::string(name) + "' is not usable TZif data: " + block.message());

    TimeZone zone;
    zone.m_name = std::string(name);
    zone.m_transitions = std::move(block->transitions);
    zone.m_offsets = std::move(block->offsets);
    zone.m_initialOffset = block->initialOffset;
    if (timeSize == 8) {
        const std::size_t close = bytes.find('\n', blockEnd + 1);
        if (blockEnd >= bytes.size() || bytes[blockEnd] != '\n' || close == std::string_view::npos)
            return fail("'" + std::string(name) + "' has no TZ string footer");
        const std::string_view footer = bytes.substr(blockEnd + 1, close - blockEnd - 1);
        if (!footer.empty()) {
            zone.m_rule = parseRule(footer);
            if (!zone.m_rule)
                return fail("'" + std::string(name) + "' has a TZ string this reader does not understand: '"
                            + std::string(footer) + "'");
        }
    }
    return zone;
}

TimeZone TimeZone::utc()
{
    TimeZone zone;
    zone.m_name = "UTC";
    return zone;
}

std::int32_t TimeZone::offsetAt(std::int64_t utcSeconds) const
{
    if (m_transitions.empty())
        return m_rule ? ruleOffsetAt(*m_rule, utcSeconds) : m_initialOffset;
    if (utcSeconds < m_transitions.front())
        return m_initialOffset;
    if (m_rule && utcSeconds >= m_transitions.back())
        return ruleOffsetAt(*m_rule, utcSeconds);
    const auto after = std::upper_bound(m_transitions.begin(), m_transitions.end(), utcSeconds);
    return m_offsets[std::size_t(after - m_transitions.begin()) - 1];
}

std::int64_t TimeZone::toUtc(std::int64_t localSeconds) const
{
    const std::int32_t before = offsetAt(localSeconds - kOffsetReach);
    const std::int32_t after = offsetAt(localSeconds + kOffsetReach);
    std::optional<std::int64_t> best;
    for (const std::int32_t offset : {before, after}) {
        const std::int64_t candidate = localSeconds - offset;
        if (offsetAt(candidate) == offset && (!best || candidate < *best))
            best = candidate;
    }
    if (best)
        return *best;
    if (after <= before)   // not a gap; only zones with two changes within hours get here
        return localSeconds - offsetAt(localSeconds);

    // A gap: find the jump, the first instant whose wall clock reads later than localSeconds.
    std::int64_t low = localSeconds - after;    // the clock there still reads earlier
    std::int64_t high = localSeconds - before;  // and here already later
    while (high - low > 1) {
        const std::int64_t middle = low + (high - low) / 2;
        if (middle + offsetAt(middle) > localSeconds)
            high = middle;
        else
            low = middle;
    }
    return high;
}

std::optional<TimeZone::Rule> TimeZone::parseRule(std::string_view text)
{
    Rule rule;
    std::size_t i = 0;
    std::int32_t posixOffset = 0;
    if (!readZoneAbbreviation(text, i) || !readClock(text, i, posixOffset))
        return std::nullopt;
    rule.standardOffset = -posixOffset;   // POSIX counts hours west of Greenwich
    if (i == text.size())
        return rule;

    if (!readZoneAbbreviation(text, i))
        return std::nullopt;
    rule.hasDaylight = true;
    rule.daylightOffset = rule.standardOffset + 3600;
    if (i < text.size() && text[i] != ',') {
        if (!readClock(text, i, posixOffset))
            return std::nullopt;
        rule.daylightOffset = -posixOffset;
    }

    // Without dates POSIX leaves the rule to the implementation; tzdata always writes them.
    const auto readDate = [&](RuleDate& date) {
        if (i >= text.size() || text[i] != ',')
            return false;
        ++i;
        if (i < text.size() && text[i] == 'M') {
            ++i;
            date.kind = RuleDate::Kind::MonthWeekDay;
            if (!readNumber(text, i, 2, date.month) || date.month < 1 || date.month > 12 || i >= text.size()
                || text[i++] != '.' || !readNumber(text, i, 1, date.week) || date.week < 1 || date.week > 5
                || i >= text.size() || text[i++] != '.' || !readNumber(text, i, 1, date.weekday) || date.weekday > 6)
                return false;
        } else if (i < text.size() && text[i] == 'J') {
            ++i;
            date.kind = RuleDate::Kind::Julian;
            if (!readNumber(text, i, 3, date.day) || date.day < 1 || date.day > 365)
                return false;
        } else {
            date.kind = RuleDate::Kind::ZeroBased;
            if (!readNumber(text, i, 3, date.day) || date.day > 365)
                return false;
        }
        if (i < text.size() && text[i] == '/') {
            ++i;
            return readClock(text, i, date.time);
        }
        return true;
    };
    if (!readDate(rule.start) || !readDate(rule.end) || i != text.size())
        return std::nullopt;
    return rule;
}

std::int64_t TimeZone::ruleInstant(const RuleDate& date, int year, std::int32_t offset)
{
    const std::int64_t januaryFirst = daysFromCivil(CivilDate{year, 1, 1});
    std::int64_t day = januaryFirst;
    switch (date.kind) {
    case RuleDate::Kind::Julian:
        day += date.day - 1 + (isLeapYear(year) && date.day >= 60 ? 1 : 0);
        break;
    case RuleDate::Kind::ZeroBased:
        day += date.day;
        break;
    case RuleDate::Kind::MonthWeekDay: {
        const std::int64_t first = daysFromCivil(CivilDate{year, date.month, 1});
        const std::int64_t firstWeekday = floorMod(first + 4, 7);   // Sunday = 0 here, as in POSIX
        day = first + floorMod(date.weekday - firstWeekday, 7) + 7 * (date.week - 1);
        while (day >= first + daysInMonth(year, date.month))   // week 5: the last such weekday
            day -= 7;
        break;
    }
    }
    return day * kDaySeconds + date.time - offset;
}

std::int32_t TimeZone::ruleOffsetAt(const Rule& rule, std::int64_t utcSeconds)
{
    if (!rule.hasDaylight)
        return rule.standardOffset;
    const int year = civilFromDays(floorDiv(utcSeconds + rule.standardOffset, kDaySeconds)).year;
    const std::int64_t start = ruleInstant(rule.start, year, rule.standardOffset);
    const std::int64_t end = ruleInstant(rule.end, year, rule.daylightOffset);
    // Southern zones start daylight saving late in the year and end it early in the next.
    const bool daylight = start < end ? (utcSeconds >= start && utcSeconds < end)
                                      : !(utcSeconds >= end && utcSeconds < start);
    return daylight ? rule.daylightOffset : rule.standardOffset;
}

}  // namespace earshot::metrics
