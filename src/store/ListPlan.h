// How a database engine lists a page of conversations: the decisions every engine shares,
// so that a page is the same whichever database holds it. Each engine writes its own
// queries for the plan (src/store/<engine>/).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "earshot/core/Result.h"
#include "earshot/store/ConversationQuery.h"

namespace earshot::store {

inline constexpr int kMaxListLimit = 10'000;

// Below this many matching mentions the matches drive the query: their conversations are
// looked up by id and the few that pass are sorted, which beats walking the view's order and
// checking each conversation (for a rare word that may walk the whole view). Above it,
// walking finds a page within a few thousand index entries. Measured at 1,000,000
// conversations (docs/benchmarks.md).
inline constexpr std::int64_t kSearchDriveLimit = 5'000;
// The same for a tag: its conversations are looked up by id. Walking is quick for a tag
// spread over the view, but tags follow topics and topics priorities: a priority sort of
// "vraag" walks every urgent and high conversation before its first match.
inline constexpr std::int64_t kTagDriveLimit = 40'000;

// Which set drives a listing, and which filters are checked per conversation.
struct ListPlan {
    enum class Driver { Streams, SearchMatches, TagMembers };
    Driver driver = Driver::Streams;
    bool checkTag = false;
    bool checkSearch = false;
};

// Ok, or why no engine lists this: a page size out of range, "mine" without an agent.
Status checkListRequest(const ConversationFilter& filter, int limit);

// The plan for `filter`, given how many mentions match its search (none without a search;
// counting past kSearchDriveLimit is not needed) and how to count its tag's conversations
// (asked only when that decides; past kTagDriveLimit is not needed). None: nothing can match.
Result<std::optional<ListPlan>> planList(const ConversationFilter& filter, std::optional<std::int64_t> searchMatches,
                                         const std::function<Result<std::int64_t>()>& countTagged);

// Keys are read one past the page: cuts them to the page, and gives the next page's cursor
// when there is a next page.
std::optional<ConversationCursor> cutToPage(std::vector<ConversationCursor>& keys, int limit);
std::vector<std::int64_t> idsOf(const std::vector<ConversationCursor>& keys);

// Reads the keys of a list walked in the view's order into `keys`, until `wanted` are there:
// `readBucket(priority, from)` appends one sorted range, from after the cursor `from` (none:
// from the start). The priority sort walks four buckets, highest first, and only the
// cursor's own bucket starts part way through; other sorts are one bucket (no priority).
// Keys past `wanted` are cut off.
using BucketReader = std::function<Status(std::optional<int> priority, const std::optional<ConversationCursor>& from)>;
Status walkBuckets(const ConversationFilter& filter, const std::optional<ConversationCursor>& after,
                   std::vector<ConversationCursor>& keys, std::size_t wanted, const BucketReader& readBucket);

// Whether a conversation read by id belongs in the filter's list, its search aside (the
// engine checks the search). `row.tags` is sorted.
bool belongsInList(const ConversationRow& row, const ConversationFilter& filter);

}  // namespace earshot::store
