// A team workspace's roles on the server: an owner of every table, function and type, and a
// group role that every agent's login belongs to, with only the rights agents need. The owner
// role logs in as nobody: whoever sets the workspace up (`earshot-cli workspace init`) becomes a
// member and acts as it to migrate.
#pragma once

#include <string>

#include "earshot/core/Result.h"
#include "store/postgres/Connection.h"

namespace earshot::store::postgres {

struct TeamRoles {
    std::string owner;   // "<database>_owner" unless the workspace says otherwise
    std::string agent;   // "<database>_agent"
};

// Makes the roles (when missing) and the current login a member of the owner, migrates the
// schema as the owner, grants the agents their rights and records the roles' names. Needs a
// login that may create roles and owns the database (or a superuser); anyone else is told so.
Status initializeTeamWorkspace(Connection& db, const std::string& location);

// Brings an older schema up to date as the owner and grants the agents' rights on what it
// adds. A login that is not a member of the owner role is told who can.
Status upgradeTeamWorkspace(Connection& db, const std::string& location);

// The roles a workspace recorded at init; fails when it has none (set up before roles were).
Result<TeamRoles> teamRoles(Connection& db);

}  // namespace earshot::store::postgres
