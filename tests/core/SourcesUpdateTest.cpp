// Changing a source from the console: name, interval, words and on/off, and what that
// does to its polling state.
#include <gtest/gtest.h>

#include <functional>

#include "TempWorkspace.h"
#include "earshot/store/Session.h"
#include "earshot/store/SourceStore.h"
#include "earshot/store/Workspace.h"

using namespace earshot;
using namespace earshot::store;

namespace {

class SourcesUpdateTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(write([&](SourceStore& sources) -> Status {
            auto id = sources.add({.name = "Forum", .url = "https://forum.example/latest.rss", .includeWords = {"verskist"}});
            if (!id)
                return id.error();
            sourceId = *id;
            // As after a successful poll that got validators.
            return sources.recordPoll({.sourceId = sourceId, .polledAt = 100, .nextPollAt = 400, .succeeded = true,
                                       .etag = "\"v1\"", .lastModified = "Mon"});
        }));
    }

    // Through the workspace's one writer, as the CLI and the console write.
    Status write(const std::function<Status(SourceStore&)>& work)
    {
        return workspace.open().writer().run([&](Session& session) { return work(session.sources()); });
    }
    Status update(const Source& source)
    {
        return write([&](SourceStore& sources) { return sources.update(source); });
    }

    Source current() { return workspace.source(sourceId); }

    test::TempWorkspace workspace;
    std::int64_t sourceId = 0;
};

TEST_F(SourcesUpdateTest, WritesNameIntervalAndWords)
{
    Source source = current();
    source.name = "Community forum";
    source.intervalSeconds = 900;
    source.includeWords = {"verskist", "vers kist"};
    source.excludeWords = {"vacature"};
    ASSERT_TRUE(update(source));

    const Source after = current();
    EXPECT_EQ(after.name, "Community forum");
    EXPECT_EQ(after.intervalSeconds, 900);
    EXPECT_EQ(after.includeWords, (std::vector<std::string>{"verskist", "vers kist"}));
    EXPECT_EQ(after.excludeWords, std::vector<std::string>{"vacature"});
    EXPECT_EQ(after.url, "https://forum.example/latest.rss");
}

TEST_F(SourcesUpdateTest, NewWordsForgetTheValidatorsSoTheWholeFeedIsReadAgain)
{
    Source source = current();
    source.excludeWords = {"vacature"};
    ASSERT_TRUE(update(source));
    EXPECT_EQ(current().etag, "");
    EXPECT_EQ(current().lastModified, "");
}

TEST_F(SourcesUpdateTest, SameWordsKeepTheValidators)
{
    Source source = current();
    source.intervalSeconds = 600;
    ASSERT_TRUE(update(source));
    EXPECT_EQ(current().etag, "\"v1\"");
    EXPECT_EQ(current().lastModified, "Mon");
    EXPECT_EQ(current().nextPollAt, 400);
}

TEST_F(SourcesUpdateTest, AnEmptyNameKeepsTheOldOne)
{
    Source source = current();
    source.name.clear();
    ASSERT_TRUE(update(source));
    EXPECT_EQ(current().name, "Forum");
}

TEST_F(SourcesUpdateTest, SwitchingOnAgainMakesTheSourceDueAtOnce)
{
    Source source = current();
    source.enabled = false;
    ASSERT_TRUE(update(source));
    EXPECT_FALSE(current().enabled);
    EXPECT_EQ(current().nextPollAt, 400);

    source.enabled = true;
    ASSERT_TRUE(update(source));
    EXPECT_TRUE(current().enabled);
    EXPECT_EQ(current().state, domain::SourceState::New);
    EXPECT_EQ(current().nextPollAt, 0);
}

TEST_F(SourcesUpdateTest, TooShortAnIntervalIsRefusedWithAReason)
{
    Source source = current();
    source.intervalSeconds = 5;
    auto done = update(source);
    ASSERT_FALSE(done);
    EXPECT_EQ(done.message(), "the interval must be at least 30 seconds");
    EXPECT_EQ(current().intervalSeconds, 300);
}

TEST_F(SourcesUpdateTest, ARemovedSourceCannotBeChanged)
{
    ASSERT_TRUE(write([&](SourceStore& sources) { return sources.remove(sourceId); }));
    Source source = current();
    source.name = "Back";
    EXPECT_FALSE(update(source));
    EXPECT_EQ(current().name, "Forum");
}

}  // namespace
