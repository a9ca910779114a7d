// Response-time metrics on a team workspace, where several desktops derive them while others
// write: a change committed while a desktop derives is never marked clean unseen, and two
// desktops deriving at once store what one alone would.
#include <gtest/gtest.h>

#include <thread>

#include "PostgresTestServer.h"
#include "WorkspaceFactory.h"
#include "earshot/inbox/Ingest.h"
#include "earshot/metrics/ResponseCycles.h"
#include "earshot/store/SourceStore.h"
#include "earshot/store/Workspace.h"
#include "store/postgres/Connection.h"

using namespace earshot;
using store::postgres::Connection;

namespace {

class PostgresTeamMetricsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        test::skipWithoutPostgres();
        if (IsSkipped() || HasFatalFailure())
            return;
        m_location = test::newPostgresWorkspace();
        m_desk = open();
        ASSERT_TRUE(m_desk->writer().run([&](store::Session& session) -> Status {
            auto id = session.sources().add({.name = "Forum", .url = "https://forum.example/feed", .settings = "{}"});
            if (!id)
                return id.error();
            m_sourceId = *id;
            return Ok{};
        }));
    }

    std::unique_ptr<store::Workspace> open()
    {
        auto workspace = store::Workspace::open(test::asAgent(m_location));
        if (!workspace)
            throw std::runtime_error(workspace.message());
        return std::move(*workspace);
    }

    // One conversation per customer message, `count` of them.
    void ingest(int count, int first = 0)
    {
        std::vector<store::NewMention> mentions;
        for (int i = first; i < first + count; ++i)
            mentions.push_back({.externalId = "post-" + std::to_string(i), .body = "Waar blijft mijn pakket?"});
        ASSERT_TRUE(m_desk->writer().run([&](store::Session& session) -> Status {
            auto stored = inbox::ingestMentions(session, m_sourceId, mentions, 1000);
            return stored ? Status(Ok{}) : Status(stored.error());
        }));
    }

    Connection connect()
    {
        auto db = Connection::open(m_location);
        if (!db)
            throw std::runtime_error(db.message());
        return std::move(*db);
    }

    std::int64_t count(const std::string& sql) { return connect().query(sql)->integer(0, 0); }

    std::string m_location;
    std::unique_ptr<store::Workspace> m_desk;
    std::int64_t m_sourceId = 0;
};

TEST_F(PostgresTeamMetricsTest, ACustomerMessageStoredWhileAnotherDesktopDerivesIsCountedAfterwards)
{
    ingest(1);
    const std::int64_t conversation = count("SELECT id FROM conversations");

    // Desktop B is storing the customer's second message and has not committed yet.
    auto desktopB = connect();
    ASSERT_TRUE(desktopB.exec("BEGIN"));
    ASSERT_TRUE(desktopB.run("INSERT INTO mentions(source_id, external_id, conversation_id, body, ingested_at)"
                             " VALUES ($1, 'post-again', $2, 'Nog steeds niets', 1100)",
                             {m_sourceId, conversation}));

    // This desktop derives meanwhile: it cannot see that message yet, so it must leave the
    // conversation to be derived again rather than mark it clean.
    auto derived = metrics::refreshResponseCycles(m_desk->writer());
    ASSERT_TRUE(derived) << derived.message();
    ASSERT_TRUE(desktopB.exec("COMMIT"));

    EXPECT_EQ(count("SELECT count(*) FROM metrics_dirty"), 1) << "the change would never be derived";
    derived = metrics::refreshResponseCycles(m_desk->writer());
    ASSERT_TRUE(derived) << derived.message();
    EXPECT_EQ(count("SELECT customer_messages FROM response_cycles"), 2);
    EXPECT_EQ(count("SELECT count(*) FROM response_waits"), 1) << "two messages before a reply are one wait";
}

TEST_F(PostgresTeamMetricsTest, TwoDesktopsDerivingAtOnceStoreWhatOneAloneWould)
{
    ingest(3000);
    const std::string derivedRows =
        "SELECT count(*), coalesce(sum(hashtext(conversation_id || '/' || cycle || '/' || customer_messages)), 0)"
        " FROM response_cycles";
    // Both desktops start on the same dirty set, batch by batch.
    auto other = open();
    std::thread desktopB([&] { EXPECT_TRUE(metrics::refreshResponseCycles(other->writer())); });
    EXPECT_TRUE(metrics::refreshResponseCycles(m_desk->writer()));
    desktopB.join();
    EXPECT_EQ(count("SELECT count(*) FROM metrics_dirty"), 0);
    auto db = connect();
    auto together = db.query(derivedRows);
    EXPECT_EQ(together->integer(0, 0), 3000);
    EXPECT_EQ(count("SELECT count(*) FROM response_waits"), 3000) << "no wait stored twice";

    // Everything once more, by one desktop alone.
    ASSERT_TRUE(db.exec("INSERT INTO metrics_dirty SELECT id FROM conversations"));
    EXPECT_TRUE(metrics::refreshResponseCycles(m_desk->writer()));
    auto alone = db.query(derivedRows);
    EXPECT_EQ(alone->text(0, 0), together->text(0, 0));
    EXPECT_EQ(alone->text(0, 1), together->text(0, 1));
}

}  // namespace
