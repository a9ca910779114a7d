// Fetcher against a real HTTP server on 127.0.0.1: statuses, conditional GET, encodings,
// file:// and connection failures.
#include <gtest/gtest.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <mutex>

#include <unistd.h>

#include "TestHttpServer.h"
#include "earshot/core/Version.h"
#include "earshot/net/Fetcher.h"

namespace earshot::net {
namespace {

using test::TestHttpServer;

FetchResponse fetchOne(const FetchRequest& request, const FetchOptions& options = {})
{
    Fetcher fetcher(options);
    std::vector<FetchResponse> responses;
    fetcher.fetchAll({request}, [&](FetchResponse response) { responses.push_back(std::move(response)); });
    EXPECT_EQ(responses.size(), 1u);
    return responses.empty() ? FetchResponse{} : std::move(responses.front());
}

FetchResponse fetchUrl(const std::string& url)
{
    return fetchOne(FetchRequest{7, url, "", ""});
}

std::string httpDate(std::time_t when)
{
    std::tm parts{};
    gmtime_r(&when, &parts);
    char text[64];
    std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &parts);
    return text;
}

// A value a handler records on the server thread and the test reads afterwards.
class Seen {
public:
    void set(std::string value)
    {
        const std::lock_guard lock(m_mutex);
        m_value = std::move(value);
    }
    std::string get() const
    {
        const std::lock_guard lock(m_mutex);
        return m_value;
    }

private:
    mutable std::mutex m_mutex;
    std::string m_value = "(not requested)";
};

constexpr const char* kFeed = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>";

TEST(FetcherTest, OkReturnsBodyContentTypeAndValidators)
{
    TestHttpServer http;
    http.server().Get("/feed", [](const httplib::Request&, httplib::Response& res) {
        res.set_header("ETag", "\"v1\"");
        res.set_header("Last-Modified", "Tue, 02 Jan 2024 03:04:05 GMT");
        res.set_content(kFeed, "application/rss+xml; charset=utf-8");
    });

    const FetchResponse response = fetchOne(FetchRequest{42, http.url("/feed"), "", ""});

    EXPECT_EQ(response.key, 42);
    EXPECT_EQ(response.outcome, FetchOutcome::Ok);
    EXPECT_EQ(response.httpStatus, 200);
    EXPECT_EQ(response.body, kFeed);
    EXPECT_EQ(response.contentType, "application/rss+xml; charset=utf-8");
    EXPECT_EQ(response.etag, "\"v1\"");
    EXPECT_EQ(response.lastModified, "Tue, 02 Jan 2024 03:04:05 GMT");
    EXPECT_EQ(response.effectiveUrl, http.url("/feed"));
    EXPECT_TRUE(response.permanentUrl.empty());
    EXPECT_FALSE(response.retryAfterSeconds.has_value());
    EXPECT_TRUE(response.error.empty());
}

TEST(FetcherTest, MatchingEtagGivesNotModifiedWithoutBody)
{
    TestHttpServer http;
    http.server().Get("/feed", [](const httplib::Request& req, httplib::Response& res) {
        res.set_header("ETag", "\"v1\"");
        if (req.get_header_value("If-None-Match") == "\"v1\"") {
            res.status = 304;
            return;
        }
        res.set_content(kFeed, "application/rss+xml");
    });

    const FetchResponse response = fetchOne(FetchRequest{1, http.url("/feed"), "\"v1\"", ""});

    EXPECT_EQ(response.outcome, FetchOutcome::NotModified);
    EXPECT_EQ(response.httpStatus, 304);
    EXPECT_TRUE(response.body.empty());
    EXPECT_EQ(response.etag, "\"v1\"");
    EXPECT_TRUE(response.error.empty());
}

TEST(FetcherTest, MatchingLastModifiedGivesNotModified)
{
    const std::string stamp = "Tue, 02 Jan 2024 03:04:05 GMT";
    TestHttpServer http;
    http.server().Get("/feed", [&stamp](const httplib::Request& req, httplib::Response& res) {
        EXPECT_FALSE(req.has_header("If-None-Match"));
        if (req.get_header_value("If-Modified-Since") == stamp) {
            res.status = 304;
            return;
        }
        res.set_header("Last-Modified", stamp);
        res.set_content(kFeed, "application/rss+xml");
    });

    const FetchResponse response = fetchOne(FetchRequest{1, http.url("/feed"), "", stamp});

    EXPECT_EQ(response.outcome, FetchOutcome::NotModified);
    EXPECT_TRUE(response.body.empty());
    // The server did not repeat the validator; the caller's copy is kept.
    EXPECT_EQ(response.lastModified, stamp);
}

TEST(FetcherTest, ValidatorsWithLineBreaksAreNotSent)
{
    TestHttpServer http;
    Seen etag;
    http.server().Get("/feed", [&etag](const httplib::Request& req, httplib::Response& res) {
        etag.set(req.get_header_value("If-None-Match"));
        EXPECT_FALSE(req.has_header("X-Injected"));
        res.set_content(kFeed, "application/rss+xml");
    });

    const FetchResponse response = fetchOne(FetchRequest{1, http.url("/feed"), "\"a\"\r\nX-Injected: 1", ""});

    EXPECT_EQ(response.outcome, FetchOutcome::Ok);
    EXPECT_EQ(etag.get(), "");
}

TEST(FetcherTest, NotFoundIsHttpError)
{
    TestHttpServer http;
    http.server().Get("/missing", [](const httplib::Request&, httplib::Response& res) {
        res.status = 404;
        res.set_content("nope", "text/plain");
    });

    const FetchResponse response = fetchUrl(http.url("/missing"));

    EXPECT_EQ(response.outcome, FetchOutcome::HttpError);
    EXPECT_EQ(response.httpStatus, 404);
    EXPECT_EQ(response.error, "HTTP 404 Not Found");
    EXPECT_EQ(response.body, "nope");  // what the server said, for a platform's error message
}

TEST(FetcherTest, ServerErrorIsHttpError)
{
    TestHttpServer http;
    http.server().Get("/broken", [](const httplib::Request&, httplib::Response& res) { res.status = 500; });

    const FetchResponse response = fetchUrl(http.url("/broken"));

    EXPECT_EQ(response.outcome, FetchOutcome::HttpError);
    EXPECT_EQ(response.httpStatus, 500);
    EXPECT_EQ(response.error, "HTTP 500 Internal Server Error");
}

TEST(FetcherTest, GoneTellsTheSourceIsDisabled)
{
    TestHttpServer http;
    http.server().Get("/old", [](const httplib::Request&, httplib::Response& res) { res.status = 410; });

    const FetchResponse response = fetchUrl(http.url("/old"));

    EXPECT_EQ(response.outcome, FetchOutcome::Gone);
    EXPECT_EQ(response.httpStatus, 410);
    EXPECT_NE(response.error.find("gone for good"), std::string::npos) << response.error;
    EXPECT_NE(response.error.find("disabled"), std::string::npos) << response.error;
}

TEST(FetcherTest, TooManyRequestsGivesRetryAfterSeconds)
{
    TestHttpServer http;
    http.server().Get("/busy", [](const httplib::Request&, httplib::Response& res) {
        res.status = 429;
        res.set_header("Retry-After", "120");
    });

    const FetchResponse response = fetchUrl(http.url("/busy"));

    EXPECT_EQ(response.outcome, FetchOutcome::RateLimited);
    EXPECT_EQ(response.httpStatus, 429);
    ASSERT_TRUE(response.retryAfterSeconds.has_value());
    EXPECT_EQ(*response.retryAfterSeconds, 120);
    EXPECT_NE(response.error.find("HTTP 429 Too Many Requests"), std::string::npos) << response.error;
}

TEST(FetcherTest, ServiceUnavailableWithHttpDateRetryAfter)
{
    TestHttpServer http;
    const std::string retryAt = httpDate(std::time(nullptr) + 300);
    http.server().Get("/down", [&retryAt](const httplib::Request&, httplib::Response& res) {
        res.status = 503;
        res.set_header("Retry-After", retryAt);
    });

    const FetchResponse response = fetchUrl(http.url("/down"));

    EXPECT_EQ(response.outcome, FetchOutcome::RateLimited);
    EXPECT_EQ(response.httpStatus, 503);
    ASSERT_TRUE(response.retryAfterSeconds.has_value());
    // Whole seconds in the date, and the clock moved on while fetching.
    EXPECT_GE(*response.retryAfterSeconds, 290);
    EXPECT_LE(*response.retryAfterSeconds, 300);
}

TEST(FetcherTest, RateLimitedWithoutRetryAfterHasNoDelay)
{
    TestHttpServer http;
    http.server().Get("/busy", [](const httplib::Request&, httplib::Response& res) { res.status = 429; });

    const FetchResponse response = fetchUrl(http.url("/busy"));

    EXPECT_EQ(response.outcome, FetchOutcome::RateLimited);
    EXPECT_FALSE(response.retryAfterSeconds.has_value());
}

TEST(FetcherTest, GzipEncodedBodyIsDecoded)
{
    TestHttpServer http;
    Seen acceptEncoding;
    http.server().Get("/feed.gz", [&acceptEncoding](const httplib::Request& req, httplib::Response& res) {
        acceptEncoding.set(req.get_header_value("Accept-Encoding"));
        res.set_header("Content-Encoding", "gzip");
        res.set_content(test::gzipCompress(kFeed), "application/rss+xml");
    });

    const FetchResponse response = fetchUrl(http.url("/feed.gz"));

    EXPECT_EQ(response.outcome, FetchOutcome::Ok);
    EXPECT_EQ(response.body, kFeed);
    EXPECT_NE(acceptEncoding.get().find("gzip"), std::string::npos) << acceptEncoding.get();
}

TEST(FetcherTest, SendsEarshotUserAgent)
{
    TestHttpServer http;
    Seen userAgent;
    http.server().Get("/feed", [&userAgent](const httplib::Request& req, httplib::Response& res) {
        userAgent.set(req.get_header_value("User-Agent"));
        res.set_content(kFeed, "application/rss+xml");
    });

    EXPECT_EQ(fetchUrl(http.url("/feed")).outcome, FetchOutcome::Ok);

    EXPECT_EQ(userAgent.get(), defaultUserAgent());
    EXPECT_EQ(userAgent.get(), std::string("Earshot/") + kVersion + " (+" + kProjectUrl + ")");
}

TEST(FetcherTest, CustomUserAgentIsSent)
{
    TestHttpServer http;
    Seen userAgent;
    http.server().Get("/feed", [&userAgent](const httplib::Request& req, httplib::Response& res) {
        userAgent.set(req.get_header_value("User-Agent"));
        res.set_content(kFeed, "application/rss+xml");
    });
    FetchOptions options;
    options.userAgent = "EarshotTest/1";

    EXPECT_EQ(fetchOne(FetchRequest{1, http.url("/feed"), "", ""}, options).outcome, FetchOutcome::Ok);

    EXPECT_EQ(userAgent.get(), "EarshotTest/1");
}

TEST(FetcherTest, ReadsFileUrl)
{
    const auto path = std::filesystem::temp_directory_path() / ("earshot-fetcher-" + std::to_string(::getpid()) + ".xml");
    std::ofstream(path) << kFeed;

    const FetchResponse response = fetchUrl("file://" + path.string());
    std::filesystem::remove(path);

    EXPECT_EQ(response.outcome, FetchOutcome::Ok) << response.error;
    EXPECT_EQ(response.body, kFeed);
}

TEST(FetcherTest, MissingFileCannotBeRead)
{
    const FetchResponse response = fetchUrl("file:///nonexistent/earshot/feed.xml");

    EXPECT_EQ(response.outcome, FetchOutcome::Failed);
    EXPECT_NE(response.error.find("cannot read /nonexistent/earshot/feed.xml"), std::string::npos) << response.error;
}

TEST(FetcherTest, ClosedPortIsConnectionRefused)
{
    std::string url;
    int port = 0;
    {
        TestHttpServer closed;
        url = closed.url("/feed");
        port = closed.port();
    }

    const FetchResponse response = fetchUrl(url);

    EXPECT_EQ(response.outcome, FetchOutcome::Failed);
    EXPECT_EQ(response.httpStatus, 0);
    EXPECT_EQ(response.error, "connection refused by 127.0.0.1:" + std::to_string(port) + " — is the server up?");
}

TEST(FetcherTest, UnsupportedSchemeFailsWithoutConnecting)
{
    const FetchResponse response = fetchUrl("ftp://127.0.0.1/feed.xml");

    EXPECT_EQ(response.outcome, FetchOutcome::Failed);
    EXPECT_NE(response.error.find("only http, https and file"), std::string::npos) << response.error;
}

TEST(FetcherTest, MalformedUrlFails)
{
    const FetchResponse response = fetchUrl("not a url");

    EXPECT_EQ(response.outcome, FetchOutcome::Failed);
    EXPECT_NE(response.error.find("malformed address"), std::string::npos) << response.error;
}

TEST(FetcherTest, TestServerServesHandlersRegisteredAfterStarting)
{
    { const TestHttpServer unused; }  // a server never started still shuts down
    TestHttpServer http;
    const std::string url = http.url("/late");
    http.server().Get("/late", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(kFeed, "application/rss+xml");
    });

    const FetchResponse response = fetchUrl(url);

    EXPECT_EQ(response.outcome, FetchOutcome::Ok) << response.error;
    EXPECT_EQ(response.body, kFeed);
}

TEST(FetcherTest, OutcomeNamesAreStable)
{
    EXPECT_STREQ(outcomeName(FetchOutcome::Ok), "ok");
    EXPECT_STREQ(outcomeName(FetchOutcome::NotModified), "not_modified");
    EXPECT_STREQ(outcomeName(FetchOutcome::Gone), "gone");
    EXPECT_STREQ(outcomeName(FetchOutcome::RateLimited), "rate_limited");
    EXPECT_STREQ(outcomeName(FetchOutcome::HttpError), "http_error");
    EXPECT_STREQ(outcomeName(FetchOutcome::Failed), "failed");
}

}  // namespace
}  // namespace earshot::net
