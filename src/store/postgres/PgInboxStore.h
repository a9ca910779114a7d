// InboxStore on one PostgreSQL connection: the inbox's statements, each claim one conditional statement.
#pragma once

#include "earshot/store/InboxStore.h"
#include "store/postgres/Connection.h"

namespace earshot::store::postgres {

class PgInboxStore final : public InboxStore {
public:
    explicit PgInboxStore(Connection& db) : m_db(db) {}

    Result<std::optional<InboxState>> state(std::int64_t conversationId) override;
    Result<std::optional<ReplyCheckFacts>> replyCheckFacts(std::int64_t conversationId) override;
    Result<std::optional<TemplateFacts>> templateFacts(std::int64_t conversationId, const std::string& agent) override;
    Result<ReplyCandidates> replyCandidates(std::int64_t conversationId) override;

    Result<bool> claimIfFree(std::int64_t conversationId, const std::string& agent, std::int64_t at,
                             bool openIfNew) override;
    Status release(std::int64_t conversationId, const std::string& agent, std::int64_t at) override;
    Status assign(std::int64_t conversationId, const std::string& to, const std::string& actor,
                  std::int64_t at) override;
    Status takeOver(std::int64_t conversationId, const std::string& agent, const std::string& previous,
                    std::int64_t at) override;
    Status setStatus(std::int64_t conversationId, domain::ConversationStatus status, const std::string& agent,
                     std::int64_t at) override;
    Status setPriority(std::int64_t conversationId, domain::Priority priority, const std::string& agent,
                       std::int64_t at) override;
    Status touch(std::int64_t conversationId, const std::string& agent, std::int64_t at) override;
    Status markAnswered(std::int64_t conversationId, const std::string& agent, std::int64_t at,
                        bool responds) override;
    Status markResponded(std::int64_t conversationId, std::int64_t at) override;

    Result<std::int64_t> insertReply(const NewReply& reply) override;
    Result<std::int64_t> insertNote(std::int64_t conversationId, const std::string& agent, const std::string& body,
                                    std::int64_t at) override;
    Result<bool> addTag(std::int64_t conversationId, const std::string& tag) override;
    Result<bool> removeTag(std::int64_t conversationId, const std::string& tag) override;
    Status appendEvent(const Event& event) override;

    Status saveDraft(std::int64_t conversationId, const std::string& agent, const std::string& body,
                     std::int64_t at) override;
    Status clearDraft(std::int64_t conversationId, const std::string& agent) override;

    Result<std::optional<OutgoingReply>> outgoingReply(std::int64_t replyId) override;
    Result<bool> claimPosting(std::int64_t replyId, std::int64_t now, std::int64_t abandonedAfter) override;
    Status recordDelivery(std::int64_t replyId, const Delivered& delivered) override;
    Result<std::optional<std::int64_t>> replyConversation(std::int64_t replyId) override;
    Result<std::optional<std::int64_t>> latestReply(std::int64_t conversationId, domain::Delivery delivery) override;

private:
    Connection& m_db;
};

}  // namespace earshot::store::postgres
