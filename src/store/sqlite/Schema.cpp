#include "store/sqlite/Schema.h"

#include <ctime>
#include <filesystem>

#include <spdlog/spdlog.h>

#include "store/sqlite/Migrations.h"

namespace earshot::store {

namespace {

Status checkNotNewer(int version, const std::string& path)
{
    if (version > latestSchemaVersion())
        return fail(path + " was written by a newer Earshot (schema " + std::to_string(version) +
                    ", this program knows up to " + std::to_string(latestSchemaVersion()) +
                    "); upgrade Earshot to open it");
    return Ok{};
}

}  // namespace

int latestSchemaVersion() { return migrations().empty() ? 0 : migrations().back().version; }

Result<int> schemaVersion(Database& db)
{
    auto exists = queryInteger(db, "SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'");
    if (!exists)
        return exists.error();
    if (*exists == 0)
        return 0;
    auto version = queryInteger(db, "SELECT coalesce(max(version), 0) FROM schema_version");
    if (!version)
        return version.error();
    return int(*version);
}

Status migrate(Database& db)
{
    if (auto created = db.exec("CREATE TABLE IF NOT EXISTS schema_version ("
                               " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
        !created)
        return created;
    auto current = schemaVersion(db);
    if (!current)
        return current.error();
    if (auto newer = checkNotNewer(*current, db.path()); !newer)
        return newer;
    for (const Migration& migration : migrations()) {
        if (migration.version <= *current)
            continue;
        Status applied = db.transaction([&]() -> Status {
            if (auto ran = db.exec(migration.sql); !ran)
                return fail("migration " + std::string(migration.name) + " failed: " + ran.message());
            auto record = db.prepare("INSERT INTO schema_version(version, name, applied_at) VALUES (?, ?, ?)");
            if (!record)
                return record.error();
            return record->bind(1, migration.version).bind(2, migration.name).bind(3, std::int64_t(std::time(nullptr))).run();
        });
        if (!applied)
            return applied;
        spdlog::debug("database {} migrated to schema {}", db.path(), migration.version);
    }
    return Ok{};
}

Result<Database> openWorkspace(const std::string& path)
{
    const std::filesystem::path file(path);
    if (file.has_parent_path()) {
        std::error_code error;
        std::filesystem::create_directories(file.parent_path(), error);
        if (error)
            return fail("cannot create folder " + file.parent_path().string() + ": " + error.message());
    }
    auto db = Database::open(path);
    if (!db)
        return db.error();
    if (auto migrated = migrate(*db); !migrated)
        return migrated.error();
    return db;
}

Result<Database> openReader(const std::string& path)
{
    if (!std::filesystem::exists(path))
        return fail("no database at " + path + " (run 'earshot-cli sources add' or 'generate' to create one)");
    auto db = Database::open(path, Database::Mode::ReadOnly);
    if (!db)
        return db.error();
    auto version = schemaVersion(*db);
    if (!version)
        return version.error();
    if (auto newer = checkNotNewer(*version, path); !newer)
        return newer.error();
    if (*version < latestSchemaVersion())
        return fail(path + " uses an older schema; open it once with earshot-cli to upgrade it");
    return db;
}

}  // namespace earshot::store
