#include "store/postgres/PgCannedReplyStore.h"

namespace earshot::store::postgres {

namespace {

CannedReply readRow(const Rows& rows, int r)
{
    return {rows.integer(r, 0), rows.text(r, 1), rows.text(r, 2), rows.text(r, 3)};
}

}  // namespace

Result<std::int64_t> PgCannedReplyStore::insert(const CannedReply& reply)
{
    const std::string_view sql = "INSERT INTO canned_replies(name, language, body) VALUES ($1, $2, $3) RETURNING id";
    // A taken name and language is refused. On SQLite that undoes only the insert; on
    // PostgreSQL it would spoil the caller's whole transaction, so inside one it gets a savepoint.
    std::optional<Result<Rows>> inserted;
    auto once = [&]() -> Status {
        inserted.emplace(m_db.query(sql, {reply.name, reply.language, reply.body}));
        return *inserted ? Status(Ok{}) : Status(inserted->error());
    };
    Status done = m_db.inTransaction() ? m_db.transaction(once) : once();
    if (!done)
        return done.error();
    return (*inserted)->integer(0, 0);
}

Result<bool> PgCannedReplyStore::updateBody(const std::string& name, const std::string& language,
                                            const std::string& body)
{
    auto updated = m_db.query("UPDATE canned_replies SET body = $1 WHERE name = $2 AND language = $3",
                              {body, name, language});
    if (!updated)
        return updated.error();
    return updated->affected() > 0;
}

Result<std::vector<CannedReply>> PgCannedReplyStore::list(const std::optional<std::string>& language)
{
    // SQLite's NOCASE, then its byte order: lower() under the "C" collation folds ASCII
    // letters only, and "C" compares bytes, whatever the server's locale.
    auto rows = m_db.query("SELECT id, name, language, body FROM canned_replies WHERE $1::text IS NULL OR language = $1"
                           " ORDER BY lower(name COLLATE \"C\"), name COLLATE \"C\", language COLLATE \"C\"",
                           {language});
    if (!rows)
        return rows.error();
    std::vector<CannedReply> replies;
    replies.reserve(std::size_t(rows->size()));
    for (int r = 0; r < rows->size(); ++r)
        replies.push_back(readRow(*rows, r));
    return replies;
}

Result<std::optional<CannedReply>> PgCannedReplyStore::find(const std::string& name, const std::string& language)
{
    auto rows = m_db.query("SELECT id, name, language, body FROM canned_replies WHERE name = $1 AND language = $2",
                           {name, language});
    if (!rows)
        return rows.error();
    std::optional<CannedReply> found;
    if (!rows->empty())
        found = readRow(*rows, 0);
    return found;
}

Result<bool> PgCannedReplyStore::remove(const std::string& name, const std::string& language)
{
    auto removed = m_db.query("DELETE FROM canned_replies WHERE name = $1 AND language = $2", {name, language});
    if (!removed)
        return removed.error();
    return removed->affected() > 0;
}

}  // namespace earshot::store::postgres
