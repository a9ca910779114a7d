#include <iostream>

#include "Command.h"
#include "store/sqlite/Schema.h"

namespace earshot::cli {

namespace {

int check(Context& context, Args& args)
{
    if (auto ok = args.finish(0, 0); !ok)
        return reportError(ok.message(), kExitUsage);
    auto db = store::openReader(context.databasePath);
    if (!db)
        return reportError(db.message());
    auto version = store::schemaVersion(*db);
    if (!version)
        return reportError(version.message());
    auto statement = db->prepare("PRAGMA integrity_check");
    if (!statement)
        return reportError(statement.message());
    std::vector<std::string> problems;
    for (;;) {
        auto row = statement->step();
        if (!row)
            return reportError(row.message());
        if (!*row)
            break;
        if (statement->text(0) != "ok")
            problems.push_back(statement->text(0));
    }
    auto foreignKeys = db->prepare("PRAGMA foreign_key_check");
    if (!foreignKeys)
        return reportError(foreignKeys.message());
    for (;;) {
        auto row = foreignKeys->step();
        if (!row)
            return reportError(row.message());
        if (!*row)
            break;
        problems.push_back("broken reference in table " + foreignKeys->text(0) + " row " +
                           std::to_string(foreignKeys->integer(1)));
    }
    std::cout << "database: " << context.databasePath << "\n"
              << "schema version: " << *version << " (this program: " << store::latestSchemaVersion() << ")\n";
    if (!problems.empty()) {
        for (const auto& problem : problems)
            std::cout << "problem: " << problem << '\n';
        std::cout << "integrity: FAILED; restore a backup or copy the file and ask for help\n";
        return kExitFailed;
    }
    std::cout << "integrity: ok\n";
    return kExitOk;
}

}  // namespace

Command dbCommand()
{
    return {"db", "check the database's integrity and schema version",
            "usage: earshot-cli db check\n"
            "\n"
            "Runs SQLite's integrity and foreign-key checks and prints the schema version.\n"
            "Exits non-zero when the database is damaged.\n",
            [](Context& context, Args& args) {
                const std::string sub = args.subcommand();
                if (sub == "check")
                    return check(context, args);
                return reportError(sub.empty() ? "which db command? check"
                                               : "unknown db command '" + sub + "' (see --help)",
                                   kExitUsage);
            }};
}

}  // namespace earshot::cli
