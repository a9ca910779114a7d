#include "store/sqlite/SqliteMetricsStore.h"

#include <nlohmann/json.hpp>

namespace earshot::store::sqlite {

namespace {

// The dirty conversations of one batch, by id range.
constexpr const char* kInBatch =
    " IN (SELECT conversation_id FROM metrics_dirty WHERE conversation_id BETWEEN ?1 AND ?2)";
// Conversations by id, a JSON array.
constexpr const char* kInList = " IN (SELECT value FROM json_each(?1))";

}  // namespace

Result<std::int64_t> SqliteMetricsStore::dirtyCount() { return queryInteger(m_db, "SELECT count(*) FROM metrics_dirty"); }

Result<DirtyBatch> SqliteMetricsStore::nextDirtyBatch(std::int64_t limit)
{
    auto range = m_db.prepare("SELECT min(conversation_id), max(conversation_id), count(*) FROM"
                              " (SELECT conversation_id FROM metrics_dirty ORDER BY conversation_id LIMIT ?)");
    if (!range)
        return range.error();
    range->bind(1, limit);
    if (auto row = range->step(); !row)
        return row.error();
    DirtyBatch batch{.count = range->integer(2)};
    if (batch.count > 0) {
        batch.low = range->integer(0);
        batch.high = range->integer(1);
    }
    range->reset();
    return batch;
}

Result<MetricsLogs> SqliteMetricsStore::dirtyLogs(const DirtyBatch& batch)
{
    return loadLogs(kInBatch, [&](Statement& s) { s.bind(1, batch.low).bind(2, batch.high); });
}

Result<MetricsLogs> SqliteMetricsStore::logsOf(const std::vector<std::int64_t>& conversations)
{
    const std::string ids = nlohmann::json(conversations).dump();
    return loadLogs(kInList, [&](Statement& s) { s.bind(1, ids); });
}

Result<MetricsLogs> SqliteMetricsStore::loadLogs(const char* inClause, const std::function<void(Statement&)>& bind)
{
    MetricsLogs logs;
    // Mentions that are the team's own replies heard back are not the customer's. A message's
    // text is read only where it may thank someone: after a reply.
    auto messages = m_db.prepare(std::string(
        "SELECT m.conversation_id, m.ingested_at, m.published_at,"
        " CASE WHEN EXISTS (SELECT 1 FROM replies r WHERE r.conversation_id = m.conversation_id"
        "  AND r.sent_at <= m.ingested_at) THEN m.body ELSE '' END"
        " FROM mentions m WHERE m.conversation_id") + inClause +
        " AND NOT EXISTS (SELECT 1 FROM replies r WHERE r.conversation_id = m.conversation_id AND r.delivery = 'sent'"
        "  AND (r.platform_url = m.link OR r.external_id = m.platform_id OR r.external_id = m.external_id))"
        " ORDER BY m.conversation_id, m.ingested_at, m.id");
    if (!messages)
        return messages.error();
    bind(*messages);
    auto read = eachRow(*messages, [&](Statement& row) {
        logs.messages.push_back({.conversation = row.integer(0), .at = row.integer(1),
                                 .publishedAt = row.optionalInteger(2), .text = row.text(3)});
    });
    if (!read)
        return read.error();

    // Off-platform replies count when recorded, platform replies when posted.
    auto replies = m_db.prepare(std::string("SELECT conversation_id, coalesce(delivered_at, sent_at), agent FROM replies"
                                            " WHERE conversation_id") + inClause +
                                " AND delivery IN ('recorded', 'sent') ORDER BY conversation_id, 2, id");
    if (!replies)
        return replies.error();
    bind(*replies);
    read = eachRow(*replies, [&](Statement& row) {
        logs.replies.push_back({.conversation = row.integer(0), .at = row.integer(1), .agent = row.text(2)});
    });
    if (!read)
        return read.error();

    auto events = m_db.prepare(std::string("SELECT conversation_id, at, kind, coalesce(from_value, ''),"
                                           " coalesce(to_value, ''), actor FROM events WHERE conversation_id") + inClause +
                               " AND kind IN ('status', 'reopened', 'claimed', 'assigned', 'taken_over')"
                               " ORDER BY conversation_id, at, id");
    if (!events)
        return events.error();
    bind(*events);
    read = eachRow(*events, [&](Statement& row) {
        const auto kind = domain::parseEventKind(row.text(2));
        if (!kind)
            return;
        logs.events.push_back({.conversation = row.integer(0), .at = row.integer(1), .kind = *kind,
                               .from = row.text(3), .to = row.text(4), .actor = row.text(5)});
    });
    if (!read)
        return read.error();
    return logs;
}

Status SqliteMetricsStore::replaceDerived(const DirtyBatch& batch, const std::vector<CycleRow>& cycles,
                                          const std::vector<WaitRow>& waits)
{
    for (const char* table : {"response_waits", "response_cycles"}) {
        auto clear = m_db.prepare(std::string("DELETE FROM ") + table + " WHERE conversation_id" + kInBatch);
        if (!clear)
            return clear.error();
        if (auto ran = clear->bind(1, batch.low).bind(2, batch.high).run(); !ran)
            return ran;
    }
    auto insertCycle = m_db.cached(
        "INSERT INTO response_cycles(conversation_id, cycle, started_at, started_published, first_response_at,"
        " first_responder, claimed_at, resolved_at, resolver, customer_messages, agent_replies)"
        " VALUES (?, ?, ?, ?, ?, nullif(?, ''), ?, ?, nullif(?, ''), ?, ?)");
    if (!insertCycle)
        return insertCycle.error();
    for (const CycleRow& c : cycles) {
        Statement& s = **insertCycle;
        s.bind(1, c.conversation).bind(2, std::int64_t(c.number)).bind(3, c.startedAt);
        s.bind(4, c.startedPublished).bind(5, c.firstResponseAt).bind(6, c.firstResponder);
        s.bind(7, c.claimedAt).bind(8, c.resolvedAt).bind(9, c.resolver);
        s.bind(10, std::int64_t(c.customerMessages)).bind(11, std::int64_t(c.agentReplies));
        if (auto ran = s.run(); !ran)
            return ran;
    }
    auto insertWait = m_db.cached(
        "INSERT INTO response_waits(conversation_id, cycle, customer_at, customer_published, answered_at, agent,"
        " thanked_agent) VALUES (?, ?, ?, ?, ?, nullif(?, ''), nullif(?, ''))");
    if (!insertWait)
        return insertWait.error();
    for (const WaitRow& w : waits) {
        Statement& s = **insertWait;
        s.bind(1, w.conversation).bind(2, std::int64_t(w.cycle)).bind(3, w.customerAt);
        s.bind(4, w.customerPublished).bind(5, w.answeredAt).bind(6, w.agent).bind(7, w.thankedAgent);
        if (auto ran = s.run(); !ran)
            return ran;
    }
    auto clean = m_db.prepare("DELETE FROM metrics_dirty WHERE conversation_id BETWEEN ? AND ?");
    if (!clean)
        return clean.error();
    return clean->bind(1, batch.low).bind(2, batch.high).run();
}

Status SqliteMetricsStore::eachAgent(const std::function<void(const std::string&, const std::vector<std::string>&)>& row)
{
    auto profiles = m_db.prepare("SELECT name, teams FROM agents ORDER BY name");
    if (!profiles)
        return profiles.error();
    std::vector<std::string> teams;
    return eachRow(*profiles, [&](Statement& s) {
        teams.clear();
        const auto list = nlohmann::json::parse(s.text(1), nullptr, false);
        if (list.is_array())
            for (const auto& team : list)
                if (team.is_string())
                    teams.push_back(team.get<std::string>());
        row(s.text(0), teams);
    });
}

Status SqliteMetricsStore::eachSourceName(const std::function<void(std::int64_t, const std::string&)>& row)
{
    auto sources = m_db.prepare("SELECT id, name FROM sources");
    if (!sources)
        return sources.error();
    return eachRow(*sources, [&](Statement& s) { row(s.integer(0), s.text(1)); });
}

Status SqliteMetricsStore::eachConversation(const std::function<void(const MetricsConversationRow&)>& row)
{
    auto conversations = m_db.prepare(
        "SELECT id, source_id, coalesce(assignee, ''), priority, status FROM conversations ORDER BY id");
    if (!conversations)
        return conversations.error();
    MetricsConversationRow c;
    return eachRow(*conversations, [&](Statement& s) {
        c.id = s.integer(0);
        c.sourceId = s.integer(1);
        c.assignee = s.text(2);
        c.priority = s.integer(3);
        c.status = s.text(4);
        row(c);
    });
}

Status SqliteMetricsStore::eachConversationTag(const std::function<void(std::int64_t, const std::string&)>& row)
{
    auto tags = m_db.prepare("SELECT conversation_id, tag FROM conversation_tags ORDER BY conversation_id, tag");
    if (!tags)
        return tags.error();
    return eachRow(*tags, [&](Statement& s) { row(s.integer(0), s.text(1)); });
}

Status SqliteMetricsStore::eachCycle(const std::function<void(const CycleRow&)>& row)
{
    auto cycles = m_db.prepare(
        "SELECT conversation_id, cycle, started_at, started_published, first_response_at, coalesce(first_responder, ''),"
        " claimed_at, resolved_at, coalesce(resolver, '') FROM response_cycles ORDER BY conversation_id, cycle");
    if (!cycles)
        return cycles.error();
    CycleRow c;
    return eachRow(*cycles, [&](Statement& s) {
        c.conversation = s.integer(0);
        c.number = std::int32_t(s.integer(1));
        c.startedAt = s.integer(2);
        c.startedPublished = s.optionalInteger(3);
        c.firstResponseAt = s.optionalInteger(4);
        c.firstResponder = s.text(5);
        c.claimedAt = s.optionalInteger(6);
        c.resolvedAt = s.optionalInteger(7);
        c.resolver = s.text(8);
        row(c);
    });
}

Status SqliteMetricsStore::eachWait(const std::function<void(const WaitRow&)>& row)
{
    auto waits = m_db.prepare(
        "SELECT conversation_id, customer_at, customer_published, answered_at, coalesce(agent, ''),"
        " coalesce(thanked_agent, '') FROM response_waits");
    if (!waits)
        return waits.error();
    WaitRow w;
    return eachRow(*waits, [&](Statement& s) {
        w.conversation = s.integer(0);
        w.customerAt = s.integer(1);
        w.customerPublished = s.optionalInteger(2);
        w.answeredAt = s.optionalInteger(3);
        w.agent = s.text(4);
        w.thankedAgent = s.text(5);
        row(w);
    });
}

}  // namespace earshot::store::sqlite
