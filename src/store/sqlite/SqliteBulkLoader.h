// BulkLoader on a SQLite connection of its own, with bulk-load settings while it lives.
#pragma once

#include <string>
#include <vector>

#include "earshot/store/BulkLoader.h"
#include "store/sqlite/Database.h"

namespace earshot::store::sqlite {

class SqliteBulkLoader final : public BulkLoader {
public:
    // Sets the bulk-load settings; the destructor puts the normal ones back.
    explicit SqliteBulkLoader(Database& db);
    ~SqliteBulkLoader() override;
    SqliteBulkLoader(const SqliteBulkLoader&) = delete;
    SqliteBulkLoader& operator=(const SqliteBulkLoader&) = delete;

    // Prepares the statements; inside the load's transaction.
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

private:
    Database& m_db;
    std::string m_journal;                 // the journal mode to go back to
    std::vector<std::string> m_deferred;   // CREATE INDEX statements to run at finish()
    Statement m_insertSource, m_insertAgent, m_insertAuthor, m_insertConversation, m_insertMention, m_insertReply,
        m_insertTag, m_insertNote;
};

}  // namespace earshot::store::sqlite
