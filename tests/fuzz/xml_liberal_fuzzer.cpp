// Fuzzes the liberal XML path: the bare-ampersand mending, then libxml2's recover mode and
// the copy of its tree into ours (what broken feeds go through).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "XmlRepair.h"
#include "XmlTree.h"
#include "XmlWalk.h"
#include "earshot/feeds/DocumentDecoder.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace earshot::feeds;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto decoded = DocumentDecoder::decode(bytes, "application/xml");
    if (!decoded)
        return 0;
    const std::optional<std::string> mended = XmlRepair::escapeBareAmpersands(decoded->utf8);
    if (auto tree = XmlTree::parseLiberally(mended ? std::string_view(*mended) : std::string_view(decoded->utf8)))
        earshot::fuzz::touchAll(tree->root());
    return 0;
}
