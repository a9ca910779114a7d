#include "ConnectorSupport.h"
#include "StackExchangeConnector.h"

namespace earshot::connectors {

namespace {

constexpr std::int64_t kDay = 24 * 60 * 60;

// Quotas are counted per UTC day.
std::int64_t nextUtcMidnight(std::int64_t now) { return (now / kDay + 1) * kDay; }

net::FetchRequest pageRequest(const store::Source& source, int page, const std::string& key)
{
    std::string url = withParameter(source.url, "pagesize", "50");
    const Catchup at = Catchup::parse(source.cursor);
    if (at.seen > 0)
        url = withParameter(url, "fromdate", std::to_string(at.askFrom()));
    if (at.hasGap())
        url = withParameter(url, "todate", std::to_string(at.gapBefore - 1));  // todate counts its second
    if (page > 0)
        url = withParameter(url, "page", std::to_string(page + 1));  // the API counts from 1
    if (!key.empty())
        url = withParameter(url, "key", key);  // an app key is not secret; the API wants it here
    return {.key = source.id, .url = url};
}

store::NewMention mentionOf(const Json& question)
{
    store::NewMention m;
    const std::string id = text(question, "question_id");
    m.link = text(question, "link");
    m.externalId = m.link.empty() ? "stackexchange:question:" + id : m.link;
    m.platformId = id;
    m.platformRef = "{}";  // answers are written on the site itself
    m.threadId = m.externalId;
    m.title = plainText(text(question, "title"));  // titles come HTML-encoded
    m.body = plainText(text(question, "body"));
    m.publishedAt = integer(question, "creation_date");
    if (const auto owner = question.find("owner"); owner != question.end() && owner->is_object()) {
        const std::string name = plainText(text(*owner, "display_name"));
        const std::string userId = text(*owner, "user_id");
        m.author = {.platform = "stackexchange",
                    .handle = userId.empty() ? name : userId,
                    .displayName = name,
                    .profileUrl = text(*owner, "link")};
    }
    return m;
}

}  // namespace

const PlatformInfo& StackExchangeConnector::platformInfo() const
{
    static const PlatformInfo info{
        .name = "stackexchange",
        .title = "Stack Exchange",
        .secret = SecretInfo{.variable = "EARSHOT_STACKEXCHANGE_KEY",
                             .what = "an app key from stackapps.com (optional)",
                             .hint = "An app key from stackapps.com raises the daily quota from 300 to 10,000 "
                                     "requests. Optional.",
                             .boundToHost = false}};
    return info;
}

const KindInfo& StackExchangeConnector::kindInfo() const
{
    static const KindInfo info{.kind = "stackexchange-search",
                               .title = "Stack Exchange: a search",
                               .fields = {{.name = "site", .what = "the site", .label = "S&ite:", .metavar = "NAME",
                                           .example = "stackoverflow, superuser, bicycles, …"},
                                          {.name = "query", .what = "what to search for", .label = "Se&arch for:",
                                           .metavar = "TEXT", .example = "words to search for, e.g. vondelfiets"}}};
    return info;
}

Result<store::Source> StackExchangeConnector::makeSource(const PlatformSourceSpec& spec) const
{
    const std::string api = spec.api.empty() ? "https://api.stackexchange.com" : asAddress(spec.api);
    std::string url = withParameter(api + "/2.3/search/advanced", "site", spec.site);
    url = withParameter(url, "q", spec.query);
    for (const auto& [name, value] : {std::pair{"sort", "creation"}, {"order", "desc"}, {"filter", "withbody"}})
        url = withParameter(url, name, value);
    store::Source source;
    source.kind = kind();
    source.url = url;
    source.name = spec.site + ": " + spec.query;
    source.settings = Json{{"site", spec.site}, {"query", spec.query}}.dump();
    return source;
}

std::vector<const Connector*> stackExchangeConnectors()
{
    static const StackExchangeConnector search;
    return {&search};
}

Result<net::FetchRequest> StackExchangeConnector::firstRequest(const store::Source& source,
                                                               const std::string& secret) const
{
    return pageRequest(source, 0, secret);
}

Result<Page> StackExchangeConnector::read(const store::Source& source, const net::FetchResponse& response, int page,
                                          const std::string& secret) const
{
    auto body = parseJson(response.body, "Stack Exchange");
    if (!body)
        return body.error();
    if (const std::string error = errorText(response.body); !error.empty())
        return fail("Stack Exchange: " + error);
    const auto items = body->find("items");
    if (items == body->end() || !items->is_array())
        return fail("Stack Exchange answered without \"items\" — is the address a /2.3/search/advanced URL?");
    Page out;
    out.budget.limit = integer(*body, "quota_max");
    out.budget.remaining = integer(*body, "quota_remaining");
    if (out.budget.remaining)
        out.budget.resetAt = nextUtcMidnight(std::time(nullptr));
    out.budget.backoffSeconds = integer(*body, "backoff");
    const std::int64_t newest = appendMentions(*items, "question_id", mentionOf, out.mentions);
    const Catchup at = Catchup::parse(source.cursor);
    if (page == 0 && at.hasGap())
        out.cursor = Catchup{.seen = at.seen}.text();  // the window is read; newer ones were before
    else if (page == 0 && newest > 0)
        out.cursor = std::to_string(newest);
    const int allowed = at.seen == 0 ? kFirstPollPages : kCatchUpPages;
    if (isTrue(*body, "has_more") && !out.mentions.empty()) {
        // A backoff stops paging as surely as the page cap does.
        if (page + 1 < allowed && !out.budget.backoffSeconds)
            out.more.push_back(pageRequest(source, page + 1, secret));
        else if (at.seen > 0)
            out.stoppedBefore = oldestPublished(out.mentions) + 1;  // its second may hold more
    }
    return out;
}

Refusal StackExchangeConnector::refusal(const store::Source& source, const net::FetchResponse& response,
                                        std::int64_t now) const
{
    const Json body = parseJsonOrNull(response.body);
    const auto errorId = integer(body, "error_id");
    if (!errorId)
        return Connector::refusal(source, response, now);
    Refusal out;
    out.message = "Stack Exchange: " + errorText(response.body);
    switch (*errorId) {
    case 502:  // throttle_violation: the day's quota is spent, or requests came too fast
        out.retryAfterSeconds = nextUtcMidnight(now) - now;
        out.message += " — the API's daily quota for this address is used up";
        break;
    case 401: case 402: case 403: case 405: case 406:
        out.needsCredentials = true;
        out.message += " — " + credentialsHint(source);
        break;
    default:
        break;
    }
    return out;
}

std::string StackExchangeConnector::credentialsHint(const store::Source&) const
{
    return "without a key the API allows 300 requests a day per address; register an app at "
           "https://stackapps.com/apps/oauth/register and give its key (EARSHOT_STACKEXCHANGE_KEY for "
           "the command line)";
}

}  // namespace earshot::connectors
