#include "store/sqlite/SqliteSession.h"

#include "store/sqlite/MentionQueries.h"
#include "store/sqlite/SqliteConversationStore.h"

namespace earshot::store::sqlite {

SqliteSession::SqliteSession(Database db) : m_db(std::move(db)) {}
SqliteSession::~SqliteSession() = default;

Status SqliteSession::transaction(const std::function<Status()>& work) { return m_db.transaction(work); }

Status SqliteSession::catchUp() { return indexPendingMentions(m_db); }

ConversationStore& SqliteSession::conversations()
{
    if (!m_conversations)
        m_conversations = std::make_unique<SqliteConversationStore>(m_db);
    return *m_conversations;
}

MentionStore& SqliteSession::mentions()
{
    if (!m_mentions)
        m_mentions = std::make_unique<SqliteMentionStore>(m_db);
    return *m_mentions;
}

Database& databaseOf(Session& session) { return static_cast<SqliteSession&>(session).database(); }

}  // namespace earshot::store::sqlite
