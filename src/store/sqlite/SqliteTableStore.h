// Every row of a SQLite workspace's tables as text (see store::TableStore).
#pragma once

#include "earshot/store/TableStore.h"
#include "store/sqlite/Database.h"

namespace earshot::store::sqlite {

class SqliteTableStore final : public TableStore {
public:
    explicit SqliteTableStore(Database& db) : m_db(db) {}

    Status readAll(const std::function<Status()>& work) override;
    Result<std::vector<std::string>> columns(const std::string& table) override;
    Status eachRow(const std::string& table, const std::vector<std::string>& columns,
                   const std::function<Status(const TableRow&)>& row) override;
    Result<std::int64_t> count(const std::string& table) override;
    Status insert(const std::string& table, const std::vector<std::string>& columns,
                  const std::vector<TableRow>& rows) override;
    Status clear(const std::string& table) override;
    Status settle() override;

private:
    Database& m_db;
};

}  // namespace earshot::store::sqlite
