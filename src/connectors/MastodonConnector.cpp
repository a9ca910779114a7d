#include "ConnectorSupport.h"
#include "MastodonConnector.h"

namespace earshot::connectors {

namespace {

constexpr int kPageSize = 40;  // the most the API gives per request

// Mastodon ids are strings that sort by length, then character by character.
bool newerId(const std::string& a, const std::string& b)
{
    return a.size() != b.size() ? a.size() > b.size() : a > b;
}

// "https://server/api/v1/timelines/tag/x" -> "https://server"
std::string serverOf(const std::string& apiUrl)
{
    const std::size_t api = apiUrl.find("/api/v");
    return api == std::string::npos ? apiUrl : apiUrl.substr(0, api);
}

// A token belongs to the server the brand posts from (post_instance, else the one listened
// to); listening to another server goes without it, so it never reaches that server.
net::FetchRequest withToken(const store::Source& source, std::string url, const std::string& token)
{
    net::FetchRequest out{.key = source.id, .url = std::move(url)};
    const std::string postFrom = text(settingsOf(source), "post_instance");
    if (!token.empty() && (postFrom.empty() || hostOf(postFrom) == hostOf(out.url)))
        out.headers.push_back("Authorization: Bearer " + token);
    return out;
}

// A page of a list of statuses (or notifications): `parameter` is min_id to read forward
// from an id, max_id to read back from one.
net::FetchRequest listRequest(const store::Source& source, const std::string& listUrl, const std::string& token,
                              const std::string& parameter, const std::string& id)
{
    std::string url = withParameter(listUrl, "limit", std::to_string(kPageSize));
    if (!id.empty())
        url = withParameter(url, parameter, id);
    return withToken(source, url, token);
}

store::NewMention mentionOf(const Json& status, const std::string& instanceHost)
{
    store::NewMention m;
    m.externalId = text(status, "uri");  // the same post on every server
    m.platformId = text(status, "id");   // this server's id, which replies name
    m.replyTo = text(status, "in_reply_to_id");
    m.link = text(status, "url").empty() ? m.externalId : text(status, "url");
    const std::string warning = text(status, "spoiler_text");
    const std::string content = plainText(text(status, "content"));
    m.body = warning.empty() ? content : warning + " — " + content;
    m.publishedAt = isoTime(text(status, "created_at"));
    Json ref = {{"id", m.platformId}, {"url", m.link}, {"visibility", text(status, "visibility")}};
    if (const auto account = status.find("account"); account != status.end() && account->is_object()) {
        std::string acct = text(*account, "acct");
        if (!acct.empty() && acct.find('@') == std::string::npos)
            acct += "@" + instanceHost;  // local accounts come without their server
        const std::string name = text(*account, "display_name");
        m.author = {.platform = "mastodon",
                    .handle = acct,
                    .displayName = name.empty() ? text(*account, "username") : name,
                    .profileUrl = text(*account, "url"),
                    .followers = integer(*account, "followers_count")};
        ref["acct"] = acct;
    }
    m.platformRef = ref.dump();
    return m;
}

}  // namespace

const PlatformInfo& MastodonConnector::platformInfo() const
{
    static const PlatformInfo info{
        .name = "mastodon",
        .title = "Mastodon",
        .secret = SecretInfo{.variable = "EARSHOT_MASTODON_TOKEN",
                             .what = "the brand account's access token",
                             .hint = "The brand account's access token: Preferences → Development → New application "
                                     "(scopes read, write:statuses). For replies, searches, mentions, and servers "
                                     "that show timelines to members only.",
                             .hostVariable = "EARSHOT_MASTODON_HOST"},
        .canPost = true};
    return info;
}

namespace {

const FieldInfo kServer{.name = "instance", .what = "the server", .label = "Ser&ver:", .metavar = "URL",
                        .example = "mastodon.social"};

}  // namespace

const KindInfo& MastodonConnector::kindInfo() const
{
    static const KindInfo tag{.kind = "mastodon-tag",
                              .title = "Mastodon: a hashtag",
                              .fields = {kServer,
                                         {.name = "tag", .what = "the hashtag", .label = "&Hashtag:", .metavar = "NAME",
                                          .example = "vondelfiets (without #)"}}};
    static const KindInfo account{.kind = "mastodon-account",
                                  .title = "Mastodon: an account's posts",
                                  .fields = {kServer,
                                             {.name = "actor", .what = "the account", .label = "A&ccount:",
                                              .metavar = "NAME", .example = "the brand's handle, e.g. vondelfiets.nl"}}};
    static const KindInfo search{.kind = "mastodon-search",
                                 .title = "Mastodon: a search (token)",
                                 .fields = {kServer,
                                            {.name = "query", .what = "what to search for", .label = "Se&arch for:",
                                             .metavar = "TEXT", .example = "words to search for, e.g. vondelfiets"}},
                                 .needsSecret = "needs a token"};
    static const KindInfo mentions{.kind = "mastodon-mentions",
                                   .title = "Mastodon: the brand's mentions (token)",
                                   .fields = {kServer},
                                   .needsSecret = "needs a token"};
    switch (m_listen) {
    case Listen::Tag: return tag;
    case Listen::Account: return account;
    case Listen::Search: return search;
    case Listen::Mentions: break;
    }
    return mentions;
}

Result<store::Source> MastodonConnector::makeSource(const PlatformSourceSpec& spec) const
{
    store::Source source;
    source.kind = kind();
    const std::string instance = asAddress(spec.instance);
    const std::string api = withoutTrailingSlash(spec.api.empty() ? instance : asAddress(spec.api));
    Json settings = {{"instance", instance}};
    switch (m_listen) {
    case Listen::Tag: {
        const std::string tag = withoutLeading(spec.tag, '#');
        if (tag.empty())
            return fail("the hashtag (--tag) is needed for a mastodon-tag source");
        source.url = api + "/api/v1/timelines/tag/" + urlEncode(tag);
        source.name = "#" + tag + " on " + hostOf(instance);
        settings["tag"] = tag;
        break;
    }
    case Listen::Account: {
        const std::string account = withoutLeading(spec.actor, '@');
        if (account.empty())
            return fail("the account (--actor) is needed for a mastodon-account source");
        source.url = withParameter(api + "/api/v1/accounts/lookup", "acct", account);
        source.name = "@" + account + " on " + hostOf(instance);
        settings["actor"] = account;
        break;
    }
    case Listen::Search:
        source.url = withParameter(withParameter(api + "/api/v2/search", "q", spec.query), "type", "statuses");
        source.name = hostOf(instance) + ": " + spec.query;
        settings["query"] = spec.query;
        break;
    case Listen::Mentions:
        source.url = api + "/api/v1/notifications?types[]=mention";
        source.name = "Mentions of the brand on " + hostOf(instance);
        break;
    }
    source.settings = settings.dump();
    return source;
}

std::vector<const Connector*> mastodonConnectors()
{
    static const MastodonConnector tag(MastodonConnector::Listen::Tag);
    static const MastodonConnector account(MastodonConnector::Listen::Account);
    static const MastodonConnector search(MastodonConnector::Listen::Search);
    static const MastodonConnector mentions(MastodonConnector::Listen::Mentions);
    return {&tag, &account, &search, &mentions};
}

int MastodonConnector::preliminaries(const store::Source& source, const std::string& secret) const
{
    if (m_listen == Listen::Account)
        return 1;  // the account's id, looked up by its name
    // A hashtag source's first poll without a token asks the server whether it needs one.
    return m_listen == Listen::Tag && !source.lastPollAt && secret.empty() ? 1 : 0;
}

Result<net::FetchRequest> MastodonConnector::firstRequest(const store::Source& source, const std::string& secret) const
{
    if (m_listen == Listen::Account)
        return withToken(source, source.url, secret);
    if (preliminaries(source, secret) == 1)
        return withToken(source, serverOf(source.url) + "/api/v2/instance", secret);
    // Catching up: the statuses right after the newest seen, oldest chunk first.
    return listRequest(source, source.url, secret, "min_id", source.cursor);
}

Result<Page> MastodonConnector::read(const store::Source& source, const net::FetchResponse& response, int page,
                                     const std::string& secret) const
{
    auto body = parseJson(response.body, "Mastodon");
    if (!body)
        return body.error();
    Page out;
    out.budget = readRateHeaders(response, std::time(nullptr));
    if (body->is_object() && body->contains("configuration")) {  // /api/v2/instance
        const Json access = body->value("configuration", Json::object())
                                .value("timelines_access", Json::object())
                                .value("hashtag_feeds", Json::object());
        const std::string local = text(access, "local");
        const std::string remote = text(access, "remote");
        if ((!local.empty() && local != "public") || (!remote.empty() && remote != "public")) {
            out.refusal = std::make_shared<Refusal>(Refusal{
                .message = hostOf(source.url) + " shows its hashtag timelines to signed-in accounts only (local: " +
                           local + ", remote: " + remote + ") — " + credentialsHint(source),
                .needsCredentials = true});
            return out;
        }
        out.more.push_back(listRequest(source, source.url, secret, "min_id", source.cursor));
        return out;
    }
    if (body->is_object() && body->contains("acct")) {  // /api/v1/accounts/lookup
        const std::string id = text(*body, "id");
        out.more.push_back(listRequest(source, serverOf(source.url) + "/api/v1/accounts/" + urlEncode(id) + "/statuses",
                                       secret, "min_id", source.cursor));
        return out;
    }
    // Statuses come as a list; a search's inside {"statuses": …}; notifications carry theirs.
    const Json list = body->is_object() ? body->value("statuses", Json()) : *body;
    if (!list.is_array()) {
        const std::string error = errorText(response.body);
        return fail("Mastodon answered without a list of statuses" + (error.empty() ? "" : ": " + error) +
                    " — is the address a Mastodon server's?");
    }
    // Local accounts are named with the server listened to (not the address it was read through).
    const std::string instance = text(settingsOf(source), "instance");
    const std::string host = hostOf(instance.empty() ? source.url : instance);
    std::string newest, oldest;
    for (const Json& item : list) {
        // A notification is an object; anything else in the list carries nothing.
        const Json& carried = m_listen != Listen::Mentions ? item
                              : item.is_object()          ? item.value("status", Json())
                                                          : Json();
        // A boost carries the boosted status, which is what was said.
        const Json& status = carried.contains("reblog") && carried["reblog"].is_object() ? carried["reblog"] : carried;
        if (!status.is_object() || text(status, "uri").empty())
            continue;
        out.mentions.push_back(mentionOf(status, host));
        const std::string id = text(item, "id");  // the list's own ids page it
        if (newest.empty() || newerId(id, newest))
            newest = id;
        if (oldest.empty() || newerId(oldest, id))
            oldest = id;
    }
    const int statusPage = page - preliminaries(source, secret);
    // An account's statuses are read from the address its lookup gave; the rest from the source's.
    const std::string listUrl = m_listen == Listen::Account
                                    ? response.effectiveUrl.substr(0, response.effectiveUrl.find('?'))
                                    : source.url;
    const bool catchingUp = !source.cursor.empty();
    const bool full = int(list.size()) >= kPageSize;
    if (catchingUp && m_listen == Listen::Search) {
        // A search answers newest first whatever it is asked, min_id only filtering: page back
        // with max_id down to the cursor, which the newest page then moves.
        if (statusPage == 0 && !newest.empty())
            out.cursor = newest;
        if (full && statusPage + 1 < kCatchUpPages) {
            net::FetchRequest next = listRequest(source, listUrl, secret, "min_id", source.cursor);
            next.url = withParameter(next.url, "max_id", oldest);
            out.more.push_back(std::move(next));
        }
    } else if (catchingUp) {
        // Each page is newer than the last, so each moves the cursor.
        if (!newest.empty())
            out.cursor = newest;
        if (full && statusPage + 1 < kCatchUpPages)
            out.more.push_back(listRequest(source, listUrl, secret, "min_id", newest));
    } else {
        // A first poll reads the newest page, then goes back a few.
        if (statusPage == 0 && !newest.empty())
            out.cursor = newest;
        if (full && statusPage + 1 < kFirstPollPages)
            out.more.push_back(listRequest(source, listUrl, secret, "max_id", oldest));
    }
    return out;
}

Result<Published> MastodonConnector::publish(net::Fetcher& fetcher, const store::Source& source,
                                                const ReplyRequest& reply, const std::string& secret) const
{
    if (secret.empty())
        return fail("Mastodon: posting needs the brand account's token — " + credentialsHint(source));
    const std::string bearer = "Authorization: Bearer " + secret;
    const Json ref = Json::parse(reply.postPlatformRef, nullptr, false);
    const std::string listenedOn = serverOf(source.url);
    const std::string postFrom = text(settingsOf(source), "post_instance");
    const std::string server = postFrom.empty() ? listenedOn : withoutTrailingSlash(postFrom);
    std::string inReplyTo = text(ref, "id");
    if (server != listenedOn || inReplyTo.empty()) {
        // Ids are per server: the account's own server looks the post up by its URI first.
        std::string url = withParameter(server + "/api/v2/search", "q", reply.postExternalId);
        for (const auto& [name, value] : {std::pair{"type", "statuses"}, {"resolve", "true"}, {"limit", "1"}})
            url = withParameter(url, name, value);
        const net::FetchResponse found = fetchNow(fetcher, {.key = 1, .url = url, .headers = {bearer}});
        if (found.outcome != net::FetchOutcome::Ok)
            return fail(failureText("Mastodon could not look the post up", found));
        const Json body = parseJsonOrNull(found.body);
        const Json statuses = body.is_object() ? body.value("statuses", Json::array()) : Json::array();
        if (statuses.empty() || text(statuses[0], "id").empty())
            return fail("Mastodon: " + hostOf(server) + " cannot find the post " + reply.postExternalId +
                        " to answer it (deleted, or not visible to the brand account)");
        inReplyTo = text(statuses[0], "id");
    }
    // Mastodon tells people of a reply only when it names them.
    std::string status = reply.text;
    const std::string user = reply.authorHandle.substr(0, reply.authorHandle.find('@'));
    if (!reply.authorHandle.empty() && status.find("@" + user) == std::string::npos)
        status = "@" + reply.authorHandle + " " + status;
    std::string visibility = reply.visibility.empty() ? text(ref, "visibility") : reply.visibility;
    if (visibility.empty())
        visibility = "public";
    const Json body = {{"status", status}, {"in_reply_to_id", inReplyTo}, {"visibility", visibility}};
    const net::FetchResponse posted =
        fetchNow(fetcher, {.key = 1,
                           .url = server + "/api/v1/statuses",
                           .headers = {bearer, "Idempotency-Key: " + reply.idempotencyKey},
                           .method = "POST",
                           .body = body.dump(),
                           .bodyType = "application/json"});
    if (posted.outcome != net::FetchOutcome::Ok)
        return fail(failureText("Mastodon did not post the reply", posted));
    const Json created = parseJsonOrNull(posted.body);
    if (text(created, "id").empty())
        return fail("Mastodon answered the post without a status id; look on " + hostOf(server) +
                    " whether it was posted before sending again");
    return Published{text(created, "id"), text(created, "url")};
}

Refusal MastodonConnector::refusal(const store::Source& source, const net::FetchResponse& response,
                                   std::int64_t now) const
{
    // Servers before 4.0 have no /api/v2/instance, and an answer without timelines_access
    // says nothing either way: the timeline itself will tell.
    const std::string asked = response.effectiveUrl.substr(0, response.effectiveUrl.find('?'));
    if (asked.size() >= 16 && asked.compare(asked.size() - 16, 16, "/api/v2/instance") == 0 &&
        response.httpStatus != 429) {
        Refusal out;
        out.goOnWith = listRequest(source, source.url, "", "min_id", source.cursor);
        return out;
    }
    return Connector::refusal(source, response, now);
}

std::string MastodonConnector::credentialsHint(const store::Source& source) const
{
    const std::string instance = text(settingsOf(source), "instance");
    return "create a token on " + hostOf(instance.empty() ? source.url : instance) +
           " (Preferences → Development → New application, scopes read:statuses, read:search, "
           "read:notifications and write:statuses) and give it to the source (EARSHOT_MASTODON_TOKEN for the "
           "command line)";
}

}  // namespace earshot::connectors
