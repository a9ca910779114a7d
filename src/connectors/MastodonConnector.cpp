#include "ConnectorSupport.h"
#include "Connectors.h"

namespace earshot::connectors {

namespace {

constexpr int kPageSize = 40;  // the most the API gives per request

// Mastodon ids are strings that sort by length, then character by character.
bool newerId(const std::string& a, const std::string& b)
{
    return a.size() != b.size() ? a.size() > b.size() : a > b;
}

std::string hostOf(const std::string& url)
{
    const std::size_t start = url.find("://");
    if (start == std::string::npos)
        return {};
    const std::size_t end = url.find('/', start + 3);
    return url.substr(start + 3, end == std::string::npos ? std::string::npos : end - start - 3);
}

net::FetchRequest request(const store::Source& source, const std::string& token, const std::string& parameter,
                          const std::string& id)
{
    std::string url = withParameter(source.url, "limit", std::to_string(kPageSize));
    if (!id.empty())
        url = withParameter(url, parameter, id);
    net::FetchRequest out{.key = source.id, .url = url};
    if (!token.empty())
        out.headers.push_back("Authorization: Bearer " + token);
    return out;
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
    Json ref = {{"id", m.platformId}, {"url", m.link}};
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

Result<net::FetchRequest> MastodonTagConnector::firstRequest(const store::Source& source,
                                                             const std::string& secret) const
{
    // Catching up: the statuses right after the newest seen, oldest chunk first.
    return request(source, secret, "min_id", source.cursor);
}

Result<Page> MastodonTagConnector::read(const store::Source& source, const net::FetchResponse& response, int page,
                                        const std::string& secret) const
{
    auto body = parseJson(response.body, "Mastodon");
    if (!body)
        return body.error();
    if (!body->is_array()) {
        const std::string error = errorText(response.body);
        return fail("Mastodon answered without a list of statuses" + (error.empty() ? "" : ": " + error) +
                    " — is the address a /api/v1/timelines/tag/ URL?");
    }
    const std::string host = hostOf(source.url);
    Page out;
    out.budget = readRateHeaders(response, std::time(nullptr));
    std::string newest, oldest;
    for (const Json& item : *body) {
        // A boost carries the boosted status, which is what was said.
        const Json& status = item.contains("reblog") && item["reblog"].is_object() ? item["reblog"] : item;
        if (!status.is_object() || text(status, "uri").empty())
            continue;
        out.mentions.push_back(mentionOf(status, host));
        const std::string id = text(item, "id");
        if (newest.empty() || newerId(id, newest))
            newest = id;
        if (oldest.empty() || newerId(oldest, id))
            oldest = id;
    }
    const bool catchingUp = !source.cursor.empty();
    const bool full = int(body->size()) >= kPageSize;
    if (catchingUp) {
        // Each page is newer than the last, so each moves the cursor.
        if (!newest.empty())
            out.cursor = newest;
        if (full && page + 1 < kCatchUpPages)
            out.more.push_back(request(source, secret, "min_id", newest));
    } else {
        // A first poll reads the newest page, then goes back a few.
        if (page == 0 && !newest.empty())
            out.cursor = newest;
        if (full && page + 1 < kFirstPollPages)
            out.more.push_back(request(source, secret, "max_id", oldest));
    }
    return out;
}

std::string MastodonTagConnector::credentialsHint(const store::Source& source) const
{
    return "this server shows its hashtag timelines to members only: create a token on " + hostOf(source.url) +
           " (Preferences → Development → New application, scopes read:statuses and read:search) and give "
           "it to the source (EARSHOT_MASTODON_TOKEN for the command line)";
}

}  // namespace earshot::connectors
