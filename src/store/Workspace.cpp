#include "earshot/store/Workspace.h"

#include "store/postgres/Connection.h"
#include "store/postgres/PgWorkspace.h"
#include "store/sqlite/SqliteWorkspace.h"

namespace earshot::store {

bool isTeamLocation(std::string_view location) { return postgres::isPostgresLocation(location); }

Result<std::unique_ptr<Workspace>> Workspace::open(const std::string& location, Opening opening)
{
    if (postgres::isPostgresLocation(location))
        return postgres::openPostgresWorkspace(location, opening);
    return sqlite::openSqliteWorkspace(location, opening);
}

}  // namespace earshot::store
