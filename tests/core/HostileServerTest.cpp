// Misbehaving servers, each polled through the real engine beside good feeds: every one must
// end as a per-source error a person can act on (or, where a liberal reader can make sense
// of the document, as bounded harmless data), within the fetcher's limits, while the good
// feeds beside it are stored. A last test polls the fast ones with earshot-cli itself and
// bounds the process's peak memory.
#include <gtest/gtest.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "ChildProcess.h"
#include "FeedFactory.h"
#include "TempWorkspace.h"
#include "TestHttpServer.h"
#include "earshot/connectors/PlatformSource.h"
#include "earshot/core/Text.h"
#include "earshot/engine/Engine.h"
#include "store/sqlite/Schema.h"
#include "store/sqlite/SqliteSourceStore.h"

using namespace earshot;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

constexpr const char* kFeedType = "application/rss+xml";  // sent as-is (httplib compresses text/*)
constexpr int kDepth = 2'000'000;
// The deepest JSON that fits under the 16 MiB body limit: unguarded, ~600 MiB to parse.
constexpr int kDeepestJson = 8'000'000;

// A TCP server on 127.0.0.1 that answers every connection with fixed bytes, for what
// cpp-httplib will not send: a Content-Length that lies, or no answer at all.
class RawTcpServer {
public:
    // `answer` empty: accept and never say anything, holding the connection open.
    explicit RawTcpServer(std::string answer) : m_answer(std::move(answer))
    {
        m_listener = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (m_listener < 0 || bind(m_listener, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
            listen(m_listener, 16) != 0 || getsockname(m_listener, reinterpret_cast<sockaddr*>(&address), &length) != 0)
            throw std::runtime_error("RawTcpServer: cannot listen on 127.0.0.1");
        m_port = ntohs(address.sin_port);
        m_thread = std::thread([this] { serve(); });
    }
    ~RawTcpServer()
    {
        m_stopping = true;
        shutdown(m_listener, SHUT_RDWR);  // wakes accept()
        m_thread.join();
        close(m_listener);
        for (int connection : m_open)
            close(connection);
    }
    std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(m_port) + path; }

private:
    void serve()
    {
        while (!m_stopping) {
            const int connection = accept(m_listener, nullptr, nullptr);
            if (connection < 0)
                return;
            if (m_answer.empty()) {
                m_open.push_back(connection);  // silent: keep it open until the test ends
                continue;
            }
            // Read the request head first, so closing does not reset the connection under it.
            char buffer[4096];
            std::string request;
            while (request.find("\r\n\r\n") == std::string::npos) {
                const ssize_t n = read(connection, buffer, sizeof buffer);
                if (n <= 0)
                    break;
                request.append(buffer, std::size_t(n));
            }
            (void)!write(connection, m_answer.data(), m_answer.size());
            close(connection);
        }
    }

    std::string m_answer;
    int m_listener = -1;
    int m_port = 0;
    std::atomic<bool> m_stopping{false};
    std::vector<int> m_open;
    std::thread m_thread;
};

std::string httpAnswer(const std::string& body, std::size_t claimedLength)
{
    return "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: " +
           std::to_string(claimedLength) + "\r\nConnection: close\r\n\r\n" + body;
}

// Ten levels of ten-fold entity expansion: 10^9 "lol"s if a parser expanded them all.
std::string billionLaughs()
{
    std::string doctype = "<!DOCTYPE rss [\n<!ENTITY lol0 \"lol\">\n";
    for (int level = 1; level <= 9; ++level) {
        doctype += "<!ENTITY lol" + std::to_string(level) + " \"";
        for (int i = 0; i < 10; ++i)
            doctype += "&lol" + std::to_string(level - 1) + ";";
        doctype += "\">\n";
    }
    return "<?xml version=\"1.0\"?>\n" + doctype +
           "]>\n<rss version=\"2.0\"><channel><title>&lol9;</title><link>https://laughs.example/</link>"
           "<item><title>&lol9;</title><guid>laugh-1</guid><description>&lol9;</description></item></channel></rss>\n";
}

class HostileServerTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        good.server().Get("/good.rss", [](const httplib::Request&, httplib::Response& res) {
            res.set_content(test::rssFeed(5, "good"), kFeedType);
        });
        good.server().Get("/good.atom", [](const httplib::Request&, httplib::Response& res) {
            res.set_content(test::atomFeed(5, "fine"), "application/atom+xml");
        });
        addFeed(good.url("/good.rss"));
        addFeed(good.url("/good.atom"));
    }

    std::int64_t addFeed(const std::string& url)
    {
        auto db = store::openWorkspace(workspace.dbPath());
        store::Source source;
        source.url = url;
        return store::sqlite::SqliteSourceStore(*db).add(source).value();
    }

    // Limits tighter than the defaults, so slow servers cost seconds, not a minute.
    static engine::EngineOptions tightLimits()
    {
        engine::EngineOptions options;
        options.fetch.connectTimeoutSeconds = 2;
        options.fetch.totalTimeoutSeconds = 4;
        options.fetch.lowSpeedBytesPerSecond = 1000;
        options.fetch.lowSpeedSeconds = 2;
        return options;
    }

    // Polls everything once; the good feeds must be stored whatever the hostile one did.
    double pollAll(engine::EngineOptions options = tightLimits())
    {
        const auto start = Clock::now();
        {
            auto engine = engine::Engine::open(workspace.open(), nullptr, options);
            EXPECT_TRUE(engine) << engine.message();
            (*engine)->pollOnce();
        }
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        std::cout << "[          ] polled in " << seconds << " s\n";
        EXPECT_EQ(workspace.queryInteger("SELECT count(*) FROM mentions WHERE external_id LIKE 'good-%'"), 5);
        EXPECT_EQ(workspace.queryInteger("SELECT count(*) FROM mentions WHERE external_id LIKE 'urn:fine:%'"), 5);
        // Generous: the tight limits allow ~4 s a source; a hang would take far longer.
        EXPECT_LT(seconds, 30.0);
        return seconds;
    }

    // The hostile source failed, once, with a message that says what happened.
    void expectFailure(std::int64_t id, const std::vector<std::string>& anyOf)
    {
        const store::Source source = workspace.source(id);
        EXPECT_EQ(source.state, domain::SourceState::Failing) << source.lastError;
        EXPECT_EQ(source.errorCount, 1);
        bool named = false;
        for (const std::string& words : anyOf)
            named = named || source.lastError.find(words) != std::string::npos;
        EXPECT_TRUE(named) << "unclear error: '" << source.lastError << "'";
        EXPECT_LT(source.lastError.size(), 400u) << "an error is one line a person reads";
        EXPECT_TRUE(core::isValidUtf8(source.lastError));
        EXPECT_EQ(workspace.queryInteger("SELECT count(*) FROM mentions WHERE source_id = " + std::to_string(id)), 0);
    }

    // Everything the workspace stored, bytes of every file, for text that must not be there.
    bool workspaceContains(const std::string& marker)
    {
        for (const auto& entry : std::filesystem::directory_iterator(workspace.dir()))
            if (entry.path().filename().string().rfind("earshot.db", 0) == 0 &&
                test::readFile(entry.path()).find(marker) != std::string::npos)
                return true;
        return false;
    }

    test::TempWorkspace workspace;
    test::TestHttpServer good;
    test::TestHttpServer hostile;  // a server of its own, so its host's connection slots are its own
};

}  // namespace

TEST_F(HostileServerTest, GzipBombIsCutOffAtTheBodyLimit)
{
    // 64 MiB of blanks inside a feed, about 64 KiB on the wire.
    const std::string bomb = test::gzipCompress("<rss version=\"2.0\"><channel>" + std::string(64 << 20, ' '));
    hostile.server().Get("/bomb.rss", [&](const httplib::Request&, httplib::Response& res) {
        res.set_header("Content-Encoding", "gzip");
        res.set_content(bomb, kFeedType);
    });
    const auto id = addFeed(hostile.url("/bomb.rss"));
    pollAll();
    expectFailure(id, {"response larger than 16 MiB"});
}

TEST_F(HostileServerTest, EndlessBodyIsCutOffAtTheBodyLimit)
{
    hostile.server().Get("/endless.rss", [](const httplib::Request&, httplib::Response& res) {
        res.set_chunked_content_provider(kFeedType, [](std::size_t offset, httplib::DataSink& sink) {
            const std::string chunk = offset == 0 ? std::string("<rss><channel>") : std::string(64 * 1024, 'x');
            return sink.write(chunk.data(), chunk.size());
        });
    });
    const auto id = addFeed(hostile.url("/endless.rss"));
    pollAll();
    expectFailure(id, {"response larger than 16 MiB"});
}

TEST_F(HostileServerTest, TricklingServerHitsTheLowSpeedLimit)
{
    hostile.server().Get("/trickle.rss", [this](const httplib::Request&, httplib::Response& res) {
        res.set_chunked_content_provider(kFeedType, [this](std::size_t, httplib::DataSink& sink) {
            return hostile.sleepFor(200ms) && sink.write("<", 1);
        });
    });
    const auto id = addFeed(hostile.url("/trickle.rss"));
    pollAll();
    expectFailure(id, {"transfer too slow", "timed out"});
}

TEST_F(HostileServerTest, ServerThatNeverAnswersTimesOut)
{
    RawTcpServer silent("");
    const auto id = addFeed(silent.url("/silent.rss"));
    pollAll();
    expectFailure(id, {"timed out", "transfer too slow"});
}

TEST_F(HostileServerTest, RedirectLoopIsNamed)
{
    hostile.server().Get("/a.rss", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/b.rss"); });
    hostile.server().Get("/b.rss", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/a.rss"); });
    const auto id = addFeed(hostile.url("/a.rss"));
    pollAll();
    expectFailure(id, {"redirect loop", "too many redirects"});
}

TEST_F(HostileServerTest, ServerErrorsAreNamedWithTheirStatus)
{
    hostile.server().Get("/broken.rss", [](const httplib::Request&, httplib::Response& res) {
        res.status = 500;
        res.set_content("<html>oops</html>", "text/html");
    });
    const auto id = addFeed(hostile.url("/broken.rss"));
    pollAll();
    expectFailure(id, {"HTTP 500"});
}

TEST_F(HostileServerTest, BillionLaughsIsNotExpanded)
{
    hostile.server().Get("/laughs.rss", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(billionLaughs(), kFeedType);
    });
    const auto id = addFeed(hostile.url("/laughs.rss"));
    pollAll();
    // Refused with the reason, not read as a short feed: nothing of the expansion is kept.
    expectFailure(id, {"entities expand without end"});
    EXPECT_EQ(workspace.queryInteger("SELECT count(*) FROM mentions WHERE source_id = " + std::to_string(id)), 0);
}

TEST_F(HostileServerTest, ExternalEntitiesNeverReadALocalFile)
{
    const std::string marker = "SECRET-MARKER-7f3a9c";
    const auto secret = workspace.writeFile("secret.txt", marker);
    const auto dtd = workspace.writeFile("secret.dtd", "<!ENTITY leak \"" + marker + "\">");
    const std::string fileUrl = "file://" + secret.string();
    // A general entity, a parameter entity and an external DTD subset, each naming a local file.
    const std::string general = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + fileUrl +
                                "\">]>\n<rss version=\"2.0\"><channel><title>&xxe;</title><link>https://x.example/</link>"
                                "<item><title>Leak &xxe;</title><guid>xxe-1</guid><description>&xxe;</description>"
                                "<link>https://x.example/&xxe;</link></item></channel></rss>\n";
    const std::string parameter = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY % ext SYSTEM \"file://" +
                                  dtd.string() + "\"> %ext;]>\n<rss version=\"2.0\"><channel><title>P</title>"
                                  "<item><title>Leak &leak;</title><guid>xxe-2</guid></item></channel></rss>\n";
    const std::string subset = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss SYSTEM \"file://" + dtd.string() +
                               "\">\n<rss version=\"2.0\"><channel><title>S</title>"
                               "<item><title>Leak &leak;</title><guid>xxe-3</guid></item></channel></rss>\n";
    hostile.server().Get("/general.rss", [&](const httplib::Request&, httplib::Response& res) { res.set_content(general, kFeedType); });
    hostile.server().Get("/parameter.rss", [&](const httplib::Request&, httplib::Response& res) { res.set_content(parameter, kFeedType); });
    hostile.server().Get("/subset.rss", [&](const httplib::Request&, httplib::Response& res) { res.set_content(subset, kFeedType); });
    addFeed(hostile.url("/general.rss"));
    addFeed(hostile.url("/parameter.rss"));
    addFeed(hostile.url("/subset.rss"));
    pollAll();

    EXPECT_FALSE(workspaceContains(marker)) << "a local file's content reached the database";
    EXPECT_EQ(workspace.queryInteger("SELECT count(*) FROM mentions WHERE title LIKE '%" + marker + "%' OR body LIKE '%" +
                                     marker + "%' OR link LIKE '%" + marker + "%'"),
              0);
}

TEST_F(HostileServerTest, TwoMillionDeepXmlIsRefusedWithoutOverflowingTheStack)
{
    std::string deep = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Deep</title>";
    deep.reserve(std::size_t(kDepth) * 7 + 200);
    for (int i = 0; i < kDepth; ++i)
        deep += "<a>";
    for (int i = 0; i < kDepth; ++i)
        deep += "</a>";
    deep += "<item><title>after the depths</title><guid>deep-1</guid></item></channel></rss>";
    hostile.server().Get("/deep.rss", [&](const httplib::Request&, httplib::Response& res) { res.set_content(deep, kFeedType); });
    const auto id = addFeed(hostile.url("/deep.rss"));
    pollAll();
    // Refused with the reason (the item after the depths would be lost), and the engine is
    // still alive to say so.
    expectFailure(id, {"nests more than 256 elements deep"});
}

TEST_F(HostileServerTest, TwoMillionDeepJsonFeedIsRefused)
{
    std::string deep = R"({"version": "https://jsonfeed.org/version/1.1", "title": "Deep", "items": [)";
    deep += std::string(kDepth, '[') + std::string(kDepth, ']') + "]}";
    hostile.server().Get("/deep.json", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(deep, "application/feed+json");
    });
    const auto id = addFeed(hostile.url("/deep.json"));
    pollAll();
    expectFailure(id, {"not a feed: the JSON nests more than 512 levels deep"});
}

TEST_F(HostileServerTest, TwoMillionDeepPlatformJsonIsRefused)
{
    const std::string deep = R"({"hits": [)" + std::string(kDepth, '[') + std::string(kDepth, ']') + "]}";
    hostile.server().Get("/search_by_date", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(deep, "application/json");
    });
    auto source = connectors::makePlatformSource({.kind = "hn-search", .query = "acme", .api = hostile.url("")});
    ASSERT_TRUE(source) << source.message();
    std::int64_t id = 0;
    {
        auto db = store::openWorkspace(workspace.dbPath());
        id = store::sqlite::SqliteSourceStore(*db).add(*source).value();
    }
    pollAll();
    expectFailure(id, {"answered with JSON nested more than 512 levels deep"});
}

TEST_F(HostileServerTest, InvalidUtf8IsRefusedOrStoredAsValidText)
{
    std::string feed = test::rssFeed(3, "utf");
    // Bytes that are never UTF-8, in a document that says it is.
    feed.insert(feed.find("utf item 1"), "\xff\xfe\xc0\xaf\xed\xa0\x80");
    hostile.server().Get("/bad-utf8.rss", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(feed, "application/rss+xml; charset=utf-8");
    });
    const auto id = addFeed(hostile.url("/bad-utf8.rss"));
    pollAll();
    const store::Source source = workspace.source(id);
    if (source.state == domain::SourceState::Failing) {
        expectFailure(id, {"UTF-8", "not valid"});
        return;
    }
    // Read liberally: then every stored text is valid UTF-8 (the console and exports rely on it).
    auto db = store::openReader(workspace.dbPath());
    auto rows = db->prepare("SELECT title, body FROM mentions WHERE source_id = ?");
    ASSERT_TRUE(rows);
    rows->bind(1, id);
    int stored = 0;
    ASSERT_TRUE(store::eachRow(*rows, [&](store::Statement& row) {
        ++stored;
        EXPECT_TRUE(core::isValidUtf8(row.text(0))) << row.text(0);
        EXPECT_TRUE(core::isValidUtf8(row.text(1))) << row.text(1);
    }));
    EXPECT_EQ(stored, 3);
}

TEST_F(HostileServerTest, RandomBytesAreNotAFeed)
{
    std::mt19937 random(77);
    std::string noise(1 << 20, '\0');
    for (char& byte : noise)
        byte = char(random() & 0xff);
    hostile.server().Get("/noise.rss", [&](const httplib::Request&, httplib::Response& res) { res.set_content(noise, kFeedType); });
    const auto id = addFeed(hostile.url("/noise.rss"));
    pollAll();
    expectFailure(id, {"not a feed", "cannot read", "cannot decode"});
}

TEST_F(HostileServerTest, ContentLengthLongerThanTheBodyIsABrokenTransfer)
{
    const std::string body = test::rssFeed(3, "short");
    RawTcpServer liar(httpAnswer(body, body.size() + 5000));
    const auto id = addFeed(liar.url("/longer.rss"));
    pollAll();
    expectFailure(id, {"broke off"});
}

TEST_F(HostileServerTest, ContentLengthShorterThanTheBodyReadsOnlyWhatItClaims)
{
    const std::string body = test::rssFeed(6, "cut");
    // The claim ends inside the third item: what follows must not be read as part of the feed.
    const std::size_t claimed = body.find("<guid isPermaLink=\"false\">cut-2</guid>");
    RawTcpServer liar(httpAnswer(body, claimed));
    const auto id = addFeed(liar.url("/shorter.rss"));
    pollAll();
    const store::Source source = workspace.source(id);
    EXPECT_TRUE(source.state == domain::SourceState::Ok || source.state == domain::SourceState::Failing)
        << source.displayState();
    for (int n = 2; n < 6; ++n)
        EXPECT_EQ(workspace.queryInteger("SELECT count(*) FROM mentions WHERE external_id = 'cut-" + std::to_string(n) + "'"), 0);
}

// The ones that end fast under the default limits, all at once beside the good feeds, polled
// by earshot-cli: bounded time and a bounded peak resident size for the whole process.
TEST_F(HostileServerTest, CliPollOfEveryFastHostileServerStaysWithinMemoryAndTime)
{
    const std::string bomb = test::gzipCompress("<rss version=\"2.0\"><channel>" + std::string(64 << 20, ' '));
    std::string deepXml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>";
    for (int i = 0; i < kDepth; ++i)
        deepXml += "<a>";
    const std::string deepJson = R"({"version": "https://jsonfeed.org/version/1.1", "title": "Deep", "items": [)" +
                                 std::string(kDeepestJson, '[') + std::string(kDeepestJson, ']') + "]}";
    const std::string deepApi = R"({"hits": [)" + std::string(kDeepestJson, '[') + std::string(kDeepestJson, ']') + "]}";
    std::mt19937 random(78);
    std::string noise(8 << 20, '\0');
    for (char& byte : noise)
        byte = char(random() & 0xff);
    const std::string laughs = billionLaughs();
    auto serve = [&](const std::string& path, const std::string& body, const std::string& type, bool gzip = false) {
        hostile.server().Get(path, [&body, type, gzip](const httplib::Request&, httplib::Response& res) {
            if (gzip)
                res.set_header("Content-Encoding", "gzip");
            res.set_content(body, type);
        });
        addFeed(hostile.url(path));
    };
    serve("/bomb.rss", bomb, kFeedType, true);
    serve("/deep.rss", deepXml, kFeedType);
    serve("/deep.json", deepJson, "application/feed+json");
    serve("/noise.rss", noise, kFeedType);
    serve("/laughs.rss", laughs, kFeedType);
    hostile.server().Get("/endless.rss", [](const httplib::Request&, httplib::Response& res) {
        res.set_chunked_content_provider(kFeedType, [](std::size_t, httplib::DataSink& sink) {
            const std::string chunk(256 * 1024, 'x');
            return sink.write(chunk.data(), chunk.size());
        });
    });
    addFeed(hostile.url("/endless.rss"));
    hostile.server().Get("/search_by_date", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(deepApi, "application/json");
    });
    {
        auto db = store::openWorkspace(workspace.dbPath());
        auto platform = connectors::makePlatformSource({.kind = "hn-search", .query = "acme", .api = hostile.url("")});
        ASSERT_TRUE(platform) << platform.message();
        ASSERT_TRUE(store::sqlite::SqliteSourceStore(*db).add(*platform));
    }

    test::ChildProcess cli(test::cliArgs(EARSHOT_CLI_PATH, workspace.dbPath(), {"poll", "--once"}),
                           (workspace.dir() / "poll.out").string());
    const test::ChildRun run = cli.wait(std::nullopt, 100s);
    const std::string output = test::readFile(workspace.dir() / "poll.out");
    std::cout << "[          ] earshot-cli poll: " << run.seconds << " s, peak " << run.maxRssKiB / 1024 << " MiB\n";
    ASSERT_FALSE(run.killed) << "the poll did not finish:\n" << output;
    EXPECT_EQ(run.exitCode, 0) << output;  // 0: not every source failed
    EXPECT_LT(run.maxRssKiB, 512 * 1024) << output;
    EXPECT_EQ(workspace.queryInteger("SELECT count(*) FROM mentions WHERE external_id LIKE 'good-%'"), 5);
    EXPECT_EQ(workspace.queryInteger("SELECT count(*) FROM mentions WHERE external_id LIKE 'urn:fine:%'"), 5);
    // Those that cannot be read at all failed, each with its reason.
    for (const std::string path : {"/bomb.rss", "/endless.rss", "/deep.json", "/noise.rss"})
        EXPECT_EQ(workspace.queryText("SELECT state || ': ' || coalesce(last_error, '') FROM sources WHERE url = '" +
                                      hostile.url(path) + "'").rfind("failing: ", 0),
                  0u)
            << path;
    EXPECT_EQ(workspace.queryInteger("SELECT count(*) FROM sources WHERE kind = 'hn-search' AND state = 'failing'"), 1);
    EXPECT_EQ(workspace.queryInteger("SELECT count(*) FROM sources WHERE state = 'failing' AND coalesce(last_error, '') = ''"), 0);
}
