#include <gtest/gtest.h>

#include "PostgresTestServer.h"
#include "WorkspaceFactory.h"

#include <stdexcept>

namespace earshot::test {

std::vector<WorkspaceFactory> workspaceFactories()
{
    return {{"Sqlite",
             [](const std::filesystem::path& folder) {
                 auto opened = store::Workspace::open((folder / "contract.db").string());
                 if (!opened)
                     throw std::runtime_error("cannot open a SQLite workspace: " + opened.message());
                 return std::move(*opened);
             },
             [] { return std::string(); }},
            {"Postgres",
             [](const std::filesystem::path&) {
                 auto opened = store::Workspace::open(newPostgresWorkspace());
                 if (!opened)
                     throw std::runtime_error("cannot open a PostgreSQL workspace: " + opened.message());
                 return std::move(*opened);
             },
             postgresUnavailable}};
}

std::string engineName(const ::testing::TestParamInfo<WorkspaceFactory>& info) { return info.param.engine; }

void skipWhenUnavailable(const WorkspaceFactory& factory)
{
    const std::string why = factory.unavailable();
    if (why.empty())
        return;
    // CI and scripts/test.sh always start a server; there a missing one is a broken run.
    if (std::getenv("CI") != nullptr)
        FAIL() << why;
    GTEST_SKIP() << why;
}

}  // namespace earshot::test
