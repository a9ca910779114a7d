// Bluesky: an account's posts and the replies to it, and searches.
#pragma once

#include "earshot/connectors/Connector.h"

namespace earshot::connectors {

// A Bluesky account's posts and replies (app.bsky.feed.getAuthorFeed), no login needed.
// Replies are posted as the account whose app password is given (a session is opened with
// com.atproto.server.createSession on the account's server, by default bsky.social).
class BlueskyAuthorConnector : public Connector {
public:
    const PlatformInfo& platformInfo() const override;
    const KindInfo& kindInfo() const override;
    Result<store::Source> makeSource(const PlatformSourceSpec& spec) const override;
    // The account's server (bsky.social unless the settings name another), whichever host
    // the source reads from: an app password only ever opens a session there.
    std::string secretHost(const store::Source& source) const override;
    Result<net::FetchRequest> firstRequest(const store::Source& source, const std::string& secret) const override;
    Result<Page> read(const store::Source& source, const net::FetchResponse& response, int page,
                      const std::string& secret) const override;
    std::string credentialsHint(const store::Source& source) const override;
    Result<Published> publish(net::Fetcher& fetcher, const store::Source& source, const ReplyRequest& reply,
                              const std::string& secret) const override;
};

// Bluesky posts that match a search (app.bsky.feed.searchPosts, sort=latest, since the
// newest seen). Bluesky answers searches only for a signed-in account: the poll opens a
// session with the account's app password (com.atproto.server.createSession), renews it with
// refreshSession when it expires, and searches through the account's server.
class BlueskySearchConnector : public BlueskyAuthorConnector {
public:
    const KindInfo& kindInfo() const override;
    Result<store::Source> makeSource(const PlatformSourceSpec& spec) const override;
    Result<net::FetchRequest> firstRequest(const store::Source& source, const std::string& secret) const override;
    Result<Page> read(const store::Source& source, const net::FetchResponse& response, int page,
                      const std::string& secret) const override;
    Refusal refusal(const store::Source& source, const net::FetchResponse& response, std::int64_t now) const override;
    std::string credentialsHint(const store::Source& source) const override;
};

// The platform's entry in the registry: one connector per kind.
std::vector<const Connector*> blueskyConnectors();

}  // namespace earshot::connectors
