// ConversationStore on a PostgreSQL connection.
#pragma once

#include "earshot/store/ConversationStore.h"
#include "store/postgres/Connection.h"

namespace earshot::store::postgres {

class PgConversationStore final : public ConversationStore {
public:
    explicit PgConversationStore(Connection& db);

    Result<ConversationPage> list(const ConversationFilter& filter, int limit,
                                  const std::optional<ConversationCursor>& after = {}) override;
    Result<std::vector<ConversationMatch>> read(const ConversationFilter& filter,
                                                const std::vector<std::int64_t>& ids) override;
    Result<ConversationCounts> count(const std::string& agent = {}) override;
    Result<ConversationDetail> detail(std::int64_t conversationId) override;
    Result<std::vector<TimelineEntry>> timeline(std::int64_t conversationId) override;
    Result<std::vector<CustomerConversation>> customersOthers(std::int64_t conversationId, int limit) override;
    Result<std::vector<ReopenedConversation>> reopenedFor(const std::string& agent, std::int64_t since) override;
    Result<std::optional<Draft>> draft(std::int64_t conversationId, const std::string& agent) override;

private:
    Connection& m_db;
};

}  // namespace earshot::store::postgres
