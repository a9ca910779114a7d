#include "XmlTree.h"

#include <libxml/SAX2.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <string>


namespace earshot::feeds {

namespace {

struct ParserContextDeleter {
    void operator()(xmlParserCtxt* ctxt) const { xmlFreeParserCtxt(ctxt); }
};

struct DocDeleter {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

void addLiteralEntity(xmlDoc* holder, const xmlChar* name, const std::string& text)
{
    // libxml2 refuses to add "predefined" entities, so add a general one and retype it:
    // the parser then inlines its text, as for &amp;, instead of keeping a reference node.
    xmlEntity* added = xmlAddDocEntity(holder, name, XML_INTERNAL_GENERAL_ENTITY, nullptr, nullptr,
                                       BAD_CAST text.c_str());
    if (added)
        added->etype = XML_INTERNAL_PREDEFINED_ENTITY;
}

std::unique_ptr<xmlDoc, DocDeleter> newEntityHolder()
{
    std::unique_ptr<xmlDoc, DocDeleter> doc(xmlNewDoc(BAD_CAST "1.0"));
    if (doc)
        xmlCreateIntSubset(doc.get(), BAD_CAST "entities", nullptr, nullptr);
    return doc;
}

// Feeds use &nbsp; &eacute; … without declaring them (and RSS 0.91's DTD, which did, is
// never fetched). libxml2 asks the SAX getEntity hook for every name it does not know;
// answering with a "predefined" entity makes it insert the text like &amp;. The HTML
// entities live in one private document for the life of the process.
class HtmlEntityDocument {
public:
    static const HtmlEntityDocument& instance()
    {
        static const HtmlEntityDocument doc;
        return doc;
    }

    xmlEntity* find(const xmlChar* name) const { return xmlGetDocEntity(m_doc.get(), name); }

private:
    struct Entry {
        const char* name;
        const char* text;
    };

    HtmlEntityDocument() : m_doc(newEntityHolder())
    {
        for (const Entry& entry : kEntities)
            addLiteralEntity(m_doc.get(), BAD_CAST entry.name, entry.text);
    }

    static constexpr Entry kEntities[] = {
#include "XmlHtmlEntityNames.inc"
    };

    std::unique_ptr<xmlDoc, DocDeleter> m_doc;
};

// Per parse: names that are neither declared nor HTML stay in the text as written
// ("&doesnotexist;"), which is what a person reading the feed would expect to see.
struct ParseScratch {
    std::unique_ptr<xmlDoc, DocDeleter> unknownEntities;
};

xmlEntity* getEntityLiberally(void* ctx, const xmlChar* name)
{
    if (xmlEntity* declared = xmlSAX2GetEntity(ctx, name))
        return declared;
    if (xmlEntity* html = HtmlEntityDocument::instance().find(name))
        return html;
    auto* ctxt = static_cast<xmlParserCtxt*>(ctx);
    auto* scratch = static_cast<ParseScratch*>(ctxt->_private);
    if (!scratch)
        return nullptr;
    if (!scratch->unknownEntities)
        scratch->unknownEntities = newEntityHolder();
    if (!scratch->unknownEntities)
        return nullptr;
    if (xmlEntity* seen = xmlGetDocEntity(scratch->unknownEntities.get(), name))
        return seen;
    const std::string literal = std::string("&").append(reinterpret_cast<const char*>(name)).append(";");
    addLiteralEntity(scratch->unknownEntities.get(), name, literal);
    return xmlGetDocEntity(scratch->unknownEntities.get(), name);
}


// Copies libxml2's tree into an XmlTree: names and text are copied (the xmlDoc is freed
// afterwards), adjacent text, CDATA and expanded entity references are merged into one
// text node as the strict reader does, and comments and processing instructions dropped.
class TreeCopier {
public:
    explicit TreeCopier(XmlTree& tree) : m_tree(tree) {}

    XmlNode& copyElement(const xmlNode* source)
    {
        XmlNode& element = m_tree.newNode(XmlNode::Kind::Element);
        const std::string_view name = view(source->name);
        if (source->ns) {
            element.prefix = m_tree.keep(view(source->ns->prefix));
            element.namespaceUri = m_tree.keep(view(source->ns->href));
            element.localName = m_tree.keep(name);
            element.qualifiedName =
                element.prefix.empty() ? element.localName
                                       : m_tree.keep(std::string(element.prefix) + ":" + std::string(name));
        } else {
            // Recover mode keeps an undeclared "dc:creator" whole, without a namespace.
            element.qualifiedName = m_tree.keep(name);
            const std::size_t colon = element.qualifiedName.find(':');
            if (colon != std::string_view::npos) {
                element.prefix = element.qualifiedName.substr(0, colon);
                element.localName = element.qualifiedName.substr(colon + 1);
            } else {
                element.localName = element.qualifiedName;
            }
        }
        element.vocabulary = vocabularyOf(element.namespaceUri, element.prefix, !element.namespaceUri.empty());
        copyAttributes(source, element);

        XmlNode* last = nullptr;
        auto attach = [&](XmlNode& child) {
            (last ? last->next : element.firstChild) = &child;
            last = &child;
        };
        std::string text;
        std::size_t runBudget = kMaxEntityRun;
        auto flushText = [&] {
            if (text.empty())
                return;
            XmlNode& node = m_tree.newNode(XmlNode::Kind::Text);
            node.text = m_tree.keep(text);
            attach(node);
            text.clear();
            runBudget = kMaxEntityRun;
        };
        for (const xmlNode* child = source->children; child; child = child->next) {
            if (child->type == XML_ELEMENT_NODE) {
                flushText();
                attach(copyElement(child));
            } else {
                appendText(child, text, 0, runBudget);
            }
        }
        flushText();
        return element;
    }

private:
    // Entity expansion is bounded per run of text and per document, far below what an
    // amplification attack ("billion laughs") needs and far above any honest feed.
    static constexpr int kMaxEntityDepth = 8;
    static constexpr std::size_t kMaxEntityRun = 1024 * 1024;

    static std::string_view view(const xmlChar* text)
    {
        return text ? std::string_view(reinterpret_cast<const char*>(text)) : std::string_view();
    }

    void copyAttributes(const xmlNode* source, XmlNode& element)
    {
        std::size_t count = 0;
        for (const xmlAttr* attr = source->properties; attr; attr = attr->next)
            ++count;
        XmlAttribute* attributes = m_tree.newAttributes(count);
        XmlAttribute* out = attributes;
        for (const xmlAttr* attr = source->properties; attr; attr = attr->next, ++out) {
            out->localName = m_tree.keep(view(attr->name));
            const std::string_view prefix = attr->ns ? view(attr->ns->prefix) : std::string_view();
            out->qualifiedName = prefix.empty()
                                     ? out->localName
                                     : m_tree.keep(std::string(prefix) + ":" + std::string(out->localName));
            out->inXmlNamespace = attr->ns && view(attr->ns->href) == view(XML_XML_NAMESPACE);
            // An attribute's value is its one text child (entity references in values are
            // already substituted by the parser).
            if (attr->children && attr->children->type == XML_TEXT_NODE && !attr->children->next)
                out->value = m_tree.keep(view(attr->children->content));
        }
        element.attributes = attributes;
        element.attributeCount = count;
    }

    void appendText(const xmlNode* node, std::string& out, int depth, std::size_t& runBudget)
    {
        switch (node->type) {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
            if (depth == 0) {
                out.append(view(node->content));
            } else {
                const std::string_view content = view(node->content);
                const std::size_t take = std::min({content.size(), runBudget, m_documentBudget});
                out.append(content.substr(0, take));
                runBudget -= take;
                m_documentBudget -= take;
            }
            break;
        case XML_ENTITY_REF_NODE:
            if (depth >= kMaxEntityDepth)
                break;
            // An entity reference node's children point at the declaration's parsed content.
            for (const xmlNode* child = node->children; child && runBudget && m_documentBudget; child = child->next) {
                if (child->type == XML_ENTITY_DECL) {
                    const auto* entity = reinterpret_cast<const xmlEntity*>(child);
                    for (const xmlNode* part = entity->children; part; part = part->next)
                        appendText(part, out, depth + 1, runBudget);
                } else {
                    appendText(child, out, depth + 1, runBudget);
                }
            }
            break;
        case XML_ELEMENT_NODE:  // inside an entity's replacement text
            for (const xmlNode* child = node->children; child && runBudget && m_documentBudget; child = child->next)
                appendText(child, out, depth, runBudget);
            break;
        default:
            break;  // comments, processing instructions
        }
    }

    XmlTree& m_tree;
    std::size_t m_documentBudget = 16 * kMaxEntityRun;
};

}  // namespace

Result<XmlTree> XmlTree::parseLiberally(std::string_view utf8)
{
    if (utf8.size() > std::size_t(INT_MAX))
        return fail("the document is too large to parse");
    std::unique_ptr<xmlParserCtxt, ParserContextDeleter> ctxt(xmlNewParserCtxt());
    if (!ctxt)
        return fail("out of memory starting the XML parser");
    ParseScratch scratch;
    ctxt->_private = &scratch;
    ctxt->sax->getEntity = getEntityLiberally;
    // RECOVER: keep what a person could still read. NONET and no DTDLOAD/NOENT: never
    // fetch or substitute external content. IGNORE_ENC: the bytes are UTF-8 already.
    // No HUGE: libxml2's own limits on entity amplification stay in force.
    const int options = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                        XML_PARSE_NOWARNING | XML_PARSE_IGNORE_ENC | XML_PARSE_NOCDATA |
                        XML_PARSE_COMPACT;
    std::unique_ptr<xmlDoc, DocDeleter> doc(
        xmlCtxtReadMemory(ctxt.get(), utf8.data(), int(utf8.size()), nullptr, "UTF-8", options));
    // libxml2 stops at its limits and keeps what came before: a feed cut there would look
    // like a short feed, so say what happened instead.
    if (ctxt->lastError.code == XML_ERR_ENTITY_LOOP)
        return fail("not read: the document's entities expand without end (an entity expansion attack); "
                    "ask the site to fix its feed");
    if (ctxt->lastError.code == XML_ERR_INTERNAL_ERROR && ctxt->lastError.message &&
        std::string_view(ctxt->lastError.message).find("depth") != std::string_view::npos)
        return fail("not read: the XML nests more than " + std::to_string(xmlParserMaxDepth) +
                    " elements deep, which no feed does; ask the site to fix its feed");
    if (!doc)
        return fail("no XML could be read from the document");
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    if (!root)
        return fail("the document has no XML element in it");
    XmlTree tree;
    tree.setRoot(&TreeCopier(tree).copyElement(root));
    return tree;
}

}  // namespace earshot::feeds
