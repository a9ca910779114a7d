#include "store/sqlite/SqliteSourceStore.h"

#include <ctime>

#include <nlohmann/json.hpp>


namespace earshot::store::sqlite {

namespace {

constexpr const char* kColumns =
    "id, kind, name, url, enabled, interval_s, include_words, exclude_words, etag, last_modified, state,"
    " error_count, last_error, last_poll_at, last_success_at, next_poll_at, created_at, default_priority,"
    " settings, cursor, needs_credentials";

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

Source readSource(const Statement& row)
{
    Source s;
    s.id = row.integer(0);
    s.kind = row.text(1);
    s.name = row.text(2);
    s.url = row.text(3);
    s.enabled = row.integer(4) != 0;
    s.intervalSeconds = int(row.integer(5));
    s.includeWords = wordsFromJson(row.text(6));
    s.excludeWords = wordsFromJson(row.text(7));
    s.etag = row.text(8);
    s.lastModified = row.text(9);
    s.state = domain::parseSourceState(row.text(10)).value_or(domain::SourceState::New);
    s.errorCount = int(row.integer(11));
    s.lastError = row.text(12);
    s.lastPollAt = row.optionalInteger(13);
    s.lastSuccessAt = row.optionalInteger(14);
    s.nextPollAt = row.integer(15);
    s.createdAt = row.integer(16);
    s.defaultPriority = int(row.integer(17));
    s.settings = row.text(18);
    s.cursor = row.text(19);
    s.needsCredentials = row.integer(20) != 0;
    return s;
}

Result<std::vector<Source>> collect(Statement& statement)
{
    std::vector<Source> sources;
    for (;;) {
        auto row = statement.step();
        if (!row)
            return row.error();
        if (!*row)
            return sources;
        sources.push_back(readSource(statement));
    }
}

}  // namespace

Result<std::optional<std::int64_t>> SqliteSourceStore::restore(const Source& source)
{
    auto revive = m_db.prepare(
        "UPDATE sources SET removed_at = NULL, kind = ?1, name = ?2, enabled = ?3, interval_s = ?4,"
        " include_words = ?5, exclude_words = ?6, default_priority = ?7, state = 'new', error_count = 0,"
        " last_error = NULL, etag = NULL, last_modified = NULL, next_poll_at = 0, settings = ?9,"
        " last_poll_at = NULL, last_success_at = NULL, cursor = '', needs_credentials = 0"
        " WHERE id = (SELECT max(id) FROM sources WHERE url = ?8 AND removed_at IS NOT NULL)"
        " AND NOT EXISTS (SELECT 1 FROM sources WHERE url = ?8 AND removed_at IS NULL)"
        " RETURNING id");
    if (!revive)
        return revive.error();
    revive->bind(1, source.kind)
        .bind(2, source.name.empty() ? source.url : source.name)
        .bind(3, std::int64_t(source.enabled))
        .bind(4, source.intervalSeconds)
        .bind(5, wordsToJson(source.includeWords))
        .bind(6, wordsToJson(source.excludeWords))
        .bind(7, source.defaultPriority)
        .bind(8, source.url)
        .bind(9, source.settings.empty() ? std::string("{}") : source.settings);
    auto revived = revive->step();
    if (!revived)
        return fail(revived.message().find("CHECK") != std::string::npos ? checkFailure(source) : revived.message());
    if (!*revived)
        return std::optional<std::int64_t>();
    const std::int64_t id = revive->integer(0);
    revive->reset();
    return std::optional<std::int64_t>(id);
}

Result<std::int64_t> SqliteSourceStore::add(const Source& source)
{
    auto insert = m_db.prepare(
        "INSERT INTO sources(kind, name, url, enabled, interval_s, include_words, exclude_words, created_at,"
        " default_priority, settings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    insert->bind(1, source.kind)
        .bind(2, source.name.empty() ? source.url : source.name)
        .bind(3, source.url)
        .bind(4, std::int64_t(source.enabled))
        .bind(5, source.intervalSeconds)
        .bind(6, wordsToJson(source.includeWords))
        .bind(7, wordsToJson(source.excludeWords))
        .bind(8, source.createdAt ? source.createdAt : std::int64_t(std::time(nullptr)))
        .bind(9, source.defaultPriority)
        .bind(10, source.settings.empty() ? std::string("{}") : source.settings);
    if (auto done = insert->run(); !done) {
        if (done.message().find("UNIQUE") != std::string::npos)
            return fail("a source with URL " + source.url + " already exists");
        if (done.message().find("CHECK") != std::string::npos)
            return fail(checkFailure(source));
        return done.error();
    }
    return m_db.lastInsertId();
}

Result<std::vector<Source>> SqliteSourceStore::list()
{
    auto statement = m_db.prepare(std::string("SELECT ") + kColumns +
                                  " FROM sources WHERE removed_at IS NULL ORDER BY id");
    if (!statement)
        return statement.error();
    return collect(*statement);
}

Result<Source> SqliteSourceStore::byId(std::int64_t id)
{
    auto statement = m_db.prepare(std::string("SELECT ") + kColumns + " FROM sources WHERE id = ?");
    if (!statement)
        return statement.error();
    statement->bind(1, id);
    auto found = collect(*statement);
    if (!found)
        return found.error();
    if (found->empty())
        return fail("no source with id " + std::to_string(id));
    return found->front();
}

Result<Source> SqliteSourceStore::find(const std::string& idUrlOrName)
{
    auto statement = m_db.prepare(std::string("SELECT ") + kColumns +
                                  " FROM sources WHERE removed_at IS NULL AND"
                                  " (CAST(id AS TEXT) = ?1 OR url = ?1 OR name = ?1) ORDER BY id");
    if (!statement)
        return statement.error();
    statement->bind(1, idUrlOrName);
    auto found = collect(*statement);
    if (!found)
        return found.error();
    if (found->empty())
        return fail("no source '" + idUrlOrName + "' (see 'earshot-cli sources list')");
    if (found->size() > 1)
        return fail("'" + idUrlOrName + "' names several sources; use the id from 'earshot-cli sources list'");
    return found->front();
}

Status SqliteSourceStore::remove(std::int64_t id)
{
    auto update = m_db.prepare("UPDATE sources SET removed_at = ?, enabled = 0 WHERE id = ? AND removed_at IS NULL");
    if (!update)
        return update.error();
    if (auto done = update->bind(1, std::int64_t(std::time(nullptr))).bind(2, id).run(); !done)
        return done;
    if (m_db.changes() == 0)
        return fail("no source with id " + std::to_string(id));
    return Ok{};
}

Status SqliteSourceStore::setEnabled(std::int64_t id, bool enabled)
{
    auto update = m_db.prepare("UPDATE sources SET enabled = ?, state = CASE WHEN ? THEN 'new' ELSE state END,"
                               " next_poll_at = 0 WHERE id = ?");
    if (!update)
        return update.error();
    return update->bind(1, std::int64_t(enabled)).bind(2, std::int64_t(enabled)).bind(3, id).run();
}

Status SqliteSourceStore::update(const Source& source)
{
    // SET expressions see the row as it was, so "enabled = 0" below means "was off".
    auto update = m_db.prepare(
        "UPDATE sources SET name = CASE WHEN ?1 = '' THEN name ELSE ?1 END, interval_s = ?2, include_words = ?3, exclude_words = ?4, enabled = ?5,"
        " etag = CASE WHEN include_words <> ?3 OR exclude_words <> ?4 THEN NULL ELSE etag END,"
        " last_modified = CASE WHEN include_words <> ?3 OR exclude_words <> ?4 THEN NULL ELSE last_modified END,"
        " state = CASE WHEN ?5 AND enabled = 0 THEN 'new' ELSE state END,"
        " next_poll_at = CASE WHEN ?5 AND enabled = 0 THEN 0 ELSE next_poll_at END,"
        " default_priority = ?7"
        " WHERE id = ?6 AND removed_at IS NULL");
    if (!update)
        return update.error();
    update->bind(1, source.name)
        .bind(2, source.intervalSeconds)
        .bind(3, wordsToJson(source.includeWords))
        .bind(4, wordsToJson(source.excludeWords))
        .bind(5, std::int64_t(source.enabled))
        .bind(6, source.id)
        .bind(7, source.defaultPriority);
    if (auto done = update->run(); !done) {
        if (done.message().find("CHECK") != std::string::npos)
            return fail(checkFailure(source));
        return done;
    }
    if (m_db.changes() == 0)
        return fail("no source with id " + std::to_string(source.id));
    return Ok{};
}

Status SqliteSourceStore::postpone(std::int64_t id, std::int64_t nextPollAt)
{
    auto update = m_db.prepare("UPDATE sources SET next_poll_at = max(next_poll_at, ?2) WHERE id = ?1");
    if (!update)
        return update.error();
    return update->bind(1, id).bind(2, nextPollAt).run();
}

// Taken when free, expired, or already this poller's; a takeover raises the fencing number.
Result<Lease> SqliteSourceStore::takeLease(std::int64_t sourceId, const std::string& poller, int seconds)
{
    auto take = m_db.prepare(
        "INSERT INTO poll_leases AS l (source_id, poller, fence, expires_at)"
        " VALUES (?1, ?2, 1, CAST(strftime('%s', 'now') AS INTEGER) + ?3)"
        " ON CONFLICT (source_id) DO UPDATE SET poller = excluded.poller,"
        "  fence = l.fence + CASE WHEN l.poller = excluded.poller THEN 0 ELSE 1 END, expires_at = excluded.expires_at"
        " WHERE l.poller = excluded.poller OR l.expires_at <= CAST(strftime('%s', 'now') AS INTEGER)"
        " RETURNING fence");
    if (!take)
        return take.error();
    take->bind(1, sourceId).bind(2, poller).bind(3, seconds);
    auto row = take->step();
    if (!row)
        return row.error();
    if (*row) {
        const std::int64_t fence = take->integer(0);
        if (auto done = take->step(); !done)   // finishes the statement (RETURNING writes as it steps)
            return done.error();
        return Lease{fence, poller};
    }
    auto holder = m_db.prepare("SELECT poller FROM poll_leases WHERE source_id = ?1");
    if (!holder)
        return holder.error();
    holder->bind(1, sourceId);
    auto found = holder->step();
    if (!found)
        return found.error();
    return Lease{std::nullopt, *found ? holder->text(0) : std::string()};
}

Result<std::optional<std::int64_t>> SqliteSourceStore::takeLeaseFrom(std::int64_t sourceId, const std::string& poller,
                                                                     const std::string& gone, int seconds)
{
    auto take = m_db.prepare(
        "UPDATE poll_leases SET poller = ?2, fence = fence + 1, expires_at = CAST(strftime('%s', 'now') AS INTEGER) + ?4"
        " WHERE source_id = ?1 AND poller = ?3 RETURNING fence");
    if (!take)
        return take.error();
    take->bind(1, sourceId).bind(2, poller).bind(3, gone).bind(4, seconds);
    auto row = take->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<std::int64_t>();
    const std::int64_t fence = take->integer(0);
    if (auto done = take->step(); !done)
        return done.error();
    return std::optional<std::int64_t>(fence);
}

// One writer at a time holds SQLite's write lock until it commits: nobody takes the lease over
// meanwhile.
Result<bool> SqliteSourceStore::holdsLease(std::int64_t sourceId, const std::string& poller, std::int64_t fence)
{
    auto query = m_db.prepare("SELECT 1 FROM poll_leases WHERE source_id = ?1 AND poller = ?2 AND fence = ?3");
    if (!query)
        return query.error();
    query->bind(1, sourceId).bind(2, poller).bind(3, fence);
    return query->step();
}

Status SqliteSourceStore::renewLeases(const std::string& poller, int seconds)
{
    auto update = m_db.prepare(
        "UPDATE poll_leases SET expires_at = CAST(strftime('%s', 'now') AS INTEGER) + ?2"
        " WHERE poller = ?1 AND expires_at > CAST(strftime('%s', 'now') AS INTEGER)");   // a lease let go stays so
    if (!update)
        return update.error();
    return update->bind(1, poller).bind(2, seconds).run();
}

Status SqliteSourceStore::recordPoll(const PollRecord& r)
{
    const std::string state(domain::sourceStateName(r.storedState()));
    auto update = m_db.prepare(
        "UPDATE sources SET last_poll_at = ?1, next_poll_at = ?2, state = ?3,"
        " error_count = CASE WHEN ?4 THEN 0 ELSE error_count + 1 END,"
        " last_error = CASE WHEN ?4 THEN NULL ELSE ?5 END,"
        " last_success_at = CASE WHEN ?4 THEN ?1 ELSE last_success_at END,"
        " enabled = CASE WHEN ?6 THEN 0 ELSE enabled END,"
        " etag = CASE WHEN ?7 THEN ?8 ELSE etag END,"
        " last_modified = CASE WHEN ?9 THEN ?10 ELSE last_modified END,"
        " url = CASE WHEN ?11 <> '' THEN ?11 ELSE url END,"
        " cursor = CASE WHEN ?13 THEN ?14 ELSE cursor END,"
        " needs_credentials = ?15"
        " WHERE id = ?12");
    if (!update)
        return update.error();
    update->bind(1, r.polledAt)
        .bind(2, r.nextPollAt)
        .bind(3, state)
        .bind(4, std::int64_t(r.succeeded))
        .bind(5, r.error)
        .bind(6, std::int64_t(r.disable))
        .bind(7, std::int64_t(r.etag.has_value()))
        .bind(8, r.etag.value_or(""))
        .bind(9, std::int64_t(r.lastModified.has_value()))
        .bind(10, r.lastModified.value_or(""))
        .bind(11, r.movedTo)
        .bind(12, r.sourceId)
        .bind(13, std::int64_t(r.cursor.has_value()))
        .bind(14, r.cursor.value_or(""))
        .bind(15, std::int64_t(r.needsCredentials));
    if (auto done = update->run(); !done) {
        if (!r.movedTo.empty() && done.message().find("UNIQUE") != std::string::npos)
            return fail("the feed moved permanently to " + r.movedTo +
                        ", which another source already listens to; remove one of the two");
        return done;
    }
    if (m_db.changes() == 0)
        return fail("no source with id " + std::to_string(r.sourceId));
    return Ok{};
}

}  // namespace earshot::store::sqlite
