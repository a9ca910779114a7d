#include "store/postgres/PgSession.h"

#include "store/postgres/PgAgentStore.h"
#include "store/postgres/PgCannedReplyStore.h"
#include "store/postgres/PgChangeStore.h"
#include "store/postgres/PgConversationStore.h"
#include "store/postgres/PgExportStore.h"
#include "store/postgres/PgInboxStore.h"
#include "store/postgres/PgMentionStore.h"
#include "store/postgres/PgMetricsStore.h"
#include "store/postgres/PgSettingsStore.h"
#include "store/postgres/PgSourceStore.h"
#include "store/postgres/PgTableStore.h"

namespace earshot::store::postgres {

PgSession::PgSession(Connection db)
    : m_db(std::move(db)),
      m_agents(std::make_unique<PgAgentStore>(m_db)),
      m_cannedReplies(std::make_unique<PgCannedReplyStore>(m_db)),
      m_changes(std::make_unique<PgChangeStore>(m_db)),
      m_conversations(std::make_unique<PgConversationStore>(m_db)),
      m_exports(std::make_unique<PgExportStore>(m_db)),
      m_inbox(std::make_unique<PgInboxStore>(m_db)),
      m_mentions(std::make_unique<PgMentionStore>(m_db)),
      m_metrics(std::make_unique<PgMetricsStore>(m_db)),
      m_presence(std::make_unique<PgPresenceStore>(m_db)),
      m_settings(std::make_unique<PgSettingsStore>(m_db)),
      m_sources(std::make_unique<PgSourceStore>(m_db)),
      m_tables(std::make_unique<PgTableStore>(m_db))
{
}

PgSession::~PgSession() = default;

Status PgSession::transaction(const std::function<Status()>& work) { return m_db.transaction(work); }

}  // namespace earshot::store::postgres
