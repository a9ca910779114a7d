// Checks a test runs on a workspace after killing a process that was writing to it.
#pragma once

#include <string>

namespace earshot::test {

// Opens the workspace the way Earshot does (WAL recovery and migrations included) and runs
// its engine's integrity checks (Workspace::check, as `earshot-cli db check` does). Empty when
// all is well, else what is wrong, one problem a line.
std::string workspaceProblems(const std::string& dbPath);

}  // namespace earshot::test
