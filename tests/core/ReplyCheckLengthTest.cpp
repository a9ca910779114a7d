// Reply lengths as the platforms count them: graphemes, weighted characters, links as 23.
#include <gtest/gtest.h>

#include <string>

#include "earshot/checks/Graphemes.h"
#include "earshot/checks/LengthLimit.h"
#include "earshot/checks/ReplyCheck.h"

using namespace earshot::checks;

namespace {

std::string repeat(std::string_view piece, std::size_t times)
{
    std::string out;
    for (std::size_t i = 0; i < times; ++i)
        out += piece;
    return out;
}

std::size_t countOn(std::string_view platform, std::string_view text)
{
    return countForPlatform(text, *lengthRuleFor(platform)).count;
}

}  // namespace

TEST(GraphemeTest, CountsUserPerceivedCharacters)
{
    EXPECT_EQ(countGraphemes(""), 0u);
    EXPECT_EQ(countGraphemes("abc"), 3u);
    EXPECT_EQ(countGraphemes("caf\xC3\xA9"), 4u);                     // é precomposed
    EXPECT_EQ(countGraphemes("e\xCC\x81"), 1u);                       // e + combining acute
    EXPECT_EQ(countGraphemes("\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7"), 1u);  // 👩‍👩‍👧
    EXPECT_EQ(countGraphemes("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD"), 1u);  // 👍🏽 thumbs up, skin tone
    EXPECT_EQ(countGraphemes("\xF0\x9F\x87\xB3\xF0\x9F\x87\xB1"), 1u);  // 🇳🇱
    EXPECT_EQ(countGraphemes("\xF0\x9F\x87\xB3\xF0\x9F\x87\xB1\xF0\x9F\x87\xA7"), 2u);  // 🇳🇱 + a lone indicator
    EXPECT_EQ(countGraphemes("1\xEF\xB8\x8F\xE2\x83\xA3"), 1u);       // 1️⃣ keycap
    EXPECT_EQ(countGraphemes("\xE2\x9D\xA4\xEF\xB8\x8F"), 1u);        // ❤️ with variation selector
    EXPECT_EQ(countGraphemes("\r\n"), 1u);
    EXPECT_EQ(countGraphemes("\xFF\xFE"), 2u);                        // malformed bytes count one each
}

TEST(GraphemeTest, CountsCodePointsAndUtf16Offsets)
{
    EXPECT_EQ(countCodePoints("e\xCC\x81"), 2u);
    EXPECT_EQ(countCodePoints("\xF0\x9F\x91\x8D"), 1u);
    EXPECT_EQ(utf16Offset("\xF0\x9F\x91\x8D" "a", 4), 2u);            // the emoji takes two UTF-16 units
    EXPECT_EQ(utf16Offset("\xC3\xA9" "a", 2), 1u);
}

TEST(LengthLimitTest, KnowsEachPlatformsLimit)
{
    EXPECT_EQ(lengthRuleFor("mastodon")->limit, 500u);
    EXPECT_EQ(lengthRuleFor("Bluesky")->limit, 300u);
    EXPECT_EQ(lengthRuleFor("x")->limit, 280u);
    EXPECT_EQ(lengthRuleFor("twitter")->limit, 280u);
    EXPECT_EQ(lengthRuleFor("discourse")->limit, 32000u);
    EXPECT_FALSE(lengthRuleFor("feed"));
    EXPECT_FALSE(lengthRuleFor("feed:example.org"));
    EXPECT_EQ(lengthRuleFor("mastodon", 1000)->limit, 1000u);
    EXPECT_EQ(lengthRuleFor("feed", 140)->limit, 140u);
}

TEST(LengthLimitTest, BlueskyCountsGraphemesNotBytes)
{
    const std::string family = "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7";
    EXPECT_EQ(countOn("bluesky", repeat(family, 300)), 300u);
    EXPECT_EQ(countOn("bluesky", repeat("e\xCC\x81", 10)), 10u);
    EXPECT_TRUE(checkReply(repeat(family, 300), {.platform = "bluesky"}).empty());
    const auto findings = checkReply(repeat(family, 301), {.platform = "bluesky"});
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].id, "length");
    EXPECT_EQ(findings[0].message, "The reply is 301 characters; Bluesky allows 300. Shorten it by 1.");
    ASSERT_TRUE(findings[0].span);
    EXPECT_EQ(findings[0].span->offset, 300 * family.size());        // the excess is highlighted
    EXPECT_EQ(findings[0].span->length, family.size());
}

TEST(LengthLimitTest, MastodonCountsLinksAs23AndRemoteMentionsByUserName)
{
    const std::string link = "https://example.org/" + repeat("a", 100);
    EXPECT_EQ(countOn("mastodon", link), 23u);
    EXPECT_EQ(countOn("mastodon", "zie " + link + "."), 4u + 23u + 1u);
    EXPECT_EQ(countOn("mastodon", "@anna@mastodon.social hoi"), 5u + 4u);
    EXPECT_EQ(countOn("mastodon", "mail anna@mastodon.social"), 25u);   // an address, not a mention
    EXPECT_TRUE(checkReply(repeat("a", 500), {.platform = "mastodon"}).empty());
    EXPECT_EQ(checkReply(repeat("a", 501), {.platform = "mastodon"}).size(), 1u);
    EXPECT_TRUE(checkReply(repeat("a", 501), {.platform = "mastodon", .lengthLimit = 1000}).empty());
}

TEST(LengthLimitTest, XWeighsEmojiAndCjkDouble)
{
    EXPECT_EQ(countOn("x", "hallo"), 5u);
    EXPECT_EQ(countOn("x", "\xE6\x97\xA5\xE6\x9C\xAC"), 4u);          // 日本
    EXPECT_EQ(countOn("x", "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7"), 2u);
    EXPECT_EQ(countOn("x", "https://example.org/very/long/path/indeed/that/goes/on"), 23u);
    EXPECT_EQ(checkReply(repeat("\xE6\x97\xA5", 141), {.platform = "x"}).size(), 1u);
    EXPECT_TRUE(checkReply(repeat("\xE6\x97\xA5", 140), {.platform = "x"}).empty());
}

TEST(LengthLimitTest, FeedsAndUnknownPlatformsHaveNoLimit)
{
    EXPECT_TRUE(checkReply(repeat("a", 100000), {.platform = "feed"}).empty());
    EXPECT_TRUE(checkReply(repeat("a", 100000), {}).empty());
    EXPECT_EQ(checkReply(repeat("a", 32001), {.platform = "discourse"}).size(), 1u);
}
