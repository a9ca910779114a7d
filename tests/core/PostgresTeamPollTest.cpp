// Two pollers of one team storing the same posts at the same moment (two desktops, or a
// desktop and a headless listener): each post is stored once, and no source is marked failing
// because the other stored first. Real feeds from an HTTP server on 127.0.0.1, real
// earshot-cli processes, each with an agent's login.
#include <gtest/gtest.h>

#include <httplib.h>

#include <string>

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

TEST(PostgresTeamPollTest, TwoPollersStoringTheSamePostsAtOnceStoreEachOnceAndNeitherFails)
{
    test::skipWithoutPostgres();
    if (::testing::Test::IsSkipped() || ::testing::Test::HasFatalFailure())
        return;
    test::TestHttpServer http;
    http.server().Get(R"(/feed/(\d+)\.xml)", [](const httplib::Request& request, httplib::Response& response) {
        response.set_content(feedOf(request.matches[1]), "application/rss+xml");
    });
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

}  // namespace
