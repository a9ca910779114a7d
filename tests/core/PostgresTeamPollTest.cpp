// Pollers of one team (desktops, headless listeners) on the same sources: each post is stored
// once and no source is marked failing because another stored first; each source has one
// poller at a time through its lease, and when that poller is killed another takes over
// within the lease. Real feeds from an HTTP server on 127.0.0.1, real earshot-cli
// processes, each with an agent's login.
#include <gtest/gtest.h>

#include <httplib.h>

#include <csignal>
#include <cstdlib>
#include <functional>
#include <string>
#include <thread>

#include "ChildProcess.h"
#include "PostgresTestServer.h"
#include "TempWorkspace.h"
#include "TestHttpServer.h"
#include "WorkspaceFactory.h"
#include "store/postgres/Connection.h"

using namespace earshot;

namespace {

constexpr int kSources = 8;
constexpr int kItems = 200;

std::string feedOf(const std::string& path)
{
    std::string items;
    for (int i = 0; i < kItems; ++i)
        items += "<item><title>Bezorging " + std::to_string(i) + "</title><guid>" + path + "-" + std::to_string(i) +
                 "</guid><description>Waar blijft mijn pakket? " + std::to_string(i) + "</description></item>";
    return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Forum</title><link>https://forum.example/"
           "</link>" + items + "</channel></rss>";
}

// /feed/<n>.xml: a feed of kItems posts of its own.
void serveFeeds(test::TestHttpServer& http)
{
    http.server().Get(R"(/feed/(\d+)\.xml)", [](const httplib::Request& request, httplib::Response& response) {
        response.set_content(feedOf(request.matches[1]), "application/rss+xml");
    });
}

TEST(PostgresTeamPollTest, TwoPollersStoringTheSamePostsAtOnceStoreEachOnceAndNeitherFails)
{
    test::skipWithoutPostgres();
    if (::testing::Test::IsSkipped() || ::testing::Test::HasFatalFailure())
        return;
    test::TestHttpServer http;
    serveFeeds(http);
    test::TempWorkspace folder;
    for (int round = 0; round < 3; ++round) {
        SCOPED_TRACE("round " + std::to_string(round));
        const std::string location = test::newPostgresWorkspace();
        auto db = store::postgres::Connection::open(location);
        ASSERT_TRUE(db) << db.message();
        for (int i = 0; i < kSources; ++i)
            ASSERT_TRUE(db->run("INSERT INTO sources(name, url, created_at) VALUES ($1, $2, 1)",
                                {"Forum " + std::to_string(i), http.url("/feed/" + std::to_string(i) + ".xml")}));

        std::vector<std::string> outputs;
        std::vector<std::unique_ptr<test::ChildProcess>> pollers;
        for (const char* login : {"poller_a", "poller_b"}) {
            outputs.push_back((folder.dir() / (std::string(login) + std::to_string(round) + ".out")).string());
            pollers.push_back(std::make_unique<test::ChildProcess>(
                test::cliArgs(EARSHOT_CLI_PATH, test::asAgent(location, login), {"poll", "--once"}), outputs.back()));
        }
        for (std::size_t i = 0; i < pollers.size(); ++i) {
            const test::ChildRun run = pollers[i]->wait();
            EXPECT_EQ(run.exitCode, 0) << test::readFile(outputs[i]);
        }
        auto failing = db->query("SELECT name, coalesce(last_error, '') FROM sources WHERE state <> 'ok'");
        ASSERT_TRUE(failing) << failing.message();
        for (int row = 0; row < failing->size(); ++row)
            ADD_FAILURE() << failing->text(row, 0) << " is marked failing: " << failing->text(row, 1);
        auto stored = db->query("SELECT count(*), count(DISTINCT (source_id, external_id)) FROM mentions");
        ASSERT_TRUE(stored) << stored.message();
        EXPECT_EQ(stored->integer(0, 0), kSources * kItems);
        EXPECT_EQ(stored->integer(0, 1), kSources * kItems);
        EXPECT_EQ(db->query("SELECT count(*) FROM conversations")->integer(0, 0), kSources * kItems);
    }
}

// Who holds the sources' leases: "pid fence" per source, in source order.
std::vector<std::string> leaseHolders(store::postgres::Connection& db)
{
    auto rows = db.query("SELECT s.id, coalesce(split_part(l.poller, '/', 3) || ' ' || l.fence, '')"
                         " FROM sources s LEFT JOIN poll_leases l ON l.source_id = s.id ORDER BY s.id");
    std::vector<std::string> holders;
    for (int row = 0; rows && row < rows->size(); ++row)
        holders.push_back(rows->text(row, 1));
    return holders;
}

bool waitFor(const std::function<bool()>& condition, std::chrono::seconds limit)
{
    const auto until = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < until) {
        if (condition())
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return condition();
}

TEST(PostgresTeamPollTest, EachSourceHasOneListenerAndAnotherTakesOverWithinTheLeaseWhenItIsKilled)
{
    test::skipWithoutPostgres();
    if (::testing::Test::IsSkipped() || ::testing::Test::HasFatalFailure())
        return;
    test::TestHttpServer http;
    serveFeeds(http);
    const std::string location = test::newPostgresWorkspace();
    auto db = store::postgres::Connection::open(location);
    ASSERT_TRUE(db) << db.message();
    constexpr int kFeeds = 3;
    for (int i = 0; i < kFeeds; ++i)
        ASSERT_TRUE(db->run("INSERT INTO sources(name, url, created_at) VALUES ($1, $2, 1)",
                            {"Forum " + std::to_string(i), http.url("/feed/" + std::to_string(i) + ".xml")}));
    const auto dueNow = [&] { ASSERT_TRUE(db->run("UPDATE sources SET next_poll_at = 0")); };
    ::setenv("EARSHOT_POLL_LEASE_SECONDS", "6", 1);
    test::TempWorkspace folder;
    const auto listen = [&](const char* login) {
        return std::make_unique<test::ChildProcess>(test::cliArgs(EARSHOT_CLI_PATH, test::asAgent(location, login), {"run"}),
                                                    (folder.dir() / (std::string(login) + ".out")).string());
    };

    auto first = listen("listener_a");
    const std::string a = std::to_string(first->pid()) + " 1";
    ASSERT_TRUE(waitFor([&] { return leaseHolders(*db) == std::vector<std::string>(kFeeds, a); }, std::chrono::seconds(20)))
        << "the first listener took: " << ::testing::PrintToString(leaseHolders(*db));

    // A second listener joins and every source falls due: the first keeps them all.
    auto second = listen("listener_b");
    const std::string b = std::to_string(second->pid()) + " 2";
    std::this_thread::sleep_for(std::chrono::seconds(1));
    dueNow();
    ASSERT_TRUE(waitFor([&] { return db->query("SELECT count(*) FROM sources WHERE next_poll_at = 0")->integer(0, 0) == 0; },
                        std::chrono::seconds(20)));
    EXPECT_EQ(leaseHolders(*db), std::vector<std::string>(kFeeds, a)) << "two listeners polled one source";

    // The first dies without a word; the second has every source within the lease's 6 s.
    first->wait(std::chrono::milliseconds(0));
    const auto killedAt = std::chrono::steady_clock::now();
    dueNow();
    ASSERT_TRUE(waitFor([&] { return leaseHolders(*db) == std::vector<std::string>(kFeeds, b); }, std::chrono::seconds(20)))
        << ::testing::PrintToString(leaseHolders(*db));
    EXPECT_LE(std::chrono::steady_clock::now() - killedAt, std::chrono::seconds(6 + 4))
        << "the lease is 6 s, and the second listener looks again at least every 2 s";
    EXPECT_TRUE(waitFor([&] { return db->query("SELECT count(*) FROM sources WHERE next_poll_at = 0")->integer(0, 0) == 0; },
                        std::chrono::seconds(10)))
        << "the second listener took the sources but did not poll them";
    auto stored = db->query("SELECT count(*), count(DISTINCT (source_id, external_id)) FROM mentions");
    ASSERT_TRUE(stored) << stored.message();
    EXPECT_EQ(stored->integer(0, 0), kFeeds * kItems);
    EXPECT_EQ(stored->integer(0, 1), kFeeds * kItems);

    // A poller on another machine holds the first source and stalls (no renewal, no death
    // this machine could see): the lease is its until it expires, then the listener's.
    ASSERT_TRUE(db->run("UPDATE poll_leases SET poller = 'elsewhere/0123456789ab/1/1', fence = fence + 1,"
                        " expires_at = now() + interval '5 seconds'"
                        " WHERE source_id = (SELECT min(id) FROM sources)"));
    const auto stalledAt = std::chrono::steady_clock::now();
    dueNow();
    std::this_thread::sleep_for(std::chrono::seconds(3));
    EXPECT_EQ(leaseHolders(*db).front(), "1 3") << "taken before the stalled poller's lease ran out";
    ASSERT_TRUE(waitFor([&] { return leaseHolders(*db).front() == std::to_string(second->pid()) + " 4"; },
                        std::chrono::seconds(15)))
        << ::testing::PrintToString(leaseHolders(*db));
    EXPECT_GE(std::chrono::steady_clock::now() - stalledAt, std::chrono::seconds(5));
}

}  // namespace
