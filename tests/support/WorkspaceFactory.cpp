#include <gtest/gtest.h>

#include "WorkspaceFactory.h"

#include <stdexcept>

namespace earshot::test {

std::vector<WorkspaceFactory> workspaceFactories()
{
    return {{"Sqlite", [](const std::filesystem::path& folder) {
                 auto opened = store::Workspace::open((folder / "contract.db").string());
                 if (!opened)
                     throw std::runtime_error("cannot open a SQLite workspace: " + opened.message());
                 return std::move(*opened);
             }}};
}

std::string engineName(const ::testing::TestParamInfo<WorkspaceFactory>& info) { return info.param.engine; }

}  // namespace earshot::test
