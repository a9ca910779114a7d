#include "ConnectorSupport.h"

#include <mutex>

#include "earshot/checks/Graphemes.h"
#include "BlueskyConnector.h"

namespace earshot::connectors {

namespace {

constexpr int kFeedPageSize = 50;
constexpr int kThreadsPerPoll = 10;                 // threads looked into per poll
static_assert(2 + kThreadsPerPoll <= kMaxRequestsPerPoll, "two feed pages and the threads fit in one poll");
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

// The answer as JSON; `page` learns the rate budget it reports.
Result<Json> readAnswer(const net::FetchResponse& response, Page& page)
{
    auto body = parseJson(response.body, "Bluesky");
    if (body)
        page.budget = readRateHeaders(response, std::time(nullptr));
    return body;
}

net::FetchRequest createSessionRequest(std::int64_t key, const std::string& server, const std::string& account,
                                       const std::string& password)
{
    return {.key = key,
            .url = server + "/xrpc/com.atproto.server.createSession",
            .method = "POST",
            .body = Json{{"identifier", account}, {"password", password}}.dump(),
            .bodyType = "application/json"};
}

net::FetchRequest feedRequest(const store::Source& source, const std::string& cursor)
{
    std::string url = withParameter(source.url, "limit", std::to_string(kFeedPageSize));
    if (!cursor.empty())
        url = withParameter(url, "cursor", cursor);
    return {.key = source.id, .url = url};
}

}  // namespace

const PlatformInfo& BlueskyAuthorConnector::platformInfo() const
{
    static const PlatformInfo info{
        .name = "bluesky",
        .title = "Bluesky",
        .secret = SecretInfo{.variable = "EARSHOT_BLUESKY_APP_PASSWORD",
                             .what = "an app password of the brand's account",
                             .hint = "An app password of this account (bsky.app → Settings → Privacy and security → "
                                     "App passwords). Needed to reply and to search; reading an account needs none.",
                             .hostVariable = "EARSHOT_BLUESKY_HOST",
                             .defaultHost = "bsky.social"},
        .canPost = true};
    return info;
}

const KindInfo& BlueskyAuthorConnector::kindInfo() const
{
    static const KindInfo info{.kind = "bluesky-author",
                               .title = "Bluesky: an account and the replies to it",
                               .fields = {{.name = "actor", .what = "the account", .label = "A&ccount:",
                                           .metavar = "HANDLE", .example = "the brand's handle, e.g. vondelfiets.nl"}}};
    return info;
}

Result<store::Source> BlueskyAuthorConnector::makeSource(const PlatformSourceSpec& spec) const
{
    const std::string actor = withoutLeading(spec.actor, '@');
    if (actor.empty())
        return fail("the account (--actor) is needed for a bluesky-author source");
    const std::string api = spec.api.empty() ? "https://public.api.bsky.app" : asAddress(spec.api);
    store::Source source;
    source.kind = kind();
    source.url = withParameter(api + "/xrpc/app.bsky.feed.getAuthorFeed", "actor", actor);
    source.name = "@" + actor + " on Bluesky";
    Json settings = {{"actor", actor}};
    if (!spec.api.empty())
        settings["pds"] = asAddress(spec.api);  // a test server or mirror answers for both
    source.settings = settings.dump();
    return source;
}

std::string BlueskyAuthorConnector::secretHost(const store::Source& source) const
{
    const std::string pds = text(settingsOf(source), "pds");
    return pds.empty() ? std::string(platformInfo().secret->defaultHost) : hostOf(pds);
}

Result<net::FetchRequest> BlueskyAuthorConnector::firstRequest(const store::Source& source, const std::string&) const
{
    return feedRequest(source, {});
}

Result<Page> BlueskyAuthorConnector::read(const store::Source& source, const net::FetchResponse& response, int page,
                                          const std::string&) const
{
    Page out;
    auto body = readAnswer(response, out);
    if (!body)
        return body.error();
    const std::int64_t now = std::time(nullptr);
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
        // Customers answer under the account's posts: read the threads of recent ones, from
        // the newest page only, so that a poll stays within its requests and its cursor is kept.
        if (page == 0 && integer(post, "replyCount").value_or(0) > 0 && at > now - kThreadAge &&
            threads < kThreadsPerPoll) {
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

namespace {

constexpr std::size_t kMaxGraphemes = 300;  // app.bsky.feed.post's limit

// A record key in the AT Protocol's TID form (13 base32-sortable characters: microseconds
// and a clock id). Derived from the reply itself, so a retry writes the same record.
std::string recordKey(std::int64_t micros, std::string_view idempotencyKey)
{
    static constexpr char kAlphabet[] = "234567abcdefghijklmnopqrstuvwxyz";
    std::uint32_t clock = 0;
    for (char c : idempotencyKey)
        clock = clock * 31 + static_cast<unsigned char>(c);
    std::uint64_t value = (std::uint64_t(micros) << 10) | (clock & 0x3FF);
    std::string out(13, '2');
    for (int i = 12; i >= 0; --i, value >>= 5)
        out[std::size_t(i)] = kAlphabet[value & 31];
    return out;
}

std::string isoMicros(std::int64_t micros)
{
    const std::time_t seconds = micros / 1'000'000;
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char text[40];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &parts);
    char fraction[16];
    std::snprintf(fraction, sizeof fraction, ".%03dZ", int(micros / 1000 % 1000));
    return std::string(text) + fraction;
}

struct Session {
    std::string accessJwt;
    std::string refreshJwt;
    std::string did;
    std::string handle;
};

// Sessions live as long as the process: app passwords may open only 30 a five minutes.
std::mutex g_sessionsMutex;
std::map<std::string, Session> g_sessions;  // by server and account

bool expired(const net::FetchResponse& response)
{
    const std::string said = errorText(response.body);
    return response.httpStatus == 401 || said.rfind("ExpiredToken", 0) == 0;
}

Result<Session> readSession(const net::FetchResponse& response)
{
    const Json body = parseJsonOrNull(response.body);
    Session session{text(body, "accessJwt"), text(body, "refreshJwt"), text(body, "did"), text(body, "handle")};
    if (response.outcome != net::FetchOutcome::Ok || session.accessJwt.empty() || session.did.empty())
        return fail(failureText("Bluesky refused the login", response));
    return session;
}

std::string sessionKey(const std::string& server, const std::string& account) { return server + " " + account; }

std::optional<Session> cachedSession(const std::string& key)
{
    std::lock_guard lock(g_sessionsMutex);
    const auto it = g_sessions.find(key);
    return it == g_sessions.end() ? std::nullopt : std::optional<Session>(it->second);
}

void keepSession(const std::string& key, const Session& session)
{
    std::lock_guard lock(g_sessionsMutex);
    g_sessions[key] = session;
}

Result<Session> openSession(net::Fetcher& fetcher, const std::string& server, const std::string& account,
                            const std::string& password, bool renew)
{
    const std::string key = sessionKey(server, account);
    const std::optional<Session> known = cachedSession(key);
    if (known && !renew)
        return *known;
    std::optional<Result<Session>> opened;
    if (known) {  // refreshSession takes the refresh token as its bearer and no body
        opened = readSession(fetchNow(fetcher, {.key = 1,
                                                .url = server + "/xrpc/com.atproto.server.refreshSession",
                                                .headers = {"Authorization: Bearer " + known->refreshJwt},
                                                .method = "POST"}));
    }
    if (!opened || !*opened) {
        opened = readSession(fetchNow(fetcher, createSessionRequest(1, server, account, password)));
    }
    if (*opened)
        keepSession(key, **opened);
    return *opened;
}

}  // namespace

Result<Published> BlueskyAuthorConnector::publish(net::Fetcher& fetcher, const store::Source& source,
                                                  const ReplyRequest& reply, const std::string& secret) const
{
    if (const std::size_t graphemes = checks::countGraphemes(reply.text); graphemes > kMaxGraphemes)
        return fail("Bluesky takes at most 300 characters; this reply has " + std::to_string(graphemes) +
                    ": shorten it");
    const Json settings = settingsOf(source);
    const std::string account = text(settings, "account").empty() ? text(settings, "actor") : text(settings, "account");
    if (secret.empty() || account.empty())
        return fail("Bluesky: posting needs the account's handle and an app password (bsky.app → Settings → "
                    "Privacy and security → App passwords; EARSHOT_BLUESKY_APP_PASSWORD for the command line)");
    const std::string server = text(settings, "pds").empty() ? "https://bsky.social" : text(settings, "pds");
    const Json ref = Json::parse(reply.postPlatformRef, nullptr, false);
    const Json parent = ref.value("post", Json::object());
    const Json root = ref.value("root", parent);
    if (text(parent, "uri").empty() || text(parent, "cid").empty())
        return fail("Bluesky: the post's reference (URI and CID) is missing; open it on bsky.app and answer there");
    const std::string rkey = recordKey(reply.recordedAtMicros, reply.idempotencyKey);
    const Json record = {{"$type", "app.bsky.feed.post"},
                         {"text", reply.text},
                         {"createdAt", isoMicros(reply.recordedAtMicros)},
                         {"reply", {{"root", root}, {"parent", parent}}}};
    net::FetchResponse posted;
    Result<Session> session = fail("no session");
    for (bool renew : {false, true}) {  // an expired session is renewed once
        session = openSession(fetcher, server, account, secret, renew);
        if (!session)
            return session.error();
        posted = fetchNow(fetcher, {.key = 1,
                                    .url = server + "/xrpc/com.atproto.repo.createRecord",
                                    .headers = {"Authorization: Bearer " + session->accessJwt},
                                    .method = "POST",
                                    .body = Json{{"repo", session->did},
                                                 {"collection", "app.bsky.feed.post"},
                                                 {"rkey", rkey},
                                                 {"record", record}}
                                                .dump(),
                                    .bodyType = "application/json"});
        if (!expired(posted))
            break;
    }
    const std::string uri = "at://" + session->did + "/app.bsky.feed.post/" + rkey;
    const std::string handle = session->handle.empty() ? account : session->handle;
    if (posted.outcome == net::FetchOutcome::Ok)
        return Published{uri, webUrl(uri, handle)};
    // A retry after a lost answer finds its record already written (servers refuse the second
    // write in different words, some with a 500): when the record is there, that is the reply.
    const net::FetchResponse existing = fetchNow(
        fetcher, {.key = 1,
                  .url = withParameter(withParameter(withParameter(server + "/xrpc/com.atproto.repo.getRecord", "repo",
                                                                   session->did),
                                                     "collection", "app.bsky.feed.post"),
                                       "rkey", rkey),
                  .headers = {"Authorization: Bearer " + session->accessJwt}});
    const Json found = parseJsonOrNull(existing.body);
    if (existing.outcome == net::FetchOutcome::Ok && found.is_object() &&
        found.value("value", Json::object()).value("text", std::string()) == reply.text)
        return Published{uri, webUrl(uri, handle)};
    return fail(failureText("Bluesky did not post the reply", posted));
}

std::string BlueskyAuthorConnector::credentialsHint(const store::Source&) const
{
    return "Bluesky refused to show this account's posts without a login (the account may limit who "
           "sees them); check the handle, or listen to another account";
}

namespace {

struct SearchAccount {
    std::string server;
    std::string account;
    std::string key;
};

SearchAccount searchAccountOf(const store::Source& source)
{
    const Json settings = settingsOf(source);
    SearchAccount out{text(settings, "pds"), text(settings, "account"), {}};
    if (out.server.empty())
        out.server = source.url.substr(0, source.url.find("/xrpc/"));
    out.key = sessionKey(out.server, out.account);
    return out;
}

net::FetchRequest searchRequest(const store::Source& source, const Session& session, const std::string& cursor)
{
    std::string url = withParameter(source.url, "limit", "50");
    const Catchup at = Catchup::parse(source.cursor);
    if (at.seen > 0)
        url = withParameter(url, "since", isoMicros(at.askFrom() * 1'000'000));
    if (at.hasGap())
        url = withParameter(url, "until", isoMicros(at.gapBefore * 1'000'000));  // not inclusive
    if (!cursor.empty())
        url = withParameter(url, "cursor", cursor);
    return {.key = source.id, .url = url, .headers = {"Authorization: Bearer " + session.accessJwt}};
}

}  // namespace

const KindInfo& BlueskySearchConnector::kindInfo() const
{
    static const KindInfo info{
        .kind = "bluesky-search",
        .title = "Bluesky: a search (app password)",
        .fields = {{.name = "query", .what = "what to search for", .label = "Se&arch for:", .metavar = "TEXT",
                    .example = "words to search for, e.g. vondelfiets"},
                   {.name = "actor", .what = "the account that searches", .label = "A&ccount:", .metavar = "YOUR-HANDLE",
                    .example = "the brand's handle, e.g. vondelfiets.nl", .storedAs = "account"}},
        .needsSecret = "needs an app password"};
    return info;
}

Result<store::Source> BlueskySearchConnector::makeSource(const PlatformSourceSpec& spec) const
{
    const std::string account = withoutLeading(spec.actor, '@');
    if (account.empty())
        return fail("the account that searches (--actor) is needed for a bluesky-search source");
    // Searching needs a session, so it goes through the account's server.
    const std::string server = spec.api.empty() ? "https://bsky.social" : asAddress(spec.api);
    store::Source source;
    source.kind = kind();
    source.url = withParameter(withParameter(server + "/xrpc/app.bsky.feed.searchPosts", "q", spec.query), "sort",
                               "latest");
    source.name = "Bluesky: " + spec.query;
    source.settings = Json{{"query", spec.query}, {"account", account}, {"pds", server}}.dump();
    return source;
}

std::vector<const Connector*> blueskyConnectors()
{
    static const BlueskyAuthorConnector author;
    static const BlueskySearchConnector search;
    return {&author, &search};
}

Result<net::FetchRequest> BlueskySearchConnector::firstRequest(const store::Source& source,
                                                               const std::string& secret) const
{
    const SearchAccount at = searchAccountOf(source);
    if (const auto session = cachedSession(at.key))
        return searchRequest(source, *session, {});
    return createSessionRequest(source.id, at.server, at.account, secret);
}

Result<Page> BlueskySearchConnector::read(const store::Source& source, const net::FetchResponse& response, int page,
                                          const std::string&) const
{
    Page out;
    auto body = readAnswer(response, out);
    if (!body)
        return body.error();
    if (body->contains("accessJwt")) {  // a session opened or renewed: now search
        auto session = readSession(response);
        if (!session)
            return session.error();
        keepSession(searchAccountOf(source).key, *session);
        out.more.push_back(searchRequest(source, *session, {}));
        return out;
    }
    const auto posts = body->find("posts");
    if (posts == body->end() || !posts->is_array())
        return fail("Bluesky answered without \"posts\" — is the address an app.bsky.feed.searchPosts URL?");
    std::int64_t newest = 0;
    std::int64_t oldest = 0;
    for (const Json& post : *posts) {
        auto m = mentionOf(post);
        if (!m)
            continue;
        // The server's time: a poster's createdAt may lie in the future and stall `since`.
        const std::int64_t at = isoTime(text(post, "indexedAt")).value_or(m->publishedAt.value_or(0));
        newest = std::max(newest, at);
        oldest = oldest == 0 ? at : std::min(oldest, at);
        out.mentions.push_back(std::move(*m));
    }
    // The page asked without a cursor is the newest; the next ones go back in time.
    const Catchup at = Catchup::parse(source.cursor);
    const bool firstPage = response.effectiveUrl.find("cursor=") == std::string::npos;
    if (firstPage && at.hasGap())
        out.cursor = Catchup{.seen = at.seen}.text();  // the window is read; newer ones were before
    else if (firstPage && newest > 0)
        out.cursor = std::to_string(newest);
    const int allowed = (at.seen == 0 ? kFirstPollPages : kCatchUpPages) + 1;  // a session may come first
    const std::string next = text(*body, "cursor");
    const auto session = cachedSession(searchAccountOf(source).key);
    if (!next.empty() && oldest > at.readBackTo()) {
        // Without a session (another source's refusal ended the shared one) the rest waits too.
        if (session && page + 1 < allowed)
            out.more.push_back(searchRequest(source, *session, next));
        else if (at.seen > 0)
            out.stoppedBefore = oldest + 1;  // its second may hold more
    }
    return out;
}

Refusal BlueskySearchConnector::refusal(const store::Source& source, const net::FetchResponse& response,
                                        std::int64_t now) const
{
    // An expired session is renewed with its refresh token, and the search goes on.
    const SearchAccount at = searchAccountOf(source);
    const auto session = cachedSession(at.key);
    const bool searching = response.effectiveUrl.find("searchPosts") != std::string::npos;
    if (searching && session && expired(response)) {
        Refusal out;
        out.goOnWith = net::FetchRequest{.key = source.id,
                                         .url = at.server + "/xrpc/com.atproto.server.refreshSession",
                                         .headers = {"Authorization: Bearer " + session->refreshJwt},
                                         .method = "POST"};
        return out;
    }
    {
        std::lock_guard lock(g_sessionsMutex);
        g_sessions.erase(at.key);  // a refused session is opened anew next time
    }
    return Connector::refusal(source, response, now);
}

std::string BlueskySearchConnector::credentialsHint(const store::Source& source) const
{
    return "Bluesky searches only for a signed-in account: give the app password of @" +
           searchAccountOf(source).account +
           " (bsky.app → Settings → Privacy and security → App passwords; EARSHOT_BLUESKY_APP_PASSWORD for the "
           "command line)";
}

}  // namespace earshot::connectors
