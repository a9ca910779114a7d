#include "ConnectorSupport.h"
#include "HackerNewsConnector.h"

namespace earshot::connectors {

namespace {

constexpr std::int64_t kHitsPerPage = 100;
constexpr std::string_view kItemUrl = "https://news.ycombinator.com/item?id=";

std::string itemUrl(const std::string& id) { return std::string(kItemUrl) + id; }

// The request for page `page` of a poll: newest first, from the cursor's second on (items of
// that second seen before are recognised as duplicates), or the window a poll left unread.
net::FetchRequest pageRequest(const store::Source& source, int page)
{
    std::string url = withParameter(source.url, "hitsPerPage", std::to_string(kHitsPerPage));
    const Catchup at = Catchup::parse(source.cursor);
    if (at.seen > 0) {
        std::string filters = "created_at_i>=" + std::to_string(at.askFrom());
        if (at.hasGap())
            filters += ",created_at_i<" + std::to_string(at.gapBefore);
        url = withParameter(url, "numericFilters", filters);
    }
    if (page > 0)
        url = withParameter(url, "page", std::to_string(page));
    return {.key = source.id, .url = url};
}

store::NewMention mentionOf(const Json& hit)
{
    store::NewMention m;
    const std::string id = text(hit, "objectID");
    const std::string storyId = text(hit, "story_id");
    const bool comment = !text(hit, "comment_text").empty();
    m.externalId = itemUrl(id);
    m.platformId = id;
    m.platformRef = "{}";  // Hacker News has no API to post with
    m.link = m.externalId;
    m.title = comment ? text(hit, "story_title") : text(hit, "title");
    m.body = plainText(comment ? text(hit, "comment_text") : text(hit, "story_text"));
    if (m.body.empty())
        m.body = text(hit, "url");  // a link story says no more than its title and address
    if (const std::string parent = text(hit, "parent_id"); !parent.empty())
        m.replyTo = itemUrl(parent);
    m.threadId = itemUrl(storyId.empty() ? id : storyId);
    m.publishedAt = integer(hit, "created_at_i");
    const std::string author = text(hit, "author");
    m.author = {.platform = "hackernews",
                .handle = author,
                .displayName = author,
                .profileUrl = author.empty() ? "" : "https://news.ycombinator.com/user?id=" + author};
    return m;
}

}  // namespace

const PlatformInfo& HackerNewsConnector::platformInfo() const
{
    static const PlatformInfo info{.name = "hackernews", .title = "Hacker News"};
    return info;
}

const KindInfo& HackerNewsConnector::kindInfo() const
{
    static const KindInfo info{.kind = "hn-search",
                               .title = "Hacker News: a search",
                               .fields = {{.name = "query", .what = "what to search for", .label = "Se&arch for:",
                                           .metavar = "TEXT", .example = "words to search for, e.g. vondelfiets"}}};
    return info;
}

Result<store::Source> HackerNewsConnector::makeSource(const PlatformSourceSpec& spec) const
{
    const std::string api = spec.api.empty() ? "https://hn.algolia.com/api/v1" : asAddress(spec.api);
    store::Source source;
    source.kind = kind();
    source.url = withParameter(withParameter(api + "/search_by_date", "query", spec.query), "tags", "(story,comment)");
    source.name = "Hacker News: " + spec.query;
    source.settings = Json{{"query", spec.query}}.dump();
    return source;
}

std::vector<const Connector*> hackerNewsConnectors()
{
    static const HackerNewsConnector search;
    return {&search};
}

Result<net::FetchRequest> HackerNewsConnector::firstRequest(const store::Source& source, const std::string&) const
{
    return pageRequest(source, 0);
}

Result<Page> HackerNewsConnector::read(const store::Source& source, const net::FetchResponse& response, int page,
                                       const std::string&) const
{
    auto body = parseJson(response.body, "Hacker News search");
    if (!body)
        return body.error();
    const auto hits = body->find("hits");
    if (hits == body->end() || !hits->is_array())
        return fail("Hacker News search answered without \"hits\" — is the address an Algolia search_by_date URL?");
    Page out;
    const std::int64_t newest = appendMentions(*hits, "objectID", mentionOf, out.mentions);
    const Catchup at = Catchup::parse(source.cursor);
    if (page == 0 && at.hasGap())
        out.cursor = Catchup{.seen = at.seen}.text();  // the window is read; newer ones were before
    else if (page == 0 && newest > 0)
        out.cursor = std::to_string(newest);
    // Algolia gives at most 1,000 hits a query (nbPages stops at 10), so whether there is
    // more is what nbHits says.
    const std::int64_t found =
        integer(*body, "nbHits").value_or(integer(*body, "nbPages").value_or(0) * kHitsPerPage);
    const int allowed = at.seen == 0 ? kFirstPollPages : kCatchUpPages;
    if (found > std::int64_t(page + 1) * kHitsPerPage && !out.mentions.empty()) {
        if (page + 1 < allowed)
            out.more.push_back(pageRequest(source, page + 1));
        else if (at.seen > 0)
            out.stoppedBefore = oldestPublished(out.mentions) + 1;  // its second may hold more
    }
    return out;
}

std::string HackerNewsConnector::credentialsHint(const store::Source&) const
{
    return "Algolia's Hacker News search needs no credentials; a refusal means this address is blocked "
           "for a while (10,000 requests an hour per address) — lengthen the source's interval";
}

}  // namespace earshot::connectors
