// The append-only event log, written by the SQLite store's own files (ingest, sources).
// Above the store an event is appended through a repository (InboxStore::appendEvent).
#pragma once

#include "earshot/core/Result.h"
#include "earshot/store/Event.h"
#include "store/sqlite/Database.h"

namespace earshot::store {

// TRANSITIONAL (issue 12, in progress): for src/store/sqlite/{Mentions,Sources}.cpp; moves
// into src/store/sqlite/ with them.
Status appendEvent(Database& db, const Event& event);

}  // namespace earshot::store
