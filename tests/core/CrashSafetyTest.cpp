// kill -9 during a first poll, at many random moments: the workspace must open intact, and
// one more complete poll must leave every item of every feed stored exactly once. The
// server answers 304 to a client that sends its ETag or Last-Modified back, so a poll that
// had stored a source's ETag without its mentions would lose them for good, and the test
// would see them missing.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "ChildProcess.h"
#include "StoreChecks.h"
#include "TempWorkspace.h"
#include "TestHttpServer.h"
#include "store/sqlite/Schema.h"
#include "store/sqlite/SqliteSourceStore.h"

using namespace earshot;
using namespace std::chrono_literals;

namespace {

constexpr int kFeeds = 40;
constexpr int kRounds = 24;
constexpr unsigned kSeed = 20261207;  // round r uses kSeed + r; a failure names its round

// Feed i's item count: most are small, every eighth is large (with long bodies), so a kill
// lands both between sources and inside a big write.
int itemsOf(int feed) { return feed % 8 == 0 ? 400 : 20 + (feed % 5) * 15; }
bool isLarge(int feed) { return feed % 8 == 0; }

std::string feedXml(int feed)
{
    const std::string filler(isLarge(feed) ? 1200 : 40, 'z');
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Feed " +
                      std::to_string(feed) + "</title><link>https://feed" + std::to_string(feed) +
                      ".example/</link>\n";
    for (int n = 0; n < itemsOf(feed); ++n) {
        const std::string id = "f" + std::to_string(feed) + "-" + std::to_string(n);
        // Every title has the word "crashword", so the search index can be counted too.
        xml += "<item><title>crashword " + id + "</title><link>https://feed" + std::to_string(feed) + ".example/" + id +
               "</link><guid isPermaLink=\"false\">" + id + "</guid><pubDate>Sun, 22 Nov 2026 10:00:00 GMT</pubDate>"
               "<description>About acme, " + id + " " + filler + "</description></item>\n";
    }
    return xml + "</channel></rss>\n";
}

int totalItems()
{
    int total = 0;
    for (int feed = 0; feed < kFeeds; ++feed)
        total += itemsOf(feed);
    return total;
}

// Serves the feeds with validators and honours them with 304, as real servers do.
class FeedServer {
public:
    FeedServer()
    {
        for (int feed = 0; feed < kFeeds; ++feed)
            m_bodies.push_back(feedXml(feed));
        m_http.server().Get(R"(/feed/(\d+))", [this](const httplib::Request& req, httplib::Response& res) {
            const int feed = std::stoi(req.matches[1]);
            if (feed < 0 || feed >= kFeeds) {
                res.status = 404;
                return;
            }
            const std::string etag = "\"v1-" + std::to_string(feed) + "\"";
            const std::string lastModified = "Sun, 22 Nov 2026 10:00:00 GMT";
            res.set_header("ETag", etag);
            res.set_header("Last-Modified", lastModified);
            if (req.get_header_value("If-None-Match") == etag ||
                req.get_header_value("If-Modified-Since") == lastModified) {
                ++notModified;
                res.status = 304;
                return;
            }
            res.set_content(m_bodies[std::size_t(feed)], "application/rss+xml");
        });
    }
    std::string url(int feed) const { return m_http.url("/feed/" + std::to_string(feed)); }

    std::atomic<int> notModified{0};

private:
    std::vector<std::string> m_bodies;
    test::TestHttpServer m_http;
};

class CrashSafetyTest : public ::testing::Test {
protected:
    // A workspace listening to every feed, nothing polled yet.
    void addSources(const test::TempWorkspace& workspace)
    {
        auto db = store::openWorkspace(workspace.dbPath());
        ASSERT_TRUE(db) << db.message();
        auto added = db->transaction([&]() -> Status {
            for (int feed = 0; feed < kFeeds; ++feed) {
                store::Source source;
                source.url = server.url(feed);
                source.name = "Feed " + std::to_string(feed);
                if (auto id = store::sqlite::SqliteSourceStore(*db).add(source); !id)
                    return id.error();
            }
            return Ok{};
        });
        ASSERT_TRUE(added) << added.message();
    }

    test::ChildRun poll(const test::TempWorkspace& workspace, std::optional<std::chrono::milliseconds> killAfter)
    {
        test::ChildProcess cli(test::cliArgs(EARSHOT_CLI_PATH, workspace.dbPath(), {"poll", "--once"}),
                               (workspace.dir() / "poll.out").string());
        EXPECT_TRUE(cli.started());
        return cli.wait(killAfter);
    }

    // Per source: how many mentions it has, and whether it has stored a validator.
    struct SourceRow {
        std::string url;
        std::int64_t mentions = 0;
        bool hasValidator = false;
    };
    std::vector<SourceRow> sourceRows(const test::TempWorkspace& workspace)
    {
        std::vector<SourceRow> rows;
        auto db = store::openReader(workspace.dbPath());
        EXPECT_TRUE(db) << db.message();
        if (!db)
            return rows;
        auto query = db->prepare(
            "SELECT s.url, (SELECT count(*) FROM mentions m WHERE m.source_id = s.id),"
            " coalesce(s.etag, '') <> '' OR coalesce(s.last_modified, '') <> '' FROM sources s ORDER BY s.id");
        EXPECT_TRUE(query) << query.message();
        if (!query)
            return rows;
        EXPECT_TRUE(store::eachRow(*query, [&](store::Statement& row) {
            rows.push_back({row.text(0), row.integer(1), row.integer(2) != 0});
        }));
        return rows;
    }

    // A killed poll leaves each source all or nothing: a validator only beside all its items.
    void expectNoValidatorWithoutItsMentions(const test::TempWorkspace& workspace)
    {
        const auto rows = sourceRows(workspace);
        ASSERT_EQ(rows.size(), std::size_t(kFeeds));
        for (int feed = 0; feed < kFeeds; ++feed) {
            const SourceRow& row = rows[std::size_t(feed)];
            if (row.hasValidator)
                EXPECT_EQ(row.mentions, itemsOf(feed)) << row.url << " stored its ETag without all its mentions";
            else
                EXPECT_EQ(row.mentions, 0) << row.url << " stored mentions without its poll record";
        }
    }

    // Every item of every feed exactly once, each in a conversation, counted and searchable.
    void expectEverythingOnce(const test::TempWorkspace& workspace)
    {
        const auto rows = sourceRows(workspace);
        ASSERT_EQ(rows.size(), std::size_t(kFeeds));
        for (int feed = 0; feed < kFeeds; ++feed)
            EXPECT_EQ(rows[std::size_t(feed)].mentions, itemsOf(feed)) << rows[std::size_t(feed)].url;
        const std::int64_t total = totalItems();
        EXPECT_EQ(workspace.queryInteger("SELECT count(DISTINCT source_id || '/' || external_id) FROM mentions"), total);
        EXPECT_EQ(workspace.queryInteger("SELECT count(*) FROM mentions"), total);
        // Each item opened one conversation of its own, logged once, and the kept counts agree.
        EXPECT_EQ(workspace.queryInteger("SELECT count(*) FROM conversations"), total);
        EXPECT_EQ(workspace.queryInteger("SELECT count(*) FROM events WHERE kind = 'conversation_created'"), total);
        EXPECT_EQ(workspace.queryInteger("SELECT coalesce(sum(n), 0) FROM conversation_counts"), total);
        EXPECT_EQ(workspace.queryInteger("SELECT count(*) FROM mentions_fts WHERE mentions_fts MATCH 'crashword'"),
                  total);
        EXPECT_EQ(workspace.queryInteger("SELECT count(*) FROM sources WHERE state <> 'ok'"), 0);
    }

    FeedServer server;
};

}  // namespace

TEST_F(CrashSafetyTest, KillingAFirstPollAtRandomMomentsLosesNothingAndStoresNothingTwice)
{
    // How long a whole first poll takes here decides the range the kills fall in.
    double fullPollSeconds = 0;
    {
        test::TempWorkspace workspace;
        addSources(workspace);
        const test::ChildRun run = poll(workspace, std::nullopt);
        ASSERT_EQ(run.exitCode, 0) << test::readFile(workspace.dir() / "poll.out");
        expectEverythingOnce(workspace);
        fullPollSeconds = run.seconds;
    }
    // Kills fall within this range; it follows the machine's speed as the rounds go (other
    // tests may share the cores), so most kills land while the poll is writing.
    double killRangeMs = std::max(50.0, fullPollSeconds * 1100);

    int cutShort = 0;  // rounds where the kill left some sources stored and others not
    for (int round = 0; round < kRounds; ++round) {
        const unsigned seed = kSeed + unsigned(round);
        SCOPED_TRACE("round " + std::to_string(round) + ", seed " + std::to_string(seed));
        std::mt19937 random(seed);
        test::TempWorkspace workspace;
        addSources(workspace);

        // One kill, sometimes two: a poll after a crash can crash as well.
        const int kills = 1 + int(random() % 2);
        for (int k = 0; k < kills; ++k) {
            const auto delay = std::chrono::milliseconds(random() % std::uint64_t(killRangeMs));
            const test::ChildRun run = poll(workspace, delay);
            ASSERT_TRUE(run.killed || run.exitCode == 0) << test::readFile(workspace.dir() / "poll.out");
            const std::string problems = test::workspaceProblems(workspace.dbPath());
            ASSERT_EQ(problems, "") << "after a kill at " << delay.count() << " ms";
            expectNoValidatorWithoutItsMentions(workspace);
            if (k == 0) {
                const auto rows = sourceRows(workspace);
                const auto stored = std::count_if(rows.begin(), rows.end(), [](const SourceRow& r) { return r.mentions > 0; });
                cutShort += stored > 0 && stored < kFeeds;
                if (!run.killed)
                    killRangeMs = std::max(50.0, killRangeMs * 0.8);   // the poll was done before the kill
                else if (stored == 0)
                    killRangeMs *= 1.2;                                // nothing written yet
            }
        }

        const test::ChildRun complete = poll(workspace, std::nullopt);
        ASSERT_EQ(complete.exitCode, 0) << test::readFile(workspace.dir() / "poll.out");
        EXPECT_EQ(test::workspaceProblems(workspace.dbPath()), "");
        expectEverythingOnce(workspace);
        if (HasFailure())
            return;
    }
    std::cout << "[          ] first poll " << fullPollSeconds << " s; " << cutShort << " of " << kRounds
              << " kills landed mid-poll; " << server.notModified << " answers were 304\n";
    // Kills that all land before or after the work would prove nothing.
    EXPECT_GE(cutShort, kRounds / 6);
    // The 304 trap was armed: the complete polls sent stored validators back.
    EXPECT_GT(server.notModified.load(), 0);
}
