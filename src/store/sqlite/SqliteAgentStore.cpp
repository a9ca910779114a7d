#include "store/sqlite/SqliteAgentStore.h"

#include <nlohmann/json.hpp>

namespace earshot::store::sqlite {

namespace {

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

std::string writeArray(const std::vector<std::string>& items) { return nlohmann::json(items).dump(); }

constexpr const char* kColumns = "SELECT id, name, first_name, languages, teams, created_at FROM agents";

AgentRow readAgent(const Statement& row)
{
    AgentRow agent;
    agent.id = row.integer(0);
    agent.name = row.text(1);
    agent.firstName = row.text(2);
    agent.languages = readArray(row.text(3));
    agent.teams = readArray(row.text(4));
    agent.createdAt = row.integer(5);
    return agent;
}

}  // namespace

Result<std::int64_t> SqliteAgentStore::insert(const AgentRow& agent)
{
    auto insert = m_db.prepare(
        "INSERT INTO agents(name, first_name, languages, teams, created_at) VALUES (?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    insert->bind(1, agent.name)
        .bind(2, agent.firstName)
        .bind(3, writeArray(agent.languages))
        .bind(4, writeArray(agent.teams))
        .bind(5, agent.createdAt);
    if (auto stored = insert->run(); !stored)
        return stored.error();
    return m_db.lastInsertId();
}

Result<std::vector<AgentRow>> SqliteAgentStore::list()
{
    auto query = m_db.prepare(std::string(kColumns) + " ORDER BY name COLLATE NOCASE, id");
    if (!query)
        return query.error();
    std::vector<AgentRow> agents;
    if (auto read = eachRow(*query, [&](Statement& row) { agents.push_back(readAgent(row)); }); !read)
        return read.error();
    return agents;
}

Result<std::optional<AgentRow>> SqliteAgentStore::find(const std::string& name)
{
    auto query = m_db.cached(std::string(kColumns) + " WHERE name = ?");
    if (!query)
        return query.error();
    (*query)->bind(1, name);
    std::optional<AgentRow> found;
    if (auto read = eachRow(**query, [&](Statement& row) { found = readAgent(row); }); !read)
        return read.error();
    return found;
}

Status SqliteAgentStore::addLogin(std::int64_t, const std::string&, const std::optional<std::string>&)
{
    return fail("a desk's workspace has no logins: whoever uses the computer works in it");
}

Result<std::optional<AgentRow>> SqliteAgentStore::ofThisLogin() { return std::optional<AgentRow>(); }

}  // namespace earshot::store::sqlite
