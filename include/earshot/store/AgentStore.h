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

    // A team workspace gives each agent a login of their own on its server, a member of the
    // workspace's agent role, so the server knows who did what. Makes `login` for the profile
    // `agentId`, with `password` when given; a role the server has already is refused, unless
    // it is this agent's own login (a new password). A desk's workspace has no logins: it
    // fails saying so.
    virtual Status addLogin(std::int64_t agentId, const std::string& login,
                            const std::optional<std::string>& password) = 0;
    // The profile this session's login acts as; nothing on a desk, or for a login without one.
    virtual Result<std::optional<AgentRow>> ofThisLogin() = 0;

protected:
    AgentStore() = default;
};

}  // namespace earshot::store
