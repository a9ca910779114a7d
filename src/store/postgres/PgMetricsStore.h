// The metrics' inputs and derived rows (response_cycles, response_waits, metrics_dirty) on
// one PostgreSQL connection.
#pragma once

#include "earshot/store/MetricsStore.h"
#include "store/postgres/Connection.h"

namespace earshot::store::postgres {

class PgMetricsStore final : public MetricsStore {
public:
    explicit PgMetricsStore(Connection& db) : m_db(db) {}

    Result<std::int64_t> dirtyCount() override;
    Result<DirtyBatch> nextDirtyBatch(std::int64_t limit) override;
    Result<MetricsLogs> dirtyLogs(const DirtyBatch& batch) override;
    Result<MetricsLogs> logsOf(const std::vector<std::int64_t>& conversations) override;
    Status replaceDerived(const DirtyBatch& batch, const std::vector<CycleRow>& cycles,
                          const std::vector<WaitRow>& waits) override;

    Status eachAgent(const std::function<void(const std::string&, const std::vector<std::string>&)>& row) override;
    Status eachSourceName(const std::function<void(std::int64_t, const std::string&)>& row) override;
    Status eachConversation(const std::function<void(const MetricsConversationRow&)>& row) override;
    Status eachConversationTag(const std::function<void(std::int64_t, const std::string&)>& row) override;
    Status eachCycle(const std::function<void(const CycleRow&)>& row) override;
    Status eachWait(const std::function<void(const WaitRow&)>& row) override;

private:
    // `inClause` follows "conversation_id" and uses `params` ($1, $2).
    Result<MetricsLogs> loadLogs(const char* inClause, const Params& params);

    Connection& m_db;
    // The conversations nextDirtyBatch() took, for dirtyLogs() and replaceDerived() in the same
    // transaction.
    std::vector<std::int64_t> m_batch;
};

}  // namespace earshot::store::postgres
