// Adding the feeds of an OPML subscription list (what feed readers export) as sources: one
// import for the command line and the console, so both add and skip the same outlines.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "earshot/core/Result.h"

namespace earshot::store {
class Session;
}

namespace earshot::sources {

struct OpmlSkipped {
    std::string label;     // the outline's title, else its URL
    std::string url;
    bool alreadyASource = false;
    std::string reason;    // why it was refused, when it was not already a source
};

struct OpmlImportReport {
    int added = 0;
    std::vector<OpmlSkipped> skipped;
};

// Adds every outline with a feed URL that is not a source yet, for `actor` (see addSource). Run
// it inside one writer job, so the whole list is written in one transaction. Fails only when
// `document` is no OPML or the sources cannot be read; an outline that cannot be added is
// skipped with its reason.
Result<OpmlImportReport> importOpml(std::string_view document, store::Session& session, std::string_view actor);

}  // namespace earshot::sources
