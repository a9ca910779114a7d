// The XML tree the feed mapping reads: elements, their attributes and merged text, in
// arenas freed at once. Most feeds are well-formed UTF-8 and are read by a strict reader
// that keeps views into the document; anything it is unsure of (a DTD subset, an unknown
// entity, broken markup) goes to libxml2's recover mode, whose tree is copied into the
// same shape. The mapping cannot tell which reader built the tree.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "earshot/core/Result.h"

namespace earshot::feeds {

// The vocabularies the mapping distinguishes. Core covers RSS, RDF-RSS and both Atoms:
// their element names do not clash in ways that matter, and many feeds mix them.
enum class Vocabulary { Core, Dc, Dcterms, Content, Xhtml, Itunes, Media, Thread, Rdf, Cdf, Other };

struct XmlAttribute {
    std::string_view qualifiedName;  // as written: "xml:base", "href"
    std::string_view localName;
    bool inXmlNamespace = false;     // xml:base, xml:lang
    std::string_view value;          // entities decoded, white space normalised
};

struct XmlNode {
    enum class Kind { Element, Text };

    Kind kind = Kind::Text;
    std::string_view text;           // Text: the merged character data (CDATA included)

    // Element only. A prefix that was never declared (recover mode) stays in the name,
    // with no namespace, so "dc:creator" still reads as Dublin Core.
    std::string_view qualifiedName;
    std::string_view localName;
    std::string_view prefix;
    std::string_view namespaceUri;   // empty: no namespace
    Vocabulary vocabulary = Vocabulary::Other;
    const XmlAttribute* attributes = nullptr;
    std::size_t attributeCount = 0;
    const XmlNode* firstChild = nullptr;
    const XmlNode* next = nullptr;

    bool isElement() const { return kind == Kind::Element; }
};

class XmlTree {
public:
    // Strict reader first; when it declines, XmlRepair's mending and libxml2's recover
    // mode. The tree may point into `utf8`, which must outlive it.
    static Result<XmlTree> parse(std::string_view utf8);

    // The strict reader alone: nullopt when the document needs the liberal one.
    static std::optional<XmlTree> parseWellFormed(std::string_view utf8);
    // libxml2 alone (recover mode, HTML entities, nothing fetched), without mending.
    static Result<XmlTree> parseLiberally(std::string_view utf8);

    const XmlNode* root() const { return m_root; }

    // Building, for the two readers.
    XmlNode& newNode(XmlNode::Kind kind);
    XmlAttribute* newAttributes(std::size_t count);
    std::string_view keep(std::string_view text);  // a copy owned by the tree
    void setRoot(const XmlNode* root) { m_root = root; }

private:
    // Hands out runs of T from chunks that live as long as the tree: one allocation for
    // hundreds of nodes, and nothing to free one by one.
    template <class T>
    class Arena {
    public:
        T* allocate(std::size_t count);

    private:
        std::vector<std::unique_ptr<T[]>> m_chunks;
        std::size_t m_used = 0;
        std::size_t m_capacity = 0;
    };

    Arena<XmlNode> m_nodes;
    Arena<XmlAttribute> m_attributes;
    Arena<char> m_chars;
    const XmlNode* m_root = nullptr;
};

// Which vocabulary a namespace URI (or, without one, a prefix) names.
Vocabulary vocabularyOf(std::string_view namespaceUri, std::string_view prefix, bool hasNamespace);

}  // namespace earshot::feeds
