// Export cursors on one SQLite connection: one query per kind, its filter built from the
// options, streamed row by row.
#pragma once

#include "earshot/store/ExportStore.h"
#include "store/sqlite/Database.h"

namespace earshot::store::sqlite {

class SqliteExportStore final : public ExportStore {
public:
    explicit SqliteExportStore(Database& db) : m_db(db) {}

    Result<std::int64_t> count(const ExportFilter& filter) override;
    Status eachConversation(const ExportFilter& filter, const ConversationRow& row) override;
    Status eachCycle(const ExportFilter& filter, const CycleRowSink& row) override;
    Status eachMention(const ExportFilter& filter, const MentionRow& row) override;
    Status eachEvent(const ExportFilter& filter, const EventRow& row) override;

private:
    Database& m_db;
};

}  // namespace earshot::store::sqlite
