#include "earshot/demo/WorkspaceGenerator.h"


#include <algorithm>
#include <chrono>
#include <ctime>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "earshot/demo/ActivityCalendar.h"
#include "earshot/demo/AuthorPool.h"
#include "earshot/demo/ConversationPlanner.h"
#include "earshot/demo/DemoCast.h"
#include "earshot/demo/PhraseBank.h"
#include "earshot/demo/Random.h"
#include "earshot/store/ConversationQuery.h"
#include "earshot/store/Mentions.h"

namespace earshot::demo {

namespace {

using store::Database;
using store::Statement;

// Generated sources carry this key in their settings; it is how a second run recognises them.
constexpr std::string_view kGeneratorKey = "generator";

// One conversation in three starts with someone new: about N/3 people for N conversations.
constexpr double kNewCustomerShare = 0.33;

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

// Bulk-load settings for the duration of a run, and the normal ones afterwards. A rollback
// journal instead of WAL, because one huge transaction would otherwise be written twice
// (WAL, then checkpoint); no fsync, because a crash mid-run leaves nothing worth keeping
// anyway; foreign keys unchecked, because every id we write was made by us a moment ago.
class BulkSettings {
public:
    explicit BulkSettings(Database& db) : m_db(db)
    {
        auto mode = pragmaValue(db, "PRAGMA journal_mode");
        m_journal = mode ? *mode : std::string("wal");
        // Fails quietly when another connection has the file open; WAL is merely slower.
        (void)pragmaValue(db, "PRAGMA journal_mode=TRUNCATE");
        (void)db.exec("PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-262144");
    }
    ~BulkSettings()
    {
        (void)m_db.exec("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-2000");
        (void)pragmaValue(m_db, "PRAGMA journal_mode=" + m_journal);
    }
    BulkSettings(const BulkSettings&) = delete;
    BulkSettings& operator=(const BulkSettings&) = delete;

private:
    Database& m_db;
    std::string m_journal;
};

// Secondary indexes kept up row by row cost most of the time of a big load; built once at
// the end they cost a sort. The definitions are read back from the schema, so indexes that
// later migrations add are rebuilt as declared. Unique indexes stay: they are the duplicate checks.
class DeferredIndexes {
public:
    explicit DeferredIndexes(Database& db) : m_db(db) {}

    Status drop()
    {
        auto list = m_db.prepare(
            "SELECT m.name, m.sql FROM sqlite_master m WHERE m.type = 'index' AND m.sql IS NOT NULL"
            " AND m.tbl_name IN ('authors', 'conversations', 'mentions', 'replies', 'events')"
            " AND NOT (SELECT il.\"unique\" FROM pragma_index_list(m.tbl_name) il WHERE il.name = m.name)");
        if (!list)
            return list.error();
        std::vector<std::string> names;
        for (;;) {
            auto row = list->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            names.push_back(list->text(0));
            m_indexes.push_back(list->text(1));
        }
        for (const std::string& name : names)
            if (auto dropped = m_db.exec("DROP INDEX \"" + name + "\""); !dropped)
                return dropped;
        return Ok{};
    }

    Status restore()
    {
        for (const std::string& sql : m_indexes)
            if (auto created = m_db.exec(sql); !created)
                return created;
        return Ok{};
    }

private:
    Database& m_db;
    std::vector<std::string> m_indexes;
};

Statement& bindOptional(Statement& statement, int index, std::string_view text)
{
    return text.empty() ? statement.bind(index, std::nullopt) : statement.bind(index, text);
}

// Everything one run needs: the story machinery, the prepared statements and the next ids.
// Ids are assigned here rather than by SQLite so events can name a reply before it is read back.
class Run {
public:
    Run(Database& db, const GeneratorOptions& options, std::int64_t now)
        : m_db(db),
          m_options(options),
          m_random(mixSeed(options.seed, 0x45617273686f74ull)),
          m_calendar(m_random, now, options.days),
          m_authors(kNewCustomerShare),
          m_planner(m_phrases, m_calendar, m_authors)
    {
    }

    Status prepare();
    Status writeCast(GeneratorSummary& summary);
    Status writeConversation(std::int64_t createdAt, GeneratorSummary& summary);
    std::vector<std::int64_t> sampleTimes();

private:
    Status writeFreshAuthors(GeneratorSummary& summary);

    Database& m_db;
    const GeneratorOptions& m_options;
    Random m_random;
    PhraseBank m_phrases;
    ActivityCalendar m_calendar;
    AuthorPool m_authors;
    ConversationPlanner m_planner;
    ConversationPlan m_plan;
    AuthorProfile m_profile;

    Statement m_insertAuthor, m_insertConversation, m_insertMention, m_insertReply, m_insertEvent, m_insertTag,
        m_insertNote;
    std::int64_t m_authorBase = 0;
    std::int64_t m_nextConversation = 0, m_nextMention = 0, m_nextReply = 0;
    std::vector<std::int64_t> m_sourceIds;
    std::vector<std::string> m_externalIds;
    std::vector<std::int64_t> m_replyIds;
    std::string m_link, m_replyExternalId, m_detail;
};

Status Run::prepare()
{
    struct Prepared {
        Statement& statement;
        std::string_view sql;
    };
    const Prepared all[] = {
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
        {m_insertEvent,
         "INSERT INTO events(at, actor, kind, conversation_id, source_id, from_value, to_value, detail)"
         " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"},
        // The rows the console shows beside the log: tags and notes, as Inbox writes them.
        {m_insertTag, "INSERT OR IGNORE INTO conversation_tags(conversation_id, tag) VALUES (?, ?)"},
        {m_insertNote, "INSERT INTO notes(conversation_id, agent, body, created_at) VALUES (?, ?, ?, ?)"},
    };
    for (const Prepared& p : all) {
        auto statement = m_db.prepare(p.sql);
        if (!statement)
            return statement.error();
        p.statement = std::move(*statement);
    }
    for (auto [table, next] : {std::pair{"authors", &m_authorBase}, std::pair{"conversations", &m_nextConversation},
                               std::pair{"mentions", &m_nextMention}, std::pair{"replies", &m_nextReply}}) {
        auto highest = store::queryInteger(m_db, std::string("SELECT coalesce(max(id), 0) FROM ") + table);
        if (!highest)
            return highest.error();
        *next = *highest + 1;
    }
    return Ok{};
}

Status Run::writeCast(GeneratorSummary& summary)
{
    const std::string settings =
        nlohmann::json{{kGeneratorKey, "earshot-cli generate"}, {"seed", m_options.seed}, {"demo", true}}.dump();
    auto insertSource = m_db.prepare(
        "INSERT INTO sources(kind, name, url, enabled, include_words, settings, created_at)"
        " VALUES ('feed', ?, ?, 0, ?, ?, ?)");
    if (!insertSource)
        return insertSource.error();
    const std::int64_t createdAt = m_calendar.start() - 86400;
    for (const DemoSource& source : demoSources()) {
        insertSource->bind(1, source.name)
            .bind(2, source.url)
            .bind(3, source.includeWords)
            .bind(4, settings)
            .bind(5, createdAt);
        if (auto stored = insertSource->run(); !stored)
            return fail("cannot add demo source " + std::string(source.name) + ": " + stored.message());
        m_sourceIds.push_back(m_db.lastInsertId());
    }
    summary.sources = std::int64_t(m_sourceIds.size());

    // Profiles with these names may exist already (a second workspace, a real team): keep them.
    auto insertAgent = m_db.prepare(
        "INSERT INTO agents(name, first_name, languages, teams, created_at) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT(name) DO NOTHING");
    if (!insertAgent)
        return insertAgent.error();
    for (const DemoAgent& agent : demoAgents()) {
        nlohmann::json languages = nlohmann::json::array();
        if (agent.dutch)
            languages.push_back("nl");
        if (agent.english)
            languages.push_back("en");
        insertAgent->bind(1, agent.name)
            .bind(2, agent.firstName)
            .bind(3, languages.dump())
            .bind(4, agent.teams)
            .bind(5, createdAt);
        if (auto stored = insertAgent->run(); !stored)
            return stored.error();
        summary.agents += m_db.changes();
    }
    return Ok{};
}

std::vector<std::int64_t> Run::sampleTimes()
{
    // Conversations are written in the order they began, so their ids follow time as real ones do.
    std::vector<std::int64_t> times(std::size_t(m_options.conversations));
    for (auto& at : times)
        at = m_calendar.sample(m_random);
    std::sort(times.begin(), times.end());
    return times;
}

Status Run::writeFreshAuthors(GeneratorSummary& summary)
{
    for (std::int64_t person : m_authors.fresh()) {
        m_authors.describe(person, m_profile);
        m_insertAuthor.bind(1, m_authorBase + person)
            .bind(2, m_profile.platform)
            .bind(3, m_profile.handle)
            .bind(4, m_profile.displayName)
            .bind(5, m_profile.profileUrl)
            .bind(6, m_profile.followers);
        if (auto stored = m_insertAuthor.run(); !stored)
            return stored.error();
        ++summary.authors;
    }
    m_authors.clearFresh();
    return Ok{};
}

Status Run::writeConversation(std::int64_t createdAt, GeneratorSummary& summary)
{
    m_planner.plan(m_random, createdAt, m_plan);
    if (auto authors = writeFreshAuthors(summary); !authors)
        return authors;
    const auto& agents = demoAgents();
    const DemoSource& source = demoSources()[m_plan.source];
    const std::int64_t sourceId = m_sourceIds[m_plan.source];
    const std::int64_t conversationId = m_nextConversation++;

    m_externalIds.clear();
    for (std::size_t i = 0; i < m_plan.mentions.size(); ++i)
        m_externalIds.push_back("demo-" + std::to_string(m_nextMention + std::int64_t(i)));
    const std::string& threadKey = m_externalIds.front();
    auto agentName = [&](int agent) { return agent < 0 ? std::string_view() : agents[std::size_t(agent)].name; };

    m_insertConversation.bind(1, conversationId)
        .bind(2, sourceId)
        .bind(3, threadKey)
        .bind(4, m_authorBase + m_plan.customer)
        .bind(5, statusName(m_plan.status));
    bindOptional(m_insertConversation, 6, agentName(m_plan.assignee));
    bindOptional(m_insertConversation, 7, agentName(m_plan.lastAgent));
    m_insertConversation.bind(8, m_plan.priority)
        .bind(9, m_plan.createdAt)
        .bind(10, m_plan.updatedAt)
        .bind(11, m_plan.lastCustomerAt)
        .bind(12, m_plan.firstResponseAt)
        .bind(13, m_plan.resolvedAt)
        .bind(14, std::int64_t(m_plan.mentions.size()))
        .bind(15, m_plan.snippet);
    if (auto stored = m_insertConversation.run(); !stored)
        return stored;

    for (std::size_t i = 0; i < m_plan.mentions.size(); ++i) {
        const PlannedMention& mention = m_plan.mentions[i];
        m_link.assign(source.linkBase).append(threadKey).append("#").append(m_externalIds[i]);
        // Feeds are read a little after people post.
        const std::int64_t publishedAt = mention.at - m_random.between(20, 600);
        m_insertMention.bind(1, m_nextMention++)
            .bind(2, sourceId)
            .bind(3, m_externalIds[i])
            .bind(4, conversationId)
            .bind(5, m_authorBase + mention.author)
            .bind(6, mention.title)
            .bind(7, mention.body)
            .bind(8, m_link)
            .bind(9, i == 0 ? std::string_view("") : std::string_view(m_externalIds[i - 1]))
            .bind(10, publishedAt)
            .bind(11, mention.at);
        if (auto stored = m_insertMention.run(); !stored)
            return stored;
    }
    summary.mentions += std::int64_t(m_plan.mentions.size());

    m_replyIds.clear();
    for (const PlannedReply& reply : m_plan.replies) {
        const std::int64_t replyId = m_nextReply++;
        m_replyIds.push_back(replyId);
        m_replyExternalId = "demo-r" + std::to_string(replyId);
        m_insertReply.bind(1, replyId)
            .bind(2, conversationId)
            .bind(3, agents[reply.agent].name)
            .bind(4, reply.body)
            .bind(5, reply.offPlatform ? "off-platform" : "platform");
        bindOptional(m_insertReply, 6, reply.offPlatform ? std::string_view() : std::string_view(m_replyExternalId));
        m_insertReply.bind(7, reply.at);
        if (auto stored = m_insertReply.run(); !stored)
            return stored;
    }
    summary.replies += std::int64_t(m_plan.replies.size());

    for (const PlannedEvent& event : m_plan.events) {
        const std::string_view actor = event.actor < 0 ? std::string_view("engine") : agents[std::size_t(event.actor)].name;
        if (event.kind == "tagged") {
            if (auto tagged = m_insertTag.bind(1, conversationId).bind(2, event.to).run(); !tagged)
                return tagged;
        } else if (event.kind == "note") {
            m_insertNote.bind(1, conversationId).bind(2, actor).bind(3, event.detail).bind(4, event.at);
            if (auto noted = m_insertNote.run(); !noted)
                return noted;
        }
        m_insertEvent.bind(1, event.at)
            .bind(2, actor)
            .bind(3, event.kind)
            .bind(4, conversationId);
        if (event.kind == "conversation_created")
            m_insertEvent.bind(5, sourceId);
        else
            m_insertEvent.bind(5, std::nullopt);
        bindOptional(m_insertEvent, 6, event.from);
        bindOptional(m_insertEvent, 7, event.to);
        if (event.reply >= 0) {
            m_detail = std::to_string(m_replyIds[std::size_t(event.reply)]);
            m_insertEvent.bind(8, m_detail);
        } else {
            bindOptional(m_insertEvent, 8, event.detail);
        }
        if (auto stored = m_insertEvent.run(); !stored)
            return stored;
    }
    summary.events += std::int64_t(m_plan.events.size());
    ++summary.conversations;
    return Ok{};
}

}  // namespace

void WorkspaceGenerator::report(std::string_view phase, std::int64_t done, std::int64_t total) const
{
    if (m_progress)
        m_progress({phase, done, total});
}

Result<GeneratorSummary> WorkspaceGenerator::generate(const GeneratorOptions& options)
{
    if (options.conversations < 1 || options.conversations > kMaxConversations)
        return fail("the number of conversations must be from 1 to " + std::to_string(kMaxConversations));
    if (options.days < 1 || options.days > kMaxDays)
        return fail("the number of days must be from 1 to " + std::to_string(kMaxDays));
    const auto started = std::chrono::steady_clock::now();

    const std::int64_t now = options.now ? options.now : std::int64_t(std::time(nullptr));
    GeneratorSummary summary;
    BulkSettings bulk(m_db);
    Status written = m_db.transaction([&]() -> Status {
        // Checked inside the transaction, so two runs at once cannot both pass.
        auto generated = store::queryInteger(m_db, "SELECT count(*) FROM sources WHERE json_valid(settings) AND"
                                                   " json_extract(settings, '$." + std::string(kGeneratorKey) +
                                                       "') IS NOT NULL");
        if (!generated)
            return generated.error();
        if (*generated > 0)
            return fail(m_db.path() + " already holds a generated workspace (" + std::to_string(*generated) +
                        " demo sources); generate into a new file instead, e.g. --db /tmp/earshot-demo.db");
        auto existing = store::queryInteger(m_db, "SELECT count(*) FROM conversations");
        if (!existing)
            return existing.error();
        // Rebuilding indexes sorts everything already there too; worth it unless that is most.
        const bool deferIndexes = options.conversations >= *existing;

        Run run(m_db, options, now);
        if (auto prepared = run.prepare(); !prepared)
            return prepared;
        DeferredIndexes deferred(m_db);
        if (deferIndexes)
            if (auto dropped = deferred.drop(); !dropped)
                return dropped;
        if (auto cast = run.writeCast(summary); !cast)
            return cast;
        const std::vector<std::int64_t> times = run.sampleTimes();
        const std::int64_t step = std::max<std::int64_t>(1, options.conversations / 10);
        for (std::size_t i = 0; i < times.size(); ++i) {
            if (auto stored = run.writeConversation(times[i], summary); !stored)
                return fail("cannot write generated conversation: " + stored.message());
            const auto done = std::int64_t(i + 1);
            if (done % step == 0 || done == options.conversations)
                report("conversations", done, options.conversations);
        }
        report("indexing", options.conversations, options.conversations);
        if (deferIndexes)
            if (auto restored = deferred.restore(); !restored)
                return fail("cannot index the generated data: " + restored.message());
        // The inbox counts, in one pass rather than one update per conversation written.
        if (auto counted = store::recountConversations(m_db); !counted)
            return fail("cannot count the generated conversations: " + counted.message());
        // The full-text index is filled in bulk, as the store writer does after each batch.
        if (auto indexed = store::indexPendingMentions(m_db); !indexed)
            return fail("cannot index the generated mentions for search: " + indexed.message());
        report("committing", options.conversations, options.conversations);
        return Ok{};
    });
    if (!written)
        return written.error();
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    report("done", options.conversations, options.conversations);
    return summary;
}

}  // namespace earshot::demo
