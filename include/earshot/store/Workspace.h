// A workspace: everything one desk (or, later, one team) listens to and works on. It is
// opened once from its location and passed in; windows, dialogs, CLI commands and workers ask
// it for what they need (a reading session of their own, the one writer) instead of opening
// files by path. A location is a SQLite file path (one desk) or a PostgreSQL connection (a
// team): a postgresql:// URI or libpq keywords ("host=… dbname=…"). Each database engine
// implements Workspace and Session in its own folder under src/store/.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "earshot/core/Result.h"
#include "earshot/store/BulkLoader.h"
#include "earshot/store/ChangeStore.h"
#include "earshot/store/Session.h"
#include "earshot/store/Writer.h"

namespace earshot::store {

// What a workspace's own integrity checks found (`earshot-cli db check`).
struct WorkspaceHealth {
    int schemaVersion = 0;          // the workspace's
    int programSchemaVersion = 0;   // the one this program writes
    std::vector<std::string> problems;   // empty: all is well
};

// A team's PostgreSQL connection rather than a SQLite file path.
bool isTeamLocation(std::string_view location);

class Workspace {
public:
    enum class Opening {
        // Bring an older schema up to date; create a missing SQLite file. A team's empty
        // PostgreSQL database is refused: it is set up once, on purpose (Initialize).
        CreateOrUpgrade,
        Existing,          // it must exist with the current schema; nothing is written to open it
        Initialize,        // CreateOrUpgrade, and create the schema in an empty team database too
    };

    // A database written by a newer Earshot is refused either way, with what to do.
    static Result<std::unique_ptr<Workspace>> open(const std::string& location,
                                                   Opening opening = Opening::CreateOrUpgrade);

    virtual ~Workspace() = default;
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    // As given to open(), for messages and for remembering the last workspace.
    virtual const std::string& location() const = 0;
    // A session of its own for reading, for one thread at a time.
    virtual Result<std::unique_ptr<Session>> reader() = 0;
    // The one writer of this process, started at first use.
    virtual Writer& writer() = 0;
    // Hints that another session or process changed conversations, on a connection of their
    // own (ChangeStore.h): PostgreSQL's notifications; on SQLite a short wait instead.
    virtual Result<std::unique_ptr<ChangeHints>> changeHints() = 0;
    // Runs `load` in one transaction on a connection set up for loading a whole history at
    // once; everything is rolled back when it fails. Nothing else may write meanwhile: it is
    // for filling a new workspace (the demo), not for a live one.
    virtual Status bulkLoad(const std::function<Status(BulkLoader&)>& load) = 0;
    // Runs the database engine's integrity checks over everything stored. Slow on a big
    // workspace; for a person who asks, never on the way to other work.
    virtual Result<WorkspaceHealth> check() = 0;

protected:
    Workspace() = default;
};

}  // namespace earshot::store
