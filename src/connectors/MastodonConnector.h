// Mastodon, any server: a hashtag timeline (/api/v1/timelines/tag/:tag), an account's posts
// (/api/v1/accounts/:id/statuses, the id looked up by name), and with the brand account's
// token a search (/api/v2/search) and the account's mentions (/api/v1/notifications). A
// token, when given, is sent as a bearer token; a hashtag source's first poll without one
// asks /api/v2/instance whether the server shows its hashtag timelines to anyone.
#pragma once

#include "earshot/connectors/Connector.h"

namespace earshot::connectors {

class MastodonConnector : public Connector {
public:
    enum class Listen { Tag, Account, Search, Mentions };
    explicit MastodonConnector(Listen listen) : m_listen(listen) {}

    const PlatformInfo& platformInfo() const override;
    const KindInfo& kindInfo() const override;
    Result<store::Source> makeSource(const PlatformSourceSpec& spec) const override;
    Result<net::FetchRequest> firstRequest(const store::Source& source, const std::string& secret) const override;
    Result<Page> read(const store::Source& source, const net::FetchResponse& response, int page,
                      const std::string& secret) const override;
    Refusal refusal(const store::Source& source, const net::FetchResponse& response, std::int64_t now) const override;
    std::string credentialsHint(const store::Source& source) const override;
    Result<Published> publish(net::Fetcher& fetcher, const store::Source& source, const ReplyRequest& reply,
                              const std::string& secret) const override;

private:
    // Requests a poll makes before the first page of statuses (an instance check, a lookup).
    int preliminaries(const store::Source& source, const std::string& secret) const;

    Listen m_listen;
};

// The platform's entry in the registry: one connector per kind.
std::vector<const Connector*> mastodonConnectors();

}  // namespace earshot::connectors
