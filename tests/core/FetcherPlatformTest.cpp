// What platform APIs need of the fetcher, against real servers on 127.0.0.1: extra request
// headers, POST bodies, response headers, and credentials that never leave their host.
#include <gtest/gtest.h>

#include <atomic>

#include "TestHttpServer.h"
#include "earshot/net/Fetcher.h"

namespace earshot::net {
namespace {

using test::TestHttpServer;

FetchResponse fetchOne(const FetchRequest& request)
{
    Fetcher fetcher;
    std::vector<FetchResponse> responses;
    fetcher.fetchAll({request}, [&](FetchResponse response) { responses.push_back(std::move(response)); });
    EXPECT_EQ(responses.size(), 1u);
    return responses.empty() ? FetchResponse{} : std::move(responses.front());
}

TEST(FetcherPlatform, SendsHeadersAndAPostBodyAndReturnsTheResponseHeaders)
{
    TestHttpServer http;
    std::string authorization, idempotency, contentType, body;
    http.server().Post("/api/v1/statuses", [&](const httplib::Request& request, httplib::Response& response) {
        authorization = request.get_header_value("Authorization");
        idempotency = request.get_header_value("Idempotency-Key");
        contentType = request.get_header_value("Content-Type");
        body = request.body;
        response.set_header("X-RateLimit-Remaining", "299");
        response.set_content(R"({"id":"1"})", "application/json");
    });
    const FetchResponse response = fetchOne({.key = 1,
                                             .url = http.url("/api/v1/statuses"),
                                             .headers = {"Authorization: Bearer t0ken", "Idempotency-Key: abc-1",
                                                         "X-Injected: a\r\nEvil: b"},
                                             .method = "POST",
                                             .body = R"({"status":"Dank je!"})",
                                             .bodyType = "application/json"});
    EXPECT_EQ(response.outcome, FetchOutcome::Ok) << response.error;
    EXPECT_EQ(authorization, "Bearer t0ken");
    EXPECT_EQ(idempotency, "abc-1");
    EXPECT_EQ(contentType, "application/json");
    EXPECT_EQ(body, R"({"status":"Dank je!"})");
    EXPECT_EQ(response.header("x-ratelimit-remaining"), "299");
    EXPECT_EQ(response.header("no-such-header"), "");
}

TEST(FetcherPlatform, CredentialsAreNotFollowedToAnotherHost)
{
    TestHttpServer other;
    std::atomic<int> otherRequests{0};
    other.server().Get("/steal", [&](const httplib::Request&, httplib::Response& response) {
        ++otherRequests;
        response.set_content("[]", "application/json");
    });
    TestHttpServer http;
    http.server().Get("/api", [&](const httplib::Request&, httplib::Response& response) {
        response.set_redirect(other.url("/steal"), 302);
    });
    const FetchResponse response =
        fetchOne({.key = 1, .url = http.url("/api"), .headers = {"Authorization: Bearer t0ken"}});
    EXPECT_EQ(response.outcome, FetchOutcome::Failed);
    EXPECT_NE(response.error.find("another host"), std::string::npos) << response.error;
    EXPECT_EQ(otherRequests, 0);
}

TEST(FetcherPlatform, APostIsNotSentAgainWhenRedirected)
{
    TestHttpServer http;
    std::atomic<int> posts{0};
    http.server().Post("/old", [&](const httplib::Request&, httplib::Response& response) {
        ++posts;
        response.set_redirect(http.url("/new"), 307);
    });
    http.server().Post("/new", [&](const httplib::Request&, httplib::Response&) { ++posts; });
    const FetchResponse response = fetchOne({.key = 1, .url = http.url("/old"), .method = "POST", .body = "x"});
    EXPECT_EQ(response.outcome, FetchOutcome::Failed);
    EXPECT_NE(response.error.find("nothing is posted twice"), std::string::npos) << response.error;
    EXPECT_EQ(posts, 1);
}

}  // namespace
}  // namespace earshot::net
