// Local agent profiles: who may act in the inbox, kept by store::AgentStore. Single-desktop
// mode has no passwords; the name is the identity written as the actor of every event, so
// names are unique.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "earshot/core/Result.h"
#include "earshot/store/AgentStore.h"
#include "earshot/store/Session.h"

namespace earshot::inbox {

struct Agent {
    std::int64_t id = 0;
    std::string name;                     // display name; unique; the actor in events
    std::string firstName;                // signs replies; defaults to the name's first word
    std::vector<std::string> languages;   // e.g. "nl", "en"
    std::vector<std::string> teams;       // e.g. "care", "billing"; "leads" may reassign
    std::int64_t createdAt = 0;

    bool inTeam(std::string_view team) const;
};

// A login name for an agent's display name: lower case, accents folded, anything but letters
// and digits one underscore ("Anouk de Vries-Smit" -> "anouk_de_vries_smit").
std::string loginFor(std::string_view name);

// The team whose members may reassign a conversation someone else holds (see Inbox::assign).
inline constexpr std::string_view kLeadsTeam = "leads";

class AgentRepository {
public:
    explicit AgentRepository(store::Session& session) : m_store(session.agents()) {}
    explicit AgentRepository(store::AgentStore& store) : m_store(store) {}

    // Trims the name and refuses an empty or taken one; returns the new id.
    Result<std::int64_t> add(const Agent& agent);
    // Sorted by name.
    Result<std::vector<Agent>> list();
    // Exact name. The message of a miss names the agent, so callers can add how to fix it.
    Result<Agent> find(const std::string& name);

    // Team workspaces: gives the agent named `name` a login role on the server (see
    // store::AgentStore::addLogin), called `login`, or loginFor(name) when that is empty.
    // Returns the login's name.
    Result<std::string> addLogin(const std::string& name, std::string login,
                                 const std::optional<std::string>& password);
    // The profile of the session's own login, if it has one.
    Result<std::optional<Agent>> ofThisLogin();

private:
    store::AgentStore& m_store;
};

}  // namespace earshot::inbox
