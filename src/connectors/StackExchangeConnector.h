// Stack Exchange questions (/2.3/search/advanced) on one site, keyless or with an app key.
// Listen only. Honours the API's `backoff` and reads its quota from every answer.
#pragma once

#include "earshot/connectors/Connector.h"

namespace earshot::connectors {

class StackExchangeConnector : public Connector {
public:
    const PlatformInfo& platformInfo() const override;
    const KindInfo& kindInfo() const override;
    Result<store::Source> makeSource(const PlatformSourceSpec& spec) const override;
    Result<net::FetchRequest> firstRequest(const store::Source& source, const std::string& secret) const override;
    Result<Page> read(const store::Source& source, const net::FetchResponse& response, int page,
                      const std::string& secret) const override;
    Refusal refusal(const store::Source& source, const net::FetchResponse& response, std::int64_t now) const override;
    std::string credentialsHint(const store::Source& source) const override;
};

// The platform's entry in the registry.
std::vector<const Connector*> stackExchangeConnectors();

}  // namespace earshot::connectors
