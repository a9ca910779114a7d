// A session on one SQLite connection: the repositories over it, and its transactions.
#pragma once

#include <memory>

#include "earshot/store/Session.h"
#include "store/sqlite/Database.h"

namespace earshot::store::sqlite {

class SqliteAgentStore;
class SqliteCannedReplyStore;
class SqliteExportStore;
class SqliteMetricsStore;
class SqliteSettingsStore;

class SqliteSession final : public Session {
public:
    explicit SqliteSession(Database db);
    ~SqliteSession() override;

    Status transaction(const std::function<Status()>& work) override;
    Status catchUp() override;

    AgentStore& agents() override;
    CannedReplyStore& cannedReplies() override;
    ExportStore& exports() override;
    MetricsStore& metrics() override;
    SettingsStore& settings() override;

    Database& database() { return m_db; }

private:
    Database m_db;
    // Over m_db, declared after it so they go first.
    std::unique_ptr<SqliteAgentStore> m_agents;
    std::unique_ptr<SqliteCannedReplyStore> m_cannedReplies;
    std::unique_ptr<SqliteExportStore> m_exports;
    std::unique_ptr<SqliteMetricsStore> m_metrics;
    std::unique_ptr<SqliteSettingsStore> m_settings;
};

// TRANSITIONAL (issue 12, in progress): the connection under a session, for code above the
// store that has not moved to repositories yet. Goes when the last such caller does.
Database& databaseOf(Session& session);

}  // namespace earshot::store::sqlite
