#include "store/sqlite/SqliteSession.h"

#include "store/sqlite/MentionQueries.h"
#include "store/sqlite/SqliteAgentStore.h"
#include "store/sqlite/SqliteCannedReplyStore.h"
#include "store/sqlite/SqliteChangeStore.h"
#include "store/sqlite/SqliteConversationStore.h"
#include "store/sqlite/SqliteExportStore.h"
#include "store/sqlite/SqliteInboxStore.h"
#include "store/sqlite/SqliteMetricsStore.h"
#include "store/sqlite/SqliteSettingsStore.h"
#include "store/sqlite/SqliteSourceStore.h"
#include "store/sqlite/SqliteTableStore.h"

namespace earshot::store::sqlite {

SqliteSession::SqliteSession(Database db)
    : m_db(std::move(db)),
      m_agents(std::make_unique<SqliteAgentStore>(m_db)),
      m_cannedReplies(std::make_unique<SqliteCannedReplyStore>(m_db)),
      m_changes(std::make_unique<SqliteChangeStore>(m_db)),
      m_conversations(std::make_unique<SqliteConversationStore>(m_db)),
      m_exports(std::make_unique<SqliteExportStore>(m_db)),
      m_inbox(std::make_unique<SqliteInboxStore>(m_db)),
      m_mentions(std::make_unique<SqliteMentionStore>(m_db)),
      m_metrics(std::make_unique<SqliteMetricsStore>(m_db)),
      m_presence(std::make_unique<SqlitePresenceStore>(m_db)),
      m_settings(std::make_unique<SqliteSettingsStore>(m_db)),
      m_sources(std::make_unique<SqliteSourceStore>(m_db)),
      m_tables(std::make_unique<SqliteTableStore>(m_db))
{
}

SqliteSession::~SqliteSession() = default;

Status SqliteSession::transaction(const std::function<Status()>& work) { return m_db.transaction(work); }

Status SqliteSession::catchUp() { return indexPendingMentions(m_db); }

Database& databaseOf(Session& session) { return static_cast<SqliteSession&>(session).database(); }

}  // namespace earshot::store::sqlite
