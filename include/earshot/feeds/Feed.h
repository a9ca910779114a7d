// The parsed, format-independent form of a feed: what every parser produces and what
// the engine maps onto mentions. Text fields are plain text (HTML already folded).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace earshot::feeds {

// Seconds since the Unix epoch, UTC.
using UnixTime = std::int64_t;

struct FeedEntry {
    std::string id;          // guid / id as in the document; may be empty
    std::string title;       // plain text
    std::string link;        // absolute URL
    std::string author;      // plain text: name, else e-mail
    std::string authorUrl;   // absolute URL, when given
    std::optional<UnixTime> published;
    std::optional<UnixTime> updated;
    std::string summary;     // plain text
    std::string content;     // plain text
    std::vector<std::string> categories;
    std::vector<std::string> htmlLinks;  // absolute hrefs found inside summary/content HTML
    std::string inReplyTo;   // thread parent ref (Atom threading extension), when given
};

struct Feed {
    std::string format;      // "rss20", "rss10", "rss09x", "atom10", "atom03", "json10", "json11"
    std::string title;
    std::string subtitle;
    std::string link;
    std::string language;
    std::string author;
    std::optional<UnixTime> updated;
    std::vector<FeedEntry> entries;
};

}  // namespace earshot::feeds
