// Export cursors on one PostgreSQL connection: one query per kind, its filter built from the
// options, read in pages by key so a million rows take constant memory.
#pragma once

#include "earshot/store/ExportStore.h"
#include "store/postgres/Connection.h"

namespace earshot::store::postgres {

class PgExportStore final : public ExportStore {
public:
    explicit PgExportStore(Connection& db) : m_db(db) {}

    Result<std::int64_t> count(const ExportFilter& filter) override;
    Status eachConversation(const ExportFilter& filter, const ConversationRow& row) override;
    Status eachCycle(const ExportFilter& filter, const CycleRowSink& row) override;
    Status eachMention(const ExportFilter& filter, const MentionRow& row) override;
    Status eachEvent(const ExportFilter& filter, const EventRow& row) override;

private:
    Connection& m_db;
};

}  // namespace earshot::store::postgres
