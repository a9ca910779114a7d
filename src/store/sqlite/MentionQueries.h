// The SQLite statements behind SqliteMentionStore, also used by the writer's catch-up and the
// bulk loader.
#pragma once

#include "earshot/store/Mentions.h"
#include "store/sqlite/Database.h"

namespace earshot::store {

// Stores the new ones among `mentions` for a source; call inside a transaction.
Result<IngestResult> ingestMentions(Database& db, std::int64_t sourceId, const std::vector<NewMention>& mentions,
                                    std::int64_t now);

// Adds every mention stored since the last call to the full-text index, in one statement.
// The writer calls it after each batch (Session::catchUp); bulk loaders once at the end.
Status indexPendingMentions(Database& db);

// Newest first.
Result<std::vector<MentionRow>> listMentions(Database& db, const MentionQuery& query);

}  // namespace earshot::store

namespace earshot::store::sqlite {

class SqliteMentionStore final : public MentionStore {
public:
    explicit SqliteMentionStore(Database& db) : m_db(db) {}
    Result<IngestResult> ingest(std::int64_t sourceId, const std::vector<NewMention>& mentions,
                                std::int64_t now) override
    {
        return ingestMentions(m_db, sourceId, mentions, now);
    }
    Result<std::vector<MentionRow>> list(const MentionQuery& query) override { return listMentions(m_db, query); }

private:
    Database& m_db;
};

}  // namespace earshot::store::sqlite
