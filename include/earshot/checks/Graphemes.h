// Counting text the way people and platforms do: code points and user-perceived characters
// (grapheme clusters), without ICU. Platforms limit replies in those units, never in bytes.
//
// The grapheme rules are a practical subset of Unicode's extended grapheme clusters (UAX #29):
// CR LF, combining marks and other extenders, variation selectors, emoji modifiers, ZWJ emoji
// sequences, tag sequences and regional-indicator flags stay together. Hangul jamo sequences and
// Indic conjuncts are not joined; both are rare in replies and only ever count high, not low.
#pragma once

#include <cstddef>
#include <string_view>

namespace earshot::checks {

struct DecodedCodePoint {
    char32_t value = 0;       // U+FFFD for a malformed byte
    std::size_t length = 0;   // bytes consumed, at least 1 while offset < text.size()
};

// Decodes the code point at `offset` (which must be < text.size()). A malformed sequence
// yields U+FFFD and consumes one byte, so every byte is visited exactly once.
DecodedCodePoint decodeUtf8At(std::string_view text, std::size_t offset);

// The byte offset where the grapheme cluster starting at `offset` ends.
std::size_t nextGraphemeBoundary(std::string_view text, std::size_t offset);

std::size_t countCodePoints(std::string_view text);
std::size_t countGraphemes(std::string_view text);

// Offsets in UTF-16 code units, for Qt (QString) and JavaScript callers that highlight spans.
std::size_t utf16Offset(std::string_view text, std::size_t byteOffset);

// Emoji and pictographs (Unicode's Extended_Pictographic, approximated by block).
bool isPictographic(char32_t c);

}  // namespace earshot::checks
