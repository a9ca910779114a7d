// Small UTF-8 text helpers shared across the core.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace earshot::core {

// At most maxBytes bytes, never cutting a UTF-8 sequence; a cut ends in "…" (counted).
std::string truncateUtf8(std::string_view text, std::size_t maxBytes);

// Lower case with Latin accents removed ("Café ÉCLAIR" -> "cafe eclair", "Straße" -> "strasse"), for
// case- and accent-insensitive matching. Combining accents (U+0300..U+036F) are dropped
// wherever they stand; other letters outside Latin are kept as they are.
std::string foldForMatching(std::string_view text);

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or truncation).
bool isValidUtf8(std::string_view text);
// `text` with each byte that starts no well-formed sequence replaced by U+FFFD, so the rest
// survives a single bad byte. Into `out`, whose buffer is reused.
void repairUtf8(std::string_view text, std::string& out);

// "2026-11-22T13:48:00Z"
std::string formatUtc(std::int64_t unixSeconds);

// "https://mastodon.social/api/…" -> "mastodon.social" (with a port when it has one); an
// address without a scheme is taken as starting with its host.
std::string hostOf(std::string_view url);

// Splits "a, b ,c" on commas; trims; drops empties. For word lists people type.
std::vector<std::string> splitWords(std::string_view text);
// The other way: "a, b, c".
std::string joinWords(const std::vector<std::string>& words);

}  // namespace earshot::core
