#include "earshot/feeds/HtmlEntities.h"

#include <algorithm>
#include <iterator>

namespace earshot::feeds {

namespace {

constexpr HtmlEntity kEntities[] = {
#include "HtmlEntityTable.inc"
};

// Longest legacy name ("frac34", "middot") is six characters.
constexpr std::size_t kLongestLegacyName = 6;

}  // namespace

const HtmlEntity* findHtmlEntity(std::string_view name)
{
    auto it = std::lower_bound(std::begin(kEntities), std::end(kEntities), name,
                               [](const HtmlEntity& e, std::string_view n) { return e.name < n; });
    if (it == std::end(kEntities) || it->name != name)
        return nullptr;
    return &*it;
}

const HtmlEntity* findLegacyHtmlEntityPrefix(std::string_view text)
{
    for (std::size_t len = std::min(text.size(), kLongestLegacyName); len >= 2; --len) {
        const HtmlEntity* e = findHtmlEntity(text.substr(0, len));
        if (e && e->legacy)
            return e;
    }
    return nullptr;
}

}  // namespace earshot::feeds
