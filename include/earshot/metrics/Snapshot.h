// Everything the response metrics need, read once into compact arrays: a row per conversation,
// per response cycle and per wait, with names replaced by small indexes. Reports over a million
// conversations are then computed in memory (Report.h), as often as a filter changes, without
// asking the database again.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <unordered_map>
#include <vector>

#include "earshot/core/Result.h"
#include "earshot/store/Session.h"

namespace earshot::metrics {

constexpr std::int64_t kNoTime = std::numeric_limits<std::int64_t>::min();
constexpr std::int32_t kNobody = -1;

struct ConversationFacts {
    std::int64_t id = 0;
    std::int64_t sourceId = 0;
    std::int32_t assignee = kNobody;   // index into Snapshot::agents
    std::uint32_t tagsBegin = 0;       // range in Snapshot::conversationTags
    std::uint32_t tagsEnd = 0;
    std::uint8_t priority = 1;
    std::uint8_t status = 0;           // inbox::ConversationStatus
};

struct CycleFacts {
    std::uint32_t conversation = 0;    // index into Snapshot::conversations
    std::int32_t number = 1;
    std::int64_t startedAt = 0;
    std::int64_t startedPublished = kNoTime;
    std::int64_t firstResponseAt = kNoTime;
    std::int64_t claimedAt = kNoTime;
    std::int64_t resolvedAt = kNoTime;
    std::int32_t firstResponder = kNobody;
    std::int32_t resolver = kNobody;
};

struct WaitFacts {
    std::uint32_t conversation = 0;
    std::int64_t customerAt = 0;
    std::int64_t customerPublished = kNoTime;
    std::int64_t answeredAt = kNoTime;
    std::int32_t agent = kNobody;
    std::int32_t thankedAgent = kNobody;
};

struct Snapshot {
    std::vector<ConversationFacts> conversations;  // by id
    std::vector<CycleFacts> cycles;                // by conversation, then number
    std::vector<WaitFacts> waits;
    std::vector<std::int32_t> conversationTags;    // indexes into tags
    std::vector<std::string> agents;               // every name that answered, resolved or holds one
    std::vector<std::vector<std::int32_t>> agentTeams;  // per agent, indexes into teams
    std::vector<std::string> teams;
    std::vector<std::string> tags;
    std::unordered_map<std::int64_t, std::string> sourceNames;
    std::int64_t takenAt = 0;

    // Reads it all as it is stored: the caller brings the response cycles up to date first
    // (refreshResponseCycles; loadReportInputs in MetricsSettings.h does both).
    static Result<Snapshot> load(store::Session& session, std::int64_t now);

    std::int32_t agentIndex(const std::string& name) const;  // kNobody when unknown
    std::int32_t tagIndex(const std::string& tag) const;
    std::int32_t teamIndex(const std::string& team) const;
};

}  // namespace earshot::metrics
