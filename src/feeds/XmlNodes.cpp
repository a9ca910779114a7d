#include "XmlNodes.h"

namespace earshot::feeds {

namespace {

void appendText(const XmlNode* node, std::string& out)
{
    for (; node; node = node->next) {
        if (node->isElement())
            appendText(node->firstChild, out);
        else
            out.append(node->text);
    }
}

void appendEscaped(std::string_view text, bool inAttribute, std::string& out)
{
    for (char c : text) {
        switch (c) {
        case '&': out.append("&amp;"); break;
        case '<': out.append("&lt;"); break;
        case '>': out.append("&gt;"); break;
        case '\r': out.append("&#13;"); break;
        case '"':
            inAttribute ? out.append("&quot;") : out.append(1, c);
            break;
        case '\n':
            inAttribute ? out.append("&#10;") : out.append(1, c);
            break;
        case '\t':
            inAttribute ? out.append("&#9;") : out.append(1, c);
            break;
        default: out.push_back(c);
        }
    }
}

void appendMarkup(const XmlNode* node, std::string& out)
{
    for (; node; node = node->next) {
        if (!node->isElement()) {
            appendEscaped(node->text, false, out);
            continue;
        }
        out.append("<").append(node->qualifiedName);
        for (std::size_t i = 0; i < node->attributeCount; ++i) {
            const XmlAttribute& attribute = node->attributes[i];
            out.append(" ").append(attribute.qualifiedName).append("=\"");
            appendEscaped(attribute.value, true, out);
            out.append("\"");
        }
        if (!node->firstChild) {
            out.append("/>");
            continue;
        }
        out.append(">");
        appendMarkup(node->firstChild, out);
        out.append("</").append(node->qualifiedName).append(">");
    }
}

}  // namespace

bool XmlNodes::hasElementChildren(const XmlNode* node)
{
    for (const XmlNode* child = node->firstChild; child; child = child->next)
        if (child->isElement())
            return true;
    return false;
}

std::string_view XmlNodes::attribute(const XmlNode* node, std::string_view name, bool inXmlNamespace)
{
    for (std::size_t i = 0; i < node->attributeCount; ++i) {
        const XmlAttribute& attribute = node->attributes[i];
        if (attribute.localName == name && attribute.inXmlNamespace == inXmlNamespace)
            return attribute.value;
    }
    return {};
}

std::string XmlNodes::text(const XmlNode* node)
{
    const XmlNode* child = node->firstChild;
    if (child && !child->next && !child->isElement())
        return std::string(child->text);  // the common case: one run of text
    std::string out;
    appendText(child, out);
    return out;
}

std::string XmlNodes::innerXml(const XmlNode* node)
{
    std::string out;
    appendMarkup(node->firstChild, out);
    return out;
}

}  // namespace earshot::feeds
