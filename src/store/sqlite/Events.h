// The append-only event log as the SQLite store writes it: the one event insert, used by the
// inbox store, the source store and the bulk loader. Above the store an event is appended
// through a repository (InboxStore::appendEvent).
#pragma once

#include "earshot/core/Result.h"
#include "earshot/store/Event.h"
#include "store/sqlite/Database.h"

namespace earshot::store {

Status appendEvent(Database& db, const Event& event);

}  // namespace earshot::store
