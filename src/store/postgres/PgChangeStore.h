// The change log and presence of a team workspace (store::ChangeStore, store::PresenceStore),
// and the notifications that hint at them.
#pragma once

#include "earshot/store/ChangeStore.h"
#include "earshot/store/PresenceStore.h"
#include "store/postgres/Connection.h"

namespace earshot::store::postgres {

class PgChangeStore final : public ChangeStore {
public:
    explicit PgChangeStore(Connection& db) : m_db(db) {}

    Result<ChangePosition> latest() override;
    Result<Changes> since(const ChangePosition& from) override;

private:
    Connection& m_db;
};

class PgPresenceStore final : public PresenceStore {
public:
    explicit PgPresenceStore(Connection& db) : m_db(db) {}

    Status announce(const Presence& presence) override;
    Status withdraw(const std::string& desktop) override;
    Result<std::vector<Presence>> present() override;

private:
    Connection& m_db;
};

// LISTENs on a connection of its own; wait() sleeps on its socket and on an eventfd that
// interrupt() writes to.
class PgChangeHints final : public ChangeHints {
public:
    static Result<std::unique_ptr<ChangeHints>> listen(Connection db);
    ~PgChangeHints() override;

    Result<bool> wait(std::chrono::milliseconds timeout) override;
    void interrupt() override;

private:
    PgChangeHints(Connection db, int wakeUp) : m_db(std::move(db)), m_wakeUp(wakeUp) {}

    Connection m_db;
    int m_wakeUp;   // eventfd
};

}  // namespace earshot::store::postgres
