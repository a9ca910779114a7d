#include "store/postgres/PgSchema.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>

#include <spdlog/spdlog.h>

namespace earshot::store::postgres {

namespace {

struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;
};

// Ordered by the number each file's name starts with: 0012_schema.sql -> 12.
const std::vector<Migration>& migrations()
{
    static const std::vector<Migration> all = [] {
        std::vector<Migration> list;
        for (const core::EmbeddedFile& file : migrationFiles())
            list.push_back({std::atoi(std::string(file.name).c_str()), file.name, file.content});
        std::sort(list.begin(), list.end(), [](const Migration& a, const Migration& b) { return a.version < b.version; });
        return list;
    }();
    return all;
}

// Any number; it only has to be the same for every desktop of every team.
constexpr const char* kMigrationLock = "SELECT pg_advisory_xact_lock(4406012012)";

Status checkNotNewer(int version, const std::string& location)
{
    if (version > latestSchemaVersion())
        return fail("the team workspace " + location + " was written by a newer Earshot (schema " +
                    std::to_string(version) + ", this program knows up to " + std::to_string(latestSchemaVersion()) +
                    "); upgrade Earshot to open it");
    return Ok{};
}

}  // namespace

int latestSchemaVersion() { return migrations().empty() ? 0 : migrations().back().version; }

Result<int> schemaVersion(Connection& db)
{
    auto exists = db.query("SELECT to_regclass('schema_version') IS NOT NULL");
    if (!exists)
        return exists.error();
    if (!exists->boolean(0, 0))
        return 0;
    auto version = db.query("SELECT coalesce(max(version), 0) FROM schema_version");
    if (!version)
        return version.error();
    return int(version->integer(0, 0));
}

Status migrate(Connection& db, const std::string& location)
{
    for (const Migration& migration : migrations()) {
        Status applied = db.transaction([&]() -> Status {
            if (auto locked = db.exec(kMigrationLock); !locked)
                return locked;
            if (auto created = db.exec("CREATE TABLE IF NOT EXISTS schema_version ("
                                       " version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)");
                !created)
                return created;
            auto current = schemaVersion(db);
            if (!current)
                return current.error();
            if (auto newer = checkNotNewer(*current, location); !newer)
                return newer;
            if (migration.version <= *current)
                return Ok{};
            if (auto ran = db.exec(migration.sql); !ran)
                return fail("migration " + std::string(migration.name) + " failed: " + ran.message());
            spdlog::info("team workspace {} migrated to schema {}", location, migration.version);
            return db.run("INSERT INTO schema_version(version, name, applied_at) VALUES ($1, $2, $3)",
                          {migration.version, std::string(migration.name), std::int64_t(std::time(nullptr))});
        });
        if (!applied)
            return applied;
    }
    return Ok{};
}

Status checkCurrent(Connection& db, const std::string& location)
{
    auto version = schemaVersion(db);
    if (!version)
        return version.error();
    if (*version == 0)
        return fail(location + " is not an Earshot workspace yet; create it with 'earshot-cli workspace init'");
    if (auto newer = checkNotNewer(*version, location); !newer)
        return newer;
    if (*version < latestSchemaVersion())
        return fail("the team workspace " + location + " uses an older schema; its owner upgrades it with 'earshot-cli workspace init'");
    return Ok{};
}

}  // namespace earshot::store::postgres
