// RAII over one libpq connection (PGconn) and its results (PGresult). Every statement is
// prepared once per connection, on first use, and run with its parameters as text; every
// server error becomes a Result carrying PostgreSQL's message, and its SQLSTATE stays
// readable for the store to turn a constraint's violation into words for a person.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "earshot/core/Result.h"

struct pg_conn;
struct pg_result;

namespace earshot::store::postgres {

// One parameter of a statement, in PostgreSQL's text form; none is SQL NULL.
class Param {
public:
    Param(std::int64_t value) : m_text(std::to_string(value)) {}
    Param(int value) : m_text(std::to_string(value)) {}
    Param(bool value) : m_text(value ? "true" : "false") {}
    Param(double value);
    Param(std::string_view text) : m_text(std::string(text)) {}
    Param(const std::string& text) : m_text(text) {}
    Param(const char* text) : m_text(std::string(text)) {}
    Param(std::nullopt_t) {}
    template <class T>
    Param(const std::optional<T>& value)
    {
        if (value)
            m_text = Param(*value).m_text;
    }

    const std::optional<std::string>& text() const { return m_text; }

private:
    std::optional<std::string> m_text;
};

using Params = std::vector<Param>;

// The rows a statement returned (none for most writes), read by row and column from 0.
class Rows {
public:
    Rows() = default;
    explicit Rows(pg_result* result);

    int size() const;
    bool empty() const { return size() == 0; }
    // How many rows an INSERT, UPDATE or DELETE touched.
    std::int64_t affected() const;
    // The command's tag as the server gave it: "INSERT 0 1", "COMMIT", "ROLLBACK".
    std::string command() const;

    bool isNull(int row, int column) const;
    std::string text(int row, int column) const;   // "" when NULL
    std::int64_t integer(int row, int column) const;   // 0 when NULL
    bool boolean(int row, int column) const;   // false when NULL
    std::optional<std::int64_t> optionalInteger(int row, int column) const;
    std::optional<std::string> optionalText(int row, int column) const;

private:
    struct Clear { void operator()(pg_result* result) const; };
    std::unique_ptr<pg_result, Clear> m_result;
};

class Connection {
public:
    // `conninfo`: a postgresql:// URI or libpq keywords ("host=… dbname=…"). The password,
    // when the server asks for one, comes from `password`, else from libpq's own sources
    // (PGPASSWORD, ~/.pgpass); it is never logged.
    static Result<Connection> open(const std::string& conninfo, const std::string& password = {});

    Connection(Connection&&) noexcept;
    Connection& operator=(Connection&&) noexcept;
    ~Connection();

    // One statement with $1, $2, … parameters, prepared at its first use on this connection.
    // The server infers each parameter's type from where it stands; where it cannot (`$1 IS
    // NULL`, `CASE WHEN $2 …`), the SQL casts it: `$1::bigint`, `$2::boolean`.
    Result<Rows> query(std::string_view sql, const Params& params = {});
    // Like query() for statements whose rows nobody reads.
    Status run(std::string_view sql, const Params& params = {});
    // One or more statements without parameters (migrations, SET, LISTEN), not prepared.
    Status exec(std::string_view sql);

    // The SQLSTATE of the last failed statement ("23505": a unique key was violated), else "".
    const std::string& lastSqlState() const { return m_lastSqlState; }
    bool violatedUnique() const { return m_lastSqlState == "23505"; }
    bool violatedCheck() const { return m_lastSqlState == "23514"; }

    // Runs work inside BEGIN … COMMIT; any failure rolls everything back. Inside a
    // transaction already, it runs in a savepoint, and a failure undoes only its own work.
    template <class F>
    Status transaction(F&& work)
    {
        const bool nested = inTransaction();
        if (auto begun = exec(nested ? "SAVEPOINT nested" : "BEGIN"); !begun)
            return begun;
        Status result = work();
        if (!result) {
            rollBack(nested);
            return result;
        }
        if (auto committed = nested ? exec("RELEASE SAVEPOINT nested") : commit(); !committed) {
            rollBack(nested);
            return committed;
        }
        return Ok{};
    }
    bool inTransaction() const;

    // The connection is still up.
    bool alive() const;

    // For a connection that LISTENs: its socket, to wait on until the server sends something,
    // and whether notifications came since the last call (it reads what arrived). Fails when
    // the connection is lost.
    int socket() const;
    Result<bool> notified();

    // Names and literals for the few statements that cannot take parameters (CREATE ROLE,
    // GRANT), quoted by libpq for this server.
    std::string identifier(std::string_view name) const;
    std::string literal(std::string_view text) const;
    // A password as the server stores it (its password_encryption: SCRAM-SHA-256 by default),
    // hashed here so the clear text never travels to the server or into its log.
    Result<std::string> hashedPassword(const std::string& role, const std::string& password) const;

private:
    Connection() = default;
    // COMMIT, failing when the server rolled back instead (a statement in it failed and the
    // failure was not handled): PostgreSQL answers such a COMMIT with "ROLLBACK", not an error.
    Status commit();
    // Undoes the transaction or savepoint, keeping lastSqlState() of what failed in it.
    void rollBack(bool nested);
    Result<Rows> check(pg_result* result);

    struct Close { void operator()(pg_conn* connection) const; };
    std::unique_ptr<pg_conn, Close> m_connection;
    // sql text -> prepared statement's name on this connection
    std::unordered_map<std::string, std::string> m_prepared;
    std::string m_lastSqlState;
};

// "host=db.example dbname=care user=anouk" or postgresql://…: a PostgreSQL location rather
// than a SQLite path.
bool isPostgresLocation(std::string_view location);

}  // namespace earshot::store::postgres
