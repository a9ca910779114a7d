// A dry run of one source: fetch it once, parse it and apply the keyword filter exactly as
// the engine would, but store nothing. The Sources dialog's "Test" button shows this, so a
// person can see what a URL and a set of words would bring in before committing to them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "earshot/core/Result.h"
#include "earshot/net/Fetcher.h"

namespace earshot::engine {

struct PreviewItem {
    std::string title;
    std::string author;
    std::string link;
    std::optional<std::int64_t> publishedAt;   // Unix seconds, UTC
};

struct SourcePreview {
    std::string feedTitle;
    std::string format;                 // feeds::Feed::format: "rss20", "atom10", "json11", ...
    std::string finalUrl;               // where the feed came from after redirects
    int entryCount = 0;
    std::vector<PreviewItem> kept;      // what the engine would store, in feed order
    std::vector<PreviewItem> filteredOut;
};

// Errors are one line a person can act on ("HTTP 404 Not Found", "not a feed: ...",
// "timed out after 60 s").
Result<SourcePreview> previewSource(const std::string& url, const std::vector<std::string>& includeWords,
                                    const std::vector<std::string>& excludeWords, net::FetchOptions options = {});

// The same with a fetcher the caller owns, so another thread can cancel() it (the dialog
// does, when it closes during a test).
Result<SourcePreview> previewSource(net::Fetcher& fetcher, const std::string& url,
                                    const std::vector<std::string>& includeWords,
                                    const std::vector<std::string>& excludeWords);

// "RSS 2.0", "Atom 1.0", "JSON Feed 1.1", ... for a feeds::Feed::format.
std::string feedFormatName(const std::string& format);

}  // namespace earshot::engine
