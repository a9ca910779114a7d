// Small UTF-8 helpers shared by the decoders and the HTML folding.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace earshot::feeds {

// Appends a code point; invalid ones (surrogates, > U+10FFFF) become U+FFFD.
void appendUtf8(std::string& out, char32_t codePoint);

// The code point windows-1252 assigns to a byte. Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D,
// undefined there, map to the C1 control of the same value, as browsers do.
char32_t windows1252CodePoint(std::uint8_t byte);

}  // namespace earshot::feeds
