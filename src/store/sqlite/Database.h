// RAII over one sqlite3 connection and its prepared statements. Every database error
// becomes a Result carrying SQLite's message and what we were doing.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "earshot/core/Result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace earshot::store {

class Statement {
public:
    Statement() = default;
    Statement(sqlite3_stmt* statement, sqlite3* db);
    Statement(Statement&&) noexcept = default;
    Statement& operator=(Statement&&) noexcept = default;

    // Binding is 1-based, as in SQLite. Returns *this for chaining.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, std::int64_t(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, std::nullopt_t);
    // The index of a named parameter (":since"); 0 when the SQL has none by that name.
    int parameterIndex(const char* name) const;
    template <class T>
    Statement& bind(int index, const std::optional<T>& value)
    {
        return value ? bind(index, *value) : bind(index, std::nullopt);
    }

    // true: a row is ready; false: done. Errors become an Error.
    Result<bool> step();
    // Runs to completion, for statements without rows.
    Status run();
    void reset();

    std::int64_t integer(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    bool isNull(int column) const;
    std::optional<std::int64_t> optionalInteger(int column) const;

private:
    struct Finalizer { void operator()(sqlite3_stmt* s) const; };
    std::unique_ptr<sqlite3_stmt, Finalizer> m_statement;
    sqlite3* m_db = nullptr;
};

// Calls `read(statement)` for every row, then resets: a statement left mid-way would keep a
// long-lived reader connection on an old snapshot.
template <class Read>
Status eachRow(Statement& statement, Read&& read)
{
    for (;;) {
        auto row = statement.step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        read(statement);
    }
    statement.reset();
    return Ok{};
}

class Database {
public:
    enum class Mode { ReadWrite, ReadOnly };

    // Opens (creating when ReadWrite) with WAL, foreign keys and a busy timeout.
    static Result<Database> open(const std::string& path, Mode mode = Mode::ReadWrite);

    Database(Database&&) noexcept = default;
    Database& operator=(Database&&) noexcept = default;

    Result<Statement> prepare(std::string_view sql);
    // A statement prepared once per connection and reset for each use: for hot paths
    // that run the same SQL for every row. Valid as long as this Database.
    Result<Statement*> cached(std::string_view sql);
    Status exec(std::string_view sql);   // one or more statements, no rows
    std::int64_t lastInsertId() const;
    int changes() const;
    const std::string& path() const { return m_path; }
    sqlite3* handle() const { return m_db.get(); }

    // Runs work inside BEGIN IMMEDIATE … COMMIT; any failure rolls everything back. Inside a
    // transaction already, it runs in a savepoint, and a failure undoes only its own work.
    template <class F>
    Status transaction(F&& work)
    {
        const bool nested = inTransaction();
        if (auto begun = exec(nested ? "SAVEPOINT nested" : "BEGIN IMMEDIATE"); !begun)
            return begun;
        Status result = work();
        if (!result) {
            (void)exec(nested ? "ROLLBACK TO nested; RELEASE nested" : "ROLLBACK");
            return result;
        }
        if (auto committed = exec(nested ? "RELEASE nested" : "COMMIT"); !committed) {
            (void)exec(nested ? "ROLLBACK TO nested; RELEASE nested" : "ROLLBACK");
            return committed;
        }
        return Ok{};
    }
    bool inTransaction() const;

private:
    Database() = default;
    struct Closer { void operator()(sqlite3* db) const; };
    std::unique_ptr<sqlite3, Closer> m_db;
    std::string m_path;
    // Declared after m_db so the statements are finalized before the connection closes.
    std::unique_ptr<std::unordered_map<std::string, Statement>> m_cache =
        std::make_unique<std::unordered_map<std::string, Statement>>();
};

// Convenience for single-value queries.
Result<std::int64_t> queryInteger(Database& db, std::string_view sql);

}  // namespace earshot::store
