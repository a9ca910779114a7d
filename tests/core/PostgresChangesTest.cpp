// What keeps the desktops of a team up to date, where PostgreSQL differs from one desk: a
// change numbered lower that commits after a higher one was read is still told; presence
// expires on the server's clock and each login writes only its own; only the owner's
// triggers write the change log; a listening connection that is lost says so.
#include <gtest/gtest.h>

#include <algorithm>

#include "InboxSeed.h"
#include "PostgresTestServer.h"
#include "WorkspaceFactory.h"
#include "earshot/store/ChangeStore.h"
#include "earshot/store/PresenceStore.h"
#include "earshot/store/Workspace.h"
#include "store/postgres/Connection.h"

using namespace earshot;
using store::postgres::Connection;
using Ids = std::vector<std::int64_t>;

namespace {

class PostgresChangesTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        test::skipWithoutPostgres();
        if (IsSkipped() || HasFatalFailure())
            return;
        m_location = test::newPostgresWorkspace();
        m_conversations = test::seedInbox(test::asAgent(m_location), {}, 2, "changes");
        m_desk = open(test::asAgent(m_location));
        ASSERT_EQ(m_conversations.size(), 2U);
        auto reader = m_desk->reader();
        ASSERT_TRUE(reader) << reader.message();
        m_reader = std::move(*reader);
    }

    static std::unique_ptr<store::Workspace> open(const std::string& location)
    {
        auto workspace = store::Workspace::open(location);
        if (!workspace)
            throw std::runtime_error(workspace.message());
        return std::move(*workspace);
    }

    Connection connect(const std::string& location)
    {
        auto db = Connection::open(location);
        if (!db)
            throw std::runtime_error(db.message());
        return std::move(*db);
    }

    Ids since(store::ChangePosition& position)
    {
        auto changes = m_reader->changes().since(position);
        EXPECT_TRUE(changes) << changes.message();
        if (!changes)
            return {};
        position = changes->next;
        Ids ids = changes->conversationIds;
        std::sort(ids.begin(), ids.end());
        return ids;
    }

    std::string m_location;
    std::unique_ptr<store::Workspace> m_desk;
    std::unique_ptr<store::Session> m_reader;
    Ids m_conversations;
};

TEST_F(PostgresChangesTest, AChangeThatCommitsAfterALaterOneWasReadIsStillTold)
{
    auto position = m_reader->changes().latest();
    ASSERT_TRUE(position) << position.message();
    const std::string touch = "UPDATE conversations SET priority = priority WHERE id = $1";

    // Desktop A changes the first conversation and has not committed when desktop B's change
    // to the second one, numbered after A's, commits and is read.
    auto desktopA = connect(test::asAgent(m_location));
    auto desktopB = connect(test::asAgent(m_location));
    ASSERT_TRUE(desktopA.exec("BEGIN"));
    ASSERT_TRUE(desktopA.run(touch, {m_conversations[0]}));
    ASSERT_TRUE(desktopB.run(touch, {m_conversations[1]}));
    EXPECT_EQ(since(*position), Ids{m_conversations[1]});

    ASSERT_TRUE(desktopA.exec("COMMIT"));
    EXPECT_EQ(since(*position), Ids{m_conversations[0]}) << "a sequence number alone would have skipped it";
    EXPECT_EQ(since(*position), Ids{}) << "each change is told once";
}

TEST_F(PostgresChangesTest, PresenceExpiresOnTheServersClockAndEachLoginWritesOnlyItsOwn)
{
    auto& presence = m_reader->presence();
    ASSERT_TRUE(presence.announce({"desk-anouk", "Anouk Smit", m_conversations[0], store::Activity::Replying}));

    auto other = open(test::asAgent(m_location, "changes_bram"));
    auto bram = other->reader();
    ASSERT_TRUE(bram) << bram.message();
    EXPECT_TRUE((*bram)->presence().withdraw("desk-anouk"));   // nothing of Bram's to withdraw
    EXPECT_FALSE((*bram)->presence().announce({"desk-anouk", "Bram Jansen", m_conversations[1],
                                               store::Activity::Viewing}))
        << "another login's desktop was overwritten";
    auto present = (*bram)->presence().present();
    ASSERT_TRUE(present) << present.message();
    ASSERT_EQ(present->size(), 1U);
    EXPECT_EQ(present->front().agent, "Anouk Smit");
    EXPECT_EQ(present->front().activity, store::Activity::Replying);

    // A desktop that crashed says nothing more: once its word is older than its life, it is gone.
    test::postgresExec(m_location, "UPDATE presence SET expires_at = now() - interval '1 second'");
    present = presence.present();
    ASSERT_TRUE(present) << present.message();
    EXPECT_TRUE(present->empty());
}

TEST_F(PostgresChangesTest, OnlyTheOwnersTriggersWriteTheChangeLog)
{
    auto agent = connect(test::asAgent(m_location));
    EXPECT_FALSE(agent.run("INSERT INTO changes(conversation_id) VALUES (1)"));
    EXPECT_EQ(agent.lastSqlState(), "42501");
    EXPECT_FALSE(agent.run("DELETE FROM changes"));
    EXPECT_EQ(agent.lastSqlState(), "42501");
    // Through the triggers an agent's change is logged all the same.
    ASSERT_TRUE(agent.run("UPDATE conversations SET priority = priority WHERE id = $1", {m_conversations[0]}));
    auto logged = agent.query("SELECT count(*) FROM changes WHERE conversation_id = $1", {m_conversations[0]});
    ASSERT_TRUE(logged) << logged.message();
    EXPECT_GE(logged->integer(0, 0), 2);   // created, then touched
}

TEST_F(PostgresChangesTest, ALostListeningConnectionSaysSo)
{
    auto hints = m_desk->changeHints();
    ASSERT_TRUE(hints) << hints.message();
    test::postgresExec(m_location, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                   " WHERE query LIKE 'LISTEN%' AND datname = current_database()"
                                   " AND pid <> pg_backend_pid()");
    Result<bool> waited = false;
    for (int attempt = 0; attempt < 20 && waited; ++attempt)
        waited = (*hints)->wait(std::chrono::milliseconds(500));
    ASSERT_FALSE(waited);
    EXPECT_NE(waited.message().find("lost the connection"), std::string::npos) << waited.message();
}

}  // namespace
