// The change log and presence of a SQLite workspace (store::ChangeStore, store::PresenceStore).
#pragma once

#include <condition_variable>
#include <mutex>

#include "earshot/store/ChangeStore.h"
#include "earshot/store/PresenceStore.h"
#include "store/sqlite/Database.h"

namespace earshot::store::sqlite {

class SqliteChangeStore final : public ChangeStore {
public:
    explicit SqliteChangeStore(Database& db) : m_db(db) {}

    Result<ChangePosition> latest() override;
    Result<Changes> since(const ChangePosition& from) override;

private:
    Database& m_db;
};

class SqlitePresenceStore final : public PresenceStore {
public:
    explicit SqlitePresenceStore(Database& db) : m_db(db) {}

    Status announce(const Presence& presence) override;
    Status withdraw(const std::string& desktop) override;
    Result<std::vector<Presence>> present() override;

private:
    Database& m_db;
};

// No server to send hints: every process on the desk writes the same file, and a reader
// looks again after a short wait.
class SqliteChangeHints final : public ChangeHints {
public:
    Result<bool> wait(std::chrono::milliseconds timeout) override;
    void interrupt() override;

private:
    std::mutex m_mutex;
    std::condition_variable m_interrupted;
    bool m_interrupt = false;
};

}  // namespace earshot::store::sqlite
