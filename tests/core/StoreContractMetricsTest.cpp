// The store's contract for what the dashboard, `stats` and the exports compute from, once per
// engine: response cycles derived and kept up to date as the log grows, the snapshot a report
// is computed from (with known figures on a known history), and export cursors that give
// every row of each kind exactly once.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "StoreContractFixture.h"
#include "WorkspaceReads.h"
#include "earshot/metrics/MetricsSettings.h"
#include "earshot/metrics/Report.h"
#include "earshot/metrics/ResponseCycles.h"
#include "earshot/store/ExportStore.h"
#include "earshot/store/InboxStore.h"
#include "earshot/store/MetricsStore.h"

using namespace earshot;
using namespace earshot::store;
using test::contractMention;

namespace {

constexpr std::int64_t t0 = 1'780'000'000;

class StoreContractMetrics : public test::StoreContractFixture {
protected:
    void SetUp() override
    {
        test::StoreContractFixture::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        addAgents();
    }

    // A customer's post in thread `thread`, published 30 s before it reached us.
    std::int64_t post(const std::string& id, const std::string& body, std::int64_t at, const std::string& thread = "t1",
                      const std::string& author = "anna")
    {
        NewMention m = contractMention(id, body, {}, author);
        m.body = body;
        m.threadId = thread;
        m.publishedAt = at - 30;
        auto stored = ingest({m}, at);
        EXPECT_TRUE(stored) << stored.message();
        return test::conversationOfMention(workspace(), id);
    }

    std::int64_t dirtyCount() { return reader()->metrics().dirtyCount().value(); }
    std::vector<CycleRow> cycles()
    {
        std::vector<CycleRow> rows;
        EXPECT_TRUE(reader()->metrics().eachCycle([&](const CycleRow& row) { rows.push_back(row); }));
        return rows;
    }
    std::vector<WaitRow> waits()
    {
        std::vector<WaitRow> rows;
        EXPECT_TRUE(reader()->metrics().eachWait([&](const WaitRow& row) { rows.push_back(row); }));
        return rows;
    }
    void refresh()
    {
        const Status refreshed = metrics::refreshResponseCycles(m_workspace->writer());
        ASSERT_TRUE(refreshed) << refreshed.message();
    }

    // A known history. A: Eva answers in 10 minutes and resolves after 20; the customer thanks
    // her a day later, which reopens it (a second cycle). B (high, tagged): Daan claims it after
    // a minute and answers after 30. C: nobody has answered yet.
    struct History {
        std::int64_t a = 0, b = 0, c = 0;
    };
    History history()
    {
        History h;
        h.a = post("a1", "Mijn pakket is kwijt", t0, "ta");
        EXPECT_TRUE(inboxAt(t0 + 600).reply(h.a, kEva, "Ik zoek het uit", inbox::Channel::OffPlatform));
        EXPECT_TRUE(inboxAt(t0 + 1200).resolve(h.a, kEva));
        h.b = post("b1", "Factuur klopt niet", t0 + 60, "tb", "bram");
        EXPECT_TRUE(inboxAt(t0 + 120).claim(h.b, kDaan));
        EXPECT_TRUE(inboxAt(t0 + 120).setPriority(h.b, kDaan, domain::Priority::High));
        EXPECT_TRUE(inboxAt(t0 + 120).addTag(h.b, kDaan, "factuur"));
        EXPECT_TRUE(inboxAt(t0 + 60 + 1800).reply(h.b, kDaan, "Klopt, we passen hem aan", inbox::Channel::OffPlatform));
        h.c = post("c1", "Waar blijft mijn doos?", t0 + 120, "tc", "cees");
        EXPECT_EQ(post("a2", "Bedankt! Maar nu is de doos nat", t0 + 86400, "ta"), h.a);
        return h;
    }
};

}  // namespace

// --- response cycles ----------------------------------------------------------------------------

TEST_P(StoreContractMetrics, TheInboxAndTheEngineMarkConversationsAndARefreshDerivesTheirRows)
{
    const auto conversation = post("m1", "Mijn pakket is kwijt", t0);
    ASSERT_TRUE(inboxAt(t0 + 600).reply(conversation, kEva, "Ik zoek het uit. Eva", inbox::Channel::OffPlatform));
    ASSERT_TRUE(inboxAt(t0 + 1200).resolve(conversation, kEva));
    EXPECT_EQ(dirtyCount(), 1);
    refresh();
    EXPECT_EQ(dirtyCount(), 0);
    auto rows = cycles();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].conversation, conversation);
    EXPECT_EQ(rows[0].number, 1);
    EXPECT_EQ(*rows[0].firstResponseAt - rows[0].startedAt, 600);
    EXPECT_EQ(rows[0].firstResponder, kEva);
    EXPECT_EQ(*rows[0].resolvedAt - rows[0].startedAt, 1200);
    EXPECT_EQ(rows[0].resolver, kEva);
    EXPECT_EQ(rows[0].startedPublished, t0 - 30);

    // The customer writes again: the engine reopens it, and a second cycle appears.
    post("m2", "Bedankt, maar nu is de doos nat", t0 + 86400);
    EXPECT_EQ(dirtyCount(), 1);
    refresh();
    rows = cycles();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1].number, 2);
    EXPECT_EQ(rows[1].startedAt, t0 + 86400);
    EXPECT_FALSE(rows[1].firstResponseAt.has_value());
    EXPECT_EQ(*rows[0].resolvedAt - rows[0].startedAt, 1200) << "the reopen leaves cycle 1 alone";
    std::int64_t thanked = 0;
    for (const WaitRow& wait : waits())
        thanked += wait.thankedAgent == kEva ? 1 : 0;
    EXPECT_EQ(thanked, 1);
}

TEST_P(StoreContractMetrics, APlatformReplyCountsWhenItIsPostedNotWhenItIsWritten)
{
    const auto conversation = post("m1", "Help", t0);
    std::int64_t replyId = 0;
    write([&](Session& session) -> Status {
        auto inserted = session.inbox().insertReply({.conversationId = conversation, .agent = kEva, .body = "x",
                                                     .channel = domain::Channel::Platform, .at = t0 + 60,
                                                     .delivery = domain::Delivery::Sending});
        if (!inserted)
            return inserted.error();
        replyId = *inserted;
        return session.inbox().recordDelivery(replyId, {.sent = false, .error = "HTTP 500", .at = t0 + 70});
    });
    refresh();
    ASSERT_EQ(cycles().size(), 1u);
    EXPECT_FALSE(cycles()[0].firstResponseAt.has_value()) << "not posted";
    write([&](Session& session) {
        return session.inbox().recordDelivery(replyId, {.sent = true, .postId = "1", .url = "https://x/1", .at = t0 + 900});
    });
    refresh();
    ASSERT_EQ(cycles().size(), 1u);
    EXPECT_EQ(*cycles()[0].firstResponseAt - cycles()[0].startedAt, 900);
    EXPECT_EQ(cycles()[0].firstResponder, kEva);
}

TEST_P(StoreContractMetrics, LatestCyclesReadTheCurrentCycleWithoutWritingAnything)
{
    const auto answered = post("a1", "Mijn pakket is kwijt", t0, "answered");
    const auto waiting = post("w1", "Waar blijft mijn doos?", t0 + 60, "waiting");
    ASSERT_TRUE(inboxAt(t0 + 600).reply(answered, kEva, "Ik zoek het uit. Eva", inbox::Channel::OffPlatform));
    ASSERT_TRUE(inboxAt(t0 + 1200).resolve(answered, kEva));
    post("a2", "Nu is de doos nat", t0 + 86400, "answered");   // reopens: a second cycle

    auto session = reader();
    const auto latest = metrics::latestCycles(*session, {answered, waiting, 999999});
    ASSERT_TRUE(latest) << latest.message();
    ASSERT_EQ(latest->size(), 2u) << "no such conversation: left out";
    EXPECT_EQ(latest->at(answered).number, 2);
    EXPECT_EQ(latest->at(answered).startedAt, t0 + 86400);
    EXPECT_FALSE(latest->at(answered).firstResponseAt) << "the reply before the reopen belongs to cycle 1";
    EXPECT_EQ(latest->at(waiting).number, 1);
    EXPECT_EQ(latest->at(waiting).startedAt, t0 + 60);
    EXPECT_TRUE(cycles().empty()) << "reading derives, it does not store";
    EXPECT_EQ(dirtyCount(), 2);
    EXPECT_TRUE(metrics::latestCycles(*session, {})->empty());
}

TEST_P(StoreContractMetrics, ManyConversationsAreDerivedInBatches)
{
    std::vector<NewMention> batch;
    for (int i = 0; i < 4500; ++i) {
        batch.push_back(contractMention("b" + std::to_string(i), "vraag"));
        batch.back().threadId = "thread-" + std::to_string(i);
    }
    ASSERT_TRUE(ingest(batch, t0));
    std::vector<std::int64_t> left;
    ASSERT_TRUE(metrics::refreshResponseCycles(m_workspace->writer(), [&](std::int64_t n) { left.push_back(n); }));
    EXPECT_EQ(left, (std::vector<std::int64_t>{2500, 500, 0}));
    EXPECT_EQ(cycles().size(), 4500u);
    const auto rows = waits();
    EXPECT_EQ(rows.size(), 4500u);
    EXPECT_EQ(std::count_if(rows.begin(), rows.end(), [](const WaitRow& w) { return !w.answeredAt; }), 4500);
}

// --- what a report is computed from -------------------------------------------------------------

TEST_P(StoreContractMetrics, TheReportInputsOfAKnownHistoryGiveItsKnownFigures)
{
    const History h = history();
    const std::int64_t now = t0 + 2 * 86400;
    auto inputs = metrics::loadReportInputs(workspace(), now);
    ASSERT_TRUE(inputs) << inputs.message();
    EXPECT_FALSE(inputs->calendarSet);
    const metrics::Snapshot& snapshot = inputs->snapshot;
    EXPECT_EQ(dirtyCount(), 0) << "loading brought the cycles up to date";

    ASSERT_EQ(snapshot.conversations.size(), 3u);
    EXPECT_EQ(snapshot.conversations[0].id, h.a);
    EXPECT_EQ(snapshot.conversations[1].id, h.b);
    EXPECT_EQ(snapshot.conversations[2].id, h.c);
    EXPECT_EQ(snapshot.conversations[0].assignee, snapshot.agentIndex(kEva));
    EXPECT_EQ(snapshot.conversations[1].assignee, snapshot.agentIndex(kDaan));
    EXPECT_EQ(snapshot.conversations[2].assignee, metrics::kNobody);
    EXPECT_EQ(snapshot.conversations[1].priority, 2);
    EXPECT_EQ(snapshot.conversations[0].status, std::uint8_t(domain::ConversationStatus::Open));
    EXPECT_EQ(snapshot.conversations[2].status, std::uint8_t(domain::ConversationStatus::New));
    ASSERT_EQ(snapshot.conversations[1].tagsEnd - snapshot.conversations[1].tagsBegin, 1u);
    EXPECT_EQ(snapshot.tags.at(snapshot.conversationTags.at(snapshot.conversations[1].tagsBegin)), "factuur");
    EXPECT_EQ(snapshot.sourceNames.at(m_sourceId), "Example");
    ASSERT_NE(snapshot.agentIndex(kLea), metrics::kNobody) << "every agent, also who did nothing yet";
    const auto& leaTeams = snapshot.agentTeams.at(snapshot.agentIndex(kLea));
    std::set<std::string> teams;
    for (std::int32_t team : leaTeams)
        teams.insert(snapshot.teams.at(team));
    EXPECT_EQ(teams, (std::set<std::string>{"care", "leads"}));

    ASSERT_EQ(snapshot.cycles.size(), 4u) << "A twice, B and C once";
    const metrics::CycleFacts& a1 = snapshot.cycles[0];
    EXPECT_EQ(a1.number, 1);
    EXPECT_EQ(a1.startedAt, t0);
    EXPECT_EQ(a1.startedPublished, t0 - 30);
    EXPECT_EQ(a1.firstResponseAt, t0 + 600);
    EXPECT_EQ(a1.firstResponder, snapshot.agentIndex(kEva));
    EXPECT_EQ(a1.resolvedAt, t0 + 1200);
    EXPECT_EQ(a1.resolver, snapshot.agentIndex(kEva));
    EXPECT_EQ(snapshot.cycles[1].number, 2);
    EXPECT_EQ(snapshot.cycles[1].startedAt, t0 + 86400);
    EXPECT_EQ(snapshot.cycles[1].firstResponseAt, metrics::kNoTime);
    const metrics::CycleFacts& b1 = snapshot.cycles[2];
    EXPECT_EQ(b1.claimedAt, t0 + 120);
    EXPECT_EQ(b1.firstResponseAt, t0 + 1860);
    EXPECT_EQ(b1.firstResponder, snapshot.agentIndex(kDaan));
    EXPECT_EQ(snapshot.cycles[3].firstResponseAt, metrics::kNoTime);

    const metrics::Report report =
        metrics::computeReport(snapshot, inputs->calendar, inputs->policies, {.now = now});
    EXPECT_EQ(report.total.cycles, 4);
    EXPECT_EQ(report.total.responded, 2);
    EXPECT_EQ(report.total.resolved, 1);
    EXPECT_EQ(report.total.firstResponse.wall.count, 2);
    EXPECT_DOUBLE_EQ(report.total.firstResponse.wall.median, 1200.0);   // 600 and 1800
    EXPECT_DOUBLE_EQ(report.total.firstResponse.wall.mean, 1200.0);
    EXPECT_EQ(report.total.resolution.wall.count, 1);
    EXPECT_DOUBLE_EQ(report.total.resolution.wall.median, 1200.0);
    EXPECT_EQ(report.total.compliments, 1) << "the thanks for Eva";
    EXPECT_EQ(report.openNow, 3);
    EXPECT_EQ(report.unassignedNow, 1);

    const metrics::Report byTag = metrics::computeReport(
        snapshot, inputs->calendar, inputs->policies, {.filter = {.tags = {"factuur"}}, .now = now});
    EXPECT_EQ(byTag.total.cycles, 1);
    EXPECT_DOUBLE_EQ(byTag.total.firstResponse.wall.median, 1800.0);
}

TEST_P(StoreContractMetrics, TheTeamCalendarAndSlaPoliciesAreKeptInTheWorkspace)
{
    metrics::SlaPolicies policies;
    policies.set({.priority = 2, .firstResponseSeconds = 3600, .businessHours = false});
    policies.set({.priority = 2, .sourceId = m_sourceId, .firstResponseSeconds = 900, .resolutionSeconds = 86400});
    std::string stampBefore;
    write([&](Session& session) -> Status {
        stampBefore = metrics::teamSettingsStamp(session);
        return metrics::saveSlaPolicies(session, policies);
    });
    auto session = reader();
    auto loaded = metrics::loadSlaPolicies(*session);
    ASSERT_TRUE(loaded) << loaded.message();
    const metrics::SlaTarget* own = loaded->targetFor(2, m_sourceId);
    ASSERT_NE(own, nullptr);
    EXPECT_EQ(own->firstResponseSeconds, 900);
    EXPECT_EQ(own->resolutionSeconds, 86400);
    const metrics::SlaTarget* other = loaded->targetFor(2, m_sourceId + 1);
    ASSERT_NE(other, nullptr);
    EXPECT_EQ(other->firstResponseSeconds, 3600);
    EXPECT_FALSE(other->businessHours);
    EXPECT_EQ(loaded->targetFor(1, m_sourceId), nullptr);
    EXPECT_NE(metrics::teamSettingsStamp(*session), stampBefore);
    EXPECT_FALSE(metrics::hasCalendar(*session));
}

// --- export cursors -----------------------------------------------------------------------------

TEST_P(StoreContractMetrics, ExportCursorsGiveEveryRowOfEachKindOnce)
{
    const History h = history();
    refresh();
    auto session = reader();
    ExportStore& exports = session->exports();

    std::vector<std::int64_t> conversations;
    ASSERT_TRUE(exports.eachConversation({}, [&](const ConversationExportRow& row) -> Status {
        conversations.push_back(row.id);
        if (row.id == h.b) {
            EXPECT_EQ(row.status, "open");
            EXPECT_EQ(row.priority, 2);
            EXPECT_EQ(row.assignee, kDaan);
            EXPECT_EQ(row.tags, "factuur");
            EXPECT_EQ(row.customerHandle, "bram");
            EXPECT_EQ(row.source, "Example");
            EXPECT_EQ(row.cycles, 1);
            EXPECT_EQ(row.firstCycle.firstResponseAt, t0 + 1860);
            EXPECT_EQ(row.firstCycle.firstResponder, kDaan);
        }
        if (row.id == h.a) {
            EXPECT_EQ(row.messageCount, 2);
            EXPECT_EQ(row.cycles, 2);
            EXPECT_FALSE(row.lastResolvedAt.has_value()) << "reopened: not resolved now";
            EXPECT_EQ(row.firstCycle.resolvedAt, t0 + 1200);
            EXPECT_EQ(row.firstCycle.resolver, kEva);
        }
        return Ok{};
    }));
    EXPECT_EQ(conversations, (std::vector<std::int64_t>{h.a, h.b, h.c})) << "in id order, each once";
    EXPECT_EQ(exports.count({.kind = ExportKind::Conversations}).value(), 3);

    std::vector<std::pair<std::int64_t, std::int64_t>> cycleKeys;
    ASSERT_TRUE(exports.eachCycle({.kind = ExportKind::Cycles}, [&](const CycleExportRow& row) -> Status {
        cycleKeys.emplace_back(row.conversation, row.cycle);
        return Ok{};
    }));
    EXPECT_EQ(cycleKeys, (std::vector<std::pair<std::int64_t, std::int64_t>>{{h.a, 1}, {h.a, 2}, {h.b, 1}, {h.c, 1}}));
    EXPECT_EQ(exports.count({.kind = ExportKind::Cycles}).value(), 4);

    std::vector<std::string> mentions;
    std::set<std::int64_t> mentionIds;
    ASSERT_TRUE(exports.eachMention({.kind = ExportKind::Mentions}, [&](const MentionExportRow& row) -> Status {
        mentions.push_back(row.externalId + "@" + std::to_string(row.conversation));
        EXPECT_TRUE(mentionIds.insert(row.id).second) << "mention " << row.id << " twice";
        return Ok{};
    }));
    const auto at = [](const std::string& id, std::int64_t c) { return id + "@" + std::to_string(c); };
    EXPECT_EQ(mentions, (std::vector<std::string>{at("a1", h.a), at("b1", h.b), at("c1", h.c), at("a2", h.a)}));
    EXPECT_EQ(exports.count({.kind = ExportKind::Mentions}).value(), 4);

    // Events: every conversation's timeline, and the source's own, each once in id order.
    std::vector<std::int64_t> eventIds;
    std::int64_t conversationEvents = 0;
    ASSERT_TRUE(exports.eachEvent({.kind = ExportKind::Events}, [&](const EventExportRow& row) -> Status {
        eventIds.push_back(row.id);
        conversationEvents += row.conversation ? 1 : 0;
        return Ok{};
    }));
    EXPECT_TRUE(std::is_sorted(eventIds.begin(), eventIds.end()));
    EXPECT_EQ(std::set<std::int64_t>(eventIds.begin(), eventIds.end()).size(), eventIds.size());
    std::int64_t timelines = 0;
    for (std::int64_t id : {h.a, h.b, h.c})
        timelines += std::int64_t(timeline(id).size());
    EXPECT_EQ(conversationEvents, timelines);
    EXPECT_EQ(exports.count({.kind = ExportKind::Events}).value(), std::int64_t(eventIds.size()));
}

TEST_P(StoreContractMetrics, ExportFiltersPickByPeriodStatusTagAndSource)
{
    const History h = history();
    refresh();
    const std::int64_t other = test::addSource(workspace(), {.name = "Other", .url = "https://other.example/feed"});
    auto elsewhere = ingest({contractMention("o1", "elders")}, t0 + 200, other);
    ASSERT_TRUE(elsewhere) << elsewhere.message();
    const std::int64_t o = elsewhere->conversationsCreated.at(0);
    auto session = reader();
    const auto ids = [&](const ExportFilter& filter) {
        std::vector<std::int64_t> found;
        EXPECT_TRUE(session->exports().eachConversation(filter, [&](const ConversationExportRow& row) -> Status {
            found.push_back(row.id);
            return Ok{};
        }));
        EXPECT_EQ(session->exports().count(filter).value(), std::int64_t(found.size()));
        return found;
    };
    using V = std::vector<std::int64_t>;
    EXPECT_EQ(ids({.since = t0 + 60, .until = t0 + 121}), V({h.b, h.c})) << "by creation, [since, until)";
    EXPECT_EQ(ids({.status = "new"}), V({h.c, o}));
    EXPECT_EQ(ids({.tags = {"factuur", "elders"}}), V({h.b}));
    EXPECT_EQ(ids({.sources = {other}}), V({o}));
    EXPECT_EQ(ids({.sources = {m_sourceId}, .status = "open"}), V({h.a, h.b}));

    // A failure from the row stops the reading and is what comes back.
    int seen = 0;
    const Status stopped = session->exports().eachMention({.kind = ExportKind::Mentions}, [&](const MentionExportRow&) -> Status {
        return ++seen == 2 ? Status(fail("disk full")) : Status(Ok{});
    });
    ASSERT_FALSE(stopped);
    EXPECT_EQ(stopped.message(), "disk full");
    EXPECT_EQ(seen, 2);
}

INSTANTIATE_TEST_SUITE_P(Engines, StoreContractMetrics, ::testing::ValuesIn(test::workspaceFactories()),
                         test::engineName);
