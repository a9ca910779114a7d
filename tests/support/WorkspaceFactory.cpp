#include <gtest/gtest.h>

#include "PostgresTestServer.h"
#include "WorkspaceFactory.h"

#include <stdexcept>

namespace earshot::test {

namespace {

// A team workspace as an agent's desktop has it: everything through the login of an agent,
// with only the agents' rights, so the contract suite proves those rights suffice. Filling it
// at once (a test's setup, like the demo) is the owner's work, and goes to the owner.
class AgentAtWork final : public store::Workspace {
public:
    AgentAtWork(std::unique_ptr<store::Workspace> owner, std::unique_ptr<store::Workspace> agent)
        : m_owner(std::move(owner)), m_agent(std::move(agent))
    {
    }
    const std::string& location() const override { return m_agent->location(); }
    Result<std::unique_ptr<store::Session>> reader() override { return m_agent->reader(); }
    store::Writer& writer() override { return m_agent->writer(); }
    Result<std::unique_ptr<store::ChangeHints>> changeHints() override { return m_agent->changeHints(); }
    Status bulkLoad(const std::function<Status(store::BulkLoader&)>& load) override { return m_owner->bulkLoad(load); }
    Result<store::WorkspaceHealth> check() override { return m_agent->check(); }

private:
    std::unique_ptr<store::Workspace> m_owner;
    std::unique_ptr<store::Workspace> m_agent;
};

std::unique_ptr<store::Workspace> openPostgres(const std::string& location)
{
    auto opened = store::Workspace::open(location);
    if (!opened)
        throw std::runtime_error("cannot open a PostgreSQL workspace: " + opened.message());
    return std::move(*opened);
}

}  // namespace

std::vector<WorkspaceFactory> workspaceFactories()
{
    return {{"Sqlite",
             [](const std::filesystem::path& folder) {
                 auto opened = store::Workspace::open((folder / "contract.db").string());
                 if (!opened)
                     throw std::runtime_error("cannot open a SQLite workspace: " + opened.message());
                 return std::move(*opened);
             },
             [](const std::filesystem::path& folder) { return (folder / "earshot.db").string(); },
             [] { return std::string(); }},
            {"Postgres",
             [](const std::filesystem::path&) -> std::unique_ptr<store::Workspace> {
                 const std::string location = newPostgresWorkspace();
                 return std::make_unique<AgentAtWork>(openPostgres(location), openPostgres(asAgent(location)));
             },
             [](const std::filesystem::path&) { return asAgent(newPostgresWorkspace()); },
             postgresUnavailable}};
}

void skipWithoutPostgres() { skipWhenUnavailable({.engine = "Postgres", .unavailable = postgresUnavailable}); }

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
