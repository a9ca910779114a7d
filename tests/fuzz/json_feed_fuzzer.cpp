// Fuzzes the JSON Feed mapping on its own (parseFeed sends only documents that look like
// JSON here, so this reaches it with less noise).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "JsonFeedParser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const earshot::feeds::ParseOptions options{.documentUrl = "https://feed.example/feed.json"};
    static const earshot::feeds::JsonFeedParser parser(options);
    if (auto feed = parser.parse(std::string_view(reinterpret_cast<const char*>(data), size)))
        earshot::feeds::feedToJson(*feed);
    return 0;
}
