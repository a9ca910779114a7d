// HTML snippets folded into the plain text a reader sees.
#include <gtest/gtest.h>

#include "earshot/feeds/HtmlText.h"

using earshot::feeds::HtmlText;

TEST(HtmlText, TagsDroppedAndWhitespaceCollapsed)
{
    EXPECT_EQ(HtmlText::toPlainText("  <p>Hello,\n\n <b>world</b>!</p>  "), "Hello, world!");
}

TEST(HtmlText, BlockTagsSeparateWords)
{
    EXPECT_EQ(HtmlText::toPlainText("one<br>two<p>three</p><div>four</div><li>five"), "one two three four five");
    EXPECT_EQ(HtmlText::toPlainText("in<b>line</b>"), "inline");
}

TEST(HtmlText, ScriptStyleAndFriendsDropTheirBodies)
{
    EXPECT_EQ(HtmlText::toPlainText("a<script>alert('<b>x</b>')</script>b"), "ab");
    EXPECT_EQ(HtmlText::toPlainText("a<STYLE type=text/css>p{color:red}</STYLE>b"), "ab");
    EXPECT_EQ(HtmlText::toPlainText("a<iframe src=x>frame text</iframe>b"), "ab");
    EXPECT_EQ(HtmlText::toPlainText("a<noscript>enable js</noscript>b"), "ab");
    EXPECT_EQ(HtmlText::toPlainText("a<object><embed src=x>fallback</object>b"), "ab");
    EXPECT_EQ(HtmlText::toPlainText("a<template><p>t</p></template><applet>j</applet>b"), "ab");
    EXPECT_EQ(HtmlText::toPlainText("safe<script>never closed"), "safe");
}

TEST(HtmlText, EntitiesDecoded)
{
    EXPECT_EQ(HtmlText::toPlainText("caf&eacute; &amp; &lt;tag&gt; &#8364; &#x20AC; &hellip;"),
              "caf\u00e9 & <tag> \u20ac \u20ac \u2026");
    EXPECT_EQ(HtmlText::toPlainText("&copy 2024 AT&T &unknown;"), "\u00a9 2024 AT&T &unknown;");
    EXPECT_EQ(HtmlText::toPlainText("it&#146;s"), "it\u2019s");
}

TEST(HtmlText, CommentsAndDeclarationsDropped)
{
    EXPECT_EQ(HtmlText::toPlainText("<!DOCTYPE html>a<!-- hidden <b>x</b> -->b"), "ab");
    EXPECT_EQ(HtmlText::toPlainText("safe<!-- never closed"), "safe");
}

TEST(HtmlText, StrayAngleBracketsAreText)
{
    EXPECT_EQ(HtmlText::toPlainText("1 < 2 and 3 > 2"), "1 < 2 and 3 > 2");
    EXPECT_EQ(HtmlText::toPlainText("<b>bold"), "bold");
}

TEST(HtmlText, QuotedGreaterThanDoesNotEndTag)
{
    EXPECT_EQ(HtmlText::toPlainText("<img alt=\"a > b\">text"), "text");
}

TEST(HtmlText, LinksCollected)
{
    std::vector<std::string> hrefs;
    const std::string text = HtmlText::toPlainText(
        "<a href=\"/one?a=1&amp;b=2\">one</a> <A HREF='http://x/two'>two</A> <img src=\"i.png\">"
        "<script><a href=\"http://evil/\"></a></script>",
        hrefs);
    EXPECT_EQ(text, "one two");
    ASSERT_EQ(hrefs.size(), 2u);
    EXPECT_EQ(hrefs[0], "/one?a=1&b=2");
    EXPECT_EQ(hrefs[1], "http://x/two");
}
