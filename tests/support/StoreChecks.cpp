#include "StoreChecks.h"

#include "store/sqlite/Schema.h"

namespace earshot::test {

namespace {

// Each row of a checking pragma that reports a problem, as "label: column 0 / column 1".
std::string pragmaProblems(store::Database& db, const std::string& pragma, const std::string& label, bool okRow)
{
    auto check = db.prepare("PRAGMA " + pragma);
    if (!check)
        return "cannot run " + pragma + ": " + check.message() + "\n";
    std::string problems;
    while (auto row = check->step()) {
        if (!*row)
            break;
        // integrity_check says "ok" when all is well; foreign_key_check says nothing at all.
        if (okRow && check->text(0) == "ok")
            continue;
        problems += label + ": " + check->text(0) + (okRow ? "" : " row " + check->text(1)) + "\n";
    }
    return problems;
}

}  // namespace

std::string workspaceProblems(const std::string& dbPath)
{
    auto db = store::openWorkspace(dbPath);
    if (!db)
        return "cannot open the workspace: " + db.message() + "\n";
    std::string problems = pragmaProblems(*db, "integrity_check", "integrity", true) +
                           pragmaProblems(*db, "foreign_key_check", "foreign key in table", false);
    // FTS5 compares its index with what it holds; a torn index write would show here.
    if (auto fts = db->exec("INSERT INTO mentions_fts(mentions_fts) VALUES ('integrity-check')"); !fts)
        problems += "full-text index: " + fts.message() + "\n";
    return problems;
}

}  // namespace earshot::test
