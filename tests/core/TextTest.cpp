#include <gtest/gtest.h>

#include "earshot/core/Opml.h"
#include "earshot/core/Text.h"

using namespace earshot::core;

TEST(TextTest, FoldsCaseAndLatinAccents)
{
    EXPECT_EQ(foldForMatching("Café ÉCLAIR Ærø Straße"), "cafe eclair aero strasse");
    // Decomposed accents (e + U+0301) fold like precomposed ones; Dutch ĳ is i + j.
    EXPECT_EQ(foldForMatching("Cafe\u0301 RE\u0301SUME\u0301"), "cafe resume");
    EXPECT_EQ(foldForMatching("Ĳsselmeer ĳs Œuvre"), "ijsselmeer ijs oeuvre");
    EXPECT_EQ(foldForMatching("Łódź"), "lodz");
    EXPECT_EQ(foldForMatching("日本"), "日本");
}

TEST(TextTest, TruncatesWithoutCuttingACharacter)
{
    EXPECT_EQ(truncateUtf8("short", 10), "short");
    EXPECT_EQ(truncateUtf8("éééé", 7), "éé…");
    EXPECT_EQ(truncateUtf8("éééé", 6), "é…") << "never half a character";
    EXPECT_EQ(truncateUtf8("abcdefgh", 6), "abc…");
    EXPECT_LE(truncateUtf8(std::string(500, 'x'), 200).size(), 200u);
}

TEST(TextTest, FormatsUtc)
{
    EXPECT_EQ(formatUtc(0), "1970-01-01T00:00:00Z");
    EXPECT_EQ(formatUtc(1795348800), "2026-11-22T12:00:00Z");
}

TEST(OpmlTest, ReadsNestedOutlinesAndWritesThemBack)
{
    const std::string opml = R"(<?xml version="1.0"?><opml version="2.0"><head/><body>
        <outline text="Folder"><outline text="One &amp; Two" xmlUrl="https://a.example/feed"/></outline>
        <outline title="Three" xmlUrl="https://b.example/rss" htmlUrl="https://b.example/"/>
        <outline text="no feed here"/></body></opml>)";
    auto outlines = parseOpml(opml);
    ASSERT_TRUE(outlines) << outlines.message();
    ASSERT_EQ(outlines->size(), 2u);
    EXPECT_EQ((*outlines)[0].title, "One & Two");
    EXPECT_EQ((*outlines)[1].xmlUrl, "https://b.example/rss");
    auto again = parseOpml(writeOpml("mine", *outlines));
    ASSERT_TRUE(again);
    ASSERT_EQ(again->size(), 2u);
    EXPECT_EQ((*again)[0].title, "One & Two");
}

TEST(OpmlTest, RejectsSomethingElse)
{
    auto result = parseOpml("<rss><channel/></rss>");
    ASSERT_FALSE(result);
    EXPECT_NE(result.message().find("not an OPML"), std::string::npos);
}
