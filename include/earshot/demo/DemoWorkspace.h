// The workspace a newcomer sees on first start: weeks of generated webcare history plus
// the bundled feeds (resources/demo) as live file:// sources, so the engine has something
// real to poll from the first minute.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "earshot/core/EmbeddedFile.h"
#include "earshot/core/Result.h"

namespace earshot::demo {

struct DemoOptions {
    std::int64_t conversations = 20000;
    std::uint64_t seed = 2026;
};

// Creates the database at dbPath (which must not exist yet) and writes the bundled feeds
// into feedsFolder. Nothing is left behind on failure.
Status createDemoWorkspace(const std::string& dbPath, const std::filesystem::path& feedsFolder,
                           const DemoOptions& options = {});

// The bundled feeds (generated from resources/demo).
const std::vector<core::EmbeddedFile>& demoFeedFiles();

}  // namespace earshot::demo
