// The database engines the contract suite runs against: each makes a new, empty workspace in
// a folder of the test's own. SQLite always; the next engine adds itself here.
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
    std::string engine;   // a test-name-safe word: "Sqlite"
    std::function<std::unique_ptr<store::Workspace>(const std::filesystem::path& folder)> make;
};

std::vector<WorkspaceFactory> workspaceFactories();

// How gtest names a factory in its messages.
inline void PrintTo(const WorkspaceFactory& factory, std::ostream* out) { *out << factory.engine; }

// For INSTANTIATE_TEST_SUITE_P: names each instance after its engine.
std::string engineName(const ::testing::TestParamInfo<WorkspaceFactory>& info);

}  // namespace earshot::test
