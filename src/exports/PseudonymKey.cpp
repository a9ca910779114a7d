#include "earshot/exports/PseudonymKey.h"

#include "earshot/checks/SettingsRepository.h"
#include "earshot/exports/Pseudonymiser.h"

namespace earshot::exports {

Result<std::string> pseudonymKey(store::Database& db)
{
    checks::SettingsRepository settings(db);
    auto stored = settings.get(kPseudonymKeySetting);
    if (!stored)
        return stored.error();
    if (*stored) {
        // Pseudonymiser refuses (throws on) a key too short to protect anyone; someone may have
        // set one by hand.
        if (auto usable = Pseudonymiser::checkKey(**stored); !usable)
            return fail(usable.message() + " (workspace setting " + std::string(kPseudonymKeySetting) + ")");
        return **stored;
    }
    // Looked up again under the write lock: the console and the CLI may both be creating it,
    // and two keys would give one person two pseudonyms.
    std::string key;
    auto created = db.transaction([&]() -> Status {
        auto again = settings.get(kPseudonymKeySetting);
        if (!again)
            return again.error();
        if (*again) {
            key = **again;
            return Ok{};
        }
        key = Pseudonymiser::generateKey();
        return settings.set(kPseudonymKeySetting, key);
    });
    if (!created)
        return created.error();
    return key;
}

}  // namespace earshot::exports
