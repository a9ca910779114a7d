// A team workspace on a PostgreSQL server: every reader and the process's one writer each
// on a connection of their own. Many desktops and headless listeners share it; what keeps
// them from stepping on each other is in the statements (conditional updates) and the
// server's locks, not in this process.
#pragma once

#include <mutex>

#include "earshot/store/Workspace.h"

namespace earshot::store::postgres {

class PgWorkspace final : public Workspace {
public:
    // `location` is checked (and, when asked, migrated) before this is made.
    PgWorkspace(std::string location, std::string password);

    const std::string& location() const override { return m_shownLocation; }
    Result<std::unique_ptr<Session>> reader() override;
    Writer& writer() override;
    Result<std::unique_ptr<ChangeHints>> changeHints() override;
    Status bulkLoad(const std::function<Status(BulkLoader&)>& load) override;
    Result<WorkspaceHealth> check() override;

private:
    std::string m_location;
    std::string m_shownLocation;   // without a password written into a URI
    std::string m_password;
    std::once_flag m_writerStarted;
    std::unique_ptr<Writer> m_writer;
};

// The location as it may be shown and remembered: a password in a postgresql:// URI or a
// password= keyword is left out.
std::string withoutPassword(const std::string& location);

Result<std::unique_ptr<Workspace>> openPostgresWorkspace(const std::string& location, Workspace::Opening opening,
                                                         const std::string& password = {});

}  // namespace earshot::store::postgres
