#include "earshot/checks/Graphemes.h"

namespace earshot::checks {

namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr char32_t kZeroWidthJoiner = 0x200D;

bool inRange(char32_t c, char32_t first, char32_t last) { return c >= first && c <= last; }

bool isRegionalIndicator(char32_t c) { return inRange(c, 0x1F1E6, 0x1F1FF); }

// Code points that attach to the character before them: combining marks of the common
// scripts, variation selectors, emoji skin tones, tags, ZWJ/ZWNJ and spacing marks of the
// Indic and South-East Asian scripts whose vowels are written as separate code points.
bool isExtender(char32_t c)
{
    return inRange(c, 0x0300, 0x036F)       // combining diacritical marks
           || inRange(c, 0x0483, 0x0489)    // Cyrillic
           || inRange(c, 0x0591, 0x05BD) || c == 0x05BF || c == 0x05C1 || c == 0x05C2 || c == 0x05C4 ||
           c == 0x05C5 || c == 0x05C7                                       // Hebrew points
           || inRange(c, 0x0610, 0x061A) || inRange(c, 0x064B, 0x065F) || c == 0x0670 ||
           inRange(c, 0x06D6, 0x06DC) || inRange(c, 0x06DF, 0x06E4) || inRange(c, 0x06E7, 0x06E8) ||
           inRange(c, 0x06EA, 0x06ED)                                       // Arabic harakat
           || inRange(c, 0x0900, 0x0903) || inRange(c, 0x093A, 0x093C) || inRange(c, 0x093E, 0x094F) ||
           inRange(c, 0x0951, 0x0957) || inRange(c, 0x0962, 0x0963)         // Devanagari
           || inRange(c, 0x0981, 0x0983) || inRange(c, 0x09BC, 0x09D7)      // Bengali (approx.)
           || inRange(c, 0x0E31, 0x0E31) || inRange(c, 0x0E34, 0x0E3A) || inRange(c, 0x0E47, 0x0E4E)  // Thai
           || inRange(c, 0x1AB0, 0x1AFF) || inRange(c, 0x1DC0, 0x1DFF)      // more diacritics
           || c == 0x200C || c == kZeroWidthJoiner                          // ZWNJ, ZWJ
           || inRange(c, 0x20D0, 0x20FF)                                    // symbol marks, keycap
           || inRange(c, 0x302A, 0x302F) || inRange(c, 0x3099, 0x309A)      // CJK, kana voicing
           || inRange(c, 0xFE00, 0xFE0F) || inRange(c, 0xFE20, 0xFE2F)      // variation selectors, halves
           || inRange(c, 0x1F3FB, 0x1F3FF)                                  // emoji skin tones
           || inRange(c, 0xE0020, 0xE007F)                                  // tags (subdivision flags)
           || inRange(c, 0xE0100, 0xE01EF);                                 // variation selectors supplement
}

}  // namespace

DecodedCodePoint decodeUtf8At(std::string_view text, std::size_t offset)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(offset);
    if (lead < 0x80)
        return {lead, 1};
    std::size_t length = 0;
    char32_t value = 0;
    char32_t minimum = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2, value = lead & 0x1F, minimum = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3, value = lead & 0x0F, minimum = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4, value = lead & 0x07, minimum = 0x10000;
    } else {
        return {kReplacement, 1};
    }
    if (offset + length > text.size())
        return {kReplacement, 1};
    for (std::size_t i = 1; i < length; ++i) {
        const unsigned char next = byte(offset + i);
        if ((next & 0xC0) != 0x80)
            return {kReplacement, 1};
        value = (value << 6) | (next & 0x3F);
    }
    if (value < minimum || value > 0x10FFFF || inRange(value, 0xD800, 0xDFFF))
        return {kReplacement, 1};
    return {value, length};
}

bool isPictographic(char32_t c)
{
    return c == 0x00A9 || c == 0x00AE || c == 0x203C || c == 0x2049 || c == 0x2122 || c == 0x2139 ||
           inRange(c, 0x2194, 0x2199) || inRange(c, 0x21A9, 0x21AA) || inRange(c, 0x231A, 0x23FF) ||
           inRange(c, 0x24C2, 0x24C2) || inRange(c, 0x25AA, 0x25FE) || inRange(c, 0x2600, 0x27BF) ||
           inRange(c, 0x2934, 0x2935) || inRange(c, 0x2B05, 0x2B55) || c == 0x3030 || c == 0x303D ||
           c == 0x3297 || c == 0x3299 || inRange(c, 0x1F000, 0x1F1E5) || inRange(c, 0x1F200, 0x1F3FA) ||
           inRange(c, 0x1F400, 0x1FAFF) || inRange(c, 0x1FC00, 0x1FFFD);
}

std::size_t nextGraphemeBoundary(std::string_view text, std::size_t offset)
{
    if (offset >= text.size())
        return text.size();
    const DecodedCodePoint first = decodeUtf8At(text, offset);
    std::size_t end = offset + first.length;
    if (first.value == '\r') {
        if (end < text.size() && text[end] == '\n')
            ++end;
        return end;
    }
    if (first.value == '\n')
        return end;
    if (isRegionalIndicator(first.value)) {
        // Flags are pairs; a lone indicator stands alone.
        if (end < text.size()) {
            const DecodedCodePoint second = decodeUtf8At(text, end);
            if (isRegionalIndicator(second.value))
                end += second.length;
        }
    }
    const bool pictographicRun = isPictographic(first.value);
    while (end < text.size()) {
        const DecodedCodePoint next = decodeUtf8At(text, end);
        if (next.value == kZeroWidthJoiner) {
            end += next.length;
            // A ZWJ glues the next pictograph into an emoji sequence (👩‍👩‍👧).
            if (pictographicRun && end < text.size()) {
                const DecodedCodePoint joined = decodeUtf8At(text, end);
                if (isPictographic(joined.value)) {
                    end += joined.length;
                    continue;
                }
            }
            continue;
        }
        if (!isExtender(next.value))
            break;
        end += next.length;
    }
    return end;
}

std::size_t countCodePoints(std::string_view text)
{
    std::size_t count = 0;
    for (std::size_t offset = 0; offset < text.size(); offset += decodeUtf8At(text, offset).length)
        ++count;
    return count;
}

std::size_t countGraphemes(std::string_view text)
{
    std::size_t count = 0;
    for (std::size_t offset = 0; offset < text.size(); offset = nextGraphemeBoundary(text, offset))
        ++count;
    return count;
}

std::size_t utf16Offset(std::string_view text, std::size_t byteOffset)
{
    std::size_t units = 0;
    for (std::size_t offset = 0; offset < text.size() && offset < byteOffset;) {
        const DecodedCodePoint c = decodeUtf8At(text, offset);
        units += c.value >= 0x10000 ? 2 : 1;
        offset += c.length;
    }
    return units;
}

}  // namespace earshot::checks
