// Posts platform replies. Inbox::reply records a platform reply as "sending"; this sends
// it through the source's connector and records where it went ("sent": the post's id and
// address, and the conversation's first response time) or why it did not ("failed"). A
// failed reply can be sent again: the platform sees the same idempotency key, so a reply
// whose first answer was lost is not posted twice. Network first, database after: nothing
// is held open while the platform answers.
#pragma once

#include <cstdint>
#include <string>

#include "earshot/connectors/Connector.h"
#include "earshot/core/Result.h"
#include "earshot/net/Fetcher.h"
#include "store/sqlite/Database.h"

namespace earshot::inbox {

class ReplyPublisher {
public:
    // A post takes a few requests of at most a minute each; a reply claimed longer ago than
    // this was left by a program that stopped while posting it.
    static constexpr std::int64_t kAbandonedPostSeconds = 5 * 60;

    ReplyPublisher(store::Database& db, connectors::CredentialLookup credentials, net::FetchOptions options = {});

    // Posts reply `replyId`, which must be a platform reply that is sending or failed, or
    // was left posting longer than kAbandonedPostSeconds ago.
    Result<connectors::Published> publish(std::int64_t replyId, const std::string& agent);

private:
    Status record(std::int64_t replyId, std::int64_t conversationId, const std::string& agent,
                  const Result<connectors::Published>& result);

    store::Database& m_db;
    connectors::CredentialLookup m_credentials;
    net::FetchOptions m_options;
};

}  // namespace earshot::inbox
