// RFC 3986 reference resolution (section 5.4's examples) and the cases feeds produce.
#include <gtest/gtest.h>

#include "earshot/feeds/UrlResolver.h"

using earshot::feeds::UrlResolver;

TEST(UrlResolver, Rfc3986NormalExamples)
{
    const std::string base = "http://a/b/c/d;p?q";
    EXPECT_EQ(UrlResolver::resolve(base, "g:h"), "g:h");
    EXPECT_EQ(UrlResolver::resolve(base, "g"), "http://a/b/c/g");
    EXPECT_EQ(UrlResolver::resolve(base, "./g"), "http://a/b/c/g");
    EXPECT_EQ(UrlResolver::resolve(base, "g/"), "http://a/b/c/g/");
    EXPECT_EQ(UrlResolver::resolve(base, "/g"), "http://a/g");
    EXPECT_EQ(UrlResolver::resolve(base, "//g"), "http://g");
    EXPECT_EQ(UrlResolver::resolve(base, "?y"), "http://a/b/c/d;p?y");
    EXPECT_EQ(UrlResolver::resolve(base, "g?y"), "http://a/b/c/g?y");
    EXPECT_EQ(UrlResolver::resolve(base, "#s"), "http://a/b/c/d;p?q#s");
    EXPECT_EQ(UrlResolver::resolve(base, ""), "http://a/b/c/d;p?q");
    EXPECT_EQ(UrlResolver::resolve(base, "."), "http://a/b/c/");
    EXPECT_EQ(UrlResolver::resolve(base, ".."), "http://a/b/");
    EXPECT_EQ(UrlResolver::resolve(base, "../g"), "http://a/b/g");
    EXPECT_EQ(UrlResolver::resolve(base, "../.."), "http://a/");
    EXPECT_EQ(UrlResolver::resolve(base, "../../g"), "http://a/g");
}

TEST(UrlResolver, Rfc3986AbnormalExamples)
{
    const std::string base = "http://a/b/c/d;p?q";
    EXPECT_EQ(UrlResolver::resolve(base, "../../../g"), "http://a/g");
    EXPECT_EQ(UrlResolver::resolve(base, "/./g"), "http://a/g");
    EXPECT_EQ(UrlResolver::resolve(base, "/../g"), "http://a/g");
    EXPECT_EQ(UrlResolver::resolve(base, "g."), "http://a/b/c/g.");
    EXPECT_EQ(UrlResolver::resolve(base, "./g/."), "http://a/b/c/g/");
    EXPECT_EQ(UrlResolver::resolve(base, "g/../h"), "http://a/b/c/h");
}

TEST(UrlResolver, EmptyBaseKeepsReference)
{
    EXPECT_EQ(UrlResolver::resolve("", " /relative "), "/relative");
    EXPECT_EQ(UrlResolver::resolve("http://example.com", "page"), "http://example.com/page");
}
