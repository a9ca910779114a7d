#include "store/sqlite/Database.h"

#include <mutex>

#include <sqlite3.h>

namespace earshot::store {

namespace {

Error sqliteError(sqlite3* db, std::string_view doing)
{
    return fail(std::string(doing) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

}  // namespace

void Statement::Finalizer::operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
void Database::Closer::operator()(sqlite3* db) const { sqlite3_close_v2(db); }

Statement::Statement(sqlite3_stmt* statement, sqlite3* db) : m_statement(statement), m_db(db) {}

Statement& Statement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(m_statement.get(), index, value);
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    sqlite3_bind_double(m_statement.get(), index, value);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text)
{
    // An empty view may point nowhere, which SQLite would store as NULL: text is never NULL
    // (that is what std::nullopt is for).
    sqlite3_bind_text64(m_statement.get(), index, text.data() ? text.data() : "", text.size(), SQLITE_TRANSIENT,
                        SQLITE_UTF8);
    return *this;
}

Statement& Statement::bind(int index, std::nullopt_t)
{
    sqlite3_bind_null(m_statement.get(), index);
    return *this;
}

int Statement::parameterIndex(const char* name) const
{
    return sqlite3_bind_parameter_index(m_statement.get(), name);
}

Result<bool> Statement::step()
{
    const int rc = sqlite3_step(m_statement.get());
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    Error error = sqliteError(m_db, "database error");
    sqlite3_reset(m_statement.get());
    return error;
}

Status Statement::run()
{
    for (;;) {
        auto row = step();
        if (!row)
            return row.error();
        if (!*row) {
            reset();
            return Ok{};
        }
    }
}

void Statement::reset()
{
    sqlite3_reset(m_statement.get());
    sqlite3_clear_bindings(m_statement.get());
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(m_statement.get(), column); }
double Statement::real(int column) const { return sqlite3_column_double(m_statement.get(), column); }

std::string Statement::text(int column) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_statement.get(), column));
    return data ? std::string(data, std::size_t(sqlite3_column_bytes(m_statement.get(), column))) : std::string();
}

bool Statement::isNull(int column) const { return sqlite3_column_type(m_statement.get(), column) == SQLITE_NULL; }

std::optional<std::int64_t> Statement::optionalInteger(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return integer(column);
}

Result<Database> Database::open(const std::string& path, Mode mode)
{
    // Before SQLite initialises: without memory statistics, which nothing here reads, its
    // allocations skip a process-wide mutex (~7 % of a first poll's time went to locking it).
    static std::once_flag configured;
    std::call_once(configured, [] { (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
    sqlite3* raw = nullptr;
    const int flags = (mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                      SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    Database db;
    db.m_db.reset(raw);
    db.m_path = path;
    if (rc != SQLITE_OK)
        return fail("cannot open database " + path + ": " + (raw ? sqlite3_errmsg(raw) : "out of memory"));
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 10000);
    // Reading the header proves the file is a database before we change anything.
    if (auto probe = db.exec("SELECT count(*) FROM sqlite_master"); !probe)
        return fail(path + " is not an Earshot database (" + probe.message() + ")");
    if (mode == Mode::ReadWrite) {
        if (auto wal = db.exec("PRAGMA journal_mode=WAL"); !wal)
            return wal.error();
    }
    // temp_store=MEMORY: savepoint journals and sort spills stay off the disk; a poll's batch
    // otherwise wrote every page each job touched to a temporary file first (~200,000 writes).
    if (auto pragmas = db.exec("PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY"); !pragmas)
        return pragmas.error();
    return db;
}

Result<Statement> Database::prepare(std::string_view sql)
{
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v3(m_db.get(), sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &raw, nullptr) !=
        SQLITE_OK)
        return sqliteError(m_db.get(), "cannot prepare query");
    return Statement(raw, m_db.get());
}

Result<Statement*> Database::cached(std::string_view sql)
{
    const std::string key(sql);
    auto found = m_cache->find(key);
    if (found == m_cache->end()) {
        auto prepared = prepare(sql);
        if (!prepared)
            return prepared.error();
        found = m_cache->emplace(key, std::move(*prepared)).first;
    }
    found->second.reset();
    return &found->second;
}

Status Database::exec(std::string_view sql)
{
    char* message = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(m_db.get(), text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string reason = message ? message : sqlite3_errmsg(m_db.get());
        sqlite3_free(message);
        return fail("database error: " + reason);
    }
    return Ok{};
}

std::int64_t Database::lastInsertId() const { return sqlite3_last_insert_rowid(m_db.get()); }
bool Database::inTransaction() const { return sqlite3_get_autocommit(m_db.get()) == 0; }
int Database::changes() const { return sqlite3_changes(m_db.get()); }

Result<std::int64_t> queryInteger(Database& db, std::string_view sql)
{
    auto statement = db.prepare(sql);
    if (!statement)
        return statement.error();
    auto row = statement->step();
    if (!row)
        return row.error();
    if (!*row)
        return fail("query returned no row");
    return statement->integer(0);
}

}  // namespace earshot::store
