// A session on one PostgreSQL connection: the repositories over it, and its transactions.
#pragma once

#include <memory>

#include "earshot/store/Session.h"
#include "store/postgres/Connection.h"

namespace earshot::store::postgres {

class PgSession final : public Session {
public:
    explicit PgSession(Connection db);
    ~PgSession() override;   // out of line: the repositories are complete types only there

    Status transaction(const std::function<Status()>& work) override;
    // Nothing lags behind on PostgreSQL: the search column is computed as a mention is stored.
    Status catchUp() override { return Ok{}; }

    AgentStore& agents() override { return *m_agents; }
    CannedReplyStore& cannedReplies() override { return *m_cannedReplies; }
    ChangeStore& changes() override { return *m_changes; }
    ConversationStore& conversations() override { return *m_conversations; }
    ExportStore& exports() override { return *m_exports; }
    InboxStore& inbox() override { return *m_inbox; }
    MentionStore& mentions() override { return *m_mentions; }
    MetricsStore& metrics() override { return *m_metrics; }
    PresenceStore& presence() override { return *m_presence; }
    SettingsStore& settings() override { return *m_settings; }
    SourceStore& sources() override { return *m_sources; }
    TableStore& tables() override { return *m_tables; }

private:
    Connection m_db;
    // Each holds a reference to m_db, so they are declared after it and destroyed before it.
    std::unique_ptr<AgentStore> m_agents;
    std::unique_ptr<CannedReplyStore> m_cannedReplies;
    std::unique_ptr<ChangeStore> m_changes;
    std::unique_ptr<ConversationStore> m_conversations;
    std::unique_ptr<ExportStore> m_exports;
    std::unique_ptr<InboxStore> m_inbox;
    std::unique_ptr<MentionStore> m_mentions;
    std::unique_ptr<MetricsStore> m_metrics;
    std::unique_ptr<PresenceStore> m_presence;
    std::unique_ptr<SettingsStore> m_settings;
    std::unique_ptr<SourceStore> m_sources;
    std::unique_ptr<TableStore> m_tables;
};

}  // namespace earshot::store::postgres
