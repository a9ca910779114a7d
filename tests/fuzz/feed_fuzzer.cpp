// Fuzzes the whole feed path as a poll meets it: raw bytes of any charset, RSS, Atom, RDF or
// JSON Feed, then the JSON the CLI prints for what was read.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "earshot/feeds/FeedParser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    earshot::feeds::ParseOptions options;
    options.documentUrl = "https://feed.example/news/feed.xml";  // relative links resolve against it
    if (auto feed = earshot::feeds::parseFeed(bytes, options))
        earshot::feeds::feedToJson(*feed);
    return 0;
}
