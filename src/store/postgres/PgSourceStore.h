// The sources table on one PostgreSQL connection (see earshot/store/SourceStore.h).
#pragma once

#include "earshot/store/SourceStore.h"
#include "store/postgres/Connection.h"

namespace earshot::store::postgres {

class PgSourceStore final : public SourceStore {
public:
    explicit PgSourceStore(Connection& db) : m_db(db) {}

    Result<std::int64_t> add(const Source& source) override;
    Result<std::optional<std::int64_t>> restore(const Source& source) override;
    Result<std::vector<Source>> list() override;
    Result<Source> find(const std::string& idUrlOrName) override;
    Result<Source> byId(std::int64_t id) override;
    Status remove(std::int64_t id) override;
    Status setEnabled(std::int64_t id, bool enabled) override;
    Status update(const Source& source) override;
    Status recordPoll(const PollRecord& record) override;
    Status postpone(std::int64_t id, std::int64_t nextPollAt) override;
    Result<Lease> takeLease(std::int64_t sourceId, const std::string& poller, int seconds) override;
    Result<std::optional<std::int64_t>> takeLeaseFrom(std::int64_t sourceId, const std::string& poller,
                                                      const std::string& gone, int seconds) override;
    Result<bool> holdsLease(std::int64_t sourceId, const std::string& poller, std::int64_t fence) override;
    Status renewLeases(const std::string& poller, int seconds) override;

private:
    Connection& m_db;
};

}  // namespace earshot::store::postgres
