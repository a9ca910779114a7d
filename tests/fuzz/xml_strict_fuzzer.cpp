// Fuzzes the strict XML reader alone, which keeps views into the document: the place where
// an off-by-one would read past the end rather than fail. Its input is UTF-8 by contract
// (DocumentDecoder runs first), so bytes that are not are decoded as a poll would.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "XmlTree.h"
#include "XmlWalk.h"
#include "earshot/feeds/DocumentDecoder.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto decoded = earshot::feeds::DocumentDecoder::decode(bytes, "application/xml");
    if (!decoded)
        return 0;
    if (auto tree = earshot::feeds::XmlTree::parseWellFormed(decoded->utf8))
        earshot::fuzz::touchAll(tree->root());
    return 0;
}
