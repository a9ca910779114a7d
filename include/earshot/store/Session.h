// One connection to a workspace, and the repositories that read and write through it. A
// session belongs to one thread at a time: the writer's thread, or a reader's (a list model,
// a worker, a CLI command). Repositories only execute; the rules (which post a reply answers,
// when a conversation reopens) are decided above them, in the inbox and the engine.
#pragma once

#include <functional>

#include "earshot/core/Result.h"

namespace earshot::store {

// The repositories, one per aggregate; each is an interface in its own header here
// (include/earshot/store/), implemented per engine under src/store/<engine>/.
class AgentStore;          // agents and their teams
class CannedReplyStore;    // canned replies
class ChangeStore;         // which conversations changed since a reader last asked
class ConversationStore;   // lists, counts, a conversation's detail and timeline, drafts read
class ExportStore;         // export cursors: every row of a kind, in pages
class InboxStore;          // inbox actions: conditional claim, status, replies, notes, tags, events
class MentionStore;        // ingest of new mentions, mention lists
class MetricsStore;        // what the dashboard and `stats` compute from
class PresenceStore;       // who is viewing or answering which conversation, right now
class SettingsStore;       // workspace settings (reply checks, team calendar, SLAs, keys)
class SourceStore;         // sources and their polling state
class TableStore;          // every row as text, for copying a workspace to the other engine

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

    // The repositories over this session's connection, alive as long as the session.
    virtual AgentStore& agents() = 0;
    virtual CannedReplyStore& cannedReplies() = 0;
    virtual ChangeStore& changes() = 0;
    virtual ConversationStore& conversations() = 0;
    virtual ExportStore& exports() = 0;
    virtual InboxStore& inbox() = 0;
    virtual MentionStore& mentions() = 0;
    virtual MetricsStore& metrics() = 0;
    virtual PresenceStore& presence() = 0;
    virtual SettingsStore& settings() = 0;
    virtual SourceStore& sources() = 0;
    virtual TableStore& tables() = 0;

protected:
    Session() = default;
};

}  // namespace earshot::store
