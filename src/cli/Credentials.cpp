#include <cstdlib>

#include <nlohmann/json.hpp>

#include "Command.h"

namespace earshot::cli {

namespace {

std::string environment(const std::string& name)
{
    const char* value = std::getenv(name.c_str());
    return value ? value : "";
}

// Where a source's secret would be sent: the host of its API address, or of the server it
// posts from or signs in to when the settings name one.
std::string secretHost(const store::Source& source)
{
    const auto settings = nlohmann::json::parse(source.settings, nullptr, false);
    // A Bluesky app password only ever opens a session on the account's server (bsky.social
    // unless the settings name another), whichever host the source reads from.
    if (source.kind.starts_with("bluesky")) {
        const bool ownServer = settings.is_object() && settings.contains("pds") && settings["pds"].is_string();
        return connectors::hostOf(ownServer ? settings["pds"].get<std::string>() : std::string("bsky.social"));
    }
    for (const char* key : {"post_instance", "pds"})
        if (settings.is_object() && settings.contains(key) && settings[key].is_string())
            return connectors::hostOf(settings[key].get<std::string>());
    return connectors::hostOf(source.url);
}

}  // namespace

// One variable holds one secret, which belongs to one server: it is given only to sources
// whose requests go to the host EARSHOT_<PLATFORM>_HOST names (bsky.social by default for
// Bluesky), so a brand's token never reaches another server. Stack Exchange's app key is not
// secret and goes to the API it was made for.
connectors::CredentialLookup credentialsFromEnvironment()
{
    return [](const store::Source& source, const connectors::Connector& connector) -> std::string {
        const std::string variable(connector.credentialVariable());
        if (variable.empty())
            return {};
        const std::string secret = environment(variable);
        if (secret.empty() || connector.platform() == "stackexchange")
            return secret;
        const std::string prefix = variable.substr(0, variable.find('_', 8));  // EARSHOT_MASTODON
        std::string host = environment(prefix + "_HOST");
        if (host.empty() && connector.platform() == "bluesky")
            host = "bsky.social";
        return !host.empty() && host == secretHost(source) ? secret : std::string();
    };
}

}  // namespace earshot::cli
