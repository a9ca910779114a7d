// A team workspace's schema: numbered PostgreSQL migrations (resources/migrations/postgres/)
// with the same version numbers as SQLite's, applied as the workspace's owner role by
// `earshot-cli workspace init` or by the first of its members to open it with a newer Earshot
// (PgRoles.h). A database written by a newer Earshot is refused, as with SQLite.
#pragma once

#include <string>
#include <vector>

#include "earshot/core/EmbeddedFile.h"
#include "earshot/core/Result.h"
#include "store/postgres/Connection.h"

namespace earshot::store::postgres {

// The embedded migration files (generated at build time).
const std::vector<core::EmbeddedFile>& migrationFiles();

// The version this program writes: the same number as the SQLite schema's.
int latestSchemaVersion();

// 0 for an empty database.
Result<int> schemaVersion(Connection& db);

// Applies every pending migration, each in its own transaction. Desktops that open a new
// team workspace at the same moment take turns (an advisory lock), so it is migrated once.
Status migrate(Connection& db, const std::string& location);

// Refuses a database that is not a current Earshot workspace, with what to do.
Status checkCurrent(Connection& db, const std::string& location);

}  // namespace earshot::store::postgres
