// Fuzzes OPML import (a file a person picked, from any feed reader), and the export of
// whatever it read.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "earshot/core/Opml.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    auto outlines = earshot::core::parseOpml(std::string_view(reinterpret_cast<const char*>(data), size));
    if (outlines)
        earshot::core::writeOpml("fuzz", *outlines);
    return 0;
}
