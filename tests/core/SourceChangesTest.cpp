// Adding, removing and polling sources with their entries in the event log
// (earshot/sources/SourceChanges.h): who did it, and what changed.
#include <gtest/gtest.h>

#include "TempWorkspace.h"
#include "WorkspaceReads.h"
#include "earshot/sources/SourceChanges.h"
#include "earshot/store/Session.h"
#include "earshot/store/SourceStore.h"
#include "earshot/store/Workspace.h"

using namespace earshot;
using domain::EventKind;

namespace {

constexpr const char* kUrl = "https://example.org/feed.xml";

class SourceChangesTest : public ::testing::Test {
protected:
    Result<std::int64_t> add(const store::Source& source, std::string_view actor)
    {
        Result<std::int64_t> id = fail("not run");
        (void)workspace.open().writer().run([&](store::Session& session) -> Status {
            id = sources::addSource(session, source, actor);
            return Ok{};
        });
        return id;
    }
    Status remove(std::int64_t id, std::string_view actor)
    {
        return workspace.open().writer().run(
            [&](store::Session& session) { return sources::removeSource(session, id, actor); });
    }
    Status recordPoll(const store::PollRecord& record)
    {
        return workspace.open().writer().run(
            [&](store::Session& session) { return sources::recordPoll(session, record); });
    }
    std::vector<store::EventExportRow> events(EventKind kind) { return test::eventsOfKind(workspace.open(), kind); }

    test::TempWorkspace workspace;
};

TEST_F(SourceChangesTest, AddingAndRemovingAreLoggedUnderWhoDidIt)
{
    auto id = add({.name = "Example", .url = kUrl}, "Anouk Smit");
    ASSERT_TRUE(id) << id.message();
    ASSERT_TRUE(remove(*id, domain::kCommandLineActor));

    const auto added = events(EventKind::SourceAdded);
    ASSERT_EQ(added.size(), 1u);
    EXPECT_EQ(added[0].actor, "Anouk Smit");
    EXPECT_EQ(added[0].source, *id);
    EXPECT_EQ(added[0].to.value_or(""), kUrl);
    EXPECT_FALSE(added[0].detail);
    const auto removed = events(EventKind::SourceRemoved);
    ASSERT_EQ(removed.size(), 1u);
    EXPECT_EQ(removed[0].actor, "cli");
    EXPECT_EQ(removed[0].source, *id);
}

TEST_F(SourceChangesTest, AUrlAddedAgainAfterItsRemovalTakesItsOldRowBack)
{
    const std::int64_t first = add({.name = "Example", .url = kUrl}, "cli").value();
    ASSERT_TRUE(recordPoll({.sourceId = first, .polledAt = 100, .nextPollAt = 400, .error = "HTTP 500"}));
    ASSERT_TRUE(remove(first, "cli"));

    auto again = add({.name = "Back", .url = kUrl}, "Sanne de Vries");
    ASSERT_TRUE(again) << again.message();
    EXPECT_EQ(*again, first);
    const store::Source source = workspace.source(first);
    EXPECT_EQ(source.name, "Back");
    EXPECT_EQ(source.state, domain::SourceState::New) << "its old failures are forgotten";
    EXPECT_EQ(source.errorCount, 0);
    const auto added = events(EventKind::SourceAdded);
    ASSERT_EQ(added.size(), 2u);
    EXPECT_EQ(added[1].actor, "Sanne de Vries");
    EXPECT_EQ(added[1].detail.value_or(""), "restored");

    auto twice = add({.url = kUrl}, "cli");
    ASSERT_FALSE(twice);
    EXPECT_NE(twice.message().find("already exists"), std::string::npos) << twice.message();
    EXPECT_EQ(events(EventKind::SourceAdded).size(), 2u) << "a refused add logs nothing";
}

TEST_F(SourceChangesTest, APollLogsAPermanentMoveAndEachChangeOfTheShownState)
{
    const std::int64_t id = add({.url = kUrl}, "cli").value();
    ASSERT_TRUE(recordPoll({.sourceId = id, .polledAt = 100, .nextPollAt = 400, .succeeded = true,
                            .movedTo = "https://example.org/new.xml"}));
    ASSERT_TRUE(recordPoll({.sourceId = id, .polledAt = 400, .nextPollAt = 700, .succeeded = true}));
    ASSERT_TRUE(recordPoll({.sourceId = id, .polledAt = 700, .nextPollAt = 760, .error = "HTTP 401",
                            .needsCredentials = true}));
    ASSERT_TRUE(recordPoll({.sourceId = id, .polledAt = 760, .nextPollAt = 820, .error = "HTTP 401",
                            .needsCredentials = true}));
    ASSERT_TRUE(recordPoll({.sourceId = id, .polledAt = 820, .nextPollAt = 900, .succeeded = true}));

    const auto moves = events(EventKind::SourceMoved);
    ASSERT_EQ(moves.size(), 1u);
    EXPECT_EQ(moves[0].actor, domain::kEngineActor);
    EXPECT_EQ(moves[0].from.value_or(""), kUrl);
    EXPECT_EQ(moves[0].to.value_or(""), "https://example.org/new.xml");

    std::vector<std::string> changes;
    for (const auto& event : events(EventKind::SourceStateChanged))
        changes.push_back(event.from.value_or("") + " -> " + event.to.value_or("") + " " + event.detail.value_or(""));
    EXPECT_EQ(changes, (std::vector<std::string>{"new -> ok ", "ok -> needs credentials HTTP 401",
                                                 "needs credentials -> ok "}))
        << "a poll that leaves the state as it was logs nothing";
}

TEST_F(SourceChangesTest, ARefusedMoveLogsNothingAndChangesNothing)
{
    const std::int64_t id = add({.url = kUrl}, "cli").value();
    ASSERT_TRUE(add({.url = "https://example.org/other.xml"}, "cli"));
    const Status moved = recordPoll({.sourceId = id, .polledAt = 100, .nextPollAt = 400, .succeeded = true,
                                     .movedTo = "https://example.org/other.xml"});
    ASSERT_FALSE(moved);
    EXPECT_NE(moved.message().find("another source already listens to"), std::string::npos) << moved.message();
    EXPECT_TRUE(events(EventKind::SourceMoved).empty());
    EXPECT_TRUE(events(EventKind::SourceStateChanged).empty());
    EXPECT_EQ(workspace.source(id).url, kUrl);
}

}  // namespace
