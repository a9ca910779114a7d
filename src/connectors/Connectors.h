// The connectors, one class per platform (see Connector.h for the contract).
#pragma once

#include "earshot/connectors/Connector.h"

namespace earshot::connectors {

// Mastodon, any server: a hashtag timeline (/api/v1/timelines/tag/:tag), an account's posts
// (/api/v1/accounts/:id/statuses, the id looked up by name), and with the brand account's
// token a search (/api/v2/search) and the account's mentions (/api/v1/notifications). A
// token, when given, is sent as a bearer token; a hashtag source's first poll without one
// asks /api/v2/instance whether the server shows its hashtag timelines to anyone.
class MastodonConnector : public Connector {
public:
    enum class Listen { Tag, Account, Search, Mentions };
    explicit MastodonConnector(Listen listen) : m_listen(listen) {}

    std::string_view kind() const override;
    std::string_view platform() const override { return "mastodon"; }
    std::string_view credentialVariable() const override { return "EARSHOT_MASTODON_TOKEN"; }
    Result<net::FetchRequest> firstRequest(const store::Source& source, const std::string& secret) const override;
    Result<Page> read(const store::Source& source, const net::FetchResponse& response, int page,
                      const std::string& secret) const override;
    Refusal refusal(const store::Source& source, const net::FetchResponse& response, std::int64_t now) const override;
    std::string credentialsHint(const store::Source& source) const override;
    bool canReply() const override { return true; }
    Result<Published> publish(net::Fetcher& fetcher, const store::Source& source, const ReplyRequest& reply,
                              const std::string& secret) const override;

private:
    // Requests a poll makes before the first page of statuses (an instance check, a lookup).
    int preliminaries(const store::Source& source, const std::string& secret) const;

    Listen m_listen;
};

// A Bluesky account's posts and replies (app.bsky.feed.getAuthorFeed), no login needed.
// Replies are posted as the account whose app password is given (a session is opened with
// com.atproto.server.createSession on the account's server, by default bsky.social).
class BlueskyAuthorConnector : public Connector {
public:
    std::string_view kind() const override { return "bluesky-author"; }
    std::string_view platform() const override { return "bluesky"; }
    std::string_view credentialVariable() const override { return "EARSHOT_BLUESKY_APP_PASSWORD"; }
    Result<net::FetchRequest> firstRequest(const store::Source& source, const std::string& secret) const override;
    Result<Page> read(const store::Source& source, const net::FetchResponse& response, int page,
                      const std::string& secret) const override;
    std::string credentialsHint(const store::Source& source) const override;
    bool canReply() const override { return true; }
    Result<Published> publish(net::Fetcher& fetcher, const store::Source& source, const ReplyRequest& reply,
                              const std::string& secret) const override;
};

// Bluesky posts that match a search (app.bsky.feed.searchPosts, sort=latest, since the
// newest seen). Bluesky answers searches only for a signed-in account: the poll opens a
// session with the account's app password (com.atproto.server.createSession), renews it with
// refreshSession when it expires, and searches through the account's server.
class BlueskySearchConnector : public BlueskyAuthorConnector {
public:
    std::string_view kind() const override { return "bluesky-search"; }
    Result<net::FetchRequest> firstRequest(const store::Source& source, const std::string& secret) const override;
    Result<Page> read(const store::Source& source, const net::FetchResponse& response, int page,
                      const std::string& secret) const override;
    Refusal refusal(const store::Source& source, const net::FetchResponse& response, std::int64_t now) const override;
    std::string credentialsHint(const store::Source& source) const override;
};

// A Discourse forum: its latest posts (/posts.json) or a search (/search.json, order:latest).
// With a user API key (User-Api-Key header) it reads members-only forums and posts replies.
class DiscourseConnector : public Connector {
public:
    enum class Listen { LatestPosts, Search };
    explicit DiscourseConnector(Listen listen) : m_listen(listen) {}

    std::string_view kind() const override
    {
        return m_listen == Listen::LatestPosts ? "discourse-latest" : "discourse-search";
    }
    std::string_view platform() const override { return "discourse"; }
    std::string_view credentialVariable() const override { return "EARSHOT_DISCOURSE_API_KEY"; }
    Result<net::FetchRequest> firstRequest(const store::Source& source, const std::string& secret) const override;
    Result<Page> read(const store::Source& source, const net::FetchResponse& response, int page,
                      const std::string& secret) const override;
    std::string credentialsHint(const store::Source& source) const override;
    bool canReply() const override { return true; }
    Result<Published> publish(net::Fetcher& fetcher, const store::Source& source, const ReplyRequest& reply,
                              const std::string& secret) const override;

private:
    Listen m_listen;
};

// Hacker News stories and comments through Algolia's search_by_date. Listen only.
class HackerNewsConnector : public Connector {
public:
    std::string_view kind() const override { return "hn-search"; }
    std::string_view platform() const override { return "hackernews"; }
    Result<net::FetchRequest> firstRequest(const store::Source& source, const std::string& secret) const override;
    Result<Page> read(const store::Source& source, const net::FetchResponse& response, int page,
                      const std::string& secret) const override;
    std::string credentialsHint(const store::Source& source) const override;
};

// Stack Exchange questions (/2.3/search/advanced) on one site, keyless or with an app key.
// Listen only. Honours the API's `backoff` and reads its quota from every answer.
class StackExchangeConnector : public Connector {
public:
    std::string_view kind() const override { return "stackexchange-search"; }
    std::string_view platform() const override { return "stackexchange"; }
    std::string_view credentialVariable() const override { return "EARSHOT_STACKEXCHANGE_KEY"; }
    Result<net::FetchRequest> firstRequest(const store::Source& source, const std::string& secret) const override;
    Result<Page> read(const store::Source& source, const net::FetchResponse& response, int page,
                      const std::string& secret) const override;
    Refusal refusal(const store::Source& source, const net::FetchResponse& response, std::int64_t now) const override;
    std::string credentialsHint(const store::Source& source) const override;
};

}  // namespace earshot::connectors
