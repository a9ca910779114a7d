#include "store/sqlite/SqliteTableStore.h"

#include "store/sqlite/ConversationQueries.h"
#include "store/sqlite/MentionQueries.h"

namespace earshot::store::sqlite {

namespace {

// "a", "b" as a list of quoted names; the table names come from store::copyWorkspace's own
// list, the column names from the schema.
std::string quotedList(const std::vector<std::string>& names)
{
    std::string list;
    for (const std::string& name : names)
        list += (list.empty() ? "\"" : ", \"") + name + "\"";
    return list;
}

}  // namespace

// A read transaction: in WAL mode it keeps one snapshot while the writer goes on.
Status SqliteTableStore::readAll(const std::function<Status()>& work)
{
    if (auto begun = m_db.exec("SAVEPOINT read_all"); !begun)
        return begun;
    Status done = work();
    (void)m_db.exec("RELEASE read_all");
    return done;
}

Result<std::int64_t> SqliteTableStore::count(const std::string& table)
{
    return queryInteger(m_db, "SELECT count(*) FROM \"" + table + "\"");
}

Result<std::vector<std::string>> SqliteTableStore::columns(const std::string& table)
{
    auto statement = m_db.prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid");
    if (!statement)
        return statement.error();
    statement->bind(1, table);
    std::vector<std::string> names;
    if (auto read = store::eachRow(*statement, [&](Statement& row) { names.push_back(row.text(0)); }); !read)
        return read.error();
    return names;
}

Status SqliteTableStore::eachRow(const std::string& table, const std::vector<std::string>& columns,
                                 const std::function<Status(const TableRow&)>& row)
{
    auto statement = m_db.prepare("SELECT " + quotedList(columns) + " FROM \"" + table + "\"");
    if (!statement)
        return statement.error();
    TableRow values(columns.size());
    for (;;) {
        auto stepped = statement->step();
        if (!stepped)
            return stepped.error();
        if (!*stepped)
            return Ok{};
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const int column = int(i);
            values[i] = statement->isNull(column) ? std::nullopt : std::optional(statement->text(column));
        }
        if (auto taken = row(values); !taken)
            return taken;
    }
}

Status SqliteTableStore::insert(const std::string& table, const std::vector<std::string>& columns,
                                const std::vector<TableRow>& rows)
{
    std::string placeholders;
    for (std::size_t i = 0; i < columns.size(); ++i)
        placeholders += i == 0 ? "?" : ", ?";
    // Bound as text, each value takes its column's type (SQLite's affinity): "42" in an
    // INTEGER column is stored as 42.
    auto statement = m_db.cached("INSERT INTO \"" + table + "\"(" + quotedList(columns) + ") VALUES (" +
                                 placeholders + ")");
    if (!statement)
        return statement.error();
    for (const TableRow& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i)
            (*statement)->bind(int(i) + 1, row[i]);
        if (auto inserted = (*statement)->run(); !inserted)
            return fail("cannot copy a row into " + table + ": " + inserted.message());
    }
    return Ok{};
}

Status SqliteTableStore::clear(const std::string& table) { return m_db.exec("DELETE FROM \"" + table + "\""); }

// SQLite's ids follow the highest by themselves; the open tags were counted by the triggers as
// the tags came in.
Status SqliteTableStore::settle()
{
    if (auto counted = recountConversations(m_db); !counted)
        return counted;
    return indexPendingMentions(m_db);
}

}  // namespace earshot::store::sqlite
