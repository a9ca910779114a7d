#include "earshot/demo/DemoWorkspace.h"

#include <fstream>

#include "earshot/demo/WorkspaceGenerator.h"
#include "earshot/store/Schema.h"
#include "earshot/store/Sources.h"

namespace earshot::demo {

namespace {

Status writeFeeds(const std::filesystem::path& folder)
{
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error)
        return fail("cannot create " + folder.string() + ": " + error.message());
    for (const core::EmbeddedFile& file : demoFeedFiles()) {
        std::ofstream out(folder / std::string(file.name), std::ios::binary | std::ios::trunc);
        if (!(out << file.content))
            return fail("cannot write " + (folder / std::string(file.name)).string());
    }
    return Ok{};
}

Status fill(const std::string& dbPath, const std::filesystem::path& feedsFolder, const DemoOptions& options)
{
    if (auto written = writeFeeds(feedsFolder); !written)
        return written;
    auto db = store::openWorkspace(dbPath);
    if (!db)
        return db.error();
    WorkspaceGenerator generator(*db);
    if (auto generated = generator.generate({.conversations = options.conversations, .seed = options.seed});
        !generated)
        return generated.error();
    store::SourceRepository sources(*db);
    for (const core::EmbeddedFile& file : demoFeedFiles()) {
        store::Source source;
        source.name = "Demo: " + std::string(file.name);
        source.url = "file://" + std::filesystem::absolute(feedsFolder / std::string(file.name)).string();
        source.includeWords = {"verskist"};
        if (auto added = sources.add(source); !added)
            return added.error();
    }
    return Ok{};
}

}  // namespace

Status createDemoWorkspace(const std::string& dbPath, const std::filesystem::path& feedsFolder,
                           const DemoOptions& options)
{
    if (std::filesystem::exists(dbPath))
        return fail(dbPath + " already exists; a demo workspace is only created in a new file");
    Status created = fill(dbPath, feedsFolder, options);
    if (!created) {
        std::error_code ignored;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            std::filesystem::remove(dbPath + suffix, ignored);
    }
    return created;
}

}  // namespace earshot::demo
