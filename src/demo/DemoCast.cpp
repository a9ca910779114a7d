#include "earshot/demo/DemoCast.h"

namespace earshot::demo {

const std::vector<DemoPlatform>& demoPlatforms()
{
    static const std::vector<DemoPlatform> platforms = {
        {"mastodon", "http://social.example/@", 14, 0.55},
        {"bluesky", "http://bsky.example/profile/", 12, 0.55},
        {"reddit", "http://reddit.example/user/", 16, 0.50},
        {"discourse", "http://community.verskist.example/u/", 18, 0.65},
        {"hackernews", "http://news.ycombinator.example/user?id=", 4, 0.10},
        {"feed:tweakers.example", "http://tweakers.example/gallery/", 12, 0.90},
        {"feed:forum.example", "http://forum.example/members/", 10, 0.60},
        {"feed:reviews.example", "http://reviews.example/users/", 9, 0.45},
        {"feed:kassa.example", "http://kassa.example/profiel/", 5, 0.98},
    };
    return platforms;
}

const std::vector<DemoSource>& demoSources()
{
    static const std::vector<DemoSource> sources = {
        {"Mastodon #verskist", "http://social.example/tags/verskist.rss", "http://social.example/@verskist/", "", 0, 3},
        {"Mastodon #klantenservice", "http://social.example/tags/klantenservice.rss", "http://social.example/web/",
         "verskist", 0, 1},
        {"Bluesky search: Verskist", "http://bsky.example/search/verskist.rss", "http://bsky.example/post/", "", 1, 1},
        {"Reddit r/thenetherlands", "http://reddit.example/r/thenetherlands/search.rss?q=verskist",
         "http://reddit.example/r/thenetherlands/comments/", "verskist", 2, 3},
        {"Reddit r/nederlands", "http://reddit.example/r/nederlands/search.rss?q=verskist",
         "http://reddit.example/r/nederlands/comments/", "verskist", 2, 1},
        {"Reddit r/AskNetherlands", "http://reddit.example/r/AskNetherlands/search.rss?q=verskist",
         "http://reddit.example/r/AskNetherlands/comments/", "verskist", 2, 1},
        {"Verskist Community: Bezorging", "http://community.verskist.example/c/bezorging.rss",
         "http://community.verskist.example/t/", "", 3, 3},
        {"Verskist Community: App & account", "http://community.verskist.example/c/app.rss",
         "http://community.verskist.example/t/", "", 3, 2},
        {"Verskist Community: Facturen & betalen", "http://community.verskist.example/c/betalen.rss",
         "http://community.verskist.example/t/", "", 3, 2},
        {"Hacker News: Verskist", "http://hn.example/search.rss?q=verskist", "http://news.ycombinator.example/item?id=",
         "", 4, 1},
        {"Tweakers forum", "http://tweakers.example/forum/verskist.rss", "http://tweakers.example/forum/topic/",
         "verskist", 5, 1},
        {"Klantenservice blog", "http://blog.verskist.example/comments.rss", "http://blog.verskist.example/p/", "",
         6, 2},
        {"Forum.example: Boodschappen", "http://forum.example/boodschappen.rss", "http://forum.example/t/",
         "verskist", 6, 1},
        {"Reviews.example: Verskist", "http://reviews.example/verskist.rss", "http://reviews.example/review/", "", 7, 1},
        {"Kassa forum", "http://kassa.example/forum.rss", "http://kassa.example/forum/", "verskist", 8, 1},
    };
    return sources;
}

const std::vector<DemoAgent>& demoAgents()
{
    static const std::vector<DemoAgent> agents = {
        {"Eva de Graaf", "Eva", true, true, R"(["care","social"])", false, 1.2},
        {"Daan Visser", "Daan", true, false, R"(["care"])", false, 1.0},
        {"Fatima El Amrani", "Fatima", true, true, R"(["social"])", false, 1.1},
        {"Lucas Bakker", "Lucas", true, true, R"(["care"])", false, 1.0},
        {"Noor Hendriks", "Noor", true, false, R"(["social"])", false, 0.9},
        {"Tom Peeters", "Tom", true, true, R"(["care"])", false, 0.8},
        {"Sophie Williams", "Sophie", false, true, R"(["care"])", false, 0.7},
        {"Milan de Jong", "Milan", true, false, R"(["care","billing"])", false, 0.8},
        {"Anouk Smit", "Anouk", true, true, R"(["social","leads"])", true, 0.4},
        {"James O'Connor", "James", true, true, R"(["social"])", false, 0.6},
        {"Lotte Mulder", "Lotte", true, false, R"(["billing"])", false, 0.7},
    };
    return agents;
}

}  // namespace earshot::demo
