#include "store/postgres/PgMetricsStore.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace earshot::store::postgres {

namespace {

// Conversations by id, one bigint[] parameter ("{1,2,3}"): one prepared statement for any list.
constexpr const char* kInList = " = ANY($1::bigint[])";

// A PostgreSQL array literal built an element at a time ({1,NULL,"Eva"}), so a batch's rows
// go to the server as one statement of a few arrays rather than a statement per row.
class ArrayText {
public:
    void add(std::int64_t value) { element(std::to_string(value)); }
    void add(const std::optional<std::int64_t>& value) { element(value ? std::to_string(*value) : "NULL"); }
    // Quoted, so an empty text stays empty and a name may hold any character but NUL.
    void add(const std::string& value)
    {
        std::string quoted = "\"";
        for (const char c : value) {
            if (c == '"' || c == '\\')
                quoted += '\\';
            quoted += c;
        }
        quoted += '"';
        element(quoted);
    }
    std::string text() const { return m_text + '}'; }

private:
    void element(const std::string& value)
    {
        if (m_text.size() > 1)
            m_text += ',';
        m_text += value;
    }
    std::string m_text = "{";
};

std::string idArray(const std::vector<std::int64_t>& ids)
{
    ArrayText array;
    for (const std::int64_t id : ids)
        array.add(id);
    return array.text();
}

// Calls `read` with each row the statement returns.
template <class Read>
Status eachRow(Connection& db, std::string_view sql, const Params& params, Read read)
{
    auto rows = db.query(sql, params);
    if (!rows)
        return rows.error();
    for (int i = 0; i < rows->size(); ++i)
        read(*rows, i);
    return Ok{};
}

}  // namespace

Result<std::int64_t> PgMetricsStore::dirtyCount()
{
    auto rows = m_db.query("SELECT count(*) FROM metrics_dirty");
    if (!rows)
        return rows.error();
    return rows->integer(0, 0);
}

// Desktops derive at the same time, while others write. A batch is taken by deleting its
// marks at once, so its rows stay locked until this transaction ends: another deriver skips
// them, and a writer that marks one of them again waits and marks it anew after. A mark that
// a writer's open transaction holds (its trigger updates the mark) is skipped here, and stays
// for the next refresh, so a change committed after the logs were read is never lost.
Result<DirtyBatch> PgMetricsStore::nextDirtyBatch(std::int64_t limit)
{
    auto taken = m_db.query("DELETE FROM metrics_dirty WHERE conversation_id IN"
                            " (SELECT conversation_id FROM metrics_dirty ORDER BY conversation_id LIMIT $1"
                            "  FOR UPDATE SKIP LOCKED) RETURNING conversation_id",
                            {limit});
    if (!taken)
        return taken.error();
    m_batch.clear();
    for (int row = 0; row < taken->size(); ++row)
        m_batch.push_back(taken->integer(row, 0));
    std::sort(m_batch.begin(), m_batch.end());
    DirtyBatch batch{.count = std::int64_t(m_batch.size())};
    if (!m_batch.empty()) {
        batch.low = m_batch.front();
        batch.high = m_batch.back();
    }
    return batch;
}

Result<MetricsLogs> PgMetricsStore::dirtyLogs(const DirtyBatch&)
{
    return loadLogs(kInList, {idArray(m_batch)});
}

Result<MetricsLogs> PgMetricsStore::logsOf(const std::vector<std::int64_t>& conversations)
{
    return loadLogs(kInList, {idArray(conversations)});
}

Result<MetricsLogs> PgMetricsStore::loadLogs(const char* inClause, const Params& params)
{
    MetricsLogs logs;
    // Mentions that are the team's own replies heard back are not the customer's. A message's
    // text is read only where it may thank someone: after a reply.
    auto read = eachRow(
        m_db,
        std::string("SELECT m.conversation_id, m.ingested_at, m.published_at,"
                    " CASE WHEN EXISTS (SELECT 1 FROM replies r WHERE r.conversation_id = m.conversation_id"
                    "  AND r.sent_at <= m.ingested_at) THEN m.body ELSE '' END"
                    " FROM mentions m WHERE m.conversation_id") +
            inClause +
            " AND NOT EXISTS (SELECT 1 FROM replies r WHERE r.conversation_id = m.conversation_id"
            "  AND r.delivery = 'sent'"
            "  AND (r.platform_url = m.link OR r.external_id = m.platform_id OR r.external_id = m.external_id))"
            " ORDER BY m.conversation_id, m.ingested_at, m.id",
        params, [&](const Rows& row, int i) {
            logs.messages.push_back({.conversation = row.integer(i, 0), .at = row.integer(i, 1),
                                     .publishedAt = row.optionalInteger(i, 2), .text = row.text(i, 3)});
        });
    if (!read)
        return read.error();

    // Off-platform replies count when recorded, platform replies when posted.
    read = eachRow(m_db,
                   std::string("SELECT conversation_id, coalesce(delivered_at, sent_at), agent FROM replies"
                               " WHERE conversation_id") +
                       inClause + " AND delivery IN ('recorded', 'sent') ORDER BY conversation_id, 2, id",
                   params, [&](const Rows& row, int i) {
                       logs.replies.push_back(
                           {.conversation = row.integer(i, 0), .at = row.integer(i, 1), .agent = row.text(i, 2)});
                   });
    if (!read)
        return read.error();

    read = eachRow(m_db,
                   std::string("SELECT conversation_id, at, kind, coalesce(from_value, ''), coalesce(to_value, ''),"
                               " actor FROM events WHERE conversation_id") +
                       inClause +
                       " AND kind IN ('status', 'reopened', 'claimed', 'assigned', 'taken_over')"
                       " ORDER BY conversation_id, at, id",
                   params, [&](const Rows& row, int i) {
                       const auto kind = domain::parseEventKind(row.text(i, 2));
                       if (!kind)
                           return;
                       logs.events.push_back({.conversation = row.integer(i, 0), .at = row.integer(i, 1),
                                              .kind = *kind, .from = row.text(i, 3), .to = row.text(i, 4),
                                              .actor = row.text(i, 5)});
                   });
    if (!read)
        return read.error();
    return logs;
}

Status PgMetricsStore::replaceDerived(const DirtyBatch&, const std::vector<CycleRow>& cycles,
                                      const std::vector<WaitRow>& waits)
{
    for (const char* table : {"response_waits", "response_cycles"})
        if (auto cleared = m_db.run(std::string("DELETE FROM ") + table + " WHERE conversation_id" + kInList,
                                    {idArray(m_batch)});
            !cleared)
            return cleared;

    // Each column an array, the rows their elements in order: a refresh of a few thousand
    // conversations is one statement per table instead of a round trip per row. An empty
    // agent is stored as NULL, as on SQLite.
    if (!cycles.empty()) {
        ArrayText conversation, number, startedAt, startedPublished, firstResponseAt, firstResponder, claimedAt,
            resolvedAt, resolver, customerMessages, agentReplies;
        for (const CycleRow& c : cycles) {
            conversation.add(c.conversation);
            number.add(std::int64_t(c.number));
            startedAt.add(c.startedAt);
            startedPublished.add(c.startedPublished);
            firstResponseAt.add(c.firstResponseAt);
            firstResponder.add(c.firstResponder);
            claimedAt.add(c.claimedAt);
            resolvedAt.add(c.resolvedAt);
            resolver.add(c.resolver);
            customerMessages.add(std::int64_t(c.customerMessages));
            agentReplies.add(std::int64_t(c.agentReplies));
        }
        if (auto inserted = m_db.run(
                "INSERT INTO response_cycles(conversation_id, cycle, started_at, started_published, first_response_at,"
                " first_responder, claimed_at, resolved_at, resolver, customer_messages, agent_replies)"
                " SELECT c, n, s, sp, fr, nullif(fa, ''), cl, rs, nullif(ra, ''), cm, ar"
                " FROM unnest($1::bigint[], $2::integer[], $3::bigint[], $4::bigint[], $5::bigint[], $6::text[],"
                " $7::bigint[], $8::bigint[], $9::text[], $10::integer[], $11::integer[])"
                " AS u(c, n, s, sp, fr, fa, cl, rs, ra, cm, ar)",
                {conversation.text(), number.text(), startedAt.text(), startedPublished.text(), firstResponseAt.text(),
                 firstResponder.text(), claimedAt.text(), resolvedAt.text(), resolver.text(), customerMessages.text(),
                 agentReplies.text()});
            !inserted)
            return inserted;
    }

    if (!waits.empty()) {
        ArrayText conversation, cycle, customerAt, customerPublished, answeredAt, agent, thankedAgent;
        for (const WaitRow& w : waits) {
            conversation.add(w.conversation);
            cycle.add(std::int64_t(w.cycle));
            customerAt.add(w.customerAt);
            customerPublished.add(w.customerPublished);
            answeredAt.add(w.answeredAt);
            agent.add(w.agent);
            thankedAgent.add(w.thankedAgent);
        }
        if (auto inserted = m_db.run(
                "INSERT INTO response_waits(conversation_id, cycle, customer_at, customer_published, answered_at, agent,"
                " thanked_agent) SELECT c, n, ca, cp, aa, nullif(ag, ''), nullif(ta, '')"
                " FROM unnest($1::bigint[], $2::integer[], $3::bigint[], $4::bigint[], $5::bigint[], $6::text[],"
                " $7::text[]) AS u(c, n, ca, cp, aa, ag, ta)",
                {conversation.text(), cycle.text(), customerAt.text(), customerPublished.text(), answeredAt.text(),
                 agent.text(), thankedAgent.text()});
            !inserted)
            return inserted;
    }
    return Ok{};   // the batch's marks went when it was taken
}

Status PgMetricsStore::eachAgent(const std::function<void(const std::string&, const std::vector<std::string>&)>& row)
{
    std::vector<std::string> teams;
    return eachRow(m_db, "SELECT name, teams FROM agents ORDER BY name", {}, [&](const Rows& rows, int i) {
        teams.clear();
        const auto list = nlohmann::json::parse(rows.text(i, 1), nullptr, false);
        if (list.is_array())
            for (const auto& team : list)
                if (team.is_string())
                    teams.push_back(team.get<std::string>());
        row(rows.text(i, 0), teams);
    });
}

Status PgMetricsStore::eachSourceName(const std::function<void(std::int64_t, const std::string&)>& row)
{
    return eachRow(m_db, "SELECT id, name FROM sources", {},
                   [&](const Rows& rows, int i) { row(rows.integer(i, 0), rows.text(i, 1)); });
}

Status PgMetricsStore::eachConversation(const std::function<void(const MetricsConversationRow&)>& row)
{
    MetricsConversationRow c;
    return eachRow(m_db, "SELECT id, source_id, coalesce(assignee, ''), priority, status FROM conversations ORDER BY id",
                   {}, [&](const Rows& rows, int i) {
                       c.id = rows.integer(i, 0);
                       c.sourceId = rows.integer(i, 1);
                       c.assignee = rows.text(i, 2);
                       c.priority = rows.integer(i, 3);
                       c.status = rows.text(i, 4);
                       row(c);
                   });
}

Status PgMetricsStore::eachConversationTag(const std::function<void(std::int64_t, const std::string&)>& row)
{
    return eachRow(m_db, "SELECT conversation_id, tag FROM conversation_tags ORDER BY conversation_id, tag", {},
                   [&](const Rows& rows, int i) { row(rows.integer(i, 0), rows.text(i, 1)); });
}

Status PgMetricsStore::eachCycle(const std::function<void(const CycleRow&)>& row)
{
    CycleRow c;
    return eachRow(
        m_db,
        "SELECT conversation_id, cycle, started_at, started_published, first_response_at, coalesce(first_responder, ''),"
        " claimed_at, resolved_at, coalesce(resolver, '') FROM response_cycles ORDER BY conversation_id, cycle",
        {}, [&](const Rows& rows, int i) {
            c.conversation = rows.integer(i, 0);
            c.number = std::int32_t(rows.integer(i, 1));
            c.startedAt = rows.integer(i, 2);
            c.startedPublished = rows.optionalInteger(i, 3);
            c.firstResponseAt = rows.optionalInteger(i, 4);
            c.firstResponder = rows.text(i, 5);
            c.claimedAt = rows.optionalInteger(i, 6);
            c.resolvedAt = rows.optionalInteger(i, 7);
            c.resolver = rows.text(i, 8);
            row(c);
        });
}

Status PgMetricsStore::eachWait(const std::function<void(const WaitRow&)>& row)
{
    WaitRow w;
    return eachRow(m_db,
                   "SELECT conversation_id, customer_at, customer_published, answered_at, coalesce(agent, ''),"
                   " coalesce(thanked_agent, '') FROM response_waits",
                   {}, [&](const Rows& rows, int i) {
                       w.conversation = rows.integer(i, 0);
                       w.customerAt = rows.integer(i, 1);
                       w.customerPublished = rows.optionalInteger(i, 2);
                       w.answeredAt = rows.optionalInteger(i, 3);
                       w.agent = rows.text(i, 4);
                       w.thankedAgent = rows.text(i, 5);
                       row(w);
                   });
}

}  // namespace earshot::store::postgres
