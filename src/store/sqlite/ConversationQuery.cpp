#include "store/sqlite/ConversationQueries.h"

#include "store/ListPlan.h"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <limits>
#include <memory>

namespace earshot::store {

namespace {

constexpr std::int64_t kLowest = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kHighest = std::numeric_limits<std::int64_t>::max();
// Above every stored priority (0..3): the priority sort's "before the first row".
constexpr int kAbovePriorities = 4;

// Open statuses: what customers are waiting on and agents still have to work.
constexpr const char* kOpenStatuses = "'new', 'open', 'pending'";

std::string quotedList(const std::vector<domain::ConversationStatus>& statuses)
{
    std::string list;
    for (const domain::ConversationStatus status : statuses) {
        if (!list.empty())
            list += ", ";
        list += '\'';
        list += domain::statusName(status);
        list += '\'';
    }
    return list;
}

Error badSearch(const std::string& search, const std::string& why)
{
    return fail("search '" + search + "' is not a valid full-text query (" + why + "); put phrases in double quotes");
}

// The mention ids a full-text search matches, sorted, shared with SQL through a function
// registered on the connection for one listing: a lookup in memory per mention is far
// cheaper than SQLite building its own temporary index of a few hundred thousand ids for
// every statement that asks.
class SearchHits {
public:
    static constexpr const char* kFunction = "earshot_search_hit";

    explicit SearchHits(std::vector<std::int64_t> ids) : m_ids(std::move(ids)) {}
    SearchHits(const SearchHits&) = delete;
    SearchHits& operator=(const SearchHits&) = delete;
    ~SearchHits()
    {
        if (m_db)
            sqlite3_create_function_v2(m_db, kFunction, 1, SQLITE_UTF8, nullptr, nullptr, nullptr, nullptr, nullptr);
    }

    Status registerOn(Database& db)
    {
        if (sqlite3_create_function_v2(db.handle(), kFunction, 1, SQLITE_UTF8 | SQLITE_DIRECTONLY, this, &call,
                                       nullptr, nullptr, nullptr) != SQLITE_OK)
            return fail(std::string("cannot prepare the search: ") + sqlite3_errmsg(db.handle()));
        m_db = db.handle();
        return Ok{};
    }

private:
    static void call(sqlite3_context* context, int, sqlite3_value** values)
    {
        const auto* self = static_cast<const SearchHits*>(sqlite3_user_data(context));
        sqlite3_result_int(context,
                           std::binary_search(self->m_ids.begin(), self->m_ids.end(), sqlite3_value_int64(values[0])));
    }

    std::vector<std::int64_t> m_ids;
    sqlite3* m_db = nullptr;
};

Result<std::vector<std::int64_t>> matchingMentionIds(Database& db, const std::string& search)
{
    auto statement = db.prepare("SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ?");
    if (!statement)
        return statement.error();
    statement->bind(1, search);
    std::vector<std::int64_t> ids;
    for (;;) {
        auto row = statement->step();
        if (!row)
            return badSearch(search, row.message());
        if (!*row)
            break;
        ids.push_back(statement->integer(0));
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

// checkSearch: the SearchHits function over the conversation's mentions.
using Plan = ListPlan;

// Filter terms shared by every query shape. Parameters: ?5 agent, ?6 source, ?7 tag, ?8 search.
std::string filterTerms(const ConversationFilter& filter, const Plan& plan)
{
    std::string sql;
    if (filter.view == ConversationView::Mine)
        sql += " AND c.assignee = ?5";
    if (filter.sourceId)
        sql += " AND c.source_id = ?6";
    if (plan.checkTag)
        sql += " AND EXISTS (SELECT 1 FROM conversation_tags t WHERE t.conversation_id = c.id AND t.tag = ?7)";
    if (plan.checkSearch)
        sql += std::string(" AND EXISTS (SELECT 1 FROM mentions m WHERE m.conversation_id = c.id AND ") +
               SearchHits::kFunction + "(m.id))";
    return sql;
}

void bindFilter(Statement& statement, const ConversationFilter& filter, const Plan& plan)
{
    if (filter.view == ConversationView::Mine)
        statement.bind(5, filter.agent);
    if (filter.sourceId)
        statement.bind(6, *filter.sourceId);
    if (plan.checkTag || plan.driver == Plan::Driver::TagMembers)
        statement.bind(7, filter.tag);
    if (plan.driver == Plan::Driver::SearchMatches)
        statement.bind(8, filter.search);
}

Result<std::vector<ConversationCursor>> readKeys(Statement& statement)
{
    std::vector<ConversationCursor> keys;
    if (auto read = eachRow(statement, [&](Statement& row) {
            keys.push_back({int(row.integer(1)), row.integer(2), row.integer(0)});
        });
        !read)
        return read.error();
    return keys;
}

// One ordered index range per status (and per priority when sorting by priority), merged:
// SQLite cannot merge the ranges of `status IN (…)` itself and would sort the whole view.
Result<std::vector<ConversationCursor>> keysFromStreams(Database& db, const ConversationFilter& filter,
                                                        const Plan& plan, std::size_t wanted,
                                                        const std::optional<ConversationCursor>& after)
{
    const bool ascending = oldestFirst(filter);
    const bool byPriority = filter.sort == ConversationSort::Priority;
    const char* direction = ascending ? "" : " DESC";
    std::string sql = "SELECT c.id, c.priority, c.last_customer_at FROM conversations c WHERE c.status = ?1";
    if (byPriority)
        sql += " AND c.priority = ?2";
    sql += ascending ? " AND (c.last_customer_at, c.id) > (?3, ?4)" : " AND (c.last_customer_at, c.id) < (?3, ?4)";
    sql += filterTerms(filter, plan);
    sql += std::string(" ORDER BY c.last_customer_at") + direction + ", c.id" + direction + " LIMIT ?9";
    auto statement = db.prepare(sql);
    if (!statement)
        return statement.error();

    const auto statuses = statusesOf(filter.view);
    std::vector<ConversationCursor> keys;
    auto readBucket = [&](std::optional<int> priority, const std::optional<ConversationCursor>& from) -> Status {
        std::vector<ConversationCursor> bucket;
        for (const domain::ConversationStatus status : statuses) {
            // Statement::reset() clears the bindings, so every stream binds all of them.
            bindFilter(*statement, filter, plan);
            statement->bind(9, std::int64_t(wanted)).bind(1, domain::statusName(status));
            if (priority)
                statement->bind(2, *priority);
            statement->bind(3, from ? from->lastCustomerAt : (ascending ? kLowest : kHighest))
                .bind(4, from ? from->id : (ascending ? kLowest : kHighest));
            auto found = readKeys(*statement);
            if (!found)
                return found.error();
            bucket.insert(bucket.end(), found->begin(), found->end());
        }
        std::sort(bucket.begin(), bucket.end(),
                  [&](const ConversationCursor& a, const ConversationCursor& b) { return sortsBefore(filter, a, b); });
        keys.insert(keys.end(), bucket.begin(), bucket.end());
        return Ok{};
    };

    if (auto walked = walkBuckets(filter, after, keys, wanted, readBucket); !walked)
        return walked.error();
    return keys;
}

// A small set (few matching mentions, or a rare tag) drives: its conversations are looked up
// by id and the few that pass are sorted.
Result<std::vector<ConversationCursor>> keysFromDriver(Database& db, const ConversationFilter& filter,
                                                       const Plan& plan, std::size_t wanted,
                                                       const std::optional<ConversationCursor>& after)
{
    const bool ascending = oldestFirst(filter);
    const bool byPriority = filter.sort == ConversationSort::Priority;
    const char* direction = ascending ? "" : " DESC";
    const char* later = ascending ? ">" : "<";
    std::string sql = "WITH driver(cid) AS MATERIALIZED (";
    sql += plan.driver == Plan::Driver::SearchMatches
               ? "SELECT DISTINCT m.conversation_id FROM mentions_fts JOIN mentions m ON m.id = mentions_fts.rowid"
                 " WHERE mentions_fts MATCH ?8"
               : "SELECT conversation_id FROM conversation_tags WHERE tag = ?7";
    // CROSS JOIN keeps the driver outermost: SQLite never reorders it.
    sql += ") SELECT c.id, c.priority, c.last_customer_at FROM driver CROSS JOIN conversations c ON c.id = driver.cid"
           " WHERE c.status IN (" + quotedList(statusesOf(filter.view)) + ")";
    if (byPriority)
        sql += std::string(" AND (c.priority < ?2 OR (c.priority = ?2 AND (c.last_customer_at, c.id) ") + later +
               " (?3, ?4)))";
    else
        sql += std::string(" AND (c.last_customer_at, c.id) ") + later + " (?3, ?4)";
    sql += filterTerms(filter, plan);
    sql += " ORDER BY ";
    if (byPriority)
        sql += "c.priority DESC, ";
    sql += std::string("c.last_customer_at") + direction + ", c.id" + direction + " LIMIT ?9";
    auto statement = db.prepare(sql);
    if (!statement)
        return statement.error();
    bindFilter(*statement, filter, plan);
    statement->bind(2, after ? after->priority : kAbovePriorities)
        .bind(3, after ? after->lastCustomerAt : (ascending ? kLowest : kHighest))
        .bind(4, after ? after->id : (ascending ? kLowest : kHighest))
        .bind(9, std::int64_t(wanted));
    auto keys = readKeys(*statement);
    if (!keys && plan.driver == Plan::Driver::SearchMatches)
        return badSearch(filter.search, keys.message());
    return keys;
}

Result<std::int64_t> countTagged(Database& db, const std::string& tag)
{
    auto statement = db.cached("SELECT count(*) FROM conversation_tags WHERE tag = ?");
    if (!statement)
        return statement.error();
    Statement& count = **statement;
    count.bind(1, tag);
    auto row = count.step();
    if (!row)
        return row.error();
    const std::int64_t n = count.integer(0);
    count.reset();
    return n;
}

// The whole rows for `ids`, tags included, in one query and in the order of `ids`; ids that
// no longer exist are left out. One statement per page, not per row, so a list costs the same
// few round trips whatever its length.
Result<std::vector<ConversationRow>> readRows(Database& db, const std::vector<std::int64_t>& ids)
{
    std::vector<ConversationRow> rows;
    if (ids.empty())
        return rows;
    auto statement = db.cached(
        "SELECT c.id, c.status, c.priority, coalesce(c.assignee, ''), coalesce(a.display_name, ''),"
        " coalesce(a.handle, ''), c.source_id, s.name, c.snippet, c.last_customer_at, c.created_at,"
        " c.first_response_at, c.resolved_at, c.message_count,"
        " (SELECT group_concat(tag, ',') FROM"
        "   (SELECT tag FROM conversation_tags WHERE conversation_id = c.id ORDER BY tag))"
        " FROM json_each(?1) page JOIN conversations c ON c.id = page.value"
        " JOIN sources s ON s.id = c.source_id LEFT JOIN authors a ON a.id = c.customer_id"
        " ORDER BY page.key");
    if (!statement)
        return statement.error();
    std::string list = "[";
    for (const std::int64_t id : ids)
        list += (list.size() > 1 ? "," : "") + std::to_string(id);
    list += "]";
    (*statement)->bind(1, list);
    rows.reserve(ids.size());
    if (auto done = eachRow(**statement, [&](Statement& read) {
            ConversationRow row;
            row.id = read.integer(0);
            row.status = domain::parseStatus(read.text(1)).value_or(domain::ConversationStatus::New);
            row.priority = domain::priorityFromInt(read.integer(2));
            row.assignee = read.text(3);
            row.customerName = read.text(4);
            row.customerHandle = read.text(5);
            row.sourceId = read.integer(6);
            row.sourceName = read.text(7);
            row.snippet = read.text(8);
            row.lastCustomerAt = read.integer(9);
            row.createdAt = read.integer(10);
            row.firstResponseAt = read.optionalInteger(11);
            row.resolvedAt = read.optionalInteger(12);
            row.messageCount = read.integer(13);
            // Tags never hold a comma (inbox::normaliseTag refuses one).
            const std::string tagList = read.text(14);
            for (std::string_view tags = tagList; !tags.empty();) {
                const std::size_t comma = tags.find(',');
                row.tags.emplace_back(tags.substr(0, comma));
                tags = comma == std::string_view::npos ? std::string_view() : tags.substr(comma + 1);
            }
            rows.push_back(std::move(row));
        });
        !done)
        return done.error();
    return rows;
}

Result<std::int64_t> countOf(Database& db, const std::string& sql, const std::string& parameter = {})
{
    auto statement = db.cached(sql);
    if (!statement)
        return statement.error();
    Statement& count = **statement;
    if (!parameter.empty())
        count.bind(1, parameter);
    auto row = count.step();
    if (!row)
        return row.error();
    const std::int64_t n = count.integer(0);
    count.reset();
    return n;
}

}  // namespace

Result<ConversationPage> listConversations(Database& db, const ConversationFilter& filter, int limit,
                                           const std::optional<ConversationCursor>& after)
{
    if (auto valid = checkListRequest(filter, limit); !valid)
        return valid.error();

    std::optional<std::vector<std::int64_t>> mentionIds;
    if (!filter.search.empty()) {
        auto matching = matchingMentionIds(db, filter.search);
        if (!matching)
            return matching.error();
        mentionIds = std::move(*matching);
    }
    auto planned = planList(filter, mentionIds ? std::optional<std::int64_t>(std::int64_t(mentionIds->size())) : std::nullopt,
                            [&] { return countTagged(db, filter.tag); });
    if (!planned)
        return planned.error();
    if (!*planned)
        return ConversationPage{};
    const Plan plan = **planned;
    std::unique_ptr<SearchHits> hits;   // registered while this listing runs
    if (plan.checkSearch) {
        hits = std::make_unique<SearchHits>(std::move(*mentionIds));
        if (auto registered = hits->registerOn(db); !registered)
            return registered.error();
    }

    // One more than the page: whether it exists says if there is a next page.
    const std::size_t wanted = std::size_t(limit) + 1;
    auto keys = plan.driver == Plan::Driver::Streams ? keysFromStreams(db, filter, plan, wanted, after)
                                                     : keysFromDriver(db, filter, plan, wanted, after);
    if (!keys)
        return keys.error();

    ConversationPage page;
    page.nextCursor = cutToPage(*keys, limit);
    auto rows = readRows(db, idsOf(*keys));
    if (!rows)
        return rows.error();
    page.rows = std::move(*rows);
    return page;
}

Result<std::vector<ConversationMatch>> readConversations(Database& db, const ConversationFilter& filter,
                                                         const std::vector<std::int64_t>& ids)
{
    std::vector<ConversationMatch> result;
    auto rows = readRows(db, ids);
    if (!rows)
        return rows.error();
    for (ConversationRow& row : *rows) {
        const std::int64_t id = row.id;
        const bool belongs = belongsInList(row, filter);
        ConversationMatch match{std::move(row), belongs};
        if (match.matches && !filter.search.empty()) {
            // FTS5 answers "does this mention match" with a seek per mention: fine for the few
            // conversations a change touches.
            auto statement = db.cached(
                "SELECT 1 FROM mentions m JOIN mentions_fts ON mentions_fts.rowid = m.id"
                " WHERE m.conversation_id = ?1 AND mentions_fts MATCH ?2 LIMIT 1");
            if (!statement)
                return statement.error();
            Statement& search = **statement;
            search.bind(1, id).bind(2, filter.search);
            auto found = search.step();
            search.reset();
            if (!found)
                return badSearch(filter.search, found.message());
            match.matches = *found;
        }
        result.push_back(std::move(match));
    }
    return result;
}

Result<ConversationCounts> countConversations(Database& db, const std::string& agent)
{
    ConversationCounts counts;
    // Kept by the triggers of migration 0004: a few dozen rows, whatever the inbox's size.
    auto byStatus = db.cached("SELECT status, sum(n) FROM conversation_counts GROUP BY status");
    if (!byStatus)
        return byStatus.error();
    auto tally = eachRow(**byStatus, [&](Statement& row) {
        const std::string status = row.text(0);
        const std::int64_t n = row.integer(1);
        counts.all += n;
        if (status == "new")
            counts.unassigned = n;
        else if (status == "pending")
            counts.pending = n;
        else if (status == "resolved")
            counts.resolved = n;
        else if (status == "spam")
            counts.spam = n;
        if (status == "new" || status == "open" || status == "pending")
            counts.allOpen += n;
    });
    if (!tally)
        return tally.error();
    if (!agent.empty()) {
        auto mine = countOf(db, "SELECT count(*) FROM conversations WHERE assignee = ? AND status IN ('open', 'pending')",
                            agent);
        if (!mine)
            return mine.error();
        counts.mine = *mine;
    }

    auto bySource = db.cached(std::string("SELECT s.id, coalesce((SELECT sum(k.n) FROM conversation_counts k"
                                          " WHERE k.source_id = s.id AND k.status IN (") + kOpenStatuses + ")), 0)"
                              " FROM sources s WHERE s.removed_at IS NULL ORDER BY s.id");
    if (!bySource)
        return bySource.error();
    if (auto read = eachRow(**bySource, [&](Statement& row) { counts.openBySource.emplace_back(row.integer(0), row.integer(1)); });
        !read)
        return read.error();

    auto byTag = db.cached("SELECT tag, n FROM open_tag_counts WHERE n > 0 ORDER BY tag");
    if (!byTag)
        return byTag.error();
    if (auto read = eachRow(**byTag, [&](Statement& row) { counts.openByTag.emplace_back(row.text(0), row.integer(1)); });
        !read)
        return read.error();
    return counts;
}

Status countNewConversations(Database& db, std::int64_t sourceId, std::int64_t created)
{
    if (created == 0)
        return Ok{};
    auto add = db.cached("INSERT INTO conversation_counts VALUES ('new', ?1, ?2)"
                         " ON CONFLICT (status, source_id) DO UPDATE SET n = n + excluded.n");
    if (!add)
        return add.error();
    return (*add)->bind(1, sourceId).bind(2, created).run();
}

Status recountConversations(Database& db)
{
    return db.exec("DELETE FROM conversation_counts;"
                   " INSERT INTO conversation_counts SELECT status, source_id, count(*) FROM conversations"
                   " GROUP BY status, source_id");
}

}  // namespace earshot::store
