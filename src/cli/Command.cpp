#include "Command.h"

#include <iostream>

namespace earshot::cli {

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
            parseFeedCommand(), dbCommand(), generateCommand()};
}

}  // namespace earshot::cli
