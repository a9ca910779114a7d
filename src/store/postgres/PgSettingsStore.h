// The settings table on one PostgreSQL connection.
#pragma once

#include "earshot/store/SettingsStore.h"
#include "store/postgres/Connection.h"

namespace earshot::store::postgres {

class PgSettingsStore final : public SettingsStore {
public:
    explicit PgSettingsStore(Connection& db) : m_db(db) {}

    Result<std::optional<std::string>> get(std::string_view key) override;
    Status set(std::string_view key, std::string_view value) override;
    Status remove(std::string_view key) override;

private:
    Connection& m_db;
};

}  // namespace earshot::store::postgres
