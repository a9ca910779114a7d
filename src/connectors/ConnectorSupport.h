// What the connectors share: reading JSON answers and settings, building query strings,
// and turning a platform's HTML or dates into the store's terms.
#pragma once

#include <algorithm>
#include <cstdint>
#include <ctime>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "earshot/connectors/Connector.h"
#include "earshot/core/Result.h"
#include "earshot/net/Fetcher.h"
#include "earshot/store/Mentions.h"
#include "earshot/store/SourceStore.h"

namespace earshot::connectors {

using Json = nlohmann::json;

// The body as JSON, or an error naming the platform ("Mastodon sent something that is not JSON").
Result<Json> parseJson(std::string_view body, std::string_view platform);
// An answer's body as JSON where only a value is wanted: null when it is not JSON, or nests
// deeper than any API does (parsing that could take hundreds of MiB).
Json parseJsonOrNull(std::string_view body);

// The source's settings object; an empty object when there are none or they do not parse.
Json settingsOf(const store::Source& source);

// Member `key` of `object` as text whatever its JSON type (ids come as numbers or strings),
// or empty when missing or null.
std::string text(const Json& object, std::string_view key);
std::optional<std::int64_t> integer(const Json& object, std::string_view key);
// Whether member `key` is JSON's true; a missing member, null, a number or a string is not.
bool isTrue(const Json& object, std::string_view key);
// A stored cursor or header as a number; nullopt when it is not one.
std::optional<std::int64_t> parseInteger(std::string_view text);

// "https://forum.example/" -> "https://forum.example"
std::string withoutTrailingSlash(std::string url);
// "mastodon.social" -> "https://mastodon.social", as people type a server; no trailing slash.
std::string asAddress(const std::string& text);
// "#vondelfiets" -> "vondelfiets", "@brand" -> "brand".
std::string withoutLeading(std::string text, char mark);

// Percent-encodes for a query string (RFC 3986 unreserved characters stay).
std::string urlEncode(std::string_view text);
// The decoded value of query parameter `name` in `url`; empty when it is not there.
std::string queryParameter(std::string_view url, std::string_view name);
// url + ('?' or '&') + name=encoded value.
std::string withParameter(std::string url, std::string_view name, std::string_view value);

// HTML from a platform (Mastodon's content, Discourse's cooked, HN's comment_text) as the
// plain text the store keeps.
std::string plainText(std::string_view html);
// An ISO 8601 / RFC 3339 time as unix seconds.
std::optional<std::int64_t> isoTime(std::string_view text);

// Maps each object of `items` that has `idKey` with `mentionOf` into `out`; returns the
// newest publishedAt among them (0 when none), which newest-first platforms keep as cursor.
template <class MentionOf>
std::int64_t appendMentions(const Json& items, std::string_view idKey, MentionOf mentionOf,
                            std::vector<store::NewMention>& out)
{
    std::int64_t newest = 0;
    for (const Json& item : items) {
        if (!item.is_object() || text(item, idKey).empty())
            continue;
        out.push_back(mentionOf(item));
        newest = std::max(newest, out.back().publishedAt.value_or(0));
    }
    return newest;
}

// The oldest publishedAt among `mentions`; 0 when none has one.
std::int64_t oldestPublished(const std::vector<store::NewMention>& mentions);

// Sends one request now and waits for its answer (replies go one step at a time).
net::FetchResponse fetchNow(net::Fetcher& fetcher, net::FetchRequest request);

// "HTTP 422 … (what the platform said)": a failed step of posting, for the agent.
std::string failureText(std::string_view platform, const net::FetchResponse& response);

// A platform's error body in one line: Mastodon's {"error"}, Bluesky's {"error","message"},
// Discourse's {"errors":[…]}, Stack Exchange's {"error_name","error_message"}; else empty.
std::string errorText(std::string_view body);

}  // namespace earshot::connectors
