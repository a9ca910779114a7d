// Reading points in time from the command line.
#pragma once

#include <cstdint>
#include <string>

#include "earshot/core/Result.h"

namespace earshot::cli {

// "2026-11-01" (UTC midnight), "2026-11-01T08:00:00Z", or a span back from now:
// "30m", "24h", "7d".
Result<std::int64_t> parseSince(const std::string& text, std::int64_t now);

}  // namespace earshot::cli
