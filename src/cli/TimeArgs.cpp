#include "TimeArgs.h"

#include <cstdio>
#include <ctime>

#include "earshot/metrics/Snapshot.h"

namespace earshot::cli {

Result<std::int64_t> parseSince(const std::string& text, std::int64_t now)
{
    long long amount = 0;
    char unit = 0;
    int used = 0;
    if (std::sscanf(text.c_str(), "%lld%c%n", &amount, &unit, &used) == 2 && used == int(text.size()) && amount >= 0) {
        switch (unit) {
        case 'm': return now - amount * 60;
        case 'h': return now - amount * 3600;
        case 'd': return now - amount * 86400;
        default: break;
        }
    }
    std::tm parts{};
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    const bool dateOnly = std::sscanf(text.c_str(), "%4d-%2d-%2d%n", &year, &month, &day, &used) == 3 &&
                          used == int(text.size());
    const bool dateTime = std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &year, &month, &day, &hour, &minute,
                                      &second, &used) == 6 && used == int(text.size());
    if ((!dateOnly && !dateTime) || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 ||
        second > 60)
        return fail("cannot read the time '" + text + "'; use 2026-11-01, 2026-11-01T08:00:00Z, 30m, 24h or 7d");
    parts.tm_year = year - 1900;
    parts.tm_mon = month - 1;
    parts.tm_mday = day;
    parts.tm_hour = hour;
    parts.tm_min = minute;
    parts.tm_sec = second;
    return std::int64_t(timegm(&parts));
}

Result<Period> readPeriod(const std::optional<std::string>& since, const std::optional<std::string>& until,
                          std::int64_t now, std::optional<std::string> fallbackSince)
{
    Period out{metrics::kNoTime, metrics::kNoTime};
    for (auto [given, field] : {std::pair{since ? since : fallbackSince, &out.since}, std::pair{until, &out.until}}) {
        if (!given)
            continue;
        auto at = parseSince(*given, now);
        if (!at)
            return at.error();
        *field = *at;
    }
    return out;
}

}  // namespace earshot::cli
