// Mentions, their authors and the conversations they start, on one PostgreSQL connection.
#pragma once

#include <cstdint>

#include "earshot/store/Mentions.h"
#include "store/postgres/Connection.h"

namespace earshot::store::postgres {

class PgMentionStore final : public MentionStore {
public:
    explicit PgMentionStore(Connection& db) : m_db(db) {}

    Result<std::optional<std::int64_t>> findHeard(std::int64_t sourceId, const std::string& externalId) override;
    Result<std::optional<std::int64_t>> findPlatformPost(const std::string& externalId) override;
    Result<std::optional<std::string>> threadOfPost(const SourceScope& scope, PostId by, const std::string& id) override;
    Result<std::optional<std::int64_t>> conversationOfThread(const SourceScope& scope,
                                                             const std::string& threadKey) override;
    Result<std::optional<std::int64_t>> rememberAuthor(const AuthorInfo& author) override;
    Result<std::int64_t> startConversation(const NewConversation& conversation) override;
    Result<ConversationHolding> addCustomerMessage(std::int64_t conversationId, std::int64_t at,
                                                   const std::string& snippet) override;
    Status reopen(std::int64_t conversationId, domain::ConversationStatus status) override;
    Result<std::int64_t> storeMention(std::int64_t sourceId, std::int64_t conversationId,
                                      std::optional<std::int64_t> authorId, const NewMention& mention,
                                      std::int64_t now) override;
    Result<std::vector<MentionRow>> list(const MentionQuery& query) override;

private:
    Connection& m_db;
};

// The per-status and per-source counts (conversation_counts) follow status changes by
// trigger, but new conversations are added by their inserter (as on SQLite, migration 0007):
// one call per batch of `created` new conversations of a source.
Status countNewConversations(Connection& db, std::int64_t sourceId, std::int64_t created);

}  // namespace earshot::store::postgres
