// Reading the XML tree the way the feed mapping needs: an element's vocabulary and names,
// attribute values, the text inside an element, and its children written back as markup.
#pragma once

#include <string>
#include <string_view>

#include "XmlTree.h"

namespace earshot::feeds {

class XmlNodes {
public:
    static std::string_view localName(const XmlNode* node) { return node->localName; }
    static Vocabulary vocabulary(const XmlNode* node) { return node->vocabulary; }
    static std::string_view namespaceUri(const XmlNode* node) { return node->namespaceUri; }
    static bool isElement(const XmlNode* node) { return node && node->isElement(); }
    static bool hasElementChildren(const XmlNode* node);

    // The attribute's value, or empty. `inXmlNamespace` selects xml:base / xml:lang.
    static std::string_view attribute(const XmlNode* node, std::string_view name, bool inXmlNamespace = false);

    // All the text inside the element, its descendants' included.
    static std::string text(const XmlNode* node);

    // The element's children written back as markup, for inline (X)HTML content.
    static std::string innerXml(const XmlNode* node);
};

}  // namespace earshot::feeds
