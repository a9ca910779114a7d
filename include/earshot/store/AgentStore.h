// Agent profiles as stored. It only executes: trimming, default first names and unique names
// are inbox::AgentRepository's rules.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "earshot/core/Result.h"

namespace earshot::store {

// An agent's profile as stored (inbox::Agent is the inbox's view of it).
struct AgentRow {
    std::int64_t id = 0;
    std::string name;
    std::string firstName;
    std::vector<std::string> languages;
    std::vector<std::string> teams;
    std::int64_t createdAt = 0;
};

class AgentStore {
public:
    virtual ~AgentStore() = default;

    // Stores the agent as given (id ignored); returns the new id. Fails when the name is taken.
    virtual Result<std::int64_t> insert(const AgentRow& agent) = 0;
    // Sorted by name (case-insensitive), then id.
    virtual Result<std::vector<AgentRow>> list() = 0;
    // Exact name; nothing when there is none.
    virtual Result<std::optional<AgentRow>> find(const std::string& name) = 0;

protected:
    AgentStore() = default;
};

}  // namespace earshot::store
