#include "store/sqlite/SqliteExportStore.h"

#include <nlohmann/json.hpp>

namespace earshot::store::sqlite {

namespace {

// The conditions every kind shares, on the conversation `c`.
std::string conversationConditions(const ExportFilter& f)
{
    std::string sql;
    if (!f.sources.empty()) {
        sql += " AND c.source_id IN (";
        for (std::size_t i = 0; i < f.sources.size(); ++i) {
            if (i > 0)
                sql += ',';
            sql += std::to_string(f.sources[i]);
        }
        sql += ")";
    }
    if (f.status)
        sql += " AND c.status = :status";
    if (!f.tags.empty())
        sql += " AND EXISTS (SELECT 1 FROM conversation_tags t WHERE t.conversation_id = c.id"
               " AND t.tag IN (SELECT value FROM json_each(:tags)))";
    return sql;
}

std::string periodCondition(const ExportFilter& f, const std::string& column)
{
    std::string sql;
    if (f.since)
        sql += " AND " + column + " >= :since";
    if (f.until)
        sql += " AND " + column + " < :until";
    return sql;
}

// " FROM … WHERE …" of the kind's rows. The rows and count() both read it, so a count is
// always of the rows the matching each…() passes on.
std::string rowSource(const ExportFilter& f)
{
    switch (f.kind) {
    case ExportKind::Conversations:
        return " FROM conversations c JOIN sources s ON s.id = c.source_id LEFT JOIN authors a ON a.id = c.customer_id"
               " LEFT JOIN response_cycles r ON r.conversation_id = c.id AND r.cycle = 1"
               " WHERE 1" + conversationConditions(f) + periodCondition(f, "c.created_at");
    case ExportKind::Cycles:
        return " FROM response_cycles r JOIN conversations c ON c.id = r.conversation_id WHERE c.status <> 'spam'" +
               conversationConditions(f) + periodCondition(f, "r.started_at");
    case ExportKind::Mentions:
        return " FROM mentions m JOIN conversations c ON c.id = m.conversation_id JOIN sources s ON s.id = m.source_id"
               " LEFT JOIN authors a ON a.id = m.author_id WHERE 1" +
               conversationConditions(f) + periodCondition(f, "m.ingested_at");
    case ExportKind::Events: {
        // Events of no conversation stay in unless a filter asks about conversations.
        const bool filtered = !f.sources.empty() || f.status || !f.tags.empty();
        return " FROM events e" + std::string(filtered ? " JOIN conversations c ON c.id = e.conversation_id" : "") +
               " WHERE 1" + (filtered ? conversationConditions(f) : "") + periodCondition(f, "e.at");
    }
    }
    return " FROM (SELECT 1) WHERE 0";
}

// Prepares SQL built from rowSource() with the filter's parameters bound.
Result<Statement> prepareFor(Database& db, const std::string& sql, const ExportFilter& f)
{
    auto statement = db.prepare(sql);
    if (!statement)
        return statement.error();
    auto bind = [&](const char* name, auto value) {
        if (const int index = statement->parameterIndex(name); index > 0)
            statement->bind(index, value);
    };
    bind(":since", f.since.value_or(0));
    bind(":until", f.until.value_or(0));
    bind(":status", f.status.value_or(""));
    bind(":tags", nlohmann::json(f.tags).dump());
    return statement;
}

// Runs the kind's query, reading each row with `read` and passing it on; stops at a refusal.
template <class Row, class Read, class Sink>
Status stream(Database& db, const std::string& sql, const ExportFilter& f, Read read, const Sink& sink)
{
    auto statement = prepareFor(db, sql, f);
    if (!statement)
        return statement.error();
    Row out;
    for (;;) {
        auto row = statement->step();
        if (!row)
            return row.error();
        if (!*row)
            return Ok{};
        read(*statement, out);
        if (auto taken = sink(out); !taken)
            return taken;
    }
}

// The first-cycle or cycle columns from column `at` on: started, first response, responder,
// resolved, resolver.
void readCycle(const Statement& row, int at, ExportCycle& out)
{
    out.startedAt = row.optionalInteger(at);
    out.firstResponseAt = row.optionalInteger(at + 1);
    out.firstResponder = row.text(at + 2);
    out.resolvedAt = row.optionalInteger(at + 3);
    out.resolver = row.text(at + 4);
}

std::optional<std::string> optionalText(const Statement& row, int column)
{
    return row.isNull(column) ? std::nullopt : std::optional<std::string>(row.text(column));
}

}  // namespace

Result<std::int64_t> SqliteExportStore::count(const ExportFilter& filter)
{
    auto statement = prepareFor(m_db, "SELECT count(*)" + rowSource(filter), filter);
    if (!statement)
        return statement.error();
    auto row = statement->step();
    if (!row)
        return row.error();
    return *row ? statement->integer(0) : 0;
}

Status SqliteExportStore::eachConversation(const ExportFilter& filter, const ConversationRow& sink)
{
    const std::string sql =
        "SELECT c.id, c.source_id, s.name, c.status, c.priority, coalesce(c.assignee, ''),"
        " coalesce((SELECT group_concat(tag, ',') FROM (SELECT tag FROM conversation_tags t"
        "  WHERE t.conversation_id = c.id ORDER BY tag)), ''),"
        " coalesce(a.handle, ''), coalesce(a.display_name, ''), c.message_count,"
        " (SELECT count(*) FROM response_cycles k WHERE k.conversation_id = c.id), c.created_at, c.resolved_at,"
        " r.started_at, r.first_response_at, coalesce(r.first_responder, ''), r.resolved_at, coalesce(r.resolver, '')" +
        rowSource(filter) + " ORDER BY c.id";
    return stream<ConversationExportRow>(m_db, sql, filter, [](const Statement& row, ConversationExportRow& c) {
        c.id = row.integer(0);
        c.sourceId = row.integer(1);
        c.source = row.text(2);
        c.status = row.text(3);
        c.priority = row.integer(4);
        c.assignee = row.text(5);
        c.tags = row.text(6);
        c.customerHandle = row.text(7);
        c.customerName = row.text(8);
        c.messageCount = row.integer(9);
        c.cycles = row.integer(10);
        c.createdAt = row.integer(11);
        c.lastResolvedAt = row.optionalInteger(12);
        readCycle(row, 13, c.firstCycle);
    }, sink);
}

Status SqliteExportStore::eachCycle(const ExportFilter& filter, const CycleRowSink& sink)
{
    const std::string sql =
        "SELECT r.conversation_id, r.cycle, c.source_id, c.priority, r.started_published,"
        " r.started_at, r.first_response_at, coalesce(r.first_responder, ''), r.resolved_at, coalesce(r.resolver, '')" +
        rowSource(filter) + " ORDER BY r.conversation_id, r.cycle";
    return stream<CycleExportRow>(m_db, sql, filter, [](const Statement& row, CycleExportRow& c) {
        c.conversation = row.integer(0);
        c.cycle = row.integer(1);
        c.sourceId = row.integer(2);
        c.priority = row.integer(3);
        c.startedPublished = row.optionalInteger(4);
        readCycle(row, 5, c.timing);
    }, sink);
}

Status SqliteExportStore::eachMention(const ExportFilter& filter, const MentionRow& sink)
{
    const std::string sql =
        "SELECT m.id, m.conversation_id, m.source_id, s.name, m.external_id, coalesce(a.platform, ''),"
        " coalesce(a.handle, ''), coalesce(a.display_name, ''), m.published_at, m.ingested_at, m.title, m.body,"
        " m.link" + rowSource(filter) + " ORDER BY m.id";
    return stream<MentionExportRow>(m_db, sql, filter, [](const Statement& row, MentionExportRow& m) {
        m.id = row.integer(0);
        m.conversation = row.integer(1);
        m.sourceId = row.integer(2);
        m.source = row.text(3);
        m.externalId = row.text(4);
        m.platform = row.text(5);
        m.authorHandle = row.text(6);
        m.authorName = row.text(7);
        m.publishedAt = row.optionalInteger(8);
        m.ingestedAt = row.integer(9);
        m.title = row.text(10);
        m.body = row.text(11);
        m.link = row.text(12);
    }, sink);
}

Status SqliteExportStore::eachEvent(const ExportFilter& filter, const EventRow& sink)
{
    const std::string sql =
        "SELECT e.id, e.at, e.actor, e.kind, e.conversation_id, e.source_id, e.from_value, e.to_value, e.detail" +
        rowSource(filter) + " ORDER BY e.id";
    return stream<EventExportRow>(m_db, sql, filter, [](const Statement& row, EventExportRow& e) {
        e.id = row.integer(0);
        e.at = row.integer(1);
        e.actor = row.text(2);
        e.kind = row.text(3);
        e.conversation = row.optionalInteger(4);
        e.source = row.optionalInteger(5);
        e.from = optionalText(row, 6);
        e.to = optionalText(row, 7);
        e.detail = optionalText(row, 8);
    }, sink);
}

}  // namespace earshot::store::sqlite
