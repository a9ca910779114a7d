// A fresh directory with a database path inside, removed when the test ends.
#pragma once

#include <filesystem>
#include <string>

namespace earshot::test {

class TempWorkspace {
public:
    TempWorkspace();
    ~TempWorkspace();
    TempWorkspace(const TempWorkspace&) = delete;
    TempWorkspace& operator=(const TempWorkspace&) = delete;

    const std::filesystem::path& dir() const { return m_dir; }
    std::string dbPath() const { return (m_dir / "earshot.db").string(); }
    // Writes a file inside the workspace and returns its path.
    std::filesystem::path writeFile(const std::string& name, const std::string& content) const;

private:
    std::filesystem::path m_dir;
};

// Reads a whole file.
std::string readFile(const std::filesystem::path& path);

// Reads a file from tests/data.
std::string readTestData(const std::string& relativePath);

}  // namespace earshot::test
