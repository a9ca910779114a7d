// Response cycles and waits: the one definition of response and resolution times that the
// dashboard, `earshot-cli stats` and the exports share (docs/metrics.md).
//
// A conversation's first customer message starts its first cycle; reopening a resolved
// conversation starts the next, so a reopen never stretches the first cycle's figures. Within
// a cycle, a customer message written while no earlier one waits for an answer starts a wait;
// the next agent reply (off-platform when recorded, on the platform when posted) ends it.
// Notes are not replies. The first wait of a cycle gives its first response time; resolving
// it gives its resolution time.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "earshot/core/Result.h"
#include "earshot/store/Session.h"
#include "earshot/store/Workspace.h"
#include "earshot/store/Writer.h"

namespace earshot::metrics {

// What happened in one conversation, as the metrics read its log.
struct ConversationLog {
    struct CustomerMessage {
        std::int64_t at = 0;                       // reached Earshot
        std::optional<std::int64_t> publishedAt;   // the post's own time
        bool thanks = false;                       // says thank you
    };
    struct AgentReply {
        std::int64_t at = 0;  // recorded (off-platform) or posted (platform)
        std::string agent;
    };
    enum class Change { Claimed, Resolved, Reopened };
    struct StatusChange {
        std::int64_t at = 0;
        Change change = Change::Claimed;
        std::string agent;
    };
    std::vector<CustomerMessage> messages;
    std::vector<AgentReply> replies;
    std::vector<StatusChange> changes;
};

struct Wait {
    std::int64_t customerAt = 0;
    std::optional<std::int64_t> customerPublishedAt;
    std::optional<std::int64_t> answeredAt;
    std::string agent;         // who answered
    std::string thankedAgent;  // this message thanks them for the reply before it
};

struct Cycle {
    int number = 1;
    std::int64_t startedAt = 0;
    std::optional<std::int64_t> startedPublishedAt;
    std::optional<std::int64_t> firstResponseAt;
    std::string firstResponder;
    std::optional<std::int64_t> claimedAt;
    std::optional<std::int64_t> resolvedAt;
    std::string resolver;
    int customerMessages = 0;
    int agentReplies = 0;
    std::vector<Wait> waits;
};

// The cycles of one conversation. Things of one second are taken in the order a reopening,
// customer messages, claims, replies, resolving.
std::vector<Cycle> deriveCycles(const ConversationLog& log);

// Whether a customer's message thanks someone ("Bedankt!", "dank je wel", "thanks a lot").
bool soundsLikeThanks(std::string_view text);

// Derives the rows of every conversation whose log changed since (store::MetricsStore's dirty
// conversations) and stores them, in batches of one transaction each. `progress` hears how
// many are left after each batch. The session must be one that writes: the writer's, in a job.
Status refreshResponseCycles(store::Session& session, const std::function<void(std::int64_t left)>& progress = {});
// The same through the workspace's writer, one job per batch, so other writes go in between.
Status refreshResponseCycles(store::Writer& writer, const std::function<void(std::int64_t left)>& progress = {});
// Through the workspace's writer only when `reader` (a reading session of it) sees something
// to derive: most readings find nothing, and need no writer.
Status refreshResponseCycles(store::Workspace& workspace, store::Session& reader);

// The current (last) cycle of each of these conversations, derived from their logs without
// writing anything, for the inbox's live SLA column. Conversations without a customer message
// are left out.
Result<std::map<std::int64_t, Cycle>> latestCycles(store::Session& session,
                                                   const std::vector<std::int64_t>& conversationIds);

}  // namespace earshot::metrics
