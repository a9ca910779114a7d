// What every earshot-cli command looks like, and the exit codes scripts can rely on.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "Args.h"
#include "earshot/connectors/Connector.h"
#include "earshot/store/Workspace.h"

namespace earshot::cli {

enum ExitCode : int {
    kExitOk = 0,
    kExitFailed = 1,     // the operation ran and failed (network, parse, database ...)
    kExitUsage = 2,      // the command line was wrong
    kExitHeldByOther = 3,  // someone else holds the conversation (a lost claim); the message names them
};

struct Context {
    // --workspace (a SQLite path or a PostgreSQL connection) or --db PATH, else the default
    // SQLite file.
    std::string location;
    // A SQLite workspace: location is a file.
    bool isFile() const;

    // The workspace at location, opened once per run at the first call. A command that
    // only reads asks for Existing, so it never creates a workspace by looking.
    Result<store::Workspace*> workspace(store::Workspace::Opening opening = store::Workspace::Opening::CreateOrUpgrade);
    // A reading session on the existing workspace, for a command that only reads.
    Result<std::unique_ptr<store::Session>> reader();

private:
    std::unique_ptr<store::Workspace> m_workspace;
};

struct Command {
    std::string name;
    std::string summary;        // one line for the command list
    std::string help;           // full usage text for --help
    std::function<int(Context&, Args&)> run;
};

// Prints "earshot-cli: MESSAGE" to stderr and returns the code, for one-line error exits.
int reportError(const std::string& message, int code = kExitFailed);

std::vector<Command> allCommands();

// Platform secrets for headless use, from the environment: one variable per kind of secret
// (each connector's credentialVariable). Read when needed, never stored.
connectors::CredentialLookup credentialsFromEnvironment();

// Declared here, defined one per file.
Command parseFeedCommand();
Command sourcesCommand();
Command pollCommand();
Command runCommand();
Command mentionsCommand();
Command dbCommand();
Command generateCommand();
Command inboxCommand();
Command agentsCommand();
Command cannedCommand();
Command checkReplyCommand();
Command statsCommand();
Command exportCommand();
Command calendarCommand();
Command slaCommand();
Command workspaceCommand();

}  // namespace earshot::cli
