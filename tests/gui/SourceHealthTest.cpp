// SourceHealth: which sources are in trouble, from the database at start and from the
// engine's reports afterwards.
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <functional>
#include <memory>

#include "earshot/bridge/SourceHealth.h"
#include "earshot/store/Session.h"
#include "earshot/store/SourceStore.h"
#include "earshot/store/Workspace.h"

using earshot::Ok;
using earshot::Status;
using earshot::bridge::SourceHealth;
namespace store = earshot::store;

namespace {

class SourceHealthTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        auto workspace = store::Workspace::open(m_dir.filePath("workspace.db").toStdString());
        ASSERT_TRUE(workspace) << workspace.message();
        m_workspace = std::move(*workspace);
    }

    Status write(const std::function<Status(store::SourceStore&)>& work)
    {
        return m_workspace->writer().run([&](store::Session& session) { return work(session.sources()); });
    }

    std::int64_t addSource(const std::string& name)
    {
        std::int64_t id = 0;
        EXPECT_TRUE(write([&](store::SourceStore& sources) -> Status {
            auto added = sources.add({.name = name, .url = "https://" + name + ".example/feed"});
            if (!added)
                return added.error();
            id = *added;
            return Ok{};
        }));
        return id;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<store::Workspace> m_workspace;
};

TEST_F(SourceHealthTest, LoadsFailingAndGivenUpSourcesButNotSwitchedOffOnes)
{
    addSource("healthy");
    const auto failing = addSource("failing");
    const auto gone = addSource("gone");
    const auto switchedOff = addSource("off");
    ASSERT_TRUE(write([&](store::SourceStore& sources) -> Status {
        for (const store::PollRecord& record :
             {store::PollRecord{.sourceId = failing, .polledAt = 100, .nextPollAt = 400, .error = "HTTP 500"},
              store::PollRecord{.sourceId = gone, .polledAt = 100, .nextPollAt = 400, .disable = true,
                                .error = "HTTP 410 Gone"},
              store::PollRecord{.sourceId = switchedOff, .polledAt = 100, .nextPollAt = 400, .error = "HTTP 500"}})
            if (auto done = sources.recordPoll(record); !done)
                return done;
        return sources.setEnabled(switchedOff, false);
    }));

    SourceHealth health;
    QSignalSpy changed(&health, &SourceHealth::changed);
    auto reader = m_workspace->reader();
    ASSERT_TRUE(reader);
    ASSERT_TRUE(health.load(**reader));

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
