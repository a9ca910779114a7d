// The agents table on one PostgreSQL connection; languages and teams are kept as JSON arrays.
#pragma once

#include "earshot/store/AgentStore.h"
#include "store/postgres/Connection.h"

namespace earshot::store::postgres {

class PgAgentStore final : public AgentStore {
public:
    explicit PgAgentStore(Connection& db) : m_db(db) {}

    Result<std::int64_t> insert(const AgentRow& agent) override;
    Result<std::vector<AgentRow>> list() override;
    Result<std::optional<AgentRow>> find(const std::string& name) override;
    Status addLogin(std::int64_t agentId, const std::string& login, const std::optional<std::string>& password) override;
    Result<std::optional<AgentRow>> ofThisLogin() override;

private:
    // The one agent `where` (appended to the columns' SELECT) finds, if any.
    Result<std::optional<AgentRow>> findOne(std::string_view where, const Params& params = {});

    Connection& m_db;
};

}  // namespace earshot::store::postgres
