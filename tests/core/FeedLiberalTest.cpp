// Liberal and safe parsing: ill-formed XML recovered, links made absolute, hostile
// documents kept harmless.
#include <gtest/gtest.h>

#include <chrono>

#include "earshot/feeds/FeedParser.h"

using namespace earshot::feeds;

namespace {

Feed parseOk(std::string_view bytes, const std::string& url = {})
{
    ParseOptions options;
    options.documentUrl = url;
    auto feed = parseFeed(bytes, options);
    EXPECT_TRUE(feed.ok()) << (feed.ok() ? "" : feed.message());
    return feed.ok() ? *feed : Feed{};
}

}  // namespace

TEST(FeedLiberal, XmlBaseResolvesLinksAtEachLevel)
{
    const Feed feed = parseOk(R"(<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.org/blog/">
<link href="index.html"/>
<entry xml:base="2024/">
  <link href="post.html"/>
  <content type="html" xml:base="http://cdn.example.net/c/">&lt;a href="img/x"&gt;pic&lt;/a&gt;</content>
</entry></feed>)",
                              "http://ignored.example/feed");
    EXPECT_EQ(feed.link, "http://example.org/blog/index.html");
    ASSERT_EQ(feed.entries.size(), 1u);
    EXPECT_EQ(feed.entries[0].link, "http://example.org/blog/2024/post.html");
    EXPECT_EQ(feed.entries[0].htmlLinks, std::vector<std::string>{"http://cdn.example.net/c/img/x"});
}

TEST(FeedLiberal, RelativeLinksResolveAgainstDocumentUrl)
{
    const Feed feed = parseOk(R"(<rss version="2.0"><channel><link>/</link>
<item><link>posts/1</link><description>&lt;a href="../about"&gt;about&lt;/a&gt;</description></item>
</channel></rss>)",
                              "https://example.com/feeds/main.xml");
    EXPECT_EQ(feed.link, "https://example.com/");
    ASSERT_EQ(feed.entries.size(), 1u);
    EXPECT_EQ(feed.entries[0].link, "https://example.com/feeds/posts/1");
    EXPECT_EQ(feed.entries[0].htmlLinks, std::vector<std::string>{"https://example.com/about"});
}

TEST(FeedLiberal, IllFormedXmlIsRecovered)
{
    // Bare ampersands, an undefined entity, a mismatched tag and a missing end.
    const Feed feed = parseOk(R"(<rss version="2.0"><channel><title>Tom & Jerry &mdash; &bogus;</title>
<item><title>One</title><link>http://example.com/?a=1&b=2</link><description>x <b>bold</i></description></item>
<item><title>Two</title></item>)");
    EXPECT_EQ(feed.title, "Tom & Jerry \u2014 &bogus;");
    ASSERT_GE(feed.entries.size(), 1u);
    EXPECT_EQ(feed.entries[0].title, "One");
    EXPECT_EQ(feed.entries[0].link, "http://example.com/?a=1&b=2");
}

TEST(FeedLiberal, BillionLaughsStaysBounded)
{
    std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n";
    xml += "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n";
    for (int i = 2; i <= 9; ++i) {
        xml += "<!ENTITY lol" + std::to_string(i) + " \"";
        for (int j = 0; j < 10; ++j)
            xml += "&lol" + std::to_string(i - 1) + ";";
        xml += "\">\n";
    }
    xml += "]>\n<rss version=\"2.0\"><channel><title>&lol9;</title><item><title>after</title></item></channel></rss>";
    const auto start = std::chrono::steady_clock::now();
    auto feed = parseFeed(xml);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    // Either refused or parsed with the expansion cut short: never 3 GB of "lol".
    if (feed.ok())
        EXPECT_LT(feed->title.size(), 2u * 1024 * 1024);
    EXPECT_LT(elapsed, std::chrono::seconds(10));
}

TEST(FeedLiberal, InternalEntitiesStillExpand)
{
    const Feed feed = parseOk(R"(<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY co "Example Co">]>
<rss version="2.0"><channel><title>&co; news</title></channel></rss>)");
    EXPECT_EQ(feed.title, "Example Co news");
}

TEST(FeedLiberal, ExternalEntityIsNeverFetched)
{
    const std::string xml = R"(<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>
<rss version="2.0"><channel><title>x&xxe;y</title><item><title>&xxe;</title></item></channel></rss>)";
    auto feed = parseFeed(xml);
    if (feed.ok()) {
        const std::string json = feedToJson(*feed);
        EXPECT_EQ(json.find("root:"), std::string::npos);
        EXPECT_EQ(feed->title.find("root"), std::string::npos);
    }
}

TEST(FeedLiberal, OversizedInputIsRejected)
{
    ParseOptions options;
    options.maxBytes = 1024;
    const std::string big = "<rss version=\"2.0\"><channel><title>" + std::string(2048, 'x') + "</title></channel></rss>";
    auto feed = parseFeed(big, options);
    ASSERT_FALSE(feed.ok());
    EXPECT_NE(feed.message().find("limit"), std::string::npos);
}

TEST(FeedLiberal, UndeclaredNamespacePrefixesStillMap)
{
    const Feed feed = parseOk(R"(<rss version="2.0"><channel><item><title>t</title>
<dc:creator>Undeclared Prefix</dc:creator></item></channel></rss>)");
    ASSERT_EQ(feed.entries.size(), 1u);
    EXPECT_EQ(feed.entries[0].author, "Undeclared Prefix");
}

TEST(FeedLiberal, RssAuthorKeepsNameElseEmail)
{
    const Feed feed = parseOk(R"(<rss version="2.0"><channel>
<item><author>jane@example.com (Jane Doe)</author></item>
<item><author>Joe Bloggs &lt;joe@example.com&gt;</author></item>
<item><author>only@example.com</author></item></channel></rss>)");
    ASSERT_EQ(feed.entries.size(), 3u);
    EXPECT_EQ(feed.entries[0].author, "Jane Doe");
    EXPECT_EQ(feed.entries[1].author, "Joe Bloggs");
    EXPECT_EQ(feed.entries[2].author, "only@example.com");
}

TEST(FeedLiberal, ItemsOutsideTheChannelAreFound)
{
    const Feed feed = parseOk(R"(<rss version="2.0"><channel><title>c</title></channel>
<item><title>stray</title></item></rss>)");
    ASSERT_EQ(feed.entries.size(), 1u);
    EXPECT_EQ(feed.entries[0].title, "stray");
}
