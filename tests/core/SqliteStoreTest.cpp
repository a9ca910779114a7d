// What only the SQLite engine has, on its own files: migrations and refusing what it cannot
// open, the append-only triggers of the event log, the FTS5 index and the kept inbox counts
// against a recount. What every engine must do is in the contract suite (StoreContract*Test).
#include <gtest/gtest.h>

#include "StoreContractFixture.h"
#include "TempWorkspace.h"
#include "earshot/inbox/Ingest.h"
#include "earshot/store/InboxStore.h"
#include "earshot/store/Mentions.h"
#include "store/sqlite/ConversationQueries.h"
#include "store/sqlite/MentionQueries.h"
#include "store/sqlite/Schema.h"
#include "store/sqlite/SqliteSession.h"

using namespace earshot;
using namespace earshot::store;

namespace {

class SqliteStoreTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto opened = openWorkspace(workspace.dbPath());
        ASSERT_TRUE(opened) << opened.message();
        session.emplace(std::move(*opened));
        auto id = session->sources().add({.name = "Example", .url = "https://example.org/feed.xml"});
        ASSERT_TRUE(id) << id.message();
        sourceId = *id;
    }

    Database& db() { return session->database(); }
    std::int64_t count(const std::string& sql) { return queryInteger(db(), sql).value(); }

    // Stores in one transaction, as the writer does; `index` as the writer's catch-up when idle.
    Result<IngestResult> ingest(const std::vector<NewMention>& mentions, std::int64_t now = 1000, bool index = true)
    {
        std::optional<Result<IngestResult>> result;
        const Status written = session->transaction([&]() -> Status {
            result.emplace(inbox::ingestMentions(*session, sourceId, mentions, now));
            return *result ? Status(Ok{}) : Status(result->error());
        });
        if (!written)
            return written.error();
        if (index)
            if (auto caught = session->catchUp(); !caught)
                return caught.error();
        return std::move(*result);
    }

    std::size_t found(const std::string& search) { return session->mentions().list({.search = search}).value().size(); }

    test::TempWorkspace workspace;
    std::optional<sqlite::SqliteSession> session;
    std::int64_t sourceId = 0;
};

}  // namespace

TEST_F(SqliteStoreTest, MigratesAnEmptyFileToTheLatestSchema)
{
    EXPECT_EQ(schemaVersion(db()).value(), latestSchemaVersion());
    EXPECT_GE(latestSchemaVersion(), 1);
    for (const char* table : {"sources", "mentions", "authors", "conversations", "events", "agents", "replies",
                              "mentions_fts"})
        EXPECT_EQ(count(std::string("SELECT count(*) FROM sqlite_master WHERE name = '") + table + "'"), 1) << table;
    EXPECT_EQ(count("PRAGMA foreign_keys"), 1);
}

TEST_F(SqliteStoreTest, ReopeningMigratesNothingTwice)
{
    session.reset();
    auto again = openWorkspace(workspace.dbPath());
    ASSERT_TRUE(again) << again.message();
    EXPECT_EQ(queryInteger(*again, "SELECT count(*) FROM schema_version").value(), latestSchemaVersion());
    EXPECT_EQ(queryInteger(*again, "SELECT count(*) FROM sources").value(), 1);
}

TEST_F(SqliteStoreTest, RefusesADatabaseFromANewerEarshot)
{
    ASSERT_TRUE(db().exec("INSERT INTO schema_version VALUES (999, '0999_future', 0)"));
    session.reset();
    auto newer = openWorkspace(workspace.dbPath());
    ASSERT_FALSE(newer);
    EXPECT_NE(newer.message().find("newer Earshot"), std::string::npos) << newer.message();
    auto reader = openReader(workspace.dbPath());
    ASSERT_FALSE(reader);
    EXPECT_NE(reader.message().find("newer Earshot"), std::string::npos);
    auto opened = Workspace::open(workspace.dbPath());
    ASSERT_FALSE(opened);
    EXPECT_NE(opened.message().find("newer Earshot"), std::string::npos) << opened.message();
}

TEST_F(SqliteStoreTest, RefusesAFileThatIsNotADatabase)
{
    const auto path = workspace.writeFile("notes.txt", std::string(4096, 'x'));
    auto opened = openWorkspace(path.string());
    ASSERT_FALSE(opened);
    EXPECT_NE(opened.message().find("not an Earshot database"), std::string::npos) << opened.message();
}

TEST_F(SqliteStoreTest, TheEventLogIsAppendOnly)
{
    ASSERT_TRUE(ingest({test::contractMention("a", "one")}));
    const auto logged = count("SELECT count(*) FROM events");
    ASSERT_GE(logged, 1) << "the new conversation is logged";
    EXPECT_FALSE(db().exec("UPDATE events SET actor = 'someone else'"));
    EXPECT_FALSE(db().exec("DELETE FROM events"));
    EXPECT_EQ(count("SELECT count(*) FROM events"), logged);
    EXPECT_EQ(count("SELECT count(*) FROM events WHERE actor = 'someone else'"), 0);
}

TEST_F(SqliteStoreTest, FullTextSearchExplainsAMalformedQuery)
{
    ASSERT_TRUE(ingest({test::contractMention("a", "Bezorging van mijn café-bestelling"), test::contractMention("b", "Invoice question")}));
    EXPECT_EQ(found("CAFE"), 1u);
    auto bad = session->mentions().list({.search = "\"unbalanced"});
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.message().find("not a valid full-text query"), std::string::npos) << bad.message();
}

TEST_F(SqliteStoreTest, SearchIndexFollowsEditsAndDeletesOfIndexedMentions)
{
    ASSERT_TRUE(ingest({test::contractMention("a", "orange")}));
    ASSERT_TRUE(db().exec("UPDATE mentions SET title = 'lemon', body = 'lemon'"));
    EXPECT_EQ(found("orange"), 0u);
    EXPECT_EQ(found("lemon"), 1u);
    // Stored but not indexed yet: the bulk indexer picks it up with its latest text.
    ASSERT_TRUE(ingest({test::contractMention("b", "grape")}, 1000, false));
    EXPECT_EQ(found("grape"), 0u);
    ASSERT_TRUE(db().exec("UPDATE mentions SET title = 'melon', body = 'melon' WHERE external_id = 'b'"));
    ASSERT_TRUE(session->catchUp());
    EXPECT_EQ(found("melon"), 1u);
    EXPECT_EQ(found("grape"), 0u);
    ASSERT_TRUE(session->catchUp());
    EXPECT_EQ(count("SELECT count(*) FROM mentions_fts WHERE mentions_fts MATCH 'melon'"), 1) << "indexed once";
    ASSERT_TRUE(db().exec("INSERT INTO mentions_fts(mentions_fts, rank) VALUES ('integrity-check', 1)"));
}

TEST_F(SqliteStoreTest, ARolledBackBatchLeavesNothingInTheSearchIndex)
{
    ASSERT_TRUE(ingest({test::contractMention("a", "kept")}));
    const Status outcome = session->transaction([&]() -> Status {
        auto first = inbox::ingestMentions(*session, sourceId, {test::contractMention("b", "would be stored")}, 2000);
        if (!first)
            return first.error();
        return fail("disk full (simulated)");
    });
    EXPECT_FALSE(outcome);
    ASSERT_TRUE(session->catchUp());
    EXPECT_EQ(count("SELECT count(*) FROM mentions_fts WHERE mentions_fts MATCH 'stored'"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM mentions_fts"), 1);
}

TEST_F(SqliteStoreTest, TheKeptInboxCountsAgreeWithARecount)
{
    ASSERT_TRUE(ingest({test::contractMention("a", "one"), test::contractMention("b", "two"), test::contractMention("c", "reply to one", "a")}));
    ASSERT_TRUE(ingest({test::contractMention("d", "three")}));
    ASSERT_TRUE(session->inbox().setStatus(1, domain::ConversationStatus::Resolved, "Eva", 2000));
    const auto kept = countConversations(db()).value();
    EXPECT_EQ(kept.unassigned, 2);
    EXPECT_EQ(kept.resolved, 1);
    EXPECT_EQ(kept.all, 3);
    // A recount from the rows agrees with what was kept up.
    ASSERT_TRUE(recountConversations(db()));
    const auto recounted = countConversations(db()).value();
    EXPECT_EQ(recounted.unassigned, kept.unassigned);
    EXPECT_EQ(recounted.resolved, kept.resolved);
    EXPECT_EQ(recounted.all, kept.all);
    EXPECT_EQ(recounted.openByTag, kept.openByTag);
    EXPECT_EQ(recounted.openBySource, kept.openBySource);
}
