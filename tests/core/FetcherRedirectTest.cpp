// Fetcher's own redirect handling: permanent moves reported for the caller to store,
// temporary ones not, and loops, long chains and jumps to file:// refused.
#include <gtest/gtest.h>

#include "TestHttpServer.h"
#include "earshot/net/Fetcher.h"

namespace earshot::net {
namespace {

using test::TestHttpServer;

constexpr const char* kFeed = "<rss version=\"2.0\"><channel><title>moved</title></channel></rss>";

FetchResponse fetchUrl(const std::string& url, const FetchRequest& base = {})
{
    FetchRequest request = base;
    request.key = 3;
    request.url = url;
    Fetcher fetcher;
    std::vector<FetchResponse> responses;
    fetcher.fetchAll({request}, [&](FetchResponse response) { responses.push_back(std::move(response)); });
    EXPECT_EQ(responses.size(), 1u);
    return responses.empty() ? FetchResponse{} : std::move(responses.front());
}

void serveFeed(TestHttpServer& http, const std::string& path)
{
    http.server().Get(path, [](const httplib::Request&, httplib::Response& res) {
        res.set_content(kFeed, "application/rss+xml");
    });
}

void redirect(TestHttpServer& http, const std::string& from, const std::string& to, int status)
{
    http.server().Get(from, [&http, to, status](const httplib::Request&, httplib::Response& res) {
        res.set_redirect(http.url(to), status);
    });
}

TEST(FetcherRedirectTest, MovedPermanentlySetsPermanentUrl)
{
    TestHttpServer http;
    redirect(http, "/old", "/new", 301);
    serveFeed(http, "/new");

    const FetchResponse response = fetchUrl(http.url("/old"));

    EXPECT_EQ(response.outcome, FetchOutcome::Ok) << response.error;
    EXPECT_EQ(response.httpStatus, 200);
    EXPECT_EQ(response.body, kFeed);
    EXPECT_EQ(response.effectiveUrl, http.url("/new"));
    EXPECT_EQ(response.permanentUrl, http.url("/new"));
}

TEST(FetcherRedirectTest, PermanentRedirectSetsPermanentUrl)
{
    TestHttpServer http;
    redirect(http, "/old", "/new", 308);
    serveFeed(http, "/new");

    const FetchResponse response = fetchUrl(http.url("/old"));

    EXPECT_EQ(response.outcome, FetchOutcome::Ok) << response.error;
    EXPECT_EQ(response.permanentUrl, http.url("/new"));
}

TEST(FetcherRedirectTest, FoundDoesNotSetPermanentUrl)
{
    TestHttpServer http;
    redirect(http, "/feed", "/today", 302);
    serveFeed(http, "/today");

    const FetchResponse response = fetchUrl(http.url("/feed"));

    EXPECT_EQ(response.outcome, FetchOutcome::Ok) << response.error;
    EXPECT_EQ(response.effectiveUrl, http.url("/today"));
    EXPECT_TRUE(response.permanentUrl.empty()) << response.permanentUrl;
}

TEST(FetcherRedirectTest, PermanentUrlStopsAtTheFirstTemporaryHop)
{
    TestHttpServer http;
    redirect(http, "/a", "/b", 301);
    redirect(http, "/b", "/c", 308);
    redirect(http, "/c", "/d", 307);
    redirect(http, "/d", "/e", 301);
    serveFeed(http, "/e");

    const FetchResponse response = fetchUrl(http.url("/a"));

    EXPECT_EQ(response.outcome, FetchOutcome::Ok) << response.error;
    EXPECT_EQ(response.effectiveUrl, http.url("/e"));
    EXPECT_EQ(response.permanentUrl, http.url("/c"));
}

TEST(FetcherRedirectTest, PermanentMoveToAFailingAddressIsNotReported)
{
    TestHttpServer http;
    redirect(http, "/old", "/new", 301);
    http.server().Get("/new", [](const httplib::Request&, httplib::Response& res) { res.status = 404; });

    const FetchResponse response = fetchUrl(http.url("/old"));

    EXPECT_EQ(response.outcome, FetchOutcome::HttpError);
    EXPECT_EQ(response.error, "HTTP 404 Not Found");
    EXPECT_TRUE(response.permanentUrl.empty());
}

TEST(FetcherRedirectTest, PermanentMoveThenNotModifiedIsReported)
{
    TestHttpServer http;
    redirect(http, "/old", "/new", 301);
    http.server().Get("/new", [](const httplib::Request& req, httplib::Response& res) {
        // Conditional headers travel along the redirect.
        res.status = req.get_header_value("If-None-Match") == "\"x\"" ? 304 : 200;
    });
    FetchRequest conditional;
    conditional.etag = "\"x\"";

    const FetchResponse response = fetchUrl(http.url("/old"), conditional);

    EXPECT_EQ(response.outcome, FetchOutcome::NotModified);
    EXPECT_EQ(response.permanentUrl, http.url("/new"));
}

TEST(FetcherRedirectTest, RelativeLocationIsResolved)
{
    TestHttpServer http;
    http.server().Get("/dir/old", [](const httplib::Request&, httplib::Response& res) {
        res.status = 301;
        res.set_header("Location", "../feeds/new.xml");
    });
    serveFeed(http, "/feeds/new.xml");

    const FetchResponse response = fetchUrl(http.url("/dir/old"));

    EXPECT_EQ(response.outcome, FetchOutcome::Ok) << response.error;
    EXPECT_EQ(response.effectiveUrl, http.url("/feeds/new.xml"));
    EXPECT_EQ(response.permanentUrl, http.url("/feeds/new.xml"));
}

TEST(FetcherRedirectTest, RedirectLoopFails)
{
    TestHttpServer http;
    redirect(http, "/a", "/b", 302);
    redirect(http, "/b", "/a", 302);

    const FetchResponse response = fetchUrl(http.url("/a"));

    EXPECT_EQ(response.outcome, FetchOutcome::Failed);
    EXPECT_NE(response.error.find("redirect loop"), std::string::npos) << response.error;
    EXPECT_TRUE(response.permanentUrl.empty());
}

TEST(FetcherRedirectTest, PermanentRedirectLoopFails)
{
    TestHttpServer http;
    redirect(http, "/a", "/a", 301);

    const FetchResponse response = fetchUrl(http.url("/a"));

    EXPECT_EQ(response.outcome, FetchOutcome::Failed);
    EXPECT_NE(response.error.find("redirect loop"), std::string::npos) << response.error;
    EXPECT_TRUE(response.permanentUrl.empty());
}

// /hop/N redirects to /hop/N+1 until N == last, which serves the feed.
void serveHops(TestHttpServer& http, int last)
{
    http.server().Get(R"(/hop/(\d+))", [&http, last](const httplib::Request& req, httplib::Response& res) {
        const int hop = std::stoi(req.matches[1]);
        if (hop >= last) {
            res.set_content(kFeed, "application/rss+xml");
            return;
        }
        res.set_redirect(http.url("/hop/" + std::to_string(hop + 1)), 302);
    });
}

TEST(FetcherRedirectTest, FiveRedirectsAreFollowed)
{
    TestHttpServer http;
    serveHops(http, 5);

    const FetchResponse response = fetchUrl(http.url("/hop/0"));

    EXPECT_EQ(response.outcome, FetchOutcome::Ok) << response.error;
    EXPECT_EQ(response.effectiveUrl, http.url("/hop/5"));
}

TEST(FetcherRedirectTest, SixRedirectsAreTooMany)
{
    TestHttpServer http;
    serveHops(http, 6);

    const FetchResponse response = fetchUrl(http.url("/hop/0"));

    EXPECT_EQ(response.outcome, FetchOutcome::Failed);
    EXPECT_NE(response.error.find("too many redirects (more than 5)"), std::string::npos) << response.error;
}

TEST(FetcherRedirectTest, RedirectToFileUrlIsRefused)
{
    TestHttpServer http;
    http.server().Get("/evil", [](const httplib::Request&, httplib::Response& res) {
        res.status = 302;
        res.set_header("Location", "file:///etc/passwd");
    });

    const FetchResponse response = fetchUrl(http.url("/evil"));

    EXPECT_EQ(response.outcome, FetchOutcome::Failed);
    EXPECT_TRUE(response.body.empty());
    EXPECT_NE(response.error.find("refused redirect"), std::string::npos) << response.error;
}

TEST(FetcherRedirectTest, RedirectWithoutLocationIsHttpError)
{
    TestHttpServer http;
    http.server().Get("/odd", [](const httplib::Request&, httplib::Response& res) { res.status = 302; });

    const FetchResponse response = fetchUrl(http.url("/odd"));

    EXPECT_EQ(response.outcome, FetchOutcome::HttpError);
    EXPECT_EQ(response.httpStatus, 302);
    EXPECT_NE(response.error.find("without a Location header"), std::string::npos) << response.error;
}

}  // namespace
}  // namespace earshot::net
