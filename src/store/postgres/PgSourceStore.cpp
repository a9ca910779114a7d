#include "store/postgres/PgSourceStore.h"

#include <ctime>

#include <nlohmann/json.hpp>

namespace earshot::store::postgres {

namespace {

constexpr const char* kColumns =
    "id, kind, name, url, enabled, interval_s, include_words, exclude_words, etag, last_modified, state,"
    " error_count, last_error, last_poll_at, last_success_at, next_poll_at, created_at, default_priority,"
    " settings, cursor, needs_credentials";

constexpr const char* kUniqueViolation = "23505";
constexpr const char* kCheckViolation = "23514";

std::vector<std::string> wordsFromJson(const std::string& text)
{
    auto parsed = nlohmann::json::parse(text, nullptr, false);
    std::vector<std::string> words;
    if (parsed.is_array())
        for (const auto& word : parsed)
            if (word.is_string())
                words.push_back(word.get<std::string>());
    return words;
}

std::string wordsToJson(const std::vector<std::string>& words) { return nlohmann::json(words).dump(); }

// Which of the table's CHECK constraints a source broke, for a person.
std::string checkFailure(const Source& source)
{
    if (source.defaultPriority < 0 || source.defaultPriority > 3)
        return "the priority must be low, normal, high or urgent";
    return "the interval must be at least 30 seconds";
}

// A statement the table's constraints may refuse, with the SQLSTATE of the refusal ("" when
// it ran).
struct Attempt {
    Result<Rows> rows;
    std::string sqlState;
};

// On SQLite a refused statement undoes only itself; on PostgreSQL it would spoil the caller's
// whole transaction (whose COMMIT then quietly rolls back what came before), so inside one it
// runs in a savepoint of its own.
Attempt attempt(Connection& db, std::string_view sql, const Params& params)
{
    if (!db.inTransaction()) {
        auto rows = db.query(sql, params);
        return {std::move(rows), db.lastSqlState()};
    }
    std::optional<Result<Rows>> rows;
    std::string state;
    Status done = db.transaction([&]() -> Status {
        rows.emplace(db.query(sql, params));
        state = db.lastSqlState();
        return *rows ? Status(Ok{}) : Status(rows->error());
    });
    if (!rows || (*rows && !done))   // the savepoint itself failed
        return {done.error(), db.lastSqlState()};
    return {std::move(*rows), state};
}

Source readSource(const Rows& rows, int r)
{
    Source s;
    s.id = rows.integer(r, 0);
    s.kind = rows.text(r, 1);
    s.name = rows.text(r, 2);
    s.url = rows.text(r, 3);
    s.enabled = rows.boolean(r, 4);
    s.intervalSeconds = int(rows.integer(r, 5));
    s.includeWords = wordsFromJson(rows.text(r, 6));
    s.excludeWords = wordsFromJson(rows.text(r, 7));
    s.etag = rows.text(r, 8);
    s.lastModified = rows.text(r, 9);
    s.state = domain::parseSourceState(rows.text(r, 10)).value_or(domain::SourceState::New);
    s.errorCount = int(rows.integer(r, 11));
    s.lastError = rows.text(r, 12);
    s.lastPollAt = rows.optionalInteger(r, 13);
    s.lastSuccessAt = rows.optionalInteger(r, 14);
    s.nextPollAt = rows.integer(r, 15);
    s.createdAt = rows.integer(r, 16);
    s.defaultPriority = int(rows.integer(r, 17));
    s.settings = rows.text(r, 18);
    s.cursor = rows.text(r, 19);
    s.needsCredentials = rows.boolean(r, 20);
    return s;
}

Result<std::vector<Source>> collect(Result<Rows> rows)
{
    if (!rows)
        return rows.error();
    std::vector<Source> sources;
    sources.reserve(std::size_t(rows->size()));
    for (int r = 0; r < rows->size(); ++r)
        sources.push_back(readSource(*rows, r));
    return sources;
}

}  // namespace

Result<std::optional<std::int64_t>> PgSourceStore::restore(const Source& source)
{
    // The newest removed row with the URL, and only while no source listens to it now.
    auto revived = attempt(
        m_db,
        "UPDATE sources SET removed_at = NULL, kind = $1, name = $2, enabled = $3, interval_s = $4,"
        " include_words = $5, exclude_words = $6, default_priority = $7, state = 'new', error_count = 0,"
        " last_error = NULL, etag = NULL, last_modified = NULL, next_poll_at = 0, settings = $9,"
        " last_poll_at = NULL, last_success_at = NULL, cursor = '', needs_credentials = false"
        " WHERE id = (SELECT max(id) FROM sources WHERE url = $8 AND removed_at IS NOT NULL)"
        " AND NOT EXISTS (SELECT 1 FROM sources WHERE url = $8 AND removed_at IS NULL)"
        " RETURNING id",
        {source.kind, source.name.empty() ? source.url : source.name, source.enabled, source.intervalSeconds,
         wordsToJson(source.includeWords), wordsToJson(source.excludeWords), source.defaultPriority, source.url,
         source.settings.empty() ? std::string("{}") : source.settings});
    if (!revived.rows)
        return fail(revived.sqlState == kCheckViolation ? checkFailure(source) : revived.rows.message());
    if (revived.rows->empty())
        return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(revived.rows->integer(0, 0));
}

Result<std::int64_t> PgSourceStore::add(const Source& source)
{
    auto inserted = attempt(
        m_db,
        "INSERT INTO sources(kind, name, url, enabled, interval_s, include_words, exclude_words, created_at,"
        " default_priority, settings) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        {source.kind, source.name.empty() ? source.url : source.name, source.url, source.enabled,
         source.intervalSeconds, wordsToJson(source.includeWords), wordsToJson(source.excludeWords),
         source.createdAt ? source.createdAt : std::int64_t(std::time(nullptr)), source.defaultPriority,
         source.settings.empty() ? std::string("{}") : source.settings});
    if (!inserted.rows) {
        if (inserted.sqlState == kUniqueViolation)
            return fail("a source with URL " + source.url + " already exists");
        if (inserted.sqlState == kCheckViolation)
            return fail(checkFailure(source));
        return inserted.rows.error();
    }
    return inserted.rows->integer(0, 0);
}

Result<std::vector<Source>> PgSourceStore::list()
{
    return collect(m_db.query(std::string("SELECT ") + kColumns + " FROM sources WHERE removed_at IS NULL ORDER BY id"));
}

Result<Source> PgSourceStore::byId(std::int64_t id)
{
    auto found = collect(m_db.query(std::string("SELECT ") + kColumns + " FROM sources WHERE id = $1", {id}));
    if (!found)
        return found.error();
    if (found->empty())
        return fail("no source with id " + std::to_string(id));
    return found->front();
}

Result<Source> PgSourceStore::find(const std::string& idUrlOrName)
{
    auto found = collect(m_db.query(std::string("SELECT ") + kColumns +
                                        " FROM sources WHERE removed_at IS NULL AND"
                                        " (CAST(id AS TEXT) = $1 OR url = $1 OR name = $1) ORDER BY id",
                                    {idUrlOrName}));
    if (!found)
        return found.error();
    if (found->empty())
        return fail("no source '" + idUrlOrName + "' (see 'earshot-cli sources list')");
    if (found->size() > 1)
        return fail("'" + idUrlOrName + "' names several sources; use the id from 'earshot-cli sources list'");
    return found->front();
}

Status PgSourceStore::remove(std::int64_t id)
{
    auto removed = m_db.query("UPDATE sources SET removed_at = $1, enabled = false WHERE id = $2 AND removed_at IS NULL",
                              {std::int64_t(std::time(nullptr)), id});
    if (!removed)
        return removed.error();
    if (removed->affected() == 0)
        return fail("no source with id " + std::to_string(id));
    return Ok{};
}

Status PgSourceStore::setEnabled(std::int64_t id, bool enabled)
{
    return m_db.run("UPDATE sources SET enabled = $1, state = CASE WHEN $1::boolean THEN 'new' ELSE state END,"
                    " next_poll_at = 0 WHERE id = $2",
                    {enabled, id});
}

Status PgSourceStore::update(const Source& source)
{
    // SET expressions see the row as it was, so "NOT enabled" below means "was off".
    auto updated = attempt(
        m_db,
        "UPDATE sources SET name = CASE WHEN $1::text = '' THEN name ELSE $1::text END, interval_s = $2,"
        " include_words = $3, exclude_words = $4, enabled = $5,"
        " etag = CASE WHEN include_words <> $3::text OR exclude_words <> $4::text THEN NULL ELSE etag END,"
        " last_modified = CASE WHEN include_words <> $3::text OR exclude_words <> $4::text THEN NULL"
        "  ELSE last_modified END,"
        " state = CASE WHEN $5::boolean AND NOT enabled THEN 'new' ELSE state END,"
        " next_poll_at = CASE WHEN $5::boolean AND NOT enabled THEN 0 ELSE next_poll_at END,"
        " default_priority = $7"
        " WHERE id = $6 AND removed_at IS NULL",
        {source.name, source.intervalSeconds, wordsToJson(source.includeWords), wordsToJson(source.excludeWords),
         source.enabled, source.id, source.defaultPriority});
    if (!updated.rows) {
        if (updated.sqlState == kCheckViolation)
            return fail(checkFailure(source));
        return updated.rows.error();
    }
    if (updated.rows->affected() == 0)
        return fail("no source with id " + std::to_string(source.id));
    return Ok{};
}

Status PgSourceStore::postpone(std::int64_t id, std::int64_t nextPollAt)
{
    return m_db.run("UPDATE sources SET next_poll_at = GREATEST(next_poll_at, $2::bigint) WHERE id = $1",
                    {id, nextPollAt});
}

// Taken when free, expired, or already this poller's; a takeover raises the fencing number.
Result<Lease> PgSourceStore::takeLease(std::int64_t sourceId, const std::string& poller, int seconds)
{
    auto rows = m_db.query(
        "INSERT INTO poll_leases AS l (source_id, poller, fence, expires_at)"
        " VALUES ($1, $2, 1, now() + make_interval(secs => $3))"
        " ON CONFLICT (source_id) DO UPDATE SET poller = excluded.poller,"
        "  fence = l.fence + CASE WHEN l.poller = excluded.poller THEN 0 ELSE 1 END, expires_at = excluded.expires_at"
        " WHERE l.poller = excluded.poller OR l.expires_at <= now()"
        " RETURNING fence",
        {sourceId, poller, seconds});
    if (!rows)
        return rows.error();
    if (!rows->empty())
        return Lease{rows->integer(0, 0), poller};
    auto holder = m_db.query("SELECT poller FROM poll_leases WHERE source_id = $1", {sourceId});
    if (!holder)
        return holder.error();
    return Lease{std::nullopt, holder->empty() ? std::string() : holder->text(0, 0)};
}

Result<std::optional<std::int64_t>> PgSourceStore::takeLeaseFrom(std::int64_t sourceId, const std::string& poller,
                                                                 const std::string& gone, int seconds)
{
    auto rows = m_db.query(
        "UPDATE poll_leases SET poller = $2, fence = fence + 1, expires_at = now() + make_interval(secs => $4)"
        " WHERE source_id = $1 AND poller = $3 RETURNING fence",
        {sourceId, poller, gone, seconds});
    if (!rows)
        return rows.error();
    return rows->empty() ? std::optional<std::int64_t>() : rows->integer(0, 0);
}

Result<bool> PgSourceStore::holdsLease(std::int64_t sourceId, const std::string& poller, std::int64_t fence)
{
    auto rows = m_db.query("SELECT 1 FROM poll_leases WHERE source_id = $1 AND poller = $2 AND fence = $3 FOR UPDATE",
                           {sourceId, poller, fence});
    if (!rows)
        return rows.error();
    return !rows->empty();
}

Status PgSourceStore::renewLeases(const std::string& poller, int seconds)
{
    // A lease let go (or run out) stays so: renewing does not take it back.
    return m_db.run("UPDATE poll_leases SET expires_at = now() + make_interval(secs => $2)"
                    " WHERE poller = $1 AND expires_at > now()",
                    {poller, seconds});
}

Status PgSourceStore::recordPoll(const PollRecord& r)
{
    const std::string state(domain::sourceStateName(r.storedState()));
    const std::string_view sql =
        "UPDATE sources SET last_poll_at = $1, next_poll_at = $2, state = $3,"
        " error_count = CASE WHEN $4::boolean THEN 0 ELSE error_count + 1 END,"
        " last_error = CASE WHEN $4::boolean THEN NULL ELSE $5::text END,"
        " last_success_at = CASE WHEN $4::boolean THEN $1::bigint ELSE last_success_at END,"
        " enabled = CASE WHEN $6::boolean THEN false ELSE enabled END,"
        " etag = CASE WHEN $7::boolean THEN $8::text ELSE etag END,"
        " last_modified = CASE WHEN $9::boolean THEN $10::text ELSE last_modified END,"
        " url = CASE WHEN $11::text <> '' THEN $11::text ELSE url END,"
        " cursor = CASE WHEN $13::boolean THEN $14::text ELSE cursor END,"
        " needs_credentials = $15"
        " WHERE id = $12";
    const Params params = {r.polledAt, r.nextPollAt, state, r.succeeded, r.error, r.disable, r.etag.has_value(),
                           r.etag.value_or(""), r.lastModified.has_value(), r.lastModified.value_or(""), r.movedTo,
                           r.sourceId, r.cursor.has_value(), r.cursor.value_or(""), r.needsCredentials};
    // Only a move to another source's URL can be refused (the unique URL).
    auto written = r.movedTo.empty() ? Attempt{m_db.query(sql, params), m_db.lastSqlState()} : attempt(m_db, sql, params);
    if (!written.rows) {
        if (!r.movedTo.empty() && written.sqlState == kUniqueViolation)
            return fail("the feed moved permanently to " + r.movedTo +
                        ", which another source already listens to; remove one of the two");
        return written.rows.error();
    }
    if (written.rows->affected() == 0)
        return fail("no source with id " + std::to_string(r.sourceId));
    return Ok{};
}

}  // namespace earshot::store::postgres
