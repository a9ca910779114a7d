// The workspace's key for pseudonymised exports (see Pseudonymiser.h for what it protects).
// It lives in the workspace's settings, so the CLI and the console, and every export over
// the months, give a person the same pseudonym.
#pragma once

#include <string>
#include <string_view>

#include "earshot/core/Result.h"
#include "earshot/store/Workspace.h"

namespace earshot::exports {

inline constexpr std::string_view kPseudonymKeySetting = "exports.pseudonym_key";

// The stored key; on first use a new one (Pseudonymiser::generateKey()) is stored through the
// workspace's writer and returned.
Result<std::string> pseudonymKey(store::Workspace& workspace);

}  // namespace earshot::exports
