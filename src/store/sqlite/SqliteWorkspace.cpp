#include "store/sqlite/SqliteWorkspace.h"

#include "store/sqlite/Schema.h"
#include "store/sqlite/SqliteBulkLoader.h"
#include "store/sqlite/SqliteChangeStore.h"
#include "store/sqlite/SqliteSession.h"

namespace earshot::store::sqlite {

namespace {

// Each row of a checking pragma that reports a problem. integrity_check says "ok" when all
// is well; foreign_key_check says nothing at all.
Status addPragmaProblems(Database& db, const std::string& pragma, std::vector<std::string>& problems)
{
    auto check = db.prepare("PRAGMA " + pragma);
    if (!check)
        return check.error();
    for (;;) {
        auto row = check->step();
        if (!row)
            return row.error();
        if (!*row)
            return Ok{};
        if (pragma == "integrity_check" && check->text(0) != "ok")
            problems.push_back(check->text(0));
        else if (pragma == "foreign_key_check")
            problems.push_back("broken reference in table " + check->text(0) + " row " + std::to_string(check->integer(1)));
    }
}

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
        m_writer = db ? std::make_unique<Writer>(std::make_unique<SqliteSession>(std::move(*db)))
                      : std::make_unique<Writer>(fail("cannot write to " + m_path + ": " + db.message()));
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

Result<WorkspaceHealth> SqliteWorkspace::check()
{
    // Read-write, for the full-text index's own check (a special insert that changes nothing).
    auto db = Database::open(m_path);
    if (!db)
        return db.error();
    auto version = schemaVersion(*db);
    if (!version)
        return version.error();
    WorkspaceHealth health{.schemaVersion = *version, .programSchemaVersion = latestSchemaVersion()};
    for (const char* pragma : {"integrity_check", "foreign_key_check"})
        if (auto checked = addPragmaProblems(*db, pragma, health.problems); !checked)
            return checked.error();
    // FTS5 compares its index with what it holds; a torn index write shows here.
    if (auto fts = db->exec("INSERT INTO mentions_fts(mentions_fts) VALUES ('integrity-check')"); !fts)
        health.problems.push_back("full-text index: " + fts.message());
    return health;
}

Result<std::unique_ptr<Workspace>> openSqliteWorkspace(const std::string& path, Workspace::Opening opening)
{
    auto checked = opening == Workspace::Opening::Existing ? openReader(path) : openWorkspace(path);
    if (!checked)
        return checked.error();
    return std::unique_ptr<Workspace>(std::make_unique<SqliteWorkspace>(path));
}

Result<std::unique_ptr<ChangeHints>> SqliteWorkspace::changeHints()
{
    return std::unique_ptr<ChangeHints>(std::make_unique<SqliteChangeHints>());
}

}  // namespace earshot::store::sqlite
