#include "earshot/exports/PseudonymKey.h"

#include "earshot/checks/SettingsRepository.h"
#include "earshot/exports/Pseudonymiser.h"

namespace earshot::exports {

Result<std::string> pseudonymKey(store::Workspace& workspace)
{
    auto reader = workspace.reader();
    if (!reader)
        return reader.error();
    auto stored = checks::SettingsRepository(**reader).get(kPseudonymKeySetting);
    if (!stored)
        return stored.error();
    if (*stored) {
        // Pseudonymiser refuses (throws on) a key too short to protect anyone; someone may have
        // set one by hand.
        if (auto usable = Pseudonymiser::checkKey(**stored); !usable)
            return fail(usable.message() + " (workspace setting " + std::string(kPseudonymKeySetting) + ")");
        return **stored;
    }
    // Looked up again in the writer's transaction: the console and the CLI may both be creating
    // it, and two keys would give one person two pseudonyms.
    std::string key;
    auto created = workspace.writer().run([&](store::Session& session) -> Status {
        checks::SettingsRepository settings(session);
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
