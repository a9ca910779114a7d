#include "XmlNodes.h"

#include <libxml/entities.h>
#include <libxml/xmlsave.h>

#include <cstring>
#include <memory>

namespace earshot::feeds {

namespace {

// Bounds for expanding entity references found in the tree: deep enough for any honest
// document, far below what an amplification attack needs.
constexpr int kMaxEntityDepth = 8;
constexpr std::size_t kMaxEntityOutput = 1024 * 1024;

struct Vocab {
    const char* uri;
    Vocabulary vocabulary;
};

// Trailing slashes and case vary in the wild, so URIs are compared loosely below.
constexpr Vocab kNamespaces[] = {
    {"http://www.w3.org/2005/atom", Vocabulary::Core},
    {"http://purl.org/atom/ns#", Vocabulary::Core},
    {"http://purl.org/rss/1.0/", Vocabulary::Core},
    {"http://my.netscape.com/rdf/simple/0.9/", Vocabulary::Core},
    {"http://backend.userland.com/rss2", Vocabulary::Core},
    {"http://backend.userland.com/rss", Vocabulary::Core},
    {"http://blogs.law.harvard.edu/tech/rss", Vocabulary::Core},
    {"http://purl.org/net/rss1.1#", Vocabulary::Core},
    {"http://purl.org/dc/elements/1.1/", Vocabulary::Dc},
    {"http://purl.org/dc/elements/1.0/", Vocabulary::Dc},
    {"http://purl.org/dc/terms/", Vocabulary::Dcterms},
    {"http://purl.org/rss/1.0/modules/content/", Vocabulary::Content},
    {"http://www.w3.org/1999/xhtml", Vocabulary::Xhtml},
    {"http://www.itunes.com/dtds/podcast-1.0.dtd", Vocabulary::Itunes},
    {"http://search.yahoo.com/mrss/", Vocabulary::Media},
    {"http://search.yahoo.com/mrss", Vocabulary::Media},
    {"http://purl.org/syndication/thread/1.0", Vocabulary::Thread},
    {"http://www.w3.org/1999/02/22-rdf-syntax-ns#", Vocabulary::Rdf},
};

// Prefixes used without declaring them: recover mode keeps "dc:creator" as the name.
constexpr std::pair<std::string_view, Vocabulary> kPrefixes[] = {
    {"dc", Vocabulary::Dc},           {"dcterms", Vocabulary::Dcterms},
    {"content", Vocabulary::Content}, {"xhtml", Vocabulary::Xhtml},
    {"itunes", Vocabulary::Itunes},   {"media", Vocabulary::Media},
    {"thr", Vocabulary::Thread},      {"rdf", Vocabulary::Rdf},
    {"atom", Vocabulary::Core},
};

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i];
        char y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = char(x + 32);
        if (y >= 'A' && y <= 'Z')
            y = char(y + 32);
        if (x != y)
            return false;
    }
    return true;
}

std::string_view view(const xmlChar* text)
{
    return text ? std::string_view(reinterpret_cast<const char*>(text)) : std::string_view();
}

void appendText(const xmlNode* node, std::string& out, int depth, std::size_t& budget);

void appendEntity(const xmlNode* ref, std::string& out, int depth, std::size_t& budget)
{
    if (depth >= kMaxEntityDepth)
        return;
    // An entity reference node's children point at the declaration's parsed content.
    for (const xmlNode* child = ref->children; child; child = child->next) {
        if (child->type == XML_ENTITY_DECL) {
            const auto* entity = reinterpret_cast<const xmlEntity*>(child);
            for (const xmlNode* part = entity->children; part; part = part->next)
                appendText(part, out, depth + 1, budget);
        } else {
            appendText(child, out, depth + 1, budget);
        }
    }
}

void appendText(const xmlNode* node, std::string& out, int depth, std::size_t& budget)
{
    switch (node->type) {
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE: {
        const std::string_view content = view(node->content);
        const std::size_t take = std::min(content.size(), budget);
        out.append(content.substr(0, take));
        budget -= take;
        break;
    }
    case XML_ENTITY_REF_NODE:
        appendEntity(node, out, depth, budget);
        break;
    case XML_ELEMENT_NODE:
        for (const xmlNode* child = node->children; child && budget > 0; child = child->next)
            appendText(child, out, depth, budget);
        break;
    default:
        break;
    }
}

}  // namespace

std::string_view XmlNodes::localName(const xmlNode* node)
{
    const std::string_view name = view(node->name);
    if (!node->ns) {
        const std::size_t colon = name.find(':');
        if (colon != std::string_view::npos)
            return name.substr(colon + 1);
    }
    return name;
}

std::string_view XmlNodes::namespaceUri(const xmlNode* node)
{
    return node->ns ? view(node->ns->href) : std::string_view();
}

Vocabulary XmlNodes::vocabulary(const xmlNode* node)
{
    if (!node->ns) {
        const std::string_view name = view(node->name);
        const std::size_t colon = name.find(':');
        if (colon == std::string_view::npos)
            return Vocabulary::Core;
        const std::string_view prefix = name.substr(0, colon);
        for (const auto& [known, vocabulary] : kPrefixes)
            if (equalsIgnoreCase(prefix, known))
                return vocabulary;
        return Vocabulary::Other;
    }
    const std::string_view uri = view(node->ns->href);
    for (const Vocab& known : kNamespaces)
        if (equalsIgnoreCase(uri, known.uri))
            return known.vocabulary;
    if (uri.find("itunes.com/dtds/podcast") != std::string_view::npos)
        return Vocabulary::Itunes;
    // An unknown default namespace is usually a home-made RSS namespace; an unknown
    // prefixed one is an extension we do not read.
    return node->ns->prefix ? Vocabulary::Other : Vocabulary::Core;
}

bool XmlNodes::hasElementChildren(const xmlNode* node)
{
    for (const xmlNode* child = node->children; child; child = child->next)
        if (child->type == XML_ELEMENT_NODE)
            return true;
    return false;
}

std::string_view XmlNodes::attribute(const xmlNode* node, std::string_view name, bool inXmlNamespace)
{
    for (const xmlAttr* attr = node->properties; attr; attr = attr->next) {
        if (view(attr->name) != name)
            continue;
        const bool isXml = attr->ns && attr->ns->href &&
                           std::strcmp(reinterpret_cast<const char*>(attr->ns->href),
                                       reinterpret_cast<const char*>(XML_XML_NAMESPACE)) == 0;
        if (isXml != inXmlNamespace)
            continue;
        if (attr->children && attr->children->type == XML_TEXT_NODE && !attr->children->next)
            return view(attr->children->content);
        return {};
    }
    return {};
}

std::string XmlNodes::text(const xmlNode* node)
{
    std::string out;
    std::size_t budget = kMaxEntityOutput;
    // Fast path: the common single text child.
    if (node->children && !node->children->next &&
        (node->children->type == XML_TEXT_NODE || node->children->type == XML_CDATA_SECTION_NODE))
        return std::string(view(node->children->content));
    for (const xmlNode* child = node->children; child && budget > 0; child = child->next)
        appendText(child, out, 0, budget);
    return out;
}

std::string XmlNodes::innerXml(xmlDoc* doc, const xmlNode* node)
{
    struct BufferDeleter {
        void operator()(xmlBuffer* buffer) const { xmlBufferFree(buffer); }
    };
    std::unique_ptr<xmlBuffer, BufferDeleter> buffer(xmlBufferCreate());
    if (!buffer)
        return {};
    for (xmlNode* child = node->children; child; child = child->next) {
        // libxml2 takes non-const nodes but only reads them here.
        xmlNodeDump(buffer.get(), doc, child, 0, 0);
    }
    return std::string(view(xmlBufferContent(buffer.get())), 0, std::size_t(xmlBufferLength(buffer.get())));
}

}  // namespace earshot::feeds
