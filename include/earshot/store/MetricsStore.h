// What the response metrics are computed from, and where their derived rows are kept. The
// store reads the conversations' logs and writes the cycles and waits that metrics derives
// from them (metrics/ResponseCycles.h); it decides nothing: which events claim, resolve or
// reopen, and what a cycle or a wait is, are the metrics module's.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "earshot/core/Result.h"
#include "earshot/domain/Vocabulary.h"

namespace earshot::store {

// One conversation's log as stored, for deriving its cycles.
struct MetricsLogMessage {           // a customer's message (the team's own replies heard back left out)
    std::int64_t conversation = 0;
    std::int64_t at = 0;             // reached Earshot
    std::optional<std::int64_t> publishedAt;
    std::string text;                // the body where it may thank someone (after a reply), else empty
};
struct MetricsLogReply {             // a reply recorded off-platform or sent on the platform
    std::int64_t conversation = 0;
    std::int64_t at = 0;             // recorded, or delivered when posted
    std::string agent;
};
struct MetricsLogEvent {             // status, reopened, claimed, assigned and taken_over events
    std::int64_t conversation = 0;
    std::int64_t at = 0;
    domain::EventKind kind = domain::EventKind::StatusChanged;
    std::string from;                // empty when none
    std::string to;
    std::string actor;
};
struct MetricsLogs {                 // each by conversation, then time
    std::vector<MetricsLogMessage> messages;
    std::vector<MetricsLogReply> replies;
    std::vector<MetricsLogEvent> events;
};

// A derived response cycle, as stored and as read back.
struct CycleRow {
    std::int64_t conversation = 0;
    std::int32_t number = 1;
    std::int64_t startedAt = 0;
    std::optional<std::int64_t> startedPublished;
    std::optional<std::int64_t> firstResponseAt;
    std::string firstResponder;      // empty: none
    std::optional<std::int64_t> claimedAt;
    std::optional<std::int64_t> resolvedAt;
    std::string resolver;
    std::int32_t customerMessages = 0;   // written, not read back
    std::int32_t agentReplies = 0;
};
struct WaitRow {
    std::int64_t conversation = 0;
    std::int32_t cycle = 1;
    std::int64_t customerAt = 0;
    std::optional<std::int64_t> customerPublished;
    std::optional<std::int64_t> answeredAt;
    std::string agent;               // empty: none
    std::string thankedAgent;
};

// A conversation as the snapshot reads it.
struct MetricsConversationRow {
    std::int64_t id = 0;
    std::int64_t sourceId = 0;
    std::string assignee;            // empty: nobody
    std::int64_t priority = 1;
    std::string status;              // domain::statusName()
};

// Conversations whose log changed since their cycles were derived, a batch at a time.
struct DirtyBatch {
    std::int64_t low = 0;            // conversation ids [low, high]
    std::int64_t high = 0;
    std::int64_t count = 0;          // 0: nothing left
};

class MetricsStore {
public:
    virtual ~MetricsStore() = default;

    // --- deriving cycles (metrics::refreshResponseCycles) ---
    virtual Result<std::int64_t> dirtyCount() = 0;
    // The lowest `limit` dirty conversations. nextDirtyBatch(), dirtyLogs() and
    // replaceDerived() run in one transaction: on a team workspace the batch is this
    // deriver's alone until it commits, and a conversation a writer is changing right now
    // stays dirty for the next batch.
    virtual Result<DirtyBatch> nextDirtyBatch(std::int64_t limit) = 0;
    // The logs of the batch's dirty conversations.
    virtual Result<MetricsLogs> dirtyLogs(const DirtyBatch& batch) = 0;
    // The logs of these conversations, dirty or not (the inbox's live SLA column).
    virtual Result<MetricsLogs> logsOf(const std::vector<std::int64_t>& conversations) = 0;
    // Replaces the cycles and waits of the batch's dirty conversations by these, and marks the
    // batch clean. Run it in the same transaction as dirtyLogs().
    virtual Status replaceDerived(const DirtyBatch& batch, const std::vector<CycleRow>& cycles,
                                  const std::vector<WaitRow>& waits) = 0;

    // --- the snapshot (metrics::Snapshot::load), each read in one pass ---
    // Every agent's name (by name) and teams.
    virtual Status eachAgent(const std::function<void(const std::string& name, const std::vector<std::string>& teams)>& row) = 0;
    virtual Status eachSourceName(const std::function<void(std::int64_t id, const std::string& name)>& row) = 0;
    // By id.
    virtual Status eachConversation(const std::function<void(const MetricsConversationRow&)>& row) = 0;
    // By conversation, then tag.
    virtual Status eachConversationTag(const std::function<void(std::int64_t conversation, const std::string& tag)>& row) = 0;
    // By conversation, then cycle number.
    virtual Status eachCycle(const std::function<void(const CycleRow&)>& row) = 0;
    virtual Status eachWait(const std::function<void(const WaitRow&)>& row) = 0;

protected:
    MetricsStore() = default;
};

}  // namespace earshot::store
