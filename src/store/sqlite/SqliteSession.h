// A session on one SQLite connection: the repositories over it, and its transactions.
#pragma once

#include <memory>

#include "earshot/store/Session.h"
#include "store/sqlite/Database.h"

namespace earshot::store::sqlite {

class SqliteSession final : public Session {
public:
    explicit SqliteSession(Database db);
    ~SqliteSession() override;   // out of line: the repositories are complete types only there

    Status transaction(const std::function<Status()>& work) override;
    Status catchUp() override;

    ConversationStore& conversations() override;
    MentionStore& mentions() override;

    Database& database() { return m_db; }

private:
    Database m_db;
    // Made at first use; each holds a reference to m_db, so they are declared after it.
    std::unique_ptr<ConversationStore> m_conversations;
    std::unique_ptr<MentionStore> m_mentions;
};

// TRANSITIONAL (issue 12, in progress): the connection under a session, for code above the
// store that has not moved to repositories yet. Goes when the last such caller does.
Database& databaseOf(Session& session);

}  // namespace earshot::store::sqlite
