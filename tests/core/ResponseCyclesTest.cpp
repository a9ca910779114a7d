// The metric definitions on hand-built timelines.
#include <gtest/gtest.h>

#include "earshot/metrics/ResponseCycles.h"

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

// What a workspace derives and keeps from these definitions is tested once per engine in
// StoreContractMetricsTest.cpp.

}  // namespace
