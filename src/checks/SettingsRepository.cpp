#include "earshot/checks/SettingsRepository.h"

namespace earshot::checks {

Result<std::optional<std::string>> SettingsRepository::get(std::string_view key) { return m_store.get(key); }

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
    return m_store.set(key, value);
}

Status SettingsRepository::remove(std::string_view key) { return m_store.remove(key); }

Result<bool> SettingsRepository::signatureRequired()
{
    auto value = get(kSignatureRequiredKey, kSignatureOff);
    if (!value)
        return value.error();
    return *value == kSignatureNamed;
}

}  // namespace earshot::checks
