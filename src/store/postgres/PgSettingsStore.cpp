#include "store/postgres/PgSettingsStore.h"

namespace earshot::store::postgres {

Result<std::optional<std::string>> PgSettingsStore::get(std::string_view key)
{
    auto rows = m_db.query("SELECT value FROM settings WHERE key = $1", {key});
    if (!rows)
        return fail("cannot read setting " + std::string(key) + ": " + rows.message());
    std::optional<std::string> value;
    if (!rows->empty())
        value = rows->text(0, 0);
    return value;
}

Status PgSettingsStore::set(std::string_view key, std::string_view value)
{
    if (auto ran = m_db.run("INSERT INTO settings(key, value) VALUES ($1, $2)"
                            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                            {key, value});
        !ran)
        return fail("cannot save setting " + std::string(key) + ": " + ran.message());
    return Ok{};
}

Status PgSettingsStore::remove(std::string_view key)
{
    return m_db.run("DELETE FROM settings WHERE key = $1", {key});
}

}  // namespace earshot::store::postgres
