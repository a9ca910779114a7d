#include "store/postgres/PgConversationStore.h"

#include "store/postgres/PgConversationQueries.h"

namespace earshot::store::postgres {

namespace {

// Conversations of the same author come through mentions_author, which also finds threads
// they joined without starting them. On other platforms the same handle counts as the same
// person; a display name does not: at a million conversations a hundred different people are
// called "Zoe Patel".
constexpr const char* kOthersSql = R"sql(
WITH me AS (
    SELECT a.id, a.platform, a.handle
    FROM conversations c JOIN authors a ON a.id = c.customer_id WHERE c.id = $1
),
people AS (
    SELECT id FROM me
    UNION
    SELECT a.id FROM authors a, me WHERE a.handle = me.handle AND a.platform <> me.platform
),
theirs AS (
    SELECT DISTINCT m.conversation_id AS id FROM mentions m WHERE m.author_id IN (SELECT id FROM people)
)
SELECT c.id, c.status, c.snippet, c.last_customer_at, s.name
FROM theirs t JOIN conversations c ON c.id = t.id JOIN sources s ON s.id = c.source_id
WHERE c.id <> $1
ORDER BY c.last_customer_at DESC, c.id DESC
LIMIT $2
)sql";

// Reads several queries from one snapshot: a read-only REPEATABLE READ transaction of its
// own, or, inside a transaction the caller already has open, that transaction.
class ReadSnapshot {
public:
    explicit ReadSnapshot(Connection& db)
        : m_db(db), m_own(!db.inTransaction() && bool(db.exec("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")))
    {
    }
    ~ReadSnapshot()
    {
        // Only reads: COMMIT ends it (and rolls back a transaction a failed read aborted).
        if (m_own)
            (void)m_db.exec("COMMIT");
    }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    Connection& m_db;
    bool m_own;
};

Status readConversationRow(Connection& db, std::int64_t id, ConversationDetail& out)
{
    auto row = db.query(
        "SELECT c.status, COALESCE(c.assignee, ''), COALESCE(c.last_agent, ''), c.priority, c.created_at,"
        " c.updated_at, c.last_customer_at, c.first_response_at, c.resolved_at, c.message_count, c.snippet,"
        " s.id, s.name, s.kind, COALESCE(a.platform, ''), COALESCE(a.handle, ''), COALESCE(a.display_name, ''),"
        " COALESCE(a.profile_url, ''), a.followers"
        " FROM conversations c JOIN sources s ON s.id = c.source_id LEFT JOIN authors a ON a.id = c.customer_id"
        " WHERE c.id = $1",
        {id});
    if (!row)
        return row.error();
    if (row->empty())
        return fail("there is no conversation #" + std::to_string(id));
    out.id = id;
    out.status = domain::parseStatus(row->text(0, 0)).value_or(domain::ConversationStatus::New);
    out.assignee = row->text(0, 1);
    out.lastAgent = row->text(0, 2);
    out.priority = domain::priorityFromInt(row->integer(0, 3));
    out.createdAt = row->integer(0, 4);
    out.updatedAt = row->integer(0, 5);
    out.lastCustomerAt = row->integer(0, 6);
    out.firstResponseAt = row->optionalInteger(0, 7);
    out.resolvedAt = row->optionalInteger(0, 8);
    out.messageCount = row->integer(0, 9);
    out.snippet = row->text(0, 10);
    out.sourceId = row->integer(0, 11);
    out.sourceName = row->text(0, 12);
    out.sourceKind = row->text(0, 13);
    out.customerPlatform = row->text(0, 14);
    out.customerHandle = row->text(0, 15);
    out.customerName = row->text(0, 16);
    out.customerProfileUrl = row->text(0, 17);
    out.customerFollowers = row->optionalInteger(0, 18);
    return Ok{};
}

Status readParts(Connection& db, std::int64_t id, ConversationDetail& out)
{
    // Tags in byte order (COLLATE "C"), as SQLite sorts them, whatever the database's collation.
    auto tags = db.query("SELECT tag FROM conversation_tags WHERE conversation_id = $1 ORDER BY tag COLLATE \"C\"",
                         {id});
    if (!tags)
        return tags.error();
    for (int r = 0; r < tags->size(); ++r)
        out.tags.push_back(tags->text(r, 0));

    auto mentions = db.query(
        "SELECT m.id, m.external_id, COALESCE(a.handle, ''), COALESCE(a.display_name, ''), m.title, m.body, m.link,"
        " m.reply_to, m.published_at, m.ingested_at FROM mentions m LEFT JOIN authors a ON a.id = m.author_id"
        " WHERE m.conversation_id = $1 ORDER BY m.ingested_at, m.id",
        {id});
    if (!mentions)
        return mentions.error();
    for (int r = 0; r < mentions->size(); ++r)
        out.mentions.push_back({.id = mentions->integer(r, 0),
                                .externalId = mentions->text(r, 1),
                                .authorHandle = mentions->text(r, 2),
                                .authorName = mentions->text(r, 3),
                                .title = mentions->text(r, 4),
                                .body = mentions->text(r, 5),
                                .link = mentions->text(r, 6),
                                .replyTo = mentions->text(r, 7),
                                .publishedAt = mentions->optionalInteger(r, 8),
                                .ingestedAt = mentions->integer(r, 9)});

    auto replies = db.query(
        "SELECT id, agent, body, channel, COALESCE(external_id, ''), sent_at, delivery, COALESCE(platform_url, ''),"
        " COALESCE(delivery_error, '') FROM replies"
        " WHERE conversation_id = $1 ORDER BY sent_at, id",
        {id});
    if (!replies)
        return replies.error();
    for (int r = 0; r < replies->size(); ++r)
        out.replies.push_back(
            {.id = replies->integer(r, 0),
             .agent = replies->text(r, 1),
             .body = replies->text(r, 2),
             .channel = domain::parseChannel(replies->text(r, 3)).value_or(domain::Channel::OffPlatform),
             .externalId = replies->text(r, 4),
             .sentAt = replies->integer(r, 5),
             .delivery = domain::parseDelivery(replies->text(r, 6)).value_or(domain::Delivery::Recorded),
             .platformUrl = replies->text(r, 7),
             .deliveryError = replies->text(r, 8)});

    auto notes = db.query(
        "SELECT id, agent, body, created_at FROM notes WHERE conversation_id = $1 ORDER BY created_at, id", {id});
    if (!notes)
        return notes.error();
    for (int r = 0; r < notes->size(); ++r)
        out.notes.push_back({.id = notes->integer(r, 0),
                             .agent = notes->text(r, 1),
                             .body = notes->text(r, 2),
                             .createdAt = notes->integer(r, 3)});
    return Ok{};
}

}  // namespace

PgConversationStore::PgConversationStore(Connection& db) : m_db(db) {}

Result<ConversationDetail> PgConversationStore::detail(std::int64_t conversationId)
{
    ReadSnapshot snapshot(m_db);
    ConversationDetail detail;
    if (auto read = readConversationRow(m_db, conversationId, detail); !read)
        return read.error();
    if (auto read = readParts(m_db, conversationId, detail); !read)
        return read.error();
    return detail;
}

Result<std::vector<TimelineEntry>> PgConversationStore::timeline(std::int64_t conversationId)
{
    // Whether the conversation exists and its events in one statement, so one snapshot:
    // a conversation without events is one row of NULLs, a missing one no row at all.
    auto rows = m_db.query(
        "SELECT e.id, e.at, e.actor, e.kind, e.from_value, e.to_value, e.detail"
        " FROM conversations c LEFT JOIN events e ON e.conversation_id = c.id"
        " WHERE c.id = $1 ORDER BY e.at, e.id",
        {conversationId});
    if (!rows)
        return rows.error();
    if (rows->empty())
        return fail("there is no conversation #" + std::to_string(conversationId));
    std::vector<TimelineEntry> entries;
    for (int r = 0; r < rows->size(); ++r) {
        if (rows->isNull(r, 0))
            continue;
        // A kind this program does not know cannot be there: a newer schema is refused.
        const auto kind = domain::parseEventKind(rows->text(r, 3));
        if (!kind)
            continue;
        entries.push_back({.id = rows->integer(r, 0),
                           .at = rows->integer(r, 1),
                           .actor = rows->text(r, 2),
                           .kind = *kind,
                           .fromValue = rows->optionalText(r, 4),
                           .toValue = rows->optionalText(r, 5),
                           .detail = rows->optionalText(r, 6)});
    }
    return entries;
}

Result<std::vector<ReopenedConversation>> PgConversationStore::reopenedFor(const std::string& agent,
                                                                          std::int64_t since)
{
    // Driven by the index on conversations(assignee, ...), then events_conversation per
    // conversation: the event log has no index on kind, and an agent holds far fewer
    // conversations than the log has events.
    auto rows = m_db.query(
        "SELECT e.conversation_id, e.at, COALESCE(e.from_value, ''), c.status, c.snippet"
        " FROM conversations c JOIN events e ON e.conversation_id = c.id"
        " WHERE c.assignee = $1 AND e.at >= $2 AND e.kind = 'reopened' AND e.detail = $1"
        " ORDER BY e.at DESC, e.id DESC",
        {agent, since});
    if (!rows)
        return rows.error();
    std::vector<ReopenedConversation> out;
    for (int r = 0; r < rows->size(); ++r)
        out.push_back(
            {.conversationId = rows->integer(r, 0),
             .reopenedAt = rows->integer(r, 1),
             .fromStatus = domain::parseStatus(rows->text(r, 2)).value_or(domain::ConversationStatus::Resolved),
             .status = domain::parseStatus(rows->text(r, 3)).value_or(domain::ConversationStatus::Open),
             .snippet = rows->text(r, 4)});
    return out;
}

Result<std::optional<Draft>> PgConversationStore::draft(std::int64_t conversationId, const std::string& agent)
{
    auto row = m_db.query("SELECT body, updated_at FROM drafts WHERE conversation_id = $1 AND agent = $2",
                          {conversationId, agent});
    if (!row)
        return row.error();
    std::optional<Draft> draft;
    if (!row->empty())
        draft = Draft{row->text(0, 0), row->integer(0, 1)};
    return draft;
}

Result<ConversationPage> PgConversationStore::list(const ConversationFilter& filter, int limit,
                                                   const std::optional<ConversationCursor>& after)
{
    return listConversations(m_db, filter, limit, after);
}

Result<std::vector<ConversationMatch>> PgConversationStore::read(const ConversationFilter& filter,
                                                                 const std::vector<std::int64_t>& ids)
{
    return readConversations(m_db, filter, ids);
}

Result<ConversationCounts> PgConversationStore::count(const std::string& agent)
{
    return countConversations(m_db, agent);
}

Result<std::vector<CustomerConversation>> PgConversationStore::customersOthers(std::int64_t conversationId,
                                                                               int limit)
{
    auto rows = m_db.query(kOthersSql, {conversationId, limit});
    if (!rows)
        return rows.error();
    std::vector<CustomerConversation> out;
    for (int r = 0; r < rows->size(); ++r)
        out.push_back({.id = rows->integer(r, 0),
                       .status = domain::parseStatus(rows->text(r, 1)).value_or(domain::ConversationStatus::New),
                       .snippet = rows->text(r, 2),
                       .lastCustomerAt = rows->integer(r, 3),
                       .sourceName = rows->text(r, 4)});
    return out;
}

}  // namespace earshot::store::postgres
