// Character encodings: the precedence HTTP charset > BOM > XML declaration > sniffing,
// single-byte and CJK charsets, and the windows-1252 repairs liberal readers make.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "earshot/feeds/DocumentDecoder.h"
#include "earshot/feeds/FeedParser.h"

using namespace earshot::feeds;

namespace {

std::string readFixture(const std::string& name)
{
    std::ifstream in(std::string(EARSHOT_TEST_DATA) + "/feeds/" + name, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

Feed parseOk(std::string_view bytes, const std::string& contentType = {})
{
    ParseOptions options;
    options.contentType = contentType;
    auto feed = parseFeed(bytes, options);
    EXPECT_TRUE(feed.ok()) << (feed.ok() ? "" : feed.message());
    return feed.ok() ? *feed : Feed{};
}

}  // namespace

TEST(FeedEncoding, Windows1252DeclaredIsDecodedWithCurlyQuotesAndEuro)
{
    const Feed feed = parseOk(readFixture("windows-1252.xml"));
    EXPECT_EQ(feed.title, "Caf\u00e9 \u201cnews\u201d");
    ASSERT_EQ(feed.entries.size(), 1u);
    EXPECT_EQ(feed.entries[0].title, "Price \u20ac 5");
    EXPECT_EQ(feed.entries[0].summary, "don\u2019t");
}

TEST(FeedEncoding, EucKrIsDecoded)
{
    const Feed feed = parseOk(readFixture("euc-kr.xml"));
    EXPECT_EQ(feed.title, "한국어 뉴스");
    ASSERT_EQ(feed.entries.size(), 1u);
    EXPECT_EQ(feed.entries[0].title, "년");
}

TEST(FeedEncoding, Big5AndGb2312AreDecoded)
{
    EXPECT_EQ(parseOk(readFixture("big5.xml")).title, "中文新聞");
    EXPECT_EQ(parseOk(readFixture("gb2312.xml")).title, "中文新闻");
}

TEST(FeedEncoding, HttpCharsetWinsOverXmlDeclaration)
{
    // Bytes are ISO-8859-7 (Greek); the declaration wrongly says windows-1252.
    const std::string xml = "<?xml version=\"1.0\" encoding=\"windows-1252\"?>"
                            "<rss version=\"2.0\"><channel><title>\xe1\xe2\xe3</title></channel></rss>";
    EXPECT_EQ(parseOk(xml, "application/rss+xml; charset=ISO-8859-7").title, "αβγ");
    EXPECT_EQ(parseOk(xml).title, "\u00e1\u00e2\u00e3");
}

TEST(FeedEncoding, ByteOrderMarkWinsOverXmlDeclaration)
{
    // UTF-8 BOM, declaration says ISO-8859-1: the BOM is right.
    const std::string xml = "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>"
                            "<rss version=\"2.0\"><channel><title>caf\xc3\xa9</title></channel></rss>";
    EXPECT_EQ(parseOk(xml).title, "caf\u00e9");
}

TEST(FeedEncoding, Utf16WithBomIsDecoded)
{
    const std::string utf8 = "<rss version=\"2.0\"><channel><title>caf\xc3\xa9</title></channel></rss>";
    auto utf16 = DocumentDecoder::toUtf8(utf8, "utf-8");  // sanity
    ASSERT_TRUE(utf16.ok());
    std::string bytes = "\xFF\xFE";
    for (char c : std::string("<rss version=\"2.0\"><channel><title>caf"))
        bytes += std::string{c, '\0'};
    bytes += std::string("\xE9\0", 2);
    for (char c : std::string("</title></channel></rss>"))
        bytes += std::string{c, '\0'};
    EXPECT_EQ(parseOk(bytes).title, "caf\u00e9");
}

TEST(FeedEncoding, InvalidUtf8FallsBackToWindows1252)
{
    // Declared UTF-8 but written in windows-1252, as careless feeds are.
    const std::string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                            "<rss version=\"2.0\"><channel><title>na\xefve \x93quote\x94</title></channel></rss>";
    EXPECT_EQ(parseOk(xml).title, "na\u00efve \u201cquote\u201d");
}

TEST(FeedEncoding, C1ControlsAndReferencesBecomeWindows1252Characters)
{
    const std::string xml = "<rss version=\"2.0\"><channel><item><title>don&#146;t</title>"
                            "<description>won\xc2\x92t</description></item></channel></rss>";
    const Feed feed = parseOk(xml);
    ASSERT_EQ(feed.entries.size(), 1u);
    EXPECT_EQ(feed.entries[0].title, "don\u2019t");
    EXPECT_EQ(feed.entries[0].summary, "won\u2019t");
}

TEST(DocumentDecoder, CharsetFromContentType)
{
    EXPECT_EQ(DocumentDecoder::charsetFromContentType("text/xml; charset=\"Big5\""), "big5");
    EXPECT_EQ(DocumentDecoder::charsetFromContentType("application/atom+xml"), "");
}

TEST(DocumentDecoder, DeclaredEncodingIsRead)
{
    EXPECT_EQ(DocumentDecoder::declaredXmlEncoding("<?xml version='1.0' encoding='EUC-KR'?><rss/>"), "euc-kr");
    EXPECT_EQ(DocumentDecoder::declaredXmlEncoding("<rss/>"), "");
}

TEST(DocumentDecoder, UnknownCharsetFallsBackInsteadOfFailing)
{
    auto decoded = DocumentDecoder::decode("<?xml version=\"1.0\" encoding=\"x-no-such\"?><a>ok</a>", "");
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(decoded->encoding, "utf-8");
}
