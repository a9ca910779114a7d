// Mends the commonest way real feeds break XML before the parser sees it: a bare '&'
// (as in "?a=1&b=2" or "Tom & Jerry"), which recover mode would otherwise drop along
// with the text after it. Also accepts "&#X41;", which HTML allows and XML does not, and
// reads &#128;–&#159; as the windows-1252 characters their authors meant.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace earshot::feeds {

class XmlRepair {
public:
    // The mended document, or nullopt when nothing needed mending (the common case,
    // which then costs one scan and no copy).
    static std::optional<std::string> escapeBareAmpersands(std::string_view xml);

private:
    // Length of a well-formed reference at xml[i] == '&' ("&amp;" -> 5), or 0.
    // Numeric references also report their code point.
    static std::size_t referenceLength(std::string_view xml, std::size_t i, bool& upperHex,
                                       std::uint32_t& codePoint);
};

}  // namespace earshot::feeds
