#include "earshot/core/StorableText.h"

#include "earshot/core/Text.h"

namespace earshot::core {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";   // U+FFFD

}  // namespace

bool isStorableText(const std::string& text)
{
    return text.find('\0') == std::string::npos && isValidUtf8(text);
}

bool makeStorable(std::string& text)
{
    if (isStorableText(text))
        return false;
    std::string repaired;
    repairUtf8(text, repaired);
    text.clear();
    for (char c : repaired) {
        if (c == '\0')
            text += kReplacement;
        else
            text += c;
    }
    return true;
}

}  // namespace earshot::core
