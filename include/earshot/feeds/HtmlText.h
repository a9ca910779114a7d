// Folds an HTML fragment (a feed's title, summary or content) into the plain text a
// person would read, and collects the links it carries. Hand-written tokenizer rather
// than a DOM parse: feeds carry thousands of small snippets and this runs on each one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace earshot::feeds {

class HtmlText {
public:
    // Tags dropped; bodies of script, style, iframe, object, embed, noscript, template and
    // applet dropped; entities decoded; block-level tags separate words; white space
    // collapsed and trimmed.
    static std::string toPlainText(std::string_view html);

    // As toPlainText, and appends each link target (a, area, link href)
    // found in the fragment to `hrefs`, as written (the caller makes them absolute).
    static std::string toPlainText(std::string_view html, std::vector<std::string>& hrefs);

    // Decodes character references (&amp; &#233; &#x20AC; &eacute;) in text.
    static std::string decodeEntities(std::string_view text);

    // Runs of white space become one space; leading and trailing space removed.
    static std::string collapseWhitespace(std::string_view text);

private:
    static std::string convert(std::string_view html, std::vector<std::string>* hrefs);
};

}  // namespace earshot::feeds
