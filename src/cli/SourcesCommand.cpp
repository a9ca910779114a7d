#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "Command.h"
#include "Table.h"
#include "earshot/connectors/PlatformSource.h"
#include "earshot/core/Files.h"
#include "earshot/core/Opml.h"
#include "earshot/core/Text.h"
#include "earshot/inbox/Vocabulary.h"
#include "store/sqlite/Schema.h"
#include "earshot/store/Sources.h"

namespace earshot::cli {

namespace {

constexpr const char* kHelp =
    "usage: earshot-cli sources add URL [--name NAME] [--interval SECONDS] [--include WORDS] [--exclude WORDS]\n"
    "                                   [--priority low|normal|high|urgent]\n"
    "       earshot-cli sources add --kind KIND [what the kind needs, below] [--api URL] [the same options]\n"
    "       earshot-cli sources edit ID|URL|NAME [the same options] [--enable | --disable]\n"
    "       earshot-cli sources list [--json]\n"
    "       earshot-cli sources remove ID|URL|NAME\n"
    "       earshot-cli sources import-opml FILE\n"
    "       earshot-cli sources export-opml [-o FILE]\n"
    "\n"
    "URL is http(s)://, file://, or a path to a local feed file.\n"
    "WORDS is a comma-separated list; matching ignores case and accents. An item is kept when it\n"
    "contains any --include word (or there are none) and no --exclude word.\n"
    "The interval defaults to 300 seconds (minimum 30). --priority is what the source's new\n"
    "conversations start with (default normal); the console notifies agents of high and urgent ones.\n"
    "edit changes only the options given; an empty WORDS (--include '') clears the list.\n"
    "\n"
    "Kinds other than feed listen to a platform:\n"
    "  mastodon-tag          --instance URL --tag NAME\n"
    "  mastodon-account      --instance URL --actor NAME\n"
    "  mastodon-search       --instance URL --query TEXT   (needs a token)\n"
    "  mastodon-mentions     --instance URL                (needs a token)\n"
    "  bluesky-author        --actor HANDLE\n"
    "  bluesky-search        --query TEXT --actor YOUR-HANDLE   (needs an app password)\n"
    "  discourse-latest      --instance FORUM-URL\n"
    "  discourse-search      --instance FORUM-URL --query TEXT\n"
    "  hn-search             --query TEXT\n"
    "  stackexchange-search  --site NAME --query TEXT\n"
    "--api points a kind at another address of the same API (a mirror, a test server).\n"
    "Credentials never go into the database: the command line reads them from the environment\n"
    "(EARSHOT_MASTODON_TOKEN, EARSHOT_BLUESKY_APP_PASSWORD, EARSHOT_DISCOURSE_API_KEY,\n"
    "EARSHOT_STACKEXCHANGE_KEY) when it polls and replies.\n";

// Accepts http(s) and file URLs, and turns a local path into a file:// URL.
Result<std::string> normaliseUrl(const std::string& text)
{
    if (text.rfind("http://", 0) == 0 || text.rfind("https://", 0) == 0 || text.rfind("file://", 0) == 0)
        return text;
    if (text.find("://") != std::string::npos)
        return fail("unsupported URL scheme in '" + text + "' (use http, https or file)");
    std::error_code error;
    const auto path = std::filesystem::absolute(text, error);
    if (error || !std::filesystem::is_regular_file(path))
        return fail("'" + text + "' is neither a URL nor a readable file");
    return "file://" + path.string();
}

std::string describeNextPoll(const store::Source& s, std::int64_t now)
{
    if (!s.enabled)
        return "-";
    if (s.nextPollAt <= now)
        return "due";
    const std::int64_t wait = s.nextPollAt - now;
    std::ostringstream out;
    if (wait >= 3600)
        out << "in " << wait / 3600 << "h" << std::setw(2) << std::setfill('0') << (wait % 3600) / 60 << "m";
    else if (wait >= 60)
        out << "in " << wait / 60 << "m" << std::setw(2) << std::setfill('0') << wait % 60 << "s";
    else
        out << "in " << wait << "s";
    return out.str();
}

nlohmann::json sourceToJson(const store::Source& s)
{
    auto optionalTime = [](const std::optional<std::int64_t>& t) -> nlohmann::json {
        return t ? nlohmann::json(core::formatUtc(*t)) : nlohmann::json();
    };
    return {{"id", s.id},
            {"kind", s.kind},
            {"name", s.name},
            {"url", s.url},
            {"enabled", s.enabled},
            {"interval_seconds", s.intervalSeconds},
            {"priority", inbox::priorityName(inbox::priorityFromInt(s.defaultPriority))},
            {"include", s.includeWords},
            {"exclude", s.excludeWords},
            {"state", s.displayState()},
            {"error_count", s.errorCount},
            {"last_error", s.lastError.empty() ? nlohmann::json() : nlohmann::json(s.lastError)},
            {"last_poll_at", optionalTime(s.lastPollAt)},
            {"last_success_at", optionalTime(s.lastSuccessAt)},
            {"next_poll_at", s.enabled ? nlohmann::json(core::formatUtc(s.nextPollAt)) : nlohmann::json()}};
}

Result<std::vector<store::Source>> listSources(const Context& context)
{
    auto db = store::openWorkspace(context.databasePath);
    if (!db)
        return db.error();
    return store::SourceRepository(*db).list();
}

// The options add and edit share, read before Args::finish. Only what is given changes `source`.
struct SourceOptions {
    std::optional<std::string> name, interval, include, exclude, priority;

    static SourceOptions read(Args& args)
    {
        return {args.value("--name"), args.value("--interval"), args.value("--include"), args.value("--exclude"),
                args.value("--priority")};
    }

    Status applyTo(store::Source& source) const
    {
        if (name)
            source.name = *name;
        if (include)
            source.includeWords = store::splitWords(*include);
        if (exclude)
            source.excludeWords = store::splitWords(*exclude);
        if (interval) {
            auto seconds = parseInteger(*interval, "--interval", 30, 7 * 24 * 3600);
            if (!seconds)
                return seconds.error();
            source.intervalSeconds = int(*seconds);
        }
        if (priority) {
            auto parsed = inbox::parsePriority(*priority);
            if (!parsed)
                return fail("--priority is low, normal, high or urgent, not '" + *priority + "'");
            source.defaultPriority = int(*parsed);
        }
        return Ok{};
    }
};

int add(Context& context, Args& args)
{
    const std::string kind = args.value("--kind").value_or("feed");
    connectors::PlatformSourceSpec spec{.kind = kind,
                                        .instance = args.value("--instance").value_or(""),
                                        .tag = args.value("--tag").value_or(""),
                                        .actor = args.value("--actor").value_or(""),
                                        .query = args.value("--query").value_or(""),
                                        .site = args.value("--site").value_or(""),
                                        .api = args.value("--api").value_or("")};
    const SourceOptions options = SourceOptions::read(args);
    const bool feed = kind == "feed";
    if (auto ok = args.finish(feed ? 1 : 0, feed ? 1 : 0); !ok)
        return reportError(ok.message() + (feed ? "" : " (a " + kind + " source takes no URL)"), kExitUsage);
    store::Source source;
    if (feed) {
        auto url = normaliseUrl(args.positionals().front());
        if (!url)
            return reportError(url.message(), kExitUsage);
        source.url = *url;
    } else {
        auto made = connectors::makePlatformSource(spec);
        if (!made)
            return reportError(made.message(), kExitUsage);
        source = std::move(*made);
    }
    if (auto applied = options.applyTo(source); !applied)
        return reportError(applied.message(), kExitUsage);
    auto db = store::openWorkspace(context.databasePath);
    if (!db)
        return reportError(db.message());
    auto id = store::SourceRepository(*db).add(source);
    if (!id)
        return reportError(id.message());
    std::cout << "added source " << *id << ": " << source.url << '\n';
    return kExitOk;
}

int list(Context& context, Args& args)
{
    const bool json = args.flag("--json");
    if (auto ok = args.finish(0, 0); !ok)
        return reportError(ok.message(), kExitUsage);
    auto sources = listSources(context);
    if (!sources)
        return reportError(sources.message());
    if (json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& s : *sources)
            out.push_back(sourceToJson(s));
        std::cout << out.dump(2) << '\n';
        return kExitOk;
    }
    if (sources->empty()) {
        std::cout << "no sources yet; add one with 'earshot-cli sources add URL'\n";
        return kExitOk;
    }
    const auto now = std::int64_t(std::time(nullptr));
    Table table({"ID", "NAME", "STATE", "ERRORS", "NEXT POLL", "URL", "LAST ERROR"});
    for (const auto& s : *sources)
        table.add({std::to_string(s.id), s.name, s.enabled ? s.displayState() : "disabled", std::to_string(s.errorCount),
                   describeNextPoll(s, now), s.url, s.lastError});
    table.print(std::cout);
    return kExitOk;
}

// Opens the workspace and finds the source the one positional argument names (id, URL or name).
int withNamedSource(Context& context, Args& args,
                    const std::function<int(store::SourceRepository&, store::Source&)>& work)
{
    auto db = store::openWorkspace(context.databasePath);
    if (!db)
        return reportError(db.message());
    store::SourceRepository sources(*db);
    auto source = sources.find(args.positionals().front());
    if (!source)
        return reportError(source.message());
    return work(sources, *source);
}

int edit(Context& context, Args& args)
{
    const SourceOptions options = SourceOptions::read(args);
    const bool enable = args.flag("--enable");
    const bool disable = args.flag("--disable");
    if (auto ok = args.finish(1, 1); !ok)
        return reportError(ok.message(), kExitUsage);
    if (enable && disable)
        return reportError("--enable or --disable, not both", kExitUsage);
    return withNamedSource(context, args, [&](store::SourceRepository& sources, store::Source& source) {
        if (auto applied = options.applyTo(source); !applied)
            return reportError(applied.message(), kExitUsage);
        if (enable || disable)
            source.enabled = enable;
        if (auto updated = sources.update(source); !updated)
            return reportError(updated.message());
        std::cout << "updated source " << source.id << ": " << source.name << " (every " << source.intervalSeconds
                  << " s, new conversations " << inbox::priorityName(inbox::priorityFromInt(source.defaultPriority))
                  << (source.enabled ? "" : ", off") << ")\n";
        return int(kExitOk);
    });
}

int remove(Context& context, Args& args)
{
    if (auto ok = args.finish(1, 1); !ok)
        return reportError(ok.message(), kExitUsage);
    return withNamedSource(context, args, [](store::SourceRepository& sources, store::Source& source) {
        if (auto removed = sources.remove(source.id); !removed)
            return reportError(removed.message());
        std::cout << "removed source " << source.id << " (" << source.url
                  << "); its mentions stay in the inbox and the history\n";
        return int(kExitOk);
    });
}

int importOpml(Context& context, Args& args)
{
    if (auto ok = args.finish(1, 1); !ok)
        return reportError(ok.message(), kExitUsage);
    const std::string path = args.positionals().front();
    auto text = core::readFile(path);
    if (!text)
        return reportError(text.message());
    auto outlines = core::parseOpml(*text);
    if (!outlines)
        return reportError(path + ": " + outlines.message());
    auto db = store::openWorkspace(context.databasePath);
    if (!db)
        return reportError(db.message());
    store::SourceRepository sources(*db);
    int added = 0, skipped = 0;
    for (const auto& outline : *outlines) {
        store::Source source;
        source.name = outline.title;
        source.url = outline.xmlUrl;
        if (auto id = sources.add(source); id) {
            ++added;
        } else {
            ++skipped;
            std::cerr << "skipped " << outline.xmlUrl << ": " << id.message() << '\n';
        }
    }
    std::cout << "imported " << added << " source(s) from " << path;
    if (skipped)
        std::cout << ", skipped " << skipped;
    std::cout << '\n';
    return kExitOk;
}

int exportOpml(Context& context, Args& args)
{
    const auto output = args.value("-o");
    if (auto ok = args.finish(0, 0); !ok)
        return reportError(ok.message(), kExitUsage);
    auto sources = listSources(context);
    if (!sources)
        return reportError(sources.message());
    std::vector<core::OpmlOutline> outlines;
    for (const auto& s : *sources)
        outlines.push_back({s.name, s.url, ""});
    const std::string opml = core::writeOpml("Earshot sources", outlines);
    if (!output) {
        std::cout << opml;
        return kExitOk;
    }
    std::ofstream out(*output, std::ios::binary);
    if (!(out << opml))
        return reportError("cannot write " + *output);
    return kExitOk;
}

}  // namespace

Command sourcesCommand()
{
    return {"sources", "add, edit, list, remove, import and export sources", kHelp, [](Context& context, Args& args) {
                const std::string sub = args.subcommand();
                if (sub == "add")
                    return add(context, args);
                if (sub == "list")
                    return list(context, args);
                if (sub == "edit")
                    return edit(context, args);
                if (sub == "remove")
                    return remove(context, args);
                if (sub == "import-opml")
                    return importOpml(context, args);
                if (sub == "export-opml")
                    return exportOpml(context, args);
                if (sub.empty())
                    return reportError("which sources command? add, edit, list, remove, import-opml or export-opml",
                                       kExitUsage);
                return reportError("unknown sources command '" + sub + "' (see earshot-cli sources --help)",
                                   kExitUsage);
            }};
}

}  // namespace earshot::cli
