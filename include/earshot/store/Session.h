// One connection to a workspace, and the repositories that read and write through it. A
// session belongs to one thread at a time: the writer's thread, or a reader's (a list model,
// a worker, a CLI command). Repositories only execute; the rules (which post a reply answers,
// when a conversation reopens) are decided above them, in the inbox and the engine.
#pragma once

#include <functional>

#include "earshot/core/Result.h"

namespace earshot::store {

class Session {
public:
    virtual ~Session() = default;
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // Runs `work` in one transaction, committed when it succeeds and rolled back when it
    // fails. Inside another transaction of this session it is a nested one: its failure
    // undoes its own changes only.
    virtual Status transaction(const std::function<Status()>& work) = 0;

    // Upkeep that may lag behind the writes themselves, run by the writer when its queue is
    // empty: SQLite adds newly stored mentions to the full-text index here.
    virtual Status catchUp() = 0;

protected:
    Session() = default;
};

}  // namespace earshot::store
