#include "XmlRepair.h"

#include <string>

#include "earshot/feeds/Utf8.h"

namespace earshot::feeds {

namespace {

bool isNameStart(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || c >= 0x80;
}

bool isNameChar(unsigned char c)
{
    return isNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

bool isHexDigit(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

constexpr std::string_view kCdataOpen = "<![CDATA[";
constexpr std::string_view kCdataClose = "]]>";

}  // namespace

std::size_t XmlRepair::referenceLength(std::string_view xml, std::size_t i, bool& upperHex,
                                       std::uint32_t& codePoint)
{
    upperHex = false;
    codePoint = 0;
    std::size_t j = i + 1;
    if (j < xml.size() && xml[j] == '#') {
        ++j;
        const bool hex = j < xml.size() && (xml[j] == 'x' || xml[j] == 'X');
        if (hex) {
            upperHex = xml[j] == 'X';
            ++j;
        }
        const std::size_t digits = j;
        while (j < xml.size() && (hex ? isHexDigit(static_cast<unsigned char>(xml[j]))
                                      : (xml[j] >= '0' && xml[j] <= '9')))
            ++j;
        if (j == digits || j >= xml.size() || xml[j] != ';')
            return 0;
        std::uint32_t value = 0;
        for (std::size_t k = digits; k < j && value < 0x110000; ++k) {
            const char c = xml[k];
            const std::uint32_t digit = c <= '9' ? std::uint32_t(c - '0') : std::uint32_t((c | 0x20) - 'a' + 10);
            value = value * (hex ? 16 : 10) + digit;
        }
        codePoint = value;
        return j + 1 - i;
    }
    if (j >= xml.size() || !isNameStart(static_cast<unsigned char>(xml[j])))
        return 0;
    while (j < xml.size() && isNameChar(static_cast<unsigned char>(xml[j])))
        ++j;
    if (j >= xml.size() || xml[j] != ';')
        return 0;
    return j + 1 - i;
}

std::optional<std::string> XmlRepair::escapeBareAmpersands(std::string_view xml)
{
    std::optional<std::string> out;
    std::size_t copiedUpTo = 0;
    std::size_t nextCdata = xml.find(kCdataOpen);
    std::size_t i = xml.find('&');
    while (i != std::string_view::npos) {
        // Inside CDATA an '&' is just a character.
        if (nextCdata != std::string_view::npos && nextCdata < i) {
            const std::size_t close = xml.find(kCdataClose, nextCdata + kCdataOpen.size());
            if (close == std::string_view::npos)
                break;
            const std::size_t after = close + kCdataClose.size();
            nextCdata = xml.find(kCdataOpen, after);
            if (i < after) {
                i = xml.find('&', after);
                continue;
            }
        }
        bool upperHex = false;
        std::uint32_t codePoint = 0;
        const std::size_t length = referenceLength(xml, i, upperHex, codePoint);
        // &#146; means the windows-1252 character, not the C1 control U+0092.
        const bool c1 = codePoint >= 0x80 && codePoint < 0xA0;
        if (length == 0 || upperHex || c1) {
            if (!out) {
                out.emplace();
                out->reserve(xml.size() + 64);
            }
            out->append(xml.substr(copiedUpTo, i - copiedUpTo));
            if (c1) {
                out->append("&#" + std::to_string(windows1252CodePoint(std::uint8_t(codePoint))) + ";");
                copiedUpTo = i + length;
            } else if (upperHex) {
                out->append("&#x");
                copiedUpTo = i + 3;
            } else {
                out->append("&amp;");
                copiedUpTo = i + 1;
            }
        }
        i = xml.find('&', i + 1);
    }
    if (out)
        out->append(xml.substr(copiedUpTo));
    return out;
}

}  // namespace earshot::feeds
