// Reading points in time from the command line.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "earshot/core/Result.h"

namespace earshot::cli {

// "2026-11-01" (UTC midnight), "2026-11-01T08:00:00Z", or a span back from now:
// "30m", "24h", "7d".
Result<std::int64_t> parseSince(const std::string& text, std::int64_t now);

// --since and --until as [since, until); a missing one is `fallbackSince` or metrics::kNoTime
// (open-ended).
struct Period {
    std::int64_t since;
    std::int64_t until;
};
Result<Period> readPeriod(const std::optional<std::string>& since, const std::optional<std::string>& until,
                          std::int64_t now, std::optional<std::string> fallbackSince = std::nullopt);

}  // namespace earshot::cli
