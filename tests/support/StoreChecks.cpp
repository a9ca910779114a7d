#include "StoreChecks.h"

#include "earshot/store/Workspace.h"

namespace earshot::test {

std::string workspaceProblems(const std::string& dbPath)
{
    auto workspace = store::Workspace::open(dbPath);
    if (!workspace)
        return "cannot open the workspace: " + workspace.message() + "\n";
    auto health = (*workspace)->check();
    if (!health)
        return "cannot check the workspace: " + health.message() + "\n";
    std::string problems;
    for (const std::string& problem : health->problems)
        problems += problem + "\n";
    return problems;
}

}  // namespace earshot::test
