#include "store/sqlite/SqliteCannedReplyStore.h"

namespace earshot::store::sqlite {

namespace {

CannedReply readRow(const Statement& row) { return {row.integer(0), row.text(1), row.text(2), row.text(3)}; }

}  // namespace

Result<std::int64_t> SqliteCannedReplyStore::insert(const CannedReply& reply)
{
    auto insert = m_db.cached("INSERT INTO canned_replies(name, language, body) VALUES (?, ?, ?)");
    if (!insert)
        return insert.error();
    (*insert)->bind(1, reply.name).bind(2, reply.language).bind(3, reply.body);
    if (auto ran = (*insert)->run(); !ran)
        return ran.error();
    return m_db.lastInsertId();
}

Result<bool> SqliteCannedReplyStore::updateBody(const std::string& name, const std::string& language,
                                                const std::string& body)
{
    auto statement = m_db.cached("UPDATE canned_replies SET body = ? WHERE name = ? AND language = ?");
    if (!statement)
        return statement.error();
    (*statement)->bind(1, body).bind(2, name).bind(3, language);
    if (auto ran = (*statement)->run(); !ran)
        return ran.error();
    return m_db.changes() > 0;
}

Result<std::vector<CannedReply>> SqliteCannedReplyStore::list(const std::optional<std::string>& language)
{
    auto statement = m_db.cached(
        "SELECT id, name, language, body FROM canned_replies WHERE ?1 IS NULL OR language = ?1"
        " ORDER BY name COLLATE NOCASE, name, language");
    if (!statement)
        return statement.error();
    (*statement)->bind(1, language);
    std::vector<CannedReply> replies;
    if (auto read = eachRow(**statement, [&](Statement& row) { replies.push_back(readRow(row)); }); !read)
        return read.error();
    return replies;
}

Result<std::optional<CannedReply>> SqliteCannedReplyStore::find(const std::string& name, const std::string& language)
{
    auto statement = m_db.cached("SELECT id, name, language, body FROM canned_replies WHERE name = ? AND language = ?");
    if (!statement)
        return statement.error();
    (*statement)->bind(1, name).bind(2, language);
    std::optional<CannedReply> found;
    if (auto read = eachRow(**statement, [&](Statement& row) { found = readRow(row); }); !read)
        return read.error();
    return found;
}

Result<bool> SqliteCannedReplyStore::remove(const std::string& name, const std::string& language)
{
    auto statement = m_db.cached("DELETE FROM canned_replies WHERE name = ? AND language = ?");
    if (!statement)
        return statement.error();
    (*statement)->bind(1, name).bind(2, language);
    if (auto ran = (*statement)->run(); !ran)
        return ran.error();
    return m_db.changes() > 0;
}

}  // namespace earshot::store::sqlite
