#include "store/sqlite/SqliteSession.h"

#include "earshot/store/Mentions.h"
#include "store/sqlite/SqliteInboxStore.h"

namespace earshot::store::sqlite {

SqliteSession::SqliteSession(Database db)
    : m_db(std::move(db))
    , m_inbox(std::make_unique<SqliteInboxStore>(m_db))
{
}

SqliteSession::~SqliteSession() = default;

Status SqliteSession::transaction(const std::function<Status()>& work) { return m_db.transaction(work); }

Status SqliteSession::catchUp() { return indexPendingMentions(m_db); }

InboxStore& SqliteSession::inbox() { return *m_inbox; }

Database& databaseOf(Session& session) { return static_cast<SqliteSession&>(session).database(); }

}  // namespace earshot::store::sqlite
