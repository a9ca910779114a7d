// Reading libxml2 nodes the way the feed mapping needs: which vocabulary an element
// belongs to (by namespace, with the liberal fallbacks real feeds require), attribute
// values, and the text inside an element with entity expansion kept bounded.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>

namespace earshot::feeds {

// The vocabularies the mapping distinguishes. Core covers RSS, RDF-RSS and both Atoms:
// their element names do not clash in ways that matter, and many feeds mix them.
enum class Vocabulary { Core, Dc, Dcterms, Content, Xhtml, Itunes, Media, Thread, Rdf, Cdf, Other };

class XmlNodes {
public:
    static std::string_view localName(const xmlNode* node);
    static Vocabulary vocabulary(const xmlNode* node);
    static std::string_view namespaceUri(const xmlNode* node);

    static bool isElement(const xmlNode* node) { return node && node->type == XML_ELEMENT_NODE; }
    static bool hasElementChildren(const xmlNode* node);

    // The attribute's value, or empty. `inXmlNamespace` selects xml:base / xml:lang.
    static std::string_view attribute(const xmlNode* node, std::string_view name, bool inXmlNamespace = false);

    // Text content of the element's children (text, CDATA, entity references expanded
    // up to a budget so a "billion laughs" document cannot exhaust memory).
    static std::string text(const xmlNode* node);

    // The element's children serialised back to markup, for inline (X)HTML content.
    static std::string innerXml(xmlDoc* doc, const xmlNode* node);
};

}  // namespace earshot::feeds
