// Replies posted on the platforms, against a server on 127.0.0.1 in each platform's wire
// format: what exactly was sent, what was recorded, and that a retry never posts twice.
#include <gtest/gtest.h>

#include <ctime>
#include <map>
#include <mutex>

#include <nlohmann/json.hpp>

#include "TempWorkspace.h"
#include "TestHttpServer.h"
#include "WorkspaceReads.h"
#include "earshot/connectors/PlatformSource.h"
#include "earshot/engine/Engine.h"
#include "earshot/inbox/AgentRepository.h"
#include "earshot/inbox/Inbox.h"
#include "earshot/inbox/ReplyPublisher.h"
#include "earshot/store/InboxStore.h"

using namespace earshot;
using Json = nlohmann::json;

namespace {

constexpr const char* kAgent = "Eva de Vries";

std::string isoAgo(std::int64_t seconds)
{
    const std::time_t at = std::time(nullptr) - seconds;
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S.000Z", std::gmtime(&at));
    return text;
}

struct Received {
    std::string path;
    std::string body;
    httplib::Headers headers;
    std::string header(const std::string& name) const
    {
        const auto it = headers.find(name);
        return it == headers.end() ? "" : it->second;
    }
};

class ReplyPublisherTest : public ::testing::Test {
protected:
    // Adds the source, polls it once from the test server and returns the conversation.
    std::int64_t listen(connectors::PlatformSourceSpec spec, const std::string& settingsPatch = {})
    {
        spec.api = http.url("");
        auto source = connectors::makePlatformSource(spec);
        EXPECT_TRUE(source.ok()) << (source.ok() ? "" : source.message());
        if (!settingsPatch.empty()) {
            Json settings = Json::parse(source->settings);
            settings.update(Json::parse(settingsPatch));
            source->settings = settings.dump();
        }
        EXPECT_NE(test::addSource(workspace.open(), *source), 0);
        test::writeWith(workspace.open(), [](store::Session& session) -> Status {
            auto added = inbox::AgentRepository(session).add({.name = kAgent, .firstName = "Eva"});
            return added ? Status(Ok{}) : Status(added.error());
        });
        auto engine = engine::Engine::open(workspace.open(), nullptr);
        const auto summaries = (*engine)->pollOnce();
        EXPECT_EQ(summaries.at(0).outcome, "ok") << summaries.at(0).error;
        return onlyConversation();
    }

    // Records the reply as the console or CLI does, then posts it.
    Result<connectors::Published> reply(std::int64_t conversation, const std::string& text,
                                        const std::string& visibility = {},
                                        const std::vector<inbox::CheckOverride>& overrides = {})
    {
        inbox::Inbox inbox(workspace.open().writer());
        auto recorded = inbox.reply(conversation, kAgent, text, inbox::Channel::Platform, overrides, visibility);
        EXPECT_TRUE(recorded.ok()) << (recorded.ok() ? "" : recorded.message());
        replyId = recorded->id;
        return resend();
    }

    Result<connectors::Published> resend()
    {
        inbox::ReplyPublisher publisher(workspace.open().writer(), [this](const store::Source&, const connectors::Connector&) { return secret; });
        return publisher.publish(replyId, kAgent);
    }

    void receive(const httplib::Request& request)
    {
        std::lock_guard lock(mutex);
        received.push_back({request.path, request.body, request.headers});
    }

    std::vector<Received> posts(const std::string& path)
    {
        std::lock_guard lock(mutex);
        std::vector<Received> out;
        for (const Received& r : received)
            if (r.path == path)
                out.push_back(r);
        return out;
    }

    // The newest conversation: these tests listen to one.
    std::int64_t onlyConversation()
    {
        const auto conversations = test::exportedConversations(workspace.open());
        return conversations.empty() ? 0 : conversations.back().id;
    }
    store::ConversationDetail onlyDetail() { return test::detailOf(workspace.open(), onlyConversation()); }
    std::optional<std::int64_t> firstResponseAt() { return onlyDetail().firstResponseAt; }

    // The reply replyId as the conversation pane shows it.
    store::ConversationReply theReply()
    {
        for (const store::ConversationReply& reply : onlyDetail().replies)
            if (reply.id == replyId)
                return reply;
        ADD_FAILURE() << "no reply " << replyId;
        return {};
    }
    std::string delivery() { return std::string(domain::deliveryName(theReply().delivery)); }

    // Claims posting the reply as another program would, at `at`.
    void claimPostingAt(std::int64_t at)
    {
        test::writeWith(workspace.open(), [&](store::Session& session) -> Status {
            auto claimed = session.inbox().claimPosting(replyId, at, 300);
            if (!claimed)
                return claimed.error();
            return *claimed ? Status(Ok{}) : Status(fail("the reply could not be claimed"));
        });
    }

    test::TempWorkspace workspace;
    test::TestHttpServer http;
    std::string secret;
    std::int64_t replyId = 0;
    std::mutex mutex;
    std::vector<Received> received;
};

// --- Mastodon ---------------------------------------------------------------------------------------

Json status(const std::string& id, const std::string& visibility = "public")
{
    return {{"id", id},
            {"uri", "https://social.example/users/anne/statuses/" + id},
            {"url", "https://social.example/@anne/" + id},
            {"created_at", isoAgo(600)},
            {"visibility", visibility},
            {"content", "<p>Mijn #vondelfiets piept</p>"},
            {"account", {{"acct", "anne"}, {"display_name", "Anne"}, {"url", "https://social.example/@anne"}}}};
}

void serveTag(test::TestHttpServer& http, const Json& statuses)
{
    http.server().Get("/api/v1/timelines/tag/vondelfiets", [statuses](const httplib::Request&, httplib::Response& res) {
        res.set_content(statuses.dump(), "application/json");
    });
}

TEST_F(ReplyPublisherTest, MastodonReplyNamesThePosterAnswersItsIdAndCarriesAnIdempotencyKey)
{
    serveTag(http, Json::array({status("1001", "unlisted")}));
    http.server().Post("/api/v1/statuses", [&](const httplib::Request& request, httplib::Response& res) {
        receive(request);
        res.set_content(R"({"id":"9001","url":"https://social.example/@vondelfiets/9001"})", "application/json");
    });
    const auto conversation = listen({.kind = "mastodon-tag", .instance = "social.example", .tag = "vondelfiets"});
    secret = "brand-token";
    EXPECT_FALSE(firstResponseAt().has_value());

    auto published = reply(conversation, "Dank je Anne, we bellen je vandaag. Eva");
    ASSERT_TRUE(published.ok()) << published.message();
    EXPECT_EQ(published->url, "https://social.example/@vondelfiets/9001");
    const auto sent = posts("/api/v1/statuses");
    ASSERT_EQ(sent.size(), 1u);
    EXPECT_EQ(sent[0].header("Authorization"), "Bearer brand-token");
    EXPECT_EQ(sent[0].header("Idempotency-Key").size(), 32u);
    const Json body = Json::parse(sent[0].body);
    EXPECT_EQ(body["status"], "@anne@social.example Dank je Anne, we bellen je vandaag. Eva");
    EXPECT_EQ(body["in_reply_to_id"], "1001");
    EXPECT_EQ(body["visibility"], "unlisted");  // as the post was, unless the agent chose
    EXPECT_EQ(delivery(), "sent");
    EXPECT_EQ(theReply().externalId, "9001");
    EXPECT_TRUE(firstResponseAt().has_value());
    const auto delivered = test::eventsOfKind(workspace.open(), domain::EventKind::ReplyDelivered);
    ASSERT_EQ(delivered.size(), 1u);
    EXPECT_EQ(delivered[0].detail.value_or(""), std::to_string(replyId));
}

TEST_F(ReplyPublisherTest, AFailedPostIsRecordedAndItsRetrySendsTheSameKey)
{
    serveTag(http, Json::array({status("1001")}));
    int attempts = 0;
    http.server().Post("/api/v1/statuses", [&](const httplib::Request& request, httplib::Response& res) {
        receive(request);
        if (++attempts == 1) {
            res.status = 503;
            res.set_content(R"({"error":"Remote data could not be fetched"})", "application/json");
            return;
        }
        res.set_content(R"({"id":"9002","url":"https://social.example/@vondelfiets/9002"})", "application/json");
    });
    const auto conversation = listen({.kind = "mastodon-tag", .instance = "social.example", .tag = "vondelfiets"});
    secret = "brand-token";
    auto failed = reply(conversation, "Dank je, Eva", "direct");
    ASSERT_FALSE(failed.ok());
    EXPECT_NE(failed.message().find("Remote data could not be fetched"), std::string::npos) << failed.message();
    EXPECT_EQ(delivery(), "failed");
    EXPECT_FALSE(firstResponseAt().has_value())
        << "a reply nobody saw is no response";

    auto retried = resend();
    ASSERT_TRUE(retried.ok()) << retried.message();
    const auto sent = posts("/api/v1/statuses");
    ASSERT_EQ(sent.size(), 2u);
    EXPECT_EQ(sent[0].header("Idempotency-Key"), sent[1].header("Idempotency-Key"));
    EXPECT_EQ(Json::parse(sent[1].body)["visibility"], "direct");
    EXPECT_EQ(delivery(), "sent");
    EXPECT_FALSE(resend().ok()) << "a sent reply is not sent again";
    EXPECT_EQ(posts("/api/v1/statuses").size(), 2u);
}

TEST_F(ReplyPublisherTest, AReplyLeftPostingByAStoppedProgramCanBeSentAgainLater)
{
    serveTag(http, Json::array({status("1001")}));
    http.server().Post("/api/v1/statuses", [&](const httplib::Request& request, httplib::Response& res) {
        receive(request);
        res.set_content(R"({"id":"9003","url":"https://social.example/@vondelfiets/9003"})", "application/json");
    });
    const auto conversation = listen({.kind = "mastodon-tag", .instance = "social.example", .tag = "vondelfiets"});
    secret = "brand-token";
    replyId = inbox::Inbox(workspace.open().writer())
                  .reply(conversation, kAgent, "Dank je, Eva", inbox::Channel::Platform)
                  .value()
                  .id;
    // Another program claimed it a moment ago: it is still posting.
    claimPostingAt(std::time(nullptr) - 10);
    auto busy = resend();
    ASSERT_FALSE(busy.ok());
    EXPECT_NE(busy.message().find("being posted right now"), std::string::npos) << busy.message();
    EXPECT_TRUE(posts("/api/v1/statuses").empty());

    // A claim older than any post takes: the program that made it stopped. (A second reply,
    // as the first one's claim cannot be made older without changing the rows by hand.)
    replyId = inbox::Inbox(workspace.open().writer())
                  .reply(conversation, kAgent, "Dank je, Eva. Nog iets", inbox::Channel::Platform)
                  .value()
                  .id;
    claimPostingAt(std::time(nullptr) - 600);
    auto taken = resend();
    ASSERT_TRUE(taken.ok()) << taken.message();
    EXPECT_EQ(delivery(), "sent");
    EXPECT_EQ(posts("/api/v1/statuses").size(), 1u);
}

TEST_F(ReplyPublisherTest, ANextReplyAnswersTheCustomerNotTheBrandsOwnReplyHeardBack)
{
    // The brand's reply comes back through the hashtag it carried, newest in the thread.
    Json brand = status("9001");
    brand["uri"] = "https://social.example/users/vondelfiets/statuses/9001";
    brand["url"] = "https://social.example/@vondelfiets/9001";
    brand["in_reply_to_id"] = "1001";
    brand["account"] = {{"acct", "vondelfiets"}, {"display_name", "Vondelfiets"}, {"url", "https://social.example/@vondelfiets"}};
    Json customer = status("1001");
    customer["created_at"] = isoAgo(900);
    http.server().Get("/api/v1/timelines/tag/vondelfiets", [&](const httplib::Request&, httplib::Response& res) {
        const bool brandPosted = !posts("/api/v1/statuses").empty();
        res.set_content((brandPosted ? Json::array({brand, customer}) : Json::array({customer})).dump(), "application/json");
    });
    http.server().Post("/api/v1/statuses", [&](const httplib::Request& request, httplib::Response& res) {
        receive(request);
        res.set_content(R"({"id":"9001","url":"https://social.example/@vondelfiets/9001"})", "application/json");
    });
    const auto conversation = listen({.kind = "mastodon-tag", .instance = "social.example", .tag = "vondelfiets"});
    secret = "brand-token";
    ASSERT_TRUE(reply(conversation, "We kijken ernaar. Eva").ok());
    (*engine::Engine::open(workspace.open(), nullptr))->pollOnce();
    ASSERT_EQ(test::detailOf(workspace.open(), conversation).messageCount, 2) << "the brand's post was heard back";

    ASSERT_TRUE(reply(conversation, "Update: het onderdeel is besteld. Eva").ok());
    const auto sent = posts("/api/v1/statuses");
    ASSERT_EQ(sent.size(), 2u);
    EXPECT_EQ(Json::parse(sent[1].body)["in_reply_to_id"], "1001");
    EXPECT_EQ(Json::parse(sent[1].body)["status"], "@anne@social.example Update: het onderdeel is besteld. Eva");
}

TEST_F(ReplyPublisherTest, MastodonLooksAPostUpOnTheBrandsOwnServerFirst)
{
    serveTag(http, Json::array({status("1001")}));
    http.server().Get("/home/api/v2/search", [&](const httplib::Request& request, httplib::Response& res) {
        receive(request);
        EXPECT_EQ(request.get_param_value("q"), "https://social.example/users/anne/statuses/1001");
        EXPECT_EQ(request.get_param_value("resolve"), "true");
        res.set_content(R"({"accounts":[],"statuses":[{"id":"777"}],"hashtags":[]})", "application/json");
    });
    http.server().Post("/home/api/v1/statuses", [&](const httplib::Request& request, httplib::Response& res) {
        receive(request);
        res.set_content(R"({"id":"9003","url":"https://home.example/@brand/9003"})", "application/json");
    });
    // Listening through one server, posting as an account of another (here: another base address).
    const auto conversation = listen({.kind = "mastodon-tag", .instance = "social.example", .tag = "vondelfiets"},
                                     R"({"post_instance":")" + http.url("/home/") + R"("})");
    secret = "brand-token";
    auto published = reply(conversation, "Dank je, Eva");
    ASSERT_TRUE(published.ok()) << published.message();
    ASSERT_EQ(posts("/home/api/v2/search").size(), 1u);
    EXPECT_EQ(posts("/home/api/v2/search")[0].header("Authorization"), "Bearer brand-token");
    EXPECT_EQ(Json::parse(posts("/home/api/v1/statuses").at(0).body)["in_reply_to_id"], "777");
}

TEST_F(ReplyPublisherTest, MastodonWithoutATokenSaysHowToGetOne)
{
    serveTag(http, Json::array({status("1001")}));
    const auto conversation = listen({.kind = "mastodon-tag", .instance = "social.example", .tag = "vondelfiets"});
    auto refused = reply(conversation, "Dank je, Eva");
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.message().find("New application"), std::string::npos) << refused.message();
    EXPECT_EQ(delivery(), "failed");
}

// --- Bluesky -----------------------------------------------------------------------------------------

Json blueskyPost(const std::string& rkey, const std::string& text, const Json& reply = nullptr)
{
    Json record = {{"$type", "app.bsky.feed.post"}, {"text", text}, {"createdAt", isoAgo(900)}};
    if (!reply.is_null())
        record["reply"] = reply;
    return {{"uri", "at://did:plc:anne/app.bsky.feed.post/" + rkey},
            {"cid", "bafy-" + rkey},
            {"author", {{"did", "did:plc:anne"}, {"handle", "anne.bsky.social"}, {"displayName", "Anne"}}},
            {"record", record},
            {"indexedAt", isoAgo(900)}};
}

TEST_F(ReplyPublisherTest, BlueskyReplyOpensASessionAndCarriesRootAndParent)
{
    const Json root = {{"uri", "at://did:plc:brand/app.bsky.feed.post/root1"}, {"cid", "bafy-root1"}};
    const Json customer = blueskyPost("c1", "Mijn Vondelfiets piept", {{"root", root}, {"parent", root}});
    http.server().Get("/xrpc/app.bsky.feed.getAuthorFeed", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(Json{{"feed", {{{"post", customer}}}}}.dump(), "application/json");
    });
    int sessions = 0;
    int records = 0;
    http.server().Post("/xrpc/com.atproto.server.createSession", [&](const httplib::Request& request, httplib::Response& res) {
        receive(request);
        ++sessions;
        res.set_content(R"({"accessJwt":"access-)" + std::to_string(sessions) +
                            R"(","refreshJwt":"refresh-1","did":"did:plc:brand","handle":"vondelfiets.nl"})",
                        "application/json");
    });
    http.server().Post("/xrpc/com.atproto.server.refreshSession", [&](const httplib::Request& request, httplib::Response& res) {
        receive(request);
        res.set_content(R"({"accessJwt":"access-refreshed","refreshJwt":"refresh-2","did":"did:plc:brand","handle":"vondelfiets.nl"})",
                        "application/json");
    });
    http.server().Post("/xrpc/com.atproto.repo.createRecord", [&](const httplib::Request& request, httplib::Response& res) {
        receive(request);
        // The second reply's first attempt finds the session expired, as bsky.social says it.
        if (++records == 2) {
            res.status = 400;
            res.set_content(R"({"error":"ExpiredToken","message":"Token has expired"})", "application/json");
            return;
        }
        const Json body = Json::parse(request.body);
        res.set_content(Json{{"uri", "at://did:plc:brand/app.bsky.feed.post/" + body["rkey"].get<std::string>()},
                             {"cid", "bafy-new"}}
                            .dump(),
                        "application/json");
    });
    const auto conversation = listen({.kind = "bluesky-author", .actor = "vondelfiets.nl"});
    secret = "abcd-efgh-ijkl-mnop";

    auto published = reply(conversation, "Dank je Anne! Eva");
    ASSERT_TRUE(published.ok()) << published.message();
    const Json login = Json::parse(posts("/xrpc/com.atproto.server.createSession").at(0).body);
    EXPECT_EQ(login["identifier"], "vondelfiets.nl");
    EXPECT_EQ(login["password"], "abcd-efgh-ijkl-mnop");
    const auto created = posts("/xrpc/com.atproto.repo.createRecord");
    ASSERT_EQ(created.size(), 1u);
    EXPECT_EQ(created[0].header("Authorization"), "Bearer access-1");
    const Json body = Json::parse(created[0].body);
    EXPECT_EQ(body["repo"], "did:plc:brand");
    EXPECT_EQ(body["collection"], "app.bsky.feed.post");
    EXPECT_EQ(body["rkey"].get<std::string>().size(), 13u);
    EXPECT_EQ(body["record"]["text"], "Dank je Anne! Eva");
    EXPECT_EQ(body["record"]["reply"]["root"], root);
    EXPECT_EQ(body["record"]["reply"]["parent"],
              (Json{{"uri", "at://did:plc:anne/app.bsky.feed.post/c1"}, {"cid", "bafy-c1"}}));
    EXPECT_EQ(published->url, "https://bsky.app/profile/vondelfiets.nl/post/" + body["rkey"].get<std::string>());

    // An expired session is refreshed with the refresh token, and the post made once.
    auto second = reply(conversation, "Nog een vraag? Eva");
    ASSERT_TRUE(second.ok()) << second.message();
    const auto refreshes = posts("/xrpc/com.atproto.server.refreshSession");
    ASSERT_EQ(refreshes.size(), 1u);
    EXPECT_EQ(refreshes[0].header("Authorization"), "Bearer refresh-1");
    const auto afterRefresh = posts("/xrpc/com.atproto.repo.createRecord");
    ASSERT_EQ(afterRefresh.size(), 3u);
    EXPECT_EQ(afterRefresh[2].header("Authorization"), "Bearer access-refreshed");
    EXPECT_EQ(Json::parse(afterRefresh[1].body)["rkey"], Json::parse(afterRefresh[2].body)["rkey"]);
    EXPECT_EQ(sessions, 1) << "one login for both replies";
}

TEST_F(ReplyPublisherTest, BlueskyPostWhoseAnswerIsLostIsFoundWrittenAndNotTakenForOneThatWasNot)
{
    http.server().Get("/xrpc/app.bsky.feed.getAuthorFeed", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(Json{{"feed", {{{"post", blueskyPost("c3", "Waar is mijn fiets?")}}}}}.dump(), "application/json");
    });
    http.server().Post("/xrpc/com.atproto.server.createSession", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(R"({"accessJwt":"a","refreshJwt":"r","did":"did:plc:brand","handle":"vondelfiets.nl"})",
                        "application/json");
    });
    std::map<std::string, Json> repository;  // rkey -> record, as the server keeps them
    bool writing = true;
    http.server().Post("/xrpc/com.atproto.repo.createRecord", [&](const httplib::Request& request, httplib::Response& res) {
        receive(request);
        const Json body = Json::parse(request.body);
        const std::string rkey = body["rkey"];
        std::lock_guard lock(mutex);
        if (repository.count(rkey) || !writing) {  // what bsky.social answers a second write of one key
            res.status = 500;
            res.set_content(R"({"error":"InternalServerError","message":"Internal Server Error"})", "application/json");
            return;
        }
        repository[rkey] = body["record"];
        res.status = 502;  // written, but the answer is lost on the way
        res.set_content("Bad Gateway", "text/plain");
    });
    http.server().Get("/xrpc/com.atproto.repo.getRecord", [&](const httplib::Request& request, httplib::Response& res) {
        std::lock_guard lock(mutex);
        const auto found = repository.find(request.get_param_value("rkey"));
        if (found == repository.end()) {
            res.status = 400;
            res.set_content(R"({"error":"RecordNotFound","message":"Could not locate record"})", "application/json");
            return;
        }
        res.set_content(Json{{"uri", "at://did:plc:brand/app.bsky.feed.post/" + found->first}, {"cid", "bafy-x"},
                             {"value", found->second}}
                            .dump(),
                        "application/json");
    });
    const auto conversation = listen({.kind = "bluesky-author", .actor = "vondelfiets.nl"});
    secret = "abcd-efgh-ijkl-mnop";

    ASSERT_TRUE(reply(conversation, "We kijken het na. Eva").ok()) << "written, though the answer was lost";
    EXPECT_EQ(delivery(), "sent");
    EXPECT_EQ(repository.size(), 1u);

    // A reply whose first write never arrived is not taken for one that did.
    {
        std::lock_guard lock(mutex);
        writing = false;  // the server fails before writing anything
    }
    auto failed = reply(conversation, "Tweede antwoord. Eva");
    EXPECT_FALSE(failed.ok());
    EXPECT_EQ(delivery(), "failed");
}

TEST_F(ReplyPublisherTest, BlueskyRefusesAReplyOverThreeHundredCharactersBeforeSendingIt)
{
    http.server().Get("/xrpc/app.bsky.feed.getAuthorFeed", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(Json{{"feed", {{{"post", blueskyPost("c2", "hallo")}}}}}.dump(), "application/json");
    });
    http.server().Post(R"(/xrpc/.*)", [&](const httplib::Request& request, httplib::Response&) { receive(request); });
    const auto conversation = listen({.kind = "bluesky-author", .actor = "vondelfiets.nl"});
    secret = "abcd-efgh-ijkl-mnop";
    std::string text;
    for (int i = 0; i < 301; ++i)
        text += "é";  // one grapheme, two bytes
    // The reply checks object first; with the check overridden, the connector still refuses.
    auto refused = reply(conversation, text, {}, {{"length", "testing the connector's own limit"}});
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.message().find("301"), std::string::npos) << refused.message();
    std::lock_guard lock(mutex);
    EXPECT_TRUE(received.empty()) << "nothing was sent";
}

// --- Discourse ---------------------------------------------------------------------------------------

TEST_F(ReplyPublisherTest, DiscourseReplyGoesToTheTopicAndThePostWithTheUserApiKey)
{
    http.server().Get("/posts.json", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(Json{{"latest_posts",
                              {{{"id", 501}, {"topic_id", 77}, {"post_number", 3}, {"username", "piet"},
                                {"created_at", isoAgo(300)}, {"cooked", "<p>Piept</p>"}, {"topic_slug", "piep"},
                                {"topic_title", "Piep"}}}}}
                            .dump(),
                        "application/json");
    });
    int attempts = 0;
    http.server().Post("/posts.json", [&](const httplib::Request& request, httplib::Response& res) {
        receive(request);
        if (++attempts == 1) {
            res.status = 422;
            res.set_content(R"({"action":"create_post","errors":["Body is too similar to what you recently posted"]})",
                            "application/json");
            return;
        }
        res.set_content(R"({"id":502,"topic_id":77,"post_number":4,"topic_slug":"piep"})", "application/json");
    });
    const auto conversation = listen({.kind = "discourse-latest", .instance = "forum.example"});
    secret = "user-api-key-1";
    auto refused = reply(conversation, "Dank je Piet, we sturen een nieuw remblok. Eva");
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.message().find("too similar"), std::string::npos) << refused.message();
    auto published = resend();
    ASSERT_TRUE(published.ok()) << published.message();
    const auto sent = posts("/posts.json");
    ASSERT_EQ(sent.size(), 2u);
    EXPECT_EQ(sent[1].header("User-Api-Key"), "user-api-key-1");
    const Json body = Json::parse(sent[1].body);
    EXPECT_EQ(body["topic_id"], 77);
    EXPECT_EQ(body["reply_to_post_number"], 3);
    EXPECT_EQ(body["raw"], "Dank je Piet, we sturen een nieuw remblok. Eva");
    EXPECT_EQ(published->url, "https://forum.example/t/piep/77/4");
}

// --- listen-only platforms ---------------------------------------------------------------------------

TEST_F(ReplyPublisherTest, HackerNewsRepliesAreOffPlatform)
{
    http.server().Get("/search_by_date", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(R"({"hits":[{"objectID":"1","created_at_i":1700000000,"author":"pg","title":"Vondelfiets","story_text":"?"}],"nbPages":1})",
                        "application/json");
    });
    const auto conversation = listen({.kind = "hn-search", .query = "vondelfiets"});
    inbox::Inbox inbox(workspace.open().writer());
    auto refused = inbox.reply(conversation, kAgent, "Dank je, Eva", inbox::Channel::Platform);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.message().find("off-platform"), std::string::npos) << refused.message();
    EXPECT_TRUE(inbox.reply(conversation, kAgent, "Dank je, Eva", inbox::Channel::OffPlatform).ok());
}

}  // namespace
