#include "earshot/store/WorkspaceCopy.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

#include "earshot/core/StorableText.h"
#include "earshot/store/TableStore.h"

namespace earshot::store {

namespace {

// Parents before children, for the foreign keys. The counts beside the inbox's views are not
// copied but counted anew by the target (TableStore::settle). metrics_dirty comes last, once
// the marks the target's triggers made as rows came in are cleared: it then says exactly what
// the source still had to derive.
constexpr std::array<std::string_view, 15> kTables = {
    "sources", "authors", "agents", "conversations", "mentions", "replies", "events", "notes",
    "conversation_tags", "drafts", "canned_replies", "settings", "response_cycles", "response_waits", "metrics_dirty"};
constexpr std::string_view kMarksTable = "metrics_dirty";
constexpr std::size_t kBatchRows = 1000;

// FNV-1a over a row's values, each ended so that NULL, "" and neighbouring values stay apart.
std::uint64_t rowHash(const TableRow& row)
{
    std::uint64_t hash = 14695981039346656037ULL;
    const auto mix = [&hash](unsigned char byte) {
        hash ^= byte;
        hash *= 1099511628211ULL;
    };
    for (const auto& value : row) {
        if (!value) {
            mix(0xFF);
            continue;
        }
        for (char c : *value)
            mix(static_cast<unsigned char>(c));
        mix(0x00);
        mix(0xFE);
    }
    return hash;
}

std::vector<std::string> missingFrom(const std::vector<std::string>& names, const std::vector<std::string>& other)
{
    std::vector<std::string> missing;
    for (const std::string& name : names)
        if (std::find(other.begin(), other.end(), name) == other.end())
            missing.push_back(name);
    return missing;
}

// What one table's copy needs: which columns both have, and what the source's rows add up to.
struct TablePlan {
    std::vector<std::string> columns;
    TableCopy copy;
};

Result<TablePlan> planTable(const std::string& table, TableStore& source, TableStore& target)
{
    auto fromColumns = source.columns(table);
    if (!fromColumns)
        return fromColumns.error();
    auto toColumns = target.columns(table);
    if (!toColumns)
        return toColumns.error();
    if (fromColumns->empty() || toColumns->empty())
        return fail("the table " + table + " is missing from the " + (fromColumns->empty() ? "source" : "target") +
                    "; are both workspaces of this Earshot's schema?");
    TablePlan plan;
    plan.copy.table = table;
    plan.copy.onlyInSource = missingFrom(*fromColumns, *toColumns);
    plan.copy.onlyInTarget = missingFrom(*toColumns, *fromColumns);
    for (const std::string& column : *fromColumns)
        if (std::find(toColumns->begin(), toColumns->end(), column) != toColumns->end())
            plan.columns.push_back(column);
    return plan;
}

class Copier {
public:
    Copier(TableStore& source, TableStore& target,
           const std::function<void(const std::string&, std::int64_t, std::int64_t)>& progress)
        : m_source(source), m_target(target), m_progress(progress)
    {
    }

    Result<WorkspaceCopyReport> run()
    {
        std::vector<TablePlan> plans;
        for (std::string_view name : kTables) {
            const std::string table(name);
            auto plan = planTable(table, m_source, m_target);
            if (!plan)
                return plan.error();
            auto already = m_target.count(table);
            if (!already)
                return already.error();
            if (*already > 0)
                return fail("the target already holds " + table + "; copy into a new, empty workspace");
            plans.push_back(std::move(*plan));
        }
        for (TablePlan& plan : plans)
            if (auto copied = copyTable(plan); !copied)
                return copied.error();
        if (auto settled = m_target.settle(); !settled)
            return settled.error();
        WorkspaceCopyReport report{.repairedValues = m_repaired};
        for (TablePlan& plan : plans) {
            if (auto same = compare(plan); !same)
                return same.error();
            report.tables.push_back(std::move(plan.copy));
        }
        return report;
    }

private:
    Status copyTable(TablePlan& plan)
    {
        const std::string& table = plan.copy.table;
        auto total = m_source.count(table);
        if (!total)
            return total.error();
        if (table == kMarksTable)
            if (auto cleared = m_target.clear(table); !cleared)
                return cleared;
        std::vector<TableRow> batch;
        batch.reserve(kBatchRows);
        const auto flush = [&]() -> Status {
            if (auto inserted = m_target.insert(table, plan.columns, batch); !inserted)
                return inserted;
            batch.clear();
            if (m_progress)
                m_progress(table, plan.copy.rows, *total);
            return Ok{};
        };
        auto read = m_source.eachRow(table, plan.columns, [&](const TableRow& row) -> Status {
            batch.push_back(row);
            for (auto& value : batch.back())
                m_repaired += value && core::makeStorable(*value) ? 1 : 0;
            plan.copy.checksum += rowHash(batch.back());
            ++plan.copy.rows;
            return batch.size() == kBatchRows ? flush() : Status(Ok{});
        });
        if (!read)
            return read;
        return flush();
    }

    // Reads the table back from the target, in the copy's own transaction.
    Status compare(const TablePlan& plan)
    {
        std::int64_t rows = 0;
        std::uint64_t checksum = 0;
        auto read = m_target.eachRow(plan.copy.table, plan.columns, [&](const TableRow& row) -> Status {
            ++rows;
            checksum += rowHash(row);
            return Ok{};
        });
        if (!read)
            return read;
        if (rows != plan.copy.rows || checksum != plan.copy.checksum)
            return fail("the copy of " + plan.copy.table + " differs from the source (" + std::to_string(rows) + " rows, " +
                        std::to_string(plan.copy.rows) + " in the source); nothing was copied");
        return Ok{};
    }

    TableStore& m_source;
    TableStore& m_target;
    const std::function<void(const std::string&, std::int64_t, std::int64_t)>& m_progress;
    std::int64_t m_repaired = 0;
};

}  // namespace

Result<WorkspaceCopyReport> copyWorkspace(
    Workspace& from, Workspace& to,
    const std::function<void(const std::string& table, std::int64_t done, std::int64_t total)>& progress)
{
    auto source = from.reader();
    if (!source)
        return source.error();
    std::optional<Result<WorkspaceCopyReport>> outcome;
    Status done = (*source)->tables().readAll([&]() -> Status {
        // The writer's job runs on its thread while this one waits, so the source's session
        // is used by one thread at a time.
        return to.writer().run([&](Session& target) -> Status {
            outcome.emplace(Copier((*source)->tables(), target.tables(), progress).run());
            return *outcome ? Status(Ok{}) : Status(outcome->error());
        });
    });
    if (!done)
        return done.error();
    return std::move(*outcome);
}

}  // namespace earshot::store
