#include "store/postgres/PgExportStore.h"

#include <limits>

#include <nlohmann/json.hpp>

namespace earshot::store::postgres {

namespace {

// Rows per round trip: few enough that a page of mentions with long bodies stays small.
constexpr int kPageRows = 1000;

// The filter's parameters, numbered $1, $2, … in the order the SQL names them.
class Parameters {
public:
    std::string add(Param value)
    {
        m_params.push_back(std::move(value));
        return "$" + std::to_string(m_params.size());
    }
    const Params& all() const { return m_params; }

private:
    Params m_params;
};

// The conditions every kind shares, on the conversation `c`.
std::string conversationConditions(const ExportFilter& f, Parameters& p)
{
    std::string sql;
    if (!f.sources.empty()) {
        // One array parameter rather than the ids in the text: the statement stays one
        // prepared statement whichever sources are asked for.
        std::string ids = "{";
        for (std::size_t i = 0; i < f.sources.size(); ++i) {
            if (i > 0)
                ids += ',';
            ids += std::to_string(f.sources[i]);
        }
        sql += " AND c.source_id = ANY(" + p.add(ids + "}") + "::bigint[])";
    }
    if (f.status)
        sql += " AND c.status = " + p.add(*f.status);
    if (!f.tags.empty())
        sql += " AND EXISTS (SELECT 1 FROM conversation_tags t WHERE t.conversation_id = c.id"
               " AND t.tag IN (SELECT json_array_elements_text(" + p.add(nlohmann::json(f.tags).dump()) + "::json)))";
    return sql;
}

std::string periodCondition(const ExportFilter& f, const std::string& column, Parameters& p)
{
    std::string sql;
    if (f.since)
        sql += " AND " + column + " >= " + p.add(*f.since);
    if (f.until)
        sql += " AND " + column + " < " + p.add(*f.until);
    return sql;
}

// " FROM … WHERE …" of the kind's rows. The rows and count() both read it, so a count is
// always of the rows the matching each…() passes on.
std::string rowSource(const ExportFilter& f, Parameters& p)
{
    switch (f.kind) {
    case ExportKind::Conversations:
        return " FROM conversations c JOIN sources s ON s.id = c.source_id LEFT JOIN authors a ON a.id = c.customer_id"
               " LEFT JOIN response_cycles r ON r.conversation_id = c.id AND r.cycle = 1"
               " WHERE true" + conversationConditions(f, p) + periodCondition(f, "c.created_at", p);
    case ExportKind::Cycles:
        return " FROM response_cycles r JOIN conversations c ON c.id = r.conversation_id WHERE c.status <> 'spam'" +
               conversationConditions(f, p) + periodCondition(f, "r.started_at", p);
    case ExportKind::Mentions:
        return " FROM mentions m JOIN conversations c ON c.id = m.conversation_id JOIN sources s ON s.id = m.source_id"
               " LEFT JOIN authors a ON a.id = m.author_id WHERE true" +
               conversationConditions(f, p) + periodCondition(f, "m.ingested_at", p);
    case ExportKind::Events: {
        // Events of no conversation stay in unless a filter asks about conversations.
        const bool filtered = !f.sources.empty() || f.status || !f.tags.empty();
        return " FROM events e" + std::string(filtered ? " JOIN conversations c ON c.id = e.conversation_id" : "") +
               " WHERE true" + (filtered ? conversationConditions(f, p) : "") + periodCondition(f, "e.at", p);
    }
    }
    return " FROM (SELECT 1) nothing WHERE false";
}

// One kind's query: its columns, and the key its rows are ordered and paged by (the first
// columns of each row).
struct Paged {
    std::string columns;
    std::vector<std::string> key;
};

// Passes on every row of `kind`'s query, page by page: each page starts after the last key
// of the one before, so a row is read once however many pages there are. A failure from the
// sink stops the reading and is returned.
template <class Row, class Read, class Sink>
Status stream(Connection& db, const Paged& kind, const ExportFilter& f, Read read, const Sink& sink)
{
    Parameters p;
    std::string sql = "SELECT " + kind.columns + rowSource(f, p);
    std::string keyColumns, keyParams;
    for (std::size_t i = 0; i < kind.key.size(); ++i) {
        keyColumns += (i ? ", " : "") + kind.key[i];
        // bigint whatever the column: the first page starts below every key.
        keyParams += (i ? ", $" : "$") + std::to_string(p.all().size() + i + 1) + "::bigint";
    }
    sql += kind.key.size() == 1 ? " AND " + keyColumns + " > " + keyParams
                                : " AND (" + keyColumns + ") > (" + keyParams + ")";
    sql += " ORDER BY " + keyColumns + " LIMIT " + std::to_string(kPageRows);

    auto pages = [&]() -> Status {
        std::vector<std::int64_t> after(kind.key.size(), std::numeric_limits<std::int64_t>::min());
        Row out;
        for (;;) {
            Params params = p.all();
            for (std::int64_t value : after)
                params.emplace_back(value);
            auto rows = db.query(sql, params);
            if (!rows)
                return rows.error();
            for (int r = 0; r < rows->size(); ++r) {
                read(*rows, r, out);
                if (auto taken = sink(out); !taken)
                    return taken;
            }
            if (rows->size() < kPageRows)
                return Ok{};
            for (std::size_t k = 0; k < after.size(); ++k)
                after[k] = rows->integer(rows->size() - 1, int(k));
        }
    };
    if (db.inTransaction())
        return pages();
    // SQLite reads the whole export in one statement, so from one snapshot; here every page
    // reads the snapshot the first one took.
    return db.transaction([&]() -> Status {
        if (auto isolated = db.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"); !isolated)
            return isolated;
        return pages();
    });
}

// The first-cycle or cycle columns from column `at` on: started, first response, responder,
// resolved, resolver.
void readCycle(const Rows& rows, int r, int at, ExportCycle& out)
{
    out.startedAt = rows.optionalInteger(r, at);
    out.firstResponseAt = rows.optionalInteger(r, at + 1);
    out.firstResponder = rows.text(r, at + 2);
    out.resolvedAt = rows.optionalInteger(r, at + 3);
    out.resolver = rows.text(r, at + 4);
}

}  // namespace

Result<std::int64_t> PgExportStore::count(const ExportFilter& filter)
{
    Parameters p;
    const std::string sql = "SELECT count(*)" + rowSource(filter, p);
    auto rows = m_db.query(sql, p.all());
    if (!rows)
        return rows.error();
    return rows->empty() ? 0 : rows->integer(0, 0);
}

Status PgExportStore::eachConversation(const ExportFilter& filter, const ConversationRow& sink)
{
    // Tags in byte order, as SQLite's BINARY collation sorts them, whatever the server's locale.
    const Paged kind{
        "c.id, c.source_id, s.name, c.status, c.priority, coalesce(c.assignee, ''),"
        " coalesce((SELECT string_agg(t.tag, ',' ORDER BY t.tag COLLATE \"C\") FROM conversation_tags t"
        "  WHERE t.conversation_id = c.id), ''),"
        " coalesce(a.handle, ''), coalesce(a.display_name, ''), c.message_count,"
        " (SELECT count(*) FROM response_cycles k WHERE k.conversation_id = c.id), c.created_at, c.resolved_at,"
        " r.started_at, r.first_response_at, coalesce(r.first_responder, ''), r.resolved_at, coalesce(r.resolver, '')",
        {"c.id"}};
    return stream<ConversationExportRow>(m_db, kind, filter, [](const Rows& rows, int r, ConversationExportRow& c) {
        c.id = rows.integer(r, 0);
        c.sourceId = rows.integer(r, 1);
        c.source = rows.text(r, 2);
        c.status = rows.text(r, 3);
        c.priority = rows.integer(r, 4);
        c.assignee = rows.text(r, 5);
        c.tags = rows.text(r, 6);
        c.customerHandle = rows.text(r, 7);
        c.customerName = rows.text(r, 8);
        c.messageCount = rows.integer(r, 9);
        c.cycles = rows.integer(r, 10);
        c.createdAt = rows.integer(r, 11);
        c.lastResolvedAt = rows.optionalInteger(r, 12);
        readCycle(rows, r, 13, c.firstCycle);
    }, sink);
}

Status PgExportStore::eachCycle(const ExportFilter& filter, const CycleRowSink& sink)
{
    const Paged kind{
        "r.conversation_id, r.cycle, c.source_id, c.priority, r.started_published,"
        " r.started_at, r.first_response_at, coalesce(r.first_responder, ''), r.resolved_at, coalesce(r.resolver, '')",
        {"r.conversation_id", "r.cycle"}};
    return stream<CycleExportRow>(m_db, kind, filter, [](const Rows& rows, int r, CycleExportRow& c) {
        c.conversation = rows.integer(r, 0);
        c.cycle = rows.integer(r, 1);
        c.sourceId = rows.integer(r, 2);
        c.priority = rows.integer(r, 3);
        c.startedPublished = rows.optionalInteger(r, 4);
        readCycle(rows, r, 5, c.timing);
    }, sink);
}

Status PgExportStore::eachMention(const ExportFilter& filter, const MentionRow& sink)
{
    const Paged kind{
        "m.id, m.conversation_id, m.source_id, s.name, m.external_id, coalesce(a.platform, ''),"
        " coalesce(a.handle, ''), coalesce(a.display_name, ''), m.published_at, m.ingested_at, m.title, m.body,"
        " m.link",
        {"m.id"}};
    return stream<MentionExportRow>(m_db, kind, filter, [](const Rows& rows, int r, MentionExportRow& m) {
        m.id = rows.integer(r, 0);
        m.conversation = rows.integer(r, 1);
        m.sourceId = rows.integer(r, 2);
        m.source = rows.text(r, 3);
        m.externalId = rows.text(r, 4);
        m.platform = rows.text(r, 5);
        m.authorHandle = rows.text(r, 6);
        m.authorName = rows.text(r, 7);
        m.publishedAt = rows.optionalInteger(r, 8);
        m.ingestedAt = rows.integer(r, 9);
        m.title = rows.text(r, 10);
        m.body = rows.text(r, 11);
        m.link = rows.text(r, 12);
    }, sink);
}

Status PgExportStore::eachEvent(const ExportFilter& filter, const EventRow& sink)
{
    const Paged kind{"e.id, e.at, e.actor, e.kind, e.conversation_id, e.source_id, e.from_value, e.to_value, e.detail",
                     {"e.id"}};
    return stream<EventExportRow>(m_db, kind, filter, [](const Rows& rows, int r, EventExportRow& e) {
        e.id = rows.integer(r, 0);
        e.at = rows.integer(r, 1);
        e.actor = rows.text(r, 2);
        e.kind = rows.text(r, 3);
        e.conversation = rows.optionalInteger(r, 4);
        e.source = rows.optionalInteger(r, 5);
        e.from = rows.optionalText(r, 6);
        e.to = rows.optionalText(r, 7);
        e.detail = rows.optionalText(r, 8);
    }, sink);
}

}  // namespace earshot::store::postgres
