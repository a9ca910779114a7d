// The settings table on one SQLite connection.
#pragma once

#include "earshot/store/SettingsStore.h"
#include "store/sqlite/Database.h"

namespace earshot::store::sqlite {

class SqliteSettingsStore final : public SettingsStore {
public:
    explicit SqliteSettingsStore(Database& db) : m_db(db) {}

    Result<std::optional<std::string>> get(std::string_view key) override;
    Status set(std::string_view key, std::string_view value) override;
    Status remove(std::string_view key) override;

private:
    Database& m_db;
};

}  // namespace earshot::store::sqlite
