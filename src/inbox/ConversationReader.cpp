#include "earshot/inbox/ConversationReader.h"

namespace earshot::inbox {

namespace {

std::optional<std::string> optionalText(const store::Statement& row, int column)
{
    if (row.isNull(column))
        return std::nullopt;
    return row.text(column);
}

// Reads several queries from one snapshot. A savepoint works both on its own and inside a
// transaction the caller already has open.
class ReadSnapshot {
public:
    explicit ReadSnapshot(store::Database& db) : m_db(db), m_open(bool(db.exec("SAVEPOINT inbox_read"))) {}
    ~ReadSnapshot()
    {
        if (m_open)
            (void)m_db.exec("RELEASE inbox_read");
    }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    store::Database& m_db;
    bool m_open;
};

Status readConversationRow(store::Database& db, std::int64_t id, ConversationDetail& out)
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
    store::Statement& row = **query;
    row.bind(1, id);
    auto found = row.step();
    if (!found)
        return found.error();
    if (!*found)
        return fail("there is no conversation #" + std::to_string(id));
    out.id = id;
    out.status = parseStatus(row.text(0)).value_or(ConversationStatus::New);
    out.assignee = row.text(1);
    out.lastAgent = row.text(2);
    out.priority = priorityFromInt(row.integer(3));
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
    out.canPostOnPlatform = canPostOnPlatform(out.sourceKind);
    out.customerPlatform = row.text(14);
    out.customerHandle = row.text(15);
    out.customerName = row.text(16);
    out.customerProfileUrl = row.text(17);
    out.customerFollowers = row.optionalInteger(18);
    row.reset();
    return Ok{};
}

Status readParts(store::Database& db, std::int64_t id, ConversationDetail& out)
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
    if (auto read = store::eachRow(**tags, [&](const store::Statement& row) { out.tags.push_back(row.text(0)); }); !read)
        return read;
    (*mentions)->bind(1, id);
    if (auto read = store::eachRow(**mentions, [&](const store::Statement& row) {
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
    if (auto read = store::eachRow(**replies, [&](const store::Statement& row) {
            out.replies.push_back({.id = row.integer(0),
                                   .agent = row.text(1),
                                   .body = row.text(2),
                                   .channel = row.text(3) == "platform" ? Channel::Platform : Channel::OffPlatform,
                                   .externalId = row.text(4),
                                   .sentAt = row.integer(5),
                                   .delivery = row.text(6),
                                   .platformUrl = row.text(7),
                                   .deliveryError = row.text(8)});
        });
        !read)
        return read;
    (*notes)->bind(1, id);
    return store::eachRow(**notes, [&](const store::Statement& row) {
        out.notes.push_back(
            {.id = row.integer(0), .agent = row.text(1), .body = row.text(2), .createdAt = row.integer(3)});
    });
}

}  // namespace

Result<ConversationDetail> readConversation(store::Database& db, std::int64_t conversationId)
{
    ReadSnapshot snapshot(db);
    ConversationDetail detail;
    if (auto read = readConversationRow(db, conversationId, detail); !read)
        return read.error();
    if (auto read = readParts(db, conversationId, detail); !read)
        return read.error();
    return detail;
}

Result<std::vector<TimelineEntry>> readTimeline(store::Database& db, std::int64_t conversationId)
{
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
    if (auto read = store::eachRow(**query, [&](const store::Statement& row) {
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

Result<std::vector<ReopenedConversation>> reopenedFor(store::Database& db, const std::string& agent,
                                                      std::int64_t since)
{
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
    if (auto read = store::eachRow(**query, [&](const store::Statement& row) {
            out.push_back({.conversationId = row.integer(0),
                           .reopenedAt = row.integer(1),
                           .fromStatus = row.text(2),
                           .status = parseStatus(row.text(3)).value_or(ConversationStatus::Open),
                           .snippet = row.text(4)});
        });
        !read)
        return read.error();
    return out;
}

Result<std::optional<Draft>> loadDraft(store::Database& db, std::int64_t conversationId, const std::string& agent)
{
    auto query = db.cached("SELECT body, updated_at FROM drafts WHERE conversation_id = ? AND agent = ?");
    if (!query)
        return query.error();
    store::Statement& row = **query;
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

}  // namespace earshot::inbox
