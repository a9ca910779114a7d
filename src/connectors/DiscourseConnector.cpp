#include "ConnectorSupport.h"
#include "DiscourseConnector.h"

namespace earshot::connectors {

namespace {

// How many post ids one page of /posts.json?before= spans (Discourse's PostsController).
constexpr std::int64_t kLatestPostsWindow = 50;

// The forum's address: the settings' "forum", else the source URL up to its path.
std::string forumOf(const store::Source& source)
{
    if (std::string forum = text(settingsOf(source), "forum"); !forum.empty())
        return forum;
    const std::size_t scheme = source.url.find("://");
    const std::size_t path = source.url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    return source.url.substr(0, path);
}

store::NewMention mentionOf(const Json& post, const std::string& forum, const Json* topic)
{
    store::NewMention m;
    const std::string id = text(post, "id");
    const std::string topicId = text(post, "topic_id");
    const std::string number = text(post, "post_number");
    std::string slug = text(post, "topic_slug");
    if (slug.empty() && topic)
        slug = text(*topic, "slug");
    m.externalId = forum + "/p/" + id;  // Discourse's own short address of a post
    m.platformId = id;
    m.link = forum + "/t/" + (slug.empty() ? "-" : slug) + "/" + topicId + "/" + number;
    m.threadId = forum + "/t/" + topicId;  // a topic is the thread
    m.title = text(post, "topic_title");
    if (m.title.empty() && topic)
        m.title = text(*topic, "title");
    const std::string cooked = text(post, "cooked");
    m.body = plainText(cooked.empty() ? text(post, "blurb") : cooked);
    m.publishedAt = isoTime(text(post, "created_at"));
    m.platformRef = Json{{"topic_id", integer(post, "topic_id").value_or(0)},
                         {"post_number", integer(post, "post_number").value_or(0)}}
                        .dump();
    const std::string username = text(post, "username");
    const std::string name = text(post, "name");
    m.author = {.platform = "discourse",
                .handle = username.empty() ? "" : username + "@" + hostOf(forum),  // names are per forum
                .displayName = name.empty() ? username : name,
                .profileUrl = username.empty() ? "" : forum + "/u/" + username};
    return m;
}

}  // namespace

const PlatformInfo& DiscourseConnector::platformInfo() const
{
    static const PlatformInfo info{
        .name = "discourse",
        .title = "Discourse",
        .secret = SecretInfo{.variable = "EARSHOT_DISCOURSE_API_KEY",
                             .what = "a user API key of the brand's forum account",
                             .hint = "A user API key of the brand's forum account. Needed to reply, and on forums for "
                                     "members only.",
                             .hostVariable = "EARSHOT_DISCOURSE_HOST"},
        .canPost = true};
    return info;
}

namespace {

const FieldInfo kForum{.name = "instance", .what = "the forum", .label = "&Forum:", .metavar = "FORUM-URL",
                       .example = "https://community.example", .storedAs = "forum"};

}  // namespace

const KindInfo& DiscourseConnector::kindInfo() const
{
    static const KindInfo latest{.kind = "discourse-latest", .title = "Discourse forum: latest posts", .fields = {kForum}};
    static const KindInfo search{.kind = "discourse-search",
                                 .title = "Discourse forum: a search",
                                 .fields = {kForum,
                                            {.name = "query", .what = "what to search for", .label = "Se&arch for:",
                                             .metavar = "TEXT", .example = "words to search for, e.g. vondelfiets"}}};
    return m_listen == Listen::LatestPosts ? latest : search;
}

Result<store::Source> DiscourseConnector::makeSource(const PlatformSourceSpec& spec) const
{
    const std::string forum = asAddress(spec.instance);
    const std::string base = spec.api.empty() ? forum : asAddress(spec.api);
    store::Source source;
    source.kind = kind();
    Json settings = Json::object();
    if (m_listen == Listen::LatestPosts) {
        source.url = base + "/posts.json";
        source.name = hostOf(forum) + ": latest posts";
    } else {
        source.url = withParameter(base + "/search.json", "q", spec.query + " order:latest");
        source.name = hostOf(forum) + ": " + spec.query;
        settings["query"] = spec.query;
    }
    settings["forum"] = forum;
    source.settings = settings.dump();
    return source;
}

std::vector<const Connector*> discourseConnectors()
{
    static const DiscourseConnector latest(DiscourseConnector::Listen::LatestPosts);
    static const DiscourseConnector search(DiscourseConnector::Listen::Search);
    return {&latest, &search};
}

Result<net::FetchRequest> DiscourseConnector::firstRequest(const store::Source& source, const std::string& secret) const
{
    net::FetchRequest request{.key = source.id, .url = source.url};
    // The latest posts page back by id: a window a poll left unread is read from its end.
    if (const Catchup at = Catchup::parse(source.cursor); m_listen == Listen::LatestPosts && at.hasGap())
        request.url = withParameter(source.url, "before", std::to_string(at.gapBefore - 1));  // inclusive
    if (!secret.empty())
        request.headers.push_back("User-Api-Key: " + secret);  // members-only forums
    return request;
}

Result<Page> DiscourseConnector::read(const store::Source& source, const net::FetchResponse& response, int page,
                                      const std::string& secret) const
{
    auto body = parseJson(response.body, "Discourse");
    if (!body)
        return body.error();
    const std::string forum = forumOf(source);
    const char* listKey = m_listen == Listen::LatestPosts ? "latest_posts" : "posts";
    const auto posts = body->find(listKey);
    if (posts == body->end() || !posts->is_array()) {
        if (m_listen == Listen::Search && body->contains("grouped_search_result"))
            return Page{};  // a search with no hits leaves "posts" out
        return fail(std::string("Discourse answered without \"") + listKey + "\" — is the address the forum's " +
                    (m_listen == Listen::LatestPosts ? "/posts.json" : "/search.json?q=…") + " URL?");
    }
    // Search answers list the topics apart; posts name them by id.
    std::map<std::string, const Json*> topics;
    if (const auto list = body->find("topics"); list != body->end() && list->is_array())
        for (const Json& topic : *list)
            topics[text(topic, "id")] = &topic;
    Page out;
    const Catchup at = Catchup::parse(source.cursor);
    const bool window = m_listen == Listen::LatestPosts && at.hasGap();
    const std::int64_t seenUpTo = window ? at.readBackTo() : at.seen;
    std::int64_t newest = 0;
    std::int64_t oldest = 0;
    for (const Json& post : *posts) {
        const auto id = integer(post, "id");
        if (!post.is_object() || !id)
            continue;
        const auto topic = topics.find(text(post, "topic_id"));
        out.mentions.push_back(mentionOf(post, forum, topic == topics.end() ? nullptr : topic->second));
        newest = std::max(newest, *id);
        oldest = oldest == 0 ? *id : std::min(oldest, *id);
    }
    if (page == 0 && window)
        out.cursor = Catchup{.seen = at.seen}.text();  // the window is read; newer ones were before
    else if (page == 0 && newest > 0)
        out.cursor = std::to_string(newest);
    const int allowed = seenUpTo == 0 ? kFirstPollPages : kCatchUpPages;
    std::string url;
    if (m_listen == Listen::LatestPosts) {
        // `before=N` answers the visible posts among ids N-49..N, so a page of deleted or
        // private posts comes back short or empty: page down by id, not by what came back,
        // until the ids reach what was read before.
        const auto before = parseInteger(queryParameter(response.effectiveUrl, "before"));
        const std::int64_t next = oldest > 0 ? oldest - 1 : before ? *before - kLatestPostsWindow : 0;
        if (next <= 0 || next <= seenUpTo)
            return out;
        if (page + 1 >= allowed) {
            if (seenUpTo > 0)
                out.stoppedBefore = next + 1;
            return out;
        }
        url = withParameter(source.url, "before", std::to_string(next));
    } else {
        // Newest first: go further back while the page still holds posts not seen before.
        if (out.mentions.empty() || oldest <= seenUpTo || page + 1 >= allowed)
            return out;
        const Json grouped = body->value("grouped_search_result", Json::object());
        if (grouped.value("more_full_page_results", Json()).is_null())
            return out;
        url = withParameter(source.url, "page", std::to_string(page + 2));
    }
    auto next = firstRequest(source, secret);
    next->url = url;
    out.more.push_back(std::move(*next));
    return out;
}

Result<Published> DiscourseConnector::publish(net::Fetcher& fetcher, const store::Source& source,
                                              const ReplyRequest& reply, const std::string& secret) const
{
    if (secret.empty())
        return fail("Discourse: posting needs a user API key for the brand's account on " + forumOf(source) +
                    " (EARSHOT_DISCOURSE_API_KEY for the command line)");
    const Json ref = Json::parse(reply.postPlatformRef, nullptr, false);
    const auto topic = integer(ref, "topic_id");
    if (!topic || *topic == 0)
        return fail("Discourse: the post's topic is not known; answer it on the forum");
    // The API address: the source's, which tests and mirrors may point elsewhere than the forum.
    const std::size_t scheme = source.url.find("://");
    const std::string api = source.url.substr(0, source.url.find('/', scheme == std::string::npos ? 0 : scheme + 3));
    Json body = {{"raw", reply.text}, {"topic_id", *topic}};
    if (const auto number = integer(ref, "post_number"); number && *number > 1)
        body["reply_to_post_number"] = *number;  // post 1 is the topic itself
    const net::FetchResponse posted = fetchNow(fetcher, {.key = 1,
                                                         .url = api + "/posts.json",
                                                         .headers = {"User-Api-Key: " + secret},
                                                         .method = "POST",
                                                         .body = body.dump(),
                                                         .bodyType = "application/json"});
    if (posted.outcome != net::FetchOutcome::Ok)
        return fail(failureText("Discourse did not post the reply", posted));
    const Json created = parseJsonOrNull(posted.body);
    if (text(created, "action") == "enqueued")
        return fail("Discourse: the forum holds the reply for a moderator; it appears once approved");
    if (text(created, "id").empty())
        return fail("Discourse answered without a post id; look on the forum whether it was posted");
    const std::string forum = forumOf(source);
    const std::string slug = text(created, "topic_slug");
    return Published{text(created, "id"), forum + "/t/" + (slug.empty() ? "-" : slug) + "/" +
                                              text(created, "topic_id") + "/" + text(created, "post_number")};
}

std::string DiscourseConnector::credentialsHint(const store::Source& source) const
{
    return "the forum " + forumOf(source) + " wants a member's user API key (the forum's /user-api-key/new "
           "page; EARSHOT_DISCOURSE_API_KEY for the command line)";
}

}  // namespace earshot::connectors
