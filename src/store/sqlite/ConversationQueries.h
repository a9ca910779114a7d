// The SQLite statements behind SqliteConversationStore's lists and counts, and the counts
// the ingest and the bulk loader keep up to date.
//
// Lists page with keyset cursors, never OFFSET, and every page is a few index seeks whatever
// its depth: a view is read as one ordered index range per status (and per priority when
// sorting by priority) and the ranges are merged, then the page's rows in one query. A
// full-text search first asks FTS5 how many mentions match: few, and the matching
// conversations drive the query; many, and the view's order drives it while each conversation
// is checked against the matching mention ids. docs/benchmarks.md ("Inbox at 1,000,000
// conversations") has the figures.
#pragma once

#include "earshot/store/ConversationQuery.h"
#include "store/sqlite/Database.h"

namespace earshot::store {

Result<ConversationPage> listConversations(Database& db, const ConversationFilter& filter, int limit,
                                           const std::optional<ConversationCursor>& after = {});
Result<std::vector<ConversationMatch>> readConversations(Database& db, const ConversationFilter& filter,
                                                         const std::vector<std::int64_t>& ids);
Result<ConversationCounts> countConversations(Database& db, const std::string& agent = {});

// The per-status and per-source counts (conversation_counts) are kept by triggers on status
// changes, but new conversations are added to them by their inserter in bulk (migration 0007):
// one call per batch of `created` new conversations of a source.
Status countNewConversations(Database& db, std::int64_t sourceId, std::int64_t created);
// Counts every conversation again, after a bulk load that wrote conversations directly.
Status recountConversations(Database& db);

}  // namespace earshot::store
