#include "store/postgres/PgMentionStore.h"

#include <nlohmann/json.hpp>

namespace earshot::store::postgres {

namespace {

// A scope of sources as one bigint[] parameter ("{1,2,3}"), so one prepared statement serves
// every scope, of one source or many; an empty scope matches nothing, as on SQLite.
std::string idArray(const SourceScope& ids)
{
    std::string text = "{";
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i > 0)
            text += ',';
        text += std::to_string(ids[i]);
    }
    text += '}';
    return text;
}

// The first column of the first row, if there is one.
Result<std::optional<std::int64_t>> optionalId(const Result<Rows>& rows)
{
    if (!rows)
        return rows.error();
    if (rows->empty())
        return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(rows->integer(0, 0));
}

}  // namespace

Status countNewConversations(Connection& db, std::int64_t sourceId, std::int64_t created)
{
    if (created == 0)
        return Ok{};
    return db.run("INSERT INTO conversation_counts VALUES ('new', $1, $2)"
                  " ON CONFLICT (status, source_id) DO UPDATE SET n = conversation_counts.n + EXCLUDED.n",
                  {sourceId, created});
}

Result<std::optional<std::int64_t>> PgMentionStore::findHeard(std::int64_t sourceId, const std::string& externalId)
{
    return optionalId(m_db.query("SELECT id FROM mentions WHERE source_id = $1 AND external_id = $2",
                                 {sourceId, externalId}));
}

Result<std::optional<std::int64_t>> PgMentionStore::findPlatformPost(const std::string& externalId)
{
    // LIMIT 1: two sources may have heard the post before it was known to be one (SQLite
    // took the first row the same way).
    return optionalId(m_db.query("SELECT id FROM mentions WHERE external_id = $1 AND platform_ref IS NOT NULL LIMIT 1",
                                 {externalId}));
}

Result<std::optional<std::string>> PgMentionStore::threadOfPost(const SourceScope& scope, PostId by,
                                                                const std::string& id)
{
    // Several sources of the scope may hold the post; the oldest stored one names the thread.
    auto rows = m_db.query(by == PostId::External
                               ? "SELECT c.thread_key FROM mentions m JOIN conversations c ON c.id = m.conversation_id"
                                 " WHERE m.source_id = ANY($1::bigint[]) AND m.external_id = $2 ORDER BY m.id LIMIT 1"
                               : "SELECT c.thread_key FROM mentions m JOIN conversations c ON c.id = m.conversation_id"
                                 " WHERE m.source_id = ANY($1::bigint[]) AND m.platform_id = $2 ORDER BY m.id LIMIT 1",
                           {idArray(scope), id});
    if (!rows)
        return rows.error();
    if (rows->empty())
        return std::optional<std::string>();
    return std::optional<std::string>(rows->text(0, 0));
}

Result<std::optional<std::int64_t>> PgMentionStore::conversationOfThread(const SourceScope& scope,
                                                                         const std::string& threadKey)
{
    return optionalId(m_db.query("SELECT id FROM conversations WHERE source_id = ANY($1::bigint[]) AND thread_key = $2"
                                 " ORDER BY id LIMIT 1",
                                 {idArray(scope), threadKey}));
}

Result<std::optional<std::int64_t>> PgMentionStore::rememberAuthor(const AuthorInfo& author)
{
    if (author.handle.empty())
        return std::optional<std::int64_t>();
    const std::string platform = author.platform.empty() ? std::string("feed") : author.platform;
    // One upsert rather than SQLite's look-up and then insert or update: a round trip fewer
    // per mention, and safe when two processes meet the same author at once. An empty field
    // keeps what was known; a new author is stored as given.
    return optionalId(m_db.query(
        "INSERT INTO authors(platform, handle, display_name, profile_url, followers) VALUES ($1, $2, $3, $4, $5)"
        " ON CONFLICT (platform, handle) DO UPDATE SET"
        " display_name = coalesce(nullif(EXCLUDED.display_name, ''), authors.display_name),"
        " profile_url = coalesce(nullif(EXCLUDED.profile_url, ''), authors.profile_url),"
        " followers = coalesce(EXCLUDED.followers, authors.followers)"
        " RETURNING id",
        {platform, author.handle, author.displayName, author.profileUrl, author.followers}));
}

Result<std::int64_t> PgMentionStore::startConversation(const NewConversation& conversation)
{
    // The insert and its count (what countNewConversations does for one) in one statement:
    // this runs for most mentions of a first poll, and a round trip is the cost there.
    auto rows = m_db.query(
        "WITH started AS (INSERT INTO conversations(source_id, thread_key, customer_id, created_at, updated_at,"
        " last_customer_at, message_count, snippet, priority) VALUES ($1, $2, $3, $4, $4, $4, 1, $5, $6) RETURNING id),"
        " counted AS (INSERT INTO conversation_counts VALUES ('new', $1, 1)"
        " ON CONFLICT (status, source_id) DO UPDATE SET n = conversation_counts.n + EXCLUDED.n)"
        " SELECT id FROM started",
        {conversation.sourceId, conversation.threadKey, conversation.customerId, conversation.at, conversation.snippet,
         conversation.priority});
    if (!rows)
        return rows.error();
    if (rows->empty())
        return fail("the conversation was not stored");
    return rows->integer(0, 0);
}

Result<ConversationHolding> PgMentionStore::addCustomerMessage(std::int64_t conversationId, std::int64_t at,
                                                              const std::string& snippet)
{
    // RETURNING gives the row after the update, which leaves status and assignee as they were.
    auto rows = m_db.query(
        "UPDATE conversations SET message_count = message_count + 1, updated_at = $2, last_customer_at = $2,"
        " snippet = $3 WHERE id = $1 RETURNING status, assignee",
        {conversationId, at, snippet});
    if (!rows)
        return rows.error();
    if (rows->empty())
        return fail("conversation " + std::to_string(conversationId) + " is not stored");
    return ConversationHolding{.status = domain::parseStatus(rows->text(0, 0)).value_or(domain::ConversationStatus::New),
                               .assignee = rows->text(0, 1)};
}

Status PgMentionStore::reopen(std::int64_t conversationId, domain::ConversationStatus status)
{
    return m_db.run("UPDATE conversations SET status = $2, resolved_at = NULL WHERE id = $1",
                    {conversationId, domain::statusName(status)});
}

Result<std::int64_t> PgMentionStore::storeMention(std::int64_t sourceId, std::int64_t conversationId,
                                                  std::optional<std::int64_t> authorId, const NewMention& m,
                                                  std::int64_t now)
{
    // The search column is generated from title and body: nothing to index afterwards.
    auto rows = m_db.query(
        "INSERT INTO mentions(source_id, external_id, conversation_id, author_id, title, body, link, html_links,"
        " reply_to, published_at, ingested_at, platform_id, platform_ref)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
        {sourceId, m.externalId, conversationId, authorId, m.title, m.body, m.link,
         nlohmann::json(m.htmlLinks).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), m.replyTo,
         m.publishedAt, now, m.platformId.empty() ? std::optional<std::string>() : std::optional<std::string>(m.platformId),
         m.platformRef});
    if (!rows)
        return rows.error();
    if (rows->empty())
        return fail("the mention was not stored");
    return rows->integer(0, 0);
}

Result<std::vector<MentionRow>> PgMentionStore::list(const MentionQuery& query)
{
    // Only the conditions asked for, each numbered as it comes: a parameter that no condition
    // uses would have no type. At most four statements, each prepared once.
    std::string sql =
        "SELECT m.id, m.source_id, s.name, m.conversation_id, m.external_id,"
        " coalesce(nullif(a.display_name, ''), a.handle, ''), m.title, m.body, m.link, m.published_at, m.ingested_at"
        " FROM mentions m JOIN sources s ON s.id = m.source_id LEFT JOIN authors a ON a.id = m.author_id"
        " WHERE m.ingested_at >= $1";
    Params params{query.since.value_or(0)};
    auto next = [&](Param value) {
        params.push_back(std::move(value));
        return "$" + std::to_string(params.size());
    };
    if (!query.search.empty()) {
        // Asked in Dutch and in English, as the column is indexed; websearch_to_tsquery
        // accepts any text, so a search that cannot match finds nothing rather than failing.
        const std::string search = next(query.search);
        sql += " AND m.search @@ (websearch_to_tsquery('earshot_dutch', " + search +
               ") || websearch_to_tsquery('earshot_english', " + search + "))";
    }
    if (query.before) {
        const std::string at = next(query.before->first);
        const std::string id = next(query.before->second);
        sql += " AND (m.ingested_at, m.id) < (" + at + ", " + id + ")";
    }
    // A negative limit is no limit, as on SQLite (LIMIT NULL on PostgreSQL).
    sql += " ORDER BY m.ingested_at DESC, m.id DESC LIMIT " +
           next(query.limit < 0 ? std::optional<int>() : std::optional<int>(query.limit));

    auto rows = m_db.query(sql, params);
    if (!rows)
        return rows.error();
    std::vector<MentionRow> mentions;
    mentions.reserve(std::size_t(rows->size()));
    for (int i = 0; i < rows->size(); ++i) {
        MentionRow r;
        r.id = rows->integer(i, 0);
        r.sourceId = rows->integer(i, 1);
        r.sourceName = rows->text(i, 2);
        r.conversationId = rows->integer(i, 3);
        r.externalId = rows->text(i, 4);
        r.author = rows->text(i, 5);
        r.title = rows->text(i, 6);
        r.body = rows->text(i, 7);
        r.link = rows->text(i, 8);
        r.publishedAt = rows->optionalInteger(i, 9);
        r.ingestedAt = rows->integer(i, 10);
        mentions.push_back(std::move(r));
    }
    return mentions;
}

}  // namespace earshot::store::postgres
