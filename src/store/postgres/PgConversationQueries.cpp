#include "store/postgres/PgConversationQueries.h"

#include "store/ListPlan.h"

#include <algorithm>
#include <limits>
#include <string_view>
#include <utility>

namespace earshot::store::postgres {

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

// websearch_to_tsquery accepts any text, FTS5 does not. The mistake people make, a phrase
// whose double quote is never closed, is refused as SQLite refuses it, so a malformed search
// says how to write it on both engines; any other text simply finds what it matches.
std::optional<Error> malformedSearch(const std::string& search)
{
    if (std::count(search.begin(), search.end(), '"') % 2 != 0)
        return badSearch(search, "unterminated string");
    return std::nullopt;
}

// Numbers a statement's parameters as it is written: PostgreSQL wants $1 … $n without gaps,
// each one used; a shape always gets the same text, so its prepared statement is reused.
class Bindings {
public:
    std::string add(Param value)
    {
        m_params.push_back(std::move(value));
        return "$" + std::to_string(m_params.size());
    }
    const Params& params() const { return m_params; }

private:
    Params m_params;
};

// A mention's tsvector against the search asked in both languages. The tsquery is an
// uncorrelated subquery: worked out once per statement, not once per row checked, also
// under a generic plan.
std::string matchesSearch(const std::string& placeholder)
{
    return "m.search @@ (SELECT websearch_to_tsquery('earshot_dutch', " + placeholder +
           "::text) || websearch_to_tsquery('earshot_english', " + placeholder + "::text))";
}

// checkTag: EXISTS in conversation_tags; checkSearch: EXISTS a matching mention.
using Plan = ListPlan;

// Filter terms shared by every query shape; their parameters are added to `bind`. The
// checks are EXISTS with OFFSET 0, which the planner keeps as a check per conversation
// rather than turning into a join: a join lets it drive from the tag or the matching
// mentions, whose number it cannot know from a tsquery it sees only as a parameter, and it
// then reads every match to sort a page. The count before the query already chose the driver.
std::string filterTerms(const ConversationFilter& filter, const Plan& plan, Bindings& bind)
{
    std::string sql;
    if (filter.view == ConversationView::Mine)
        sql += " AND c.assignee = " + bind.add(filter.agent);
    if (filter.sourceId)
        sql += " AND c.source_id = " + bind.add(*filter.sourceId);
    if (plan.checkTag)
        sql += " AND EXISTS (SELECT 1 FROM conversation_tags t WHERE t.conversation_id = c.id AND t.tag = " +
               bind.add(filter.tag) + " OFFSET 0)";
    if (plan.checkSearch)
        sql += " AND EXISTS (SELECT 1 FROM mentions m WHERE m.conversation_id = c.id AND " +
               matchesSearch(bind.add(filter.search)) + " OFFSET 0)";
    return sql;
}

// Columns: id, priority, last_customer_at.
void readKeys(const Rows& rows, std::vector<ConversationCursor>& keys)
{
    for (int r = 0; r < rows.size(); ++r)
        keys.push_back({int(rows.integer(r, 1)), rows.integer(r, 2), rows.integer(r, 0)});
}

// One ordered index range per status (and per priority when sorting by priority), each
// limited to the page, merged by the server: PostgreSQL would sort the whole view for
// `status IN (…)`, but it merges UNION ALL branches that are each in order (Merge Append)
// and stops at the limit.
Result<std::vector<ConversationCursor>> keysFromStreams(Connection& db, const ConversationFilter& filter,
                                                        const Plan& plan, std::size_t wanted,
                                                        const std::optional<ConversationCursor>& after)
{
    const bool ascending = oldestFirst(filter);
    const std::string direction = ascending ? "" : " DESC";
    const std::string later = ascending ? " > " : " < ";
    const auto statuses = statusesOf(filter.view);

    std::vector<ConversationCursor> keys;
    // Every bucket has the same text, so the statement is prepared once.
    auto readBucket = [&](std::optional<int> priority, const std::optional<ConversationCursor>& from) -> Status {
        Bindings bind;
        const std::string limit = bind.add(std::int64_t(wanted));
        const std::string samePriority = priority ? " AND c.priority = " + bind.add(*priority) : std::string();
        // One add per statement: the operands of + are evaluated in no set order.
        const std::string fromTime = bind.add(from ? from->lastCustomerAt : (ascending ? kLowest : kHighest));
        const std::string fromId = bind.add(from ? from->id : (ascending ? kLowest : kHighest));
        const std::string fromKey = "(" + fromTime + ", " + fromId + ")";
        const std::string terms = filterTerms(filter, plan, bind);
        std::string sql = "SELECT k.id, k.priority, k.last_customer_at FROM (";
        for (std::size_t s = 0; s < statuses.size(); ++s) {
            if (s > 0)
                sql += " UNION ALL ";
            sql += "(SELECT c.id, c.priority, c.last_customer_at FROM conversations c WHERE c.status = '";
            sql += domain::statusName(statuses[s]);
            sql += "'" + samePriority + " AND (c.last_customer_at, c.id)" + later + fromKey + terms +
                   " ORDER BY c.last_customer_at" + direction + ", c.id" + direction + " LIMIT " + limit + ")";
        }
        sql += ") k ORDER BY k.last_customer_at" + direction + ", k.id" + direction + " LIMIT " + limit;
        auto rows = db.query(sql, bind.params());
        if (!rows)
            return rows.error();
        readKeys(*rows, keys);
        return Ok{};
    };

    if (auto walked = walkBuckets(filter, after, keys, wanted, readBucket); !walked)
        return walked.error();
    return keys;
}

// A small set (few matching mentions, or a rare tag) drives: its conversations are looked up
// by id and the few that pass are sorted.
Result<std::vector<ConversationCursor>> keysFromDriver(Connection& db, const ConversationFilter& filter,
                                                       const Plan& plan, std::size_t wanted,
                                                       const std::optional<ConversationCursor>& after)
{
    const bool ascending = oldestFirst(filter);
    const bool byPriority = filter.sort == ConversationSort::Priority;
    const std::string direction = ascending ? "" : " DESC";
    const std::string later = ascending ? " > " : " < ";
    Bindings bind;
    // The driver comes first and each of its conversations is looked up by id (a LATERAL
    // subquery with OFFSET 0 is never flattened into a join the planner may turn around):
    // under a generic plan it cannot know how small the driver is and would otherwise read
    // the whole view to hash it.
    std::string sql = "WITH driver(cid) AS MATERIALIZED (";
    sql += plan.driver == Plan::Driver::SearchMatches
               ? "SELECT DISTINCT m.conversation_id FROM mentions m WHERE " + matchesSearch(bind.add(filter.search))
               : "SELECT conversation_id FROM conversation_tags WHERE tag = " + bind.add(filter.tag);
    sql += ") SELECT k.id, k.priority, k.last_customer_at FROM driver CROSS JOIN LATERAL"
           " (SELECT c.id, c.priority, c.last_customer_at FROM conversations c WHERE c.id = driver.cid"
           " AND c.status IN (" + quotedList(statusesOf(filter.view)) + ")";
    // One add per statement: the operands of + are evaluated in no set order.
    const std::string fromTime = bind.add(after ? after->lastCustomerAt : (ascending ? kLowest : kHighest));
    const std::string fromId = bind.add(after ? after->id : (ascending ? kLowest : kHighest));
    const std::string fromKey = "(" + fromTime + ", " + fromId + ")";
    if (byPriority) {
        const std::string priority = bind.add(after ? after->priority : kAbovePriorities);
        sql += " AND (c.priority < " + priority + " OR (c.priority = " + priority + " AND (c.last_customer_at, c.id)" +
               later + fromKey + "))";
    } else {
        sql += " AND (c.last_customer_at, c.id)" + later + fromKey;
    }
    sql += filterTerms(filter, plan, bind);
    sql += " OFFSET 0) k ORDER BY ";
    if (byPriority)
        sql += "k.priority DESC, ";
    sql += "k.last_customer_at" + direction + ", k.id" + direction + " LIMIT " + bind.add(std::int64_t(wanted));
    auto rows = db.query(sql, bind.params());
    if (!rows)
        return rows.error();
    std::vector<ConversationCursor> keys;
    readKeys(*rows, keys);
    return keys;
}

// How many rows `sql` counts, which counts at most a bound it was written with.
Result<std::int64_t> countUpTo(Connection& db, const std::string& sql, const std::string& parameter)
{
    auto rows = db.query(sql, {parameter});
    if (!rows)
        return rows.error();
    return rows->integer(0, 0);
}

// The whole rows for `ids`, tags included, in one query and in the order of `ids`; ids that
// no longer exist are left out. One statement per page, not per row, so a list costs the same
// few round trips whatever its length.
Result<std::vector<ConversationRow>> readRows(Connection& db, const std::vector<std::int64_t>& ids)
{
    std::vector<ConversationRow> rows;
    if (ids.empty())
        return rows;
    // Tags in byte order (COLLATE "C"), as SQLite sorts them and as readConversations
    // binary-searches them, whatever the database's collation.
    std::string list = "{";
    for (const std::int64_t id : ids)
        list += (list.size() > 1 ? "," : "") + std::to_string(id);
    list += "}";
    auto read = db.query(
        "SELECT c.id, c.status, c.priority, coalesce(c.assignee, ''), coalesce(a.display_name, ''),"
        " coalesce(a.handle, ''), c.source_id, s.name, c.snippet, c.last_customer_at, c.created_at,"
        " c.first_response_at, c.resolved_at, c.message_count,"
        " (SELECT string_agg(t.tag, ',' ORDER BY t.tag COLLATE \"C\") FROM conversation_tags t"
        "   WHERE t.conversation_id = c.id)"
        " FROM unnest($1::bigint[]) WITH ORDINALITY AS page(id, n) JOIN conversations c ON c.id = page.id"
        " JOIN sources s ON s.id = c.source_id LEFT JOIN authors a ON a.id = c.customer_id"
        " ORDER BY page.n",
        {list});
    if (!read)
        return read.error();
    rows.reserve(std::size_t(read->size()));
    for (int r = 0; r < read->size(); ++r) {
        ConversationRow row;
        row.id = read->integer(r, 0);
        row.status = domain::parseStatus(read->text(r, 1)).value_or(domain::ConversationStatus::New);
        row.priority = domain::priorityFromInt(read->integer(r, 2));
        row.assignee = read->text(r, 3);
        row.customerName = read->text(r, 4);
        row.customerHandle = read->text(r, 5);
        row.sourceId = read->integer(r, 6);
        row.sourceName = read->text(r, 7);
        row.snippet = read->text(r, 8);
        row.lastCustomerAt = read->integer(r, 9);
        row.createdAt = read->integer(r, 10);
        row.firstResponseAt = read->optionalInteger(r, 11);
        row.resolvedAt = read->optionalInteger(r, 12);
        row.messageCount = read->integer(r, 13);
        // Tags never hold a comma (inbox::normaliseTag refuses one).
        const std::string tagList = read->text(r, 14);
        for (std::string_view tags = tagList; !tags.empty();) {
            const std::size_t comma = tags.find(',');
            row.tags.emplace_back(tags.substr(0, comma));
            tags = comma == std::string_view::npos ? std::string_view() : tags.substr(comma + 1);
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace

Result<ConversationPage> listConversations(Connection& db, const ConversationFilter& filter, int limit,
                                           const std::optional<ConversationCursor>& after)
{
    if (auto valid = checkListRequest(filter, limit); !valid)
        return valid.error();

    std::optional<std::int64_t> matches;
    if (!filter.search.empty()) {
        if (auto malformed = malformedSearch(filter.search))
            return *malformed;
        // Counted only up to the threshold: past it the exact number changes nothing.
        auto counted = countUpTo(db,
                                 "SELECT count(*) FROM (SELECT 1 FROM mentions m WHERE " + matchesSearch("$1") +
                                     " LIMIT " + std::to_string(kSearchDriveLimit + 1) + ") hits",
                                 filter.search);
        if (!counted)
            return counted.error();
        matches = *counted;
    }
    auto planned = planList(filter, matches, [&] {
        return countUpTo(db,
                         "SELECT count(*) FROM (SELECT 1 FROM conversation_tags WHERE tag = $1 LIMIT " +
                             std::to_string(kTagDriveLimit + 1) + ") tagged",
                         filter.tag);
    });
    if (!planned)
        return planned.error();
    if (!*planned)
        return ConversationPage{};
    const Plan plan = **planned;

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

Result<std::vector<ConversationMatch>> readConversations(Connection& db, const ConversationFilter& filter,
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
            if (auto malformed = malformedSearch(filter.search))
                return *malformed;
            // The conversation's few mentions, each checked against the search: fine for the
            // few conversations a change touches.
            auto found = db.query("SELECT 1 FROM mentions m WHERE m.conversation_id = $1 AND " + matchesSearch("$2") +
                                      " LIMIT 1",
                                  {id, filter.search});
            if (!found)
                return found.error();
            match.matches = !found->empty();
        }
        result.push_back(std::move(match));
    }
    return result;
}

Result<ConversationCounts> countConversations(Connection& db, const std::string& agent)
{
    ConversationCounts counts;
    // Kept by triggers (see the schema): a few dozen rows, whatever the inbox's size.
    auto byStatus = db.query("SELECT status, sum(n)::bigint FROM conversation_counts GROUP BY status");
    if (!byStatus)
        return byStatus.error();
    for (int r = 0; r < byStatus->size(); ++r) {
        const std::string status = byStatus->text(r, 0);
        const std::int64_t n = byStatus->integer(r, 1);
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
    }
    if (!agent.empty()) {
        auto mine = db.query("SELECT count(*) FROM conversations WHERE assignee = $1 AND status IN ('open', 'pending')",
                             {agent});
        if (!mine)
            return mine.error();
        counts.mine = mine->integer(0, 0);
    }

    auto bySource = db.query(std::string("SELECT s.id, coalesce((SELECT sum(k.n) FROM conversation_counts k"
                                         " WHERE k.source_id = s.id AND k.status IN (") +
                             kOpenStatuses + ")), 0)::bigint FROM sources s WHERE s.removed_at IS NULL ORDER BY s.id");
    if (!bySource)
        return bySource.error();
    for (int r = 0; r < bySource->size(); ++r)
        counts.openBySource.emplace_back(bySource->integer(r, 0), bySource->integer(r, 1));

    // Byte order, as SQLite sorts them.
    auto byTag = db.query("SELECT tag, n FROM open_tag_counts WHERE n > 0 ORDER BY tag COLLATE \"C\"");
    if (!byTag)
        return byTag.error();
    for (int r = 0; r < byTag->size(); ++r)
        counts.openByTag.emplace_back(byTag->text(r, 0), byTag->integer(r, 1));
    return counts;
}

Status recountConversations(Connection& db)
{
    // open_tag_counts too: a bulk load may write tags while the triggers that keep it are
    // off, and counting it again costs one pass over the tags.
    return db.exec("DELETE FROM conversation_counts;"
                   " INSERT INTO conversation_counts SELECT status, source_id, count(*) FROM conversations"
                   " GROUP BY status, source_id;"
                   " DELETE FROM open_tag_counts;"
                   " INSERT INTO open_tag_counts SELECT t.tag, count(*) FROM conversation_tags t"
                   " JOIN conversations c ON c.id = t.conversation_id"
                   " WHERE c.status IN ('new', 'open', 'pending') GROUP BY t.tag");
}

}  // namespace earshot::store::postgres
