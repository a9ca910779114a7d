// Copies a whole workspace into a new one, of either engine: a desk's SQLite file into a
// team's PostgreSQL database, or a team's database into an analyst's file for offline work.
// Then it reads both back and compares, table by table, the number of rows and a checksum of
// their values; any difference undoes the copy.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "earshot/core/Result.h"
#include "earshot/store/Workspace.h"

namespace earshot::store {

struct TableCopy {
    std::string table;
    std::int64_t rows = 0;
    // Order-free: the sum of each row's FNV-1a hash of its values, the same for the same rows
    // on either engine.
    std::uint64_t checksum = 0;
    std::vector<std::string> onlyInSource;   // columns the target does not have (not copied)
    std::vector<std::string> onlyInTarget;   // columns the source does not have (their default)
};

struct WorkspaceCopyReport {
    std::vector<TableCopy> tables;   // each matched its copy, or there is no report
    // Text values that were not well-formed UTF-8 or held NUL bytes, which PostgreSQL cannot
    // store: copied with U+FFFD in place of each bad byte, and counted here.
    std::int64_t repairedValues = 0;
};

// `to` must hold nothing yet. The copy is one transaction on `to`, reading one snapshot of
// `from` while others may go on working in it. `progress` hears each table's rows as they go.
Result<WorkspaceCopyReport> copyWorkspace(
    Workspace& from, Workspace& to,
    const std::function<void(const std::string& table, std::int64_t done, std::int64_t total)>& progress = {});

}  // namespace earshot::store
