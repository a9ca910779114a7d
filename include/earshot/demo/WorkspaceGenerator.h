// Fills a workspace with a realistic synthetic history for demos and benchmarks: demo feed
// sources (disabled: they are never polled), a webcare team, Dutch and English mentions from
// many people, and conversations claimed, answered, resolved and reopened over weeks, with
// the event log to match (see ConversationPlanner.h for the event kinds).
//
// The same seed and `now` give the same workspace, byte for byte. A database that already
// holds generated data is refused rather than mixed; other data stays and ids continue.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <utility>

#include "earshot/core/Result.h"
#include "earshot/store/Workspace.h"

namespace earshot::demo {

struct GeneratorOptions {
    std::int64_t conversations = 1000;   // 1 .. kMaxConversations
    std::uint64_t seed = 1;
    int days = 42;                       // history spread over the days before `now`
    std::int64_t now = 0;                // 0: the current time
};

struct GeneratorProgress {
    std::string_view phase;              // "conversations", "indexing", "done"
    std::int64_t done = 0;
    std::int64_t total = 0;
};

struct GeneratorSummary {
    std::int64_t sources = 0;
    std::int64_t agents = 0;             // newly added (existing profiles of the same name are reused)
    std::int64_t authors = 0;
    std::int64_t conversations = 0;
    std::int64_t mentions = 0;
    std::int64_t replies = 0;
    std::int64_t events = 0;
    double seconds = 0;
};

class WorkspaceGenerator {
public:
    static constexpr std::int64_t kMaxConversations = 10'000'000;
    static constexpr int kMaxDays = 3650;

    using ProgressCallback = std::function<void(const GeneratorProgress&)>;

    // Nobody else may write to the workspace meanwhile (Workspace::bulkLoad).
    explicit WorkspaceGenerator(store::Workspace& workspace) : m_workspace(workspace) {}

    // Called about every 10 % of the conversations and around the slow final steps.
    void onProgress(ProgressCallback callback) { m_progress = std::move(callback); }

    // Writes everything in one transaction: all of it, or on failure nothing.
    Result<GeneratorSummary> generate(const GeneratorOptions& options);

private:
    void report(std::string_view phase, std::int64_t done, std::int64_t total) const;

    store::Workspace& m_workspace;
    ProgressCallback m_progress;
};

}  // namespace earshot::demo
