#include "earshot/checks/PersonalData.h"

#include <string>
#include <unordered_map>

namespace earshot::checks {

namespace {

bool isAsciiAlpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAsciiAlnum(char c) { return isAsciiAlpha(c) || isDigit(c); }
bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
char toUpper(char c) { return (c >= 'a' && c <= 'z') ? char(c - 'a' + 'A') : c; }
// Letters and digits of any script: bytes of multi-byte UTF-8 sequences count as word parts,
// so "één@" or "Café 12" are read as words.
bool isWordByte(char c) { return isAsciiAlnum(c) || static_cast<unsigned char>(c) >= 0x80; }

bool isLocalPartChar(char c)
{
    return isAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

bool isDomainChar(char c) { return isAsciiAlnum(c) || c == '.' || c == '-'; }

// Registered IBAN lengths per country (ISO 13616 registry).
const std::unordered_map<std::string, std::size_t>& ibanLengths()
{
    static const std::unordered_map<std::string, std::size_t> lengths = {
        {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22},
        {"BH", 22}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24}, {"DE", 22},
        {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18}, {"FO", 18}, {"FR", 27},
        {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27}, {"GT", 28}, {"HR", 21}, {"HU", 28},
        {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20},
        {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21}, {"MC", 27}, {"MD", 24},
        {"ME", 22}, {"MK", 19}, {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NL", 18}, {"NO", 15}, {"PK", 24},
        {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"SA", 24}, {"SC", 31},
        {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"ST", 25}, {"SV", 28}, {"TL", 23}, {"TN", 24},
        {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20},
    };
    return lengths;
}

// Dutch postcodes never use these letter pairs.
bool isUnusedPostcodeLetters(char a, char b)
{
    return a == 'S' && (b == 'A' || b == 'D' || b == 'S');
}

// "1234 AB" or "1234AB" at `offset`: its end, or 0.
std::size_t postcodeEnd(std::string_view text, std::size_t offset)
{
    if (offset > 0 && isWordByte(text[offset - 1]))
        return 0;
    if (offset + 6 > text.size() || text[offset] < '1' || text[offset] > '9')
        return 0;
    for (std::size_t i = 1; i < 4; ++i) {
        if (!isDigit(text[offset + i]))
            return 0;
    }
    std::size_t at = offset + 4;
    const bool spaced = text[at] == ' ';
    if (spaced)
        ++at;
    if (at + 2 > text.size())
        return 0;
    const char a = text[at], b = text[at + 1];
    // Lower case only when written together ("1234ab"): "2024 de" is a year and a word.
    const bool letters = spaced ? isUpper(a) && isUpper(b) : isAsciiAlpha(a) && isAsciiAlpha(b);
    if (!letters || isUnusedPostcodeLetters(toUpper(a), toUpper(b)))
        return 0;
    at += 2;
    if (at < text.size() && isWordByte(text[at]))
        return 0;
    return at;
}

// A house number with its optional addition ("12", "12a", "12-2", "12 A" is not taken) at
// `offset`: its end, or 0.
std::size_t houseNumberEnd(std::string_view text, std::size_t offset)
{
    if (offset >= text.size() || text[offset] < '1' || text[offset] > '9')
        return 0;
    std::size_t at = offset;
    while (at < text.size() && isDigit(text[at]) && at - offset < 5)
        ++at;
    if (at < text.size() && isDigit(text[at]))
        return 0;
    if (at < text.size() && isAsciiAlpha(text[at])) {
        ++at;                                                   // "12a"
    } else if (at + 1 < text.size() && text[at] == '-' && isAsciiAlnum(text[at + 1])) {
        std::size_t suffix = at + 1;                            // "12-2", "12-hs"
        while (suffix < text.size() && isAsciiAlnum(text[suffix]) && suffix - at <= 4)
            ++suffix;
        at = suffix;
    }
    if (at < text.size() && (isWordByte(text[at]) || text[at] == ':'))
        return 0;
    return at;
}

std::size_t skipSeparatorsForward(std::string_view text, std::size_t at)
{
    const std::size_t start = at;
    while (at < text.size() && at - start < 3 && (text[at] == ' ' || text[at] == ','))
        ++at;
    return at;
}

}  // namespace

std::vector<TextSpan> findEmailAddresses(std::string_view text)
{
    std::vector<TextSpan> found;
    for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
        std::size_t start = at;
        while (start > 0 && isLocalPartChar(text[start - 1]))
            --start;
        while (start < at && text[start] == '.')
            ++start;
        if (start == at)
            continue;                                           // "@handle"
        if (start > 0 && text[start - 1] == '@')
            continue;                                           // "@user@server": a fediverse handle
        std::size_t end = at + 1;
        while (end < text.size() && isDomainChar(text[end]))
            ++end;
        while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-'))
            --end;
        const std::string_view domain = text.substr(at + 1, end - at - 1);
        const std::size_t lastDot = domain.rfind('.');
        if (lastDot == std::string_view::npos || lastDot == 0 || domain.size() - lastDot - 1 < 2)
            continue;
        bool tldIsLetters = true;
        for (char c : domain.substr(lastDot + 1))
            tldIsLetters = tldIsLetters && isAsciiAlpha(c);
        if (!tldIsLetters || domain.find("..") != std::string_view::npos)
            continue;
        found.push_back({start, end - start});
        at = end - 1;
    }
    return found;
}

bool isValidIban(std::string_view compact)
{
    if (compact.size() < 5)
        return false;
    std::string upper;
    for (char c : compact) {
        if (!isAsciiAlnum(c))
            return false;
        upper.push_back(toUpper(c));
    }
    if (!isUpper(upper[0]) || !isUpper(upper[1]) || !isDigit(upper[2]) || !isDigit(upper[3]))
        return false;
    const auto length = ibanLengths().find(upper.substr(0, 2));
    if (length == ibanLengths().end() || length->second != upper.size())
        return false;
    // ISO 7064 MOD 97-10: the country and check digits move to the end, letters become
    // 10..35, and the whole number leaves remainder 1.
    const std::string rearranged = upper.substr(4) + upper.substr(0, 4);
    unsigned remainder = 0;
    for (char c : rearranged) {
        if (isDigit(c))
            remainder = (remainder * 10 + unsigned(c - '0')) % 97;
        else
            remainder = (remainder * 100 + unsigned(c - 'A' + 10)) % 97;
    }
    return remainder == 1;
}

std::vector<TextSpan> findIbans(std::string_view text)
{
    std::vector<TextSpan> found;
    for (std::size_t start = 0; start + 4 < text.size(); ++start) {
        if (start > 0 && isWordByte(text[start - 1]))
            continue;
        if (!isAsciiAlpha(text[start]) || !isAsciiAlpha(text[start + 1]) || !isDigit(text[start + 2]) ||
            !isDigit(text[start + 3]))
            continue;
        const std::string country{toUpper(text[start]), toUpper(text[start + 1])};
        const auto length = ibanLengths().find(country);
        if (length == ibanLengths().end())
            continue;
        std::string compact;
        std::size_t at = start;
        while (at < text.size() && compact.size() < length->second) {
            if (isAsciiAlnum(text[at])) {
                compact.push_back(text[at]);
                ++at;
            } else if (text[at] == ' ' && at + 1 < text.size() && isAsciiAlnum(text[at + 1])) {
                ++at;                                           // groups of four
            } else {
                break;
            }
        }
        if (compact.size() != length->second || (at < text.size() && isWordByte(text[at])))
            continue;
        if (!isValidIban(compact))
            continue;
        found.push_back({start, at - start});
        start = at;
    }
    return found;
}

std::vector<TextSpan> findDutchAddresses(std::string_view text)
{
    std::vector<TextSpan> found;
    for (std::size_t start = 0; start + 6 <= text.size(); ++start) {
        const std::size_t end = postcodeEnd(text, start);
        if (end == 0)
            continue;
        // "1234 AB 12", "1234AB, 12a"
        const std::size_t numberStart = skipSeparatorsForward(text, end);
        if (numberStart > end) {
            if (const std::size_t numberEnd = houseNumberEnd(text, numberStart); numberEnd > 0) {
                found.push_back({start, numberEnd - start});
                start = numberEnd;
                continue;
            }
        }
        // "Hoofdstraat 12, 1234 AB": street, number, then the postcode.
        std::size_t back = start;
        while (back > 0 && start - back < 3 && (text[back - 1] == ' ' || text[back - 1] == ','))
            --back;
        if (back == start || back == 0)
            continue;
        std::size_t numberBegin = back;
        while (numberBegin > 0 && (isAsciiAlnum(text[numberBegin - 1]) || text[numberBegin - 1] == '-'))
            --numberBegin;
        if (houseNumberEnd(text, numberBegin) != back || numberBegin < 2 || text[numberBegin - 1] != ' ')
            continue;
        std::size_t streetBegin = numberBegin - 1;
        while (streetBegin > 0 && (isAsciiAlpha(text[streetBegin - 1]) ||
                                   static_cast<unsigned char>(text[streetBegin - 1]) >= 0x80))
            --streetBegin;
        if (streetBegin == numberBegin - 1)
            continue;                                           // no street name before the number
        found.push_back({streetBegin, end - streetBegin});
        start = end;
    }
    return found;
}

}  // namespace earshot::checks
