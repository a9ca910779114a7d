#include "earshot/store/Mentions.h"

#include <cstdio>

namespace earshot::store {

std::string stableExternalId(const std::string& link, const std::string& title, std::optional<std::int64_t> date)
{
    // FNV-1a, 64 bits: stable across runs and builds, which std::hash is not.
    std::uint64_t hash = 1469598103934665603ull;
    auto mix = [&hash](std::string_view part) {
        for (unsigned char c : part) {
            hash ^= c;
            hash *= 1099511628211ull;
        }
        hash ^= 0xff;
        hash *= 1099511628211ull;
    };
    mix(link);
    mix(title);
    mix(date ? std::to_string(*date) : "");
    char text[24];
    std::snprintf(text, sizeof text, "hash:%016llx", static_cast<unsigned long long>(hash));
    return text;
}

}  // namespace earshot::store
