// The nesting guard in front of every JSON parse of remote data: it counts arrays and
// objects, not brackets inside strings, and lets every realistic document through.
#include <gtest/gtest.h>

#include <string>

#include "earshot/feeds/JsonNesting.h"

using earshot::feeds::jsonNestsDeeperThan;

TEST(JsonNesting, CountsArraysAndObjectsTogether)
{
    EXPECT_FALSE(jsonNestsDeeperThan(R"({"a": [{"b": [1]}]})", 4));
    EXPECT_TRUE(jsonNestsDeeperThan(R"({"a": [{"b": [[1]]}]})", 4));
}

TEST(JsonNesting, SiblingsDoNotAddUp)
{
    std::string wide = "[";
    for (int i = 0; i < 10000; ++i)
        wide += "[1],";
    wide += "[1]]";
    EXPECT_FALSE(jsonNestsDeeperThan(wide, 2));
}

TEST(JsonNesting, BracketsInsideStringsDoNotCount)
{
    EXPECT_FALSE(jsonNestsDeeperThan(R"({"title": "[[[[[[{{{{{{"})", 1));
    // An escaped quote does not end the string; an escaped backslash before a quote does.
    EXPECT_FALSE(jsonNestsDeeperThan(R"(["say \"[[[[\" twice"])", 1));
    EXPECT_TRUE(jsonNestsDeeperThan(R"(["a\\", [[1]]])", 2));
}

TEST(JsonNesting, TheDefaultLimitLetsFeedsThroughAndStopsMillionsOfLevels)
{
    EXPECT_FALSE(jsonNestsDeeperThan(std::string(512, '[') + std::string(512, ']')));
    EXPECT_TRUE(jsonNestsDeeperThan(std::string(513, '[') + std::string(513, ']')));
    EXPECT_TRUE(jsonNestsDeeperThan(std::string(2'000'000, '[')));
}
