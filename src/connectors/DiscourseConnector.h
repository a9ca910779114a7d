// A Discourse forum: its latest posts (/posts.json) or a search (/search.json, order:latest).
// With a user API key (User-Api-Key header) it reads members-only forums and posts replies.
#pragma once

#include "earshot/connectors/Connector.h"

namespace earshot::connectors {

class DiscourseConnector : public Connector {
public:
    enum class Listen { LatestPosts, Search };
    explicit DiscourseConnector(Listen listen) : m_listen(listen) {}

    const PlatformInfo& platformInfo() const override;
    const KindInfo& kindInfo() const override;
    Result<store::Source> makeSource(const PlatformSourceSpec& spec) const override;
    Result<net::FetchRequest> firstRequest(const store::Source& source, const std::string& secret) const override;
    Result<Page> read(const store::Source& source, const net::FetchResponse& response, int page,
                      const std::string& secret) const override;
    std::string credentialsHint(const store::Source& source) const override;
    Result<Published> publish(net::Fetcher& fetcher, const store::Source& source, const ReplyRequest& reply,
                              const std::string& secret) const override;

private:
    Listen m_listen;
};

// The platform's entry in the registry: one connector per kind.
std::vector<const Connector*> discourseConnectors();

}  // namespace earshot::connectors
