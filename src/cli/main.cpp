// earshot-cli: the headless face of Earshot. Global options, then one command.
#include <iostream>
#include <string>
#include <vector>

#include "Command.h"
#include "earshot/core/Logging.h"
#include "earshot/core/Paths.h"
#include "earshot/core/Version.h"

using namespace earshot::cli;

namespace {

void printUsage(std::ostream& out)
{
    out << "usage: earshot-cli [--workspace LOCATION | --db PATH] [--verbose | --quiet] COMMAND [ARGS]\n\n"
           "Commands:\n";
    for (const Command& command : allCommands())
        out << "  " << command.name << std::string(14 - std::min<std::size_t>(13, command.name.size()), ' ')
            << command.summary << '\n';
    out << "\nRun 'earshot-cli COMMAND --help' for a command's options.\n"
           "A workspace is a SQLite file (one desk) or a team's PostgreSQL database, given as a\n"
           "postgresql:// URI or libpq keywords (\"host=db.example dbname=care user=anouk\").\n"
           "It defaults to " << earshot::core::defaultDatabasePath().string() << ".\n";
}

}  // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> tokens(argv + 1, argv + argc);
    Context context;
    auto level = spdlog::level::warn;
    std::size_t i = 0;
    for (; i < tokens.size() && tokens[i].size() > 1 && tokens[i][0] == '-'; ++i) {
        const std::string& token = tokens[i];
        if ((token == "--db" || token == "--workspace") && i + 1 < tokens.size()) {
            context.location = tokens[++i];
        } else if (token.rfind("--db=", 0) == 0) {
            context.location = token.substr(5);
        } else if (token.rfind("--workspace=", 0) == 0) {
            context.location = token.substr(12);
        } else if (token == "--verbose" || token == "-v") {
            level = spdlog::level::debug;
        } else if (token == "--quiet" || token == "-q") {
            level = spdlog::level::err;
        } else if (token == "--help" || token == "-h") {
            printUsage(std::cout);
            return kExitOk;
        } else if (token == "--version") {
            std::cout << "earshot-cli " << earshot::kVersion << '\n';
            return kExitOk;
        } else {
            return reportError("unknown option " + token + " (see --help)", kExitUsage);
        }
    }
    if (i == tokens.size()) {
        printUsage(std::cerr);
        return kExitUsage;
    }
    const std::string name = tokens[i];
    std::vector<std::string> rest(tokens.begin() + long(i) + 1, tokens.end());
    if (context.location.empty())
        context.location = earshot::core::defaultDatabasePath().string();

    for (const Command& command : allCommands()) {
        if (command.name != name)
            continue;
        Args args(rest);
        if (args.flag("--help") || args.flag("-h")) {
            std::cout << command.help;
            return kExitOk;
        }
        // A team workspace has no folder of its own here: its log goes where the default one's does.
        earshot::core::initLogging(
            earshot::core::logFileFor(context.isFile() ? context.location : earshot::core::defaultDatabasePath().string()),
            level);
        return command.run(context, args);
    }
    return reportError("unknown command '" + name + "' (see earshot-cli --help)", kExitUsage);
}
