// The PostgreSQL statements behind PgConversationStore's lists and counts, and the recount
// the bulk loader runs.
//
// Lists page with keyset cursors, never OFFSET, and every page is a few index seeks whatever
// its depth: a view is read as one ordered index range per status (and per priority bucket
// when sorting by priority), merged by the server (Merge Append), then the page's rows in
// one query. A full-text search first counts, up to a bound, the mentions that match: few,
// and the matching conversations drive the query; many, and the view's order drives it while
// each conversation is checked for a matching mention. The same shapes as SQLite's, so both
// engines return the same rows in the same order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "earshot/store/ConversationQuery.h"
#include "store/postgres/Connection.h"

namespace earshot::store::postgres {

Result<ConversationPage> listConversations(Connection& db, const ConversationFilter& filter, int limit,
                                           const std::optional<ConversationCursor>& after = {});
Result<std::vector<ConversationMatch>> readConversations(Connection& db, const ConversationFilter& filter,
                                                         const std::vector<std::int64_t>& ids);
Result<ConversationCounts> countConversations(Connection& db, const std::string& agent = {});

// Counts every conversation again (conversation_counts, and open_tag_counts with it), after
// a bulk load that wrote conversations directly. New conversations are otherwise counted by
// their inserter (countNewConversations in PgMentionStore.h), status changes by triggers.
Status recountConversations(Connection& db);

}  // namespace earshot::store::postgres
