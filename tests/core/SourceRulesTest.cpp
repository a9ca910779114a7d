// What a person may give as a source: one answer for the CLI and the console (the console's
// side is checked in SourcesDialogTest, the CLI's in CliTest).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "TempWorkspace.h"
#include "earshot/sources/OpmlImport.h"
#include "earshot/sources/SourceRules.h"
#include "earshot/store/Session.h"
#include "earshot/store/SourceStore.h"
#include "earshot/store/Workspace.h"

using namespace earshot;

namespace {

TEST(SourceRulesTest, ABareHostBecomesHttps)
{
    EXPECT_EQ(sources::normaliseFeedAddress("forum.example/latest.rss").value(), "https://forum.example/latest.rss");
    EXPECT_EQ(sources::normaliseFeedAddress("  forum.example:8080/feed ").value(), "https://forum.example:8080/feed");
}

TEST(SourceRulesTest, UrlsThatCanBePolledAreKeptAsGiven)
{
    for (const char* url : {"https://forum.example/feed", "http://forum.example/feed", "HTTPS://Forum.example/x",
                            "file:///srv/feeds/forum.rss"})
        EXPECT_EQ(sources::normaliseFeedAddress(url).value(), url);
}

TEST(SourceRulesTest, OtherSchemesAreRefusedWithAReason)
{
    for (const char* url : {"ftp://forum.example/feed", "javascript:alert(1)", "mailto:webcare@example.org"}) {
        auto refused = sources::normaliseFeedAddress(url);
        ASSERT_FALSE(refused) << url;
        EXPECT_NE(refused.message().find("use http, https or file"), std::string::npos) << refused.message();
    }
    EXPECT_FALSE(sources::normaliseFeedAddress(""));
    EXPECT_FALSE(sources::normaliseFeedAddress("two words"));
}

TEST(SourceRulesTest, ALocalFileBecomesAFileUrlAndAMissingOneIsNamed)
{
    test::TempWorkspace workspace;
    const auto feed = workspace.writeFile("local feed.rss", "<rss/>");
    const std::string expected =
        "file://" + std::filesystem::absolute(workspace.dir()).lexically_normal().generic_string() + "/local%20feed.rss";
    EXPECT_EQ(sources::normaliseFeedAddress(feed.string()).value(), expected);
    auto missing = sources::normaliseFeedAddress((workspace.dir() / "missing.rss").string());
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.message().find("no feed file"), std::string::npos) << missing.message();
}

TEST(SourceRulesTest, TheMinimumPollIntervalIsOneMinute)
{
    EXPECT_EQ(sources::kMinimumPollIntervalSeconds, 60);
    EXPECT_FALSE(sources::checkPollInterval(30));
    EXPECT_TRUE(sources::checkPollInterval(60));
    EXPECT_TRUE(sources::checkPollInterval(sources::kMaximumPollIntervalSeconds));
    EXPECT_FALSE(sources::checkPollInterval(sources::kMaximumPollIntervalSeconds + 1));
}

TEST(OpmlImportTest, AddsNewFeedsAndSaysWhyOthersWereSkipped)
{
    test::TempWorkspace workspace;
    const std::string opml = R"opml(<?xml version="1.0"?><opml version="2.0"><body>
        <outline text="Brand"><outline title="Forum" xmlUrl="https://forum.example/latest.rss"/>
        <outline title="Blog" xmlUrl="https://blog.example/atom.xml"/>
        <outline title="Trap" xmlUrl="javascript:alert(1)"/></outline></body></opml>)opml";
    auto import = [&] {
        Result<sources::OpmlImportReport> report = fail("not run");
        EXPECT_TRUE(workspace.open().writer().run([&](store::Session& session) -> Status {
            report = sources::importOpml(opml, session, domain::kCommandLineActor);
            return Ok{};
        }));
        return report;
    };
    auto first = import();
    ASSERT_TRUE(first) << first.message();
    EXPECT_EQ(first->added, 2);
    ASSERT_EQ(first->skipped.size(), 1u);
    EXPECT_EQ(first->skipped[0].label, "Trap");
    EXPECT_NE(first->skipped[0].reason.find("is not a feed address"), std::string::npos) << first->skipped[0].reason;

    auto second = import();
    ASSERT_TRUE(second);
    EXPECT_EQ(second->added, 0);
    ASSERT_EQ(second->skipped.size(), 3u);
    EXPECT_TRUE(second->skipped[0].alreadyASource);
    auto listed = workspace.open().reader().value()->sources().list();
    ASSERT_TRUE(listed) << listed.message();
    EXPECT_EQ(listed->size(), 2u);

    EXPECT_FALSE(workspace.open().writer().run([&](store::Session& session) -> Status {
        auto report = sources::importOpml("hello", session, domain::kCommandLineActor);
        return report ? Status(Ok{}) : Status(report.error());
    }));
}

}  // namespace
