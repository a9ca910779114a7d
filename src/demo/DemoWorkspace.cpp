#include "earshot/demo/DemoWorkspace.h"

#include <fstream>

#include "earshot/demo/WorkspaceGenerator.h"
#include "earshot/metrics/MetricsSettings.h"
#include "earshot/sources/SourceChanges.h"
#include "earshot/store/SourceStore.h"

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

// The demo desk's hours (those the generated team works) and its promises, so the dashboard
// and the inbox's SLA column have something to measure against. The generator's team keeps
// UTC+1 all year (demo::ActivityCalendar), hence Etc/GMT-1 rather than a zone with summer time.
// Without time-zone data on the machine the demo counts the wall clock instead of opening hours.
Status setTeamSettings(store::Session& session)
{
    const nlohmann::json weekday = {"08:00-22:00"};
    const nlohmann::json weekend = {"09:00-18:00"};
    auto calendar = metrics::TeamCalendar::fromJson(
        {{"time_zone", "Etc/GMT-1"},
         {"hours", {{"mon", weekday}, {"tue", weekday}, {"wed", weekday}, {"thu", weekday}, {"fri", weekday},
                    {"sat", weekend}, {"sun", weekend}}}});
    if (calendar)
        if (auto saved = metrics::saveCalendar(session, *calendar); !saved)
            return saved;
    constexpr std::int64_t kHour = 3600;
    return metrics::saveSlaPolicies(
        session, metrics::SlaPolicies({{.priority = 3, .firstResponseSeconds = kHour / 2, .resolutionSeconds = 8 * kHour},
                                  {.priority = 2, .firstResponseSeconds = kHour, .resolutionSeconds = 24 * kHour},
                                  {.priority = 1, .firstResponseSeconds = 4 * kHour, .resolutionSeconds = 48 * kHour},
                                  {.priority = 0, .firstResponseSeconds = 24 * kHour, .resolutionSeconds = 120 * kHour}}));
}

Status fill(const std::string& dbPath, const std::filesystem::path& feedsFolder, const DemoOptions& options)
{
    if (auto written = writeFeeds(feedsFolder); !written)
        return written;
    auto workspace = store::Workspace::open(dbPath);
    if (!workspace)
        return workspace.error();
    WorkspaceGenerator generator(**workspace);
    if (auto generated = generator.generate({.conversations = options.conversations, .seed = options.seed});
        !generated)
        return generated.error();
    return (*workspace)->writer().run([&](store::Session& session) -> Status {
        if (auto settings = setTeamSettings(session); !settings)
            return settings;
        for (const core::EmbeddedFile& file : demoFeedFiles()) {
            store::Source source;
            source.name = "Demo: " + std::string(file.name);
            source.url = "file://" + std::filesystem::absolute(feedsFolder / std::string(file.name)).string();
            source.includeWords = {"verskist"};
            if (auto added = sources::addSource(session, source, domain::kCommandLineActor); !added)
                return added.error();
        }
        return Ok{};
    });
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
