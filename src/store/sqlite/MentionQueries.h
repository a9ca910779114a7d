// The SQLite statements behind SqliteMentionStore, also used by the writer's catch-up and the
// bulk loader.
#pragma once

#include "earshot/store/Mentions.h"
#include "store/sqlite/Database.h"

namespace earshot::store {

// Adds every mention stored since the last call to the full-text index, in one statement.
// The writer calls it after each batch (Session::catchUp); bulk loaders once at the end.
Status indexPendingMentions(Database& db);

// Newest first.
Result<std::vector<MentionRow>> listMentions(Database& db, const MentionQuery& query);

}  // namespace earshot::store

namespace earshot::store::sqlite {

class SqliteMentionStore final : public MentionStore {
public:
    explicit SqliteMentionStore(Database& db) : m_db(db) {}

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
    Database& m_db;
};

}  // namespace earshot::store::sqlite
