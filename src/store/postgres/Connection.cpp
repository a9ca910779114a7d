#include "store/postgres/Connection.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace earshot::store::postgres {

namespace {

// PostgreSQL's messages end in a newline and sometimes carry a "DETAIL:" line after it;
// one line is what a person reads in a status bar.
std::string firstLine(const char* message)
{
    std::string text = message ? message : "";
    if (const auto end = text.find('\n'); end != std::string::npos)
        text.resize(end);
    if (text.starts_with("ERROR:  "))
        text.erase(0, 8);
    return text.empty() ? std::string("the database server gave no reason") : text;
}

// Texts in UTF-8 whatever the server's locale; a statement that waits on a lock for long is
// a bug to report, not to hang on; notices (a search of stop words only) are not errors and
// would otherwise land on stderr.
constexpr const char* kSessionSettings =
    "SET client_encoding = 'UTF8'; SET lock_timeout = '30s'; SET client_min_messages = warning";

}  // namespace

Param::Param(double value)
{
    char buffer[64];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    m_text = error == std::errc() ? std::string(buffer, end) : std::string("NaN");
}

Rows::Rows(pg_result* result) : m_result(result) {}

void Rows::Clear::operator()(pg_result* result) const { PQclear(result); }

int Rows::size() const { return m_result ? PQntuples(m_result.get()) : 0; }

std::int64_t Rows::affected() const
{
    if (!m_result)
        return 0;
    const char* count = PQcmdTuples(m_result.get());
    return count && *count ? std::strtoll(count, nullptr, 10) : 0;
}

std::string Rows::command() const { return m_result ? std::string(PQcmdStatus(m_result.get())) : std::string(); }

bool Rows::isNull(int row, int column) const { return PQgetisnull(m_result.get(), row, column) == 1; }

std::string Rows::text(int row, int column) const
{
    return std::string(PQgetvalue(m_result.get(), row, column), std::size_t(PQgetlength(m_result.get(), row, column)));
}

std::int64_t Rows::integer(int row, int column) const
{
    if (isNull(row, column))
        return 0;
    return std::strtoll(PQgetvalue(m_result.get(), row, column), nullptr, 10);
}

bool Rows::boolean(int row, int column) const
{
    return !isNull(row, column) && PQgetvalue(m_result.get(), row, column)[0] == 't';
}

std::optional<std::int64_t> Rows::optionalInteger(int row, int column) const
{
    if (isNull(row, column))
        return std::nullopt;
    return integer(row, column);
}

std::optional<std::string> Rows::optionalText(int row, int column) const
{
    if (isNull(row, column))
        return std::nullopt;
    return text(row, column);
}

void Connection::Close::operator()(pg_conn* connection) const { PQfinish(connection); }

Result<Connection> Connection::open(const std::string& conninfo, const std::string& password)
{
    // Keywords and values, so a password never has to be spliced into a connection string.
    // Keepalives: a desktop whose network went away notices within about half a minute,
    // instead of waiting on a dead connection for the system's two hours.
    const char* keywords[] = {"dbname", "password", "application_name", "connect_timeout", "keepalives_idle",
                              "keepalives_interval", "keepalives_count", nullptr};
    const char* values[] = {conninfo.c_str(), password.empty() ? nullptr : password.c_str(), "earshot", "10", "10",
                            "5", "3", nullptr};
    Connection connection;
    // expand_dbname = 1: the first "dbname" may be a whole URI or keyword string.
    connection.m_connection.reset(PQconnectdbParams(keywords, values, 1));
    if (!connection.m_connection)
        return fail("cannot connect to the team workspace: out of memory");
    if (PQstatus(connection.m_connection.get()) != CONNECTION_OK)
        return fail("cannot connect to the team workspace: " + firstLine(PQerrorMessage(connection.m_connection.get())));
    if (auto set = connection.exec(kSessionSettings); !set)
        return set.error();
    return connection;
}

Connection::Connection(Connection&&) noexcept = default;
Connection& Connection::operator=(Connection&&) noexcept = default;
Connection::~Connection() = default;

Result<Rows> Connection::check(pg_result* raw)
{
    Rows rows(raw);
    const ExecStatusType status = raw ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
        m_lastSqlState.clear();
        return rows;
    }
    const char* state = raw ? PQresultErrorField(raw, PG_DIAG_SQLSTATE) : nullptr;
    m_lastSqlState = state ? state : "";
    const std::string message = raw ? firstLine(PQresultErrorMessage(raw)) : firstLine(PQerrorMessage(m_connection.get()));
    return fail(message);
}

Result<Rows> Connection::query(std::string_view sql, const Params& params)
{
    const std::string text(sql);
    auto prepared = m_prepared.find(text);
    if (prepared == m_prepared.end()) {
        const std::string name = "s" + std::to_string(m_prepared.size() + 1);
        auto made = check(PQprepare(m_connection.get(), name.c_str(), text.c_str(), 0, nullptr));
        if (!made)
            return made.error();
        prepared = m_prepared.emplace(text, name).first;
    }
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const Param& param : params)
        values.push_back(param.text() ? param.text()->c_str() : nullptr);
    return check(PQexecPrepared(m_connection.get(), prepared->second.c_str(), int(values.size()), values.data(),
                                nullptr, nullptr, 0));
}

Status Connection::run(std::string_view sql, const Params& params)
{
    auto rows = query(sql, params);
    if (!rows)
        return rows.error();
    return Ok{};
}

Status Connection::exec(std::string_view sql)
{
    auto rows = check(PQexec(m_connection.get(), std::string(sql).c_str()));
    if (!rows)
        return rows.error();
    return Ok{};
}

Status Connection::commit()
{
    auto done = check(PQexec(m_connection.get(), "COMMIT"));
    if (!done)
        return done.error();
    if (done->command() == "ROLLBACK")
        return fail("the change was not saved: a statement in it failed (" +
                    (m_lastSqlState.empty() ? std::string("see the log") : "SQLSTATE " + m_lastSqlState) + ")");
    return Ok{};
}

void Connection::rollBack(bool nested)
{
    const std::string failed = m_lastSqlState;
    (void)exec(nested ? "ROLLBACK TO SAVEPOINT nested; RELEASE SAVEPOINT nested" : "ROLLBACK");
    m_lastSqlState = failed;
}

bool Connection::inTransaction() const
{
    return PQtransactionStatus(m_connection.get()) != PQTRANS_IDLE;
}

bool Connection::alive() const { return m_connection && PQstatus(m_connection.get()) == CONNECTION_OK; }

int Connection::socket() const { return PQsocket(m_connection.get()); }

Result<bool> Connection::notified()
{
    if (PQconsumeInput(m_connection.get()) == 0)
        return fail("lost the connection to the team workspace: " + firstLine(PQerrorMessage(m_connection.get())));
    bool any = false;
    while (PGnotify* notification = PQnotifies(m_connection.get())) {
        any = true;
        PQfreemem(notification);
    }
    return any;
}

std::string Connection::identifier(std::string_view name) const
{
    std::unique_ptr<char, decltype(&PQfreemem)> quoted(
        PQescapeIdentifier(m_connection.get(), name.data(), name.size()), &PQfreemem);
    if (!quoted)
        throw std::runtime_error("cannot quote an identifier: " + firstLine(PQerrorMessage(m_connection.get())));
    return quoted.get();
}

std::string Connection::literal(std::string_view text) const
{
    std::unique_ptr<char, decltype(&PQfreemem)> quoted(PQescapeLiteral(m_connection.get(), text.data(), text.size()),
                                                       &PQfreemem);
    if (!quoted)
        throw std::runtime_error("cannot quote a literal: " + firstLine(PQerrorMessage(m_connection.get())));
    return quoted.get();
}

Result<std::string> Connection::hashedPassword(const std::string& role, const std::string& password) const
{
    std::unique_ptr<char, decltype(&PQfreemem)> hashed(
        PQencryptPasswordConn(m_connection.get(), password.c_str(), role.c_str(), nullptr), &PQfreemem);
    if (!hashed)
        return fail("cannot hash the password: " + firstLine(PQerrorMessage(m_connection.get())));
    return std::string(hashed.get());
}

bool isPostgresLocation(std::string_view location)
{
    if (location.starts_with("postgresql://") || location.starts_with("postgres://"))
        return true;
    // libpq keywords: "host=… dbname=…". A file name with '=' in it is rare, and one that
    // starts with a libpq keyword followed by '=' rarer still.
    for (std::string_view keyword : {"host=", "hostaddr=", "port=", "dbname=", "user=", "service="})
        if (location.starts_with(keyword) || location.find(" " + std::string(keyword)) != std::string_view::npos)
            return true;
    return false;
}

}  // namespace earshot::store::postgres
