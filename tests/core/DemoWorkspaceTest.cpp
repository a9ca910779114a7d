#include <gtest/gtest.h>

#include "TempWorkspace.h"
#include "earshot/demo/DemoWorkspace.h"
#include "earshot/engine/Engine.h"
#include "earshot/metrics/MetricsSettings.h"
#include "WorkspaceReads.h"
#include "earshot/store/SourceStore.h"

using namespace earshot;

TEST(DemoWorkspaceTest, CreatesHistoryAndLiveBundledFeeds)
{
    test::TempWorkspace workspace;
    auto created = demo::createDemoWorkspace(workspace.dbPath(), workspace.dir() / "demo-feeds", {.conversations = 300});
    ASSERT_TRUE(created) << created.message();
    auto db = test::readerOf(workspace.open());
    ASSERT_TRUE(db);
    EXPECT_EQ(db->conversations().count().value().all, 300);
    auto sources = db->sources().list();
    ASSERT_TRUE(sources) << sources.message();
    std::int64_t live = 0;
    for (const store::Source& source : *sources)
        live += source.enabled && source.url.starts_with("file://") ? 1 : 0;
    EXPECT_EQ(live, std::int64_t(demo::demoFeedFiles().size()));
    // Opening hours and SLA targets, so the dashboard and the SLA column have something to show.
    auto calendar = metrics::loadCalendar(*db);
    ASSERT_TRUE(calendar) << calendar.message();
    EXPECT_EQ(calendar->timeZone().name(), "Etc/GMT-1") << "the generated team's own clock, UTC+1 all year";
    auto policies = metrics::loadSlaPolicies(*db);
    ASSERT_TRUE(policies) << policies.message();
    ASSERT_NE(policies->targetFor(3, 0), nullptr);
    EXPECT_EQ(policies->targetFor(3, 0)->firstResponseSeconds, 1800);
    EXPECT_EQ(policies->targets().size(), 4u);

    // The bundled feeds are real: the engine polls them and every one parses.
    auto engine = engine::Engine::open(workspace.open(), nullptr);
    ASSERT_TRUE(engine);
    const auto summaries = (*engine)->pollOnce();
    ASSERT_EQ(summaries.size(), demo::demoFeedFiles().size());
    for (const auto& summary : summaries) {
        EXPECT_FALSE(summary.failed()) << summary.name << ": " << summary.error;
        EXPECT_GT(summary.newMentions, 0) << summary.name;
    }
}

TEST(DemoWorkspaceTest, NeverTouchesAnExistingDatabase)
{
    test::TempWorkspace workspace;
    workspace.writeFile("earshot.db", "precious");
    auto created = demo::createDemoWorkspace(workspace.dbPath(), workspace.dir() / "demo-feeds");
    ASSERT_FALSE(created);
    EXPECT_NE(created.message().find("already exists"), std::string::npos);
    EXPECT_EQ(test::readFile(workspace.dbPath()), "precious");
}
