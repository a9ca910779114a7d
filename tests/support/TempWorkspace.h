// A fresh directory with a database path inside, removed when the test ends.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "earshot/store/ConversationStore.h"
#include "earshot/store/Mentions.h"
#include "earshot/store/SourceStore.h"
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

    // A reading session of the test's own on open(); fails the test when none opens.
    std::unique_ptr<store::Session> reader() const;
    store::Source source(std::int64_t id) const;
    // One conversation whole, as the console and the CLI read it (inbox::readConversation);
    // fails the test when it cannot be read.
    store::ConversationDetail conversation(std::int64_t id) const;
    // Adds a source through the workspace's writer, as the CLI and the console do; fails the test on error.
    std::int64_t addSource(const store::Source& source) const;
    // Stores what a source heard as the engine does (inbox::ingestMentions in a writer job, so
    // the search index is current when it returns); fails the test on error.
    store::IngestResult ingest(std::int64_t sourceId, const std::vector<store::NewMention>& mentions,
                               std::int64_t now) const;

    // Raw SQL on a SQLite connection of its own, for the SQLite engine's own tests and for the
    // few core checks the core has no read for (a mention's platform id, the authors stored).
    // GUI and CLI tests never use these; new tests read through reader().
    std::int64_t queryInteger(const std::string& sql) const;  // a count, an id
    std::string queryText(const std::string& sql) const;      // "(no row)" when there is none
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
