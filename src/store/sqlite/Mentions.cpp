#include "store/sqlite/MentionQueries.h"

#include <nlohmann/json.hpp>

#include "earshot/core/Text.h"
#include "store/sqlite/ConversationQueries.h"
#include "earshot/store/Events.h"

namespace earshot::store {

namespace {

constexpr std::size_t kSnippetLength = 200;

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

// The sources whose conversations a mention of `sourceId` may join: a thread heard by two
// sources of one platform (a hashtag and the brand's mentions) is one conversation. A feed
// source keeps its own. Mastodon names a parent by the id it has on one server, so there only
// sources of the same server share threads.
struct Scope {
    std::string ids;          // a JSON array of source ids
    std::int64_t only = 0;    // the one source, when there is just one (every feed)
};

Result<Scope> conversationScope(Database& db, std::int64_t sourceId)
{
    auto query = db.cached("SELECT kind, url FROM sources WHERE id = ?");
    if (!query)
        return query.error();
    (*query)->bind(1, sourceId);
    auto source = fromFirstRow(**query, [](Statement& row) { return std::pair(row.text(0), row.text(1)); });
    if (!source)
        return source.error();
    const Scope own{.ids = "[" + std::to_string(sourceId) + "]", .only = sourceId};
    if (!*source || (*source)->first == "feed")
        return own;
    // Not a structured binding: clang 14 cannot capture those in a lambda.
    const std::string& kind = (*source)->first;
    const std::string ownHost = core::hostOf((*source)->second);
    const std::string family = kind.substr(0, kind.find('-'));
    const bool sameServerOnly = family == "mastodon";
    auto siblings = db.cached("SELECT id, url FROM sources WHERE kind = ?1 OR kind LIKE ?1 || '-%' ORDER BY id");
    if (!siblings)
        return siblings.error();
    Statement& sibling = **siblings;
    sibling.bind(1, family);
    nlohmann::json ids = nlohmann::json::array();
    if (auto read = eachRow(sibling, [&](Statement& row) {
            if (!sameServerOnly || core::hostOf(row.text(1)) == ownHost)
                ids.push_back(row.integer(0));
        });
        !read)
        return read.error();
    return ids.size() > 1 ? Scope{.ids = ids.dump()} : own;
}

// Binds ?1 of a scopedQuery (bindings are cleared with every reset).
Statement& bindScope(Statement& statement, const Scope& scope)
{
    return scope.only ? statement.bind(1, scope.only) : statement.bind(1, scope.ids);
}

// A statement that looks within a scope, `?1` bound to it: `sql` says `source_id IN scope`
// (with its table's alias), which becomes a plain comparison for one source. SQLite builds a
// temporary index for `IN (SELECT … json_each)` each time a statement runs, which cost a
// first poll of 200 feeds about a fifth of its time when it ran for every mention.
Result<Statement*> scopedQuery(Database& db, const Scope& scope, std::string sql)
{
    const std::string_view placeholder = "IN scope";
    sql.replace(sql.find(placeholder), placeholder.size(),
                scope.only ? "= ?1" : "IN (SELECT value FROM json_each(?1))");
    auto query = db.cached(sql);
    if (!query)
        return query.error();
    bindScope(**query, scope);
    return *query;
}

// The thread a mention belongs to: the platform's thread id, else the conversation of
// the post it answers, else its own id (one conversation per mention).
Result<std::string> threadKeyFor(Database& db, const Scope& scope, const NewMention& m)
{
    if (!m.threadId.empty())
        return m.threadId;
    if (m.replyTo.empty())
        return m.externalId;
    // The parent by its external id, else (Mastodon replies name the parent's local id) by
    // its platform id, which only platform mentions have.
    auto parentThread = [&](const char* sql) -> Result<std::optional<std::string>> {
        auto query = scopedQuery(db, scope, sql);
        if (!query)
            return query.error();
        (*query)->bind(2, m.replyTo);
        return fromFirstRow(**query, [](Statement& row) { return row.text(0); });
    };
    auto byExternalId = parentThread("SELECT c.thread_key FROM mentions m JOIN conversations c ON c.id = m.conversation_id"
                                     " WHERE m.source_id IN scope AND m.external_id = ?2");
    if (!byExternalId)
        return byExternalId.error();
    if (*byExternalId || !m.platformRef)
        return byExternalId->value_or(m.replyTo);
    auto byPlatformId = parentThread("SELECT c.thread_key FROM mentions m JOIN conversations c ON c.id = m.conversation_id"
                                     " WHERE m.source_id IN scope AND m.platform_id = ?2");
    if (!byPlatformId)
        return byPlatformId.error();
    return byPlatformId->value_or(m.replyTo);
}

}  // namespace

Status indexPendingMentions(Database& db)
{
    return db.exec(
        "INSERT INTO mentions_fts(rowid, title, body) SELECT id, title, body FROM mentions"
        " WHERE id > (SELECT last_indexed_id FROM search_index_state) ORDER BY id;"
        "UPDATE search_index_state SET last_indexed_id = (SELECT coalesce(max(id), 0) FROM mentions)");
}

Result<IngestResult> ingestMentions(Database& db, std::int64_t sourceId, const std::vector<NewMention>& mentions,
                                    std::int64_t now)
{
    IngestResult result;
    auto existsQuery = db.cached("SELECT id FROM mentions WHERE source_id = ? AND external_id = ?");
    // A platform post is the same post whichever source heard it.
    auto platformExistsQuery = db.cached("SELECT id FROM mentions WHERE external_id = ? AND platform_ref IS NOT NULL");
    auto scope = conversationScope(db, sourceId);
    if (!scope)
        return scope.error();
    // The oldest conversation of the thread among the scope's sources.
    auto findConversationQuery =
        scopedQuery(db, *scope, "SELECT id FROM conversations WHERE source_id IN scope AND thread_key = ?2 ORDER BY id LIMIT 1");
    // The source's priority is read once, not by a subquery in every insert (which SQLite runs
    // through a temporary table).
    auto priorityQuery = db.cached("SELECT default_priority FROM sources WHERE id = ?");
    if (!priorityQuery)
        return priorityQuery.error();
    (*priorityQuery)->bind(1, sourceId);
    auto priority = fromFirstRow(**priorityQuery, [](Statement& row) { return row.integer(0); });
    if (!priority)
        return priority.error();
    auto createConversationQuery = db.cached(
        "INSERT INTO conversations(source_id, thread_key, customer_id, created_at, updated_at, last_customer_at,"
        " message_count, snippet, priority) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?8)");
    auto addToConversationQuery = db.cached(
        "UPDATE conversations SET message_count = message_count + 1, updated_at = ?2, last_customer_at = ?2,"
        " snippet = ?3 WHERE id = ?1 RETURNING status, assignee");
    auto reopenQuery = db.cached("UPDATE conversations SET status = CASE WHEN assignee IS NULL THEN 'new' ELSE 'open' END,"
                             " resolved_at = NULL WHERE id = ? RETURNING status");
    auto insertQuery = db.cached(
        "INSERT INTO mentions(source_id, external_id, conversation_id, author_id, title, body, link, html_links,"
        " reply_to, published_at, ingested_at, platform_id, platform_ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (auto* query : {&existsQuery, &platformExistsQuery, &findConversationQuery, &createConversationQuery, &addToConversationQuery,
                        &reopenQuery, &insertQuery})
        if (!*query)
            return query->error();
    Statement& exists = **existsQuery;
    Statement& platformExists = **platformExistsQuery;
    Statement& findConversation = **findConversationQuery;
    Statement& createConversation = **createConversationQuery;
    Statement& addToConversation = **addToConversationQuery;
    Statement& reopen = **reopenQuery;
    Statement& insert = **insertQuery;

    for (const NewMention& m : mentions) {
        if (m.platformRef)
            platformExists.bind(1, m.externalId);
        else
            exists.bind(1, sourceId).bind(2, m.externalId);
        auto existing = optionalId(m.platformRef ? platformExists : exists);
        if (!existing)
            return existing.error();
        if (*existing) {
            ++result.duplicates;
            continue;
        }
        auto authorId = upsertAuthor(db, m.author);
        if (!authorId)
            return authorId.error();
        auto threadKey = threadKeyFor(db, *scope, m);
        if (!threadKey)
            return threadKey.error();
        const std::string snippet = core::truncateUtf8(m.body.empty() ? m.title : m.body, kSnippetLength);

        bindScope(findConversation, *scope).bind(2, *threadKey);
        auto conversationId = optionalId(findConversation);
        if (!conversationId)
            return conversationId.error();
        std::int64_t conversation = 0;
        if (*conversationId) {
            conversation = **conversationId;
            addToConversation.bind(1, conversation).bind(2, now).bind(3, snippet);
            auto row = addToConversation.step();
            if (!row)
                return row.error();
            const std::string status = addToConversation.text(0);
            const std::string assignee = addToConversation.text(1);
            addToConversation.reset();
            if (status == "resolved" || status == "pending") {
                reopen.bind(1, conversation);
                auto reopened = reopen.step();
                if (!reopened)
                    return reopened.error();
                const std::string newStatus = reopen.text(0);
                reopen.reset();
                if (auto logged = appendEvent(db, {.at = now, .actor = std::string(domain::kEngineActor), .kind = domain::EventKind::Reopened,
                                                   .conversationId = conversation, .fromValue = status,
                                                   .toValue = newStatus, .detail = assignee.empty() ? std::optional<std::string>() : assignee});
                    !logged)
                    return logged.error();
                result.conversationsReopened.push_back(conversation);
            }
        } else {
            createConversation.bind(1, sourceId)
                .bind(2, *threadKey)
                .bind(3, *authorId)
                .bind(4, now)
                .bind(5, now)
                .bind(6, now)
                .bind(7, snippet)
                .bind(8, priority->value_or(1));
            if (auto created = createConversation.run(); !created)
                return created.error();
            conversation = db.lastInsertId();
            result.conversationsCreated.push_back(conversation);
            if (auto logged = appendEvent(db, {.at = now, .actor = std::string(domain::kEngineActor), .kind = domain::EventKind::ConversationCreated,
                                               .conversationId = conversation, .sourceId = sourceId});
                !logged)
                return logged.error();
        }

        insert.bind(1, sourceId)
            .bind(2, m.externalId)
            .bind(3, conversation)
            .bind(4, *authorId)
            .bind(5, m.title)
            .bind(6, m.body)
            .bind(7, m.link)
            .bind(8, nlohmann::json(m.htmlLinks).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
            .bind(9, m.replyTo)
            .bind(10, m.publishedAt)
            .bind(11, now)
            .bind(12, m.platformId.empty() ? std::optional<std::string>() : m.platformId)
            .bind(13, m.platformRef);
        if (auto stored = insert.run(); !stored)
            return stored.error();
        result.mentionIds.push_back(db.lastInsertId());
    }
    if (auto counted = countNewConversations(db, sourceId, std::int64_t(result.conversationsCreated.size()));
        !counted)
        return counted.error();
    return result;
}

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
