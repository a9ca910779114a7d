#include <cstdlib>

#include "Command.h"

namespace earshot::cli {

connectors::CredentialLookup credentialsFromEnvironment()
{
    return [](const store::Source&, const connectors::Connector& connector) -> std::string {
        const std::string variable(connector.credentialVariable());
        const char* value = variable.empty() ? nullptr : std::getenv(variable.c_str());
        return value ? value : "";
    };
}

}  // namespace earshot::cli
