#include "store/postgres/PgTableStore.h"

#include "store/postgres/PgConversationQueries.h"

namespace earshot::store::postgres {

namespace {

// Rows a FETCH brings: a page in memory, never a whole table.
constexpr int kPage = 2000;

}  // namespace

Status advanceIds(Connection& db, std::initializer_list<const char*> tables)
{
    std::string advance;
    for (const char* table : tables)
        advance += std::string("SELECT setval(pg_get_serial_sequence('") + table + "', 'id'), GREATEST(coalesce(max(id), 0) + 1,"
                   " nextval(pg_get_serial_sequence('" + table + "', 'id'))), false) FROM " + table + ";";
    if (auto advanced = db.exec(advance); !advanced)
        return fail("cannot advance the id sequences: " + advanced.message());
    return Ok{};
}

Status PgTableStore::readAll(const std::function<Status()>& work)
{
    if (m_db.inTransaction())
        return work();
    if (auto begun = m_db.exec("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"); !begun)
        return begun;
    Status done = work();
    (void)m_db.exec("COMMIT");   // only reads: COMMIT ends it, even after a failed read
    return done;
}

Result<std::int64_t> PgTableStore::count(const std::string& table)
{
    auto rows = m_db.query("SELECT count(*) FROM " + m_db.identifier(table));
    if (!rows)
        return rows.error();
    return rows->integer(0, 0);
}

Result<std::vector<std::string>> PgTableStore::columns(const std::string& table)
{
    auto rows = m_db.query("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
                           " AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position",
                           {table});
    if (!rows)
        return rows.error();
    std::vector<std::string> names;
    for (int row = 0; row < rows->size(); ++row)
        names.push_back(rows->text(row, 0));
    return names;
}

Status PgTableStore::eachRow(const std::string& table, const std::vector<std::string>& columns,
                             const std::function<Status(const TableRow&)>& row)
{
    auto booleans = m_db.query("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
                               " AND table_name = $1 AND data_type = 'boolean'",
                               {table});
    if (!booleans)
        return booleans.error();
    std::string select;
    for (const std::string& column : columns) {
        bool isBoolean = false;
        for (int i = 0; i < booleans->size(); ++i)
            isBoolean = isBoolean || booleans->text(i, 0) == column;
        select += (select.empty() ? "" : ", ") + m_db.identifier(column) + (isBoolean ? "::int" : "");
    }
    // A cursor lives in a transaction; inside the caller's, a savepoint.
    return m_db.transaction([&]() -> Status {
        if (auto declared = m_db.exec("DECLARE earshot_rows NO SCROLL CURSOR FOR SELECT " + select + " FROM " +
                                      m_db.identifier(table));
            !declared)
            return declared;
        TableRow values(columns.size());
        for (;;) {
            auto page = m_db.query("FETCH " + std::to_string(kPage) + " FROM earshot_rows");
            if (!page)
                return page.error();
            for (int r = 0; r < page->size(); ++r) {
                for (std::size_t i = 0; i < columns.size(); ++i)
                    values[i] = page->optionalText(r, int(i));
                if (auto taken = row(values); !taken)
                    return taken;
            }
            if (page->size() < kPage)
                return m_db.exec("CLOSE earshot_rows");
        }
    });
}

Status PgTableStore::insert(const std::string& table, const std::vector<std::string>& columns,
                            const std::vector<TableRow>& rows)
{
    if (rows.empty())
        return Ok{};
    std::string names;
    for (const std::string& column : columns)
        names += (names.empty() ? "" : ", ") + m_db.identifier(column);
    std::string sql = "INSERT INTO " + m_db.identifier(table) + "(" + names + ") VALUES ";
    Params params;
    params.reserve(rows.size() * columns.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
        sql += r == 0 ? "(" : ", (";
        for (std::size_t i = 0; i < columns.size(); ++i) {
            params.emplace_back(rows[r][i]);
            sql += (i == 0 ? "$" : ", $") + std::to_string(params.size());
        }
        sql += ")";
    }
    if (auto inserted = m_db.run(sql, params); !inserted)
        return fail("cannot copy rows into " + table + ": " + inserted.message());
    return Ok{};
}

Status PgTableStore::clear(const std::string& table) { return m_db.exec("DELETE FROM " + m_db.identifier(table)); }

Status PgTableStore::settle()
{
    if (auto advanced = advanceIds(m_db, {"sources", "authors", "conversations", "mentions", "agents", "replies",
                                          "events", "notes", "canned_replies"});
        !advanced)
        return advanced;
    return recountConversations(m_db);
}

}  // namespace earshot::store::postgres
