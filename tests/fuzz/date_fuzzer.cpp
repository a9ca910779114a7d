// Fuzzes the feed date reader; any time it returns must also format (the CLI prints them).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "earshot/feeds/DateParser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using earshot::feeds::DateParser;
    if (auto time = DateParser::parse(std::string_view(reinterpret_cast<const char*>(data), size)))
        DateParser::formatUtc(*time);
    return 0;
}
