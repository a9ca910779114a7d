// A session on one SQLite connection: the repositories over it, and its transactions.
#pragma once

#include <memory>

#include "earshot/store/Session.h"
#include "store/sqlite/Database.h"

namespace earshot::store::sqlite {

class SqliteInboxStore;

class SqliteSession final : public Session {
public:
    explicit SqliteSession(Database db);
    ~SqliteSession() override;

    Status transaction(const std::function<Status()>& work) override;
    Status catchUp() override;
    InboxStore& inbox() override;

    Database& database() { return m_db; }

private:
    Database m_db;
    std::unique_ptr<SqliteInboxStore> m_inbox;
};

// TRANSITIONAL (issue 12, in progress): the connection under a session, for code above the
// store that has not moved to repositories yet. Goes when the last such caller does.
Database& databaseOf(Session& session);

}  // namespace earshot::store::sqlite
