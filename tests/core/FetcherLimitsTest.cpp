// Fetcher under stress: slow and oversized responses must end as error values within
// the configured limits, many transfers must all complete without overloading a host,
// and cancel() must stop a round promptly.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <thread>

#include "TestHttpServer.h"
#include "earshot/net/Fetcher.h"

namespace earshot::net {
namespace {

using namespace std::chrono_literals;
using test::TestHttpServer;
using Clock = std::chrono::steady_clock;

FetchResponse fetchOne(const std::string& url, const FetchOptions& options)
{
    Fetcher fetcher(options);
    std::vector<FetchResponse> responses;
    fetcher.fetchAll({FetchRequest{1, url, "", ""}}, [&](FetchResponse response) {
        responses.push_back(std::move(response));
    });
    EXPECT_EQ(responses.size(), 1u);
    return responses.empty() ? FetchResponse{} : std::move(responses.front());
}

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

TEST(FetcherLimitsTest, SilentServerHitsTheTotalTimeout)
{
    TestHttpServer http;
    http.server().Get("/slow", [&http](const httplib::Request&, httplib::Response& res) {
        http.sleepFor(30s);
        res.set_content("late", "application/rss+xml");
    });
    FetchOptions options;
    options.totalTimeoutSeconds = 1;

    const auto start = Clock::now();
    const FetchResponse response = fetchOne(http.url("/slow"), options);

    EXPECT_EQ(response.outcome, FetchOutcome::Failed);
    EXPECT_EQ(response.error, "timed out after 1 s");
    // Bounded by the timeout, not by the server's 30 s.
    EXPECT_LT(secondsSince(start), 10.0);
}

TEST(FetcherLimitsTest, TricklingServerHitsTheLowSpeedLimit)
{
    TestHttpServer http;
    http.server().Get("/trickle", [&http](const httplib::Request&, httplib::Response& res) {
        res.set_chunked_content_provider("application/rss+xml", [&http](std::size_t, httplib::DataSink& sink) {
            if (!http.sleepFor(200ms)) {
                return false;
            }
            return sink.write("x", 1);
        });
    });
    FetchOptions options;
    options.lowSpeedBytesPerSecond = 1000;
    options.lowSpeedSeconds = 1;
    options.totalTimeoutSeconds = 30;

    const auto start = Clock::now();
    const FetchResponse response = fetchOne(http.url("/trickle"), options);

    EXPECT_EQ(response.outcome, FetchOutcome::Failed);
    EXPECT_EQ(response.error, "transfer too slow: less than 1000 bytes/s for 1 s");
    EXPECT_LT(secondsSince(start), 10.0);
}

TEST(FetcherLimitsTest, OversizedBodyIsAborted)
{
    TestHttpServer http;
    http.server().Get("/big", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(std::string(1024 * 1024, 'a'), "application/rss+xml");
    });
    FetchOptions options;
    options.maxBodyBytes = 64 * 1024;

    const FetchResponse response = fetchOne(http.url("/big"), options);

    EXPECT_EQ(response.outcome, FetchOutcome::Failed);
    EXPECT_EQ(response.error, "response larger than 64 KiB");
    EXPECT_TRUE(response.body.empty());
}

TEST(FetcherLimitsTest, BodyOfExactlyTheLimitIsAccepted)
{
    TestHttpServer http;
    http.server().Get("/fits", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(std::string(64 * 1024, 'a'), "application/rss+xml");
    });
    FetchOptions options;
    options.maxBodyBytes = 64 * 1024;

    const FetchResponse response = fetchOne(http.url("/fits"), options);

    EXPECT_EQ(response.outcome, FetchOutcome::Ok) << response.error;
    EXPECT_EQ(response.body.size(), 64u * 1024u);
}

TEST(FetcherLimitsTest, GzipBombIsAbortedAfterDecompression)
{
    const std::string bomb = test::gzipCompress(std::string(32 * 1024 * 1024, '\0'));
    ASSERT_LT(bomb.size(), 64u * 1024u);  // small on the wire, the point of the test
    TestHttpServer http;
    http.server().Get("/bomb", [&bomb](const httplib::Request&, httplib::Response& res) {
        res.set_header("Content-Encoding", "gzip");
        res.set_content(bomb, "application/rss+xml");
    });
    FetchOptions options;
    options.maxBodyBytes = 1024 * 1024;

    const FetchResponse response = fetchOne(http.url("/bomb"), options);

    EXPECT_EQ(response.outcome, FetchOutcome::Failed);
    EXPECT_EQ(response.error, "response larger than 1 MiB");
}

TEST(FetcherLimitsTest, ManyParallelRequestsAllComplete)
{
    TestHttpServer http;
    http.server().Get(R"(/item/(\d+))", [&http](const httplib::Request& req, httplib::Response& res) {
        http.sleepFor(2ms);
        res.set_content("item " + std::string(req.matches[1]), "application/rss+xml");
    });
    std::vector<FetchRequest> requests;
    for (int i = 0; i < 100; ++i) {
        requests.push_back(FetchRequest{i, http.url("/item/" + std::to_string(i)), "", ""});
    }
    // One source that fails must not disturb the others.
    requests.push_back(FetchRequest{1000, "file:///nonexistent/earshot.xml", "", ""});

    Fetcher fetcher;
    std::map<std::int64_t, FetchResponse> byKey;
    const auto caller = std::this_thread::get_id();
    fetcher.fetchAll(requests, [&](FetchResponse response) {
        EXPECT_EQ(std::this_thread::get_id(), caller);
        const std::int64_t key = response.key;
        EXPECT_TRUE(byKey.emplace(key, std::move(response)).second) << "reported twice: " << key;
    });

    ASSERT_EQ(byKey.size(), requests.size());
    for (int i = 0; i < 100; ++i) {
        EXPECT_EQ(byKey[i].outcome, FetchOutcome::Ok) << i << ": " << byKey[i].error;
        EXPECT_EQ(byKey[i].body, "item " + std::to_string(i));
    }
    EXPECT_EQ(byKey[1000].outcome, FetchOutcome::Failed);
}

TEST(FetcherLimitsTest, AtMostTwoConcurrentRequestsPerHost)
{
    TestHttpServer http;
    std::atomic<int> current{0};
    std::atomic<int> highest{0};
    http.server().Get(R"(/slow/(\d+))", [&](const httplib::Request&, httplib::Response& res) {
        const int now = ++current;
        int seen = highest.load();
        while (now > seen && !highest.compare_exchange_weak(seen, now)) {
        }
        http.sleepFor(150ms);
        --current;
        res.set_content("ok", "application/rss+xml");
    });
    std::vector<FetchRequest> requests;
    for (int i = 0; i < 8; ++i) {
        requests.push_back(FetchRequest{i, http.url("/slow/" + std::to_string(i)), "", ""});
    }

    Fetcher fetcher;
    int okCount = 0;
    fetcher.fetchAll(requests, [&](FetchResponse response) {
        okCount += response.outcome == FetchOutcome::Ok ? 1 : 0;
    });

    EXPECT_EQ(okCount, 8);
    EXPECT_EQ(highest.load(), 2);  // parallel, but never more than the per-host limit
}

TEST(FetcherLimitsTest, CancelReturnsPromptlyAndReportsEverything)
{
    TestHttpServer http;
    http.server().Get(R"(/stuck/(\d+))", [&http](const httplib::Request&, httplib::Response& res) {
        http.sleepFor(30s);
        res.set_content("late", "application/rss+xml");
    });
    std::vector<FetchRequest> requests;
    for (int i = 0; i < 5; ++i) {  // two in flight, three still waiting for the host
        requests.push_back(FetchRequest{i, http.url("/stuck/" + std::to_string(i)), "", ""});
    }
    Fetcher fetcher;
    std::thread canceller([&fetcher] {
        std::this_thread::sleep_for(300ms);
        fetcher.cancel();
    });

    const auto start = Clock::now();
    std::vector<FetchResponse> responses;
    fetcher.fetchAll(requests, [&](FetchResponse response) { responses.push_back(std::move(response)); });
    const double elapsed = secondsSince(start);
    canceller.join();

    EXPECT_LT(elapsed, 5.0);
    ASSERT_EQ(responses.size(), requests.size());
    for (const FetchResponse& response : responses) {
        EXPECT_EQ(response.outcome, FetchOutcome::Failed);
        EXPECT_EQ(response.error, "cancelled");
    }
}

TEST(FetcherLimitsTest, CancelBeforeFetchAllStopsThatRoundOnly)
{
    TestHttpServer http;
    http.server().Get("/feed", [](const httplib::Request&, httplib::Response& res) {
        res.set_content("feed", "application/rss+xml");
    });
    const std::vector<FetchRequest> requests{FetchRequest{1, http.url("/feed"), "", ""}};
    Fetcher fetcher;

    fetcher.cancel();
    std::vector<FetchResponse> first;
    fetcher.fetchAll(requests, [&](FetchResponse response) { first.push_back(std::move(response)); });
    std::vector<FetchResponse> second;
    fetcher.fetchAll(requests, [&](FetchResponse response) { second.push_back(std::move(response)); });

    ASSERT_EQ(first.size(), 1u);
    EXPECT_EQ(first[0].error, "cancelled");
    ASSERT_EQ(second.size(), 1u);
    EXPECT_EQ(second[0].outcome, FetchOutcome::Ok) << second[0].error;
    EXPECT_EQ(second[0].body, "feed");
}

TEST(FetcherLimitsTest, EmptyRequestListReturnsAtOnce)
{
    Fetcher fetcher;
    int calls = 0;
    fetcher.fetchAll({}, [&calls](FetchResponse) { ++calls; });
    EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace earshot::net
