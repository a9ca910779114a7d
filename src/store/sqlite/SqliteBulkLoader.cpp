#include "store/sqlite/SqliteBulkLoader.h"

#include "store/sqlite/Events.h"
#include "store/sqlite/ConversationQueries.h"
#include "store/sqlite/MentionQueries.h"

namespace earshot::store::sqlite {

namespace {

Result<std::string> pragmaValue(Database& db, const std::string& sql)
{
    auto statement = db.prepare(sql);
    if (!statement)
        return statement.error();
    auto row = statement->step();
    if (!row)
        return row.error();
    return *row ? statement->text(0) : std::string();
}

Statement& bindOptional(Statement& statement, int index, std::string_view text)
{
    return text.empty() ? statement.bind(index, std::nullopt) : statement.bind(index, text);
}

}  // namespace

// A rollback journal instead of WAL, because one huge transaction would otherwise be written
// twice (WAL, then checkpoint); no fsync, because a crash mid-load leaves nothing worth
// keeping anyway; foreign keys unchecked, because every id written was made a moment ago.
SqliteBulkLoader::SqliteBulkLoader(Database& db) : m_db(db)
{
    auto mode = pragmaValue(db, "PRAGMA journal_mode");
    m_journal = mode ? *mode : std::string("wal");
    // Fails quietly when another connection has the file open; WAL is merely slower.
    (void)pragmaValue(db, "PRAGMA journal_mode=TRUNCATE");
    (void)db.exec("PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-262144");
}

SqliteBulkLoader::~SqliteBulkLoader()
{
    (void)m_db.exec("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-2000");
    (void)pragmaValue(m_db, "PRAGMA journal_mode=" + m_journal);
}

Status SqliteBulkLoader::prepare()
{
    struct Prepared {
        Statement& statement;
        std::string_view sql;
    };
    const Prepared all[] = {
        {m_insertSource,
         "INSERT INTO sources(kind, name, url, enabled, include_words, settings, created_at)"
         " VALUES ('feed', ?, ?, 0, ?, ?, ?)"},
        {m_insertAgent,
         "INSERT INTO agents(name, first_name, languages, teams, created_at) VALUES (?, ?, ?, ?, ?)"
         " ON CONFLICT(name) DO NOTHING"},
        {m_insertAuthor,
         "INSERT INTO authors(id, platform, handle, display_name, profile_url, followers) VALUES (?, ?, ?, ?, ?, ?)"},
        {m_insertConversation,
         "INSERT INTO conversations(id, source_id, thread_key, customer_id, status, assignee, last_agent, priority,"
         " created_at, updated_at, last_customer_at, first_response_at, resolved_at, message_count, snippet)"
         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"},
        {m_insertMention,
         "INSERT INTO mentions(id, source_id, external_id, conversation_id, author_id, title, body, link, reply_to,"
         " published_at, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"},
        {m_insertReply,
         "INSERT INTO replies(id, conversation_id, agent, body, channel, external_id, sent_at)"
         " VALUES (?, ?, ?, ?, ?, ?, ?)"},
        {m_insertTag, "INSERT OR IGNORE INTO conversation_tags(conversation_id, tag) VALUES (?, ?)"},
        {m_insertNote, "INSERT INTO notes(conversation_id, agent, body, created_at) VALUES (?, ?, ?, ?)"},
    };
    for (const Prepared& p : all) {
        auto statement = m_db.prepare(p.sql);
        if (!statement)
            return statement.error();
        p.statement = std::move(*statement);
    }
    return Ok{};
}

Result<std::int64_t> SqliteBulkLoader::countSourcesWithSetting(std::string_view settingsKey)
{
    return queryInteger(m_db, "SELECT count(*) FROM sources WHERE json_valid(settings) AND json_extract(settings, '$." +
                                  std::string(settingsKey) + "') IS NOT NULL");
}

Result<std::int64_t> SqliteBulkLoader::countConversations()
{
    return queryInteger(m_db, "SELECT count(*) FROM conversations");
}

Result<BulkIds> SqliteBulkLoader::nextIds()
{
    BulkIds ids;
    for (auto [table, next] : {std::pair{"authors", &ids.author}, std::pair{"conversations", &ids.conversation},
                               std::pair{"mentions", &ids.mention}, std::pair{"replies", &ids.reply}}) {
        auto highest = queryInteger(m_db, std::string("SELECT coalesce(max(id), 0) FROM ") + table);
        if (!highest)
            return highest.error();
        *next = *highest + 1;
    }
    return ids;
}

// Secondary indexes kept up row by row cost most of the time of a big load; built once at
// the end they cost a sort. The definitions are read back from the schema, so indexes that
// later migrations add are rebuilt as declared. Unique indexes stay: they are the duplicate checks.
// The change log's triggers rest too: a workspace being filled has nobody to tell.
Status SqliteBulkLoader::deferIndexes()
{
    auto list = m_db.prepare(
        "SELECT 'DROP INDEX \"' || m.name || '\"', m.sql FROM sqlite_master m WHERE m.type = 'index'"
        " AND m.sql IS NOT NULL AND m.tbl_name IN ('authors', 'conversations', 'mentions', 'replies', 'events')"
        " AND NOT (SELECT il.\"unique\" FROM pragma_index_list(m.tbl_name) il WHERE il.name = m.name)"
        " UNION ALL"
        " SELECT 'DROP TRIGGER \"' || m.name || '\"', m.sql FROM sqlite_master m"
        " WHERE m.type = 'trigger' AND m.name LIKE 'changes\\_%' ESCAPE '\\'");
    if (!list)
        return list.error();
    std::vector<std::string> drops;
    if (auto read = eachRow(*list, [&](Statement& row) {
            drops.push_back(row.text(0));
            m_deferred.push_back(row.text(1));
        });
        !read)
        return read;
    for (const std::string& drop : drops)
        if (auto dropped = m_db.exec(drop); !dropped)
            return dropped;
    return Ok{};
}

Result<std::int64_t> SqliteBulkLoader::addSource(const BulkSource& source)
{
    m_insertSource.bind(1, source.name)
        .bind(2, source.url)
        .bind(3, source.includeWords)
        .bind(4, source.settings)
        .bind(5, source.createdAt);
    if (auto stored = m_insertSource.run(); !stored)
        return fail("cannot add source " + std::string(source.name) + ": " + stored.message());
    return m_db.lastInsertId();
}

Result<bool> SqliteBulkLoader::addAgent(const BulkAgent& agent)
{
    m_insertAgent.bind(1, agent.name)
        .bind(2, agent.firstName)
        .bind(3, agent.languages)
        .bind(4, agent.teams)
        .bind(5, agent.createdAt);
    if (auto stored = m_insertAgent.run(); !stored)
        return stored.error();
    return m_db.changes() > 0;
}

Status SqliteBulkLoader::addAuthor(std::int64_t id, const AuthorInfo& author)
{
    return m_insertAuthor.bind(1, id)
        .bind(2, author.platform)
        .bind(3, author.handle)
        .bind(4, author.displayName)
        .bind(5, author.profileUrl)
        .bind(6, author.followers)
        .run();
}

Status SqliteBulkLoader::addConversation(const BulkConversation& c)
{
    m_insertConversation.bind(1, c.id)
        .bind(2, c.sourceId)
        .bind(3, c.threadKey)
        .bind(4, c.customerId)
        .bind(5, domain::statusName(c.status));
    bindOptional(m_insertConversation, 6, c.assignee);
    bindOptional(m_insertConversation, 7, c.lastAgent);
    return m_insertConversation.bind(8, int(c.priority))
        .bind(9, c.createdAt)
        .bind(10, c.updatedAt)
        .bind(11, c.lastCustomerAt)
        .bind(12, c.firstResponseAt)
        .bind(13, c.resolvedAt)
        .bind(14, c.messageCount)
        .bind(15, c.snippet)
        .run();
}

Status SqliteBulkLoader::addMention(const BulkMention& m)
{
    return m_insertMention.bind(1, m.id)
        .bind(2, m.sourceId)
        .bind(3, m.externalId)
        .bind(4, m.conversationId)
        .bind(5, m.authorId)
        .bind(6, m.title)
        .bind(7, m.body)
        .bind(8, m.link)
        .bind(9, m.replyTo)
        .bind(10, m.publishedAt)
        .bind(11, m.ingestedAt)
        .run();
}

Status SqliteBulkLoader::addReply(const BulkReply& r)
{
    m_insertReply.bind(1, r.id)
        .bind(2, r.conversationId)
        .bind(3, r.agent)
        .bind(4, r.body)
        .bind(5, domain::channelName(r.channel));
    bindOptional(m_insertReply, 6, r.externalId);
    return m_insertReply.bind(7, r.sentAt).run();
}

Status SqliteBulkLoader::addEvent(const Event& e) { return appendEvent(m_db, e); }

Status SqliteBulkLoader::addTag(std::int64_t conversationId, std::string_view tag)
{
    return m_insertTag.bind(1, conversationId).bind(2, tag).run();
}

Status SqliteBulkLoader::addNote(std::int64_t conversationId, std::string_view agent, std::string_view body,
                                 std::int64_t createdAt)
{
    return m_insertNote.bind(1, conversationId).bind(2, agent).bind(3, body).bind(4, createdAt).run();
}

Status SqliteBulkLoader::finish()
{
    for (const std::string& sql : m_deferred)
        if (auto created = m_db.exec(sql); !created)
            return fail("cannot rebuild the indexes: " + created.message());
    m_deferred.clear();
    // The inbox counts, in one pass rather than one update per conversation written.
    if (auto counted = recountConversations(m_db); !counted)
        return fail("cannot count the conversations: " + counted.message());
    if (auto indexed = indexPendingMentions(m_db); !indexed)
        return fail("cannot index the mentions for search: " + indexed.message());
    return Ok{};
}

}  // namespace earshot::store::sqlite
