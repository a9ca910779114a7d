#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <optional>
#include <string>

#include "Command.h"
#include "earshot/core/Text.h"
#include "earshot/inbox/AgentRepository.h"
#include "earshot/store/WorkspaceCopy.h"

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

// The agent's profile (made when missing) and a login role of their own on the team's server.
int addAgent(Context& context, Args& args)
{
    const auto firstName = args.value("--first-name");
    const std::string login = args.value("--login").value_or("");
    const auto languages = core::splitWords(args.value("--languages").value_or(""));
    const auto teams = core::splitWords(args.value("--teams").value_or(""));
    const bool passwordOnStdin = args.flag("--password-stdin");
    if (auto ok = args.finish(1, 1); !ok)
        return reportError(ok.message(), kExitUsage);
    if (context.isFile())
        return reportError("a desk's workspace has no logins; add the agent's profile with 'earshot-cli agents add'",
                           kExitUsage);
    std::optional<std::string> password;
    if (passwordOnStdin) {
        std::string line;
        if (!std::getline(std::cin, line) || line.empty())
            return reportError("--password-stdin: no password on standard input", kExitUsage);
        if (line.back() == '\r')
            line.pop_back();
        password = line;
    }
    const std::string name = args.positionals().front();
    auto workspace = context.workspace();
    if (!workspace)
        return reportError(workspace.message());
    std::string made;
    auto added = (*workspace)->writer().run([&](store::Session& session) -> Status {
        inbox::AgentRepository agents(session);
        auto existing = agents.find(name);
        if (!existing) {
            if (!firstName)
                return fail("'" + name + "' has no profile yet; say how they sign replies with --first-name FIRST");
            auto id = agents.add({.name = name, .firstName = *firstName, .languages = languages, .teams = teams});
            if (!id)
                return id.error();
        }
        auto loggedIn = agents.addLogin(name, login, password);
        if (!loggedIn)
            return loggedIn.error();
        made = *loggedIn;
        return Ok{};
    });
    if (!added)
        return reportError(added.message());
    std::cout << "agent " << name << " logs in as " << made << '\n';
    if (!password)
        std::cout << "no password yet: set one with psql's \\password " << made
                  << ", or run this again with --password-stdin\n";
    return kExitOk;
}

std::string joinedColumns(const std::vector<std::string>& columns)
{
    std::string out;
    for (const auto& column : columns)
        out += (out.empty() ? "" : ", ") + column;
    return out;
}

// FROM whole into TO, a new workspace of either engine, and what the comparison found.
int copy(Args& args)
{
    if (auto ok = args.finish(2, 2); !ok)
        return reportError(ok.message(), kExitUsage);
    const std::string fromLocation = args.positionals()[0];
    const std::string toLocation = args.positionals()[1];
    auto from = store::Workspace::open(fromLocation, store::Workspace::Opening::Existing);
    if (!from)
        return reportError(from.message());
    auto to = store::Workspace::open(toLocation, store::Workspace::Opening::Initialize);
    if (!to)
        return reportError(to.message());
    const bool showProgress = ::isatty(STDERR_FILENO) == 1;
    auto report = store::copyWorkspace(**from, **to, [&](const std::string& table, std::int64_t done, std::int64_t total) {
        if (showProgress)
            std::fprintf(stderr, "\r%-20s %lld of %lld rows   ", table.c_str(), static_cast<long long>(done),
                         static_cast<long long>(total));
    });
    if (showProgress)
        std::fprintf(stderr, "\n");
    if (!report)
        return reportError("cannot copy " + (*from)->location() + " to " + (*to)->location() + ": " + report.message());
    std::int64_t rows = 0;
    for (const store::TableCopy& table : report->tables) {
        rows += table.rows;
        std::printf("%-20s %10lld rows  checksum %016llx  same\n", table.table.c_str(),
                    static_cast<long long>(table.rows), static_cast<unsigned long long>(table.checksum));
    }
    for (const store::TableCopy& table : report->tables) {
        if (!table.onlyInSource.empty())
            std::cout << table.table << ": " << joinedColumns(table.onlyInSource)
                      << " only in the source, not copied\n";
        if (!table.onlyInTarget.empty())
            std::cout << table.table << ": " << joinedColumns(table.onlyInTarget)
                      << " only in the target, filled with its default\n";
    }
    if (store::isTeamLocation(fromLocation))
        std::cout << "agents' logins stay with " << (*from)->location()
                  << ": give them logins on the copy with 'workspace add-agent'\n";
    if (report->repairedValues > 0)
        std::cout << report->repairedValues
                  << " text values were not valid UTF-8 or held NUL bytes: copied with U+FFFD in their place\n";
    std::cout << "copied " << (*from)->location() << " to " << (*to)->location() << ": " << report->tables.size()
              << " tables, " << rows << " rows; every table's row count and checksum match\n";
    auto health = (*to)->check();
    if (!health)
        return reportError(health.message());
    for (const std::string& problem : health->problems)
        std::cout << "problem: " << problem << '\n';
    std::cout << "integrity of the copy: " << (health->problems.empty() ? "ok" : "see the problems above") << '\n';
    return health->problems.empty() ? kExitOk : kExitFailed;
}

}  // namespace

Command workspaceCommand()
{
    return {"workspace", "create a workspace, for one desk or a team",
            "usage: earshot-cli workspace init [LOCATION]\n"
            "       earshot-cli --workspace LOCATION workspace add-agent NAME [--first-name FIRST]\n"
            "             [--login LOGIN] [--languages nl,en] [--teams care,billing] [--password-stdin]\n"
            "       earshot-cli workspace copy FROM TO\n"
            "\n"
            "init: creates Earshot's schema at LOCATION (else --workspace, else the default\n"
            "SQLite file), or brings an older one up to date. On PostgreSQL it also makes the team's\n"
            "roles, LOCATION's database name followed by _owner and _agent, so it runs as a login\n"
            "that may create roles and owns the database. LOCATION is a SQLite path or a\n"
            "PostgreSQL connection: a postgresql:// URI or libpq keywords, for example\n"
            "  earshot-cli workspace init \"host=db.example.nl dbname=webcare user=earshot_owner sslmode=verify-full\"\n"
            "The password comes from ~/.pgpass or PGPASSWORD; never write it in the location.\n"
            "\n"
            "add-agent: gives an agent of a team workspace a login of their own (LOGIN, else their\n"
            "name in lower case: anouk_smit), a member of the _agent role, and makes their profile\n"
            "when missing (--first-name is then needed). --password-stdin reads the password from\n"
            "the first line of standard input; the server stores only its SCRAM hash.\n"
            "\n"
            "copy: copies the whole workspace FROM into TO, a new one of either engine (a desk's\n"
            "file into a team's database, or a team's database into a file for offline work),\n"
            "then compares each table's row count and checksum. FROM may be in use meanwhile:\n"
            "the copy reads one moment of it. TO is created (on PostgreSQL as by init) and must be empty.\n"
            "See docs/team.md for setting up a team server.\n",
            [](Context& context, Args& args) {
                const std::string sub = args.subcommand();
                if (sub == "init")
                    return init(context, args);
                if (sub == "add-agent")
                    return addAgent(context, args);
                if (sub == "copy")
                    return copy(args);
                return reportError(sub.empty() ? "which workspace command? init, add-agent, copy"
                                               : "unknown workspace command '" + sub + "' (see --help)",
                                   kExitUsage);
            }};
}

}  // namespace earshot::cli
