#include "earshot/core/Opml.h"

#include <memory>

#include <libxml/parser.h>
#include <libxml/tree.h>

namespace earshot::core {

namespace {

struct DocFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

std::string attribute(xmlNode* node, const char* name)
{
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    if (!value)
        return {};
    std::string text(reinterpret_cast<const char*>(value));
    xmlFree(value);
    return text;
}

void collect(xmlNode* node, std::vector<OpmlOutline>& out)
{
    for (xmlNode* child = node ? node->children : nullptr; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE)
            continue;
        if (xmlStrcmp(child->name, reinterpret_cast<const xmlChar*>("outline")) == 0) {
            OpmlOutline outline{attribute(child, "title"), attribute(child, "xmlUrl"), attribute(child, "htmlUrl")};
            if (outline.title.empty())
                outline.title = attribute(child, "text");
            if (!outline.xmlUrl.empty())
                out.push_back(std::move(outline));
        }
        collect(child, out);
    }
}

std::string escapeAttribute(const std::string& text)
{
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

}  // namespace

Result<std::vector<OpmlOutline>> parseOpml(std::string_view document)
{
    // NONET and no entity substitution: an OPML file can never make us fetch or expand anything.
    std::unique_ptr<xmlDoc, DocFree> doc(xmlReadMemory(document.data(), int(document.size()), "opml.xml", nullptr,
                                                       XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR |
                                                           XML_PARSE_NOWARNING));
    xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    if (!root || xmlStrcmp(root->name, reinterpret_cast<const xmlChar*>("opml")) != 0)
        return fail("not an OPML file (expected an <opml> document)");
    std::vector<OpmlOutline> outlines;
    collect(root, outlines);
    return outlines;
}

std::string writeOpml(const std::string& title, const std::vector<OpmlOutline>& outlines)
{
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head><title>" +
                      escapeAttribute(title) + "</title></head>\n  <body>\n";
    for (const auto& o : outlines) {
        out += "    <outline type=\"rss\" text=\"" + escapeAttribute(o.title) + "\" title=\"" +
               escapeAttribute(o.title) + "\" xmlUrl=\"" + escapeAttribute(o.xmlUrl) + "\"";
        if (!o.htmlUrl.empty())
            out += " htmlUrl=\"" + escapeAttribute(o.htmlUrl) + "\"";
        out += "/>\n";
    }
    out += "  </body>\n</opml>\n";
    return out;
}

}  // namespace earshot::core
