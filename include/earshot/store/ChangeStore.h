// Which conversations changed, so every desktop of a workspace shows what the others did
// without reloading everything. Every transaction that changes a conversation (a claim, a
// reply, a note, a tag, a status, a new mention or conversation) leaves a row in the
// workspace's change log, written by the database's own triggers. A reader keeps a position
// in that log and asks what came after it; a hint (PostgreSQL's NOTIFY) only says when to ask.
#pragma once

#include <chrono>
#include <cstdint>
#include <vector>

#include "earshot/core/Result.h"

namespace earshot::store {

// Where a reader stands in the change log. SQLite commits one writer at a time, so the last
// change read is the position. On PostgreSQL a change numbered lower may commit after a
// higher one was read; there the position is the oldest transaction still running at the
// last read, and `seen` the changes at or after it already read, so nothing is skipped and
// nothing is told twice.
struct ChangePosition {
    std::int64_t position = 0;
    std::vector<std::int64_t> seen;
};

struct Changes {
    std::vector<std::int64_t> conversationIds;   // each once, in no particular order
    ChangePosition next;
};

class ChangeStore {
public:
    virtual ~ChangeStore() = default;
    // Where a reader that reads everything now stands: only later changes are news to it.
    virtual Result<ChangePosition> latest() = 0;
    // What changed after `from`; an empty list when nothing did.
    virtual Result<Changes> since(const ChangePosition& from) = 0;
};

// Waits on a connection of its own for a hint that something may have changed.
class ChangeHints {
public:
    virtual ~ChangeHints() = default;
    // True when something may have changed: a hint came within `timeout` (on SQLite, which
    // has no hints, a short wait ended). False when none came, or interrupt() was called.
    // Fails when the connection is lost: make new hints to reconnect, then read since().
    virtual Result<bool> wait(std::chrono::milliseconds timeout) = 0;
    // From any thread: a wait() in progress, or the next one, returns at once.
    virtual void interrupt() = 0;
};

}  // namespace earshot::store
