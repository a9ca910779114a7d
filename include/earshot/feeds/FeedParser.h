// Liberal parsing of RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed 1.0/1.1 from raw bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "earshot/core/Result.h"
#include "earshot/feeds/Feed.h"

namespace earshot::feeds {

struct ParseOptions {
    std::string documentUrl;   // base for relative links (after xml:base)
    std::string contentType;   // HTTP Content-Type, whose charset wins over the document's
    std::size_t maxBytes = 16 * 1024 * 1024;
};

// Never throws; a document that is not a feed yields an Error saying so.
Result<Feed> parseFeed(std::string_view bytes, const ParseOptions& options = {});

// The conformance JSON schema (shared/conformance/README.md), pretty enough for people.
std::string feedToJson(const Feed& feed);

}  // namespace earshot::feeds
