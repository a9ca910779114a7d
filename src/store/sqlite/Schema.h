// Brings a database to the schema this program knows, one numbered migration at a time,
// and refuses databases written by a newer Earshot rather than guessing.
#pragma once

#include <string>

#include "earshot/core/Result.h"
#include "store/sqlite/Database.h"

namespace earshot::store {

int latestSchemaVersion();

// 0 for a fresh file.
Result<int> schemaVersion(Database& db);

// Applies every pending migration, each in its own transaction.
Status migrate(Database& db);

// Opens the workspace database read-write (creating its folder and file when needed)
// and migrates it. The one entry point the CLI, the console and the engine use.
Result<Database> openWorkspace(const std::string& path);

// Opens an existing, current workspace for reading only (another connection than the writer's).
Result<Database> openReader(const std::string& path);

}  // namespace earshot::store
