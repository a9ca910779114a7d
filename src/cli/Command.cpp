#include "Command.h"

#include <iostream>

namespace earshot::cli {

Result<store::Workspace*> Context::workspace(store::Workspace::Opening opening)
{
    if (!m_workspace) {
        auto opened = store::Workspace::open(location, opening);
        if (!opened)
            return opened.error();
        m_workspace = std::move(*opened);
    }
    return m_workspace.get();
}

bool Context::isFile() const { return !store::isTeamLocation(location); }

Result<std::unique_ptr<store::Session>> Context::reader()
{
    auto opened = workspace(store::Workspace::Opening::Existing);
    if (!opened)
        return opened.error();
    return (*opened)->reader();
}

int reportError(const std::string& message, int code)
{
    std::cerr << "earshot-cli: " << message << '\n';
    return code;
}

std::vector<Command> allCommands()
{
    return {sourcesCommand(), pollCommand(), runCommand(), mentionsCommand(),
            inboxCommand(), agentsCommand(), cannedCommand(), checkReplyCommand(),
            statsCommand(), exportCommand(), calendarCommand(), slaCommand(),
            parseFeedCommand(), dbCommand(), generateCommand(), workspaceCommand()};
}

}  // namespace earshot::cli
