// Fuzzes the HTML-to-text folding that every feed title, summary and platform post goes
// through, with its link collection, entity decoding and white-space collapsing.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "earshot/feeds/HtmlText.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using earshot::feeds::HtmlText;
    const std::string_view html(reinterpret_cast<const char*>(data), size);
    std::vector<std::string> hrefs;
    HtmlText::toPlainText(html, hrefs);
    HtmlText::decodeEntities(html);
    HtmlText::collapseWhitespace(html);
    return 0;
}
