// Agent profiles as stored. It only executes: trimming, default first names and unique names
// are inbox::AgentRepository's rules.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "earshot/core/Result.h"

namespace earshot::store {

struct Agent {
    std::int64_t id = 0;
    std::string name;                     // display name; unique; the actor in events
    std::string firstName;                // signs replies; defaults to the name's first word
    std::vector<std::string> languages;   // e.g. "nl", "en"
    std::vector<std::string> teams;       // e.g. "care", "billing"; "leads" may reassign
    std::int64_t createdAt = 0;

    bool inTeam(std::string_view team) const { return std::find(teams.begin(), teams.end(), team) != teams.end(); }
};

class AgentStore {
public:
    virtual ~AgentStore() = default;

    // Stores the agent as given (id ignored); returns the new id. Fails when the name is taken.
    virtual Result<std::int64_t> insert(const Agent& agent) = 0;
    // Sorted by name (case-insensitive), then id.
    virtual Result<std::vector<Agent>> list() = 0;
    // Exact name; nothing when there is none.
    virtual Result<std::optional<Agent>> find(const std::string& name) = 0;

protected:
    AgentStore() = default;
};

}  // namespace earshot::store
