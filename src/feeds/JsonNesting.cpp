#include "earshot/feeds/JsonNesting.h"

namespace earshot::feeds {

bool jsonNestsDeeperThan(std::string_view text, int limit)
{
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;  // the escaped character, which may be a quote
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '[':
        case '{':
            if (++depth > limit)
                return true;
            break;
        case ']':
        case '}':
            --depth;  // unbalanced input is the parser's to reject
            break;
        default:
            break;
        }
    }
    return false;
}

}  // namespace earshot::feeds
