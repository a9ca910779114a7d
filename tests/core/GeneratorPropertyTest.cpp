// The generated history depends on the seed and on the moment it is generated (`now`), so
// one fixed moment proves little: a demo workspace crashed on about one start in six because
// the first person drawn at some moments was a one-off spammer, with no returning customer
// to pick yet. These tests plan and write histories over many seeds and many moments.
#include <gtest/gtest.h>

#include <ctime>
#include <string>

#include "Shell.h"
#include "TempWorkspace.h"
#include "earshot/demo/ActivityCalendar.h"
#include "earshot/demo/AuthorPool.h"
#include "earshot/demo/ConversationPlanner.h"
#include "earshot/demo/PhraseBank.h"
#include "earshot/demo/Random.h"
#include "earshot/demo/WorkspaceGenerator.h"
#include "WorkspaceReads.h"

using namespace earshot;

namespace {

constexpr std::int64_t kWeek = 7 * 86400;
constexpr std::int64_t kYear = 365 * 86400;
// 2026-12-07T04:48:40Z: seed 2026 crashed the demo at this moment.
constexpr std::int64_t kCrashMoment = 1796618920;

std::string describe(std::uint64_t seed, std::int64_t now)
{
    const std::time_t t = now;
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
    return "seed " + std::to_string(seed) + " at " + text + " (faketime '" + text + "' reproduces it)";
}

// Plans `conversations` conversations the way the generator does and checks each story.
void planAndCheck(std::uint64_t seed, std::int64_t now, int days, int conversations)
{
    SCOPED_TRACE(describe(seed, now));
    demo::Random random(seed);
    const demo::PhraseBank phrases;
    const demo::ActivityCalendar calendar(random, now, days);
    demo::AuthorPool authors(0.3);
    demo::ConversationPlanner planner(phrases, calendar, authors);
    demo::ConversationPlan plan;
    for (int i = 0; i < conversations; ++i) {
        const std::int64_t createdAt = calendar.sample(random);
        ASSERT_GE(createdAt, calendar.start());
        ASSERT_LE(createdAt, now);
        planner.plan(random, createdAt, plan);
        ASSERT_FALSE(plan.mentions.empty());
        ASSERT_EQ(plan.mentions.front().at, createdAt);
        ASSERT_LT(plan.customer, authors.count());
        std::int64_t previous = createdAt;
        for (const auto& mention : plan.mentions) {
            ASSERT_GE(mention.at, previous) << "mentions out of order in conversation " << i;
            ASSERT_LE(mention.at, now) << "a mention from the future in conversation " << i;
            ASSERT_LT(mention.author, authors.count());
            previous = mention.at;
        }
        for (const auto& reply : plan.replies) {
            ASSERT_GE(reply.at, createdAt);
            ASSERT_LE(reply.at, now);
        }
        previous = createdAt;
        for (const auto& event : plan.events) {
            ASSERT_GE(event.at, previous) << "event " << domain::eventKindName(event.kind) << " out of order in conversation " << i;
            ASSERT_LE(event.at, now);
            ASSERT_LT(event.reply, int(plan.replies.size()));
            previous = event.at;
        }
        ASSERT_GE(plan.updatedAt, createdAt);
        ASSERT_LE(plan.updatedAt, now);
        if (plan.firstResponseAt) {
            ASSERT_GE(*plan.firstResponseAt, createdAt);
        }
        ASSERT_EQ(plan.resolvedAt.has_value(), plan.status == demo::ConversationStatus::Resolved);
    }
}

}  // namespace

TEST(GeneratorProperty, PlansHoldTogetherAtManyMomentsAndSeeds)
{
    // Moments spread over a year (weekends, nights, clock changes), with seconds that vary.
    demo::Random moments(20261207);
    const std::int64_t base = 1767225600;   // 2026-01-01T00:00:00Z
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
        const std::int64_t now = base + std::int64_t(moments.below(std::uint64_t(kYear)));
        planAndCheck(seed, now, 42, 400);
        if (HasFatalFailure())
            return;
    }
}

TEST(GeneratorProperty, TheDemoSeedHoldsTogetherThroughoutAWeek)
{
    // The console's demo uses one seed; every few minutes of a week is a moment someone starts it.
    demo::Random moments(2026);
    for (int i = 0; i < 300; ++i) {
        const std::int64_t now = kCrashMoment - kWeek / 2 + std::int64_t(moments.below(std::uint64_t(kWeek)));
        planAndCheck(2026, now, 42, 300);
        if (HasFatalFailure())
            return;
    }
}

TEST(GeneratorProperty, AFirstPersonWhoNeverReturnsLeavesRoomForNewCustomers)
{
    demo::Random random(7);
    demo::AuthorPool authors(0.0);   // never someone new, unless nobody can return
    const std::int64_t spammer = authors.pickOneOff(random);
    const std::int64_t customer = authors.pickCustomer(random);
    EXPECT_NE(customer, spammer);
    EXPECT_EQ(authors.pickCustomer(random), customer);   // the only one who returns
}

TEST(GeneratorProperty, WritesWholeWorkspacesAtManyMoments)
{
    demo::Random moments(42);
    std::vector<std::pair<std::uint64_t, std::int64_t>> runs = {{2026, kCrashMoment}};
    for (std::uint64_t seed = 1; seed <= 12; ++seed)
        runs.emplace_back(seed, kCrashMoment - kYear + std::int64_t(moments.below(std::uint64_t(kYear))));
    for (const auto& [seed, now] : runs) {
        SCOPED_TRACE(describe(seed, now));
        test::TempWorkspace workspace;
        demo::WorkspaceGenerator generator(workspace.open());
        const std::int64_t conversations = seed == 2026 ? 20000 : 500;
        auto summary = generator.generate({.conversations = conversations, .seed = seed, .days = 42, .now = now});
        ASSERT_TRUE(summary.ok()) << summary.message();
        EXPECT_EQ(summary->conversations, conversations);
        auto session = test::readerOf(workspace.open());
        ASSERT_TRUE(session);
        EXPECT_EQ(session->exports().count({.kind = store::ExportKind::Mentions, .since = now + 1}).value(), 0)
            << "nothing arrives after now";
        EXPECT_EQ(session->conversations().count().value().all, conversations);
    }
}

// The real clock, moved with libfaketime (Debian's faketime): the path a person takes when
// the generator reads the time itself. Several moments of one week, the one that crashed first.
TEST(GeneratorProperty, GeneratesAtManyMomentsOfTheRealClock)
{
    if (test::runShell("command -v faketime >/dev/null").exitCode != 0)
        GTEST_SKIP() << "faketime is not installed (Debian package faketime; scripts/install-deps.sh installs it)";
    const char* moments[] = {"2026-12-07 04:48:40", "2026-12-05 23:59:59", "2026-12-06 03:17:02",
                             "2026-12-08 12:00:00", "2026-12-10 18:45:31", "2027-03-28 01:30:00"};
    for (const char* moment : moments) {
        SCOPED_TRACE(moment);
        test::TempWorkspace workspace;
        // The demo's size at the moment that crashed; smaller elsewhere, to keep the test quick.
        const int conversations = moment == moments[0] ? 20000 : 4000;
        const auto run = test::runShell(std::string("faketime '") + moment + "' " EARSHOT_CLI_PATH " --quiet --db " +
                                        workspace.dbPath() + " generate --conversations " +
                                        std::to_string(conversations) + " --seed 2026 2>&1");
        ASSERT_EQ(run.exitCode, 0) << run.out;
        EXPECT_EQ(test::readerOf(workspace.open())->conversations().count().value().all, conversations);
    }
}
