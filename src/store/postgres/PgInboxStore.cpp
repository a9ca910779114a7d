#include "store/postgres/PgInboxStore.h"

#include <ctime>

namespace earshot::store::postgres {

namespace {

// Runs a statement that changes rows and says whether it changed any.
Result<bool> changedAny(Connection& db, std::string_view sql, const Params& params)
{
    auto rows = db.query(sql, params);
    if (!rows)
        return rows.error();
    return rows->affected() > 0;
}

// The first column of the first row, if there is one and it is not NULL.
Result<std::optional<std::int64_t>> firstInteger(Connection& db, std::string_view sql, const Params& params)
{
    auto rows = db.query(sql, params);
    if (!rows)
        return rows.error();
    return rows->empty() ? std::nullopt : rows->optionalInteger(0, 0);
}

// The id an INSERT … RETURNING id gave back.
Result<std::int64_t> insertedId(Connection& db, std::string_view sql, const Params& params)
{
    auto rows = db.query(sql, params);
    if (!rows)
        return rows.error();
    if (rows->empty())
        return fail("the database server returned no id for the new row");
    return rows->integer(0, 0);
}

}  // namespace

Result<std::optional<InboxState>> PgInboxStore::state(std::int64_t conversationId)
{
    auto rows = m_db.query(
        "SELECT c.status, COALESCE(c.assignee, ''), s.kind, c.priority FROM conversations c"
        " JOIN sources s ON s.id = c.source_id WHERE c.id = $1",
        {conversationId});
    if (!rows)
        return rows.error();
    if (rows->empty())
        return std::optional<InboxState>();
    InboxState state;
    state.id = conversationId;
    state.status = domain::parseStatus(rows->text(0, 0)).value_or(domain::ConversationStatus::New);
    state.assignee = rows->text(0, 1);
    state.sourceKind = rows->text(0, 2);
    state.priority = domain::priorityFromInt(rows->integer(0, 3));
    return std::optional<InboxState>(std::move(state));
}

Result<std::optional<ReplyCheckFacts>> PgInboxStore::replyCheckFacts(std::int64_t conversationId)
{
    auto rows = m_db.query(
        "SELECT s.kind, COALESCE(a.platform, '') FROM conversations c JOIN sources s ON s.id = c.source_id"
        " LEFT JOIN authors a ON a.id = c.customer_id WHERE c.id = $1",
        {conversationId});
    if (!rows)
        return rows.error();
    if (rows->empty())
        return std::optional<ReplyCheckFacts>();
    return std::optional<ReplyCheckFacts>(ReplyCheckFacts{.sourceKind = rows->text(0, 0),
                                                          .customerPlatform = rows->text(0, 1)});
}

Result<std::optional<TemplateFacts>> PgInboxStore::templateFacts(std::int64_t conversationId,
                                                                 const std::string& agent)
{
    TemplateFacts facts;
    {
        // The conversation link is that of its first mention with a link.
        auto rows = m_db.query(
            "SELECT s.name, a.display_name, a.handle,"
            " (SELECT m.link FROM mentions m WHERE m.conversation_id = c.id AND m.link <> ''"
            "  ORDER BY m.ingested_at, m.id LIMIT 1)"
            " FROM conversations c JOIN sources s ON s.id = c.source_id"
            " LEFT JOIN authors a ON a.id = c.customer_id WHERE c.id = $1",
            {conversationId});
        if (!rows)
            return fail("cannot read conversation " + std::to_string(conversationId) + ": " + rows.message());
        if (rows->empty())
            return std::optional<TemplateFacts>();
        facts.sourceName = rows->optionalText(0, 0);
        facts.customerName = rows->optionalText(0, 1);
        facts.customerHandle = rows->optionalText(0, 2);
        facts.conversationLink = rows->optionalText(0, 3);
    }
    if (agent.empty())
        return std::optional<TemplateFacts>(std::move(facts));
    auto profile = m_db.query("SELECT first_name FROM agents WHERE name = $1", {agent});
    if (!profile)
        return fail("cannot read agent " + agent + ": " + profile.message());
    if (!profile->empty())
        facts.agentFirstName = profile->optionalText(0, 0);
    return std::optional<TemplateFacts>(std::move(facts));
}

Result<ReplyCandidates> PgInboxStore::replyCandidates(std::int64_t conversationId)
{
    ReplyCandidates candidates;
    // settings is JSON kept as text, as on SQLite; ->> reads the actor as json_extract does.
    auto posts = m_db.query(
        "SELECT m.id, m.author_id, a.handle, coalesce(s.kind, ''), s.settings::jsonb ->> 'actor',"
        " coalesce(m.published_at, m.ingested_at)"
        " FROM mentions m LEFT JOIN authors a ON a.id = m.author_id LEFT JOIN sources s ON s.id = m.source_id"
        " WHERE m.conversation_id = $1",
        {conversationId});
    if (!posts)
        return posts.error();
    candidates.posts.reserve(std::size_t(posts->size()));
    for (int row = 0; row < posts->size(); ++row)
        candidates.posts.push_back({.mentionId = posts->integer(row, 0),
                                    .authorId = posts->optionalInteger(row, 1),
                                    .authorHandle = posts->optionalText(row, 2),
                                    .sourceKind = posts->text(row, 3),
                                    .sourceActor = posts->optionalText(row, 4),
                                    .postedAt = posts->integer(row, 5)});
    // Our own posted replies come back as mentions when the brand's account is listened to.
    auto ourAuthor = firstInteger(
        m_db,
        "SELECT heard.author_id FROM replies ours JOIN mentions heard"
        " ON heard.conversation_id = $1 AND (heard.link = ours.platform_url OR heard.platform_id = ours.external_id"
        " OR heard.external_id = ours.external_id) WHERE ours.conversation_id = $1 AND ours.delivery = 'sent' LIMIT 1",
        {conversationId});
    if (!ourAuthor)
        return ourAuthor.error();
    candidates.ourAuthorId = *ourAuthor;
    return candidates;
}

Result<bool> PgInboxStore::claimIfFree(std::int64_t conversationId, const std::string& agent, std::int64_t at,
                                       bool openIfNew)
{
    // The one statement that decides a claim. Under READ COMMITTED a second claimer waits for
    // the first one's row lock and then re-checks `assignee IS NULL` against the row as the
    // first left it, so of two desktops claiming at once exactly one gets a row back.
    return changedAny(m_db,
                      "UPDATE conversations SET assignee = $1,"
                      " status = CASE WHEN $4::boolean AND status = 'new' THEN 'open' ELSE status END,"
                      " last_agent = $1, updated_at = $2 WHERE id = $3 AND assignee IS NULL RETURNING id",
                      {agent, at, conversationId, openIfNew});
}

Status PgInboxStore::release(std::int64_t conversationId, const std::string& agent, std::int64_t at)
{
    return m_db.run(
        "UPDATE conversations SET assignee = NULL,"
        " status = CASE status WHEN 'open' THEN 'new' ELSE status END,"
        " last_agent = $2, updated_at = $3 WHERE id = $1 AND assignee = $2",
        {conversationId, agent, at});
}

Status PgInboxStore::assign(std::int64_t conversationId, const std::string& to, const std::string& actor,
                            std::int64_t at)
{
    return m_db.run(
        "UPDATE conversations SET assignee = $2,"
        " status = CASE status WHEN 'new' THEN 'open' ELSE status END,"
        " last_agent = $3, updated_at = $4 WHERE id = $1",
        {conversationId, to, actor, at});
}

Status PgInboxStore::takeOver(std::int64_t conversationId, const std::string& agent, const std::string& previous,
                              std::int64_t at)
{
    return m_db.run(
        "UPDATE conversations SET assignee = $2,"
        " status = CASE status WHEN 'new' THEN 'open' ELSE status END,"
        " last_agent = $2, updated_at = $3 WHERE id = $1 AND assignee = $4",
        {conversationId, agent, at, previous});
}

Status PgInboxStore::setStatus(std::int64_t conversationId, domain::ConversationStatus status,
                               const std::string& agent, std::int64_t at)
{
    return m_db.run(
        "UPDATE conversations SET status = $2::text,"
        " resolved_at = CASE WHEN $2::text = 'resolved' THEN $3::bigint ELSE NULL END,"
        " last_agent = $4, updated_at = $3::bigint WHERE id = $1",
        {conversationId, domain::statusName(status), at, agent});
}

Status PgInboxStore::setPriority(std::int64_t conversationId, domain::Priority priority, const std::string& agent,
                                 std::int64_t at)
{
    return m_db.run("UPDATE conversations SET priority = $2, last_agent = $3, updated_at = $4 WHERE id = $1",
                    {conversationId, int(priority), agent, at});
}

Status PgInboxStore::touch(std::int64_t conversationId, const std::string& agent, std::int64_t at)
{
    return m_db.run("UPDATE conversations SET last_agent = $2, updated_at = $3 WHERE id = $1",
                    {conversationId, agent, at});
}

Status PgInboxStore::markAnswered(std::int64_t conversationId, const std::string& agent, std::int64_t at,
                                  bool responds)
{
    // COALESCE keeps the first response time of the first response only.
    return m_db.run(
        "UPDATE conversations SET first_response_at = CASE WHEN $4::boolean THEN first_response_at"
        " ELSE COALESCE(first_response_at, $2::bigint) END, last_agent = $3, updated_at = $2::bigint WHERE id = $1",
        {conversationId, at, agent, !responds});
}

Status PgInboxStore::markResponded(std::int64_t conversationId, std::int64_t at)
{
    return m_db.run("UPDATE conversations SET first_response_at = COALESCE(first_response_at, $2::bigint) WHERE id = $1",
                    {conversationId, at});
}

Result<std::int64_t> PgInboxStore::insertReply(const NewReply& reply)
{
    // 32 lowercase hex digits of a random UUID, as SQLite's lower(hex(randomblob(16))) gives.
    return insertedId(
        m_db,
        "INSERT INTO replies(conversation_id, agent, body, channel, sent_at, delivery, idempotency_key,"
        " in_reply_to, visibility) VALUES ($1, $2, $3, $4, $5, $6,"
        " CASE WHEN $7::boolean THEN replace(gen_random_uuid()::text, '-', '') END, $8, $9) RETURNING id",
        {reply.conversationId, reply.agent, reply.body, domain::channelName(reply.channel), reply.at,
         domain::deliveryName(reply.delivery), reply.idempotencyKey, reply.inReplyTo, reply.visibility});
}

Result<std::int64_t> PgInboxStore::insertNote(std::int64_t conversationId, const std::string& agent,
                                              const std::string& body, std::int64_t at)
{
    return insertedId(m_db,
                      "INSERT INTO notes(conversation_id, agent, body, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
                      {conversationId, agent, body, at});
}

Result<bool> PgInboxStore::addTag(std::int64_t conversationId, const std::string& tag)
{
    return changedAny(m_db, "INSERT INTO conversation_tags(conversation_id, tag) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                      {conversationId, tag});
}

Result<bool> PgInboxStore::removeTag(std::int64_t conversationId, const std::string& tag)
{
    return changedAny(m_db, "DELETE FROM conversation_tags WHERE conversation_id = $1 AND tag = $2",
                      {conversationId, tag});
}

Status PgInboxStore::appendEvent(const Event& e)
{
    return m_db.run(
        "INSERT INTO events(at, actor, kind, conversation_id, source_id, from_value, to_value, detail)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        {e.at ? e.at : std::int64_t(std::time(nullptr)), e.actor, domain::eventKindName(e.kind), e.conversationId,
         e.sourceId, e.fromValue, e.toValue, e.detail});
}

Status PgInboxStore::saveDraft(std::int64_t conversationId, const std::string& agent, const std::string& body,
                               std::int64_t at)
{
    return m_db.run(
        "INSERT INTO drafts(conversation_id, agent, body, updated_at) VALUES ($1, $2, $3, $4)"
        " ON CONFLICT (conversation_id, agent) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
        {conversationId, agent, body, at});
}

Status PgInboxStore::clearDraft(std::int64_t conversationId, const std::string& agent)
{
    return m_db.run("DELETE FROM drafts WHERE conversation_id = $1 AND agent = $2", {conversationId, agent});
}

Result<std::optional<OutgoingReply>> PgInboxStore::outgoingReply(std::int64_t replyId)
{
    auto rows = m_db.query(
        "SELECT r.body, r.idempotency_key, r.sent_at, coalesce(r.visibility, ''), r.delivery, r.channel,"
        " r.conversation_id, c.source_id, coalesce(m.external_id, ''), coalesce(m.platform_id, ''),"
        " coalesce(m.platform_ref, ''), coalesce(a.handle, '')"
        " FROM replies r JOIN conversations c ON c.id = r.conversation_id"
        " LEFT JOIN mentions m ON m.id = r.in_reply_to LEFT JOIN authors a ON a.id = m.author_id"
        " WHERE r.id = $1",
        {replyId});
    if (!rows)
        return rows.error();
    if (rows->empty())
        return std::optional<OutgoingReply>();
    const Rows& row = *rows;
    OutgoingReply reply{.id = replyId,
                        .conversationId = row.integer(0, 6),
                        .sourceId = row.integer(0, 7),
                        .body = row.text(0, 0),
                        .idempotencyKey = row.text(0, 1),
                        .recordedAt = row.integer(0, 2),
                        .visibility = row.text(0, 3),
                        .delivery = domain::parseDelivery(row.text(0, 4)),
                        .channel = domain::parseChannel(row.text(0, 5)),
                        .postExternalId = row.text(0, 8),
                        .postPlatformId = row.text(0, 9),
                        .postPlatformRef = row.text(0, 10),
                        .authorHandle = row.text(0, 11)};
    return std::optional<OutgoingReply>(std::move(reply));
}

Result<bool> PgInboxStore::claimPosting(std::int64_t replyId, std::int64_t now, std::int64_t abandonedAfter)
{
    // One conditional statement, like claimIfFree: a second poster waits for the first one's
    // row lock and then finds it 'posting' since just now.
    return changedAny(m_db,
                      "UPDATE replies SET delivery = 'posting', posting_since = $2 WHERE id = $1"
                      " AND (delivery IN ('sending', 'failed')"
                      " OR (delivery = 'posting' AND coalesce(posting_since, 0) <= $2::bigint - $3::bigint))"
                      " RETURNING id",
                      {replyId, now, abandonedAfter});
}

Status PgInboxStore::recordDelivery(std::int64_t replyId, const Delivered& delivered)
{
    return m_db.run(
        "UPDATE replies SET delivery = CASE WHEN $2::boolean THEN 'sent' ELSE 'failed' END,"
        " external_id = CASE WHEN $2::boolean THEN $3::text ELSE external_id END,"
        " platform_url = CASE WHEN $2::boolean THEN $4::text END,"
        " delivery_error = CASE WHEN $2::boolean THEN NULL ELSE $5::text END,"
        " delivered_at = CASE WHEN $2::boolean THEN $6::bigint ELSE delivered_at END WHERE id = $1",
        {replyId, delivered.sent, delivered.postId, delivered.url, delivered.error, delivered.at});
}

Result<std::optional<std::int64_t>> PgInboxStore::replyConversation(std::int64_t replyId)
{
    return firstInteger(m_db, "SELECT conversation_id FROM replies WHERE id = $1", {replyId});
}

Result<std::optional<std::int64_t>> PgInboxStore::latestReply(std::int64_t conversationId, domain::Delivery delivery)
{
    return firstInteger(m_db, "SELECT max(id) FROM replies WHERE conversation_id = $1 AND delivery = $2",
                        {conversationId, domain::deliveryName(delivery)});
}

}  // namespace earshot::store::postgres
