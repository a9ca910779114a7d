// The agents table on one SQLite connection; languages and teams are kept as JSON arrays.
#pragma once

#include "earshot/store/AgentStore.h"
#include "store/sqlite/Database.h"

namespace earshot::store::sqlite {

class SqliteAgentStore final : public AgentStore {
public:
    explicit SqliteAgentStore(Database& db) : m_db(db) {}

    Result<std::int64_t> insert(const Agent& agent) override;
    Result<std::vector<Agent>> list() override;
    Result<std::optional<Agent>> find(const std::string& name) override;

private:
    Database& m_db;
};

}  // namespace earshot::store::sqlite
