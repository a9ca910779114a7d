#include "store/sqlite/SqliteSettingsStore.h"

namespace earshot::store::sqlite {

Result<std::optional<std::string>> SqliteSettingsStore::get(std::string_view key)
{
    auto statement = m_db.cached("SELECT value FROM settings WHERE key = ?");
    if (!statement)
        return statement.error();
    (*statement)->bind(1, key);
    auto row = (*statement)->step();
    if (!row)
        return fail("cannot read setting " + std::string(key) + ": " + row.message());
    std::optional<std::string> value;
    if (*row)
        value = (*statement)->text(0);
    (*statement)->reset();
    return value;
}

Status SqliteSettingsStore::set(std::string_view key, std::string_view value)
{
    auto statement = m_db.cached(
        "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!statement)
        return statement.error();
    (*statement)->bind(1, key).bind(2, value);
    if (auto ran = (*statement)->run(); !ran)
        return fail("cannot save setting " + std::string(key) + ": " + ran.message());
    return Ok{};
}

Status SqliteSettingsStore::remove(std::string_view key)
{
    auto statement = m_db.cached("DELETE FROM settings WHERE key = ?");
    if (!statement)
        return statement.error();
    (*statement)->bind(1, key);
    return (*statement)->run();
}

}  // namespace earshot::store::sqlite
