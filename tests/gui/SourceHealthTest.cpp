// SourceHealth: which sources are in trouble, from the database at start and from the
// engine's reports afterwards.
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "earshot/bridge/SourceHealth.h"
#include "store/sqlite/Schema.h"
#include "earshot/store/Sources.h"

using earshot::bridge::SourceHealth;
namespace store = earshot::store;

namespace {

class SourceHealthTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        auto db = store::openWorkspace(m_dir.filePath("workspace.db").toStdString());
        ASSERT_TRUE(db) << db.message();
        m_db = std::make_unique<store::Database>(std::move(*db));
    }

    std::int64_t addSource(const std::string& name)
    {
        auto id = store::SourceRepository(*m_db).add({.name = name, .url = "https://" + name + ".example/feed"});
        EXPECT_TRUE(id) << id.message();
        return id ? *id : 0;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
};

TEST_F(SourceHealthTest, LoadsFailingAndGivenUpSourcesButNotSwitchedOffOnes)
{
    addSource("healthy");
    const auto failing = addSource("failing");
    const auto gone = addSource("gone");
    const auto switchedOff = addSource("off");
    store::SourceRepository sources(*m_db);
    ASSERT_TRUE(sources.recordPoll({.sourceId = failing, .polledAt = 100, .nextPollAt = 400, .error = "HTTP 500"}));
    ASSERT_TRUE(sources.recordPoll(
        {.sourceId = gone, .polledAt = 100, .nextPollAt = 400, .disable = true, .error = "HTTP 410 Gone"}));
    ASSERT_TRUE(sources.recordPoll({.sourceId = switchedOff, .polledAt = 100, .nextPollAt = 400, .error = "HTTP 500"}));
    ASSERT_TRUE(sources.setEnabled(switchedOff, false));

    SourceHealth health;
    QSignalSpy changed(&health, &SourceHealth::changed);
    ASSERT_TRUE(health.load(*m_db));

    EXPECT_EQ(changed.count(), 1);
    ASSERT_EQ(health.problemCount(), 2);
    const auto problems = health.problems();
    EXPECT_EQ(problems[0].sourceId, failing);
    EXPECT_EQ(problems[0].name, "failing");
    EXPECT_EQ(problems[0].state, "failing");
    EXPECT_EQ(problems[0].error, "HTTP 500");
    EXPECT_EQ(problems[1].sourceId, gone);
    EXPECT_EQ(problems[1].state, "disabled");
}

TEST_F(SourceHealthTest, FollowsTheEnginesReports)
{
    SourceHealth health;
    QSignalSpy changed(&health, &SourceHealth::changed);

    health.update(7, "Forum", "failing", "timed out");
    EXPECT_EQ(health.problemCount(), 1);
    health.update(7, "Forum", "failing", "HTTP 503");
    EXPECT_EQ(health.problems().at(0).error, "HTTP 503");
    health.update(7, "Forum", "ok", "");
    EXPECT_EQ(health.problemCount(), 0);
    EXPECT_EQ(changed.count(), 3);

    health.update(8, "Blog", "ok", "");   // fine before, fine now
    EXPECT_EQ(changed.count(), 3);

    // A platform that wants a token is a problem for someone to solve, too.
    health.update(9, "#vondelfiets on mastodon.social", "needs credentials", "HTTP 401 — create a token");
    ASSERT_EQ(health.problemCount(), 1);
    EXPECT_EQ(health.problems().at(0).state, "needs credentials");
}

}  // namespace
