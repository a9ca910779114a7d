// Every row of a workspace's tables as text, for copying a whole workspace from one engine to
// the other (store::copyWorkspace) and checking the copy. It bypasses every rule the other
// repositories keep: nothing else may use it.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "earshot/core/Result.h"

namespace earshot::store {

// One row's values in the order of the columns asked for; nothing for SQL NULL. Integers are
// written in decimal and booleans as 0 or 1, the same on both engines.
using TableRow = std::vector<std::optional<std::string>>;

class TableStore {
public:
    virtual ~TableStore() = default;

    // Runs `work` reading one state of the whole workspace, however others write meanwhile.
    virtual Status readAll(const std::function<Status()>& work) = 0;
    // The table's columns as this engine has them, without computed ones (PostgreSQL's search
    // column); empty when the table does not exist here.
    virtual Result<std::vector<std::string>> columns(const std::string& table) = 0;
    // Every row of the table, in no particular order, a page at a time: never all in memory.
    virtual Status eachRow(const std::string& table, const std::vector<std::string>& columns,
                           const std::function<Status(const TableRow&)>& row) = 0;
    virtual Result<std::int64_t> count(const std::string& table) = 0;
    virtual Status insert(const std::string& table, const std::vector<std::string>& columns,
                          const std::vector<TableRow>& rows) = 0;
    virtual Status clear(const std::string& table) = 0;
    // After rows were inserted with their ids: ids handed out next follow the highest, the
    // counts beside the inbox's views are counted anew, the search index takes every mention.
    virtual Status settle() = 0;

protected:
    TableStore() = default;
};

}  // namespace earshot::store
