// Posts platform replies. Inbox::reply records a platform reply as "sending"; this sends
// it through the source's connector and records where it went ("sent": the post's id and
// address, and the conversation's first response time) or why it did not ("failed"). A
// failed reply can be sent again: the platform sees the same idempotency key, so a reply
// whose first answer was lost is not posted twice. Network first, database after: nothing
// is held open while the platform answers. Its reads and writes are jobs of the process's one
// writer (store::InboxStore executes them), so it may post from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "earshot/connectors/Connector.h"
#include "earshot/core/Result.h"
#include "earshot/net/Fetcher.h"
#include "earshot/store/Session.h"
#include "earshot/store/Writer.h"

namespace earshot::inbox {

// The one failed-reply lookup of the console and the CLI: which reply "resend" posts again,
// and on which conversation.
struct ReplyToResend {
    std::int64_t replyId = 0;
    std::int64_t conversationId = 0;
};

// The reply the CLI names (`inbox resend REPLY-ID`): fails when there is no such reply.
Result<ReplyToResend> replyToResend(store::Session& session, std::int64_t replyId);
// The conversation's latest platform reply that could not be posted (the console's Resend
// Failed Reply); none when every reply of it went out.
Result<std::optional<ReplyToResend>> failedReplyOf(store::Session& session, std::int64_t conversationId);

class ReplyPublisher {
public:
    // A post takes a few requests of at most a minute each; a reply claimed longer ago than
    // this was left by a program that stopped while posting it.
    static constexpr std::int64_t kAbandonedPostSeconds = 5 * 60;

    ReplyPublisher(store::Writer& writer, connectors::CredentialLookup credentials, net::FetchOptions options = {});

    // Posts reply `replyId`, which must be a platform reply that is sending or failed, or
    // was left posting longer than kAbandonedPostSeconds ago.
    Result<connectors::Published> publish(std::int64_t replyId, const std::string& agent);

private:
    Status record(std::int64_t replyId, std::int64_t conversationId, const std::string& agent,
                  const Result<connectors::Published>& result);

    store::Writer& m_writer;
    connectors::CredentialLookup m_credentials;
    net::FetchOptions m_options;
};

}  // namespace earshot::inbox
