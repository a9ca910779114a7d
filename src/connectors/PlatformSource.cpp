#include "earshot/connectors/PlatformSource.h"

#include "ConnectorSupport.h"
#include "earshot/connectors/Connector.h"

namespace earshot::connectors {

namespace {

// "mastodon.social" -> "https://mastodon.social"
std::string asAddress(const std::string& text)
{
    const std::string trimmed = withoutTrailingSlash(text);
    return trimmed.find("://") == std::string::npos ? "https://" + trimmed : trimmed;
}

// "what" in words, with the command line's option: the console and the CLI say the same.
Status need(const std::string& value, const char* what, const char* option, const std::string& kind)
{
    if (value.empty())
        return fail(std::string(what) + " (" + option + ") is needed for a " + kind + " source");
    return Ok{};
}

}  // namespace

Result<store::Source> makePlatformSource(const PlatformSourceSpec& spec)
{
    if (!connectorFor(spec.kind)) {
        std::string kinds;
        for (const Connector* connector : allConnectors())
            kinds += (kinds.empty() ? "" : ", ") + std::string(connector->kind());
        return fail("there is no source kind '" + spec.kind + "'; the kinds are feed, " + kinds);
    }
    const std::pair<const char*, const std::string*> given[] = {{"--instance", &spec.instance}, {"--tag", &spec.tag},
                                                                  {"--actor", &spec.actor},       {"--query", &spec.query},
                                                                  {"--site", &spec.site},         {"--api", &spec.api}};
    for (const auto& [option, value] : given)
        if (!core::isValidUtf8(*value))
            return fail(std::string(option) + " is not UTF-8 text; set the terminal to UTF-8 (e.g. LANG=nl_NL.UTF-8) and give it again");
    store::Source source;
    source.kind = spec.kind;
    Json settings = Json::object();
    const std::string& kind = spec.kind;
    if (kind == "mastodon-tag") {
        std::string tag = spec.tag;
        if (!tag.empty() && tag.front() == '#')
            tag.erase(0, 1);
        for (auto status : {need(spec.instance, kind == "mastodon-tag" ? "the server" : "the forum", "--instance", kind), need(tag, "the hashtag", "--tag", kind)})
            if (!status)
                return status.error();
        const std::string instance = asAddress(spec.instance);
        source.url = withoutTrailingSlash(spec.api.empty() ? instance : asAddress(spec.api)) +
                     "/api/v1/timelines/tag/" + urlEncode(tag);
        source.name = "#" + tag + " on " + hostOf(instance);
        settings = {{"instance", instance}, {"tag", tag}};
    } else if (kind == "mastodon-account" || kind == "mastodon-search" || kind == "mastodon-mentions") {
        if (auto status = need(spec.instance, "the server", "--instance", kind); !status)
            return status.error();
        const std::string instance = asAddress(spec.instance);
        const std::string api = withoutTrailingSlash(spec.api.empty() ? instance : asAddress(spec.api));
        settings = {{"instance", instance}};
        if (kind == "mastodon-account") {
            std::string account = spec.actor;
            if (!account.empty() && account.front() == '@')
                account.erase(0, 1);
            if (auto status = need(account, "the account", "--actor", kind); !status)
                return status.error();
            source.url = withParameter(api + "/api/v1/accounts/lookup", "acct", account);
            source.name = "@" + account + " on " + hostOf(instance);
            settings["actor"] = account;
        } else if (kind == "mastodon-search") {
            if (auto status = need(spec.query, "what to search for", "--query", kind); !status)
                return status.error();
            source.url = withParameter(withParameter(api + "/api/v2/search", "q", spec.query), "type", "statuses");
            source.name = hostOf(instance) + ": " + spec.query;
            settings["query"] = spec.query;
        } else {
            source.url = api + "/api/v1/notifications?types[]=mention";
            source.name = "Mentions of the brand on " + hostOf(instance);
        }
    } else if (kind == "bluesky-author") {
        std::string actor = spec.actor;
        if (!actor.empty() && actor.front() == '@')
            actor.erase(0, 1);
        if (auto status = need(actor, "the account", "--actor", kind); !status)
            return status.error();
        const std::string api = spec.api.empty() ? "https://public.api.bsky.app" : asAddress(spec.api);
        source.url = withParameter(api + "/xrpc/app.bsky.feed.getAuthorFeed", "actor", actor);
        source.name = "@" + actor + " on Bluesky";
        settings = {{"actor", actor}};
        if (!spec.api.empty())
            settings["pds"] = asAddress(spec.api);  // a test server or mirror answers for both
    } else if (kind == "bluesky-search") {
        std::string account = spec.actor;
        if (!account.empty() && account.front() == '@')
            account.erase(0, 1);
        for (auto status : {need(spec.query, "what to search for", "--query", kind),
                            need(account, "the account that searches", "--actor", kind)})
            if (!status)
                return status.error();
        // Searching needs a session, so it goes through the account's server.
        const std::string server = spec.api.empty() ? "https://bsky.social" : asAddress(spec.api);
        source.url = withParameter(withParameter(server + "/xrpc/app.bsky.feed.searchPosts", "q", spec.query), "sort",
                                   "latest");
        source.name = "Bluesky: " + spec.query;
        settings = {{"query", spec.query}, {"account", account}, {"pds", server}};
    } else if (kind == "discourse-latest" || kind == "discourse-search") {
        if (auto status = need(spec.instance, kind == "mastodon-tag" ? "the server" : "the forum", "--instance", kind); !status)
            return status.error();
        const std::string forum = asAddress(spec.instance);
        const std::string base = spec.api.empty() ? forum : asAddress(spec.api);
        if (kind == "discourse-latest") {
            source.url = base + "/posts.json";
            source.name = hostOf(forum) + ": latest posts";
        } else {
            if (auto status = need(spec.query, "what to search for", "--query", kind); !status)
                return status.error();
            source.url = withParameter(base + "/search.json", "q", spec.query + " order:latest");
            source.name = hostOf(forum) + ": " + spec.query;
            settings["query"] = spec.query;
        }
        settings["forum"] = forum;
    } else if (kind == "hn-search") {
        if (auto status = need(spec.query, "what to search for", "--query", kind); !status)
            return status.error();
        const std::string api = spec.api.empty() ? "https://hn.algolia.com/api/v1" : asAddress(spec.api);
        source.url = withParameter(withParameter(api + "/search_by_date", "query", spec.query), "tags",
                                   "(story,comment)");
        source.name = "Hacker News: " + spec.query;
        settings = {{"query", spec.query}};
    } else if (kind == "stackexchange-search") {
        for (auto status : {need(spec.site, "the site", "--site", kind), need(spec.query, "what to search for", "--query", kind)})
            if (!status)
                return status.error();
        const std::string api = spec.api.empty() ? "https://api.stackexchange.com" : asAddress(spec.api);
        std::string url = withParameter(api + "/2.3/search/advanced", "site", spec.site);
        url = withParameter(url, "q", spec.query);
        for (const auto& [name, value] : {std::pair{"sort", "creation"}, {"order", "desc"}, {"filter", "withbody"}})
            url = withParameter(url, name, value);
        source.url = url;
        source.name = spec.site + ": " + spec.query;
        settings = {{"site", spec.site}, {"query", spec.query}};
    }
    source.settings = settings.dump();
    return source;
}

}  // namespace earshot::connectors
