// Each platform's reply length limit, counted the way that platform counts: Mastodon and
// Bluesky in user-perceived characters, X/Twitter in weighted code points, Discourse in
// characters. Feeds and unknown platforms have no limit.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace earshot::checks {

struct LengthRule {
    enum class Unit {
        CodePoints,          // Discourse
        Graphemes,           // Mastodon, Bluesky
        Weighted,            // X: CJK and emoji count 2, Latin 1 (twitter-text v3)
    };
    std::string platformLabel;   // "Bluesky", for messages
    std::size_t limit = 0;
    Unit unit = Unit::Graphemes;
    // Mastodon and X count every link as 23 characters, however long it is.
    bool linksCountAs23 = false;
    // Mastodon counts "@user@example.social" as "@user".
    bool mentionsCountLocalPart = false;
};

// Recognises "mastodon", "bluesky"/"bsky", "x"/"twitter", "discourse" (any case). A
// `limitOverride` replaces the default limit, for instances configured differently
// (Mastodon servers often allow more than 500); it also gives an unknown platform a
// limit counted in characters.
std::optional<LengthRule> lengthRuleFor(std::string_view platform,
                                        std::optional<std::size_t> limitOverride = std::nullopt);

struct LengthCount {
    std::size_t count = 0;
    // Where the text first goes over the limit (byte offset), for highlighting the excess.
    std::optional<std::size_t> overflowOffset;
};

LengthCount countForPlatform(std::string_view text, const LengthRule& rule);

}  // namespace earshot::checks
