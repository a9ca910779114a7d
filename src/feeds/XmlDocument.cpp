#include "XmlDocument.h"

#include <libxml/SAX2.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <climits>
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

}  // namespace

xmlNode* XmlDocument::root() const
{
    return xmlDocGetRootElement(m_doc.get());
}

Result<XmlDocument> XmlDocument::parse(std::string_view utf8)
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
    xmlDoc* doc = xmlCtxtReadMemory(ctxt.get(), utf8.data(), int(utf8.size()), nullptr, "UTF-8", options);
    if (!doc)
        return fail("no XML could be read from the document");
    XmlDocument result(doc);
    if (!result.root())
        return fail("the document has no XML element in it");
    return result;
}

}  // namespace earshot::feeds
