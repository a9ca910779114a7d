// The report's aggregates on hand-built snapshots: percentiles as spreadsheets compute them,
// business hours, SLA outcomes, credit per agent, a reopen counted as its own cycle, backlog.
#include <gtest/gtest.h>

#include "earshot/metrics/Report.h"

using namespace earshot::metrics;

namespace {

constexpr std::int64_t kHour = 3600;
// Monday 2026-11-30 08:00 UTC = 09:00 in Amsterdam.
constexpr std::int64_t kMonday9 = 1'796'025'600;

TeamCalendar officeHours()
{
    auto calendar = TeamCalendar::fromJson(
        {{"time_zone", "Europe/Amsterdam"},
         {"hours", {{"mon", {"09:00-12:30", "13:30-17:30"}}, {"tue", {"09:00-17:30"}}, {"wed", {"09:00-17:30"}},
                    {"thu", {"09:00-17:30"}}, {"fri", {"09:00-17:30"}}}},
         {"holidays", nlohmann::json::array()}});
    EXPECT_TRUE(calendar.ok()) << (calendar.ok() ? "" : calendar.message());
    return *calendar;
}

Snapshot twoAgents()
{
    Snapshot s;
    s.agents = {"Eva", "Daan"};
    s.agentTeams = {{0}, {}};
    s.teams = {"care"};
    s.sourceNames = {{1, "Forum"}};
    for (std::int64_t id = 1; id <= 3; ++id)
        s.conversations.push_back({.id = id, .sourceId = 1, .priority = 2, .status = 3 /* resolved */});
    // Eva answers in 1 h over lunch (12:00 -> 13:00: half an hour of business time).
    s.cycles.push_back({.conversation = 0, .number = 1, .startedAt = kMonday9 + 3 * kHour,
                        .firstResponseAt = kMonday9 + 4 * kHour, .resolvedAt = kMonday9 + 5 * kHour,
                        .firstResponder = 0, .resolver = 0});
    // Daan answers in 3 h; the conversation is reopened the next day and answered in 10 minutes.
    s.cycles.push_back({.conversation = 1, .number = 1, .startedAt = kMonday9, .firstResponseAt = kMonday9 + 3 * kHour,
                        .resolvedAt = kMonday9 + 4 * kHour, .firstResponder = 1, .resolver = 1});
    s.cycles.push_back({.conversation = 1, .number = 2, .startedAt = kMonday9 + 24 * kHour,
                        .firstResponseAt = kMonday9 + 24 * kHour + 600, .firstResponder = 1});
    // Nobody has answered this one yet.
    s.cycles.push_back({.conversation = 2, .number = 1, .startedAt = kMonday9 + 25 * kHour});
    s.conversations[2].status = 0;  // new
    return s;
}

TEST(Report, PercentilesInterpolateAsSpreadsheetsDo)
{
    std::vector<std::int64_t> values = {10, 20, 30, 40};
    const Distribution d = distributionOf(values);
    EXPECT_EQ(d.count, 4);
    EXPECT_DOUBLE_EQ(d.median, 25);    // MEDIAN(10,20,30,40)
    EXPECT_DOUBLE_EQ(d.p90, 37);       // PERCENTILE.INC(…, 0.9)
    EXPECT_DOUBLE_EQ(d.p95, 38.5);
    EXPECT_DOUBLE_EQ(d.mean, 25);
    std::vector<std::int64_t> one = {7};
    EXPECT_DOUBLE_EQ(distributionOf(one).p95, 7);
}

TEST(Report, EachCycleCountsOnItsOwnAndBusinessHoursSkipLunch)
{
    const Snapshot s = twoAgents();
    const Report r = computeReport(s, officeHours(), {}, {.groupBy = GroupBy::Agent, .now = kMonday9 + 30 * kHour});
    EXPECT_EQ(r.total.cycles, 4);
    EXPECT_EQ(r.total.responded, 3);
    EXPECT_EQ(r.total.firstResponse.wall.count, 3);
    EXPECT_DOUBLE_EQ(r.total.firstResponse.wall.median, kHour);  // 600, 3600, 10800
    // Business: Eva's hour over lunch is 30 min; Daan's 3 h in the morning stay 3 h.
    ASSERT_EQ(r.groups.size(), 3u);  // Daan, Eva, (nobody)
    EXPECT_EQ(r.groups[0].name, "(nobody)");
    EXPECT_EQ(r.groups[1].name, "Daan");
    EXPECT_EQ(r.groups[1].figures.cycles, 2) << "the reopen is Daan's second cycle, not a longer first one";
    EXPECT_DOUBLE_EQ(r.groups[1].figures.resolution.wall.median, 4 * kHour);
    EXPECT_EQ(r.groups[2].name, "Eva");
    EXPECT_DOUBLE_EQ(r.groups[2].figures.firstResponse.business.median, kHour / 2);
    EXPECT_EQ(r.openNow, 1);
    EXPECT_EQ(r.unassignedNow, 1);
}

TEST(Report, SlaTargetsAreMetBreachedOrStillRunning)
{
    const Snapshot s = twoAgents();
    SlaPolicies policies;
    policies.set({.priority = 2, .firstResponseSeconds = 2 * kHour, .businessHours = true});
    // At Tuesday 11:00 local: the unanswered cycle started 10:00, one business hour ago.
    const Report r = computeReport(s, officeHours(), policies, {.now = kMonday9 + 26 * kHour, .breachLimit = 10});
    EXPECT_EQ(r.total.firstResponseSla.met, 2);       // Eva (30 min), Daan's second cycle (10 min)
    EXPECT_EQ(r.total.firstResponseSla.breached, 1);  // Daan's first: 3 h
    EXPECT_EQ(r.total.firstResponseSla.running, 1);
    EXPECT_NEAR(*r.total.firstResponseSla.percent(), 200.0 / 3.0, 1e-9);
    ASSERT_EQ(r.breaches.size(), 1u);
    EXPECT_EQ(r.breaches[0].conversationId, 2);
    EXPECT_EQ(r.breaches[0].overBy, kHour);
    EXPECT_EQ(r.breaches[0].deadline, kMonday9 + 2 * kHour);

    // Two hours later the running one is breached too.
    const Report later = computeReport(s, officeHours(), policies, {.now = kMonday9 + 28 * kHour});
    EXPECT_EQ(later.total.firstResponseSla.breached, 2);
}

TEST(Report, FiltersByTeamAndPeriodAndCountsTheBacklogPerDay)
{
    const Snapshot s = twoAgents();
    ReportRequest care{.now = kMonday9 + 30 * kHour};
    care.filter.teams = {"care"};
    EXPECT_EQ(computeReport(s, officeHours(), {}, care).total.cycles, 1) << "only Eva is in care";

    ReportRequest tuesday{.now = kMonday9 + 30 * kHour};
    tuesday.filter.since = kMonday9 + 15 * kHour;
    tuesday.filter.until = kMonday9 + 39 * kHour;
    const Report r = computeReport(s, officeHours(), {}, tuesday);
    EXPECT_EQ(r.total.cycles, 2);
    ASSERT_FALSE(r.days.empty());
    // At the end of Tuesday: the reopened cycle and the unanswered one are open; one unassigned.
    EXPECT_EQ(r.days.back().open, 2);
    EXPECT_EQ(r.days.back().unassigned, 1);
}

}  // namespace
