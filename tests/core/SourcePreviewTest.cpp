// The Sources dialog's dry run: one real fetch from a local HTTP server, parsed and
// filtered as the engine would, with nothing stored anywhere.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <thread>

#include "FeedFactory.h"
#include "TempWorkspace.h"
#include "WorkspaceReads.h"
#include "TestHttpServer.h"
#include "earshot/engine/SourcePreview.h"
#include "store/sqlite/Schema.h"

using namespace earshot;
using namespace std::chrono_literals;

namespace {

// Three items about the brand, one of them a job ad, and one about something else.
const char* const kForumFeed = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Community forum</title><link>https://forum.example/</link>
<item><guid>1</guid><title>Verskist pakket kwijt</title><link>https://forum.example/t/1</link>
<author>anna@forum.example (Anna)</author><pubDate>Sun, 22 Nov 2026 10:00:00 GMT</pubDate>
<description>Mijn Verskist box is niet gekomen.</description></item>
<item><guid>2</guid><title>Vacature bij Verskist</title><link>https://forum.example/t/2</link>
<description>Bezorger gezocht.</description></item>
<item><guid>3</guid><title>Crème brûlée recept</title><link>https://forum.example/t/3</link>
<description>Niets over bezorging.</description></item>
<item><guid>4</guid><title>Snelle levering</title><link>https://forum.example/t/4</link>
<description>VERSKIST was op tijd.</description></item>
</channel></rss>
)";

class SourcePreviewTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        http.server().Get("/forum.rss", [](const httplib::Request&, httplib::Response& res) {
            res.set_content(kForumFeed, "application/rss+xml");
        });
        http.server().Get("/atom", [](const httplib::Request&, httplib::Response& res) {
            res.set_content(test::atomFeed(3), "application/atom+xml");
        });
        http.server().Get("/page.html", [](const httplib::Request&, httplib::Response& res) {
            res.set_content("<!doctype html><html><body><p>Welcome</p></body></html>", "text/html");
        });
        http.server().Get("/slow.rss", [this](const httplib::Request&, httplib::Response& res) {
            http.sleepFor(30s);
            res.set_content(test::rssFeed(1), "application/rss+xml");
        });
        http.server().Get("/gone.rss", [](const httplib::Request&, httplib::Response& res) { res.status = 410; });
    }

    test::TestHttpServer http;
};

TEST_F(SourcePreviewTest, SaysWhatWouldBeStoredAndWhatFilteredOut)
{
    auto preview = engine::previewSource(http.url("/forum.rss"), {"verskist"}, {"vacature"});
    ASSERT_TRUE(preview) << preview.message();
    EXPECT_EQ(preview->feedTitle, "Community forum");
    EXPECT_EQ(preview->format, "rss20");
    EXPECT_EQ(engine::feedFormatName(preview->format), "RSS 2.0");
    EXPECT_EQ(preview->entryCount, 4);
    ASSERT_EQ(preview->kept.size(), 2u);
    ASSERT_EQ(preview->filteredOut.size(), 2u);
    EXPECT_EQ(preview->kept[0].title, "Verskist pakket kwijt");
    EXPECT_EQ(preview->kept[0].author, "Anna");
    EXPECT_EQ(preview->kept[0].link, "https://forum.example/t/1");
    EXPECT_EQ(preview->kept[0].publishedAt, 1795341600);
    EXPECT_EQ(preview->kept[1].title, "Snelle levering");
    EXPECT_EQ(preview->filteredOut[0].title, "Vacature bij Verskist");
    EXPECT_EQ(preview->filteredOut[1].title, "Crème brûlée recept");
}

TEST_F(SourcePreviewTest, WithoutWordsEverythingWouldBeStored)
{
    auto preview = engine::previewSource(http.url("/atom"), {}, {});
    ASSERT_TRUE(preview) << preview.message();
    EXPECT_EQ(preview->format, "atom10");
    EXPECT_EQ(preview->entryCount, 3);
    EXPECT_EQ(preview->kept.size(), 3u);
    EXPECT_TRUE(preview->filteredOut.empty());
}

TEST_F(SourcePreviewTest, ReadsLocalFiles)
{
    test::TempWorkspace workspace;
    const auto file = workspace.writeFile("feed.rss", test::rssFeed(2, "local"));
    auto preview = engine::previewSource("file://" + file.string(), {}, {});
    ASSERT_TRUE(preview) << preview.message();
    EXPECT_EQ(preview->kept.size(), 2u);
}

TEST_F(SourcePreviewTest, AMissingPageSaysTheStatus)
{
    auto preview = engine::previewSource(http.url("/nothing-here.rss"), {}, {});
    ASSERT_FALSE(preview);
    EXPECT_EQ(preview.message(), "HTTP 404 Not Found");
}

TEST_F(SourcePreviewTest, GoneDoesNotClaimToHaveDisabledAnything)
{
    auto preview = engine::previewSource(http.url("/gone.rss"), {}, {});
    ASSERT_FALSE(preview);
    EXPECT_EQ(preview.message(), "HTTP 410 Gone — the server says this feed is gone for good");
}

TEST_F(SourcePreviewTest, AWebPageIsNotAFeed)
{
    auto preview = engine::previewSource(http.url("/page.html"), {}, {});
    ASSERT_FALSE(preview);
    EXPECT_EQ(preview.message().rfind("not a feed: ", 0), 0u) << preview.message();
    EXPECT_EQ(preview.message().find('\n'), std::string::npos) << "one line";
}

TEST_F(SourcePreviewTest, ASlowServerTimesOut)
{
    auto preview = engine::previewSource(http.url("/slow.rss"), {}, {}, {.totalTimeoutSeconds = 1});
    ASSERT_FALSE(preview);
    EXPECT_EQ(preview.message(), "timed out after 1 s");
}

TEST_F(SourcePreviewTest, AnEmptyUrlAsksForOne)
{
    auto preview = engine::previewSource("", {}, {});
    ASSERT_FALSE(preview);
    EXPECT_EQ(preview.message(), "enter the feed's URL first");
}

TEST_F(SourcePreviewTest, CancellingFromAnotherThreadEndsItPromptly)
{
    net::Fetcher fetcher;
    std::optional<Result<engine::SourcePreview>> preview;
    std::thread worker([&] { preview.emplace(engine::previewSource(fetcher, http.url("/slow.rss"), {}, {})); });
    std::this_thread::sleep_for(200ms);
    fetcher.cancel();
    worker.join();
    ASSERT_FALSE(*preview);
    EXPECT_EQ(preview->message(), "cancelled");
}

TEST_F(SourcePreviewTest, StoresNothingAnywhere)
{
    // A workspace that already has this very source, and a default data folder that is
    // empty: after the preview both are as they were.
    test::TempWorkspace workspace;
    const std::filesystem::path dataHome = workspace.dir() / "xdg-data";
    std::filesystem::create_directories(dataHome);
    const char* oldDataHome = std::getenv("XDG_DATA_HOME");
    const std::optional<std::string> saved = oldDataHome ? std::optional<std::string>(oldDataHome) : std::nullopt;
    ::setenv("XDG_DATA_HOME", dataHome.c_str(), 1);
    {
        auto opened = store::Workspace::open(workspace.dbPath());
        ASSERT_TRUE(opened) << opened.message();
        ASSERT_NE(test::addSource(**opened, {.url = http.url("/forum.rss")}), 0);
    }
    const auto sizeBefore = std::filesystem::file_size(workspace.dbPath());
    const auto timeBefore = std::filesystem::last_write_time(workspace.dbPath());

    auto preview = engine::previewSource(http.url("/forum.rss"), {}, {});
    ASSERT_TRUE(preview) << preview.message();
    EXPECT_EQ(preview->kept.size(), 4u);

    if (saved)
        ::setenv("XDG_DATA_HOME", saved->c_str(), 1);
    else
        ::unsetenv("XDG_DATA_HOME");
    EXPECT_TRUE(std::filesystem::is_empty(dataHome));
    EXPECT_EQ(std::filesystem::file_size(workspace.dbPath()), sizeBefore);
    EXPECT_EQ(std::filesystem::last_write_time(workspace.dbPath()), timeBefore);
    auto opened = store::Workspace::open(workspace.dbPath(), store::Workspace::Opening::Existing);
    ASSERT_TRUE(opened) << opened.message();
    EXPECT_EQ(test::exportCount(**opened, store::ExportKind::Mentions), 0);
    EXPECT_EQ(test::readerOf(**opened)->conversations().count().value().all, 0);
    // No core read counts the authors (customers) a workspace knows; SQLite's own table says.
    auto db = store::openReader(workspace.dbPath());
    ASSERT_TRUE(db) << db.message();
    EXPECT_EQ(store::queryInteger(*db, "SELECT count(*) FROM authors").value(), 0);
}

}  // namespace
