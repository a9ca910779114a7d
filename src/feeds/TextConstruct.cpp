#include "TextConstruct.h"

#include <array>

#include "XmlNodes.h"
#include "earshot/feeds/HtmlText.h"

namespace earshot::feeds {

namespace {

enum class Encoding { Text, Html, Markup, Guess };

std::string lowerCopy(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = char(c + 32);
    return out;
}

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool isXmlType(std::string_view type)
{
    return type == "xhtml" || endsWith(type, "+xml") || endsWith(type, "/xml");
}

Encoding encodingFor(std::string_view type)
{
    if (type.empty())
        return Encoding::Guess;
    if (type == "text" || type == "text/plain")
        return Encoding::Text;
    if (type == "html" || type == "text/html" || type == "escaped")
        return Encoding::Html;
    if (isXmlType(type))
        return Encoding::Markup;
    // Other text/* types: read as text, but markup in them is still folded.
    return Encoding::Guess;
}

std::string fold(std::string_view text, Encoding encoding, std::vector<std::string>* hrefs)
{
    switch (encoding) {
    case Encoding::Text:
        return HtmlText::collapseWhitespace(text);
    case Encoding::Guess:
        if (text.find_first_of("<&") == std::string_view::npos)
            return HtmlText::collapseWhitespace(text);
        [[fallthrough]];
    case Encoding::Html:
    case Encoding::Markup:
        return hrefs ? HtmlText::toPlainText(text, *hrefs) : HtmlText::toPlainText(text);
    }
    return {};
}

}  // namespace

std::string TextConstruct::decodeBase64(std::string_view text)
{
    static const std::array<int, 256> kValues = [] {
        std::array<int, 256> values{};
        values.fill(-1);
        const std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (std::size_t i = 0; i < alphabet.size(); ++i)
            values[static_cast<unsigned char>(alphabet[i])] = int(i);
        values[static_cast<unsigned char>('-')] = 62;
        values[static_cast<unsigned char>('_')] = 63;
        return values;
    }();
    std::string out;
    out.reserve(text.size() * 3 / 4);
    unsigned int accumulator = 0;
    int bits = 0;
    for (char c : text) {
        const int value = kValues[static_cast<unsigned char>(c)];
        if (value < 0)
            continue;  // white space, padding
        accumulator = (accumulator << 6) | unsigned(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(char((accumulator >> bits) & 0xFF));
        }
    }
    return out;
}

std::string TextConstruct::plainText(const XmlNode* element, std::vector<std::string>* hrefs)
{
    const std::string type = lowerCopy(XmlNodes::attribute(element, "type"));
    const std::string mode = lowerCopy(XmlNodes::attribute(element, "mode"));
    Encoding encoding = encodingFor(type);

    // Atom 1.0 carries any other media type base64-encoded; Atom 0.3 says so with mode.
    const bool atomBinary = !type.empty() && encoding == Encoding::Guess && !startsWith(type, "text/") &&
                            XmlNodes::vocabulary(element) == Vocabulary::Core;
    if (mode == "base64" || atomBinary) {
        const std::string decoded = decodeBase64(XmlNodes::text(element));
        return fold(decoded, encoding == Encoding::Text ? Encoding::Text : Encoding::Guess, hrefs);
    }
    if (mode == "escaped")
        encoding = Encoding::Html;
    else if (mode == "xml")
        encoding = Encoding::Markup;

    if (encoding == Encoding::Html && XmlNodes::hasElementChildren(element)) {
        // TypePad style: escaped HTML wrapped in an XHTML <div>; the text is the HTML.
        return fold(XmlNodes::text(element), Encoding::Html, hrefs);
    }
    if (XmlNodes::hasElementChildren(element)) {
        // Inline markup, whatever the type claims: fold the elements as HTML.
        return fold(XmlNodes::innerXml(element), Encoding::Markup, hrefs);
    }
    const std::string text = XmlNodes::text(element);
    return fold(text, encoding == Encoding::Markup ? Encoding::Guess : encoding, hrefs);
}

}  // namespace earshot::feeds
