// The database engines the contract suite runs against: each makes a new, empty workspace in
// a folder of the test's own (SQLite) or a database of the test's own on the run's server
// (PostgreSQL, see PostgresTestServer.h).
#pragma once

#include <filesystem>
#include <ostream>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "earshot/store/Workspace.h"

namespace earshot::test {

struct WorkspaceFactory {
    std::string engine;   // a test-name-safe word: "Sqlite", "Postgres"
    std::function<std::unique_ptr<store::Workspace>(const std::filesystem::path& folder)> make;
    // A new workspace's location, for tests that open it in processes of their own (forked
    // children, earshot-cli): a file in `folder`, or a database on the run's server, opened as
    // an agent's login.
    std::function<std::string(const std::filesystem::path& folder)> newLocation;
    // Why this engine cannot be tested here ("" when it can).
    std::function<std::string()> unavailable;
};

std::vector<WorkspaceFactory> workspaceFactories();

// How gtest names a factory in its messages.
inline void PrintTo(const WorkspaceFactory& factory, std::ostream* out) { *out << factory.engine; }

// Call first in SetUp: skips the test when its engine has no server here, and fails it under
// CI, where the test script always provides one.
void skipWhenUnavailable(const WorkspaceFactory& factory);
// The same for a test of PostgreSQL alone.
void skipWithoutPostgres();

// For INSTANTIATE_TEST_SUITE_P: names each instance after its engine.
std::string engineName(const ::testing::TestParamInfo<WorkspaceFactory>& info);

}  // namespace earshot::test
