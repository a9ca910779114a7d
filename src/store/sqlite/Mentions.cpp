#include "store/sqlite/MentionQueries.h"

#include <nlohmann/json.hpp>

#include "store/sqlite/ConversationQueries.h"

namespace earshot::store {

namespace {

// A look-up, then an insert, or an update that keeps what the new sighting does not say.
// Not an upsert with RETURNING: SQLite gathers RETURNING rows in a temporary table built
// anew for every statement run, which costs more than the look-up.
Result<std::optional<std::int64_t>> upsertAuthor(Database& db, const AuthorInfo& author)
{
    if (author.handle.empty())
        return std::optional<std::int64_t>();
    const std::string platform = author.platform.empty() ? std::string("feed") : author.platform;
    auto findQuery = db.cached("SELECT id FROM authors WHERE platform = ? AND handle = ?");
    if (!findQuery)
        return findQuery.error();
    Statement& find = **findQuery;
    find.bind(1, platform).bind(2, author.handle);
    auto row = find.step();
    if (!row)
        return row.error();
    const std::optional<std::int64_t> known = *row ? std::optional(find.integer(0)) : std::nullopt;
    find.reset();
    if (known) {
        auto update = db.cached("UPDATE authors SET display_name = coalesce(nullif(?2, ''), display_name),"
                                " profile_url = coalesce(nullif(?3, ''), profile_url),"
                                " followers = coalesce(?4, followers) WHERE id = ?1");
        if (!update)
            return update.error();
        if (auto ran = (*update)->bind(1, *known).bind(2, author.displayName).bind(3, author.profileUrl)
                           .bind(4, author.followers).run();
            !ran)
            return ran.error();
        return known;
    }
    auto insert = db.cached("INSERT INTO authors(platform, handle, display_name, profile_url, followers) VALUES (?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    if (auto ran = (*insert)->bind(1, platform).bind(2, author.handle).bind(3, author.displayName)
                       .bind(4, author.profileUrl).bind(5, author.followers).run();
        !ran)
        return ran.error();
    return std::optional<std::int64_t>(db.lastInsertId());
}

// What `read` takes from the statement's row, if it has one; the statement is reset after.
template <class Read>
auto fromFirstRow(Statement& statement, Read read) -> Result<std::optional<decltype(read(statement))>>
{
    auto row = statement.step();
    if (!row)
        return row.error();
    std::optional<decltype(read(statement))> value;
    if (*row)
        value = read(statement);
    statement.reset();
    return value;
}

Result<std::optional<std::int64_t>> optionalId(Statement& statement)
{
    return fromFirstRow(statement, [](Statement& row) { return row.integer(0); });
}

// A statement that looks within a scope of sources, `?1` bound to it: `sql` says
// `source_id IN scope` (with its table's alias), which becomes a plain comparison for one
// source. SQLite builds a temporary index for `IN (SELECT … json_each)` each time a statement
// runs, which cost a first poll of 200 feeds about a fifth of its time when it ran for every
// mention.
Result<Statement*> scopedQuery(Database& db, const SourceScope& scope, std::string sql)
{
    const std::string_view placeholder = "IN scope";
    const bool single = scope.size() == 1;
    sql.replace(sql.find(placeholder), placeholder.size(), single ? "= ?1" : "IN (SELECT value FROM json_each(?1))");
    auto query = db.cached(sql);
    if (!query)
        return query.error();
    if (single)
        (*query)->bind(1, scope.front());
    else
        (*query)->bind(1, nlohmann::json(scope).dump());
    return *query;
}

}  // namespace

Status indexPendingMentions(Database& db)
{
    return db.exec(
        "INSERT INTO mentions_fts(rowid, title, body) SELECT id, title, body FROM mentions"
        " WHERE id > (SELECT last_indexed_id FROM search_index_state) ORDER BY id;"
        "UPDATE search_index_state SET last_indexed_id = (SELECT coalesce(max(id), 0) FROM mentions)");
}

namespace sqlite {

Result<std::optional<std::int64_t>> SqliteMentionStore::findHeard(std::int64_t sourceId, const std::string& externalId)
{
    auto query = m_db.cached("SELECT id FROM mentions WHERE source_id = ? AND external_id = ?");
    if (!query)
        return query.error();
    (*query)->bind(1, sourceId).bind(2, externalId);
    return optionalId(**query);
}

Result<std::optional<std::int64_t>> SqliteMentionStore::findPlatformPost(const std::string& externalId)
{
    auto query = m_db.cached("SELECT id FROM mentions WHERE external_id = ? AND platform_ref IS NOT NULL");
    if (!query)
        return query.error();
    (*query)->bind(1, externalId);
    return optionalId(**query);
}

Result<std::optional<std::string>> SqliteMentionStore::threadOfPost(const SourceScope& scope, PostId by,
                                                                    const std::string& id)
{
    auto query = scopedQuery(m_db, scope,
                             by == PostId::External
                                 ? "SELECT c.thread_key FROM mentions m JOIN conversations c ON c.id = m.conversation_id"
                                   " WHERE m.source_id IN scope AND m.external_id = ?2"
                                 : "SELECT c.thread_key FROM mentions m JOIN conversations c ON c.id = m.conversation_id"
                                   " WHERE m.source_id IN scope AND m.platform_id = ?2");
    if (!query)
        return query.error();
    (*query)->bind(2, id);
    return fromFirstRow(**query, [](Statement& row) { return row.text(0); });
}

Result<std::optional<std::int64_t>> SqliteMentionStore::conversationOfThread(const SourceScope& scope,
                                                                             const std::string& threadKey)
{
    auto query = scopedQuery(m_db, scope,
                             "SELECT id FROM conversations WHERE source_id IN scope AND thread_key = ?2 ORDER BY id LIMIT 1");
    if (!query)
        return query.error();
    (*query)->bind(2, threadKey);
    return optionalId(**query);
}

Result<std::optional<std::int64_t>> SqliteMentionStore::rememberAuthor(const AuthorInfo& author)
{
    return upsertAuthor(m_db, author);
}

Result<std::int64_t> SqliteMentionStore::startConversation(const NewConversation& conversation)
{
    auto insert = m_db.cached(
        "INSERT INTO conversations(source_id, thread_key, customer_id, created_at, updated_at, last_customer_at,"
        " message_count, snippet, priority) VALUES (?1, ?2, ?3, ?4, ?4, ?4, 1, ?5, ?6)");
    if (!insert)
        return insert.error();
    if (auto ran = (*insert)->bind(1, conversation.sourceId)
                       .bind(2, conversation.threadKey)
                       .bind(3, conversation.customerId)
                       .bind(4, conversation.at)
                       .bind(5, conversation.snippet)
                       .bind(6, conversation.priority)
                       .run();
        !ran)
        return ran.error();
    const std::int64_t id = m_db.lastInsertId();
    if (auto counted = countNewConversations(m_db, conversation.sourceId, 1); !counted)
        return counted.error();
    return id;
}

Result<ConversationHolding> SqliteMentionStore::addCustomerMessage(std::int64_t conversationId, std::int64_t at,
                                                                  const std::string& snippet)
{
    auto update = m_db.cached(
        "UPDATE conversations SET message_count = message_count + 1, updated_at = ?2, last_customer_at = ?2,"
        " snippet = ?3 WHERE id = ?1 RETURNING status, assignee");
    if (!update)
        return update.error();
    (*update)->bind(1, conversationId).bind(2, at).bind(3, snippet);
    auto before = fromFirstRow(**update, [](Statement& row) {
        return ConversationHolding{.status = domain::parseStatus(row.text(0)).value_or(domain::ConversationStatus::New),
                                   .assignee = row.text(1)};
    });
    if (!before)
        return before.error();
    if (!*before)
        return fail("conversation " + std::to_string(conversationId) + " is not stored");
    return **before;
}

Status SqliteMentionStore::reopen(std::int64_t conversationId, domain::ConversationStatus status)
{
    auto update = m_db.cached("UPDATE conversations SET status = ?2, resolved_at = NULL WHERE id = ?1");
    if (!update)
        return update.error();
    return (*update)->bind(1, conversationId).bind(2, domain::statusName(status)).run();
}

Result<std::int64_t> SqliteMentionStore::storeMention(std::int64_t sourceId, std::int64_t conversationId,
                                                      std::optional<std::int64_t> authorId, const NewMention& m,
                                                      std::int64_t now)
{
    auto insert = m_db.cached(
        "INSERT INTO mentions(source_id, external_id, conversation_id, author_id, title, body, link, html_links,"
        " reply_to, published_at, ingested_at, platform_id, platform_ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    (*insert)->bind(1, sourceId)
        .bind(2, m.externalId)
        .bind(3, conversationId)
        .bind(4, authorId)
        .bind(5, m.title)
        .bind(6, m.body)
        .bind(7, m.link)
        .bind(8, nlohmann::json(m.htmlLinks).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
        .bind(9, m.replyTo)
        .bind(10, m.publishedAt)
        .bind(11, now)
        .bind(12, m.platformId.empty() ? std::optional<std::string>() : m.platformId)
        .bind(13, m.platformRef);
    if (auto stored = (*insert)->run(); !stored)
        return stored.error();
    return m_db.lastInsertId();
}

Result<std::vector<MentionRow>> SqliteMentionStore::list(const MentionQuery& query) { return listMentions(m_db, query); }

}  // namespace sqlite

Result<std::vector<MentionRow>> listMentions(Database& db, const MentionQuery& query)
{
    std::string sql =
        "SELECT m.id, m.source_id, s.name, m.conversation_id, m.external_id,"
        " coalesce(nullif(a.display_name, ''), a.handle, ''), m.title, m.body, m.link, m.published_at, m.ingested_at"
        " FROM mentions m JOIN sources s ON s.id = m.source_id LEFT JOIN authors a ON a.id = m.author_id";
    if (!query.search.empty())
        sql += " JOIN mentions_fts f ON f.rowid = m.id";
    sql += " WHERE m.ingested_at >= ?1";
    if (!query.search.empty())
        sql += " AND mentions_fts MATCH ?2";
    if (query.before)
        sql += " AND (m.ingested_at, m.id) < (?3, ?4)";
    sql += " ORDER BY m.ingested_at DESC, m.id DESC LIMIT ?5";
    auto statement = db.prepare(sql);
    if (!statement)
        return statement.error();
    statement->bind(1, query.since.value_or(0)).bind(5, query.limit);
    if (!query.search.empty())
        statement->bind(2, query.search);
    if (query.before)
        statement->bind(3, query.before->first).bind(4, query.before->second);
    std::vector<MentionRow> rows;
    for (;;) {
        auto row = statement->step();
        if (!row) {
            if (!query.search.empty())
                return fail("search '" + query.search + "' is not a valid full-text query (" + row.message() +
                            "); put phrases in double quotes");
            return row.error();
        }
        if (!*row)
            return rows;
        MentionRow r;
        r.id = statement->integer(0);
        r.sourceId = statement->integer(1);
        r.sourceName = statement->text(2);
        r.conversationId = statement->integer(3);
        r.externalId = statement->text(4);
        r.author = statement->text(5);
        r.title = statement->text(6);
        r.body = statement->text(7);
        r.link = statement->text(8);
        r.publishedAt = statement->optionalInteger(9);
        r.ingestedAt = statement->integer(10);
        rows.push_back(std::move(r));
    }
}

}  // namespace earshot::store
