#include <gtest/gtest.h>

#include "store/sqlite/MentionQueries.h"
#include "store/sqlite/ConversationQueries.h"
#include "TempWorkspace.h"
#include "earshot/store/Events.h"
#include "earshot/store/ConversationQuery.h"
#include "earshot/store/Mentions.h"
#include "store/sqlite/Schema.h"
#include "earshot/store/Writer.h"
#include "store/sqlite/SqliteSession.h"
#include "store/sqlite/SqliteSourceStore.h"

using namespace earshot;
using namespace earshot::store;

namespace {

NewMention mention(const std::string& id, const std::string& text, const std::string& replyTo = "")
{
    NewMention m;
    m.externalId = id;
    m.title = text;
    m.body = text + " body";
    m.link = "https://example.org/" + id;
    m.replyTo = replyTo;
    m.author = {.platform = "feed:example.org", .handle = "anna", .displayName = "Anna de Vries"};
    return m;
}

std::int64_t count(Database& db, const std::string& sql) { return queryInteger(db, sql).value(); }

class StoreTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto opened = openWorkspace(workspace.dbPath());
        ASSERT_TRUE(opened) << opened.message();
        db.emplace(std::move(*opened));
        Source source;
        source.url = "https://example.org/feed.xml";
        source.name = "Example";
        auto id = sqlite::SqliteSourceStore(*db).add(source);
        ASSERT_TRUE(id) << id.message();
        sourceId = *id;
    }

    Result<IngestResult> ingest(const std::vector<NewMention>& mentions, std::int64_t now = 1000)
    {
        std::optional<Result<IngestResult>> result;
        auto status = db->transaction([&]() -> Status {
            result.emplace(ingestMentions(*db, sourceId, mentions, now));
            if (!*result)
                return result->error();
            return indexPendingMentions(*db);
        });
        return std::move(*result);
    }

    test::TempWorkspace workspace;
    std::optional<Database> db;
    std::int64_t sourceId = 0;
};

}  // namespace

TEST_F(StoreTest, MigratesAnEmptyFileToTheLatestSchema)
{
    EXPECT_EQ(schemaVersion(*db).value(), latestSchemaVersion());
    EXPECT_GE(latestSchemaVersion(), 1);
    for (const char* table : {"sources", "mentions", "authors", "conversations", "events", "agents", "replies",
                              "mentions_fts"})
        EXPECT_EQ(count(*db, std::string("SELECT count(*) FROM sqlite_master WHERE name = '") + table + "'"), 1)
            << table;
    EXPECT_EQ(count(*db, "PRAGMA foreign_keys"), 1);
}

TEST_F(StoreTest, ReopeningMigratesNothingTwice)
{
    db.reset();
    auto again = openWorkspace(workspace.dbPath());
    ASSERT_TRUE(again) << again.message();
    EXPECT_EQ(count(*again, "SELECT count(*) FROM schema_version"), latestSchemaVersion());
    EXPECT_EQ(count(*again, "SELECT count(*) FROM sources"), 1);
}

TEST_F(StoreTest, RefusesADatabaseFromANewerEarshot)
{
    ASSERT_TRUE(db->exec("INSERT INTO schema_version VALUES (999, '0999_future', 0)"));
    db.reset();
    auto newer = openWorkspace(workspace.dbPath());
    ASSERT_FALSE(newer);
    EXPECT_NE(newer.message().find("newer Earshot"), std::string::npos) << newer.message();
    auto reader = openReader(workspace.dbPath());
    ASSERT_FALSE(reader);
    EXPECT_NE(reader.message().find("newer Earshot"), std::string::npos);
}

TEST_F(StoreTest, RefusesAFileThatIsNotADatabase)
{
    const auto path = workspace.writeFile("notes.txt", std::string(4096, 'x'));
    auto opened = openWorkspace(path.string());
    ASSERT_FALSE(opened);
    EXPECT_NE(opened.message().find("not an Earshot database"), std::string::npos) << opened.message();
}

TEST_F(StoreTest, StoresEachMentionOncePerSourceAcrossPolls)
{
    auto first = ingest({mention("a", "first"), mention("b", "second")});
    ASSERT_TRUE(first) << first.message();
    EXPECT_EQ(first->mentionIds.size(), 2u);
    auto second = ingest({mention("a", "first"), mention("b", "second"), mention("c", "third")});
    ASSERT_TRUE(second) << second.message();
    EXPECT_EQ(second->mentionIds.size(), 1u);
    EXPECT_EQ(second->duplicates, 2);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM mentions"), 3);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM authors"), 1);
}

TEST_F(StoreTest, StableExternalIdsDependOnLinkTitleAndDate)
{
    EXPECT_EQ(stableExternalId("https://x/1", "Title", 5), stableExternalId("https://x/1", "Title", 5));
    EXPECT_NE(stableExternalId("https://x/1", "Title", 5), stableExternalId("https://x/1", "Title", 6));
    EXPECT_NE(stableExternalId("https://x/1", "Title", 5), stableExternalId("https://x/2", "Title", 5));
    EXPECT_NE(stableExternalId("ab", "c", {}), stableExternalId("a", "bc", {}));
}

TEST_F(StoreTest, OneConversationPerMentionWithoutThread)
{
    ASSERT_TRUE(ingest({mention("a", "one"), mention("b", "two")}));
    EXPECT_EQ(count(*db, "SELECT count(*) FROM conversations"), 2);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM events WHERE kind = 'conversation_created'"), 2);
}

TEST_F(StoreTest, RepliesJoinTheirParentsConversation)
{
    ASSERT_TRUE(ingest({mention("root", "question")}));
    auto replies = ingest({mention("r1", "reply one", "root"), mention("r2", "reply to reply", "r1")});
    ASSERT_TRUE(replies) << replies.message();
    EXPECT_TRUE(replies->conversationsCreated.empty());
    EXPECT_EQ(count(*db, "SELECT count(*) FROM conversations"), 1);
    EXPECT_EQ(count(*db, "SELECT message_count FROM conversations"), 3);
    EXPECT_EQ(count(*db, "SELECT count(DISTINCT conversation_id) FROM mentions"), 1);
}

TEST_F(StoreTest, PlatformThreadIdGroupsMentions)
{
    auto a = mention("p1", "first post");
    a.threadId = "thread-9";
    auto b = mention("p2", "second post");
    b.threadId = "thread-9";
    ASSERT_TRUE(ingest({a}));
    ASSERT_TRUE(ingest({b}));
    EXPECT_EQ(count(*db, "SELECT count(*) FROM conversations"), 1);
}

TEST_F(StoreTest, ANewMentionReopensAResolvedConversation)
{
    ASSERT_TRUE(ingest({mention("root", "question")}));
    ASSERT_TRUE(db->exec("UPDATE conversations SET status = 'resolved', assignee = 'Sanne', resolved_at = 1500"));
    auto reply = ingest({mention("r1", "still broken", "root")}, 2000);
    ASSERT_TRUE(reply) << reply.message();
    ASSERT_EQ(reply->conversationsReopened.size(), 1u);
    auto status = db->prepare("SELECT status, resolved_at IS NULL, last_customer_at FROM conversations");
    ASSERT_TRUE(status->step().value());
    EXPECT_EQ(status->text(0), "open");   // back with its agent
    EXPECT_EQ(status->integer(1), 1);
    EXPECT_EQ(status->integer(2), 2000);
    auto event = db->prepare("SELECT from_value, to_value, detail FROM events WHERE kind = 'reopened'");
    ASSERT_TRUE(event->step().value());
    EXPECT_EQ(event->text(0), "resolved");
    EXPECT_EQ(event->text(1), "open");
    EXPECT_EQ(event->text(2), "Sanne");
}

TEST_F(StoreTest, AReopenedUnassignedConversationIsNewAgain)
{
    ASSERT_TRUE(ingest({mention("root", "question")}));
    ASSERT_TRUE(db->exec("UPDATE conversations SET status = 'resolved'"));
    ASSERT_TRUE(ingest({mention("r1", "again", "root")}));
    EXPECT_EQ(count(*db, "SELECT count(*) FROM conversations WHERE status = 'new'"), 1);
}

TEST_F(StoreTest, TheEventLogIsAppendOnly)
{
    ASSERT_TRUE(ingest({mention("a", "one")}));
    EXPECT_FALSE(db->exec("UPDATE events SET actor = 'someone else'"));
    EXPECT_FALSE(db->exec("DELETE FROM events"));
    EXPECT_GE(count(*db, "SELECT count(*) FROM events"), 2);
}

TEST_F(StoreTest, FullTextSearchIgnoresCaseAndAccents)
{
    ASSERT_TRUE(ingest({mention("a", "Bezorging van mijn café-bestelling"), mention("b", "Invoice question")}));
    auto found = listMentions(*db, {.search = "CAFE"});
    ASSERT_TRUE(found) << found.message();
    ASSERT_EQ(found->size(), 1u);
    EXPECT_EQ(found->front().externalId, "a");
    auto bad = listMentions(*db, {.search = "\"unbalanced"});
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.message().find("not a valid full-text query"), std::string::npos);
}

TEST_F(StoreTest, SearchIndexFollowsEditsAndDeletesOfIndexedMentions)
{
    ASSERT_TRUE(ingest({mention("a", "orange")}));
    ASSERT_TRUE(db->exec("UPDATE mentions SET title = 'lemon', body = 'lemon'"));
    EXPECT_EQ(listMentions(*db, {.search = "orange"})->size(), 0u);
    EXPECT_EQ(listMentions(*db, {.search = "lemon"})->size(), 1u);
    // Stored but not indexed yet: the bulk indexer picks it up with its latest text.
    ASSERT_TRUE(db->transaction([&]() -> Status {
        auto stored = ingestMentions(*db, sourceId, {mention("b", "grape")}, 1000);
        return stored ? Status(Ok{}) : Status(stored.error());
    }));
    EXPECT_EQ(listMentions(*db, {.search = "grape"})->size(), 0u);
    ASSERT_TRUE(db->exec("UPDATE mentions SET title = 'melon', body = 'melon' WHERE external_id = 'b'"));
    ASSERT_TRUE(indexPendingMentions(*db));
    EXPECT_EQ(listMentions(*db, {.search = "melon"})->size(), 1u);
    EXPECT_EQ(listMentions(*db, {.search = "grape"})->size(), 0u);
    ASSERT_TRUE(indexPendingMentions(*db));
    EXPECT_EQ(count(*db, "SELECT count(*) FROM mentions_fts WHERE mentions_fts MATCH 'melon'"), 1) << "indexed once";
    ASSERT_TRUE(db->exec("INSERT INTO mentions_fts(mentions_fts, rank) VALUES ('integrity-check', 1)"));
}

TEST_F(StoreTest, WriterIndexesEachBatchForSearch)
{
    const std::string path = workspace.dbPath();
    db.reset();
    auto connection = openWorkspace(path);
    Writer writer(std::make_unique<sqlite::SqliteSession>(std::move(*connection)));
    ASSERT_TRUE(writer.run([this](Session& session) -> Status {
        auto stored = ingestMentions(sqlite::databaseOf(session), sourceId, {mention("w", "bezorging vertraagd")}, 10);
        return stored ? Status(Ok{}) : Status(stored.error());
    }));
    auto reader = openReader(path);
    ASSERT_TRUE(reader);
    EXPECT_EQ(listMentions(*reader, {.search = "bezorging"})->size(), 1u);
}

TEST_F(StoreTest, ListsNewestFirstWithKeysetPaging)
{
    std::vector<NewMention> batch;
    for (int i = 0; i < 25; ++i)
        batch.push_back(mention("m" + std::to_string(i), "mention " + std::to_string(i)));
    ASSERT_TRUE(ingest(batch));
    auto page1 = listMentions(*db, {.limit = 10});
    ASSERT_TRUE(page1);
    ASSERT_EQ(page1->size(), 10u);
    EXPECT_EQ(page1->front().externalId, "m24");
    auto page2 = listMentions(*db, {.limit = 10, .before = std::pair{page1->back().ingestedAt, page1->back().id}});
    ASSERT_TRUE(page2);
    ASSERT_EQ(page2->size(), 10u);
    EXPECT_EQ(page2->front().externalId, "m14");
    auto page3 = listMentions(*db, {.limit = 10, .before = std::pair{page2->back().ingestedAt, page2->back().id}});
    EXPECT_EQ(page3->size(), 5u);
}

TEST_F(StoreTest, AFailingWriteLeavesThePreviousStateIntact)
{
    ASSERT_TRUE(ingest({mention("a", "kept")}));
    // The batch fails after its first insert; nothing of it may stay.
    Status outcome = db->transaction([&]() -> Status {
        auto first = ingestMentions(*db, sourceId, {mention("b", "would be stored")}, 2000);
        if (!first)
            return first.error();
        return fail("disk full (simulated)");
    });
    EXPECT_FALSE(outcome);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM mentions"), 1);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM conversations"), 1);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM mentions_fts WHERE mentions_fts MATCH 'stored'"), 0);
}

TEST_F(StoreTest, WriterIsolatesAFailingJobFromItsBatch)
{
    const std::string path = workspace.dbPath();
    db.reset();
    {
        auto connection = openWorkspace(path);
        ASSERT_TRUE(connection);
        Writer writer(std::make_unique<sqlite::SqliteSession>(std::move(*connection)));
        std::atomic<int> succeeded = 0, failed = 0;
        for (int i = 0; i < 50; ++i) {
            writer.submit(
                [i, this](Session& session) -> Status {
                    auto stored = ingestMentions(sqlite::databaseOf(session), sourceId, {mention("w" + std::to_string(i), "writer")}, 3000);
                    if (!stored)
                        return stored.error();
                    if (i % 10 == 3)
                        return fail("rejected on purpose");
                    return Ok{};
                },
                [&](const Status& s) { (s ? succeeded : failed)++; });
        }
        writer.flush();
        EXPECT_EQ(succeeded, 45);
        EXPECT_EQ(failed, 5);
    }
    auto reopened = openWorkspace(path);
    ASSERT_TRUE(reopened);
    EXPECT_EQ(count(*reopened, "SELECT count(*) FROM mentions"), 45);
    EXPECT_EQ(count(*reopened, "SELECT count(*) FROM mentions WHERE external_id = 'w3'"), 0);
}

TEST_F(StoreTest, WriterFinishesQueuedJobsWhenStopped)
{
    const std::string path = workspace.dbPath();
    db.reset();
    {
        auto connection = openWorkspace(path);
        Writer writer(std::make_unique<sqlite::SqliteSession>(std::move(*connection)));
        for (int i = 0; i < 200; ++i)
            writer.submit([i, this](Session& session) -> Status {
                auto stored = ingestMentions(sqlite::databaseOf(session), sourceId, {mention("s" + std::to_string(i), "queued")}, 4000);
                return stored ? Status(Ok{}) : Status(stored.error());
            });
    }   // destructor: must write all 200
    auto reopened = openWorkspace(path);
    EXPECT_EQ(count(*reopened, "SELECT count(*) FROM mentions"), 200);
}

TEST_F(StoreTest, TheInboxCountsFollowIngestAndStatusChanges)
{
    const auto counts = [this] { return countConversations(*db).value(); };
    ASSERT_TRUE(ingest({mention("a", "one"), mention("b", "two"), mention("c", "reply to one", "a")}));
    EXPECT_EQ(counts().unassigned, 2);
    EXPECT_EQ(counts().all, 2);
    ASSERT_TRUE(ingest({mention("d", "three")}));
    EXPECT_EQ(counts().unassigned, 3);
    ASSERT_TRUE(db->exec("UPDATE conversations SET status = 'resolved' WHERE id = 1"));
    EXPECT_EQ(counts().unassigned, 2);
    EXPECT_EQ(counts().resolved, 1);
    EXPECT_EQ(counts().all, 3);
    // A recount from the rows agrees with what was kept up.
    ASSERT_TRUE(recountConversations(*db));
    EXPECT_EQ(counts().unassigned, 2);
    EXPECT_EQ(counts().resolved, 1);
}

TEST_F(StoreTest, NewConversationsStartAtTheirSourcesPriority)
{
    ASSERT_TRUE(ingest({mention("before", "normal question")}));
    sqlite::SqliteSourceStore sources(*db);
    Source source = sources.byId(sourceId).value();
    EXPECT_EQ(source.defaultPriority, 1);
    source.defaultPriority = 3;
    ASSERT_TRUE(sources.update(source));
    EXPECT_EQ(sources.byId(sourceId).value().defaultPriority, 3);
    ASSERT_TRUE(ingest({mention("after", "outage")}));
    ASSERT_TRUE(ingest({mention("reply", "still down", "before")}));   // joins an existing conversation
    auto rows = db->prepare("SELECT m.external_id, c.priority FROM mentions m JOIN conversations c"
                            " ON c.id = m.conversation_id ORDER BY m.id");
    std::vector<std::string> seen;
    while (rows->step().value())
        seen.push_back(rows->text(0) + "=" + std::to_string(rows->integer(1)));
    EXPECT_EQ(seen, (std::vector<std::string>{"before=1", "after=3", "reply=1"}));

    source.defaultPriority = 7;
    auto refused = sources.update(source);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.message().find("low, normal, high or urgent"), std::string::npos) << refused.message();
}

TEST_F(StoreTest, RemovingASourceKeepsItsMentions)
{
    ASSERT_TRUE(ingest({mention("a", "history")}));
    sqlite::SqliteSourceStore sources(*db);
    ASSERT_TRUE(sources.remove(sourceId));
    EXPECT_TRUE(sources.list().value().empty());
    EXPECT_EQ(count(*db, "SELECT count(*) FROM mentions"), 1);
    Source again;
    again.url = "https://example.org/feed.xml";
    auto restored = sources.add(again);
    ASSERT_TRUE(restored) << "the URL is free again after removal";
    EXPECT_FALSE(sources.add(again));

    // Added again, it is the same source: what it stored before is not stored twice.
    EXPECT_EQ(*restored, sourceId);
    EXPECT_EQ(sources.byId(sourceId).value().state, domain::SourceState::New);
    auto repeat = ingest({mention("a", "history")});
    ASSERT_TRUE(repeat) << repeat.message();
    EXPECT_EQ(repeat->duplicates, 1);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM mentions"), 1);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM conversations"), 1);
}

