// Turns a parsed feed into mentions for one source: stable external ids, authors
// per site, and the source's keyword filter applied.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "earshot/core/Result.h"

#include "earshot/engine/KeywordFilter.h"
#include "earshot/feeds/Feed.h"
#include "earshot/store/Mentions.h"
#include "earshot/store/Session.h"

namespace earshot::engine {

struct MappedFeed {
    std::vector<store::NewMention> mentions;
    int filteredOut = 0;
};

MappedFeed mapFeed(const feeds::Feed& feed, const std::string& sourceUrl, const KeywordFilter& filter);
// The entries [begin, end) only, in the feed's order.
MappedFeed mapFeed(const feeds::Feed& feed, std::size_t begin, std::size_t end, const std::string& sourceUrl,
                   const KeywordFilter& filter);

// Stores a feed's mentions oldest first (feeds list newest first, and the newest item should
// get the highest id), mapping and storing kIngestBatch entries at a time: a poll then holds
// the parsed feed and one batch of mentions, whatever the feed's size. Call inside a transaction.
constexpr std::size_t kIngestBatch = 2000;
Result<store::IngestResult> ingestFeed(store::Session& session, std::int64_t sourceId, const feeds::Feed& feed,
                                       const std::string& sourceUrl, const KeywordFilter& filter, std::int64_t now,
                                       int& filteredOut);

}  // namespace earshot::engine
