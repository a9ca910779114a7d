// The connectors, one class per platform (see Connector.h for the contract).
#pragma once

#include "earshot/connectors/Connector.h"

namespace earshot::connectors {

// Mastodon's hashtag timeline on any server (GET /api/v1/timelines/tag/:tag). A token, when
// given, is sent as a bearer token (servers that keep their timelines for members need one).
class MastodonTagConnector : public Connector {
public:
    std::string_view kind() const override { return "mastodon-tag"; }
    std::string_view platform() const override { return "mastodon"; }
    std::string_view credentialVariable() const override { return "EARSHOT_MASTODON_TOKEN"; }
    Result<net::FetchRequest> firstRequest(const store::Source& source, const std::string& secret) const override;
    Result<Page> read(const store::Source& source, const net::FetchResponse& response, int page,
                      const std::string& secret) const override;
    std::string credentialsHint(const store::Source& source) const override;
    bool canReply() const override { return true; }
    Result<Published> publish(net::Fetcher& fetcher, const store::Source& source, const ReplyRequest& reply,
                              const std::string& secret) const override;
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
