// Changing a source from the console: name, interval, words and on/off, and what that
// does to its polling state.
#include <gtest/gtest.h>

#include <optional>

#include "TempWorkspace.h"
#include "store/sqlite/Schema.h"
#include "earshot/store/Sources.h"

using namespace earshot;
using namespace earshot::store;

namespace {

class SourcesUpdateTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto opened = openWorkspace(workspace.dbPath());
        ASSERT_TRUE(opened) << opened.message();
        db.emplace(std::move(*opened));
        auto id = SourceRepository(*db).add(
            {.name = "Forum", .url = "https://forum.example/latest.rss", .includeWords = {"verskist"}});
        ASSERT_TRUE(id) << id.message();
        sourceId = *id;
        // As after a successful poll that got validators.
        ASSERT_TRUE(SourceRepository(*db).recordPoll({.sourceId = sourceId, .polledAt = 100, .nextPollAt = 400,
                                                     .succeeded = true, .etag = "\"v1\"", .lastModified = "Mon"}));
    }

    Source current() { return SourceRepository(*db).byId(sourceId).value(); }

    test::TempWorkspace workspace;
    std::optional<Database> db;
    std::int64_t sourceId = 0;
};

TEST_F(SourcesUpdateTest, WritesNameIntervalAndWords)
{
    Source source = current();
    source.name = "Community forum";
    source.intervalSeconds = 900;
    source.includeWords = {"verskist", "vers kist"};
    source.excludeWords = {"vacature"};
    ASSERT_TRUE(SourceRepository(*db).update(source));

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
    ASSERT_TRUE(SourceRepository(*db).update(source));
    EXPECT_EQ(current().etag, "");
    EXPECT_EQ(current().lastModified, "");
}

TEST_F(SourcesUpdateTest, SameWordsKeepTheValidators)
{
    Source source = current();
    source.intervalSeconds = 600;
    ASSERT_TRUE(SourceRepository(*db).update(source));
    EXPECT_EQ(current().etag, "\"v1\"");
    EXPECT_EQ(current().lastModified, "Mon");
    EXPECT_EQ(current().nextPollAt, 400);
}

TEST_F(SourcesUpdateTest, AnEmptyNameKeepsTheOldOne)
{
    Source source = current();
    source.name.clear();
    ASSERT_TRUE(SourceRepository(*db).update(source));
    EXPECT_EQ(current().name, "Forum");
}

TEST_F(SourcesUpdateTest, SwitchingOnAgainMakesTheSourceDueAtOnce)
{
    Source source = current();
    source.enabled = false;
    ASSERT_TRUE(SourceRepository(*db).update(source));
    EXPECT_FALSE(current().enabled);
    EXPECT_EQ(current().nextPollAt, 400);

    source.enabled = true;
    ASSERT_TRUE(SourceRepository(*db).update(source));
    EXPECT_TRUE(current().enabled);
    EXPECT_EQ(current().state, "new");
    EXPECT_EQ(current().nextPollAt, 0);
}

TEST_F(SourcesUpdateTest, TooShortAnIntervalIsRefusedWithAReason)
{
    Source source = current();
    source.intervalSeconds = 5;
    auto done = SourceRepository(*db).update(source);
    ASSERT_FALSE(done);
    EXPECT_EQ(done.message(), "the interval must be at least 30 seconds");
    EXPECT_EQ(current().intervalSeconds, 300);
}

TEST_F(SourcesUpdateTest, ARemovedSourceCannotBeChanged)
{
    ASSERT_TRUE(SourceRepository(*db).remove(sourceId));
    Source source = current();
    source.name = "Back";
    EXPECT_FALSE(SourceRepository(*db).update(source));
    EXPECT_EQ(current().name, "Forum");
}

}  // namespace
