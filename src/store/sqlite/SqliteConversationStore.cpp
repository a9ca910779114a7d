#include "store/sqlite/SqliteConversationStore.h"

#include "store/sqlite/ConversationQueries.h"

namespace earshot::store::sqlite {

namespace {

// Conversations of the same author come through mentions_author (conversations has no index
// on customer_id), which also finds threads they joined without starting them. On other
// platforms the same handle counts as the same person; a display name does not: at a million
// conversations a hundred different people are called "Zoe Patel".
constexpr const char* kOthersSql = R"sql(
WITH me AS (
    SELECT a.id, a.platform, a.handle
    FROM conversations c JOIN authors a ON a.id = c.customer_id WHERE c.id = ?1
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
WHERE c.id <> ?1
ORDER BY c.last_customer_at DESC, c.id DESC
LIMIT ?2
)sql";


std::optional<std::string> optionalText(const Statement& row, int column)
{
    if (row.isNull(column))
        return std::nullopt;
    return row.text(column);
}

// Reads several queries from one snapshot. A savepoint works both on its own and inside a
// transaction the caller already has open.
class ReadSnapshot {
public:
    explicit ReadSnapshot(Database& db) : m_db(db), m_open(bool(db.exec("SAVEPOINT inbox_read"))) {}
    ~ReadSnapshot()
    {
        if (m_open)
            (void)m_db.exec("RELEASE inbox_read");
    }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    Database& m_db;
    bool m_open;
};

Status readConversationRow(Database& db, std::int64_t id, ConversationDetail& out)
{
    auto query = db.cached(
        "SELECT c.status, COALESCE(c.assignee, ''), COALESCE(c.last_agent, ''), c.priority, c.created_at,"
        " c.updated_at, c.last_customer_at, c.first_response_at, c.resolved_at, c.message_count, c.snippet,"
        " s.id, s.name, s.kind, COALESCE(a.platform, ''), COALESCE(a.handle, ''), COALESCE(a.display_name, ''),"
        " COALESCE(a.profile_url, ''), a.followers"
        " FROM conversations c JOIN sources s ON s.id = c.source_id LEFT JOIN authors a ON a.id = c.customer_id"
        " WHERE c.id = ?");
    if (!query)
        return query.error();
    Statement& row = **query;
    row.bind(1, id);
    auto found = row.step();
    if (!found)
        return found.error();
    if (!*found)
        return fail("there is no conversation #" + std::to_string(id));
    out.id = id;
    out.status = domain::parseStatus(row.text(0)).value_or(domain::ConversationStatus::New);
    out.assignee = row.text(1);
    out.lastAgent = row.text(2);
    out.priority = domain::priorityFromInt(row.integer(3));
    out.createdAt = row.integer(4);
    out.updatedAt = row.integer(5);
    out.lastCustomerAt = row.integer(6);
    out.firstResponseAt = row.optionalInteger(7);
    out.resolvedAt = row.optionalInteger(8);
    out.messageCount = row.integer(9);
    out.snippet = row.text(10);
    out.sourceId = row.integer(11);
    out.sourceName = row.text(12);
    out.sourceKind = row.text(13);
    out.customerPlatform = row.text(14);
    out.customerHandle = row.text(15);
    out.customerName = row.text(16);
    out.customerProfileUrl = row.text(17);
    out.customerFollowers = row.optionalInteger(18);
    row.reset();
    return Ok{};
}

Status readParts(Database& db, std::int64_t id, ConversationDetail& out)
{
    auto tags = db.cached("SELECT tag FROM conversation_tags WHERE conversation_id = ? ORDER BY tag");
    auto mentions = db.cached(
        "SELECT m.id, m.external_id, COALESCE(a.handle, ''), COALESCE(a.display_name, ''), m.title, m.body, m.link,"
        " m.reply_to, m.published_at, m.ingested_at FROM mentions m LEFT JOIN authors a ON a.id = m.author_id"
        " WHERE m.conversation_id = ? ORDER BY m.ingested_at, m.id");
    auto replies = db.cached(
        "SELECT id, agent, body, channel, COALESCE(external_id, ''), sent_at, delivery, COALESCE(platform_url, ''),"
        " COALESCE(delivery_error, '') FROM replies"
        " WHERE conversation_id = ? ORDER BY sent_at, id");
    auto notes = db.cached(
        "SELECT id, agent, body, created_at FROM notes WHERE conversation_id = ? ORDER BY created_at, id");
    for (auto* query : {&tags, &mentions, &replies, &notes})
        if (!*query)
            return query->error();

    (*tags)->bind(1, id);
    if (auto read = eachRow(**tags, [&](const Statement& row) { out.tags.push_back(row.text(0)); }); !read)
        return read;
    (*mentions)->bind(1, id);
    if (auto read = eachRow(**mentions, [&](const Statement& row) {
            out.mentions.push_back({.id = row.integer(0),
                                    .externalId = row.text(1),
                                    .authorHandle = row.text(2),
                                    .authorName = row.text(3),
                                    .title = row.text(4),
                                    .body = row.text(5),
                                    .link = row.text(6),
                                    .replyTo = row.text(7),
                                    .publishedAt = row.optionalInteger(8),
                                    .ingestedAt = row.integer(9)});
        });
        !read)
        return read;
    (*replies)->bind(1, id);
    if (auto read = eachRow(**replies, [&](const Statement& row) {
            out.replies.push_back({.id = row.integer(0),
                                   .agent = row.text(1),
                                   .body = row.text(2),
                                   .channel = domain::parseChannel(row.text(3)).value_or(domain::Channel::OffPlatform),
                                   .externalId = row.text(4),
                                   .sentAt = row.integer(5),
                                   .delivery = domain::parseDelivery(row.text(6)).value_or(domain::Delivery::Recorded),
                                   .platformUrl = row.text(7),
                                   .deliveryError = row.text(8)});
        });
        !read)
        return read;
    (*notes)->bind(1, id);
    return eachRow(**notes, [&](const Statement& row) {
        out.notes.push_back(
            {.id = row.integer(0), .agent = row.text(1), .body = row.text(2), .createdAt = row.integer(3)});
    });
}

}  // namespace

Result<ConversationDetail> SqliteConversationStore::detail(std::int64_t conversationId)
{
    Database& db = m_db;
    ReadSnapshot snapshot(db);
    ConversationDetail detail;
    if (auto read = readConversationRow(db, conversationId, detail); !read)
        return read.error();
    if (auto read = readParts(db, conversationId, detail); !read)
        return read.error();
    return detail;
}

Result<std::vector<TimelineEntry>> SqliteConversationStore::timeline(std::int64_t conversationId)
{
    Database& db = m_db;
    ReadSnapshot snapshot(db);
    auto exists = db.cached("SELECT 1 FROM conversations WHERE id = ?");
    if (!exists)
        return exists.error();
    (*exists)->bind(1, conversationId);
    auto found = (*exists)->step();
    if (!found)
        return found.error();
    (*exists)->reset();
    if (!*found)
        return fail("there is no conversation #" + std::to_string(conversationId));

    auto query = db.cached(
        "SELECT id, at, actor, kind, from_value, to_value, detail FROM events"
        " WHERE conversation_id = ? ORDER BY at, id");
    if (!query)
        return query.error();
    (*query)->bind(1, conversationId);
    std::vector<TimelineEntry> entries;
    if (auto read = eachRow(**query, [&](const Statement& row) {
            // A kind this program does not know cannot be there: a newer schema is refused.
            const auto kind = domain::parseEventKind(row.text(3));
            if (!kind)
                return;
            entries.push_back({.id = row.integer(0),
                               .at = row.integer(1),
                               .actor = row.text(2),
                               .kind = *kind,
                               .fromValue = optionalText(row, 4),
                               .toValue = optionalText(row, 5),
                               .detail = optionalText(row, 6)});
        });
        !read)
        return read.error();
    return entries;
}

Result<std::vector<ReopenedConversation>> SqliteConversationStore::reopenedFor(const std::string& agent,
                                                                              std::int64_t since)
{
    Database& db = m_db;
    // Driven by the index on conversations(assignee, ...), then events_conversation per
    // conversation: the event log has no index on kind, and an agent holds far fewer
    // conversations than the log has events.
    auto query = db.cached(
        "SELECT e.conversation_id, e.at, COALESCE(e.from_value, ''), c.status, c.snippet"
        " FROM conversations c JOIN events e ON e.conversation_id = c.id"
        " WHERE c.assignee = ?1 AND e.at >= ?2 AND e.kind = 'reopened' AND e.detail = ?1"
        " ORDER BY e.at DESC, e.id DESC");
    if (!query)
        return query.error();
    (*query)->bind(1, agent).bind(2, since);
    std::vector<ReopenedConversation> out;
    if (auto read = eachRow(**query, [&](const Statement& row) {
            out.push_back({.conversationId = row.integer(0),
                           .reopenedAt = row.integer(1),
                           .fromStatus = domain::parseStatus(row.text(2)).value_or(domain::ConversationStatus::Resolved),
                           .status = domain::parseStatus(row.text(3)).value_or(domain::ConversationStatus::Open),
                           .snippet = row.text(4)});
        });
        !read)
        return read.error();
    return out;
}

Result<std::optional<Draft>> SqliteConversationStore::draft(std::int64_t conversationId, const std::string& agent)
{
    Database& db = m_db;
    auto query = db.cached("SELECT body, updated_at FROM drafts WHERE conversation_id = ? AND agent = ?");
    if (!query)
        return query.error();
    Statement& row = **query;
    row.bind(1, conversationId).bind(2, agent);
    auto found = row.step();
    if (!found)
        return found.error();
    std::optional<Draft> draft;
    if (*found)
        draft = Draft{row.text(0), row.integer(1)};
    row.reset();
    return draft;
}

SqliteConversationStore::SqliteConversationStore(Database& db) : m_db(db) {}

Result<ConversationPage> SqliteConversationStore::list(const ConversationFilter& filter, int limit,
                                                       const std::optional<ConversationCursor>& after)
{
    return listConversations(m_db, filter, limit, after);
}

Result<std::vector<ConversationMatch>> SqliteConversationStore::read(const ConversationFilter& filter,
                                                                     const std::vector<std::int64_t>& ids)
{
    return readConversations(m_db, filter, ids);
}

Result<ConversationCounts> SqliteConversationStore::count(const std::string& agent)
{
    return countConversations(m_db, agent);
}

Result<std::vector<CustomerConversation>> SqliteConversationStore::customersOthers(std::int64_t conversationId,
                                                                                   int limit)
{
    auto query = m_db.cached(kOthersSql);
    if (!query)
        return query.error();
    (*query)->bind(1, conversationId).bind(2, limit);
    std::vector<CustomerConversation> out;
    if (auto read = eachRow(**query, [&](const Statement& row) {
            out.push_back({.id = row.integer(0),
                           .status = domain::parseStatus(row.text(1)).value_or(domain::ConversationStatus::New),
                           .snippet = row.text(2),
                           .lastCustomerAt = row.integer(3),
                           .sourceName = row.text(4)});
        });
        !read)
        return read.error();
    return out;
}

}  // namespace earshot::store::sqlite
