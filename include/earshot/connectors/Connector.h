// Platform connectors. Every source kind other than "feed" listens to a social platform's
// API: its connector builds the requests of one poll (a first page, then as many more as
// the platform and the poll's limits allow) and turns each answer into mentions with their
// authors and threads. The engine fetches, stores and schedules them as it does feeds.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "earshot/core/Result.h"
#include "earshot/core/Text.h"
#include "earshot/connectors/SourceKind.h"
#include "earshot/net/Fetcher.h"
#include "earshot/store/Mentions.h"
#include "earshot/store/SourceStore.h"

namespace earshot::connectors {

// A platform's request budget as its last answer told it.
struct RateBudget {
    std::optional<std::int64_t> limit;
    std::optional<std::int64_t> remaining;
    std::optional<std::int64_t> resetAt;         // unix seconds
    std::optional<std::int64_t> backoffSeconds;  // "do not call again for N s" (Stack Exchange)

    // Whether to stop before the limit: at most a twentieth (and at least 2) left.
    bool nearlySpent() const;
};

// Reads X-RateLimit-* (Mastodon: reset as an ISO 8601 time) and RateLimit-* (Bluesky:
// reset in unix seconds; a small number is read as seconds from now, as the IETF draft has it).
RateBudget readRateHeaders(const net::FetchResponse& response, std::int64_t now);

struct Refusal;

// Where a newest-first source stands (Hacker News, Stack Exchange, Bluesky search, Discourse's
// latest posts; times or ids): everything after `seen` is read, except, when a poll had to
// stop paging back before it reached where the last one ended (more was said than one poll
// reads), the window from `gapFrom` up to, not including, `gapBefore`, which the next polls
// read first. Kept in the source's cursor as "seen" or "seen gapFrom gapBefore".
struct Catchup {
    std::int64_t seen = 0;
    std::int64_t gapFrom = 0;
    std::int64_t gapBefore = 0;  // 0: no gap

    bool hasGap() const { return gapBefore > 0; }
    // How far back this poll reads.
    std::int64_t readBackTo() const { return hasGap() ? gapFrom : seen; }
    // The same, a little earlier for time cursors: a search index takes some posts in late
    // (and Bluesky filters by a time that may lie before the one it sorts by); what is read
    // twice is recognised.
    std::int64_t askFrom() const { return std::max<std::int64_t>(0, readBackTo() - kLateIndexingSeconds); }
    static constexpr std::int64_t kLateIndexingSeconds = 5 * 60;
    static Catchup parse(std::string_view cursor);
    std::string text() const;
};

// One answer, read.
struct Page {
    std::vector<store::NewMention> mentions;
    // Where the next poll should start, when this page moves it (newest id or time seen).
    std::optional<std::string> cursor;
    // More to read in this poll: the next page, or threads to look into. The engine sends
    // them one at a time, up to kMaxRequestsPerPoll for the source.
    std::vector<net::FetchRequest> more;
    RateBudget budget;
    // Newest-first paging stopped before reaching back to where the last poll ended: what
    // lies between there and this point (exclusive) is read by the next polls (see Catchup).
    std::optional<std::int64_t> stoppedBefore;
    // The answer says the source cannot be read as it is (e.g. a server's settings say its
    // timelines need a token): the poll stops and the source shows this.
    std::shared_ptr<Refusal> refusal;
};

// How the platform's refusal reads to a person, and what the engine should do about it.
struct Refusal {
    std::string message;
    bool needsCredentials = false;               // 401/403: only a person can fix it
    std::optional<std::int64_t> retryAfterSeconds;
    // Not a refusal of the source after all: the poll goes on with this request (an
    // optional question the server did not answer, say).
    std::optional<net::FetchRequest> goOnWith;
};

// A reply an agent wrote, and what it answers, as a connector needs it to post.
struct ReplyRequest {
    std::string text;
    std::string idempotencyKey;       // the same on every attempt at this reply
    std::int64_t recordedAtMicros = 0;
    std::string visibility;           // Mastodon: public|unlisted|private|direct; empty: the post's
    std::string postExternalId;       // the post answered
    std::string postPlatformId;
    std::string postPlatformRef;      // JSON, as the connector stored it
    std::string authorHandle;         // who wrote that post
};

// Where a posted reply now lives.
struct Published {
    std::string postId;
    std::string url;
};

class Connector;
// The secret (token, app password, key) a source is polled and answered with, or empty.
using CredentialLookup = std::function<std::string(const store::Source&, const Connector&)>;

// One kind of source of one platform. A platform's connectors live in their own files
// (src/connectors/<Platform>Connector.h/.cpp) and are listed in src/connectors/Registry.cpp.
class Connector {
public:
    virtual ~Connector() = default;

    // What the platform and this kind say about themselves (see SourceKind.h).
    virtual const PlatformInfo& platformInfo() const = 0;
    virtual const KindInfo& kindInfo() const = 0;

    std::string_view kind() const { return kindInfo().kind; }            // "mastodon-tag", "hn-search", …
    std::string_view platform() const { return platformInfo().name; }   // the authors' platform: "mastodon", …
    // The environment variable the CLI reads this kind's secret from, or empty when the
    // platform needs none.
    std::string_view credentialVariable() const
    {
        return platformInfo().secret ? platformInfo().secret->variable : std::string_view();
    }
    // Whether Earshot posts replies on this platform (else agents post by hand).
    bool canReply() const { return platformInfo().canPost; }

    // The source `spec` describes: the API address to poll, a name, the settings. Called by
    // makePlatformSource once every required field is there and is UTF-8.
    virtual Result<store::Source> makeSource(const PlatformSourceSpec& spec) const = 0;
    // The host the secret of `source` is sent to: the server it posts from or signs in to
    // when its settings name one, else its API address's.
    virtual std::string secretHost(const store::Source& source) const;

    // The request that starts a poll. `secret` is the token, app password or key, or empty.
    virtual Result<net::FetchRequest> firstRequest(const store::Source& source, const std::string& secret) const = 0;
    // Reads a 2xx answer to request number `page` of this poll (0: the first request, then
    // the "more" requests in the order given).
    virtual Result<Page> read(const store::Source& source, const net::FetchResponse& response, int page,
                              const std::string& secret) const = 0;
    // A non-2xx answer: by default 401/403 need credentials (see credentialsHint) and 429
    // waits for Retry-After or the rate headers' reset.
    virtual Refusal refusal(const store::Source& source, const net::FetchResponse& response, std::int64_t now) const;
    // What a person must do when the platform wants credentials.
    virtual std::string credentialsHint(const store::Source& source) const = 0;

    // Posts `reply` through `fetcher`: one request, or a few (a session or a lookup first).
    // Only called when canReply().
    virtual Result<Published> publish(net::Fetcher& fetcher, const store::Source& source, const ReplyRequest& reply,
                                      const std::string& secret) const;
};

using core::hostOf;

// nullptr for "feed" and unknown kinds.
const Connector* connectorFor(std::string_view kind);
// Every kind of every platform in the registry, platform by platform.
const std::vector<const Connector*>& allConnectors();
// Every field name any kind takes, in the registry's order, each once: the CLI's options.
std::vector<FieldInfo> allFields();

// How many pages one poll reads at most: a first poll reaches a little into the past, later
// polls catch up on what came since.
constexpr int kFirstPollPages = 3;
constexpr int kCatchUpPages = 10;
constexpr int kMaxRequestsPerPoll = 20;

}  // namespace earshot::connectors
