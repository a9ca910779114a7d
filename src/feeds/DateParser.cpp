#include "earshot/feeds/DateParser.h"

#include <array>
#include <cstdio>
#include <vector>

namespace earshot::feeds {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
}

std::string lowerCopy(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        c = lower(c);
    return out;
}

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' ||
                             text.front() == '\r'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' ||
                             text.back() == '\r'))
        text.remove_suffix(1);
    return text;
}

// Reads exactly `count` digits at text[pos]; advances pos.
bool readDigits(std::string_view text, std::size_t& pos, std::size_t count, int& value)
{
    if (pos + count > text.size())
        return false;
    int v = 0;
    for (std::size_t i = 0; i < count; ++i) {
        if (!isDigit(text[pos + i]))
            return false;
        v = v * 10 + (text[pos + i] - '0');
    }
    value = v;
    pos += count;
    return true;
}

bool validDate(int year, int month, int day)
{
    static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
        return false;
    if (day > kDays[std::size_t(month - 1)])
        return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return !(month == 2 && day == 29 && !leap);
}

bool validTime(int hour, int minute, int second)
{
    return hour >= 0 && hour <= 24 && minute >= 0 && minute <= 59 && second >= 0 && second <= 60;
}

// Named zones of RFC 822 plus the few others feeds use; offsets in minutes east of UTC.
std::optional<int> zoneOffset(std::string_view name)
{
    static const std::array<std::pair<std::string_view, int>, 18> kZones = {{
        {"ut", 0}, {"utc", 0}, {"gmt", 0}, {"z", 0},
        {"est", -300}, {"edt", -240}, {"cst", -360}, {"cdt", -300},
        {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420},
        {"bst", 60}, {"cet", 60}, {"cest", 120}, {"eet", 120}, {"eest", 180}, {"jst", 540},
    }};
    const std::string key = lowerCopy(name);
    for (const auto& [zone, offset] : kZones)
        if (key == zone)
            return offset;
    // RFC 822 military zones. Their signs were specified backwards and nobody agrees,
    // so (as most readers do) only take them to mean "some zone" and use UTC.
    if (key.size() == 1 && isAlpha(key[0]) && key[0] != 'j')
        return 0;
    return std::nullopt;
}

// "+0100", "-05:00", "+01", "+1" -> minutes east of UTC.
std::optional<int> numericOffset(std::string_view text)
{
    if (text.size() < 2 || (text[0] != '+' && text[0] != '-'))
        return std::nullopt;
    const int sign = text[0] == '-' ? -1 : 1;
    std::string digits;
    for (char c : text.substr(1)) {
        if (isDigit(c))
            digits.push_back(c);
        else if (c != ':')
            return std::nullopt;
    }
    int hours = 0;
    int minutes = 0;
    if (digits.empty()) {
        return std::nullopt;
    } else if (digits.size() <= 2) {
        hours = std::stoi(digits);
    } else if (digits.size() == 3 || digits.size() == 4) {
        hours = std::stoi(digits.substr(0, digits.size() - 2));
        minutes = std::stoi(digits.substr(digits.size() - 2));
    } else {
        return std::nullopt;
    }
    if (hours > 14 || minutes > 59)
        return std::nullopt;
    return sign * (hours * 60 + minutes);
}

int monthFromName(std::string_view word)
{
    static constexpr std::array<std::string_view, 12> kMonths = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    if (word.size() < 3)
        return 0;
    const std::string prefix = lowerCopy(word.substr(0, 3));
    for (std::size_t i = 0; i < kMonths.size(); ++i)
        if (prefix == kMonths[i])
            return int(i) + 1;
    return 0;
}

bool isWeekday(std::string_view word)
{
    static constexpr std::array<std::string_view, 7> kDays = {"mon", "tue", "wed", "thu",
                                                              "fri", "sat", "sun"};
    if (word.size() < 3)
        return false;
    const std::string prefix = lowerCopy(word.substr(0, 3));
    for (std::string_view d : kDays)
        if (prefix == d)
            return true;
    return false;
}

}  // namespace

UnixTime DateParser::fromCivil(int year, int month, int day, int hour, int minute, int second)
{
    // Days since 1970-01-01 in the proleptic Gregorian calendar, counting from March so
    // that the leap day falls at the end of each 400-year era's year.
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yearOfEra = y - era * 400;
    const int shiftedMonth = month > 2 ? month - 3 : month + 9;
    const int dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1;
    const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    const std::int64_t days = std::int64_t(era) * 146097 + dayOfEra - 719468;
    return days * 86400 + hour * 3600 + minute * 60 + second;
}

std::string DateParser::formatUtc(UnixTime time)
{
    std::int64_t days = time / 86400;
    std::int64_t secs = time % 86400;
    if (secs < 0) {
        secs += 86400;
        --days;
    }
    // Inverse of fromCivil.
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t dayOfEra = z - era * 146097;
    const std::int64_t yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const std::int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const std::int64_t mp = (5 * dayOfYear + 2) / 153;
    const std::int64_t day = dayOfYear - (153 * mp + 2) / 5 + 1;
    const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ", (long long)year,
                  (long long)month, (long long)day, (long long)(secs / 3600), (long long)(secs / 60 % 60),
                  (long long)(secs % 60));
    return buffer;
}

std::optional<UnixTime> DateParser::parse(std::string_view text)
{
    text = trim(text);
    if (text.empty())
        return std::nullopt;
    if (text.size() >= 4 && isDigit(text[0]) && isDigit(text[1]) && isDigit(text[2]) && isDigit(text[3])) {
        if (auto t = parseIso8601(text))
            return t;
    }
    return parseRfc822(text);
}

std::optional<UnixTime> DateParser::parseIso8601(std::string_view text)
{
    std::size_t pos = 0;
    int year = 0;
    int month = 1;
    int day = 1;
    readDigits(text, pos, 4, year);
    if (pos < text.size() && text[pos] == '-') {
        ++pos;
        if (!readDigits(text, pos, 2, month))
            return std::nullopt;
        if (pos < text.size() && text[pos] == '-') {
            ++pos;
            if (!readDigits(text, pos, 2, day))
                return std::nullopt;
        }
    } else if (pos + 4 <= text.size() && isDigit(text[pos])) {
        // Basic format: YYYYMMDD.
        if (!readDigits(text, pos, 2, month) || !readDigits(text, pos, 2, day))
            return std::nullopt;
    }
    if (!validDate(year, month, day))
        return std::nullopt;

    int hour = 0;
    int minute = 0;
    int second = 0;
    int offset = 0;
    if (pos < text.size() && (text[pos] == 'T' || text[pos] == 't' || text[pos] == ' ')) {
        ++pos;
        while (pos < text.size() && text[pos] == ' ')
            ++pos;
        if (!readDigits(text, pos, 2, hour))
            return pos >= text.size() ? std::optional(fromCivil(year, month, day, 0, 0, 0)) : std::nullopt;
        const bool extended = pos < text.size() && text[pos] == ':';
        if (extended)
            ++pos;
        if (readDigits(text, pos, 2, minute)) {
            if (pos < text.size() && text[pos] == ':' && extended)
                ++pos;
            if (readDigits(text, pos, 2, second)) {
                if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
                    ++pos;
                    while (pos < text.size() && isDigit(text[pos]))
                        ++pos;
                }
            }
        }
        if (!validTime(hour, minute, second))
            return std::nullopt;
        while (pos < text.size() && text[pos] == ' ')
            ++pos;
        const std::string_view zone = trim(text.substr(pos));
        if (!zone.empty()) {
            if (auto numeric = numericOffset(zone))
                offset = *numeric;
            else if (auto named = zoneOffset(zone))
                offset = *named;
            else
                return std::nullopt;
        }
    } else if (pos < text.size()) {
        return std::nullopt;
    }
    return fromCivil(year, month, day, hour, minute, second) - std::int64_t(offset) * 60;
}

std::optional<UnixTime> DateParser::parseRfc822(std::string_view text)
{
    // Tokens: runs of letters, runs of digits and ':' (times), signed numbers (zones).
    std::vector<std::string_view> tokens;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        const std::size_t start = i;
        if (isAlpha(c)) {
            while (i < text.size() && isAlpha(text[i]))
                ++i;
        } else if (isDigit(c)) {
            while (i < text.size() && (isDigit(text[i]) || text[i] == ':' || text[i] == '.'))
                ++i;
            // "00:00:01" keeps its dots out: "2002." is a year with a full stop.
            while (i > start + 1 && text[i - 1] == '.')
                --i;
        } else if ((c == '+' || c == '-') && i + 1 < text.size() && isDigit(text[i + 1])) {
            ++i;
            while (i < text.size() && (isDigit(text[i]) || text[i] == ':'))
                ++i;
        } else {
            ++i;
            continue;
        }
        tokens.push_back(text.substr(start, i - start));
    }

    int year = -1;
    int month = 0;
    int day = -1;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int offset = 0;
    bool haveTime = false;
    bool pm = false;
    bool am = false;
    for (std::string_view token : tokens) {
        if (isAlpha(token[0])) {
            const std::string word = lowerCopy(token);
            if (word == "am") {
                am = true;
            } else if (word == "pm") {
                pm = true;
            } else if (int m = monthFromName(word); m != 0 && month == 0) {
                month = m;
            } else if (isWeekday(word)) {
                continue;
            } else if (auto zone = zoneOffset(word)) {
                offset = *zone;
            }
            continue;
        }
        if (token[0] == '+' || token[0] == '-') {
            if (auto numeric = numericOffset(token))
                offset = *numeric;
            continue;
        }
        if (token.find(':') != std::string_view::npos || (token.find('.') != std::string_view::npos && token.size() > 5)) {
            int parts[3] = {0, 0, 0};
            int count = 0;
            int value = 0;
            bool any = false;
            for (char c : token) {
                if (isDigit(c) && value > 9999) {
                    // No clock part has this many digits: not a time (and the next digit
                    // would overflow int).
                    count = 0;
                    any = false;
                    break;
                }
                if (isDigit(c)) {
                    value = value * 10 + (c - '0');
                    any = true;
                } else if (count < 2 && any) {
                    parts[count++] = value;
                    value = 0;
                    any = false;
                } else {
                    break;
                }
            }
            if (any && count < 3)
                parts[count++] = value;
            if (count >= 2 && !haveTime) {
                hour = parts[0];
                minute = parts[1];
                second = count == 3 ? parts[2] : 0;
                haveTime = true;
            }
            continue;
        }
        const int number = token.size() > 6 ? -1 : std::stoi(std::string(token.substr(0, token.find('.'))));
        if (number < 0)
            continue;
        if (token.size() >= 3 || number > 31) {
            if (year < 0)
                year = number;
        } else if (day < 0) {
            day = number;
        } else if (year < 0) {
            year = number;
        }
    }
    if (year < 0 || month == 0 || day < 0)
        return std::nullopt;
    if (year < 100)
        year += year < 50 ? 2000 : 1900;
    if (pm && hour < 12)
        hour += 12;
    if (am && hour == 12)
        hour = 0;
    if (!validDate(year, month, day) || !validTime(hour, minute, second))
        return std::nullopt;
    return fromCivil(year, month, day, hour, minute, second) - std::int64_t(offset) * 60;
}

}  // namespace earshot::feeds
