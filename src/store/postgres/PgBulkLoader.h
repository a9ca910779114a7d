// BulkLoader on a PostgreSQL connection, inside the load's transaction: rows are sent in batches.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "earshot/store/BulkLoader.h"
#include "store/postgres/Connection.h"

namespace earshot::store::postgres {

class PgBulkLoader final : public BulkLoader {
public:
    explicit PgBulkLoader(Connection& db);
    // Writes what is still waiting when finish() was not called (the load's transaction is
    // still open then); a failure is logged, and that transaction's COMMIT rolls it all back.
    ~PgBulkLoader() override;
    PgBulkLoader(const PgBulkLoader&) = delete;
    PgBulkLoader& operator=(const PgBulkLoader&) = delete;

    // Sets the bulk-load settings for the load's transaction; inside it.
    Status prepare();

    Result<std::int64_t> countSourcesWithSetting(std::string_view settingsKey) override;
    Result<std::int64_t> countConversations() override;
    Result<BulkIds> nextIds() override;
    Status deferIndexes() override;
    Result<std::int64_t> addSource(const BulkSource& source) override;
    Result<bool> addAgent(const BulkAgent& agent) override;
    Status addAuthor(std::int64_t id, const AuthorInfo& author) override;
    Status addConversation(const BulkConversation& conversation) override;
    Status addMention(const BulkMention& mention) override;
    Status addReply(const BulkReply& reply) override;
    Status addEvent(const Event& event) override;
    Status addTag(std::int64_t conversationId, std::string_view tag) override;
    Status addNote(std::int64_t conversationId, std::string_view agent, std::string_view body,
                   std::int64_t createdAt) override;
    Status finish() override;

    // Writes the rows still waiting in the batches.
    Status flush();

private:
    // Rows of one table waiting to be written with one INSERT … SELECT FROM unnest($1::…[], …):
    // each column is kept as the text of a PostgreSQL array, so a batch is one statement with
    // one parameter per column whatever its length.
    class Batch {
    public:
        Batch(std::string_view table, std::string_view insert, int columns);

        Batch& integer(std::int64_t value);
        Batch& integer(const std::optional<std::int64_t>& value);
        Batch& text(std::string_view value);
        Batch& optionalText(const std::optional<std::string>& value);
        Batch& textOrNull(std::string_view value);   // NULL when empty
        // The row is complete; returns how many rows wait.
        int endRow();

        int rows() const { return m_rows; }
        // One statement for every row waiting; none when none wait.
        Status write(Connection& db);

    private:
        // The array text of the next column of the row being added, ready for its value.
        std::string& next();

        std::string m_table;
        std::string m_insert;
        std::vector<std::string> m_columns;
        int m_column = 0;
        int m_rows = 0;
    };

    // After a row was added to a batch where `waiting` rows now wait: once a batch is full,
    // every batch is written, parents before children for the foreign keys. `explicitId`:
    // the row carries an id the loader chose.
    Status rowAdded(int waiting, bool explicitId);
    // What must happen whether or not finish() is called: every row written, the indexes
    // back, the id sequences past the ids the loader chose.
    Status settle();

    Connection& m_db;
    std::vector<std::string> m_deferred;   // CREATE INDEX, ADD CONSTRAINT, ENABLE TRIGGER: for settle()
    bool m_unsettled = false;     // rows or indexes that settle() has yet to see to
    bool m_explicitIds = false;   // ids written that the identity sequences do not know of
    Batch m_authors, m_conversations, m_mentions, m_replies, m_tags, m_notes, m_events;
};

}  // namespace earshot::store::postgres
