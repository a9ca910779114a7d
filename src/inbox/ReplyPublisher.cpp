#include "earshot/inbox/ReplyPublisher.h"

#include <ctime>

#include "earshot/inbox/Vocabulary.h"
#include "earshot/store/Events.h"
#include "earshot/store/Sources.h"

namespace earshot::inbox {

ReplyPublisher::ReplyPublisher(store::Database& db, connectors::CredentialLookup credentials,
                               net::FetchOptions options)
    : m_db(db)
    , m_credentials(std::move(credentials))
    , m_options(std::move(options))
{
}

Result<connectors::Published> ReplyPublisher::publish(std::int64_t replyId, const std::string& agent)
{
    auto query = m_db.prepare(
        "SELECT r.body, r.idempotency_key, r.sent_at, coalesce(r.visibility, ''), r.delivery, r.channel,"
        " r.conversation_id, c.source_id, coalesce(m.external_id, ''), coalesce(m.platform_id, ''),"
        " coalesce(m.platform_ref, ''), coalesce(a.handle, '')"
        " FROM replies r JOIN conversations c ON c.id = r.conversation_id"
        " LEFT JOIN mentions m ON m.id = r.in_reply_to LEFT JOIN authors a ON a.id = m.author_id"
        " WHERE r.id = ?");
    if (!query)
        return query.error();
    query->bind(1, replyId);
    auto row = query->step();
    if (!row)
        return row.error();
    if (!*row)
        return fail("there is no reply " + std::to_string(replyId));
    const std::string delivery = query->text(4);
    if (query->text(5) != channelName(Channel::Platform))
        return fail("reply " + std::to_string(replyId) + " was recorded off-platform; the agent posted it");
    if (delivery == "sent")
        return fail("reply " + std::to_string(replyId) + " is already posted");
    connectors::ReplyRequest request{.text = query->text(0),
                                     .idempotencyKey = query->text(1),
                                     // Seconds, plus the reply id, so two replies of one second differ.
                                     .recordedAtMicros = query->integer(2) * 1'000'000 + replyId % 1'000'000,
                                     .visibility = query->text(3),
                                     .postExternalId = query->text(8),
                                     .postPlatformId = query->text(9),
                                     .postPlatformRef = query->text(10),
                                     .authorHandle = query->text(11)};
    const std::int64_t conversationId = query->integer(6);
    auto source = store::SourceRepository(m_db).byId(query->integer(7));
    query->reset();
    if (!source)
        return source.error();
    // Claimed in one statement, so two sends of one reply (two windows, the console and the
    // CLI) never both post it. A claim older than any post takes was left by a program that
    // stopped while posting; it may be taken over.
    auto claim = m_db.prepare(
        "UPDATE replies SET delivery = 'posting', posting_since = ?2 WHERE id = ?1 AND (delivery IN ('sending', 'failed')"
        " OR (delivery = 'posting' AND coalesce(posting_since, 0) <= ?2 - ?3))");
    if (!claim)
        return claim.error();
    if (auto ran = claim->bind(1, replyId).bind(2, std::int64_t(std::time(nullptr))).bind(3, kAbandonedPostSeconds).run(); !ran)
        return ran.error();
    if (m_db.changes() == 0)
        return fail("reply " + std::to_string(replyId) + " is being posted right now; if it still is in " +
                    std::to_string(kAbandonedPostSeconds / 60) +
                    " minutes, Earshot stopped while posting it: look on the platform whether it arrived before you send it again");
    const connectors::Connector* connector = connectors::connectorFor(source->kind);
    Result<connectors::Published> result = fail("Earshot cannot post on '" + source->kind + "' sources");
    if (connector && connector->canReply()) {
        net::Fetcher fetcher(m_options);
        const std::string secret = m_credentials ? m_credentials(*source, *connector) : "";
        try {
            result = connector->publish(fetcher, *source, request, secret);
        } catch (const std::exception& error) {
            result = fail(std::string(connector->platform()) + " answered in an unexpected shape: " + error.what());
        }
    }
    if (auto recorded = record(replyId, conversationId, agent, result); !recorded)
        return recorded.error();
    return result;
}

Status ReplyPublisher::record(std::int64_t replyId, std::int64_t conversationId, const std::string& agent,
                              const Result<connectors::Published>& result)
{
    const std::int64_t now = std::time(nullptr);
    return m_db.transaction([&]() -> Status {
        auto update = m_db.prepare(
            "UPDATE replies SET delivery = CASE WHEN ?2 THEN 'sent' ELSE 'failed' END,"
            " external_id = CASE WHEN ?2 THEN ?3 ELSE external_id END, platform_url = CASE WHEN ?2 THEN ?4 END,"
            " delivery_error = CASE WHEN ?2 THEN NULL ELSE ?5 END,"
            " delivered_at = CASE WHEN ?2 THEN ?6 ELSE delivered_at END WHERE id = ?1");
        if (!update)
            return update.error();
        update->bind(1, replyId).bind(2, std::int64_t(result.ok()));
        update->bind(3, result ? result->postId : "").bind(4, result ? result->url : "");
        update->bind(5, result ? "" : result.message()).bind(6, now);
        if (auto ran = update->run(); !ran)
            return ran;
        if (result) {
            auto responded = m_db.prepare(
                "UPDATE conversations SET first_response_at = COALESCE(first_response_at, ?2) WHERE id = ?1");
            if (!responded)
                return responded.error();
            if (auto ran = responded->bind(1, conversationId).bind(2, now).run(); !ran)
                return ran;
        }
        return store::appendEvent(m_db, {.at = now,
                                         .actor = agent,
                                         .kind = result ? domain::EventKind::ReplyDelivered : domain::EventKind::ReplyFailed,
                                         .conversationId = conversationId,
                                         .toValue = result ? result->url : result.message(),
                                         .detail = std::to_string(replyId)});
    });
}

}  // namespace earshot::inbox
