// Streams conversations, their response cycles, mentions or events out of a workspace as CSV
// or JSON Lines, a row at a time, so exporting a million rows takes constant memory. Timing
// fields follow the metrics' definitions (docs/metrics.md); --pseudonymise replaces customers
// with keyed pseudonyms and scrubs contact details from text.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "earshot/core/Result.h"
#include "earshot/metrics/SlaPolicy.h"
#include "earshot/metrics/Snapshot.h"
#include "earshot/metrics/TeamCalendar.h"
#include "earshot/store/Database.h"

namespace earshot::exports {

enum class ExportKind { Conversations, Cycles, Mentions, Events };
enum class ExportFormat { Csv, JsonLines };

struct ExportOptions {
    ExportKind kind = ExportKind::Conversations;
    ExportFormat format = ExportFormat::Csv;
    // Conversations by creation, cycles by start, mentions by arrival, events by time: [since, until).
    std::int64_t since = metrics::kNoTime;
    std::int64_t until = metrics::kNoTime;
    std::vector<std::int64_t> sources;
    std::optional<std::string> status;
    std::vector<std::string> tags;  // conversations with any of them
    std::optional<std::string> pseudonymKey;
    std::int64_t now = 0;
    // Told the rows written so far every few thousand rows; returning false cancels.
    std::function<bool(std::int64_t rows)> progress;
};

std::optional<ExportKind> parseExportKind(std::string_view name);

// Writes the header and every row; returns how many rows. The calendar and the SLA policies
// give the business-hours and SLA columns.
Result<std::int64_t> exportRows(store::Database& db, std::ostream& out, const ExportOptions& options,
                                const metrics::TeamCalendar& calendar, const metrics::SlaPolicies& policies);

}  // namespace earshot::exports
