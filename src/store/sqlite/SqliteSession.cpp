#include "store/sqlite/SqliteSession.h"

#include "earshot/store/Mentions.h"
#include "store/sqlite/SqliteSourceStore.h"

namespace earshot::store::sqlite {

SqliteSession::SqliteSession(Database db) : m_db(std::move(db)) {}

SqliteSession::~SqliteSession() = default;

SourceStore& SqliteSession::sources()
{
    if (!m_sources)
        m_sources = std::make_unique<SqliteSourceStore>(m_db);
    return *m_sources;
}

Status SqliteSession::transaction(const std::function<Status()>& work) { return m_db.transaction(work); }

Status SqliteSession::catchUp() { return indexPendingMentions(m_db); }

Database& databaseOf(Session& session) { return static_cast<SqliteSession&>(session).database(); }

}  // namespace earshot::store::sqlite
