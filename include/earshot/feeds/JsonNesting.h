// How deeply a JSON text nests, found before parsing it. nlohmann::json parses without
// recursion, but builds one heap node per level: the 8 million levels that fit in a 16 MiB
// answer cost some 600 MiB. Feeds and platform APIs nest a handful of levels; anything
// deeper than kMaxJsonNesting is refused before it is parsed.
#pragma once

#include <string_view>

namespace earshot::feeds {

inline constexpr int kMaxJsonNesting = 512;

// True when arrays and objects in `text` open more than `limit` levels deep. Brackets inside
// strings do not count. Linear, no allocation; says nothing about whether the JSON is valid.
bool jsonNestsDeeperThan(std::string_view text, int limit = kMaxJsonNesting);

}  // namespace earshot::feeds
