#include "store/sqlite/SqliteSession.h"

#include "earshot/store/Mentions.h"
#include "store/sqlite/SqliteAgentStore.h"
#include "store/sqlite/SqliteCannedReplyStore.h"
#include "store/sqlite/SqliteExportStore.h"
#include "store/sqlite/SqliteMetricsStore.h"
#include "store/sqlite/SqliteSettingsStore.h"

namespace earshot::store::sqlite {

SqliteSession::SqliteSession(Database db)
    : m_db(std::move(db)),
      m_agents(std::make_unique<SqliteAgentStore>(m_db)),
      m_cannedReplies(std::make_unique<SqliteCannedReplyStore>(m_db)),
      m_exports(std::make_unique<SqliteExportStore>(m_db)),
      m_metrics(std::make_unique<SqliteMetricsStore>(m_db)),
      m_settings(std::make_unique<SqliteSettingsStore>(m_db))
{
}

SqliteSession::~SqliteSession() = default;

Status SqliteSession::transaction(const std::function<Status()>& work) { return m_db.transaction(work); }

Status SqliteSession::catchUp() { return indexPendingMentions(m_db); }

AgentStore& SqliteSession::agents() { return *m_agents; }
CannedReplyStore& SqliteSession::cannedReplies() { return *m_cannedReplies; }
ExportStore& SqliteSession::exports() { return *m_exports; }
MetricsStore& SqliteSession::metrics() { return *m_metrics; }
SettingsStore& SqliteSession::settings() { return *m_settings; }

Database& databaseOf(Session& session) { return static_cast<SqliteSession&>(session).database(); }

}  // namespace earshot::store::sqlite
