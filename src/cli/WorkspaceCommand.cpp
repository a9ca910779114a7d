#include <iostream>

#include "Command.h"

namespace earshot::cli {

namespace {

// Creates the schema in a new workspace (or brings an older one up to date) and says so.
int init(Context& context, Args& args)
{
    if (auto ok = args.finish(0, 1); !ok)
        return reportError(ok.message(), kExitUsage);
    if (!args.positionals().empty())
        context.location = args.positionals().front();
    auto workspace = context.workspace(store::Workspace::Opening::Initialize);
    if (!workspace)
        return reportError(workspace.message());
    auto health = (*workspace)->check();
    if (!health)
        return reportError(health.message());
    std::cout << "workspace " << (*workspace)->location() << " is ready (schema " << health->schemaVersion
              << ")\n";
    return kExitOk;
}

}  // namespace

Command workspaceCommand()
{
    return {"workspace", "create a workspace, for one desk or a team",
            "usage: earshot-cli workspace init [LOCATION]\n"
            "\n"
            "init: creates Earshot's schema at LOCATION (else --workspace, else the default\n"
            "SQLite file), or brings an older one up to date. LOCATION is a SQLite path or a\n"
            "PostgreSQL connection: a postgresql:// URI or libpq keywords, for example\n"
            "  earshot-cli workspace init \"host=db.example.nl dbname=webcare user=earshot_owner sslmode=verify-full\"\n"
            "The password comes from ~/.pgpass or PGPASSWORD; never write it in the location.\n"
            "See docs/team.md for setting up a team server.\n",
            [](Context& context, Args& args) {
                const std::string sub = args.subcommand();
                if (sub == "init")
                    return init(context, args);
                return reportError(sub.empty() ? "which workspace command? init"
                                               : "unknown workspace command '" + sub + "' (see --help)",
                                   kExitUsage);
            }};
}

}  // namespace earshot::cli
