#include "store/sqlite/SqliteSession.h"

#include "earshot/store/Mentions.h"

namespace earshot::store::sqlite {

SqliteSession::SqliteSession(Database db) : m_db(std::move(db)) {}

Status SqliteSession::transaction(const std::function<Status()>& work) { return m_db.transaction(work); }

Status SqliteSession::catchUp() { return indexPendingMentions(m_db); }

Database& databaseOf(Session& session) { return static_cast<SqliteSession&>(session).database(); }

}  // namespace earshot::store::sqlite
