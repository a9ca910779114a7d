// Each feed format is recognised from its content and mapped onto Feed.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "earshot/feeds/DateParser.h"
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

std::string utc(const std::optional<UnixTime>& time)
{
    return time ? DateParser::formatUtc(*time) : "none";
}

}  // namespace

TEST(FeedFormats, Rss20)
{
    const Feed feed = parseOk(R"(<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Example &amp; Co</title><link>http://example.com/</link>
  <description>All the &lt;b&gt;news&lt;/b&gt;</description><language>en-us</language>
  <managingEditor>editor@example.com (Ed Itor)</managingEditor>
  <lastBuildDate>Sat, 07 Sep 2002 09:42:31 GMT</lastBuildDate>
  <item>
    <title>First</title><link>http://example.com/1</link>
    <guid isPermaLink="false">tag:example.com,2002:1</guid>
    <description>&lt;p&gt;Summary&lt;/p&gt;</description>
    <content:encoded><![CDATA[<p>Full <a href="/more">text</a></p>]]></content:encoded>
    <dc:creator>Jane Doe</dc:creator>
    <pubDate>Sat, 07 Sep 2002 00:00:01 GMT</pubDate>
    <category>news</category><category>tech</category>
  </item>
</channel></rss>)",
                              "http://example.com/feed.xml");
    EXPECT_EQ(feed.format, "rss20");
    EXPECT_EQ(feed.title, "Example & Co");
    EXPECT_EQ(feed.subtitle, "All the news");
    EXPECT_EQ(feed.link, "http://example.com/");
    EXPECT_EQ(feed.language, "en-us");
    EXPECT_EQ(feed.author, "Ed Itor");
    EXPECT_EQ(utc(feed.updated), "2002-09-07T09:42:31Z");
    ASSERT_EQ(feed.entries.size(), 1u);
    const FeedEntry& e = feed.entries[0];
    EXPECT_EQ(e.id, "tag:example.com,2002:1");
    EXPECT_EQ(e.title, "First");
    EXPECT_EQ(e.link, "http://example.com/1");
    EXPECT_EQ(e.author, "Jane Doe");
    EXPECT_EQ(utc(e.published), "2002-09-07T00:00:01Z");
    EXPECT_EQ(e.summary, "Summary");
    EXPECT_EQ(e.content, "Full text");
    EXPECT_EQ(e.categories, (std::vector<std::string>{"news", "tech"}));
    EXPECT_EQ(e.htmlLinks, (std::vector<std::string>{"http://example.com/more"}));
}

TEST(FeedFormats, XhtmlKeepsTheSpacesBetweenInlineElements)
{
    // A space that is the whole text between two elements is still a word break (libxml2's
    // NOBLANKS would drop it and glue "Hello" to "world").
    const Feed feed = parseOk(R"(<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><id>1</id>
        <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><b>Hello</b> <i>world</i></div></title>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><span>one</span> <em>two</em></div></content>
        </entry></feed>)");
    ASSERT_EQ(feed.entries.size(), 1u);
    EXPECT_EQ(feed.entries[0].title, "Hello world");
    EXPECT_EQ(feed.entries[0].content, "one two");
}

TEST(FeedFormats, Rss091WithNetscapeDtdAndHtmlEntities)
{
    const Feed feed = parseOk(R"(<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Caf&eacute;&nbsp;news</title>
<item><title>One</title><link>http://example.com/1</link></item></channel></rss>)");
    EXPECT_EQ(feed.format, "rss09x");
    EXPECT_EQ(feed.title, "Caf\u00e9\u00a0news");
    ASSERT_EQ(feed.entries.size(), 1u);
    EXPECT_EQ(feed.entries[0].link, "http://example.com/1");
    EXPECT_EQ(feed.entries[0].id, "");  // no guid: the caller hashes
}

TEST(FeedFormats, GuidPermalinkBecomesLinkWhenThereIsNone)
{
    const Feed feed = parseOk(R"(<rss version="2.0"><channel><item>
<guid>http://example.com/p/1</guid></item></channel></rss>)");
    ASSERT_EQ(feed.entries.size(), 1u);
    EXPECT_EQ(feed.entries[0].id, "http://example.com/p/1");
    EXPECT_EQ(feed.entries[0].link, "http://example.com/p/1");
}

TEST(FeedFormats, Rss10Rdf)
{
    const Feed feed = parseOk(R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="http://example.com/"><title>RDF feed</title><link>http://example.com/</link>
    <description>desc</description><dc:language>fr</dc:language></channel>
  <item rdf:about="http://example.com/1"><title>Item</title><link>http://example.com/1</link>
    <dc:date>2002-09-07T00:00:01+02:00</dc:date><dc:subject>cat</dc:subject></item>
</rdf:RDF>)");
    EXPECT_EQ(feed.format, "rss10");
    EXPECT_EQ(feed.title, "RDF feed");
    EXPECT_EQ(feed.language, "fr");
    ASSERT_EQ(feed.entries.size(), 1u);
    EXPECT_EQ(feed.entries[0].id, "http://example.com/1");
    EXPECT_EQ(utc(feed.entries[0].updated), "2002-09-06T22:00:01Z");
    EXPECT_EQ(feed.entries[0].categories, std::vector<std::string>{"cat"});
}

TEST(FeedFormats, Atom10)
{
    const Feed feed = parseOk(R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0" xml:lang="en">
  <title type="text">Atom &lt;feed&gt;</title><subtitle type="html">&lt;i&gt;sub&lt;/i&gt;</subtitle>
  <link rel="self" href="http://example.org/feed.atom"/><link rel="alternate" type="text/html" href="http://example.org/"/>
  <updated>2003-12-13T18:30:02Z</updated><author><name>John Doe</name><email>john@example.org</email></author>
  <entry>
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Rich <b>title</b></div></title>
    <link href="http://example.org/2003/12/13/atom03"/><id>urn:uuid:1225c695</id>
    <published>2003-12-13T08:29:29-04:00</published><updated>2003-12-13T18:30:02Z</updated>
    <author><email>only@example.org</email><uri>/people/only</uri></author>
    <summary>Some text.</summary>
    <content type="html">&lt;p&gt;Body &lt;script&gt;evil()&lt;/script&gt;text&lt;/p&gt;</content>
    <category term="atom" label="Atom"/>
    <thr:in-reply-to ref="urn:uuid:parent" href="http://example.org/parent"/>
  </entry>
</feed>)",
                              "http://example.org/feed.atom");
    EXPECT_EQ(feed.format, "atom10");
    EXPECT_EQ(feed.title, "Atom <feed>");
    EXPECT_EQ(feed.subtitle, "sub");
    EXPECT_EQ(feed.link, "http://example.org/");
    EXPECT_EQ(feed.language, "en");
    EXPECT_EQ(feed.author, "John Doe");
    EXPECT_EQ(utc(feed.updated), "2003-12-13T18:30:02Z");
    ASSERT_EQ(feed.entries.size(), 1u);
    const FeedEntry& e = feed.entries[0];
    EXPECT_EQ(e.title, "Rich title");
    EXPECT_EQ(e.id, "urn:uuid:1225c695");
    EXPECT_EQ(e.link, "http://example.org/2003/12/13/atom03");
    EXPECT_EQ(utc(e.published), "2003-12-13T12:29:29Z");
    EXPECT_EQ(e.author, "only@example.org");
    EXPECT_EQ(e.authorUrl, "http://example.org/people/only");
    EXPECT_EQ(e.summary, "Some text.");
    EXPECT_EQ(e.content, "Body text");
    EXPECT_EQ(e.categories, std::vector<std::string>{"atom"});
    EXPECT_EQ(e.inReplyTo, "urn:uuid:parent");
}

TEST(FeedFormats, Atom03)
{
    const Feed feed = parseOk(R"(<feed version="0.3" xmlns="http://purl.org/atom/ns#">
<title mode="escaped" type="text/html">&lt;b&gt;Old&lt;/b&gt; Atom</title><tagline>tag</tagline>
<modified>2004-01-01T19:48:21Z</modified>
<entry><title mode="base64" type="text/plain">SGVsbG8gd29ybGQ=</title><issued>2004-01-01T19:48:21Z</issued>
<id>tag:x</id></entry></feed>)");
    EXPECT_EQ(feed.format, "atom03");
    EXPECT_EQ(feed.title, "Old Atom");
    EXPECT_EQ(feed.subtitle, "tag");
    EXPECT_EQ(utc(feed.updated), "2004-01-01T19:48:21Z");
    ASSERT_EQ(feed.entries.size(), 1u);
    EXPECT_EQ(feed.entries[0].title, "Hello world");
    EXPECT_EQ(utc(feed.entries[0].published), "2004-01-01T19:48:21Z");
}

TEST(FeedFormats, JsonFeed10WithAuthor)
{
    const Feed feed = parseOk(R"({
  "version": "https://jsonfeed.org/version/1", "title": "JSON 1.0", "home_page_url": "https://example.org/",
  "description": "d", "author": {"name": "Brent", "url": "https://example.org/brent"},
  "items": [{"id": 2347259, "url": "https://example.org/2347259", "title": "T",
             "content_html": "<p>Hello <a href=\"/x\">x</a></p><script>no()</script>",
             "date_published": "2016-02-09T14:22:00-07:00", "tags": ["a", "b"]}]
})");
    EXPECT_EQ(feed.format, "json10");
    EXPECT_EQ(feed.title, "JSON 1.0");
    EXPECT_EQ(feed.link, "https://example.org/");
    EXPECT_EQ(feed.author, "Brent");
    ASSERT_EQ(feed.entries.size(), 1u);
    const FeedEntry& e = feed.entries[0];
    EXPECT_EQ(e.id, "2347259");
    EXPECT_EQ(e.content, "Hello x");
    EXPECT_EQ(e.htmlLinks, std::vector<std::string>{"https://example.org/x"});
    EXPECT_EQ(utc(e.published), "2016-02-09T21:22:00Z");
    EXPECT_EQ(e.author, "Brent");  // inherited from the feed
    EXPECT_EQ(e.categories, (std::vector<std::string>{"a", "b"}));
}

TEST(FeedFormats, JsonFeed11WithAuthors)
{
    const Feed feed = parseOk(R"({
  "version": "https://jsonfeed.org/version/1.1", "title": "JSON 1.1", "language": "en-GB",
  "authors": [{"name": "Feed Author"}],
  "items": [{"id": "a1", "external_url": "https://elsewhere.org/a", "content_text": "plain  text",
             "summary": "sum", "date_modified": "2020-01-01T00:00:00Z",
             "authors": [{"name": "Item Author", "url": "https://example.org/ia"}, {"name": "Second"}]}]
})");
    EXPECT_EQ(feed.format, "json11");
    EXPECT_EQ(feed.language, "en-GB");
    EXPECT_EQ(feed.author, "Feed Author");
    ASSERT_EQ(feed.entries.size(), 1u);
    const FeedEntry& e = feed.entries[0];
    EXPECT_EQ(e.link, "https://elsewhere.org/a");
    EXPECT_EQ(e.content, "plain text");
    EXPECT_EQ(e.summary, "sum");
    EXPECT_EQ(e.author, "Item Author");
    EXPECT_EQ(e.authorUrl, "https://example.org/ia");
    EXPECT_EQ(utc(e.updated), "2020-01-01T00:00:00Z");
}

// Publishers state the version in many ways, or not at all; a title and items make a feed.
TEST(FeedFormats, JsonFeedIsReadWhateverItsVersionSays)
{
    const std::pair<const char*, const char*> versions[] = {
        {"\"version\": \"1.1\",", "json11"},
        {"\"version\": \"https://jsonfeed.org/version/1.1/\",", "json11"},
        {"\"version\": \"http://jsonfeed.org/version/1\",", "json10"},
        {"\"version\": \"1\",", "json10"},
        {"\"version\": 1,", "json10"},
        {"\"version\": null,", "json10"},
        {"", "json10"},
    };
    for (const auto& [version, format] : versions) {
        const std::string doc = std::string("{") + version +
                                R"( "title": "Status", "items": [{"id": "1", "content_text": "Storing opgelost"}]})";
        const Feed feed = parseOk(doc);
        EXPECT_EQ(feed.format, format) << doc;
        EXPECT_EQ(feed.title, "Status") << doc;
        ASSERT_EQ(feed.entries.size(), 1u) << doc;
        EXPECT_EQ(feed.entries[0].content, "Storing opgelost") << doc;
    }
}

TEST(FeedFormats, JsonThatIsNotShapedLikeAFeedIsStillRefused)
{
    for (const char* doc : {R"({"title": "no items"})", R"({"items": []})", R"({"title": 3, "items": []})",
                            R"({"title": "T", "items": {}})"}) {
        auto result = parseFeed(doc);
        ASSERT_FALSE(result.ok()) << doc;
        EXPECT_NE(result.message().find("\"items\" list"), std::string::npos) << result.message();
    }
}

TEST(FeedFormats, DetectedFromContentNotWhitespaceOrName)
{
    EXPECT_EQ(parseOk("\n\n  <feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title></feed>").format, "atom10");
    EXPECT_EQ(parseOk("  {\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[]}").format, "json11");
}

TEST(FeedFormats, HtmlPageIsRejectedWithAClearMessage)
{
    auto result = parseFeed("<!DOCTYPE html><html><head><title>Blog</title></head><body><p>Hi</body></html>");
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.message().find("not a feed"), std::string::npos);
    EXPECT_NE(result.message().find("HTML page"), std::string::npos);
}

TEST(FeedFormats, OtherDocumentsAreRejected)
{
    EXPECT_FALSE(parseFeed("").ok());
    EXPECT_FALSE(parseFeed("just some text").ok());
    EXPECT_FALSE(parseFeed("<svg xmlns=\"http://www.w3.org/2000/svg\"/>").ok());
    EXPECT_FALSE(parseFeed("{\"not\": \"a feed\"}").ok());
    EXPECT_FALSE(parseFeed("{broken json").ok());
}

TEST(FeedFormats, JsonOutputFollowsConformanceSchema)
{
    const Feed feed = parseOk(R"(<rss version="2.0"><channel><title>T &amp; 1 &lt; 2</title>
<item><title>I</title><pubDate>Sat, 07 Sep 2002 00:00:01 GMT</pubDate></item></channel></rss>)");
    const auto json = nlohmann::json::parse(feedToJson(feed));
    // Text is escaped so that reading it as HTML gives the plain text back.
    EXPECT_EQ(json["feed"]["title"], "T &amp; 1 &lt; 2");
    EXPECT_TRUE(json["feed"]["updated"].is_null());
    EXPECT_EQ(json["entries"][0]["published"], "2002-09-07T00:00:01Z");
    EXPECT_TRUE(json["entries"][0]["categories"].is_array());
    for (const char* key : {"id", "title", "link", "author", "published", "updated", "summary", "content"})
        EXPECT_TRUE(json["entries"][0].contains(key)) << key;
}
