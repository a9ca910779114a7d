#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <ctime>
#include <functional>
#include <mutex>
#include <set>
#include <thread>

#include "FeedFactory.h"
#include "TempWorkspace.h"
#include "TestHttpServer.h"
#include "WorkspaceReads.h"
#include "earshot/engine/Engine.h"
#include "earshot/engine/FeedMapper.h"
#include "earshot/store/Mentions.h"
#include "earshot/store/SourceStore.h"

using namespace earshot;
using namespace std::chrono_literals;

namespace {

class RecordingObserver : public engine::EngineObserver {
public:
    void mentionsStored(const engine::MentionsStored& event) override
    {
        std::lock_guard lock(mutex);
        stored.push_back(event);
    }
    void sourceStateChanged(const engine::SourceStateChanged& event) override
    {
        std::lock_guard lock(mutex);
        states.push_back(event);
    }
    std::mutex mutex;
    std::vector<engine::MentionsStored> stored;
    std::vector<engine::SourceStateChanged> states;
};

class EngineTest : public ::testing::Test {
protected:
    std::int64_t addSource(const std::string& url, std::vector<std::string> include = {},
                           std::vector<std::string> exclude = {})
    {
        store::Source source;
        source.url = url;
        source.includeWords = std::move(include);
        source.excludeWords = std::move(exclude);
        return workspace.addSource(source);
    }

    store::Source source(std::int64_t id) { return workspace.source(id); }
    // Every stored mention, in id order.
    std::vector<store::MentionExportRow> mentions() { return test::exportedMentions(workspace.open()); }
    std::int64_t mentionCount() { return test::exportCount(workspace.open(), store::ExportKind::Mentions); }
    std::int64_t mentionsWhere(const std::function<bool(const store::MentionExportRow&)>& pick)
    {
        const auto all = mentions();
        return std::count_if(all.begin(), all.end(), pick);
    }

    std::vector<engine::SourcePollSummary> pollOnce(engine::EngineOptions options = {})
    {
        auto engine = engine::Engine::open(workspace.open(), &observer, options);
        EXPECT_TRUE(engine) << engine.message();
        return (*engine)->pollOnce();
    }

    static std::int64_t now() { return std::int64_t(std::time(nullptr)); }

    test::TempWorkspace workspace;
    test::TestHttpServer http;
    RecordingObserver observer;
};

}  // namespace

TEST_F(EngineTest, StoresAFeedAndReportsOneBatch)
{
    http.server().Get("/feed.xml", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(test::rssFeed(20), "application/rss+xml");
    });
    const auto id = addSource(http.url("/feed.xml"));
    auto summaries = pollOnce();
    ASSERT_EQ(summaries.size(), 1u);
    EXPECT_EQ(summaries[0].outcome, "ok");
    EXPECT_EQ(summaries[0].newMentions, 20);
    EXPECT_EQ(mentionCount(), 20);
    EXPECT_EQ(test::readerOf(workspace.open())->conversations().count().value().all, 20);
    EXPECT_EQ(mentionsWhere([](const auto& m) { return m.body == "Question 3 about acme"; }), 1);
    ASSERT_EQ(observer.stored.size(), 1u);
    EXPECT_EQ(observer.stored[0].sourceId, id);
    EXPECT_EQ(observer.stored[0].mentionIds.size(), 20u);
    const auto polled = source(id);
    EXPECT_EQ(polled.state, domain::SourceState::Ok);
    EXPECT_GT(polled.nextPollAt, now() + 200);
}

TEST_F(EngineTest, SecondPollWithEtagIs304AndStoresNothing)
{
    std::atomic<int> conditional = 0;
    http.server().Get("/feed.xml", [&](const httplib::Request& req, httplib::Response& res) {
        if (req.get_header_value("If-None-Match") == "\"v1\"") {
            ++conditional;
            res.status = 304;
            return;
        }
        res.set_header("ETag", "\"v1\"");
        res.set_content(test::rssFeed(5), "application/rss+xml");
    });
    const auto id = addSource(http.url("/feed.xml"));
    pollOnce();
    EXPECT_EQ(source(id).etag, "\"v1\"");
    auto second = pollOnce();
    EXPECT_EQ(conditional, 1);
    EXPECT_EQ(second[0].outcome, "not modified");
    EXPECT_EQ(second[0].newMentions, 0);
    EXPECT_EQ(mentionCount(), 5);
    EXPECT_EQ(source(id).state, domain::SourceState::Ok);
}

TEST_F(EngineTest, SecondPollWithLastModifiedIs304)
{
    const std::string stamp = "Sun, 22 Nov 2026 09:00:00 GMT";
    std::atomic<int> conditional = 0;
    http.server().Get("/feed.xml", [&](const httplib::Request& req, httplib::Response& res) {
        if (req.get_header_value("If-Modified-Since") == stamp) {
            ++conditional;
            res.status = 304;
            return;
        }
        res.set_header("Last-Modified", stamp);
        res.set_content(test::atomFeed(3), "application/atom+xml");
    });
    const auto id = addSource(http.url("/feed.xml"));
    pollOnce();
    EXPECT_EQ(source(id).lastModified, stamp);
    pollOnce();
    EXPECT_EQ(conditional, 1);
    EXPECT_EQ(mentionCount(), 3);
}

TEST_F(EngineTest, RepeatedFullPollsStoreNothingTwice)
{
    http.server().Get("/feed.xml", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(test::rssFeed(10), "application/rss+xml");
    });
    addSource(http.url("/feed.xml"));
    pollOnce();
    auto second = pollOnce();
    EXPECT_EQ(second[0].newMentions, 0);
    EXPECT_EQ(second[0].duplicates, 10);
    EXPECT_EQ(mentionCount(), 10);
}

TEST_F(EngineTest, PermanentRedirectUpdatesTheStoredUrl)
{
    for (const int code : {301, 308}) {
        const std::string from = "/old" + std::to_string(code), to = "/new" + std::to_string(code);
        http.server().Get(from, [code, to](const httplib::Request&, httplib::Response& res) {
            res.status = code;
            res.set_header("Location", to);
        });
        http.server().Get(to, [](const httplib::Request&, httplib::Response& res) {
            res.set_content(test::rssFeed(2), "application/rss+xml");
        });
    }
    const auto a = addSource(http.url("/old301"));
    const auto b = addSource(http.url("/old308"));
    pollOnce();
    EXPECT_EQ(source(a).url, http.url("/new301"));
    EXPECT_EQ(source(b).url, http.url("/new308"));
    EXPECT_EQ(std::int64_t(test::eventsOfKind(workspace.open(), domain::EventKind::SourceMoved).size()), 2);
}

TEST_F(EngineTest, AFailedWriteLeavesTheSourceFailingWithTheReasonAndBacksOff)
{
    // A feed that moved permanently to a URL another source already listens to cannot be
    // moved there: its whole job rolls back, and that must still show and slow it down.
    http.server().Get("/old", [](const httplib::Request&, httplib::Response& res) {
        res.status = 301;
        res.set_header("Location", "/shared");
    });
    http.server().Get("/shared", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(test::rssFeed(2), "application/rss+xml");
    });
    const auto moved = addSource(http.url("/old"));
    const auto other = addSource(http.url("/shared"));
    const auto before = now();
    auto summaries = pollOnce();
    const auto s = source(moved);
    EXPECT_EQ(s.state, domain::SourceState::Failing);
    EXPECT_EQ(s.errorCount, 1);
    EXPECT_NE(s.lastError.find("could not store"), std::string::npos) << s.lastError;
    EXPECT_NE(s.lastError.find("another source already listens to"), std::string::npos) << s.lastError;
    EXPECT_EQ(s.url, http.url("/old"));
    EXPECT_GE(s.nextPollAt, before + 45) << "backs off instead of being due again at once";
    EXPECT_EQ(source(other).state, domain::SourceState::Ok);
    EXPECT_EQ(mentionsWhere([&](const auto& m) { return m.sourceId == moved; }), 0);
    EXPECT_EQ(mentionsWhere([&](const auto& m) { return m.sourceId == other; }), 2);
    for (const auto& summary : summaries)
        if (summary.sourceId == moved) {
            EXPECT_TRUE(summary.failed());
        }
}

TEST_F(EngineTest, TemporaryRedirectKeepsTheUrl)
{
    http.server().Get("/tmp", [](const httplib::Request&, httplib::Response& res) {
        res.status = 302;
        res.set_header("Location", "/real");
    });
    http.server().Get("/real", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(test::rssFeed(1), "application/rss+xml");
    });
    const auto id = addSource(http.url("/tmp"));
    pollOnce();
    EXPECT_EQ(source(id).url, http.url("/tmp"));
    EXPECT_EQ(mentionCount(), 1);
}

TEST_F(EngineTest, GoneDisablesTheSourceWithAReason)
{
    http.server().Get("/gone", [](const httplib::Request&, httplib::Response& res) { res.status = 410; });
    const auto id = addSource(http.url("/gone"));
    auto summaries = pollOnce();
    EXPECT_EQ(summaries[0].outcome, "disabled");
    const auto s = source(id);
    EXPECT_FALSE(s.enabled);
    EXPECT_EQ(s.state, domain::SourceState::Disabled);
    EXPECT_FALSE(s.lastError.empty());
    EXPECT_TRUE(pollOnce().empty()) << "a disabled source is not polled";
}

TEST_F(EngineTest, NotFoundAndServerErrorsBackOff)
{
    http.server().Get("/missing", [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
    http.server().Get("/broken", [](const httplib::Request&, httplib::Response& res) { res.status = 500; });
    const auto missing = addSource(http.url("/missing"));
    const auto broken = addSource(http.url("/broken"));
    pollOnce();
    pollOnce();
    for (const auto id : {missing, broken}) {
        const auto s = source(id);
        EXPECT_EQ(s.state, domain::SourceState::Failing);
        EXPECT_EQ(s.errorCount, 2);
        EXPECT_NE(s.lastError.find(id == missing ? "404" : "500"), std::string::npos) << s.lastError;
        // Second failure: about 120 s (± 20 %), well before the 300 s interval.
        EXPECT_GE(s.nextPollAt, now() + 90);
        EXPECT_LE(s.nextPollAt, now() + 150);
    }
    EXPECT_EQ(mentionCount(), 0);
}

TEST_F(EngineTest, RateLimitHonoursRetryAfter)
{
    http.server().Get("/busy", [](const httplib::Request&, httplib::Response& res) {
        res.status = 429;
        res.set_header("Retry-After", "7200");
    });
    const auto id = addSource(http.url("/busy"));
    auto summaries = pollOnce();
    EXPECT_EQ(summaries[0].outcome, "rate limited");
    const auto s = source(id);
    EXPECT_EQ(s.state, domain::SourceState::Failing);
    EXPECT_GE(s.nextPollAt, now() + 7190);
    EXPECT_NE(s.lastError.find("next try in 2 h"), std::string::npos) << s.lastError;
    EXPECT_EQ(summaries[0].error, s.lastError) << "poll --once prints the same";
}

TEST_F(EngineTest, AFarOffRetryAfterDateIsCappedAndSaysTheRealWait)
{
    http.server().Get("/busy", [](const httplib::Request&, httplib::Response& res) {
        res.status = 503;
        res.set_header("Retry-After", "Fri, 31 Dec 2100 23:59:59 GMT");
    });
    const auto id = addSource(http.url("/busy"));
    pollOnce();
    const auto s = source(id);
    EXPECT_LE(s.nextPollAt, now() + 24 * 3600);
    EXPECT_NE(s.lastError.find("next try in 24 h"), std::string::npos) << s.lastError;
}

TEST_F(EngineTest, AnHtmlPageIsNotAFeed)
{
    http.server().Get("/page", [](const httplib::Request&, httplib::Response& res) {
        res.set_content("<!DOCTYPE html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>",
                        "text/html");
    });
    const auto id = addSource(http.url("/page"));
    auto summaries = pollOnce();
    EXPECT_TRUE(summaries[0].failed());
    const auto s = source(id);
    EXPECT_EQ(s.state, domain::SourceState::Failing);
    EXPECT_NE(s.lastError.find("not a feed"), std::string::npos) << s.lastError;
}

TEST_F(EngineTest, ABrokenSourceDoesNotStopTheOthers)
{
    http.server().Get("/good", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(test::rssFeed(4), "application/rss+xml");
    });
    addSource(http.url("/good"));
    addSource("http://127.0.0.1:1/closed");
    auto summaries = pollOnce();
    ASSERT_EQ(summaries.size(), 2u);
    EXPECT_FALSE(summaries[0].failed());
    EXPECT_TRUE(summaries[1].failed());
    EXPECT_EQ(mentionCount(), 4);
}

TEST_F(EngineTest, KeywordFiltersKeepOnlyMentionsAboutTheBrand)
{
    http.server().Get("/acme", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(test::rssFeed(3, "a", "Acmé"), "application/rss+xml");
    });
    http.server().Get("/other", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(test::rssFeed(3, "b", "weather"), "application/rss+xml");
    });
    http.server().Get("/jobs", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(test::rssFeed(3, "vacature", "acme"), "application/rss+xml");
    });
    addSource(http.url("/acme"), {"acme"});
    addSource(http.url("/other"), {"acme"});
    addSource(http.url("/jobs"), {"acme"}, {"vacature"});
    auto summaries = pollOnce();
    EXPECT_EQ(summaries[0].newMentions, 3);
    EXPECT_EQ(summaries[1].newMentions, 0);
    EXPECT_EQ(summaries[1].filteredOut, 3);
    EXPECT_EQ(summaries[2].newMentions, 0);
    EXPECT_EQ(mentionCount(), 3);
}

TEST_F(EngineTest, RunPollsDueSourcesAndStopsPromptlyLosingNothing)
{
    std::atomic<int> requests = 0;
    http.server().Get("/feed.xml", [&](const httplib::Request&, httplib::Response& res) {
        ++requests;
        res.set_content(test::rssFeed(30), "application/rss+xml");
    });
    http.server().Get("/slow", [&](const httplib::Request&, httplib::Response& res) {
        http.sleepFor(30s);
        res.set_content(test::rssFeed(1, "slow"), "application/rss+xml");
    });
    addSource(http.url("/feed.xml"));
    addSource(http.url("/slow"));
    auto engine = engine::Engine::open(workspace.open(), &observer);
    ASSERT_TRUE(engine);
    std::thread worker([&] { (*engine)->run(); });
    for (int i = 0; i < 100 && mentionCount() < 30; ++i)
        std::this_thread::sleep_for(50ms);
    const auto stopAsked = std::chrono::steady_clock::now();
    (*engine)->stop();
    worker.join();
    EXPECT_LT(std::chrono::steady_clock::now() - stopAsked, 5s) << "stop must not wait for a slow server";
    engine->reset();
    EXPECT_EQ(requests, 1) << "a source is not polled again before its interval";
    EXPECT_EQ(mentionCount(), 30);
    auto sources = test::readerOf(workspace.open())->sources().list();
    ASSERT_TRUE(sources) << sources.message();
    EXPECT_EQ(std::count_if(sources->begin(), sources->end(),
                            [](const store::Source& s) { return s.state == domain::SourceState::New; }),
              1)
        << "the cancelled poll left no error";
}

TEST_F(EngineTest, GzipFeedIsDecodedAndStored)
{
    http.server().Get("/feed.xml", [](const httplib::Request&, httplib::Response& res) {
        res.set_header("Content-Encoding", "gzip");
        res.set_content(test::gzipCompress(test::rssFeed(12)), "application/rss+xml");
    });
    const auto id = addSource(http.url("/feed.xml"));
    auto summaries = pollOnce();
    EXPECT_EQ(summaries[0].newMentions, 12) << summaries[0].error;
    EXPECT_EQ(source(id).state, domain::SourceState::Ok);
}

TEST_F(EngineTest, SlowServerTimesOutIntoAnErrorState)
{
    http.server().Get("/slow", [&](const httplib::Request&, httplib::Response& res) {
        http.sleepFor(20s);
        res.set_content(test::rssFeed(1), "application/rss+xml");
    });
    const auto id = addSource(http.url("/slow"));
    engine::EngineOptions options;
    options.fetch.totalTimeoutSeconds = 1;
    const auto started = std::chrono::steady_clock::now();
    auto summaries = pollOnce(options);
    EXPECT_LT(std::chrono::steady_clock::now() - started, 10s);
    EXPECT_TRUE(summaries[0].failed());
    const auto s = source(id);
    EXPECT_EQ(s.state, domain::SourceState::Failing);
    EXPECT_NE(s.lastError.find("timed out"), std::string::npos) << s.lastError;
    EXPECT_EQ(mentionCount(), 0);
}

TEST_F(EngineTest, OversizedBodyIsRefusedAndEarlierMentionsStay)
{
    std::atomic<bool> huge = false;
    http.server().Get("/feed.xml", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(huge ? test::rssFeed(2000) : test::rssFeed(3), "application/rss+xml");
    });
    const auto id = addSource(http.url("/feed.xml"));
    engine::EngineOptions options;
    options.fetch.maxBodyBytes = 64 * 1024;
    pollOnce(options);
    huge = true;
    auto summaries = pollOnce(options);
    EXPECT_TRUE(summaries[0].failed());
    const auto s = source(id);
    EXPECT_EQ(s.state, domain::SourceState::Failing);
    EXPECT_NE(s.lastError.find("larger than"), std::string::npos) << s.lastError;
    EXPECT_EQ(mentionCount(), 3) << "what was stored before is kept";
}

TEST_F(EngineTest, RedirectLoopIsAnErrorState)
{
    http.server().Get("/a", [](const httplib::Request&, httplib::Response& res) {
        res.status = 302;
        res.set_header("Location", "/b");
    });
    http.server().Get("/b", [](const httplib::Request&, httplib::Response& res) {
        res.status = 302;
        res.set_header("Location", "/a");
    });
    const auto id = addSource(http.url("/a"));
    auto summaries = pollOnce();
    EXPECT_TRUE(summaries[0].failed());
    const auto s = source(id);
    EXPECT_EQ(s.state, domain::SourceState::Failing);
    EXPECT_NE(s.lastError.find("redirect"), std::string::npos) << s.lastError;
    EXPECT_EQ(s.url, http.url("/a"));
}

TEST_F(EngineTest, NewestItemOfAFeedGetsTheHighestId)
{
    http.server().Get("/feed.xml", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(test::rssFeed(5), "application/rss+xml");   // item 0 listed first, as the newest
    });
    addSource(http.url("/feed.xml"));
    pollOnce();
    auto newest = test::readerOf(workspace.open())->mentions().list({.limit = 1});
    ASSERT_TRUE(newest) << newest.message();
    ASSERT_EQ(newest->size(), 1u);
    EXPECT_EQ(newest->front().externalId, "item-0");
}

// A feed larger than one ingest batch is mapped and stored a batch at a time (bounded
// memory), yet as one poll: every item once, oldest first, with the ETag of the whole.
TEST_F(EngineTest, AFeedOfManyBatchesIsStoredWholeInOrderWithItsEtag)
{
    const int items = int(engine::kIngestBatch) * 2 + 345;
    const std::string body = test::rssFeed(items);
    http.server().Get("/huge.xml", [&](const httplib::Request& req, httplib::Response& res) {
        if (req.get_header_value("If-None-Match") == "\"v1\"") {
            res.status = 304;
            return;
        }
        res.set_header("ETag", "\"v1\"");
        res.set_content(body, "application/rss+xml");
    });
    const auto id = addSource(http.url("/huge.xml"), {"acme"}, {"item 7 about"});
    const auto summaries = pollOnce();
    ASSERT_EQ(summaries.size(), 1u);
    EXPECT_EQ(summaries[0].outcome, "ok");
    EXPECT_EQ(summaries[0].filteredOut, 1) << "the filter is applied in every batch";
    EXPECT_EQ(summaries[0].newMentions, items - 1);
    EXPECT_EQ([&] {
        std::set<std::string> ids;
        for (const auto& m : mentions())
            ids.insert(m.externalId);
        return std::int64_t(ids.size());
    }(), items - 1);
    EXPECT_EQ(mentionsWhere([](const auto& m) { return m.externalId == "item-7"; }), 0);
    // Oldest first: the feed's last item got the lowest id, its first the highest.
    EXPECT_EQ(mentions().front().externalId,
              "item-" + std::to_string(items - 1));
    EXPECT_EQ(mentions().back().externalId, "item-0");
    EXPECT_EQ(source(id).etag, "\"v1\"");
    std::size_t heard = 0;
    for (const auto& event : observer.stored)
        heard += event.mentionIds.size();
    EXPECT_EQ(heard, std::size_t(items - 1));
    EXPECT_EQ(pollOnce()[0].outcome, "not modified");
    EXPECT_EQ(mentionCount(), items - 1);
}

TEST_F(EngineTest, ObserverHearsOfMentionsOnlyOnceTheyCanBeRead)
{
    class ReadingObserver : public engine::EngineObserver {
    public:
        explicit ReadingObserver(std::string path) : m_path(std::move(path)) {}
        void mentionsStored(const engine::MentionsStored& event) override
        {
            // A workspace of its own, as another window or process would read it.
            auto other = store::Workspace::open(m_path, store::Workspace::Opening::Existing);
            if (!other)
                return;
            auto session = (*other)->reader();
            if (!session)
                return;
            auto listed = (*session)->mentions().list({.limit = 1000});
            visible = listed ? int(listed->size()) : -2;
            reported = int(event.mentionIds.size());
        }
        std::atomic<int> visible = -1, reported = -1;

    private:
        std::string m_path;
    };
    http.server().Get("/feed.xml", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(test::rssFeed(8), "application/rss+xml");
    });
    addSource(http.url("/feed.xml"));
    ReadingObserver reader(workspace.dbPath());
    auto engine = engine::Engine::open(workspace.open(), &reader);
    (*engine)->pollOnce();
    EXPECT_EQ(reader.reported, 8);
    EXPECT_EQ(reader.visible, 8);
}

TEST_F(EngineTest, PollAllNowPollsSourcesThatAreNotDue)
{
    std::atomic<int> requests = 0;
    http.server().Get("/feed.xml", [&](const httplib::Request&, httplib::Response& res) {
        ++requests;
        res.set_content(test::rssFeed(2), "application/rss+xml");
    });
    addSource(http.url("/feed.xml"));
    auto engine = engine::Engine::open(workspace.open(), &observer);
    std::thread worker([&] { (*engine)->run(); });
    for (int i = 0; i < 100 && requests < 1; ++i)
        std::this_thread::sleep_for(50ms);
    (*engine)->wake();
    std::this_thread::sleep_for(300ms);
    EXPECT_EQ(requests, 1) << "wake() polls only what is due";
    (*engine)->pollAllNow();
    for (int i = 0; i < 100 && requests < 2; ++i)
        std::this_thread::sleep_for(50ms);
    (*engine)->stop();
    worker.join();
    EXPECT_EQ(requests, 2);
}
