// Streams conversations, their response cycles, mentions or events out of a workspace as CSV
// or JSON Lines, a row at a time, so exporting a million rows takes constant memory. Timing
// fields follow the metrics' definitions (docs/metrics.md); --pseudonymise replaces customers
// with keyed pseudonyms and scrubs contact details from text.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "earshot/core/Result.h"
#include "earshot/metrics/SlaPolicy.h"
#include "earshot/metrics/Snapshot.h"
#include "earshot/metrics/TeamCalendar.h"
#include "earshot/store/ExportStore.h"
#include "earshot/store/Workspace.h"

namespace earshot::exports {

using store::ExportKind;
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
// "conversations", "cycles", "mentions", "events": what parseExportKind() reads.
std::string_view exportKindName(ExportKind kind);

// Writes the header and every row; returns how many rows. The calendar and the SLA policies
// give the business-hours and SLA columns. It first brings the response cycles up to date
// through the workspace's writer, then reads with a session of its own.
Result<std::int64_t> exportRows(store::Workspace& workspace, std::ostream& out, const ExportOptions& options,
                                const metrics::TeamCalendar& calendar, const metrics::SlaPolicies& policies);

// How many rows exportRows() would write with these options at this moment (progress and
// pseudonymKey play no part): the same rows, counted. Like exportRows() it first brings the
// response cycles up to date.
Result<std::int64_t> countRows(store::Workspace& workspace, const ExportOptions& options);

// exportRows() into a file that appears only when complete: written as `target` + ".part" and
// renamed over `target` at the end. On failure, or when `progress` refuses (even at its last
// report), the .part file is removed and `target` is left as it was.
Result<std::int64_t> exportToFile(store::Workspace& workspace, const std::filesystem::path& target,
                                  const ExportOptions& options, const metrics::TeamCalendar& calendar,
                                  const metrics::SlaPolicies& policies);

}  // namespace earshot::exports
