// The agents table on one SQLite connection; languages and teams are kept as JSON arrays.
#pragma once

#include "earshot/store/AgentStore.h"
#include "store/sqlite/Database.h"

namespace earshot::store::sqlite {

class SqliteAgentStore final : public AgentStore {
public:
    explicit SqliteAgentStore(Database& db) : m_db(db) {}

    Result<std::int64_t> insert(const AgentRow& agent) override;
    Result<std::vector<AgentRow>> list() override;
    Result<std::optional<AgentRow>> find(const std::string& name) override;
    Status addLogin(std::int64_t agentId, const std::string& login, const std::optional<std::string>& password) override;
    Result<std::optional<AgentRow>> ofThisLogin() override;

private:
    Database& m_db;
};

}  // namespace earshot::store::sqlite
