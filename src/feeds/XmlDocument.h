// Owns a libxml2 document parsed the liberal and safe way feeds need: recover mode for
// ill-formed XML, HTML's named entities understood without a DTD, and nothing ever
// fetched from the network or the file system (no external DTD, no external entity).
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <string_view>

#include "earshot/core/Result.h"

namespace earshot::feeds {

class XmlDocument {
public:
    // `utf8` must already be UTF-8; any encoding the XML declaration names is ignored.
    static Result<XmlDocument> parse(std::string_view utf8);

    xmlDoc* get() const { return m_doc.get(); }
    xmlNode* root() const;

private:
    struct Deleter {
        void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
    };
    explicit XmlDocument(xmlDoc* doc) : m_doc(doc) {}

    std::unique_ptr<xmlDoc, Deleter> m_doc;
};

}  // namespace earshot::feeds
