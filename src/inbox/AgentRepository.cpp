#include "earshot/inbox/AgentRepository.h"

#include <algorithm>
#include <ctime>

#include <nlohmann/json.hpp>

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

// The stored arrays are written by us or by the generator; anything unreadable reads as empty
// rather than hiding the agent.
std::vector<std::string> readArray(const std::string& json)
{
    std::vector<std::string> out;
    auto parsed = nlohmann::json::parse(json, nullptr, false);
    if (!parsed.is_array())
        return out;
    for (const auto& item : parsed)
        if (item.is_string())
            out.push_back(item.get<std::string>());
    return out;
}

std::string writeArray(const std::vector<std::string>& items)
{
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : items) {
        const std::string word = trimmed(item);
        if (!word.empty())
            out.push_back(word);
    }
    return out.dump();
}

constexpr const char* kColumns = "SELECT id, name, first_name, languages, teams, created_at FROM agents";

Agent readAgent(const store::Statement& row)
{
    Agent agent;
    agent.id = row.integer(0);
    agent.name = row.text(1);
    agent.firstName = row.text(2);
    agent.languages = readArray(row.text(3));
    agent.teams = readArray(row.text(4));
    agent.createdAt = row.integer(5);
    return agent;
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
    auto existing = find(name);
    if (existing)
        return fail("there is already an agent named '" + name + "'");
    auto insert = m_db.prepare(
        "INSERT INTO agents(name, first_name, languages, teams, created_at) VALUES (?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    insert->bind(1, name)
        .bind(2, firstName)
        .bind(3, writeArray(agent.languages))
        .bind(4, writeArray(agent.teams))
        .bind(5, agent.createdAt ? agent.createdAt : std::int64_t(std::time(nullptr)));
    if (auto stored = insert->run(); !stored)
        return fail("cannot add agent '" + name + "': " + stored.message());
    return m_db.lastInsertId();
}

Result<std::vector<Agent>> AgentRepository::list()
{
    auto query = m_db.prepare(std::string(kColumns) + " ORDER BY name COLLATE NOCASE, id");
    if (!query)
        return query.error();
    std::vector<Agent> agents;
    for (;;) {
        auto row = query->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        agents.push_back(readAgent(*query));
    }
    return agents;
}

Result<Agent> AgentRepository::find(const std::string& name)
{
    auto query = m_db.cached(std::string(kColumns) + " WHERE name = ?");
    if (!query)
        return query.error();
    store::Statement& statement = **query;
    statement.bind(1, name);
    auto row = statement.step();
    if (!row)
        return row.error();
    if (!*row)
        return fail("no agent named '" + name + "'");
    Agent agent = readAgent(statement);
    statement.reset();
    return agent;
}

}  // namespace earshot::inbox
