// `earshot-cli export`: every conversation, cycle, mention or event out, for analysts.
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "Command.h"
#include "SourceArgs.h"
#include "TimeArgs.h"
#include "earshot/exports/Exporter.h"
#include "earshot/exports/PseudonymKey.h"
#include "earshot/inbox/Vocabulary.h"
#include "earshot/metrics/MetricsSettings.h"

namespace earshot::cli {

namespace {

constexpr const char* kHelp =
    "usage: earshot-cli export conversations|cycles|mentions|events [--format csv|jsonl] [--since WHEN]\n"
    "                          [--until WHEN] [--source ID]... [--status S] [--tag TAG]... [--pseudonymise]\n"
    "                          [-o FILE]\n"
    "\n"
    "conversations: one row per conversation with its status, assignee, tags, source, customer,\n"
    "  message count and the first response cycle's timings (timestamps, seconds on the wall clock\n"
    "  and in business hours, SLA result); cycles: one row per response cycle, reopenings included\n"
    "  (the rows 'stats' counts); mentions and events: with their full text.\n"
    "CSV is RFC 4180, UTF-8 with a byte-order mark, and cells a spreadsheet would run as formulas are\n"
    "neutralised; JSON Lines is one object per line. --since and --until pick conversations by\n"
    "creation, cycles by start, mentions by arrival and events by time. --pseudonymise replaces\n"
    "customer handles and names with keyed pseudonyms (the key stays in the workspace, so later\n"
    "exports match) and removes e-mail addresses, phone numbers, IBANs and addresses from text.\n"
    "Without -o the rows go to standard output; with it, the file appears only when complete.\n"
    "WHEN is 2026-11-01, 2026-11-01T08:00:00Z, 30m, 24h or 7d.\n";

int run(Context& context, Args& args)
{
    const std::int64_t now = std::time(nullptr);
    exports::ExportOptions options;
    options.now = now;
    const auto format = args.value("--format");
    const auto since = args.value("--since");
    const auto until = args.value("--until");
    const auto status = args.value("--status");
    auto output = args.value("-o");
    if (!output)
        output = args.value("--output");
    const std::vector<std::string> sources = args.values("--source");
    options.tags = args.values("--tag");
    const bool pseudonymise = args.flag("--pseudonymise") || args.flag("--pseudonymize");
    if (auto ok = args.finish(1, 1); !ok)
        return reportError(ok.message() + " (see 'earshot-cli export --help')", kExitUsage);
    const std::string what = args.positionals().front();
    const auto kind = exports::parseExportKind(what);
    if (!kind)
        return reportError("export conversations, cycles, mentions or events, not '" + what + "'", kExitUsage);
    options.kind = *kind;
    if (format && *format != "csv" && *format != "jsonl")
        return reportError("--format is csv or jsonl, not '" + *format + "'", kExitUsage);
    options.format = format == "jsonl" ? exports::ExportFormat::JsonLines : exports::ExportFormat::Csv;
    auto period = readPeriod(since, until, now);
    if (!period)
        return reportError(period.message(), kExitUsage);
    options.since = period->since;
    options.until = period->until;
    if (status) {
        if (!inbox::parseStatus(*status))
            return reportError("--status is new, open, pending, resolved or spam, not '" + *status + "'", kExitUsage);
        options.status = *status;
    }

    auto workspace = context.workspace();
    if (!workspace)
        return reportError(workspace.message());
    auto session = (*workspace)->reader();
    if (!session)
        return reportError(session.message());
    auto ids = findSourceIds(**session, sources);
    if (!ids)
        return reportError(ids.message(), kExitUsage);
    options.sources = std::move(*ids);
    if (pseudonymise) {
        auto key = exports::pseudonymKey(**workspace);
        if (!key)
            return reportError(key.message());
        options.pseudonymKey = *key;
    }
    auto calendar = metrics::loadCalendar(**session);
    if (!calendar)
        return reportError(calendar.message());
    auto policies = metrics::loadSlaPolicies(**session);
    if (!policies)
        return reportError(policies.message());

    if (!output) {
        auto rows = exports::exportRows(**workspace, std::cout, options, *calendar, *policies);
        return rows ? kExitOk : reportError(rows.message());
    }
    const std::filesystem::path target = *output;
    auto rows = exports::exportToFile(**workspace, target, options, *calendar, *policies);
    if (!rows)
        return reportError(rows.message());
    std::cerr << "exported " << *rows << " " << what << " to " << target.string() << '\n';
    return kExitOk;
}

}  // namespace

Command exportCommand()
{
    return {"export", "conversations, cycles, mentions or events as CSV or JSON Lines", kHelp, run};
}

}  // namespace earshot::cli
