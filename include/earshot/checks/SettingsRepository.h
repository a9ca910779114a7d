// Team settings: string values by key (store::SettingsStore), shared by everyone who opens the
// workspace, and what the reply checks read from them.
//
// Keys:
//   signature.required   "named": public replies must end with the agent's first name
//                        (see Signature.h); "off" or unset: no signature check.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "earshot/core/Result.h"
#include "earshot/store/Session.h"
#include "earshot/store/SettingsStore.h"

namespace earshot::checks {

inline constexpr std::string_view kSignatureRequiredKey = "signature.required";
inline constexpr std::string_view kSignatureNamed = "named";
inline constexpr std::string_view kSignatureOff = "off";

class SettingsRepository {
public:
    explicit SettingsRepository(store::Session& session) : m_store(session.settings()) {}
    explicit SettingsRepository(store::SettingsStore& store) : m_store(store) {}

    // Nothing when the key was never set.
    Result<std::optional<std::string>> get(std::string_view key);
    Result<std::string> get(std::string_view key, std::string_view fallback);
    Status set(std::string_view key, std::string_view value);
    Status remove(std::string_view key);

    // signature.required = "named"
    Result<bool> signatureRequired();

private:
    store::SettingsStore& m_store;
};

}  // namespace earshot::checks
