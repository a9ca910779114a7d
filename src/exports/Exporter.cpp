#include "earshot/exports/Exporter.h"

#include <fstream>
#include <variant>

#include "earshot/core/Files.h"
#include "earshot/core/Text.h"
#include "earshot/exports/CsvWriter.h"
#include "earshot/exports/ExportStream.h"
#include "earshot/exports/JsonLinesWriter.h"
#include "earshot/exports/Pseudonymiser.h"
#include "earshot/domain/Vocabulary.h"
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

store::ExportFilter filterOf(const ExportOptions& o)
{
    store::ExportFilter filter{.kind = o.kind, .sources = o.sources, .status = o.status, .tags = o.tags};
    if (o.since != metrics::kNoTime)
        filter.since = o.since;
    if (o.until != metrics::kNoTime)
        filter.until = o.until;
    return filter;
}

// A reading session once the response cycles are up to date, so the cycle columns are current.
Result<std::unique_ptr<store::Session>> refreshedSession(store::Workspace& workspace)
{
    if (auto refreshed = metrics::refreshResponseCycles(workspace.writer()); !refreshed)
        return refreshed.error();
    return workspace.reader();
}

class Export {
public:
    Export(store::ExportStore& store, std::ostream& out, const ExportOptions& options,
           const metrics::TeamCalendar& calendar, const metrics::SlaPolicies& policies)
        : m_store(store), m_filter(filterOf(options)), m_out(out), m_options(options), m_calendar(calendar), m_policies(policies)
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
    // Streams the kind's rows (`each` of the store) through `write` into a sink with these columns.
    template <class Row, class Each, class Write>
    Result<std::int64_t> stream(Each each, std::vector<std::string> columns, Write write)
    {
        RowSink sink(m_out, m_options.format, std::move(columns));
        std::int64_t rows = 0;
        std::vector<Cell> cells;
        auto read = (m_store.*each)(m_filter, [&](const Row& row) -> Status {
            cells.clear();
            write(row, cells);
            sink.row(cells);
            if (++rows % kProgressEvery == 0 && m_options.progress && !m_options.progress(rows))
                return fail("the export was cancelled; the file holds only part of it");
            return Ok{};
        });
        if (!read)
            return read.error();
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
    void cycleCells(const store::ExportCycle& cycle, std::int64_t priority, std::int64_t sourceId,
                    std::vector<Cell>& cells) const
    {
        const auto start = cycle.startedAt;
        const auto responded = cycle.firstResponseAt;
        const auto resolved = cycle.resolvedAt;
        const metrics::SlaTarget* target = m_policies.targetFor(int(priority), sourceId);
        auto spans = [&](std::optional<std::int64_t> end, bool business) -> Cell {
            if (!start || !end)
                return {};
            return business ? m_calendar.businessSeconds(*start, *end) : *end - *start;
        };
        cells.insert(cells.end(), {timeCell(start), timeCell(responded), spans(responded, false), spans(responded, true),
                                   Cell(cycle.firstResponder), timeCell(resolved), spans(resolved, false),
                                   spans(resolved, true), Cell(cycle.resolver)});
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

    static std::string priority(std::int64_t stored)
    {
        return std::string(domain::priorityName(domain::priorityFromInt(stored)));
    }

    Result<std::int64_t> conversations()
    {
        std::vector<std::string> columns = {"conversation_id", "source_id", "source", "status", "priority", "assignee",
                                            "tags", "customer_handle", "customer_name", "message_count", "cycles",
                                            "created_at", "last_resolved_at"};
        for (const std::string& c : cycleColumns())
            columns.push_back(c);  // of the first cycle: a reopen does not change them
        return stream<store::ConversationExportRow>(
            &store::ExportStore::eachConversation, columns,
            [&](const store::ConversationExportRow& c, std::vector<Cell>& cells) {
                cells = {c.id, c.sourceId, c.source, c.status, priority(c.priority), c.assignee, c.tags,
                         person(c.customerHandle), name(c.customerName), c.messageCount, c.cycles,
                         timeCell(c.createdAt), timeCell(c.lastResolvedAt)};
                cycleCells(c.firstCycle, c.priority, c.sourceId, cells);
            });
    }

    Result<std::int64_t> cycles()
    {
        std::vector<std::string> columns = {"conversation_id", "cycle", "source_id", "priority", "started_published_at"};
        for (const std::string& c : cycleColumns())
            columns.push_back(c);
        return stream<store::CycleExportRow>(
            &store::ExportStore::eachCycle, columns, [&](const store::CycleExportRow& c, std::vector<Cell>& cells) {
                cells = {c.conversation, c.cycle, c.sourceId, priority(c.priority), timeCell(c.startedPublished)};
                cycleCells(c.timing, c.priority, c.sourceId, cells);
            });
    }

    Result<std::int64_t> mentions()
    {
        return stream<store::MentionExportRow>(
            &store::ExportStore::eachMention,
            {"mention_id", "conversation_id", "source_id", "source", "external_id", "platform", "author_handle",
             "author_name", "published_at", "ingested_at", "title", "body", "link"},
            [&](const store::MentionExportRow& m, std::vector<Cell>& cells) {
                // A post's address names its author on most platforms: left out when pseudonymised.
                const bool hide = m_pseudonyms.has_value();
                cells = {m.id, m.conversation, m.sourceId, m.source, hide ? Cell() : Cell(m.externalId), m.platform,
                         person(m.authorHandle), name(m.authorName), timeCell(m.publishedAt), timeCell(m.ingestedAt),
                         text(m.title), text(m.body), hide ? Cell() : Cell(m.link)};
            });
    }

    Result<std::int64_t> events()
    {
        return stream<store::EventExportRow>(
            &store::ExportStore::eachEvent,
            {"event_id", "at", "actor", "kind", "conversation_id", "source_id", "from", "to", "detail"},
            [&](const store::EventExportRow& e, std::vector<Cell>& cells) {
                auto optionalText = [&](const std::optional<std::string>& value) -> Cell {
                    return value ? Cell(text(*value)) : Cell();
                };
                cells = {e.id, timeCell(e.at), e.actor, e.kind, numberCell(e.conversation), numberCell(e.source),
                         optionalText(e.from), optionalText(e.to), optionalText(e.detail)};
            });
    }

    store::ExportStore& m_store;
    store::ExportFilter m_filter;
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

Result<std::int64_t> exportRows(store::Workspace& workspace, std::ostream& out, const ExportOptions& options,
                                const metrics::TeamCalendar& calendar, const metrics::SlaPolicies& policies)
{
    auto session = refreshedSession(workspace);
    if (!session)
        return session.error();
    return Export((*session)->exports(), out, options, calendar, policies).run();
}

Result<std::int64_t> countRows(store::Workspace& workspace, const ExportOptions& options)
{
    // The cycles must be those the export would write, which derives them first.
    auto session = refreshedSession(workspace);
    if (!session)
        return session.error();
    return (*session)->exports().count(filterOf(options));
}

Result<std::int64_t> exportToFile(store::Workspace& workspace, const std::filesystem::path& target,
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
        auto rows = exportRows(workspace, file, watched, calendar, policies);
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
