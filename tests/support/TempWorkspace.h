// A fresh directory with a database path inside, removed when the test ends.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "earshot/store/SourceStore.h"
// TRANSITIONAL (issue 12): tests that still name store::SourceRepository get it from here.
#include "earshot/store/Sources.h"
#include "earshot/store/Workspace.h"

namespace earshot::test {

class TempWorkspace {
public:
    TempWorkspace();
    ~TempWorkspace();
    TempWorkspace(const TempWorkspace&) = delete;
    TempWorkspace& operator=(const TempWorkspace&) = delete;

    const std::filesystem::path& dir() const { return m_dir; }
    std::string dbPath() const { return (m_dir / "earshot.db").string(); }
    // The workspace at dbPath(), opened (created) at the first call and kept until the test ends.
    store::Workspace& open() const;
    // Writes a file inside the workspace and returns its path.
    std::filesystem::path writeFile(const std::string& name, const std::string& content) const;

    // Reading back what a test stored, each on a connection of its own.
    std::int64_t queryInteger(const std::string& sql) const;  // a count, an id
    std::string queryText(const std::string& sql) const;      // "(no row)" when there is none
    store::Source source(std::int64_t id) const;
    // Adds a source through the workspace's writer, as the CLI and the console do; fails the test on error.
    std::int64_t addSource(const store::Source& source) const;
    // Changes what is stored as no program would (an old claim, a moved clock); fails the test on error.
    void exec(const std::string& sql) const;

private:
    std::filesystem::path m_dir;
    mutable std::unique_ptr<store::Workspace> m_workspace;   // before the folder goes, it does
};

// Reads a whole file.
std::string readFile(const std::filesystem::path& path);

// Reads a file from tests/data.
std::string readTestData(const std::string& relativePath);

}  // namespace earshot::test
