// The metric definitions on hand-built timelines, and the derived rows kept up to date in a
// real workspace as the engine and the inbox write its log.
#include <gtest/gtest.h>

#include "store/sqlite/MentionQueries.h"
#include "TempWorkspace.h"
#include "earshot/inbox/AgentRepository.h"
#include "earshot/inbox/Inbox.h"
#include "earshot/metrics/ResponseCycles.h"
#include "earshot/store/Mentions.h"
#include "store/sqlite/Schema.h"

using namespace earshot;
using metrics::ConversationLog;
using Change = ConversationLog::Change;

namespace {

constexpr std::int64_t kHour = 3600;
constexpr std::int64_t t0 = 1'780'000'000;

TEST(ResponseCycles, FirstResponseIsTheFirstReplyAfterTheFirstCustomerMessage)
{
    ConversationLog log;
    log.messages = {{.at = t0, .publishedAt = t0 - 600}, {.at = t0 + 60}};  // a second message joins the wait
    log.replies = {{.at = t0 + kHour, .agent = "Eva"}, {.at = t0 + 2 * kHour, .agent = "Eva"}};
    log.changes = {{.at = t0 + 3 * kHour, .change = Change::Resolved, .agent = "Eva"}};
    const auto cycles = metrics::deriveCycles(log);
    ASSERT_EQ(cycles.size(), 1u);
    const auto& c = cycles[0];
    EXPECT_EQ(c.startedAt, t0);
    EXPECT_EQ(c.startedPublishedAt, t0 - 600);
    EXPECT_EQ(c.firstResponseAt, t0 + kHour);
    EXPECT_EQ(c.firstResponder, "Eva");
    EXPECT_EQ(c.resolvedAt, t0 + 3 * kHour);
    EXPECT_EQ(c.customerMessages, 2);
    EXPECT_EQ(c.agentReplies, 2);
    ASSERT_EQ(c.waits.size(), 1u) << "two messages before an answer are one wait";
    EXPECT_EQ(c.waits[0].answeredAt, t0 + kHour);
    EXPECT_EQ(c.claimedAt, t0 + kHour) << "answering is holding it";
}

TEST(ResponseCycles, EveryLaterCustomerMessageGetsItsOwnReplyTime)
{
    ConversationLog log;
    log.messages = {{.at = t0}, {.at = t0 + 2 * kHour}, {.at = t0 + 5 * kHour}};
    log.replies = {{.at = t0 + 10 * 60, .agent = "Eva"}, {.at = t0 + 3 * kHour, .agent = "Daan"}};
    const auto cycles = metrics::deriveCycles(log);
    ASSERT_EQ(cycles.size(), 1u);
    ASSERT_EQ(cycles[0].waits.size(), 3u);
    EXPECT_EQ(*cycles[0].waits[1].answeredAt - cycles[0].waits[1].customerAt, kHour);
    EXPECT_EQ(cycles[0].waits[1].agent, "Daan");
    EXPECT_FALSE(cycles[0].waits[2].answeredAt) << "still waiting";
}

TEST(ResponseCycles, AReopenStartsANewCycleAndLeavesTheFirstOneAlone)
{
    ConversationLog log;
    log.messages = {{.at = t0}, {.at = t0 + 48 * kHour}};
    log.replies = {{.at = t0 + kHour, .agent = "Eva"}, {.at = t0 + 50 * kHour, .agent = "Daan"}};
    log.changes = {{.at = t0 + 2 * kHour, .change = Change::Resolved, .agent = "Eva"},
                   {.at = t0 + 48 * kHour, .change = Change::Reopened, .agent = "engine"},
                   {.at = t0 + 51 * kHour, .change = Change::Resolved, .agent = "Daan"}};
    const auto cycles = metrics::deriveCycles(log);
    ASSERT_EQ(cycles.size(), 2u);
    EXPECT_EQ(*cycles[0].firstResponseAt - cycles[0].startedAt, kHour);
    EXPECT_EQ(*cycles[0].resolvedAt - cycles[0].startedAt, 2 * kHour) << "the reopen does not stretch cycle 1";
    EXPECT_EQ(cycles[1].number, 2);
    EXPECT_EQ(cycles[1].startedAt, t0 + 48 * kHour);
    EXPECT_EQ(*cycles[1].firstResponseAt - cycles[1].startedAt, 2 * kHour);
    EXPECT_EQ(cycles[1].firstResponder, "Daan");
    EXPECT_EQ(*cycles[1].resolvedAt - cycles[1].startedAt, 3 * kHour);
}

TEST(ResponseCycles, AReopenOfAConversationNotResolvedIsNoNewCycle)
{
    ConversationLog log;  // pending, and the customer answered: the same cycle goes on
    log.messages = {{.at = t0}, {.at = t0 + 5 * kHour}};
    log.replies = {{.at = t0 + kHour, .agent = "Eva"}};
    log.changes = {{.at = t0 + 5 * kHour, .change = Change::Reopened, .agent = "engine"}};
    EXPECT_EQ(metrics::deriveCycles(log).size(), 1u);
}

TEST(ResponseCycles, ResolvedWithoutAnAnswerHasNoResponseTime)
{
    ConversationLog log;
    log.messages = {{.at = t0}};
    log.changes = {{.at = t0 + 60, .change = Change::Claimed, .agent = "Eva"},
                   {.at = t0 + kHour, .change = Change::Resolved, .agent = "Eva"}};
    const auto cycles = metrics::deriveCycles(log);
    ASSERT_EQ(cycles.size(), 1u);
    EXPECT_FALSE(cycles[0].firstResponseAt);
    EXPECT_EQ(cycles[0].claimedAt, t0 + 60);
    EXPECT_EQ(cycles[0].resolver, "Eva");
    EXPECT_FALSE(cycles[0].waits[0].answeredAt);
}

TEST(ResponseCycles, AThankYouAfterAReplyIsAComplimentForWhoAnswered)
{
    ConversationLog log;
    log.messages = {{.at = t0}, {.at = t0 + 2 * kHour, .thanks = true}};
    log.replies = {{.at = t0 + kHour, .agent = "Eva"}};
    const auto cycles = metrics::deriveCycles(log);
    ASSERT_EQ(cycles[0].waits.size(), 2u);
    EXPECT_EQ(cycles[0].waits[0].thankedAgent, "");
    EXPECT_EQ(cycles[0].waits[1].thankedAgent, "Eva");
}

TEST(ResponseCycles, ThanksAreRecognisedInDutchAndEnglishAsWholeWords)
{
    for (const char* thanks : {"Bedankt!", "Top, dank je wel", "Dankjewel voor de snelle hulp", "Thanks a lot",
                               "thank you so much", "Héél erg bedankt", "DANK U"})
        EXPECT_TRUE(metrics::soundsLikeThanks(thanks)) << thanks;
    for (const char* other : {"Ondanks alles nog geen pakket", "Happy thanksgiving", "Waar blijft mijn doos?", ""})
        EXPECT_FALSE(metrics::soundsLikeThanks(other)) << other;
}

// --- kept up to date in a real workspace -------------------------------------------------------

class ResponseCyclesStoreTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        db = std::make_unique<store::Database>(store::openWorkspace(workspace.dbPath()).value());
        sourceId = store::SourceRepository(*db).add({.name = "Forum", .url = "https://forum.example/feed"}).value();
        inbox::AgentRepository(*db).add({.name = "Eva", .firstName = "Eva"}).value();
    }

    std::int64_t ingest(const std::string& id, const std::string& body, std::int64_t at, const std::string& thread = "t1")
    {
        std::int64_t conversation = 0;
        EXPECT_TRUE(db->transaction([&]() -> Status {
            auto stored = store::ingestMentions(
                *db, sourceId, {{.externalId = id, .body = body, .threadId = thread, .publishedAt = at - 30}}, at);
            if (!stored)
                return stored.error();
            return Ok{};
        }));
        conversation = store::queryInteger(*db, "SELECT conversation_id FROM mentions WHERE external_id = '" + id + "'").value();
        return conversation;
    }

    inbox::Inbox inboxAt(std::int64_t at) { return inbox::Inbox(workspace.open().writer(), [at] { return at; }); }

    std::int64_t number(const std::string& sql) { return store::queryInteger(*db, sql).value(); }

    test::TempWorkspace workspace;
    std::unique_ptr<store::Database> db;
    std::int64_t sourceId = 0;
};

TEST_F(ResponseCyclesStoreTest, TheInboxAndTheEngineMarkConversationsAndARefreshDerivesTheirRows)
{
    const auto conversation = ingest("m1", "Mijn pakket is kwijt", t0);
    ASSERT_TRUE(inboxAt(t0 + 600).reply(conversation, "Eva", "Ik zoek het uit. Eva", inbox::Channel::OffPlatform));
    ASSERT_TRUE(inboxAt(t0 + 1200).resolve(conversation, "Eva"));
    ASSERT_TRUE(metrics::refreshResponseCycles(workspace.open().writer()));
    EXPECT_EQ(number("SELECT count(*) FROM metrics_dirty"), 0);
    EXPECT_EQ(number("SELECT first_response_at - started_at FROM response_cycles"), 600);
    EXPECT_EQ(number("SELECT resolved_at - started_at FROM response_cycles"), 1200);
    EXPECT_EQ(number("SELECT started_published FROM response_cycles"), t0 - 30);

    // The customer writes again: the engine reopens it, and a second cycle appears.
    ingest("m2", "Bedankt, maar nu is de doos nat", t0 + 86400);
    EXPECT_EQ(number("SELECT count(*) FROM metrics_dirty"), 1);
    ASSERT_TRUE(metrics::refreshResponseCycles(workspace.open().writer()));
    EXPECT_EQ(number("SELECT count(*) FROM response_cycles"), 2);
    EXPECT_EQ(number("SELECT started_at FROM response_cycles WHERE cycle = 2"), t0 + 86400);
    EXPECT_EQ(number("SELECT count(*) FROM response_waits WHERE thanked_agent = 'Eva'"), 1);
    EXPECT_EQ(number("SELECT resolved_at - started_at FROM response_cycles WHERE cycle = 1"), 1200);
}

TEST_F(ResponseCyclesStoreTest, APlatformReplyCountsWhenItIsPostedNotWhenItIsWritten)
{
    const auto conversation = ingest("m1", "Help", t0);
    ASSERT_TRUE(db->exec("INSERT INTO replies(conversation_id, agent, body, channel, sent_at, delivery)"
                         " VALUES (" + std::to_string(conversation) + ", 'Eva', 'x', 'platform', " +
                         std::to_string(t0 + 60) + ", 'failed')"));
    ASSERT_TRUE(metrics::refreshResponseCycles(workspace.open().writer()));
    EXPECT_EQ(number("SELECT count(*) FROM response_cycles WHERE first_response_at IS NULL"), 1) << "not posted";
    ASSERT_TRUE(db->exec("UPDATE replies SET delivery = 'sent', delivered_at = " + std::to_string(t0 + 900)));
    ASSERT_TRUE(metrics::refreshResponseCycles(workspace.open().writer()));
    EXPECT_EQ(number("SELECT first_response_at - started_at FROM response_cycles"), 900);
}

TEST_F(ResponseCyclesStoreTest, LatestCyclesReadTheCurrentCycleWithoutWritingAnything)
{
    const auto answered = ingest("a1", "Mijn pakket is kwijt", t0, "answered");
    const auto waiting = ingest("w1", "Waar blijft mijn doos?", t0 + 60, "waiting");
    ASSERT_TRUE(inboxAt(t0 + 600).reply(answered, "Eva", "Ik zoek het uit. Eva", inbox::Channel::OffPlatform));
    ASSERT_TRUE(inboxAt(t0 + 1200).resolve(answered, "Eva"));
    ingest("a2", "Nu is de doos nat", t0 + 86400, "answered");   // reopens: a second cycle

    auto reader = workspace.open().reader();
    ASSERT_TRUE(reader) << reader.message();
    const auto cycles = metrics::latestCycles(**reader, {answered, waiting, 999999});
    ASSERT_TRUE(cycles) << cycles.message();
    ASSERT_EQ(cycles->size(), 2u) << "no such conversation: left out";
    EXPECT_EQ(cycles->at(answered).number, 2);
    EXPECT_EQ(cycles->at(answered).startedAt, t0 + 86400);
    EXPECT_FALSE(cycles->at(answered).firstResponseAt) << "the reply before the reopen belongs to cycle 1";
    EXPECT_EQ(cycles->at(waiting).number, 1);
    EXPECT_EQ(cycles->at(waiting).startedAt, t0 + 60);
    EXPECT_EQ(number("SELECT count(*) FROM response_cycles"), 0) << "reading derives, it does not store";
    EXPECT_TRUE(metrics::latestCycles(**reader, {})->empty());
}

TEST_F(ResponseCyclesStoreTest, ManyConversationsAreDerivedInBatches)
{
    for (int i = 0; i < 4500; ++i)
        ingest("b" + std::to_string(i), "vraag", t0 + i, "thread-" + std::to_string(i));
    std::vector<std::int64_t> left;
    ASSERT_TRUE(metrics::refreshResponseCycles(workspace.open().writer(), [&](std::int64_t n) { left.push_back(n); }));
    EXPECT_EQ(left, (std::vector<std::int64_t>{2500, 500, 0}));
    EXPECT_EQ(number("SELECT count(*) FROM response_cycles"), 4500);
    EXPECT_EQ(number("SELECT count(*) FROM response_waits WHERE answered_at IS NULL"), 4500);
}

}  // namespace
