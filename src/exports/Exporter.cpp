#include "earshot/exports/Exporter.h"

#include <fstream>
#include <variant>

#include "earshot/core/Files.h"
#include "earshot/core/Text.h"
#include "earshot/exports/CsvWriter.h"
#include "earshot/exports/ExportStream.h"
#include "earshot/exports/JsonLinesWriter.h"
#include "earshot/exports/Pseudonymiser.h"
#include "earshot/inbox/Vocabulary.h"
#include "earshot/metrics/ResponseCycles.h"

namespace earshot::exports {

namespace {

using Cell = std::variant<std::monostate, std::int64_t, std::string>;
constexpr std::int64_t kProgressEvery = 5000;

// One row shape for both formats: CSV cells in column order, or one JSON object per line.
class RowSink {
public:
    RowSink(std::ostream& out, ExportFormat format, std::vector<std::string> columns)
        : m_format(format), m_columns(std::move(columns))
    {
        if (m_format == ExportFormat::Csv) {
            m_csv.emplace(out);
            for (const std::string& name : m_columns)
                m_csv->cell(name);
            m_csv->endRow();
        } else {
            m_json.emplace(out);
        }
    }

    void row(const std::vector<Cell>& cells)
    {
        if (m_csv) {
            for (const Cell& c : cells) {
                if (const auto* number = std::get_if<std::int64_t>(&c))
                    m_csv->cell(*number);
                else if (const auto* text = std::get_if<std::string>(&c))
                    m_csv->cell(*text);
                else
                    m_csv->cell(std::nullopt);
            }
            m_csv->endRow();
            return;
        }
        nlohmann::json object = nlohmann::json::object();
        for (std::size_t i = 0; i < cells.size() && i < m_columns.size(); ++i) {
            if (const auto* number = std::get_if<std::int64_t>(&cells[i]))
                object[m_columns[i]] = *number;
            else if (const auto* text = std::get_if<std::string>(&cells[i]))
                object[m_columns[i]] = *text;
            else
                object[m_columns[i]] = nullptr;
        }
        m_json->write(object);
    }

    Status finish() { return m_csv ? m_csv->finish() : m_json->finish(); }

private:
    ExportFormat m_format;
    std::vector<std::string> m_columns;
    std::optional<CsvWriter> m_csv;
    std::optional<JsonLinesWriter> m_json;
};

Cell timeCell(std::optional<std::int64_t> at) { return at ? Cell(core::formatUtc(*at)) : Cell(); }
Cell numberCell(std::optional<std::int64_t> n) { return n ? Cell(*n) : Cell(); }

// "met", "breached", "running" or empty (no target), as the report counts them.
std::string slaResult(const metrics::TeamCalendar& calendar, const metrics::SlaTarget* target,
                      std::optional<std::int64_t> metrics::SlaTarget::*field, std::int64_t start,
                      std::optional<std::int64_t> doneAt, std::int64_t now)
{
    if (!target || !(target->*field))
        return {};
    const auto standing =
        metrics::SlaPolicies::standing(calendar, target->businessHours, *(target->*field), start, doneAt, now);
    if (standing.state == metrics::SlaState::Breached)
        return "breached";
    return doneAt ? "met" : "running";
}

// The conditions every kind shares, on the conversation `c`.
std::string conversationConditions(const ExportOptions& o)
{
    std::string sql;
    if (!o.sources.empty()) {
        sql += " AND c.source_id IN (";
        for (std::size_t i = 0; i < o.sources.size(); ++i) {
            if (i > 0)
                sql += ',';
            sql += std::to_string(o.sources[i]);
        }
        sql += ")";
    }
    if (o.status)
        sql += " AND c.status = :status";
    if (!o.tags.empty())
        sql += " AND EXISTS (SELECT 1 FROM conversation_tags t WHERE t.conversation_id = c.id"
               " AND t.tag IN (SELECT value FROM json_each(:tags)))";
    return sql;
}

std::string periodCondition(const ExportOptions& o, const std::string& column)
{
    std::string sql;
    if (o.since != metrics::kNoTime)
        sql += " AND " + column + " >= :since";
    if (o.until != metrics::kNoTime)
        sql += " AND " + column + " < :until";
    return sql;
}

// " FROM … WHERE …" of the kind's rows. The export and countRows() both read it, so a count
// is always of the rows an export with the same options writes.
std::string rowSource(const ExportOptions& o)
{
    switch (o.kind) {
    case ExportKind::Conversations:
        return " FROM conversations c JOIN sources s ON s.id = c.source_id LEFT JOIN authors a ON a.id = c.customer_id"
               " LEFT JOIN response_cycles r ON r.conversation_id = c.id AND r.cycle = 1"
               " WHERE 1" + conversationConditions(o) + periodCondition(o, "c.created_at");
    case ExportKind::Cycles:
        return " FROM response_cycles r JOIN conversations c ON c.id = r.conversation_id WHERE c.status <> 'spam'" +
               conversationConditions(o) + periodCondition(o, "r.started_at");
    case ExportKind::Mentions:
        return " FROM mentions m JOIN conversations c ON c.id = m.conversation_id JOIN sources s ON s.id = m.source_id"
               " LEFT JOIN authors a ON a.id = m.author_id WHERE 1" +
               conversationConditions(o) + periodCondition(o, "m.ingested_at");
    case ExportKind::Events: {
        // Events of no conversation stay in unless a filter asks about conversations.
        const bool filtered = !o.sources.empty() || o.status || !o.tags.empty();
        return " FROM events e" + std::string(filtered ? " JOIN conversations c ON c.id = e.conversation_id" : "") +
               " WHERE 1" + (filtered ? conversationConditions(o) : "") + periodCondition(o, "e.at");
    }
    }
    return " FROM (SELECT 1) WHERE 0";
}

// Prepares SQL built from rowSource() with the options' parameters bound.
Result<store::Statement> prepareFor(store::Database& db, const std::string& sql, const ExportOptions& o)
{
    auto statement = db.prepare(sql);
    if (!statement)
        return statement.error();
    auto bind = [&](const char* name, auto value) {
        if (const int index = statement->parameterIndex(name); index > 0)
            statement->bind(index, value);
    };
    bind(":since", o.since);
    bind(":until", o.until);
    bind(":status", o.status.value_or(""));
    bind(":tags", nlohmann::json(o.tags).dump());
    return statement;
}

class Export {
public:
    Export(store::Database& db, std::ostream& out, const ExportOptions& options, const metrics::TeamCalendar& calendar,
           const metrics::SlaPolicies& policies)
        : m_db(db), m_out(out), m_options(options), m_calendar(calendar), m_policies(policies)
    {
        if (options.pseudonymKey)
            m_pseudonyms.emplace(*options.pseudonymKey);
    }

    Result<std::int64_t> run()
    {
        switch (m_options.kind) {
        case ExportKind::Conversations: return conversations();
        case ExportKind::Cycles: return cycles();
        case ExportKind::Mentions: return mentions();
        case ExportKind::Events: return events();
        }
        return fail("unknown export");
    }

private:
    // Streams the statement's rows through `write` into a sink with these columns.
    template <class Write>
    Result<std::int64_t> stream(const std::string& sql, std::vector<std::string> columns, Write write)
    {
        auto statement = prepareFor(m_db, sql, m_options);
        if (!statement)
            return statement.error();
        RowSink sink(m_out, m_options.format, std::move(columns));
        std::int64_t rows = 0;
        std::vector<Cell> cells;
        for (;;) {
            auto row = statement->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            cells.clear();
            write(*statement, cells);
            sink.row(cells);
            if (++rows % kProgressEvery == 0 && m_options.progress && !m_options.progress(rows))
                return fail("the export was cancelled; the file holds only part of it");
        }
        if (auto done = sink.finish(); !done)
            return done.error();
        if (m_options.progress)
            m_options.progress(rows);
        return rows;
    }

    std::string person(const std::string& handle) const
    {
        return m_pseudonyms ? m_pseudonyms->handlePseudonym(handle) : handle;
    }
    std::string name(const std::string& name) const
    {
        return m_pseudonyms ? m_pseudonyms->pseudonym(Pseudonymiser::kPersonKind, name) : name;
    }
    std::string text(const std::string& text) const { return m_pseudonyms ? m_pseudonyms->scrub(text) : text; }

    // The cycle columns both the conversation and the cycle rows carry.
    void cycleCells(const store::Statement& row, int at, std::int64_t priority, std::int64_t sourceId,
                    std::vector<Cell>& cells) const
    {
        const auto start = row.optionalInteger(at);
        const auto responded = row.optionalInteger(at + 1);
        const auto resolved = row.optionalInteger(at + 3);
        const metrics::SlaTarget* target = m_policies.targetFor(int(priority), sourceId);
        auto spans = [&](std::optional<std::int64_t> end, bool business) -> Cell {
            if (!start || !end)
                return {};
            return business ? m_calendar.businessSeconds(*start, *end) : *end - *start;
        };
        cells.insert(cells.end(), {timeCell(start), timeCell(responded), spans(responded, false), spans(responded, true),
                                   Cell(row.text(at + 2)), timeCell(resolved), spans(resolved, false),
                                   spans(resolved, true), Cell(row.text(at + 4))});
        if (!start) {
            cells.insert(cells.end(), {Cell(), Cell()});
            return;
        }
        cells.emplace_back(slaResult(m_calendar, target, &metrics::SlaTarget::firstResponseSeconds, *start, responded,
                                     m_options.now));
        cells.emplace_back(slaResult(m_calendar, target, &metrics::SlaTarget::resolutionSeconds, *start, resolved,
                                     m_options.now));
    }

    static std::vector<std::string> cycleColumns()
    {
        return {"started_at", "first_response_at", "first_response_s", "first_response_business_s", "first_responder",
                "resolved_at", "resolution_s", "resolution_business_s", "resolver", "sla_first_response",
                "sla_resolution"};
    }

    Result<std::int64_t> conversations()
    {
        std::vector<std::string> columns = {"conversation_id", "source_id", "source", "status", "priority", "assignee",
                                            "tags", "customer_handle", "customer_name", "message_count", "cycles",
                                            "created_at", "last_resolved_at"};
        for (const std::string& c : cycleColumns())
            columns.push_back(c);  // of the first cycle: a reopen does not change them
        const std::string sql =
            "SELECT c.id, c.source_id, s.name, c.status, c.priority, coalesce(c.assignee, ''),"
            " coalesce((SELECT group_concat(tag, ',') FROM (SELECT tag FROM conversation_tags t"
            "  WHERE t.conversation_id = c.id ORDER BY tag)), ''),"
            " coalesce(a.handle, ''), coalesce(a.display_name, ''), c.message_count,"
            " (SELECT count(*) FROM response_cycles k WHERE k.conversation_id = c.id), c.created_at, c.resolved_at,"
            " r.started_at, r.first_response_at, coalesce(r.first_responder, ''), r.resolved_at, coalesce(r.resolver, '')" +
            rowSource(m_options) + " ORDER BY c.id";
        return stream(sql, columns, [&](const store::Statement& row, std::vector<Cell>& cells) {
            cells = {row.integer(0), row.integer(1), row.text(2), row.text(3),
                     std::string(inbox::priorityName(inbox::priorityFromInt(row.integer(4)))), row.text(5), row.text(6),
                     person(row.text(7)), name(row.text(8)), row.integer(9), row.integer(10), timeCell(row.integer(11)),
                     timeCell(row.optionalInteger(12))};
            cycleCells(row, 13, row.integer(4), row.integer(1), cells);
        });
    }

    Result<std::int64_t> cycles()
    {
        std::vector<std::string> columns = {"conversation_id", "cycle", "source_id", "priority", "started_published_at"};
        for (const std::string& c : cycleColumns())
            columns.push_back(c);
        const std::string sql =
            "SELECT r.conversation_id, r.cycle, c.source_id, c.priority, r.started_published,"
            " r.started_at, r.first_response_at, coalesce(r.first_responder, ''), r.resolved_at, coalesce(r.resolver, '')" +
            rowSource(m_options) + " ORDER BY r.conversation_id, r.cycle";
        return stream(sql, columns, [&](const store::Statement& row, std::vector<Cell>& cells) {
            cells = {row.integer(0), row.integer(1), row.integer(2),
                     std::string(inbox::priorityName(inbox::priorityFromInt(row.integer(3)))),
                     timeCell(row.optionalInteger(4))};
            cycleCells(row, 5, row.integer(3), row.integer(2), cells);
        });
    }

    Result<std::int64_t> mentions()
    {
        const std::string sql =
            "SELECT m.id, m.conversation_id, m.source_id, s.name, m.external_id, coalesce(a.platform, ''),"
            " coalesce(a.handle, ''), coalesce(a.display_name, ''), m.published_at, m.ingested_at, m.title, m.body,"
            " m.link" + rowSource(m_options) + " ORDER BY m.id";
        return stream(sql,
                      {"mention_id", "conversation_id", "source_id", "source", "external_id", "platform",
                       "author_handle", "author_name", "published_at", "ingested_at", "title", "body", "link"},
                      [&](const store::Statement& row, std::vector<Cell>& cells) {
                          // A post's address names its author on most platforms: left out when pseudonymised.
                          const bool hide = m_pseudonyms.has_value();
                          cells = {row.integer(0), row.integer(1), row.integer(2), row.text(3),
                                   hide ? Cell() : Cell(row.text(4)), row.text(5), person(row.text(6)),
                                   name(row.text(7)), timeCell(row.optionalInteger(8)), timeCell(row.integer(9)),
                                   text(row.text(10)), text(row.text(11)), hide ? Cell() : Cell(row.text(12))};
                      });
    }

    Result<std::int64_t> events()
    {
        const std::string sql =
            "SELECT e.id, e.at, e.actor, e.kind, e.conversation_id, e.source_id, e.from_value, e.to_value, e.detail" +
            rowSource(m_options) + " ORDER BY e.id";
        return stream(sql,
                      {"event_id", "at", "actor", "kind", "conversation_id", "source_id", "from", "to", "detail"},
                      [&](const store::Statement& row, std::vector<Cell>& cells) {
                          auto optionalText = [&](int column) -> Cell {
                              return row.isNull(column) ? Cell() : Cell(text(row.text(column)));
                          };
                          cells = {row.integer(0), timeCell(row.integer(1)), row.text(2), row.text(3),
                                   numberCell(row.optionalInteger(4)), numberCell(row.optionalInteger(5)),
                                   optionalText(6), optionalText(7), optionalText(8)};
                      });
    }

    store::Database& m_db;
    std::ostream& m_out;
    const ExportOptions& m_options;
    const metrics::TeamCalendar& m_calendar;
    const metrics::SlaPolicies& m_policies;
    std::optional<Pseudonymiser> m_pseudonyms;
};

}  // namespace

std::optional<ExportKind> parseExportKind(std::string_view name)
{
    if (name == "conversations")
        return ExportKind::Conversations;
    if (name == "cycles")
        return ExportKind::Cycles;
    if (name == "mentions")
        return ExportKind::Mentions;
    if (name == "events")
        return ExportKind::Events;
    return std::nullopt;
}

std::string_view exportKindName(ExportKind kind)
{
    switch (kind) {
    case ExportKind::Conversations: return "conversations";
    case ExportKind::Cycles: return "cycles";
    case ExportKind::Mentions: return "mentions";
    case ExportKind::Events: return "events";
    }
    return "conversations";
}

Result<std::int64_t> exportRows(store::Database& db, std::ostream& out, const ExportOptions& options,
                                const metrics::TeamCalendar& calendar, const metrics::SlaPolicies& policies)
{
    if (auto refreshed = metrics::refreshResponseCycles(db); !refreshed)
        return refreshed.error();
    return Export(db, out, options, calendar, policies).run();
}

Result<std::int64_t> countRows(store::Database& db, const ExportOptions& options)
{
    // The cycles must be those the export would write, which derives them first.
    if (auto refreshed = metrics::refreshResponseCycles(db); !refreshed)
        return refreshed.error();
    auto statement = prepareFor(db, "SELECT count(*)" + rowSource(options), options);
    if (!statement)
        return statement.error();
    auto row = statement->step();
    if (!row)
        return row.error();
    return *row ? statement->integer(0) : 0;
}

Result<std::int64_t> exportToFile(store::Database& db, const std::filesystem::path& target,
                                  const ExportOptions& options, const metrics::TeamCalendar& calendar,
                                  const metrics::SlaPolicies& policies)
{
    // A failed or cancelled export leaves no half file, and a file of the same name stays as it was.
    std::int64_t count = 0;
    auto done = core::replaceFile(target, [&](const std::filesystem::path& part) -> Status {
        std::ofstream file(part, std::ios::binary | std::ios::trunc);
        if (!file)
            return fail("cannot write " + part.string() + "; choose a folder you may write to");
        // exportRows() ignores a refusal at its last report; here it must still cancel.
        bool cancelled = false;
        ExportOptions watched = options;
        if (options.progress)
            watched.progress = [&](std::int64_t rows) {
                const bool goOn = options.progress(rows);
                cancelled = cancelled || !goOn;
                return goOn;
            };
        auto rows = exportRows(db, file, watched, calendar, policies);
        file.close();
        if (cancelled)
            return fail("the export was cancelled; " + target.string() + " was not written");
        if (!rows)
            return rows.error();
        if (!file)
            return finishStream(file).error();
        count = *rows;
        return Ok{};
    });
    if (!done)
        return done.error();
    return count;
}

}  // namespace earshot::exports
