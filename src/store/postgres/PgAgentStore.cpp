#include "store/postgres/PgAgentStore.h"

#include <nlohmann/json.hpp>

#include "store/postgres/PgRoles.h"

namespace earshot::store::postgres {

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

AgentRow readAgent(const Rows& rows, int r)
{
    AgentRow agent;
    agent.id = rows.integer(r, 0);
    agent.name = rows.text(r, 1);
    agent.firstName = rows.text(r, 2);
    agent.languages = readArray(rows.text(r, 3));
    agent.teams = readArray(rows.text(r, 4));
    agent.createdAt = rows.integer(r, 5);
    return agent;
}

}  // namespace

Result<std::int64_t> PgAgentStore::insert(const AgentRow& agent)
{
    const std::string_view sql =
        "INSERT INTO agents(name, first_name, languages, teams, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id";
    const Params params = {agent.name, agent.firstName, writeArray(agent.languages), writeArray(agent.teams),
                           agent.createdAt};
    // A taken name is refused. On SQLite that undoes only the insert; on PostgreSQL it would
    // spoil the caller's whole transaction, so inside one the insert gets a savepoint.
    std::optional<Result<Rows>> inserted;
    auto once = [&]() -> Status {
        inserted.emplace(m_db.query(sql, params));
        return *inserted ? Status(Ok{}) : Status(inserted->error());
    };
    Status done = m_db.inTransaction() ? m_db.transaction(once) : once();
    if (!done)
        return done.error();
    return (*inserted)->integer(0, 0);
}

Result<std::vector<AgentRow>> PgAgentStore::list()
{
    // SQLite's NOCASE folds ASCII letters only and then compares bytes; so does lower() under
    // the "C" collation, whatever the server's locale.
    auto rows = m_db.query(std::string(kColumns) + " ORDER BY lower(name COLLATE \"C\"), id");
    if (!rows)
        return rows.error();
    std::vector<AgentRow> agents;
    agents.reserve(std::size_t(rows->size()));
    for (int r = 0; r < rows->size(); ++r)
        agents.push_back(readAgent(*rows, r));
    return agents;
}

Result<std::optional<AgentRow>> PgAgentStore::find(const std::string& name)
{
    return findOne(" WHERE name = $1", {name});
}

Result<std::optional<AgentRow>> PgAgentStore::findOne(std::string_view where, const Params& params)
{
    auto rows = m_db.query(std::string(kColumns) + std::string(where), params);
    if (!rows)
        return rows.error();
    std::optional<AgentRow> found;
    if (!rows->empty())
        found = readAgent(*rows, 0);
    return found;
}

Status PgAgentStore::addLogin(std::int64_t agentId, const std::string& login,
                              const std::optional<std::string>& password)
{
    auto roles = teamRoles(m_db);
    if (!roles)
        return roles.error();
    // Roles belong to the whole server: one that exists already is another database's user,
    // an administrator or a role of the team itself, and is never taken over. Only this
    // agent's own login, made here before, may get a new password.
    auto existing = m_db.query("SELECT (SELECT agent_id FROM agent_logins WHERE login = $1)"
                               " FROM pg_roles WHERE rolname = $1",
                               {login});
    if (!existing)
        return existing.error();
    const bool ours = !existing->empty() && existing->optionalInteger(0, 0) == agentId;
    if (!existing->empty() && !ours)
        return fail("the server already has a role named " + login + "; choose another with --login");
    const std::string role = m_db.identifier(login);
    std::string sql = ours ? std::string() : "CREATE ROLE " + role + " LOGIN IN ROLE " + m_db.identifier(roles->agent);
    if (password) {
        auto hashed = m_db.hashedPassword(login, *password);
        if (!hashed)
            return hashed.error();
        sql += (ours ? "ALTER ROLE " + role : std::string()) + " PASSWORD " + m_db.literal(*hashed);
    }
    return m_db.transaction([&]() -> Status {
        if (!sql.empty())
            if (auto made = m_db.exec(sql); !made)
                return made;
        // An agent has one login.
        auto linked = m_db.query("WITH added AS (INSERT INTO agent_logins(login, agent_id) VALUES ($1, $2)"
                                 "  ON CONFLICT DO NOTHING RETURNING login)"
                                 " SELECT login FROM agent_logins WHERE agent_id = $2 AND login <> $1",
                                 {login, agentId});
        if (!linked)
            return linked.error();
        if (!linked->empty())
            return fail("the agent already logs in as " + linked->text(0, 0));
        return Ok{};
    });
}

Result<std::optional<AgentRow>> PgAgentStore::ofThisLogin()
{
    return findOne(" WHERE id = (SELECT agent_id FROM agent_logins WHERE login = current_user)");
}

}  // namespace earshot::store::postgres
