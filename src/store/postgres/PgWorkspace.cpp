#include "store/postgres/PgWorkspace.h"

#include <regex>

#include "store/postgres/PgBulkLoader.h"
#include "store/postgres/PgChangeStore.h"
#include "store/postgres/PgRoles.h"
#include "store/postgres/PgSchema.h"
#include "store/postgres/PgSession.h"

namespace earshot::store::postgres {

std::string withoutPassword(const std::string& location)
{
    static const std::regex inUri(R"(^(postgres(?:ql)?://[^:/@]*):[^@]*@)");
    static const std::regex keyword(R"((^|\s)password\s*=\s*('([^'\\]|\\.)*'|\S*))");
    std::string shown = std::regex_replace(location, inUri, "$1@");
    shown = std::regex_replace(shown, keyword, "$1");
    // What is left of "password=…" between others: no double spaces, none at the ends.
    shown = std::regex_replace(shown, std::regex(R"(\s{2,})"), " ");
    const auto first = shown.find_first_not_of(' ');
    const auto last = shown.find_last_not_of(' ');
    return first == std::string::npos ? std::string() : shown.substr(first, last - first + 1);
}

namespace {

// Filling a workspace at once changes its tables' indexes and sequences: the owner's work. Its
// members load as the owner, until the transaction ends; anyone else is told who can.
Status actAsOwner(Connection& db, const std::string& location)
{
    auto roles = teamRoles(db);
    if (!roles)
        return Ok{};   // set up before roles: whoever set it up owns it
    auto member = db.query("SELECT pg_has_role(current_user, $1, 'MEMBER')", {roles->owner});
    if (!member)
        return member.error();
    if (!member->boolean(0, 0))
        return fail("filling the team workspace " + location + " at once (the demo, generate) is for its owner: run it"
                    " as a member of " + roles->owner);
    return db.exec("SET LOCAL ROLE " + db.identifier(roles->owner));
}

}  // namespace

PgWorkspace::PgWorkspace(std::string location, std::string password)
    : m_location(std::move(location)), m_shownLocation(withoutPassword(m_location)), m_password(std::move(password))
{
}

Result<std::unique_ptr<Session>> PgWorkspace::reader()
{
    auto db = Connection::open(m_location, m_password);
    if (!db)
        return db.error();
    return std::unique_ptr<Session>(std::make_unique<PgSession>(std::move(*db)));
}

Writer& PgWorkspace::writer()
{
    std::call_once(m_writerStarted, [this] {
        auto db = Connection::open(m_location, m_password);
        m_writer = db ? std::make_unique<Writer>(std::make_unique<PgSession>(std::move(*db)))
                      : std::make_unique<Writer>(fail("cannot write to " + m_shownLocation + ": " + db.message()));
    });
    return *m_writer;
}

Result<std::unique_ptr<ChangeHints>> PgWorkspace::changeHints()
{
    auto db = Connection::open(m_location, m_password);
    if (!db)
        return db.error();
    return PgChangeHints::listen(std::move(*db));
}

Status PgWorkspace::bulkLoad(const std::function<Status(BulkLoader&)>& load)
{
    auto db = Connection::open(m_location, m_password);
    if (!db)
        return db.error();
    return db->transaction([&]() -> Status {
        if (auto owner = actAsOwner(*db, m_shownLocation); !owner)
            return owner;
        PgBulkLoader loader(*db);
        if (auto prepared = loader.prepare(); !prepared)
            return prepared;
        if (auto loaded = load(loader); !loaded)
            return loaded;
        return loader.flush();   // rows of a load that did not call finish(), with their errors
    });
}

Result<WorkspaceHealth> PgWorkspace::check()
{
    auto db = Connection::open(m_location, m_password);
    if (!db)
        return db.error();
    auto version = schemaVersion(*db);
    if (!version)
        return version.error();
    WorkspaceHealth health{.schemaVersion = *version, .programSchemaVersion = latestSchemaVersion()};
    // The server keeps its own constraints; what it cannot know is whether the counts kept
    // beside the conversations still agree with them.
    auto counts = db->query(
        "SELECT k.status, k.source_id, k.n, coalesce(c.n, 0) FROM conversation_counts k"
        " LEFT JOIN (SELECT status, source_id, count(*) AS n FROM conversations GROUP BY status, source_id) c"
        "   ON c.status = k.status AND c.source_id = k.source_id"
        " WHERE k.n <> coalesce(c.n, 0)"
        " UNION ALL"
        " SELECT c.status, c.source_id, 0, c.n FROM (SELECT status, source_id, count(*) AS n FROM conversations"
        "   GROUP BY status, source_id) c"
        " WHERE NOT EXISTS (SELECT 1 FROM conversation_counts k WHERE k.status = c.status AND k.source_id = c.source_id)");
    if (!counts)
        return counts.error();
    for (int row = 0; row < counts->size(); ++row)
        health.problems.push_back("the count of " + counts->text(row, 0) + " conversations of source " +
                                  counts->text(row, 1) + " says " + counts->text(row, 2) + ", there are " +
                                  counts->text(row, 3));
    return health;
}

Result<std::unique_ptr<Workspace>> openPostgresWorkspace(const std::string& location, Workspace::Opening opening,
                                                         const std::string& password)
{
    auto db = Connection::open(location, password);
    if (!db)
        return db.error();
    const std::string shown = withoutPassword(location);
    Status ready = Ok{};
    switch (opening) {
    case Workspace::Opening::Existing:
        ready = checkCurrent(*db, shown);
        break;
    case Workspace::Opening::CreateOrUpgrade:
        if (auto version = schemaVersion(*db); !version)
            ready = version.error();
        else if (*version == 0)
            ready = checkCurrent(*db, shown);   // says how to set it up
        else if (*version < latestSchemaVersion())
            ready = upgradeTeamWorkspace(*db, shown);
        else
            ready = checkCurrent(*db, shown);   // a newer one is refused
        break;
    case Workspace::Opening::Initialize:
        ready = initializeTeamWorkspace(*db, shown);
        break;
    }
    if (!ready)
        return ready.error();
    return std::unique_ptr<Workspace>(std::make_unique<PgWorkspace>(location, password));
}

}  // namespace earshot::store::postgres
