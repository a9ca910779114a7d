#include "store/sqlite/SqliteInboxStore.h"

#include "store/sqlite/Events.h"

namespace earshot::store::sqlite {

namespace {

std::optional<std::string> optionalText(const Statement& row, int column)
{
    return row.isNull(column) ? std::nullopt : std::optional<std::string>(row.text(column));
}

// Runs a statement that changes rows and says whether it changed any.
Result<bool> changedAny(Database& db, Statement& statement)
{
    if (auto ran = statement.run(); !ran)
        return ran.error();
    return db.changes() > 0;
}

// The first column of the first row, if there is one and it is not NULL.
Result<std::optional<std::int64_t>> firstInteger(Statement& query)
{
    auto found = query.step();
    if (!found)
        return found.error();
    std::optional<std::int64_t> value = *found ? query.optionalInteger(0) : std::nullopt;
    query.reset();
    return value;
}

}  // namespace

Result<std::optional<InboxState>> SqliteInboxStore::state(std::int64_t conversationId)
{
    auto query = m_db.cached(
        "SELECT c.status, COALESCE(c.assignee, ''), s.kind, c.priority FROM conversations c"
        " JOIN sources s ON s.id = c.source_id WHERE c.id = ?");
    if (!query)
        return query.error();
    Statement& statement = **query;
    statement.bind(1, conversationId);
    auto row = statement.step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<InboxState>();
    InboxState state;
    state.id = conversationId;
    state.status = domain::parseStatus(statement.text(0)).value_or(domain::ConversationStatus::New);
    state.assignee = statement.text(1);
    state.sourceKind = statement.text(2);
    state.priority = domain::priorityFromInt(statement.integer(3));
    statement.reset();
    return std::optional<InboxState>(std::move(state));
}

Result<std::optional<ReplyCheckFacts>> SqliteInboxStore::replyCheckFacts(std::int64_t conversationId)
{
    auto query = m_db.cached(
        "SELECT s.kind, COALESCE(a.platform, '') FROM conversations c JOIN sources s ON s.id = c.source_id"
        " LEFT JOIN authors a ON a.id = c.customer_id WHERE c.id = ?");
    if (!query)
        return query.error();
    Statement& row = **query;
    row.bind(1, conversationId);
    auto found = row.step();
    if (!found)
        return found.error();
    if (!*found)
        return std::optional<ReplyCheckFacts>();
    ReplyCheckFacts facts{.sourceKind = row.text(0), .customerPlatform = row.text(1)};
    row.reset();
    return std::optional<ReplyCheckFacts>(std::move(facts));
}

Result<std::optional<TemplateFacts>> SqliteInboxStore::templateFacts(std::int64_t conversationId,
                                                                     const std::string& agent)
{
    TemplateFacts facts;
    {
        // The conversation link is that of its first mention with a link.
        auto conversation = m_db.cached(
            "SELECT s.name, a.display_name, a.handle,"
            " (SELECT m.link FROM mentions m WHERE m.conversation_id = c.id AND m.link <> ''"
            "  ORDER BY m.ingested_at, m.id LIMIT 1)"
            " FROM conversations c JOIN sources s ON s.id = c.source_id"
            " LEFT JOIN authors a ON a.id = c.customer_id WHERE c.id = ?");
        if (!conversation)
            return conversation.error();
        Statement& row = **conversation;
        row.bind(1, conversationId);
        auto found = row.step();
        if (!found)
            return fail("cannot read conversation " + std::to_string(conversationId) + ": " + found.message());
        if (!*found)
            return std::optional<TemplateFacts>();
        facts.sourceName = optionalText(row, 0);
        facts.customerName = optionalText(row, 1);
        facts.customerHandle = optionalText(row, 2);
        facts.conversationLink = optionalText(row, 3);
        row.reset();
    }
    if (agent.empty())
        return std::optional<TemplateFacts>(std::move(facts));
    auto profile = m_db.cached("SELECT first_name FROM agents WHERE name = ?");
    if (!profile)
        return profile.error();
    (*profile)->bind(1, agent);
    auto found = (*profile)->step();
    if (!found)
        return fail("cannot read agent " + agent + ": " + found.message());
    if (*found)
        facts.agentFirstName = optionalText(**profile, 0);
    (*profile)->reset();
    return std::optional<TemplateFacts>(std::move(facts));
}

Result<ReplyCandidates> SqliteInboxStore::replyCandidates(std::int64_t conversationId)
{
    ReplyCandidates candidates;
    auto posts = m_db.cached(
        "SELECT m.id, m.author_id, a.handle, coalesce(s.kind, ''), json_extract(s.settings, '$.actor'),"
        " coalesce(m.published_at, m.ingested_at)"
        " FROM mentions m LEFT JOIN authors a ON a.id = m.author_id LEFT JOIN sources s ON s.id = m.source_id"
        " WHERE m.conversation_id = ?");
    if (!posts)
        return posts.error();
    (*posts)->bind(1, conversationId);
    if (auto read = eachRow(**posts, [&](const Statement& row) {
            candidates.posts.push_back({.mentionId = row.integer(0),
                                        .authorId = row.optionalInteger(1),
                                        .authorHandle = optionalText(row, 2),
                                        .sourceKind = row.text(3),
                                        .sourceActor = optionalText(row, 4),
                                        .postedAt = row.integer(5)});
        });
        !read)
        return read.error();
    // Our own posted replies come back as mentions when the brand's account is listened to.
    auto ours = m_db.cached(
        "SELECT heard.author_id FROM replies ours JOIN mentions heard"
        " ON heard.conversation_id = ?1 AND (heard.link = ours.platform_url OR heard.platform_id = ours.external_id"
        " OR heard.external_id = ours.external_id) WHERE ours.conversation_id = ?1 AND ours.delivery = 'sent' LIMIT 1");
    if (!ours)
        return ours.error();
    (*ours)->bind(1, conversationId);
    auto ourAuthor = firstInteger(**ours);
    if (!ourAuthor)
        return ourAuthor.error();
    candidates.ourAuthorId = *ourAuthor;
    return candidates;
}

Result<bool> SqliteInboxStore::claimIfFree(std::int64_t conversationId, const std::string& agent, std::int64_t at,
                                           bool openIfNew)
{
    // The one statement that decides a claim. The caller's transaction holds the write lock
    // (BEGIN IMMEDIATE), and `assignee IS NULL` makes the claim conditional on nobody having
    // it at this moment.
    auto update = m_db.cached(
        "UPDATE conversations SET assignee = ?1,"
        " status = CASE WHEN ?4 AND status = 'new' THEN 'open' ELSE status END,"
        " last_agent = ?1, updated_at = ?2 WHERE id = ?3 AND assignee IS NULL");
    if (!update)
        return update.error();
    (*update)->bind(1, agent).bind(2, at).bind(3, conversationId).bind(4, openIfNew ? 1 : 0);
    return changedAny(m_db, **update);
}

Status SqliteInboxStore::release(std::int64_t conversationId, const std::string& agent, std::int64_t at)
{
    auto update = m_db.cached(
        "UPDATE conversations SET assignee = NULL,"
        " status = CASE status WHEN 'open' THEN 'new' ELSE status END,"
        " last_agent = ?2, updated_at = ?3 WHERE id = ?1 AND assignee = ?2");
    if (!update)
        return update.error();
    return (*update)->bind(1, conversationId).bind(2, agent).bind(3, at).run();
}

Status SqliteInboxStore::assign(std::int64_t conversationId, const std::string& to, const std::string& actor,
                                std::int64_t at)
{
    auto update = m_db.cached(
        "UPDATE conversations SET assignee = ?2,"
        " status = CASE status WHEN 'new' THEN 'open' ELSE status END,"
        " last_agent = ?3, updated_at = ?4 WHERE id = ?1");
    if (!update)
        return update.error();
    return (*update)->bind(1, conversationId).bind(2, to).bind(3, actor).bind(4, at).run();
}

Status SqliteInboxStore::takeOver(std::int64_t conversationId, const std::string& agent, const std::string& previous,
                                  std::int64_t at)
{
    auto update = m_db.cached(
        "UPDATE conversations SET assignee = ?2,"
        " status = CASE status WHEN 'new' THEN 'open' ELSE status END,"
        " last_agent = ?2, updated_at = ?3 WHERE id = ?1 AND assignee = ?4");
    if (!update)
        return update.error();
    return (*update)->bind(1, conversationId).bind(2, agent).bind(3, at).bind(4, previous).run();
}

Status SqliteInboxStore::setStatus(std::int64_t conversationId, domain::ConversationStatus status,
                                   const std::string& agent, std::int64_t at)
{
    auto update = m_db.cached(
        "UPDATE conversations SET status = ?2,"
        " resolved_at = CASE WHEN ?2 = 'resolved' THEN ?3 ELSE NULL END,"
        " last_agent = ?4, updated_at = ?3 WHERE id = ?1");
    if (!update)
        return update.error();
    return (*update)->bind(1, conversationId).bind(2, domain::statusName(status)).bind(3, at).bind(4, agent).run();
}

Status SqliteInboxStore::setPriority(std::int64_t conversationId, domain::Priority priority, const std::string& agent,
                                     std::int64_t at)
{
    auto update = m_db.cached("UPDATE conversations SET priority = ?2, last_agent = ?3, updated_at = ?4 WHERE id = ?1");
    if (!update)
        return update.error();
    return (*update)->bind(1, conversationId).bind(2, int(priority)).bind(3, agent).bind(4, at).run();
}

Status SqliteInboxStore::touch(std::int64_t conversationId, const std::string& agent, std::int64_t at)
{
    auto update = m_db.cached("UPDATE conversations SET last_agent = ?2, updated_at = ?3 WHERE id = ?1");
    if (!update)
        return update.error();
    return (*update)->bind(1, conversationId).bind(2, agent).bind(3, at).run();
}

Status SqliteInboxStore::markAnswered(std::int64_t conversationId, const std::string& agent, std::int64_t at,
                                      bool responds)
{
    // COALESCE keeps the first response time of the first response only.
    auto update = m_db.cached(
        "UPDATE conversations SET first_response_at = CASE WHEN ?4 THEN first_response_at"
        " ELSE COALESCE(first_response_at, ?2) END, last_agent = ?3, updated_at = ?2 WHERE id = ?1");
    if (!update)
        return update.error();
    return (*update)->bind(1, conversationId).bind(2, at).bind(3, agent).bind(4, std::int64_t(!responds)).run();
}

Status SqliteInboxStore::markResponded(std::int64_t conversationId, std::int64_t at)
{
    auto update = m_db.cached("UPDATE conversations SET first_response_at = COALESCE(first_response_at, ?2) WHERE id = ?1");
    if (!update)
        return update.error();
    return (*update)->bind(1, conversationId).bind(2, at).run();
}

Result<std::int64_t> SqliteInboxStore::insertReply(const NewReply& reply)
{
    auto insert = m_db.cached(
        "INSERT INTO replies(conversation_id, agent, body, channel, sent_at, delivery, idempotency_key,"
        " in_reply_to, visibility) VALUES (?1, ?2, ?3, ?4, ?5, ?6, CASE WHEN ?7 THEN lower(hex(randomblob(16))) END,"
        " ?8, ?9)");
    if (!insert)
        return insert.error();
    Statement& statement = **insert;
    statement.bind(1, reply.conversationId).bind(2, reply.agent).bind(3, reply.body);
    statement.bind(4, domain::channelName(reply.channel)).bind(5, reply.at).bind(6, domain::deliveryName(reply.delivery));
    statement.bind(7, std::int64_t(reply.idempotencyKey)).bind(8, reply.inReplyTo).bind(9, reply.visibility);
    if (auto ran = statement.run(); !ran)
        return ran.error();
    return m_db.lastInsertId();
}

Result<std::int64_t> SqliteInboxStore::insertNote(std::int64_t conversationId, const std::string& agent,
                                                  const std::string& body, std::int64_t at)
{
    auto insert = m_db.cached("INSERT INTO notes(conversation_id, agent, body, created_at) VALUES (?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    if (auto ran = (*insert)->bind(1, conversationId).bind(2, agent).bind(3, body).bind(4, at).run(); !ran)
        return ran.error();
    return m_db.lastInsertId();
}

Result<bool> SqliteInboxStore::addTag(std::int64_t conversationId, const std::string& tag)
{
    auto insert = m_db.cached("INSERT OR IGNORE INTO conversation_tags(conversation_id, tag) VALUES (?, ?)");
    if (!insert)
        return insert.error();
    (*insert)->bind(1, conversationId).bind(2, tag);
    return changedAny(m_db, **insert);
}

Result<bool> SqliteInboxStore::removeTag(std::int64_t conversationId, const std::string& tag)
{
    auto remove = m_db.cached("DELETE FROM conversation_tags WHERE conversation_id = ? AND tag = ?");
    if (!remove)
        return remove.error();
    (*remove)->bind(1, conversationId).bind(2, tag);
    return changedAny(m_db, **remove);
}

Status SqliteInboxStore::appendEvent(const Event& event) { return store::appendEvent(m_db, event); }

Status SqliteInboxStore::saveDraft(std::int64_t conversationId, const std::string& agent, const std::string& body,
                                   std::int64_t at)
{
    auto upsert = m_db.cached(
        "INSERT INTO drafts(conversation_id, agent, body, updated_at) VALUES (?1, ?2, ?3, ?4)"
        " ON CONFLICT(conversation_id, agent) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at");
    if (!upsert)
        return upsert.error();
    return (*upsert)->bind(1, conversationId).bind(2, agent).bind(3, body).bind(4, at).run();
}

Status SqliteInboxStore::clearDraft(std::int64_t conversationId, const std::string& agent)
{
    auto clear = m_db.cached("DELETE FROM drafts WHERE conversation_id = ? AND agent = ?");
    if (!clear)
        return clear.error();
    return (*clear)->bind(1, conversationId).bind(2, agent).run();
}

Result<std::optional<OutgoingReply>> SqliteInboxStore::outgoingReply(std::int64_t replyId)
{
    auto query = m_db.cached(
        "SELECT r.body, r.idempotency_key, r.sent_at, coalesce(r.visibility, ''), r.delivery, r.channel,"
        " r.conversation_id, c.source_id, coalesce(m.external_id, ''), coalesce(m.platform_id, ''),"
        " coalesce(m.platform_ref, ''), coalesce(a.handle, '')"
        " FROM replies r JOIN conversations c ON c.id = r.conversation_id"
        " LEFT JOIN mentions m ON m.id = r.in_reply_to LEFT JOIN authors a ON a.id = m.author_id"
        " WHERE r.id = ?");
    if (!query)
        return query.error();
    Statement& row = **query;
    row.bind(1, replyId);
    auto found = row.step();
    if (!found)
        return found.error();
    if (!*found)
        return std::optional<OutgoingReply>();
    OutgoingReply reply{.id = replyId,
                        .conversationId = row.integer(6),
                        .sourceId = row.integer(7),
                        .body = row.text(0),
                        .idempotencyKey = row.text(1),
                        .recordedAt = row.integer(2),
                        .visibility = row.text(3),
                        .delivery = domain::parseDelivery(row.text(4)),
                        .channel = domain::parseChannel(row.text(5)),
                        .postExternalId = row.text(8),
                        .postPlatformId = row.text(9),
                        .postPlatformRef = row.text(10),
                        .authorHandle = row.text(11)};
    row.reset();
    return std::optional<OutgoingReply>(std::move(reply));
}

Result<bool> SqliteInboxStore::claimPosting(std::int64_t replyId, std::int64_t now, std::int64_t abandonedAfter)
{
    auto claim = m_db.cached(
        "UPDATE replies SET delivery = 'posting', posting_since = ?2 WHERE id = ?1 AND (delivery IN ('sending', 'failed')"
        " OR (delivery = 'posting' AND coalesce(posting_since, 0) <= ?2 - ?3))");
    if (!claim)
        return claim.error();
    (*claim)->bind(1, replyId).bind(2, now).bind(3, abandonedAfter);
    return changedAny(m_db, **claim);
}

Status SqliteInboxStore::recordDelivery(std::int64_t replyId, const Delivered& delivered)
{
    auto update = m_db.cached(
        "UPDATE replies SET delivery = CASE WHEN ?2 THEN 'sent' ELSE 'failed' END,"
        " external_id = CASE WHEN ?2 THEN ?3 ELSE external_id END, platform_url = CASE WHEN ?2 THEN ?4 END,"
        " delivery_error = CASE WHEN ?2 THEN NULL ELSE ?5 END,"
        " delivered_at = CASE WHEN ?2 THEN ?6 ELSE delivered_at END WHERE id = ?1");
    if (!update)
        return update.error();
    Statement& statement = **update;
    statement.bind(1, replyId).bind(2, std::int64_t(delivered.sent));
    statement.bind(3, delivered.postId).bind(4, delivered.url).bind(5, delivered.error).bind(6, delivered.at);
    return statement.run();
}

Result<std::optional<std::int64_t>> SqliteInboxStore::replyConversation(std::int64_t replyId)
{
    auto query = m_db.cached("SELECT conversation_id FROM replies WHERE id = ?");
    if (!query)
        return query.error();
    (*query)->bind(1, replyId);
    return firstInteger(**query);
}

Result<std::optional<std::int64_t>> SqliteInboxStore::latestReply(std::int64_t conversationId,
                                                                  domain::Delivery delivery)
{
    auto query = m_db.cached("SELECT max(id) FROM replies WHERE conversation_id = ? AND delivery = ?");
    if (!query)
        return query.error();
    (*query)->bind(1, conversationId).bind(2, domain::deliveryName(delivery));
    return firstInteger(**query);
}

}  // namespace earshot::store::sqlite
