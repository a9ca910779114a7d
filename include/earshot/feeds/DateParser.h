// Reads the dates feeds carry — RFC 822 and its many real-world variants, RFC 3339,
// ISO 8601 and W3C-DTF — into UTC seconds. Unparseable dates are absent, not errors:
// a feed with a broken date is still worth reading.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "earshot/feeds/Feed.h"

namespace earshot::feeds {

class DateParser {
public:
    static std::optional<UnixTime> parse(std::string_view text);

    // "YYYY-MM-DDTHH:MM:SSZ".
    static std::string formatUtc(UnixTime time);

    // Seconds since the epoch for a proleptic Gregorian UTC date and time; no range checks.
    static UnixTime fromCivil(int year, int month, int day, int hour, int minute, int second);

private:
    static std::optional<UnixTime> parseIso8601(std::string_view text);
    static std::optional<UnixTime> parseRfc822(std::string_view text);
};

}  // namespace earshot::feeds
