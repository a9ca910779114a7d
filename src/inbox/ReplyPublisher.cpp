#include "earshot/inbox/ReplyPublisher.h"

#include <ctime>

#include "earshot/inbox/Vocabulary.h"
#include "earshot/store/InboxStore.h"
#include "earshot/store/SourceStore.h"

namespace earshot::inbox {

Result<ReplyToResend> replyToResend(store::Session& session, std::int64_t replyId)
{
    auto conversation = session.inbox().replyConversation(replyId);
    if (!conversation)
        return conversation.error();
    if (!*conversation)
        return fail("there is no reply " + std::to_string(replyId));
    return ReplyToResend{.replyId = replyId, .conversationId = **conversation};
}

Result<std::optional<ReplyToResend>> failedReplyOf(store::Session& session, std::int64_t conversationId)
{
    auto reply = session.inbox().latestReply(conversationId, domain::Delivery::Failed);
    if (!reply)
        return reply.error();
    if (!*reply)
        return std::optional<ReplyToResend>();
    return std::optional<ReplyToResend>(ReplyToResend{.replyId = **reply, .conversationId = conversationId});
}

ReplyPublisher::ReplyPublisher(store::Writer& writer, connectors::CredentialLookup credentials,
                               net::FetchOptions options)
    : m_writer(writer)
    , m_credentials(std::move(credentials))
    , m_options(std::move(options))
{
}

Result<connectors::Published> ReplyPublisher::publish(std::int64_t replyId, const std::string& agent)
{
    Result<std::optional<store::OutgoingReply>> outgoing = std::optional<store::OutgoingReply>();
    Result<store::Source> source = fail("not read");
    Result<bool> claimed = false;
    const std::int64_t now = std::time(nullptr);
    // Read and claimed in one job, so two sends of one reply (two windows, the console and the
    // CLI) never both post it. A claim older than any post takes was left by a program that
    // stopped while posting; it may be taken over.
    auto read = m_writer.run([&](store::Session& session) -> Status {
        outgoing = session.inbox().outgoingReply(replyId);
        if (!outgoing || !*outgoing)
            return Ok{};
        const store::OutgoingReply& reply = **outgoing;
        if (reply.channel != Channel::Platform || reply.delivery == domain::Delivery::Sent)
            return Ok{};
        source = session.sources().byId(reply.sourceId);
        if (!source)
            return Ok{};
        claimed = session.inbox().claimPosting(replyId, now, kAbandonedPostSeconds);
        return Ok{};
    });
    if (!read)
        return read.error();
    if (!outgoing)
        return outgoing.error();
    if (!*outgoing)
        return fail("there is no reply " + std::to_string(replyId));
    const store::OutgoingReply& reply = **outgoing;
    if (reply.channel != Channel::Platform)
        return fail("reply " + std::to_string(replyId) + " was recorded off-platform; the agent posted it");
    if (reply.delivery == domain::Delivery::Sent)
        return fail("reply " + std::to_string(replyId) + " is already posted");
    if (!source)
        return source.error();
    if (!claimed)
        return claimed.error();
    if (!*claimed)
        return fail("reply " + std::to_string(replyId) + " is being posted right now; if it still is in " +
                    std::to_string(kAbandonedPostSeconds / 60) +
                    " minutes, Earshot stopped while posting it: look on the platform whether it arrived before you send it again");
    connectors::ReplyRequest request{.text = reply.body,
                                     .idempotencyKey = reply.idempotencyKey,
                                     // Seconds, plus the reply id, so two replies of one second differ.
                                     .recordedAtMicros = reply.recordedAt * 1'000'000 + replyId % 1'000'000,
                                     .visibility = reply.visibility,
                                     .postExternalId = reply.postExternalId,
                                     .postPlatformId = reply.postPlatformId,
                                     .postPlatformRef = reply.postPlatformRef,
                                     .authorHandle = reply.authorHandle};
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
    if (auto recorded = record(replyId, reply.conversationId, agent, result); !recorded)
        return recorded.error();
    return result;
}

Status ReplyPublisher::record(std::int64_t replyId, std::int64_t conversationId, const std::string& agent,
                              const Result<connectors::Published>& result)
{
    const std::int64_t now = std::time(nullptr);
    return m_writer.run([&](store::Session& session) -> Status {
        return session.transaction([&]() -> Status {
            store::InboxStore& inbox = session.inbox();
            store::Delivered delivered{.sent = result.ok(), .at = now};
            if (result) {
                delivered.postId = result->postId;
                delivered.url = result->url;
            } else {
                delivered.error = result.message();
            }
            if (auto recorded = inbox.recordDelivery(replyId, delivered); !recorded)
                return recorded;
            if (result)
                if (auto responded = inbox.markResponded(conversationId, now); !responded)
                    return responded;
            return inbox.appendEvent({.at = now,
                                      .actor = agent,
                                      .kind = result ? domain::EventKind::ReplyDelivered : domain::EventKind::ReplyFailed,
                                      .conversationId = conversationId,
                                      .toValue = result ? result->url : result.message(),
                                      .detail = std::to_string(replyId)});
        });
    });
}

}  // namespace earshot::inbox
