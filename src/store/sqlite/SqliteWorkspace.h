// A workspace in one SQLite file (WAL): readers each on a connection of their own, the
// writer on the one read-write connection of this process.
#pragma once

#include <mutex>

#include "earshot/store/Workspace.h"

namespace earshot::store::sqlite {

class SqliteWorkspace final : public Workspace {
public:
    // Checked (and, for CreateOrUpgrade, created and migrated) before this is made.
    explicit SqliteWorkspace(std::string path);

    const std::string& location() const override { return m_path; }
    Result<std::unique_ptr<Session>> reader() override;
    Writer& writer() override;
    Result<std::unique_ptr<ChangeHints>> changeHints() override;
    Status bulkLoad(const std::function<Status(BulkLoader&)>& load) override;
    Result<WorkspaceHealth> check() override;

private:
    std::string m_path;
    std::once_flag m_writerStarted;
    std::unique_ptr<Writer> m_writer;
};

Result<std::unique_ptr<Workspace>> openSqliteWorkspace(const std::string& path, Workspace::Opening opening);

}  // namespace earshot::store::sqlite
