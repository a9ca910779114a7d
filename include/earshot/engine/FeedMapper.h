// Turns a parsed feed into mentions for one source: stable external ids, authors
// per site, and the source's keyword filter applied.
#pragma once

#include <vector>

#include "earshot/engine/KeywordFilter.h"
#include "earshot/feeds/Feed.h"
#include "earshot/store/Mentions.h"

namespace earshot::engine {

struct MappedFeed {
    std::vector<store::NewMention> mentions;
    int filteredOut = 0;
};

MappedFeed mapFeed(const feeds::Feed& feed, const std::string& sourceUrl, const KeywordFilter& filter);

}  // namespace earshot::engine
