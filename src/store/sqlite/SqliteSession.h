// A session on one SQLite connection: the repositories over it, and its transactions.
#pragma once

#include <memory>

#include "earshot/store/Session.h"
#include "store/sqlite/Database.h"

namespace earshot::store::sqlite {

class SqliteSourceStore;

class SqliteSession final : public Session {
public:
    explicit SqliteSession(Database db);

    Status transaction(const std::function<Status()>& work) override;
    Status catchUp() override;
    ~SqliteSession() override;

    SourceStore& sources() override;

    Database& database() { return m_db; }

private:
    Database m_db;
    // Created at first use; each holds a reference to m_db, so they go before it.
    std::unique_ptr<SqliteSourceStore> m_sources;
};

// TRANSITIONAL (issue 12, in progress): the connection under a session, for code above the
// store that has not moved to repositories yet. Goes when the last such caller does.
Database& databaseOf(Session& session);

}  // namespace earshot::store::sqlite
