#include <cstdlib>

#include "Command.h"

namespace earshot::cli {

namespace {

std::string environment(const std::string& name)
{
    const char* value = std::getenv(name.c_str());
    return value ? value : "";
}

}  // namespace

// One variable holds one secret, which belongs to one server: it is given only to sources
// whose requests go to the host EARSHOT_<PLATFORM>_HOST names (bsky.social by default for
// Bluesky), so a brand's token never reaches another server. Stack Exchange's app key is not
// secret and goes to the API it was made for.
connectors::CredentialLookup credentialsFromEnvironment()
{
    return [](const store::Source& source, const connectors::Connector& connector) -> std::string {
        const auto& secret = connector.platformInfo().secret;
        if (!secret)
            return {};
        const std::string value = environment(std::string(secret->variable));
        if (value.empty() || !secret->boundToHost)
            return value;
        std::string host = environment(std::string(secret->hostVariable));
        if (host.empty())
            host = secret->defaultHost;
        return !host.empty() && host == connector.secretHost(source) ? value : std::string();
    };
}

}  // namespace earshot::cli
