#include <iostream>

#include "Command.h"

namespace earshot::cli {

namespace {

int check(Context& context, Args& args)
{
    if (auto ok = args.finish(0, 0); !ok)
        return reportError(ok.message(), kExitUsage);
    auto workspace = context.workspace(store::Workspace::Opening::Existing);
    if (!workspace)
        return reportError(workspace.message());
    auto health = (*workspace)->check();
    if (!health)
        return reportError(health.message());
    std::cout << "workspace: " << (*workspace)->location() << "\n"
              << "schema version: " << health->schemaVersion << " (this program: " << health->programSchemaVersion
              << ")\n";
    if (!health->problems.empty()) {
        for (const auto& problem : health->problems)
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
            "Runs the database's own integrity checks (SQLite: integrity, foreign keys and the\n"
            "full-text index) and prints the schema version.\n"
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
