// What the engine reports outward: batched value events, delivered from the engine's
// own threads. Observers must not block; the Qt bridge re-posts them to the GUI thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "earshot/domain/Vocabulary.h"

namespace earshot::engine {

struct MentionsStored {
    std::int64_t sourceId = 0;
    std::vector<std::int64_t> mentionIds;
    std::vector<std::int64_t> conversationsCreated;
    std::vector<std::int64_t> conversationsReopened;
};

struct SourceStateChanged {
    std::int64_t sourceId = 0;
    std::string name;
    // Ok, Failing, Disabled, or NeedsCredentials when the platform refused the source until
    // someone gives or renews its credentials.
    domain::SourceState state = domain::SourceState::Ok;
    std::string error;        // empty when Ok
    std::int64_t nextPollAt = 0;
};

struct PollProgress {
    int finished = 0;
    int total = 0;            // 0 with finished 0: idle
    int failing = 0;          // sources in error after this round so far
};

class EngineObserver {
public:
    virtual ~EngineObserver() = default;
    virtual void mentionsStored(const MentionsStored&) {}
    virtual void sourceStateChanged(const SourceStateChanged&) {}
    virtual void pollProgress(const PollProgress&) {}
};

}  // namespace earshot::engine
