// Every row of a team workspace's tables as text (see store::TableStore).
#pragma once

#include <initializer_list>

#include "earshot/store/TableStore.h"
#include "store/postgres/Connection.h"

namespace earshot::store::postgres {

class PgTableStore final : public TableStore {
public:
    explicit PgTableStore(Connection& db) : m_db(db) {}

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
    Connection& m_db;
};

// After rows were written with ids of their own: the next id each table's identity hands out
// follows the highest there. Never back: another desktop may have taken ids meanwhile.
Status advanceIds(Connection& db, std::initializer_list<const char*> tables);

}  // namespace earshot::store::postgres
