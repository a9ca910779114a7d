// Turns one feed element that carries human text (a title, summary or content) into plain
// text, honouring how the element says its text is encoded: Atom's type="text|html|xhtml"
// and MIME types, Atom 0.3's mode="escaped|base64|xml", inline markup, and for RSS —
// which never says — a guess, as every reader makes.
#pragma once

#include <string>
#include <vector>

#include "XmlTree.h"

namespace earshot::feeds {

class TextConstruct {
public:
    // `hrefs`, when given, receives the link targets found in HTML content, as written.
    static std::string plainText(const XmlNode* element, std::vector<std::string>* hrefs = nullptr);

    static std::string decodeBase64(std::string_view text);
};

}  // namespace earshot::feeds
