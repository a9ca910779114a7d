#include <gtest/gtest.h>

#include "earshot/engine/KeywordFilter.h"

using earshot::engine::KeywordFilter;

TEST(KeywordFilterTest, WithoutWordsEverythingPasses)
{
    EXPECT_TRUE(KeywordFilter({}, {}).accepts("anything at all"));
}

TEST(KeywordFilterTest, IncludeAnyOfIgnoringCaseAndAccents)
{
    KeywordFilter filter({"Acme", "crème brûlée"}, {});
    EXPECT_TRUE(filter.accepts("Why is ACME so slow today?"));
    EXPECT_TRUE(filter.accepts("de CREME BRULEE van gisteren"));
    EXPECT_FALSE(filter.accepts("nothing about the brand"));
}

TEST(KeywordFilterTest, DecomposedAccentsAndLigaturesMatchTheirPlainLetters)
{
    KeywordFilter filter({"Straße", "ijsbaan"}, {"cre\u0301me"});   // "crème" typed with a combining accent
    EXPECT_TRUE(filter.accepts("Stau in der STRASSE"));
    EXPECT_TRUE(filter.accepts("de ĳsbaan is open"));
    EXPECT_FALSE(filter.accepts("strasse, maar ook crème"));
}

TEST(KeywordFilterTest, AWordThatFoldsToNothingIsIgnored)
{
    // A lone combining accent would otherwise be an empty word that matches everything.
    KeywordFilter filter({}, {"spam", "\u0301"});
    EXPECT_TRUE(filter.accepts("a question about the brand"));
    EXPECT_FALSE(filter.accepts("pure spam"));
}

TEST(KeywordFilterTest, MatchesWholeWordsOnly)
{
    KeywordFilter filter({"acme"}, {});
    EXPECT_FALSE(filter.accepts("acmefoods is a different company"));
    EXPECT_TRUE(filter.accepts("love #acme!"));
    EXPECT_TRUE(filter.accepts("acme."));
}

TEST(KeywordFilterTest, ExcludeWinsOverInclude)
{
    KeywordFilter filter({"acme"}, {"vacature", "job offer"});
    EXPECT_TRUE(filter.accepts("acme app crashes"));
    EXPECT_FALSE(filter.accepts("Acme zoekt: VACATURE webcare"));
    EXPECT_FALSE(filter.accepts("acme job offer in Utrecht"));
}

TEST(KeywordFilterTest, ExcludeOnlyKeepsTheRest)
{
    KeywordFilter filter({}, {"spam"});
    EXPECT_TRUE(filter.accepts("a real question"));
    EXPECT_FALSE(filter.accepts("Spam spam"));
}
