// The sources repository through its interface (session.sources()), on a workspace as the
// CLI, the console and the engine use it: writes through the one writer, reads from a reader.
#include <gtest/gtest.h>

#include <functional>

#include "TempWorkspace.h"
#include "WorkspaceReads.h"
#include "earshot/core/Text.h"
#include "earshot/store/Session.h"
#include "earshot/store/SourceStore.h"
#include "earshot/store/Workspace.h"

using namespace earshot;
using namespace earshot::store;
using domain::SourceState;

namespace {

class SourceStoreTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto id = add({.name = "Example", .url = "https://example.org/feed.xml"});
        ASSERT_TRUE(id) << id.message();
        sourceId = *id;
    }

    Status write(const std::function<Status(SourceStore&)>& work)
    {
        return workspace.open().writer().run([&](Session& session) { return work(session.sources()); });
    }
    Result<std::int64_t> add(const Source& source)
    {
        Result<std::int64_t> id = fail("not run");
        (void)write([&](SourceStore& sources) -> Status {
            id = sources.add(source);
            return Ok{};
        });
        return id;
    }
    Status recordPoll(const PollRecord& record)
    {
        return write([&](SourceStore& sources) { return sources.recordPoll(record); });
    }
    std::unique_ptr<Session> reader()
    {
        auto session = workspace.open().reader();
        EXPECT_TRUE(session) << (session ? "" : session.message());
        return std::move(*session);
    }
    Source current() { return workspace.source(sourceId); }

    test::TempWorkspace workspace;
    std::int64_t sourceId = 0;
};

TEST_F(SourceStoreTest, RecordsPollsAndPermanentMoves)
{
    ASSERT_TRUE(recordPoll({.sourceId = sourceId, .polledAt = 100, .nextPollAt = 400, .succeeded = true,
                            .etag = std::string("\"v1\""), .lastModified = std::string("Sun, 22 Nov 2026 10:00:00 GMT"),
                            .movedTo = "https://example.org/new.xml"}));
    Source source = current();
    EXPECT_EQ(source.state, SourceState::Ok);
    EXPECT_EQ(source.etag, "\"v1\"");
    EXPECT_EQ(source.url, "https://example.org/new.xml");
    EXPECT_TRUE(test::eventsOfKind(workspace.open(), domain::EventKind::SourceMoved).empty())
        << "the store only writes; sources::recordPoll logs";

    const PollRecord failure{.sourceId = sourceId, .polledAt = 500, .nextPollAt = 560, .error = "HTTP 500"};
    ASSERT_TRUE(recordPoll(failure));
    ASSERT_TRUE(recordPoll(failure));
    source = current();
    EXPECT_EQ(source.state, SourceState::Failing);
    EXPECT_EQ(source.errorCount, 2);
    EXPECT_EQ(source.lastError, "HTTP 500");
    EXPECT_EQ(source.etag, "\"v1\"");   // kept for the next conditional GET

    ASSERT_TRUE(recordPoll({.sourceId = sourceId, .polledAt = 600, .disable = true, .error = "HTTP 410 Gone"}));
    source = current();
    EXPECT_EQ(source.state, SourceState::Disabled);
    EXPECT_FALSE(source.enabled);
}

TEST_F(SourceStoreTest, NeedingCredentialsIsWhatListsShowUntilAPollSucceeds)
{
    ASSERT_TRUE(recordPoll({.sourceId = sourceId, .polledAt = 100, .nextPollAt = 400, .error = "HTTP 401",
                            .needsCredentials = true}));
    Source source = current();
    EXPECT_EQ(source.state, SourceState::Failing) << "stored as failing, with the flag beside it";
    EXPECT_EQ(source.shownState(), SourceState::NeedsCredentials);
    EXPECT_EQ(source.displayState(), "needs credentials");

    ASSERT_TRUE(recordPoll({.sourceId = sourceId, .polledAt = 500, .nextPollAt = 800, .succeeded = true}));
    EXPECT_EQ(current().shownState(), SourceState::Ok);
    EXPECT_FALSE(current().needsCredentials);
}

TEST_F(SourceStoreTest, APollOfASourceThatDoesNotExistIsAnError)
{
    EXPECT_FALSE(recordPoll({.sourceId = sourceId + 100, .polledAt = 100, .nextPollAt = 400, .succeeded = true}));
}

TEST_F(SourceStoreTest, FindsBySourceIdUrlOrNameAndSaysWhenANameIsAmbiguous)
{
    ASSERT_TRUE(add({.name = "Example", .url = "https://example.org/other.xml"}));
    auto session = reader();
    EXPECT_EQ(session->sources().find(std::to_string(sourceId)).value().url, "https://example.org/feed.xml");
    EXPECT_EQ(session->sources().find("https://example.org/other.xml").value().name, "Example");
    auto ambiguous = session->sources().find("Example");
    ASSERT_FALSE(ambiguous);
    EXPECT_NE(ambiguous.message().find("names several sources"), std::string::npos) << ambiguous.message();
    EXPECT_FALSE(session->sources().find("nothing like it"));
}

TEST_F(SourceStoreTest, PostponingNeverBringsAPollForward)
{
    ASSERT_TRUE(recordPoll({.sourceId = sourceId, .polledAt = 100, .nextPollAt = 400, .succeeded = true}));
    ASSERT_TRUE(write([&](SourceStore& sources) { return sources.postpone(sourceId, 300); }));
    EXPECT_EQ(current().nextPollAt, 400);
    ASSERT_TRUE(write([&](SourceStore& sources) { return sources.postpone(sourceId, 900); }));
    EXPECT_EQ(current().nextPollAt, 900);
    EXPECT_EQ(current().errorCount, 0);
}

TEST(WordsTest, SplitsCommaSeparatedWords)
{
    EXPECT_EQ(core::splitWords(" acme , acme corp,,"), (std::vector<std::string>{"acme", "acme corp"}));
    EXPECT_TRUE(core::splitWords("").empty());
    EXPECT_EQ(core::joinWords({"acme", "acme corp"}), "acme, acme corp");
}

}  // namespace
