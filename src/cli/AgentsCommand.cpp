// `earshot-cli agents ...`: the local agent profiles every inbox action names.
#include <iostream>

#include <nlohmann/json.hpp>

#include "Command.h"
#include "Table.h"
#include "earshot/core/Text.h"
#include "earshot/inbox/AgentRepository.h"
#include "earshot/core/Text.h"

namespace earshot::cli {

namespace {

constexpr const char* kHelp =
    "usage: earshot-cli agents add NAME --first-name FIRST [--languages nl,en] [--teams care,billing]\n"
    "       earshot-cli agents list [--json]\n"
    "\n"
    "NAME is the agent's display name, unique in the workspace; every inbox action names it\n"
    "(--agent NAME) and the event log records it. FIRST signs replies. Members of the team\n"
    "'leads' may hand on conversations that other agents hold.\n";

std::string joined(const std::vector<std::string>& items)
{
    std::string out;
    for (const auto& item : items)
        out += (out.empty() ? "" : ",") + item;
    return out;
}

int add(Context& context, Args& args)
{
    inbox::Agent agent;
    const auto firstName = args.value("--first-name");
    agent.languages = core::splitWords(args.value("--languages").value_or(""));
    agent.teams = core::splitWords(args.value("--teams").value_or(""));
    if (auto ok = args.finish(1, 1); !ok)
        return reportError(ok.message(), kExitUsage);
    if (!firstName || firstName->empty())
        return reportError("how does the agent sign replies? Add --first-name FIRST", kExitUsage);
    agent.name = args.positionals().front();
    agent.firstName = *firstName;
    auto workspace = context.workspace();
    if (!workspace)
        return reportError(workspace.message());
    std::int64_t id = 0;
    auto added = (*workspace)->writer().run([&](store::Session& session) -> Status {
        auto stored = inbox::AgentRepository(session).add(agent);
        if (!stored)
            return stored.error();
        id = *stored;
        return Ok{};
    });
    if (!added)
        return reportError(added.message());
    std::cout << "added agent " << id << ": " << agent.name << '\n';
    return kExitOk;
}

int list(Context& context, Args& args)
{
    const bool json = args.flag("--json");
    if (auto ok = args.finish(0, 0); !ok)
        return reportError(ok.message(), kExitUsage);
    auto session = context.reader();
    if (!session)
        return reportError(session.message());
    auto agents = inbox::AgentRepository(**session).list();
    if (!agents)
        return reportError(agents.message());
    if (json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& a : *agents)
            out.push_back({{"id", a.id},
                           {"name", a.name},
                           {"first_name", a.firstName},
                           {"languages", a.languages},
                           {"teams", a.teams},
                           {"created_at", core::formatUtc(a.createdAt)}});
        std::cout << out.dump(2) << '\n';
        return kExitOk;
    }
    if (agents->empty()) {
        std::cout << "no agents yet; add one with 'earshot-cli agents add NAME --first-name FIRST'\n";
        return kExitOk;
    }
    Table table({"ID", "NAME", "FIRST NAME", "LANGUAGES", "TEAMS"});
    for (const auto& a : *agents)
        table.add({std::to_string(a.id), a.name, a.firstName, joined(a.languages), joined(a.teams)});
    table.print(std::cout);
    return kExitOk;
}

}  // namespace

Command agentsCommand()
{
    return {"agents", "add and list agent profiles", kHelp, [](Context& context, Args& args) {
                const std::string sub = args.subcommand();
                if (sub == "add")
                    return add(context, args);
                if (sub == "list")
                    return list(context, args);
                if (sub.empty())
                    return reportError("which agents command? add or list", kExitUsage);
                return reportError("unknown agents command '" + sub + "' (see earshot-cli agents --help)", kExitUsage);
            }};
}

}  // namespace earshot::cli
