#include "store/sqlite/SqliteWorkspace.h"

#include "store/sqlite/Schema.h"
#include "store/sqlite/SqliteBulkLoader.h"
#include "store/sqlite/SqliteSession.h"

namespace earshot::store::sqlite {

namespace {

// The writer's session when its connection could not be opened: every job fails with why.
class UnwritableSession final : public Session {
public:
    explicit UnwritableSession(Error error) : m_error(std::move(error)) {}
    Status transaction(const std::function<Status()>&) override { return m_error; }
    Status catchUp() override { return m_error; }

private:
    Error m_error;
};

}  // namespace

SqliteWorkspace::SqliteWorkspace(std::string path) : m_path(std::move(path)) {}

Result<std::unique_ptr<Session>> SqliteWorkspace::reader()
{
    auto db = Database::open(m_path, Database::Mode::ReadOnly);
    if (!db)
        return db.error();
    return std::unique_ptr<Session>(std::make_unique<SqliteSession>(std::move(*db)));
}

Writer& SqliteWorkspace::writer()
{
    std::call_once(m_writerStarted, [this] {
        auto db = Database::open(m_path);
        std::unique_ptr<Session> session;
        if (db)
            session = std::make_unique<SqliteSession>(std::move(*db));
        else
            session = std::make_unique<UnwritableSession>(fail("cannot write to " + m_path + ": " + db.message()));
        m_writer = std::make_unique<Writer>(std::move(session));
    });
    return *m_writer;
}

Status SqliteWorkspace::bulkLoad(const std::function<Status(BulkLoader&)>& load)
{
    auto db = Database::open(m_path);
    if (!db)
        return db.error();
    SqliteBulkLoader loader(*db);   // its settings apply outside the transaction, so before it
    return db->transaction([&]() -> Status {
        if (auto prepared = loader.prepare(); !prepared)
            return prepared;
        return load(loader);
    });
}

Result<std::unique_ptr<Workspace>> openSqliteWorkspace(const std::string& path, Workspace::Opening opening)
{
    auto checked = opening == Workspace::Opening::CreateOrUpgrade ? openWorkspace(path) : openReader(path);
    if (!checked)
        return checked.error();
    return std::unique_ptr<Workspace>(std::make_unique<SqliteWorkspace>(path));
}

}  // namespace earshot::store::sqlite

namespace earshot::store {

Result<std::unique_ptr<Workspace>> Workspace::open(const std::string& location, Opening opening)
{
    return sqlite::openSqliteWorkspace(location, opening);
}

}  // namespace earshot::store
