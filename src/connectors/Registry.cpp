// Every platform Earshot listens to, one line each. A platform's own files (its connector
// classes, their descriptions, the sources they make) are all the rest a new one needs; see
// docs/architecture.md, "Adding a connector".
#include <set>

#include "BlueskyConnector.h"
#include "DiscourseConnector.h"
#include "HackerNewsConnector.h"
#include "MastodonConnector.h"
#include "StackExchangeConnector.h"

namespace earshot::connectors {

namespace {

// In the order the dialog lists the kinds and the help the options.
const auto kPlatforms = {
    mastodonConnectors,
    blueskyConnectors,
    discourseConnectors,
    hackerNewsConnectors,
    stackExchangeConnectors,
};

}  // namespace

const std::vector<const Connector*>& allConnectors()
{
    static const std::vector<const Connector*> all = [] {
        std::vector<const Connector*> out;
        for (const auto& connectorsOf : kPlatforms)
            for (const Connector* connector : connectorsOf())
                out.push_back(connector);
        return out;
    }();
    return all;
}

const Connector* connectorFor(std::string_view kind)
{
    for (const Connector* connector : allConnectors())
        if (connector->kind() == kind)
            return connector;
    return nullptr;
}

std::vector<FieldInfo> allFields()
{
    std::vector<FieldInfo> fields;
    std::set<std::string_view> seen;
    for (const Connector* connector : allConnectors())
        for (const FieldInfo& field : connector->kindInfo().fields)
            if (seen.insert(field.name).second)
                fields.push_back(field);
    return fields;
}

}  // namespace earshot::connectors
