#include "earshot/inbox/AgentRepository.h"

#include <algorithm>
#include <ctime>

#include "earshot/core/Text.h"


namespace earshot::inbox {

namespace {

std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

// Languages and teams are words: trimmed, empty ones dropped.
std::vector<std::string> words(const std::vector<std::string>& items)
{
    std::vector<std::string> out;
    for (const auto& item : items)
        if (std::string word = trimmed(item); !word.empty())
            out.push_back(std::move(word));
    return out;
}

Agent agentOf(store::AgentRow row)
{
    return {.id = row.id,
            .name = std::move(row.name),
            .firstName = std::move(row.firstName),
            .languages = std::move(row.languages),
            .teams = std::move(row.teams),
            .createdAt = row.createdAt};
}

}  // namespace

bool Agent::inTeam(std::string_view team) const
{
    return std::find(teams.begin(), teams.end(), team) != teams.end();
}

Result<std::int64_t> AgentRepository::add(const Agent& agent)
{
    const std::string name = trimmed(agent.name);
    if (name.empty())
        return fail("an agent needs a name");
    std::string firstName = trimmed(agent.firstName);
    if (firstName.empty())
        firstName = name.substr(0, name.find(' '));
    auto existing = m_store.find(name);
    if (!existing)
        return existing.error();
    if (*existing)
        return fail("there is already an agent named '" + name + "'");
    store::AgentRow stored{.name = name,
                           .firstName = firstName,
                           .languages = words(agent.languages),
                           .teams = words(agent.teams),
                           .createdAt = agent.createdAt ? agent.createdAt : std::int64_t(std::time(nullptr))};
    auto id = m_store.insert(stored);
    if (!id)
        return fail("cannot add agent '" + name + "': " + id.message());
    return *id;
}

Result<std::vector<Agent>> AgentRepository::list()
{
    auto rows = m_store.list();
    if (!rows)
        return rows.error();
    std::vector<Agent> agents;
    agents.reserve(rows->size());
    for (store::AgentRow& row : *rows)
        agents.push_back(agentOf(std::move(row)));
    return agents;
}

Result<Agent> AgentRepository::find(const std::string& name)
{
    auto found = m_store.find(name);
    if (!found)
        return found.error();
    if (!*found)
        return fail("no agent named '" + name + "'");
    return agentOf(std::move(**found));
}

std::string loginFor(std::string_view name)
{
    std::string login;
    for (char c : core::foldForMatching(name)) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (plain)
            login += c;
        else if (!login.empty() && login.back() != '_')
            login += '_';
    }
    while (!login.empty() && login.back() == '_')
        login.pop_back();
    return login.substr(0, 63);
}

Result<std::string> AgentRepository::addLogin(const std::string& name, std::string login,
                                              const std::optional<std::string>& password)
{
    auto agent = find(name);
    if (!agent)
        return agent.error();
    if (login.empty())
        login = loginFor(agent->name);
    if (login.empty())
        return fail("cannot make a login name of '" + agent->name + "'; choose one with --login");
    if (login.size() > 63 || !core::isValidUtf8(login))
        return fail("a login name is at most 63 bytes of UTF-8 text; choose another with --login");
    if (auto added = m_store.addLogin(agent->id, login, password); !added)
        return fail("cannot give " + agent->name + " a login: " + added.message());
    return login;
}

Result<std::optional<Agent>> AgentRepository::ofThisLogin()
{
    auto row = m_store.ofThisLogin();
    if (!row)
        return row.error();
    std::optional<Agent> agent;
    if (*row)
        agent = agentOf(std::move(**row));
    return agent;
}

}  // namespace earshot::inbox
