// Fuzzes how the bluesky connectors read an API answer into mentions.
#include "PlatformFuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    return earshot::fuzz::readAsPlatform("bluesky", data, size);
}
