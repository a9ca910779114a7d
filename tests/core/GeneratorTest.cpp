// The synthetic workspace generator: what it writes must look like what the engine and the
// console write themselves, so demos and benchmarks exercise real invariants.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <unistd.h>

#include "WorkspaceReads.h"
#include "earshot/demo/WorkspaceGenerator.h"
#include "earshot/store/Mentions.h"
#include "store/sqlite/Schema.h"

using namespace earshot;

namespace {

constexpr std::int64_t kNow = 1'790'000'000;   // a fixed Tuesday, so runs compare

class TempDatabase {
public:
    TempDatabase()
    {
        static int counter = 0;
        m_path = (std::filesystem::temp_directory_path() /
                  ("earshot-generator-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".db"))
                     .string();
        remove();
    }
    ~TempDatabase() { remove(); }
    const std::string& path() const { return m_path; }

private:
    void remove() const
    {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            std::filesystem::remove(m_path + suffix);
    }
    std::string m_path;
};

std::int64_t count(store::Database& db, const std::string& sql)
{
    auto value = store::queryInteger(db, sql);
    EXPECT_TRUE(value.ok()) << sql << ": " << (value ? "" : value.message());
    return value ? *value : -1;
}

// A real feed with `mentions` heard, written as the engine writes them, before any generating.
void hearRealFeed(const std::string& path, const std::vector<store::NewMention>& mentions)
{
    auto workspace = store::Workspace::open(path);
    ASSERT_TRUE(workspace) << workspace.message();
    const std::int64_t source =
        test::addSource(**workspace, {.name = "Real feed", .url = "http://real.example/rss", .createdAt = 1});
    ASSERT_EQ(source, 1);
    EXPECT_EQ(test::ingest(**workspace, source, mentions, kNow - 100).mentionIds.size(), mentions.size());
}

demo::GeneratorSummary generateInto(store::Database& db, std::int64_t conversations, std::uint64_t seed)
{
    auto workspace = store::Workspace::open(db.path());
    EXPECT_TRUE(workspace) << workspace.message();
    demo::WorkspaceGenerator generator(**workspace);
    auto summary = generator.generate({.conversations = conversations, .seed = seed, .days = 42, .now = kNow});
    EXPECT_TRUE(summary.ok()) << (summary ? "" : summary.message());
    return summary ? *summary : demo::GeneratorSummary{};
}

// Every row of the tables the generator writes, as text, to compare two runs.
std::string dump(store::Database& db)
{
    const std::pair<const char*, int> tables[] = {
        {"SELECT * FROM sources ORDER BY id", 21},      {"SELECT * FROM agents ORDER BY id", 6},
        {"SELECT * FROM authors ORDER BY id", 6},       {"SELECT * FROM conversations ORDER BY id", 16},
        {"SELECT * FROM mentions ORDER BY id", 13},     {"SELECT * FROM replies ORDER BY id", 7},
        {"SELECT * FROM events ORDER BY id", 9}};
    std::string out;
    for (const auto& [sql, columns] : tables) {
        auto statement = db.prepare(sql);
        EXPECT_TRUE(statement.ok());
        if (!statement)
            return out;
        for (;;) {
            auto row = statement->step();
            if (!row || !*row)
                break;
            for (int c = 0; c < columns; ++c)
                out += statement->text(c) + '\x1f';
            out += '\n';
        }
    }
    return out;
}

class GeneratedWorkspace : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_file = new TempDatabase();
        auto db = store::openWorkspace(s_file->path());
        ASSERT_TRUE(db.ok()) << db.message();
        s_summary = generateInto(*db, 500, 42);
    }
    static void TearDownTestSuite()
    {
        delete s_file;
        s_file = nullptr;
    }
    void SetUp() override
    {
        auto db = store::openWorkspace(s_file->path());
        ASSERT_TRUE(db.ok()) << db.message();
        m_db.emplace(std::move(*db));
    }
    store::Database& db() { return *m_db; }

    static TempDatabase* s_file;
    static demo::GeneratorSummary s_summary;
    std::optional<store::Database> m_db;
};

TempDatabase* GeneratedWorkspace::s_file = nullptr;
demo::GeneratorSummary GeneratedWorkspace::s_summary;

}  // namespace

TEST_F(GeneratedWorkspace, SummaryMatchesTheRowsWritten)
{
    EXPECT_EQ(s_summary.conversations, 500);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM conversations"), 500);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM mentions"), s_summary.mentions);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM replies"), s_summary.replies);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM events"), s_summary.events);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM authors"), s_summary.authors);
    EXPECT_GT(s_summary.mentions, 500);
    EXPECT_GT(s_summary.replies, 0);
}

TEST_F(GeneratedWorkspace, CastIsDisabledDemoSourcesAndATeam)
{
    const std::int64_t sources = count(db(), "SELECT count(*) FROM sources");
    EXPECT_GE(sources, 12);
    EXPECT_LE(sources, 20);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM sources WHERE enabled = 1 OR kind <> 'feed'"), 0);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM sources WHERE url NOT LIKE 'http://%.example%'"), 0);
    EXPECT_GE(count(db(), "SELECT count(*) FROM agents"), 8);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM agents WHERE NOT json_valid(languages) OR NOT json_valid(teams)"), 0);
    // Every assignee, replier and acting agent is a profile.
    EXPECT_EQ(count(db(), "SELECT count(*) FROM conversations WHERE assignee NOT IN (SELECT name FROM agents)"), 0);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM replies WHERE agent NOT IN (SELECT name FROM agents)"), 0);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM events WHERE actor <> 'engine' AND actor NOT IN (SELECT name FROM agents)"),
              0);
}

TEST_F(GeneratedWorkspace, ReferencesAreIntact)
{
    EXPECT_EQ(count(db(), "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM mentions WHERE conversation_id NOT IN (SELECT id FROM conversations)"), 0);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM conversations c WHERE NOT EXISTS"
                          " (SELECT 1 FROM mentions m WHERE m.conversation_id = c.id)"),
              0);
    // The thread key is the first mention's id, as ingestMentions makes it.
    EXPECT_EQ(count(db(), "SELECT count(*) FROM conversations c WHERE thread_key <>"
                          " (SELECT external_id FROM mentions WHERE conversation_id = c.id ORDER BY id LIMIT 1)"),
              0);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM mentions WHERE source_id <>"
                          " (SELECT source_id FROM conversations WHERE id = conversation_id)"),
              0);
}

TEST_F(GeneratedWorkspace, StatusesAndTimesAreConsistent)
{
    std::set<std::string> statuses;
    auto rows = db().prepare("SELECT DISTINCT status FROM conversations");
    ASSERT_TRUE(rows.ok());
    while (*rows->step())
        statuses.insert(rows->text(0));
    EXPECT_TRUE(statuses.count("resolved"));
    EXPECT_GE(statuses.size(), 4u);
    for (const auto& status : statuses)
        EXPECT_TRUE(std::set<std::string>({"new", "open", "pending", "resolved", "spam"}).count(status)) << status;

    EXPECT_EQ(count(db(), "SELECT count(*) FROM conversations WHERE (status = 'resolved') <> (resolved_at IS NOT NULL)"), 0);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM conversations WHERE resolved_at < created_at"), 0);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM conversations WHERE first_response_at < created_at"), 0);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM conversations WHERE updated_at > " + std::to_string(kNow) +
                              " OR created_at < " + std::to_string(kNow - 43 * 86400)),
              0);
    // Replies exist exactly when there was a first response, which is the earliest reply.
    EXPECT_EQ(count(db(), "SELECT count(*) FROM conversations c WHERE (first_response_at IS NOT NULL) <>"
                          " EXISTS (SELECT 1 FROM replies r WHERE r.conversation_id = c.id)"),
              0);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM conversations c WHERE first_response_at <>"
                          " (SELECT min(sent_at) FROM replies r WHERE r.conversation_id = c.id)"),
              0);
    // Claimed work has an owner; untouched and spam conversations have none.
    EXPECT_EQ(count(db(), "SELECT count(*) FROM conversations WHERE status IN ('open', 'pending') AND assignee IS NULL"),
              0);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM conversations WHERE status IN ('new', 'spam') AND assignee IS NOT NULL"),
              0);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM conversations WHERE priority NOT BETWEEN 0 AND 3"), 0);
    EXPECT_GT(count(db(), "SELECT count(*) FROM conversations WHERE priority >= 2"), 0);
}

TEST_F(GeneratedWorkspace, ConversationRowsSummariseTheirMessages)
{
    EXPECT_EQ(count(db(), "SELECT count(*) FROM conversations c JOIN"
                          " (SELECT conversation_id, count(*) n, min(ingested_at) first, max(ingested_at) last"
                          "  FROM mentions GROUP BY conversation_id) m ON m.conversation_id = c.id"
                          " WHERE c.message_count <> m.n OR c.created_at <> m.first OR c.last_customer_at <> m.last"),
              0);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM conversations WHERE message_count NOT BETWEEN 1 AND 5"), 0);
    EXPECT_GT(count(db(), "SELECT count(*) FROM conversations WHERE message_count > 1"), 0);
    // updated_at is the last thing that happened: an event or a message.
    EXPECT_EQ(count(db(), "SELECT count(*) FROM conversations c WHERE updated_at <> max("
                          " (SELECT max(at) FROM events e WHERE e.conversation_id = c.id),"
                          " (SELECT max(ingested_at) FROM mentions m WHERE m.conversation_id = c.id))"),
              0);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM conversations WHERE length(CAST(snippet AS BLOB)) > 200"
                          " OR snippet = ''"),
              0);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM replies WHERE sent_at > " + std::to_string(kNow)), 0);
}

TEST_F(GeneratedWorkspace, EventLogTellsEachHistory)
{
    EXPECT_EQ(count(db(), "SELECT count(*) FROM events WHERE kind NOT IN ('conversation_created', 'claimed', 'released',"
                          " 'assigned', 'replied', 'note', 'tagged', 'status', 'reopened')"),
              0);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM conversations c WHERE (SELECT count(*) FROM events e"
                          " WHERE e.conversation_id = c.id AND kind = 'conversation_created' AND actor = 'engine'"
                          " AND e.at = c.created_at AND e.source_id = c.source_id) <> 1"),
              0);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM events e JOIN conversations c ON c.id = e.conversation_id"
                          " WHERE e.at < c.created_at"),
              0);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM events WHERE kind = 'replied' AND CAST(detail AS INTEGER) NOT IN"
                          " (SELECT id FROM replies)"),
              0);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM events WHERE kind = 'claimed' AND (from_value IS NOT NULL OR to_value <> actor)"),
              0);
    // The last status change (status or reopened) ends where the conversation stands.
    EXPECT_EQ(count(db(), "SELECT count(*) FROM conversations c WHERE status <> coalesce((SELECT to_value FROM events e"
                          " WHERE e.conversation_id = c.id AND kind IN ('status', 'reopened') ORDER BY e.at DESC, e.id DESC"
                          " LIMIT 1), 'new')"),
              0);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM conversations c WHERE resolved_at IS NOT NULL AND resolved_at <>"
                          " (SELECT max(at) FROM events e WHERE e.conversation_id = c.id AND kind = 'status'"
                          " AND to_value = 'resolved')"),
              0);
    for (const char* kind : {"claimed", "replied", "status", "reopened", "tagged"})
        EXPECT_GT(count(db(), std::string("SELECT count(*) FROM events WHERE kind = '") + kind + "'"), 0) << kind;
}

TEST_F(GeneratedWorkspace, TagsAndNotesInTheLogAreOnTheConversations)
{
    EXPECT_GT(count(db(), "SELECT count(*) FROM conversation_tags"), 0);
    EXPECT_GT(count(db(), "SELECT count(*) FROM notes"), 0);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM (SELECT DISTINCT conversation_id, to_value FROM events"
                          " WHERE kind = 'tagged')"),
              count(db(), "SELECT count(*) FROM conversation_tags"));
    EXPECT_EQ(count(db(), "SELECT count(*) FROM events e WHERE kind = 'tagged' AND NOT EXISTS (SELECT 1 FROM"
                          " conversation_tags t WHERE t.conversation_id = e.conversation_id AND t.tag = e.to_value)"),
              0);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM events e WHERE kind = 'note' AND NOT EXISTS (SELECT 1 FROM notes n"
                          " WHERE n.conversation_id = e.conversation_id AND n.agent = e.actor AND n.body = e.detail"
                          " AND n.created_at = e.at)"),
              0);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM notes"), count(db(), "SELECT count(*) FROM events WHERE kind = 'note'"));
    // The inbox's per-tag counts (migration 0004) agree with the rows.
    EXPECT_EQ(count(db(), "SELECT count(*) FROM conversation_tags t JOIN conversations c ON c.id = t.conversation_id"
                          " WHERE c.status IN ('new', 'open', 'pending')"),
              count(db(), "SELECT coalesce(sum(n), 0) FROM open_tag_counts"));
}

TEST_F(GeneratedWorkspace, WritesDutchAndEnglishFindableByFullText)
{
    const std::int64_t dutch = count(db(), "SELECT count(*) FROM mentions_fts WHERE mentions_fts MATCH"
                                           " 'bestelling OR bezorging OR terugbetaling'");
    const std::int64_t english = count(db(), "SELECT count(*) FROM mentions_fts WHERE mentions_fts MATCH"
                                             " 'order OR delivery OR refund'");
    EXPECT_GT(dutch, 0);
    EXPECT_GT(english, 0);
    EXPECT_GT(dutch, english / 2);
    // The index covers every mention.
    EXPECT_EQ(count(db(), "SELECT count(*) FROM mentions_fts"), s_summary.mentions);
    store::MentionQuery query;
    query.search = "bezorger";
    auto workspace = store::Workspace::open(s_file->path(), store::Workspace::Opening::Existing);
    ASSERT_TRUE(workspace) << workspace.message();
    auto found = test::readerOf(**workspace)->mentions().list(query);
    ASSERT_TRUE(found.ok()) << found.message();
    EXPECT_FALSE(found->empty());
    // Some mentions carry e-mail addresses or order numbers.
    EXPECT_GT(count(db(), "SELECT count(*) FROM mentions WHERE body LIKE '%@mail.example%'"), 0);
    EXPECT_GT(count(db(), "SELECT count(*) FROM mentions WHERE body LIKE '%VK-%'"), 0);
}

TEST_F(GeneratedWorkspace, CustomersComeBack)
{
    const std::int64_t authors = count(db(), "SELECT count(DISTINCT customer_id) FROM conversations");
    EXPECT_GT(authors, 50);
    EXPECT_LT(authors, 500);
    EXPECT_GT(count(db(), "SELECT max(n) FROM (SELECT count(*) n FROM conversations GROUP BY customer_id)"), 3);
    EXPECT_EQ(count(db(), "SELECT count(*) FROM authors WHERE handle = '' OR display_name IS NULL"), 0);
}

TEST(WorkspaceGenerator, SameSeedGivesTheSameWorkspace)
{
    TempDatabase first, second, third;
    auto a = store::openWorkspace(first.path());
    auto b = store::openWorkspace(second.path());
    auto c = store::openWorkspace(third.path());
    ASSERT_TRUE(a.ok() && b.ok() && c.ok());
    generateInto(*a, 200, 7);
    generateInto(*b, 200, 7);
    generateInto(*c, 200, 8);
    const std::string dumpA = dump(*a);
    EXPECT_GT(dumpA.size(), 10000u);
    EXPECT_EQ(dumpA, dump(*b));
    EXPECT_NE(dumpA, dump(*c));
}

TEST(WorkspaceGenerator, RefusesADatabaseThatIsAlreadyGenerated)
{
    TempDatabase file;
    auto db = store::openWorkspace(file.path());
    ASSERT_TRUE(db.ok());
    generateInto(*db, 20, 1);
    auto workspace = store::Workspace::open(file.path());
    ASSERT_TRUE(workspace);
    demo::WorkspaceGenerator generator(**workspace);
    auto again = generator.generate({.conversations = 20, .seed = 2, .now = kNow});
    ASSERT_FALSE(again.ok());
    EXPECT_NE(again.message().find("already holds a generated workspace"), std::string::npos) << again.message();
    EXPECT_EQ(count(*db, "SELECT count(*) FROM conversations"), 20);
}

TEST(WorkspaceGenerator, AppendsAfterExistingData)
{
    TempDatabase file;
    auto db = store::openWorkspace(file.path());
    ASSERT_TRUE(db.ok());
    store::NewMention mention;
    mention.externalId = "real-1";
    mention.title = "Echte vermelding";
    mention.body = "Dit is een echte vermelding";
    mention.author = {.platform = "mastodon", .handle = "echt"};
    hearRealFeed(file.path(), {mention});
    const auto summary = generateInto(*db, 50, 3);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM conversations"), 51);
    EXPECT_EQ(count(*db, "SELECT min(id) FROM conversations WHERE source_id > 1"), 2);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM mentions WHERE external_id = 'real-1' AND id = 1"), 1);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM mentions"), summary.mentions + 1);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM mentions_fts WHERE mentions_fts MATCH 'echte'"), 1);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    // The connection is back to its everyday settings.
    EXPECT_EQ(count(*db, "SELECT foreign_keys FROM pragma_foreign_keys"), 1);
}

TEST(WorkspaceGenerator, AddsAFewIntoALargerWorkspaceKeepingItsIndexes)
{
    // Fewer new conversations than there are already: indexes are kept up row by row.
    TempDatabase file;
    auto db = store::openWorkspace(file.path());
    ASSERT_TRUE(db.ok());
    std::vector<store::NewMention> mentions(5);
    for (std::size_t i = 0; i < mentions.size(); ++i) {
        mentions[i].externalId = "real-" + std::to_string(i);
        mentions[i].body = "Echte vermelding nummer " + std::to_string(i);
    }
    hearRealFeed(file.path(), mentions);
    const std::int64_t indexesBefore = count(*db, "SELECT count(*) FROM sqlite_master WHERE type = 'index'");
    const auto summary = generateInto(*db, 2, 5);
    EXPECT_EQ(summary.conversations, 2);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM sqlite_master WHERE type = 'index'"), indexesBefore);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM mentions_fts"), summary.mentions + 5);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
}

TEST(WorkspaceGenerator, RejectsCountsOutOfRange)
{
    TempDatabase file;
    auto db = store::openWorkspace(file.path());
    ASSERT_TRUE(db.ok());
    auto workspace = store::Workspace::open(file.path());
    ASSERT_TRUE(workspace);
    demo::WorkspaceGenerator generator(**workspace);
    EXPECT_FALSE(generator.generate({.conversations = 0}).ok());
    EXPECT_FALSE(generator.generate({.conversations = demo::WorkspaceGenerator::kMaxConversations + 1}).ok());
    EXPECT_FALSE(generator.generate({.conversations = 10, .days = 0}).ok());
    EXPECT_EQ(count(*db, "SELECT count(*) FROM sources"), 0);
}
