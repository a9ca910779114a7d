// The inbox's conversation lists: which conversations a view shows, in the order agents work
// them, a page at a time (keyset cursors, never OFFSET), and how many each view, source and
// tag holds. The types and the order's rules; ConversationStore reads them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "earshot/core/Result.h"
#include "earshot/domain/Vocabulary.h"

namespace earshot::store {

enum class ConversationView {
    Unassigned,   // status new: nobody holds it yet
    Mine,         // held by ConversationFilter::agent, open or pending
    AllOpen,      // new, open or pending: everything not finished
    Pending,      // waiting for the customer
    Resolved,
    Spam,
    All,
};

enum class ConversationSort {
    Waiting,      // by the customer's last message
    Priority,     // urgent first, then by the customer's last message within each priority
};

// Direction of the customer's-last-message order. By default the views where customers wait
// (unassigned, mine, all open, pending) put the longest waiting first, the oldest unanswered
// on top, and the finished ones (resolved, spam, all) the most recent first.
enum class TimeOrder { ViewDefault, OldestFirst, NewestFirst };

struct ConversationFilter {
    ConversationView view = ConversationView::AllOpen;
    std::string agent;                      // whose conversations Mine shows
    std::optional<std::int64_t> sourceId;
    std::string tag;                        // a normalised tag; empty: any
    std::string search;                     // FTS5 query over the conversation's mentions; empty: all
    ConversationSort sort = ConversationSort::Waiting;
    TimeOrder timeOrder = TimeOrder::ViewDefault;
};

// Where a page starts: the sort key of the last row of the page before.
struct ConversationCursor {
    int priority = 0;                       // used by the priority sort only
    std::int64_t lastCustomerAt = 0;
    std::int64_t id = 0;
    bool operator==(const ConversationCursor&) const = default;
};

struct ConversationRow {
    std::int64_t id = 0;
    domain::ConversationStatus status = domain::ConversationStatus::New;
    domain::Priority priority = domain::Priority::Normal;
    std::string assignee;                   // empty: nobody
    std::string customerName;               // display name, else empty
    std::string customerHandle;
    std::int64_t sourceId = 0;
    std::string sourceName;
    std::string snippet;                    // the customer's latest words
    std::int64_t lastCustomerAt = 0;
    std::int64_t createdAt = 0;
    std::optional<std::int64_t> firstResponseAt;
    std::optional<std::int64_t> resolvedAt;
    std::int64_t messageCount = 0;
    std::vector<std::string> tags;          // sorted

    ConversationCursor key() const { return {int(priority), lastCustomerAt, id}; }
};

struct ConversationPage {
    std::vector<ConversationRow> rows;
    // The cursor for the next page; empty when this page was the last.
    std::optional<ConversationCursor> nextCursor;
};


// The statuses a view shows.
std::vector<domain::ConversationStatus> statusesOf(ConversationView view);

// Whether the filter puts the longest waiting first (its TimeOrder resolved for its view).
bool oldestFirst(const ConversationFilter& filter);

// Whether a row with key `a` comes before one with key `b` in the filter's order.
bool sortsBefore(const ConversationFilter& filter, const ConversationCursor& a, const ConversationCursor& b);

// A conversation read by id (ConversationStore::read), and whether it belongs in the
// filter's list (view, source, tag and search).
struct ConversationMatch {
    ConversationRow row;
    bool matches = false;
};

// The numbers beside the inbox's views. Sources and tags count conversations still to be
// worked (new, open or pending), since that is what a count beside them is for.
struct ConversationCounts {
    std::int64_t unassigned = 0;
    std::int64_t mine = 0;                  // for the agent asked about
    std::int64_t allOpen = 0;
    std::int64_t pending = 0;
    std::int64_t resolved = 0;
    std::int64_t spam = 0;
    std::int64_t all = 0;
    std::vector<std::pair<std::int64_t, std::int64_t>> openBySource;   // every source not removed, by id
    std::vector<std::pair<std::string, std::int64_t>> openByTag;       // tags with open ones, by tag
};



// "new", "mine", "open", "pending", "resolved", "spam", "all"; and back.
std::string_view viewName(ConversationView view);
std::optional<ConversationView> parseView(std::string_view name);

}  // namespace earshot::store
