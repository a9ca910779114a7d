// Workspace settings: string values by key, shared by everyone who opens the workspace (reply
// checks, the team calendar, SLA policies, the export key). It only stores and reads; what a
// key means and which values are allowed is decided by the module that owns the key
// (checks::SettingsRepository, metrics/MetricsSettings, exports/PseudonymKey).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "earshot/core/Result.h"

namespace earshot::store {

class SettingsStore {
public:
    virtual ~SettingsStore() = default;

    // Nothing when the key was never set.
    virtual Result<std::optional<std::string>> get(std::string_view key) = 0;
    // Inserts or replaces.
    virtual Status set(std::string_view key, std::string_view value) = 0;
    // Removing a key that is not there is no failure.
    virtual Status remove(std::string_view key) = 0;

protected:
    SettingsStore() = default;
};

}  // namespace earshot::store
