#include "store/postgres/PgRoles.h"

#include <algorithm>
#include <string_view>

#include "store/postgres/PgSchema.h"

namespace earshot::store::postgres {

namespace {

// What the agents' group role may do, table by table; nothing else. Only the owner changes
// the schema, rewrites what a reply or note says, or does anything to the event log but add
// to it (its trigger refuses even the owner that). A table missing here is the owner's alone.
struct TableRights {
    std::string_view table;
    std::string_view rights;
    // INSERT on every column but this one, which then always takes its default: who wrote a
    // row as the server knows them (db_user) is not the writer's to say.
    std::string_view insertAllBut = {};
};
constexpr TableRights kAgentRights[] = {
    {"schema_version", "SELECT"},
    {"team_roles", "SELECT"},
    {"agent_logins", "SELECT"},
    {"sources", "SELECT, INSERT, UPDATE"},
    {"authors", "SELECT, INSERT, UPDATE"},
    {"conversations", "SELECT, INSERT, UPDATE"},
    {"mentions", "SELECT, INSERT"},
    {"agents", "SELECT, INSERT"},
    // A reply's delivery is tracked on it; what it says, who wrote it and when never change.
    {"replies", "SELECT, UPDATE (delivery, external_id, platform_url, delivery_error, posting_since, delivered_at)",
     "db_user"},
    {"events", "SELECT", "db_user"},
    {"notes", "SELECT", "db_user"},
    {"conversation_tags", "SELECT, INSERT, DELETE"},
    {"drafts", "SELECT, INSERT, UPDATE, DELETE"},
    {"canned_replies", "SELECT, INSERT, UPDATE, DELETE"},
    {"settings", "SELECT, INSERT, UPDATE, DELETE"},
    {"conversation_counts", "SELECT, INSERT, UPDATE"},
    {"open_tag_counts", "SELECT, INSERT, UPDATE"},
    {"response_cycles", "SELECT, INSERT, UPDATE, DELETE"},
    {"response_waits", "SELECT, INSERT, UPDATE, DELETE"},
    {"metrics_dirty", "SELECT, INSERT, UPDATE, DELETE"},
    // Written only by the owner's triggers.
    {"changes", "SELECT"},
    // Each login's own rows only (a row-level policy).
    {"presence", "SELECT, UPDATE, DELETE", "db_user"},
    {"poll_leases", "SELECT, INSERT, UPDATE"},
};

constexpr const char* kRolesLock = "SELECT pg_advisory_xact_lock(4406012013)";
constexpr std::string_view kInsufficientPrivilege = "42501";

// "<database>_owner", within PostgreSQL's 63 bytes for a name, never cutting a character.
std::string defaultRole(const std::string& database, std::string_view suffix)
{
    std::size_t length = std::min(database.size(), 63 - suffix.size());
    while (length > 0 && length < database.size() && (static_cast<unsigned char>(database[length]) & 0xC0) == 0x80)
        --length;
    return database.substr(0, length) + std::string(suffix);
}

Result<std::string> currentDatabase(Connection& db)
{
    auto rows = db.query("SELECT current_database()");
    if (!rows)
        return rows.error();
    return rows->text(0, 0);
}

Result<bool> roleExists(Connection& db, const std::string& role)
{
    auto rows = db.query("SELECT 1 FROM pg_roles WHERE rolname = $1", {role});
    if (!rows)
        return rows.error();
    return !rows->empty();
}

// The roles recorded by an earlier init, else the defaults for this database.
Result<TeamRoles> rolesToUse(Connection& db)
{
    auto recorded = teamRoles(db);
    if (recorded)
        return recorded;
    auto database = currentDatabase(db);
    if (!database)
        return database.error();
    return TeamRoles{defaultRole(*database, "_owner"), defaultRole(*database, "_agent")};
}

Status createRoles(Connection& db, const TeamRoles& roles)
{
    for (const std::string* role : {&roles.owner, &roles.agent}) {
        auto exists = roleExists(db, *role);
        if (!exists)
            return exists.error();
        if (!*exists)
            if (auto made = db.exec("CREATE ROLE " + db.identifier(*role) + " NOLOGIN"); !made)
                return made;
    }
    auto database = currentDatabase(db);
    if (!database)
        return database.error();
    const std::string owner = db.identifier(roles.owner);
    const std::string agent = db.identifier(roles.agent);
    const std::string onDatabase = " ON DATABASE " + db.identifier(*database);
    auto self = db.query("SELECT current_user");
    if (!self)
        return self.error();
    if (self->text(0, 0) != roles.owner)
        if (auto joined = db.exec("GRANT " + owner + " TO CURRENT_USER"); !joined)
            return joined;
    // Only the team connects: the owner's members and the agents.
    return db.exec("REVOKE CONNECT, TEMPORARY" + onDatabase + " FROM PUBLIC;"
                   "GRANT CONNECT, TEMPORARY, CREATE" + onDatabase + " TO " + owner + ";"
                   "GRANT CONNECT" + onDatabase + " TO " + agent + ";"
                   "REVOKE CREATE ON SCHEMA public FROM PUBLIC;"
                   "GRANT USAGE, CREATE ON SCHEMA public TO " + owner + ";"
                   "GRANT USAGE ON SCHEMA public TO " + agent);
}

// "INSERT (a, b, …)" for every column of the table but `left`.
Result<std::string> insertAllBut(Connection& db, std::string_view table, std::string_view left)
{
    auto columns = db.query("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
                            " AND table_name = $1 AND column_name <> $2 AND is_generated = 'NEVER'"
                            " ORDER BY ordinal_position",
                            {table, left});
    if (!columns)
        return columns.error();
    std::string list;
    for (int row = 0; row < columns->size(); ++row)
        list += (list.empty() ? "" : ", ") + db.identifier(columns->text(row, 0));
    return "INSERT (" + list + ")";
}

// Run as the owner: every grant then comes from it, and a new table gets its rights here.
Status grantAgentRights(Connection& db, const TeamRoles& roles)
{
    const std::string agent = db.identifier(roles.agent);
    std::string sql = "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM " + agent + ";";
    for (const TableRights& table : kAgentRights) {
        std::string rights(table.rights);
        if (!table.insertAllBut.empty()) {
            auto insert = insertAllBut(db, table.table, table.insertAllBut);
            if (!insert)
                return insert.error();
            rights += ", " + *insert;
        }
        sql += "GRANT " + rights + " ON " + std::string(table.table) + " TO " + agent + ";";
    }
    sql += "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO " + agent;
    if (auto granted = db.exec(sql); !granted)
        return granted;
    return db.run("INSERT INTO team_roles(kind, role) VALUES ('owner', $1), ('agent', $2)"
                  " ON CONFLICT (kind) DO UPDATE SET role = excluded.role",
                  {roles.owner, roles.agent});
}

// Migrates and grants as the owner role, back to the login's own role afterwards whatever
// happened.
Status migrateAsOwner(Connection& db, const TeamRoles& roles, const std::string& location)
{
    if (auto became = db.exec("SET ROLE " + db.identifier(roles.owner)); !became)
        return became;
    Status done = migrate(db, location);
    if (done)
        done = db.transaction([&] { return grantAgentRights(db, roles); });
    if (auto back = db.exec("RESET ROLE"); !back && done)
        return back;
    return done;
}

// A database that holds tables but no Earshot schema belongs to something else: setting it up
// would change who may connect to it, so it is left alone.
Status refuseAnotherApplication(Connection& db, const std::string& location)
{
    auto version = schemaVersion(db);
    if (!version)
        return version.error();
    if (*version > 0)
        return Ok{};
    auto tables = db.query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'");
    if (!tables)
        return tables.error();
    if (tables->integer(0, 0) > 0)
        return fail(location + " already holds tables of something else (" + tables->text(0, 0) +
                    "); Earshot sets up only an empty database (createdb a new one)");
    return Ok{};
}

}  // namespace

Result<TeamRoles> teamRoles(Connection& db)
{
    auto exists = db.query("SELECT to_regclass('team_roles') IS NOT NULL");
    if (!exists)
        return exists.error();
    if (exists->boolean(0, 0)) {
        auto rows = db.query("SELECT (SELECT role FROM team_roles WHERE kind = 'owner'),"
                             " (SELECT role FROM team_roles WHERE kind = 'agent')");
        if (!rows)
            return rows.error();
        if (!rows->isNull(0, 0) && !rows->isNull(0, 1))
            return TeamRoles{rows->text(0, 0), rows->text(0, 1)};
    }
    return fail("this team workspace has no roles yet; its owner sets them up with 'earshot-cli workspace init'");
}

Status initializeTeamWorkspace(Connection& db, const std::string& location)
{
    TeamRoles roles;
    Status prepared = db.transaction([&]() -> Status {
        if (auto locked = db.exec(kRolesLock); !locked)
            return locked;
        if (auto foreign = refuseAnotherApplication(db, location); !foreign)
            return foreign;
        auto chosen = rolesToUse(db);
        if (!chosen)
            return chosen.error();
        roles = *chosen;
        return createRoles(db, roles);
    });
    if (!prepared && db.lastSqlState() == kInsufficientPrivilege)
        return fail("setting up " + location + " makes the team's roles, so it needs a login that may create roles"
                    " and owns the database (or the superuser, postgres): " + prepared.message());
    if (!prepared)
        return prepared;
    return migrateAsOwner(db, roles, location);
}

Status upgradeTeamWorkspace(Connection& db, const std::string& location)
{
    auto roles = teamRoles(db);
    if (!roles)
        return roles.error();
    auto member = db.query("SELECT pg_has_role(current_user, $1, 'MEMBER')", {roles->owner});
    if (!member)
        return member.error();
    if (!member->boolean(0, 0))
        return fail("the team workspace " + location + " uses an older schema than this Earshot; its owner (a member of " +
                    roles->owner + ") upgrades it with 'earshot-cli workspace init'");
    return migrateAsOwner(db, *roles, location);
}

}  // namespace earshot::store::postgres
