// Fuzzes the reply checks' personal-data finders on an agent's text. Every span they report
// must lie inside the text: the composer highlights it.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "earshot/checks/PersonalData.h"
#include "earshot/checks/PhoneNumbers.h"

namespace {

void requireInside(const std::vector<earshot::checks::TextSpan>& spans, std::string_view text)
{
    for (const auto& span : spans)
        if (span.offset > text.size() || span.length > text.size() - span.offset)
            std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace earshot::checks;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<TextSpan> found = findEmailAddresses(text);
    requireInside(found, text);
    const std::vector<TextSpan> ibans = findIbans(text);
    requireInside(ibans, text);
    found.insert(found.end(), ibans.begin(), ibans.end());
    requireInside(findDutchAddresses(text), text);
    requireInside(findPhoneNumbers(text, found), text);
    isValidIban(text);
    return 0;
}
