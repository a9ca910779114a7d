// Makes the links a feed carries absolute: against xml:base, then the document's URL
// (RFC 3986 section 5). Pure string work: no lookups, no normalisation beyond the RFC's.
#pragma once

#include <string>
#include <string_view>

namespace earshot::feeds {

class UrlResolver {
public:
    // `reference` resolved against `base`. An empty base, or a reference that already has
    // a scheme, gives the reference back (trimmed of surrounding white space).
    static std::string resolve(std::string_view base, std::string_view reference);

    static bool hasScheme(std::string_view url);

private:
    static std::string removeDotSegments(std::string_view path);
};

}  // namespace earshot::feeds
