#include <ctime>
#include <iostream>

#include <nlohmann/json.hpp>

#include "Command.h"
#include "Table.h"
#include "TimeArgs.h"
#include "earshot/core/Text.h"
#include "earshot/store/Mentions.h"
#include "earshot/store/Workspace.h"

namespace earshot::cli {

namespace {

nlohmann::json mentionToJson(const store::MentionRow& m)
{
    return {{"id", m.id},
            {"source_id", m.sourceId},
            {"source", m.sourceName},
            {"conversation_id", m.conversationId},
            {"external_id", m.externalId},
            {"author", m.author},
            {"title", m.title},
            {"body", m.body},
            {"link", m.link},
            {"published_at", m.publishedAt ? nlohmann::json(core::formatUtc(*m.publishedAt)) : nlohmann::json()},
            {"ingested_at", core::formatUtc(m.ingestedAt)}};
}

int list(Context& context, Args& args)
{
    store::MentionQuery query;
    const auto since = args.value("--since");
    const auto limit = args.value("--limit");
    query.search = args.value("--search").value_or("");
    const bool json = args.flag("--json");
    if (auto ok = args.finish(0, 0); !ok)
        return reportError(ok.message(), kExitUsage);
    if (since) {
        auto when = parseSince(*since, std::int64_t(std::time(nullptr)));
        if (!when)
            return reportError(when.message(), kExitUsage);
        query.since = *when;
    }
    if (limit) {
        auto count = parseInteger(*limit, "--limit", 1, 1000000);
        if (!count)
            return reportError(count.message(), kExitUsage);
        query.limit = int(*count);
    }
    auto reader = context.reader();
    if (!reader)
        return reportError(reader.message());
    auto rows = (*reader)->mentions().list(query);
    if (!rows)
        return reportError(rows.message());
    if (json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& m : *rows)
            out.push_back(mentionToJson(m));
        std::cout << out.dump(2) << '\n';
        return kExitOk;
    }
    Table table({"ID", "INGESTED", "SOURCE", "AUTHOR", "TEXT"});
    for (const auto& m : *rows)
        table.add({std::to_string(m.id), core::formatUtc(m.ingestedAt), core::truncateUtf8(m.sourceName, 24),
                   core::truncateUtf8(m.author, 20), core::truncateUtf8(m.title.empty() ? m.body : m.title, 70)});
    table.print(std::cout);
    return kExitOk;
}

}  // namespace

Command mentionsCommand()
{
    return {"mentions", "list stored mentions, newest first",
            "usage: earshot-cli mentions list [--since WHEN] [--search QUERY] [--limit N] [--json]\n"
            "\n"
            "  --since WHEN    ingested at or after WHEN: 2026-11-01, 2026-11-01T08:00:00Z, or 24h / 7d / 30m ago\n"
            "  --search QUERY  SQLite full-text query over title and text, e.g. 'refund OR terugbetaling',\n"
            "                  '\"customer service\"', 'deliv*'; accents and case are ignored\n"
            "  --limit N       at most N mentions (default 50)\n"
            "  --json          a JSON array, for scripts\n",
            [](Context& context, Args& args) {
                const std::string sub = args.subcommand();
                if (sub == "list")
                    return list(context, args);
                return reportError(sub.empty() ? "which mentions command? list"
                                               : "unknown mentions command '" + sub + "' (see --help)",
                                   kExitUsage);
            }};
}

}  // namespace earshot::cli
