#include "ConnectorSupport.h"
#include "Connectors.h"

namespace earshot::connectors {

namespace {

constexpr int kFeedPageSize = 50;
constexpr int kThreadsPerPoll = 10;                 // threads looked into per poll
constexpr std::int64_t kThreadAge = 7 * 24 * 3600;  // replies to posts older than this are not sought
constexpr int kThreadDepth = 6;

std::string apiBase(const std::string& url)
{
    const std::size_t xrpc = url.find("/xrpc/");
    return xrpc == std::string::npos ? url : url.substr(0, xrpc);
}

// at://did/app.bsky.feed.post/rkey -> https://bsky.app/profile/handle/post/rkey
std::string webUrl(const std::string& atUri, const std::string& handle)
{
    const std::size_t slash = atUri.rfind('/');
    if (slash == std::string::npos || handle.empty())
        return atUri;
    return "https://bsky.app/profile/" + handle + "/post/" + atUri.substr(slash + 1);
}

std::optional<store::NewMention> mentionOf(const Json& post)
{
    if (!post.is_object() || text(post, "uri").empty())
        return std::nullopt;
    const Json& record = post.contains("record") ? post["record"] : Json::object();
    const Json& author = post.contains("author") ? post["author"] : Json::object();
    store::NewMention m;
    m.externalId = text(post, "uri");
    std::string handle = text(author, "handle");
    if (handle.empty() || handle == "handle.invalid")
        handle = text(author, "did");
    m.link = webUrl(m.externalId, handle);
    m.body = text(record, "text");  // plain text already
    m.publishedAt = isoTime(text(record, "createdAt"));
    if (!m.publishedAt)
        m.publishedAt = isoTime(text(post, "indexedAt"));
    Json self = {{"uri", m.externalId}, {"cid", text(post, "cid")}};
    Json root = self;
    if (const auto reply = record.find("reply"); reply != record.end() && reply->is_object()) {
        m.replyTo = text(reply->value("parent", Json::object()), "uri");
        root = {{"uri", text(reply->value("root", Json::object()), "uri")},
                {"cid", text(reply->value("root", Json::object()), "cid")}};
    }
    m.threadId = text(root, "uri");
    m.platformRef = Json{{"post", self}, {"root", root}}.dump();
    const std::string name = text(author, "displayName");
    m.author = {.platform = "bluesky",
                .handle = handle,
                .displayName = name.empty() ? handle : name,
                .profileUrl = "https://bsky.app/profile/" + handle};
    return m;
}

// Every post of a thread view, its replies' replies included.
void collectThread(const Json& view, std::vector<store::NewMention>& out, int depth)
{
    if (!view.is_object() || depth > kThreadDepth)
        return;
    if (auto m = mentionOf(view.value("post", Json())))
        out.push_back(std::move(*m));
    if (const auto replies = view.find("replies"); replies != view.end() && replies->is_array())
        for (const Json& reply : *replies)
            collectThread(reply, out, depth + 1);
}

net::FetchRequest feedRequest(const store::Source& source, const std::string& cursor)
{
    std::string url = withParameter(source.url, "limit", std::to_string(kFeedPageSize));
    if (!cursor.empty())
        url = withParameter(url, "cursor", cursor);
    return {.key = source.id, .url = url};
}

}  // namespace

Result<net::FetchRequest> BlueskyAuthorConnector::firstRequest(const store::Source& source, const std::string&) const
{
    return feedRequest(source, {});
}

Result<Page> BlueskyAuthorConnector::read(const store::Source& source, const net::FetchResponse& response, int page,
                                          const std::string&) const
{
    auto body = parseJson(response.body, "Bluesky");
    if (!body)
        return body.error();
    Page out;
    const std::int64_t now = std::time(nullptr);
    out.budget = readRateHeaders(response, now);
    if (body->contains("thread")) {  // an answer to one of the thread requests below
        collectThread((*body)["thread"], out.mentions, 0);
        return out;
    }
    const auto feed = body->find("feed");
    if (feed == body->end() || !feed->is_array())
        return fail("Bluesky answered without a \"feed\" — is the address an app.bsky.feed.getAuthorFeed URL?");
    const std::int64_t seenUpTo = parseInteger(source.cursor).value_or(0);
    std::int64_t newest = 0;
    std::int64_t oldest = 0;
    int threads = 0;
    for (const Json& item : *feed) {
        if (!item.is_object() || item.contains("reason"))
            continue;  // reposts are other people's posts
        const Json& post = item.value("post", Json::object());
        auto m = mentionOf(post);
        if (!m)
            continue;
        const std::int64_t at = m->publishedAt.value_or(0);
        newest = std::max(newest, at);
        oldest = oldest == 0 ? at : std::min(oldest, at);
        // Customers answer under the account's posts: read the threads of recent ones.
        if (integer(post, "replyCount").value_or(0) > 0 && at > now - kThreadAge && threads < kThreadsPerPoll) {
            ++threads;
            out.more.push_back({.key = source.id,
                                .url = withParameter(withParameter(apiBase(source.url) +
                                                                       "/xrpc/app.bsky.feed.getPostThread",
                                                                   "uri", m->externalId),
                                                     "depth", std::to_string(kThreadDepth))});
        }
        out.mentions.push_back(std::move(*m));
    }
    if (page == 0 && newest > 0)
        out.cursor = std::to_string(newest);
    const std::string next = text(*body, "cursor");
    const int allowed = seenUpTo == 0 ? kFirstPollPages : kCatchUpPages;
    if (page == 0 && !next.empty() && oldest > seenUpTo && allowed > 1)
        out.more.insert(out.more.begin(), feedRequest(source, next));
    return out;
}

std::string BlueskyAuthorConnector::credentialsHint(const store::Source&) const
{
    return "Bluesky refused to show this account's posts without a login (the account may limit who "
           "sees them); check the handle, or listen to another account";
}

}  // namespace earshot::connectors
