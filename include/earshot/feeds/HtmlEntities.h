// Named character references (&eacute; …) for the two places that meet them: HTML
// snippets inside feeds, and XML feeds that use HTML entities without declaring them.
#pragma once

#include <optional>
#include <string_view>

namespace earshot::feeds {

struct HtmlEntity {
    std::string_view name;   // without '&' and ';'
    std::string_view text;   // UTF-8
    bool legacy;             // HTML also accepts it without the trailing ';'
};

// nullptr when the name is not an HTML entity. Case-sensitive, as HTML is.
const HtmlEntity* findHtmlEntity(std::string_view name);

// Longest legacy entity that is a prefix of `text` (for "&copy2024" style input).
const HtmlEntity* findLegacyHtmlEntityPrefix(std::string_view text);

}  // namespace earshot::feeds
