#include "earshot/checks/SettingsRepository.h"

namespace earshot::checks {

Result<std::optional<std::string>> SettingsRepository::get(std::string_view key)
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

Result<std::string> SettingsRepository::get(std::string_view key, std::string_view fallback)
{
    auto value = get(key);
    if (!value)
        return value.error();
    return value->value_or(std::string(fallback));
}

Status SettingsRepository::set(std::string_view key, std::string_view value)
{
    if (key.empty())
        return fail("a setting needs a key");
    auto statement = m_db.cached(
        "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!statement)
        return statement.error();
    (*statement)->bind(1, key).bind(2, value);
    if (auto ran = (*statement)->run(); !ran)
        return fail("cannot save setting " + std::string(key) + ": " + ran.message());
    return Ok{};
}

Status SettingsRepository::remove(std::string_view key)
{
    auto statement = m_db.cached("DELETE FROM settings WHERE key = ?");
    if (!statement)
        return statement.error();
    (*statement)->bind(1, key);
    return (*statement)->run();
}

Result<bool> SettingsRepository::signatureRequired()
{
    auto value = get(kSignatureRequiredKey, kSignatureOff);
    if (!value)
        return value.error();
    return *value == kSignatureNamed;
}

}  // namespace earshot::checks
