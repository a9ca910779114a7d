// Hacker News stories and comments through Algolia's search_by_date. Listen only.
#pragma once

#include "earshot/connectors/Connector.h"

namespace earshot::connectors {

class HackerNewsConnector : public Connector {
public:
    const PlatformInfo& platformInfo() const override;
    const KindInfo& kindInfo() const override;
    Result<store::Source> makeSource(const PlatformSourceSpec& spec) const override;
    Result<net::FetchRequest> firstRequest(const store::Source& source, const std::string& secret) const override;
    Result<Page> read(const store::Source& source, const net::FetchResponse& response, int page,
                      const std::string& secret) const override;
    std::string credentialsHint(const store::Source& source) const override;
};

// The platform's entry in the registry.
std::vector<const Connector*> hackerNewsConnectors();

}  // namespace earshot::connectors
