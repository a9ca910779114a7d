// The two XML readers behind the feed parser: the strict one must either decline a
// document or build exactly the tree libxml2's recover mode builds, so the mapping never
// depends on which one read a feed.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "XmlNodes.h"
#include "XmlTree.h"
#include "earshot/feeds/DocumentDecoder.h"

using namespace earshot::feeds;

namespace {

// Everything the mapping can see of a tree, one line per node.
void dump(const XmlNode* node, int depth, std::string& out)
{
    for (; node; node = node->next) {
        out.append(std::size_t(depth) * 2, ' ');
        if (!node->isElement()) {
            out.append("text \"").append(node->text).append("\"\n");
            continue;
        }
        out.append("<").append(node->qualifiedName).append("> local=").append(node->localName);
        out.append(" prefix=").append(node->prefix).append(" ns=").append(node->namespaceUri);
        out.append(" vocabulary=").append(std::to_string(int(node->vocabulary)));
        for (std::size_t i = 0; i < node->attributeCount; ++i) {
            const XmlAttribute& a = node->attributes[i];
            out.append(" @").append(a.qualifiedName).append("(").append(a.localName);
            out.append(a.inXmlNamespace ? ",xml" : "").append(")=\"").append(a.value).append("\"");
        }
        out.append("\n");
        dump(node->firstChild, depth + 1, out);
    }
}

std::string dump(const XmlTree& tree)
{
    std::string out;
    dump(tree.root(), 0, out);
    return out;
}

std::string strictDump(std::string_view xml)
{
    auto tree = XmlTree::parseWellFormed(xml);
    return tree ? dump(*tree) : "(declined)";
}

std::string liberalDump(std::string_view xml)
{
    auto tree = XmlTree::parseLiberally(xml);
    return tree ? dump(*tree) : "(failed: " + tree.message() + ")";
}

void expectSameTree(std::string_view xml)
{
    const std::string strict = strictDump(xml);
    ASSERT_NE(strict, "(declined)") << xml;
    EXPECT_EQ(strict, liberalDump(xml)) << xml;
}

void expectDeclined(std::string_view xml)
{
    EXPECT_FALSE(XmlTree::parseWellFormed(xml).has_value()) << xml;
}

}  // namespace

TEST(XmlTree, StrictReaderBuildsLibxml2sTree)
{
    expectSameTree(R"(<?xml version="1.0" encoding="utf-8"?>
<!-- a comment before the root -->
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Tom &amp; Jerry &lt;3 &eacute;t&#233; &#x1F600;</title>
<item><dc:creator>Jan</dc:creator><description><![CDATA[<p>a & b</p>]]> and more</description>
<content:encoded>x<!-- dropped -->y<?pi dropped?>z</content:encoded><enclosure url="http://e.x/a?b=1&amp;c=2" length='3'/></item>
</channel></rss>)");
}

TEST(XmlTree, NamespacesAndXmlAttributes)
{
    expectSameTree(R"(<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl" xml:base="http://e.x/">
<entry xmlns:thr="http://purl.org/syndication/thread/1.0"><thr:in-reply-to ref="tag:1"/>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><b>bold</b> <i>it</i></div></content>
<x:ext xmlns:x="urn:unknown" x:attr="v">ext</x:ext></entry>
<link xmlns="" href="un-namespaced"/></feed>)");
}

TEST(XmlTree, LineEndsAndAttributeWhiteSpaceAreNormalisedAlike)
{
    expectSameTree("<rss><channel><title>one\r\ntwo\rthree</title>"
                   "<link href=\"a\tb\nc\r\nd\" title='say \"hi\"' rel=\"&#10;x\"/></channel></rss>");
}

TEST(XmlTree, ExternalDoctypeIsSkippedWithoutFetching)
{
    expectSameTree(R"(<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>caf&eacute; &nbsp;x</title></channel></rss>)");
}

TEST(XmlTree, WhatFollowsTheRootIsIgnoredAsLibxml2Does)
{
    expectSameTree("<rss><channel><title>t</title></channel></rss>\n<!-- trailer -->\n");
    const auto tree = XmlTree::parseWellFormed("<rss><channel/></rss><rss>second</rss>");
    ASSERT_TRUE(tree.has_value());
    EXPECT_EQ(tree->root()->firstChild->localName, "channel");
}

TEST(XmlTree, StrictReaderDeclinesWhatItCannotReadExactly)
{
    expectDeclined("<!DOCTYPE rss [<!ENTITY co \"Example\">]><rss>&co;</rss>");  // internal subset
    expectDeclined("<rss><title>&bogus;</title></rss>");                         // unknown entity
    expectDeclined("<rss><title>a & b</title></rss>");                           // bare ampersand
    expectDeclined("<rss><title>&#146;</title></rss>");                          // windows-1252 in disguise
    expectDeclined("<rss><title>&#X41;</title></rss>");                          // HTML's upper-case X
    expectDeclined("<rss><dc:creator>x</dc:creator></rss>");                     // undeclared prefix
    expectDeclined("<rss><title>x</titel></rss>");                                // mismatched end tag
    expectDeclined("<rss><title>x</title>");                                      // unclosed root
    expectDeclined("<rss><title>a\x01z</title></rss>");                           // control character
    expectDeclined("<rss><title>a ]]> b</title></rss>");                          // "]]>" in text
    expectDeclined("<rss a=\"1\" a=\"2\"/>");                                     // repeated attribute
    expectDeclined("<rss a=\"x<y\"/>");                                            // '<' in a value
    expectDeclined("<rss><title>\xEF\xBF\xBE</title></rss>");                      // U+FFFE
    expectDeclined("<rss><title>x<!-- c\x01omment -->y</title></rss>");              // control character in a comment
    expectDeclined("<rss><p\xC2\xA0>x</p></rss>");                                  // a name libxml2 judges
    expectDeclined("<!DOCTYPE rss><!DOCTYPE rss><rss/>");                            // two DOCTYPEs
    expectDeclined("text<rss/>");
    expectDeclined("");
}

TEST(XmlTree, ElementTextAndMarkupAreReadFromTheTree)
{
    const auto tree = XmlTree::parseWellFormed(
        R"(<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Hi <a href="/x?a=1&amp;b=&quot;2&quot;">there</a><br/>!</div></content>)");
    ASSERT_TRUE(tree.has_value());
    const XmlNode* div = tree->root()->firstChild;
    EXPECT_EQ(XmlNodes::text(div), "Hi there!");
    EXPECT_EQ(XmlNodes::innerXml(tree->root()),
              R"(<div>Hi <a href="/x?a=1&amp;b=&quot;2&quot;">there</a><br/>!</div>)");
    EXPECT_EQ(XmlNodes::attribute(div->firstChild->next, "href"), "/x?a=1&b=\"2\"");
    EXPECT_EQ(div->vocabulary, Vocabulary::Xhtml);
}

// Every well-formed feed of feedparser's suite, read both ways: the trees must be equal.
TEST(XmlTree, StrictAndLiberalReadersAgreeOnTheConformanceCorpus)
{
    namespace fs = std::filesystem;
    const fs::path corpus = fs::path(EARSHOT_SOURCE_DIR) / ".." / "shared" / "conformance" / "feedparser";
    if (!fs::is_directory(corpus))
        GTEST_SKIP() << "the conformance corpus is not beside the clone: " << corpus;
    int strictlyRead = 0;
    for (const auto& file : fs::recursive_directory_iterator(corpus)) {
        if (!file.is_regular_file() || file.path().extension() != ".xml")
            continue;
        std::ifstream in(file.path(), std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        auto decoded = DocumentDecoder::decode(bytes.str(), {});
        if (!decoded)
            continue;
        const std::string strict = strictDump(decoded->utf8);
        if (strict == "(declined)")
            continue;
        ++strictlyRead;
        EXPECT_EQ(strict, liberalDump(decoded->utf8)) << file.path();
    }
    // Most of the suite is well-formed; a reader that declined everything would pass above.
    EXPECT_GT(strictlyRead, 1000);
}

TEST(XmlTree, CharacterReferencesStartingARunAreKept)
{
    // A run that starts with a numeric reference, after a run that was copied: neither may
    // leak into the other.
    expectSameTree("<rss><a>x&amp;y&#233;</a><b>&#233;t&#233;</b><c>&#x263A;</c><d>&#65;</d></rss>");
}
