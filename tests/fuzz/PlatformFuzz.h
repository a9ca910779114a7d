// What the five platform fuzzers share: one platform's answers fed to each of its
// connectors, as a fixed source would receive them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace earshot::fuzz {

// Reads `body` as a 200 answer with every connector of `platform` ("mastodon", …), for a
// source's first poll and for one catching up, as the first page and as a later one.
int readAsPlatform(std::string_view platform, const std::uint8_t* data, std::size_t size);

}  // namespace earshot::fuzz
