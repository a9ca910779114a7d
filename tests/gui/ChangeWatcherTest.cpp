// ChangeWatcher keeps a desktop up to date with another desktop on the same workspace, once
// per engine: the other's claims arrive as changed conversations, each desktop sees the
// other's presence but not its own, a closed desktop's presence goes; and on a team server
// a desktop cut off from it says so, and once back catches up on everything it missed.
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "Eventually.h"
#include "InboxSeed.h"
#include "PostgresTestServer.h"
#include "TempWorkspace.h"
#include "WorkspaceFactory.h"
#include "earshot/bridge/ChangeWatcher.h"
#include "earshot/store/InboxStore.h"
#include "earshot/store/Session.h"
#include "earshot/store/Workspace.h"

using namespace earshot;
using bridge::ChangeWatcher;

namespace {

std::unique_ptr<store::Workspace> openWorkspace(const std::string& location)
{
    auto workspace = store::Workspace::open(location);
    if (!workspace)
        throw std::runtime_error(workspace.message());
    return std::move(*workspace);
}

void claim(store::Workspace& desktop, std::int64_t conversationId, const std::string& agent)
{
    EXPECT_TRUE(desktop.writer().run([&](store::Session& session) -> Status {
        auto claimed = session.inbox().claimIfFree(conversationId, agent, 2000, true);
        return claimed ? Status(Ok{}) : Status(claimed.error());
    }));
}

// Every conversation the watcher has told of so far.
std::vector<std::int64_t> told(const QSignalSpy& spy)
{
    std::vector<std::int64_t> ids;
    for (const QList<QVariant>& signal : spy)
        for (const qint64 id : signal.at(0).value<QList<qint64>>())
            ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

bool includes(const std::vector<std::int64_t>& all, const std::vector<std::int64_t>& some)
{
    return std::all_of(some.begin(), some.end(),
                       [&](std::int64_t id) { return std::find(all.begin(), all.end(), id) != all.end(); });
}

class ChangeWatcherTest : public ::testing::TestWithParam<test::WorkspaceFactory> {
protected:
    void SetUp() override
    {
        test::skipWhenUnavailable(GetParam());
        if (IsSkipped() || HasFatalFailure())
            return;
        const std::string location = GetParam().newLocation(m_folder.dir());
        m_conversations = test::seedInbox(location, {}, 3, "watched");
        m_here = openWorkspace(location);
        m_there = openWorkspace(location);
        ASSERT_EQ(m_conversations.size(), 3U);
    }

    test::TempWorkspace m_folder;
    std::unique_ptr<store::Workspace> m_here;    // the desktop that watches
    std::unique_ptr<store::Workspace> m_there;   // a colleague's desktop
    std::vector<std::int64_t> m_conversations;
};

TEST_P(ChangeWatcherTest, AColleaguesClaimArrivesAsAChangedConversation)
{
    ChangeWatcher watcher;
    ASSERT_TRUE(watcher.start(*m_here));
    QSignalSpy changed(&watcher, &ChangeWatcher::conversationsChanged);
    claim(*m_there, m_conversations[1], "Bram Jansen");
    ASSERT_TRUE(test::eventually([&] { return !told(changed).empty(); }));
    EXPECT_EQ(told(changed), std::vector<std::int64_t>{m_conversations[1]})
        << "only what changed after the watcher started";
}

TEST_P(ChangeWatcherTest, EachDesktopSeesTheOthersPresenceButNotItsOwn)
{
    ChangeWatcher anouk;
    ChangeWatcher bram;
    ASSERT_TRUE(anouk.start(*m_here));
    ASSERT_TRUE(bram.start(*m_there));
    const std::int64_t conversation = m_conversations[0];
    anouk.setPresence("Anouk Smit", conversation, store::Activity::Replying);
    bram.setPresence("Bram Jansen", conversation, store::Activity::Viewing);

    ASSERT_TRUE(test::eventually([&] { return bram.othersAt(conversation).size() == 1; }));
    EXPECT_EQ(bram.othersAt(conversation).front().agent, "Anouk Smit");
    EXPECT_EQ(bram.othersAt(conversation).front().activity, store::Activity::Replying);
    ASSERT_TRUE(test::eventually([&] { return anouk.othersAt(conversation).size() == 1; }));
    EXPECT_EQ(anouk.othersAt(conversation).front().agent, "Bram Jansen");
    EXPECT_TRUE(anouk.othersAt(m_conversations[1]).empty());

    // Anouk moves on, then closes her console: Bram sees each at once, not after the expiry.
    anouk.setPresence("Anouk Smit", m_conversations[1], store::Activity::Viewing);
    EXPECT_TRUE(test::eventually([&] { return bram.othersAt(conversation).empty(); }));
    EXPECT_TRUE(test::eventually([&] { return bram.othersAt(m_conversations[1]).size() == 1; }));
    anouk.stop();
    EXPECT_TRUE(test::eventually([&] { return bram.othersAt(m_conversations[1]).empty(); }))
        << "a closed console's presence lingers";
}

INSTANTIATE_TEST_SUITE_P(Engines, ChangeWatcherTest, ::testing::ValuesIn(test::workspaceFactories()),
                         test::engineName);

TEST(ChangeWatcherOnATeamServer, ADesktopCutOffSaysSoAndOnceBackCatchesUpOnEverythingItMissed)
{
    test::skipWithoutPostgres();
    if (::testing::Test::IsSkipped() || ::testing::Test::HasFatalFailure())
        return;
    const std::string location = test::newPostgresWorkspace();
    const std::string login = "watcher_" + std::to_string(std::random_device()() % 1000000);
    const auto conversations = test::seedInbox(test::asAgent(location), {}, 3, "watched");
    auto here = openWorkspace(test::asAgent(location, login));
    auto there = openWorkspace(test::asAgent(location));
    ASSERT_EQ(conversations.size(), 3U);

    ChangeWatcher watcher;
    ASSERT_TRUE(watcher.start(*here));
    QSignalSpy changed(&watcher, &ChangeWatcher::conversationsChanged);
    QSignalSpy lost(&watcher, &ChangeWatcher::connectionLost);
    QSignalSpy restored(&watcher, &ChangeWatcher::connectionRestored);

    // The server drops this desktop and lets it in no more, while the colleague works on.
    test::postgresExec(location, "ALTER ROLE " + login + " NOLOGIN");
    test::postgresExec(location, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + login +
                                     "'");
    ASSERT_TRUE(test::eventually([&] { return lost.count() == 1; }));
    EXPECT_FALSE(watcher.connected());
    for (const std::int64_t conversation : conversations)
        claim(*there, conversation, "Bram Jansen");
    QTest::qWait(1500);   // through a retry or two that the server refuses
    EXPECT_EQ(restored.count(), 0);

    test::postgresExec(location, "ALTER ROLE " + login + " LOGIN");
    ASSERT_TRUE(test::eventually([&] { return restored.count() == 1; }, 4 * test::kEventuallyMs));
    EXPECT_TRUE(test::eventually([&] { return includes(told(changed), conversations); }));
    EXPECT_TRUE(watcher.connected());
    EXPECT_EQ(lost.count(), 1) << "one outage, told once";
}

}  // namespace
