// The store's contract: what every database engine must do, tested through the repository
// interfaces alone, once per engine (test::workspaceFactories()). An engine that passes this
// suite can stand behind the console, the CLI and the engine unchanged.
#include <gtest/gtest.h>

#include <set>

#include "StoreContractFixture.h"
#include "TempWorkspace.h"
#include "WorkspaceFactory.h"
#include "earshot/demo/WorkspaceGenerator.h"
#include "earshot/store/BulkLoader.h"
#include "earshot/store/ConversationStore.h"
#include "earshot/store/Mentions.h"
#include "earshot/inbox/Ingest.h"
#include "earshot/store/Workspace.h"

using namespace earshot;
using namespace earshot::store;

namespace {

class StoreContract : public ::testing::TestWithParam<test::WorkspaceFactory> {
protected:
    void SetUp() override
    {
        test::skipWhenUnavailable(GetParam());
        if (IsSkipped() || HasFatalFailure())
            return;
        m_workspace = GetParam().make(m_folder.dir());
        const Status added = m_workspace->bulkLoad([&](BulkLoader& loader) -> Status {
            auto id = loader.addSource({.name = "Example", .url = "https://example.org/feed.xml", .settings = "{}"});
            if (!id)
                return id.error();
            m_sourceId = *id;
            return Ok{};
        });
        ASSERT_TRUE(added) << added.message();
    }

    Result<IngestResult> ingest(const std::vector<NewMention>& mentions, std::int64_t now = 1000)
    {
        std::optional<Result<IngestResult>> result;
        Status written = m_workspace->writer().run([&](Session& session) -> Status {
            result.emplace(inbox::ingestMentions(session, m_sourceId, mentions, now));
            return *result ? Status(Ok{}) : Status(result->error());
        });
        if (!written)
            return written.error();
        return std::move(*result);
    }

    std::unique_ptr<Session> reader()
    {
        auto session = m_workspace->reader();
        EXPECT_TRUE(session) << session.message();
        return std::move(*session);
    }

    // Every conversation of the view, page by page, in the order the pages gave them.
    std::vector<ConversationRow> everyRow(ConversationFilter filter, int pageSize)
    {
        return everyRow(*reader(), std::move(filter), pageSize);
    }
    static std::vector<ConversationRow> everyRow(Session& session, ConversationFilter filter, int pageSize)
    {
        std::vector<ConversationRow> rows;
        std::optional<ConversationCursor> after;
        for (int pages = 0; pages < 1000; ++pages) {
            auto page = session.conversations().list(filter, pageSize, after);
            EXPECT_TRUE(page) << page.message();
            if (!page)
                break;
            rows.insert(rows.end(), page->rows.begin(), page->rows.end());
            if (!page->nextCursor)
                break;
            after = page->nextCursor;
        }
        return rows;
    }

    test::TempWorkspace m_folder;   // its folder; the factory makes the workspace in it
    std::unique_ptr<Workspace> m_workspace;
    std::int64_t m_sourceId = 0;
};

}  // namespace

TEST_P(StoreContract, EachMentionIsStoredOnceAcrossPolls)
{
    auto first = ingest({test::contractMention("a", "one"), test::contractMention("b", "two")});
    ASSERT_TRUE(first) << first.message();
    EXPECT_EQ(first->mentionIds.size(), 2u);
    EXPECT_EQ(first->conversationsCreated.size(), 2u);

    auto again = ingest({test::contractMention("a", "one"), test::contractMention("b", "two"), test::contractMention("c", "three")}, 2000);
    ASSERT_TRUE(again) << again.message();
    EXPECT_EQ(again->mentionIds.size(), 1u);
    EXPECT_EQ(again->duplicates, 2);

    auto listed = reader()->mentions().list({.limit = 10});
    ASSERT_TRUE(listed) << listed.message();
    ASSERT_EQ(listed->size(), 3u);
    EXPECT_EQ(listed->front().externalId, "c") << "newest first";
}

TEST_P(StoreContract, RepliesAndPlatformThreadsJoinOneConversation)
{
    NewMention threadStart = test::contractMention("t1", "thread start");
    threadStart.threadId = "thread-9";
    NewMention threadLater = test::contractMention("t2", "later in the thread");
    threadLater.threadId = "thread-9";
    ASSERT_TRUE(ingest({test::contractMention("a", "question"), test::contractMention("b", "answer", "a"), threadStart, threadLater,
                        test::contractMention("c", "alone")}));

    auto mentions = reader()->mentions().list({.limit = 10});
    ASSERT_TRUE(mentions);
    std::map<std::string, std::int64_t> conversationOf;
    for (const MentionRow& row : *mentions)
        conversationOf[row.externalId] = row.conversationId;
    EXPECT_EQ(conversationOf["a"], conversationOf["b"]);
    EXPECT_EQ(conversationOf["t1"], conversationOf["t2"]);
    EXPECT_NE(conversationOf["a"], conversationOf["t1"]);
    EXPECT_NE(conversationOf["c"], conversationOf["a"]);
    EXPECT_NE(conversationOf["c"], conversationOf["t1"]);

    auto counts = reader()->conversations().count();
    ASSERT_TRUE(counts) << counts.message();
    EXPECT_EQ(counts->unassigned, 3);
    EXPECT_EQ(counts->all, 3);
}

TEST_P(StoreContract, ListsPageThroughEveryConversationOnceInTheViewsOrder)
{
    std::vector<NewMention> batch;
    for (int i = 0; i < 25; ++i) {
        batch.push_back(test::contractMention("m" + std::to_string(i), "mention " + std::to_string(i)));
        batch.back().publishedAt = 10'000 + (i * 7919) % 25 * 60;   // shuffled, and two at once
    }
    ASSERT_TRUE(ingest(batch, 20'000));

    for (ConversationView view : {ConversationView::Unassigned, ConversationView::AllOpen, ConversationView::All}) {
        ConversationFilter filter{.view = view};
        const auto rows = everyRow(filter, 7);
        ASSERT_EQ(rows.size(), 25u) << viewName(view);
        std::set<std::int64_t> seen;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            EXPECT_TRUE(seen.insert(rows[i].id).second) << "twice: #" << rows[i].id;
            if (i > 0) {
                EXPECT_TRUE(sortsBefore(filter, rows[i - 1].key(), rows[i].key())) << viewName(view) << " at " << i;
            }
        }
    }
    EXPECT_TRUE(everyRow({.view = ConversationView::Resolved}, 7).empty());
}

TEST_P(StoreContract, APageCarriesEachConversationsTagsSorted)
{
    auto stored = ingest({test::contractMention("a", "tagged"), test::contractMention("b", "plain")});
    ASSERT_TRUE(stored);
    const std::int64_t tagged = stored->conversationsCreated.front();
    ASSERT_TRUE(m_workspace->bulkLoad([&](BulkLoader& loader) -> Status {
        for (const char* tag : {"levering", "bezorging", "klacht"})
            if (auto added = loader.addTag(tagged, tag); !added)
                return added;
        return Ok{};
    }));

    const auto rows = everyRow({.view = ConversationView::All}, 50);
    ASSERT_EQ(rows.size(), 2u);
    for (const ConversationRow& row : rows) {
        if (row.id == tagged) {
            EXPECT_EQ(row.tags, (std::vector<std::string>{"bezorging", "klacht", "levering"}));
        } else {
            EXPECT_TRUE(row.tags.empty());
        }
    }
    auto byTag = everyRow({.view = ConversationView::All, .tag = "klacht"}, 50);
    ASSERT_EQ(byTag.size(), 1u);
    EXPECT_EQ(byTag.front().id, tagged);
}

TEST_P(StoreContract, AConversationIsReadWholeWithItsTimeline)
{
    auto stored = ingest({test::contractMention("a", "waar blijft mijn pakket"), test::contractMention("b", "nog steeds niets", "a")});
    ASSERT_TRUE(stored);
    const std::int64_t id = stored->conversationsCreated.front();

    auto session = reader();
    auto detail = session->conversations().detail(id);
    ASSERT_TRUE(detail) << detail.message();
    EXPECT_EQ(detail->status, domain::ConversationStatus::New);
    EXPECT_EQ(detail->sourceId, m_sourceId);
    EXPECT_EQ(detail->customerHandle, "anna");
    ASSERT_EQ(detail->mentions.size(), 2u);
    EXPECT_EQ(detail->mentions[0].externalId, "a");
    EXPECT_EQ(detail->mentions[1].replyTo, "a");
    EXPECT_EQ(detail->messageCount, 2);

    auto timeline = session->conversations().timeline(id);
    ASSERT_TRUE(timeline) << timeline.message();
    ASSERT_FALSE(timeline->empty());
    EXPECT_EQ(timeline->front().kind, domain::EventKind::ConversationCreated);

    auto missing = session->conversations().detail(id + 1000);
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.message().find(std::to_string(id + 1000)), std::string::npos) << missing.message();
    EXPECT_FALSE(session->conversations().timeline(id + 1000));
}

TEST_P(StoreContract, ReadingByIdTellsWhetherEachStillBelongsInTheList)
{
    auto stored = ingest({test::contractMention("a", "first"), test::contractMention("b", "second")});
    ASSERT_TRUE(stored);
    const auto& ids = stored->conversationsCreated;
    auto read = reader()->conversations().read({.view = ConversationView::Resolved}, {ids[1], 999'999, ids[0]});
    ASSERT_TRUE(read) << read.message();
    ASSERT_EQ(read->size(), 2u) << "the missing id is left out";
    EXPECT_EQ((*read)[0].row.id, ids[1]) << "in the order asked";
    EXPECT_FALSE((*read)[0].matches) << "new conversations are not in the resolved view";
}

TEST_P(StoreContract, SearchIgnoresCaseAndAccents)
{
    ASSERT_TRUE(ingest({test::contractMention("a", "Café in Zürich"), test::contractMention("b", "Something else")}));
    m_workspace->writer().flush();   // the search index catches up when the writer is idle

    auto session = reader();
    auto found = session->mentions().list({.search = "cafe zurich"});
    ASSERT_TRUE(found) << found.message();
    ASSERT_EQ(found->size(), 1u);
    EXPECT_EQ(found->front().externalId, "a");
    EXPECT_EQ(everyRow({.view = ConversationView::All, .search = "CAFÉ"}, 10).size(), 1u);
    auto malformed = session->conversations().list({.view = ConversationView::All, .search = "\"unclosed"}, 10);
    EXPECT_FALSE(malformed) << "a malformed search is an error that says how to write it";
}

TEST_P(StoreContract, ACustomersOtherConversationsAreFoundFromAnyOfThem)
{
    auto stored = ingest({test::contractMention("a", "first", {}, "bram"), test::contractMention("b", "second", {}, "bram"),
                          test::contractMention("c", "someone else", {}, "cees")});
    ASSERT_TRUE(stored);
    const auto& ids = stored->conversationsCreated;
    auto others = reader()->conversations().customersOthers(ids[0], 30);
    ASSERT_TRUE(others) << others.message();
    ASSERT_EQ(others->size(), 1u);
    EXPECT_EQ(others->front().id, ids[1]);
    EXPECT_EQ(others->front().sourceName, "Example");
}

TEST_P(StoreContract, AFailingWriterJobLosesOnlyItsOwnRows)
{
    int failed = 0;
    int succeeded = 0;
    for (int i = 0; i < 50; ++i)
        m_workspace->writer().submit(
            [&, i](Session& session) -> Status {
                auto stored = inbox::ingestMentions(session, m_sourceId, {test::contractMention("w" + std::to_string(i), "job")}, 3000);
                if (!stored)
                    return stored.error();
                return i % 10 == 3 ? fail("rejected on purpose") : Status(Ok{});
            },
            [&](const Status& status) { (status ? succeeded : failed) += 1; });
    m_workspace->writer().flush();
    EXPECT_EQ(succeeded, 45);
    EXPECT_EQ(failed, 5);
    auto listed = reader()->mentions().list({.limit = 50});
    ASSERT_TRUE(listed);
    EXPECT_EQ(listed->size(), 45u);
    for (const MentionRow& row : *listed)
        EXPECT_NE(row.externalId.back(), '3') << row.externalId;
}

TEST_P(StoreContract, AGeneratedHistoryIsCountedListedAndSearchable)
{
    test::TempWorkspace other;
    auto workspace = GetParam().make(other.dir());
    demo::WorkspaceGenerator generator(*workspace);
    auto summary = generator.generate({.conversations = 300, .seed = 7, .now = 1'780'000'000});
    ASSERT_TRUE(summary) << summary.message();
    EXPECT_EQ(summary->conversations, 300);

    auto session = workspace->reader();
    ASSERT_TRUE(session);
    auto counts = (*session)->conversations().count();
    ASSERT_TRUE(counts) << counts.message();
    EXPECT_EQ(counts->all, 300);
    EXPECT_EQ(counts->allOpen + counts->resolved + counts->spam, 300);
    EXPECT_EQ(everyRow(**session, {.view = ConversationView::All}, 120).size(), 300u);
    auto again = generator.generate({.conversations = 10, .seed = 8, .now = 1'780'000'000});
    ASSERT_FALSE(again) << "a second run into the same workspace is refused";
    EXPECT_NE(again.message().find("already holds a generated workspace"), std::string::npos);
}

TEST_P(StoreContract, RepliesToRepliesJoinTheRootsConversationAndOneAuthorIsOneCustomer)
{
    auto root = ingest({test::contractMention("root", "question")});
    ASSERT_TRUE(root) << root.message();
    ASSERT_EQ(root->conversationsCreated.size(), 1u);
    auto replies = ingest({test::contractMention("r1", "reply one", "root"), test::contractMention("r2", "reply to reply", "r1")}, 2000);
    ASSERT_TRUE(replies) << replies.message();
    EXPECT_TRUE(replies->conversationsCreated.empty());
    EXPECT_EQ(replies->mentionIds.size(), 2u);

    auto session = reader();
    auto detail = session->conversations().detail(root->conversationsCreated.front());
    ASSERT_TRUE(detail) << detail.message();
    EXPECT_EQ(detail->messageCount, 3);
    EXPECT_EQ(detail->lastCustomerAt, 2000);
    ASSERT_EQ(detail->mentions.size(), 3u);
    EXPECT_EQ(detail->mentions[2].replyTo, "r1");
    EXPECT_EQ(session->conversations().count().value().all, 1);
    auto created = session->conversations().timeline(detail->id);
    ASSERT_TRUE(created);
    EXPECT_EQ(created->front().kind, domain::EventKind::ConversationCreated);
    EXPECT_EQ(created->front().actor, "engine");
    EXPECT_EQ(created->front().at, 1000);
}

TEST_P(StoreContract, MentionListsAreNewestFirstWithKeysetPaging)
{
    std::vector<NewMention> batch;
    for (int i = 0; i < 25; ++i)
        batch.push_back(test::contractMention("m" + std::to_string(i), "mention " + std::to_string(i)));
    ASSERT_TRUE(ingest(batch));
    auto session = reader();
    auto page1 = session->mentions().list({.limit = 10});
    ASSERT_TRUE(page1) << page1.message();
    ASSERT_EQ(page1->size(), 10u);
    EXPECT_EQ(page1->front().externalId, "m24");
    EXPECT_EQ(page1->front().sourceName, "Example");
    auto page2 = session->mentions().list({.limit = 10, .before = std::pair{page1->back().ingestedAt, page1->back().id}});
    ASSERT_TRUE(page2);
    ASSERT_EQ(page2->size(), 10u);
    EXPECT_EQ(page2->front().externalId, "m14");
    auto page3 = session->mentions().list({.limit = 10, .before = std::pair{page2->back().ingestedAt, page2->back().id}});
    ASSERT_TRUE(page3);
    ASSERT_EQ(page3->size(), 5u);
    EXPECT_EQ(page3->back().externalId, "m0");
    auto later = session->mentions().list({.since = 1001, .limit = 10});
    ASSERT_TRUE(later);
    EXPECT_TRUE(later->empty()) << "all were heard at 1000";
}

// A feed or a platform may send bytes that are not UTF-8, or a NUL ("\u0000" in JSON):
// PostgreSQL refuses both, so every engine stores U+FFFD in their place rather than losing
// the mention (or, on a team's server, the whole poll).
TEST_P(StoreContract, TextThatIsNotUtf8OrHoldsNulIsStoredWithReplacementCharacters)
{
    NewMention odd = test::contractMention("odd", "odd");
    odd.body = "Kapot \xFF teken";
    odd.title = std::string("met\0nul", 7);
    odd.author.displayName = "Jo\xC3";
    ASSERT_TRUE(ingest({odd, test::contractMention("fine", "gewoon")}));
    auto session = reader();
    auto listed = session->mentions().list({.limit = 10});
    ASSERT_TRUE(listed) << listed.message();
    ASSERT_EQ(listed->size(), 2u);
    const auto& stored = listed->back().externalId == "odd" ? listed->back() : listed->front();
    EXPECT_EQ(stored.body, "Kapot \xEF\xBF\xBD teken");
    EXPECT_EQ(stored.title, "met\xEF\xBF\xBDnul");
}

TEST_P(StoreContract, AFailingTransactionLeavesThePreviousStateIntact)
{
    ASSERT_TRUE(ingest({test::contractMention("a", "kept")}));
    // The batch fails after its first insert; nothing of it may stay, not even in the search.
    const Status outcome = m_workspace->writer().run([&](Session& session) -> Status {
        return session.transaction([&]() -> Status {
            auto first = inbox::ingestMentions(session, m_sourceId, {test::contractMention("b", "would be stored")}, 2000);
            if (!first)
                return first.error();
            return fail("disk full (simulated)");
        });
    });
    EXPECT_FALSE(outcome);
    m_workspace->writer().flush();
    auto session = reader();
    auto listed = session->mentions().list({.limit = 10});
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_EQ(listed->front().externalId, "a");
    EXPECT_EQ(session->conversations().count().value().all, 1);
    EXPECT_TRUE(session->mentions().list({.search = "stored"}).value().empty());

    // The same ids may be stored by a later batch.
    auto again = ingest({test::contractMention("b", "stored now")}, 3000);
    ASSERT_TRUE(again) << again.message();
    EXPECT_EQ(again->mentionIds.size(), 1u);
}

TEST_P(StoreContract, TheWriterFinishesQueuedJobsWhenTheWorkspaceCloses)
{
    for (int i = 0; i < 200; ++i)
        m_workspace->writer().submit([i, this](Session& session) -> Status {
            auto stored = inbox::ingestMentions(session, m_sourceId, {test::contractMention("s" + std::to_string(i), "queued")}, 4000);
            return stored ? Status(Ok{}) : Status(stored.error());
        });
    const std::string location = m_workspace->location();
    m_workspace.reset();   // the writer's destructor: it must write all 200
    auto reopened = Workspace::open(location, Workspace::Opening::Existing);
    ASSERT_TRUE(reopened) << reopened.message();
    m_workspace = std::move(*reopened);
    auto counts = reader()->conversations().count();
    ASSERT_TRUE(counts);
    EXPECT_EQ(counts->all, 200);
    EXPECT_EQ(counts->unassigned, 200);
}

TEST(StableExternalId, DependsOnLinkTitleAndDate)
{
    EXPECT_EQ(stableExternalId("https://x/1", "Title", 5), stableExternalId("https://x/1", "Title", 5));
    EXPECT_NE(stableExternalId("https://x/1", "Title", 5), stableExternalId("https://x/1", "Title", 6));
    EXPECT_NE(stableExternalId("https://x/1", "Title", 5), stableExternalId("https://x/2", "Title", 5));
    EXPECT_NE(stableExternalId("ab", "c", {}), stableExternalId("a", "bc", {}));
}

INSTANTIATE_TEST_SUITE_P(Engines, StoreContract, ::testing::ValuesIn(test::workspaceFactories()), test::engineName);
