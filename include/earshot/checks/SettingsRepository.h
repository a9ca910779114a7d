// Team settings: string values by key in the settings table, shared by everyone who opens
// the workspace.
//
// Keys:
//   signature.required   "named": public replies must end with the agent's first name
//                        (see Signature.h); "off" or unset: no signature check.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "earshot/core/Result.h"
#include "store/sqlite/Database.h"

namespace earshot::checks {

inline constexpr std::string_view kSignatureRequiredKey = "signature.required";
inline constexpr std::string_view kSignatureNamed = "named";
inline constexpr std::string_view kSignatureOff = "off";

class SettingsRepository {
public:
    explicit SettingsRepository(store::Database& db) : m_db(db) {}

    // Nothing when the key was never set.
    Result<std::optional<std::string>> get(std::string_view key);
    Result<std::string> get(std::string_view key, std::string_view fallback);
    Status set(std::string_view key, std::string_view value);
    Status remove(std::string_view key);

    // signature.required = "named"
    Result<bool> signatureRequired();

private:
    store::Database& m_db;
};

}  // namespace earshot::checks
