#include <algorithm>
#include <ctime>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "Command.h"
#include "Table.h"
#include "earshot/connectors/Connector.h"
#include "earshot/connectors/PlatformSource.h"
#include "earshot/core/Files.h"
#include "earshot/core/Opml.h"
#include "earshot/core/Text.h"
#include "earshot/domain/Vocabulary.h"
#include "earshot/sources/OpmlImport.h"
#include "earshot/sources/SourceChanges.h"
#include "earshot/sources/SourceRules.h"
#include "earshot/store/SourceStore.h"

namespace earshot::cli {

namespace {

// The usage text; the kinds, their options and the secrets' variables are what the
// connectors say about themselves, so a new platform shows up here by itself.
std::string helpText()
{
    std::ostringstream out;
    out << "usage: earshot-cli sources add URL [--name NAME] [--interval SECONDS] [--include WORDS] [--exclude WORDS]\n"
           "                                   [--priority low|normal|high|urgent]\n"
           "       earshot-cli sources add --kind KIND [what the kind needs, below] [--api URL] [the same options]\n"
           "       earshot-cli sources edit ID|URL|NAME [the same options] [--enable | --disable]\n"
           "       earshot-cli sources list [--json]\n"
           "       earshot-cli sources remove ID|URL|NAME\n"
           "       earshot-cli sources import-opml FILE\n"
           "       earshot-cli sources export-opml [-o FILE]\n"
           "\n"
           "URL is http(s)://, file://, a path to a local feed file, or a host with a path\n"
           "(forum.example/feed.xml), which is read as https://.\n"
           "WORDS is a comma-separated list; matching ignores case and accents. An item is kept when it\n"
           "contains any --include word (or there are none) and no --exclude word.\n"
        << "The interval defaults to " << sources::kDefaultPollIntervalSeconds << " seconds (minimum "
        << sources::kMinimumPollIntervalSeconds
        << "). --priority is what the source's new\n"
           "conversations start with (default normal); the console notifies agents of high and urgent ones.\n"
           "edit changes only the options given; an empty WORDS (--include '') clears the list.\n"
           "\n"
           "Kinds other than feed listen to a platform:\n";
    for (const connectors::Connector* connector : connectors::allConnectors()) {
        const connectors::KindInfo& info = connector->kindInfo();
        std::string line = "  " + std::string(info.kind);
        line.resize(std::max<std::size_t>(line.size() + 1, 24), ' ');
        std::string options;
        for (const connectors::FieldInfo& field : info.fields) {
            const std::string option = "--" + std::string(field.name) + " " + std::string(field.metavar);
            options += (options.empty() ? "" : " ") + (field.required ? option : "[" + option + "]");
        }
        line += options;
        if (!info.needsSecret.empty()) {
            line.resize(std::max<std::size_t>(line.size() + 3, 54), ' ');
            line += "(" + std::string(info.needsSecret) + ")";
        }
        out << line << '\n';
    }
    out << "--api points a kind at another address of the same API (a mirror, a test server).\n"
           "Credentials never go into the database: the command line reads them from the environment\n"
           "when it polls and replies:\n";
    std::vector<std::string_view> platforms;
    for (const connectors::Connector* connector : connectors::allConnectors()) {
        const connectors::PlatformInfo& platform = connector->platformInfo();
        if (!platform.secret || std::find(platforms.begin(), platforms.end(), platform.name) != platforms.end())
            continue;
        platforms.push_back(platform.name);
        const connectors::SecretInfo& secret = *platform.secret;
        out << "  " << secret.variable << "\n      " << platform.title << ": " << secret.what;
        if (secret.boundToHost)
            out << ";\n      only for sources on the host in " << secret.hostVariable
                << (secret.defaultHost.empty() ? "" : " (default " + std::string(secret.defaultHost) + ")");
        out << '\n';
    }
    return out.str();
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
            {"priority", domain::priorityName(domain::priorityFromInt(s.defaultPriority))},
            {"include", s.includeWords},
            {"exclude", s.excludeWords},
            {"state", s.displayState()},
            {"error_count", s.errorCount},
            {"last_error", s.lastError.empty() ? nlohmann::json() : nlohmann::json(s.lastError)},
            {"last_poll_at", optionalTime(s.lastPollAt)},
            {"last_success_at", optionalTime(s.lastSuccessAt)},
            {"next_poll_at", s.enabled ? nlohmann::json(core::formatUtc(s.nextPollAt)) : nlohmann::json()}};
}

Result<std::vector<store::Source>> listSources(Context& context)
{
    auto workspace = context.workspace();
    if (!workspace)
        return workspace.error();
    auto reader = (*workspace)->reader();
    if (!reader)
        return reader.error();
    return (*reader)->sources().list();
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
            source.includeWords = core::splitWords(*include);
        if (exclude)
            source.excludeWords = core::splitWords(*exclude);
        if (interval) {
            auto seconds = parseInteger(*interval, "--interval", sources::kMinimumPollIntervalSeconds,
                                        sources::kMaximumPollIntervalSeconds);
            if (!seconds)
                return seconds.error();
            source.intervalSeconds = int(*seconds);
        }
        if (priority) {
            auto parsed = domain::parsePriority(*priority);
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
    connectors::PlatformSourceSpec spec{.kind = kind};
    for (const connectors::FieldInfo& field : connectors::allFields())
        if (auto given = args.value("--" + std::string(field.name)))
            spec.set(field.name, std::move(*given));
    spec.api = args.value("--api").value_or("");
    const SourceOptions options = SourceOptions::read(args);
    const bool feed = kind == "feed";
    if (auto ok = args.finish(feed ? 1 : 0, feed ? 1 : 0); !ok)
        return reportError(ok.message() + (feed ? "" : " (a " + kind + " source takes no URL)"), kExitUsage);
    store::Source source;
    if (feed) {
        auto url = sources::normaliseFeedAddress(args.positionals().front());
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
    auto workspace = context.workspace();
    if (!workspace)
        return reportError(workspace.message());
    std::int64_t id = 0;
    const Status added = (*workspace)->writer().run([&](store::Session& session) -> Status {
        auto stored = sources::addSource(session, source, domain::kCommandLineActor);
        if (!stored)
            return stored.error();
        id = *stored;
        return Ok{};
    });
    if (!added)
        return reportError(added.message());
    std::cout << "added source " << id << ": " << source.url << '\n';
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
        table.add({std::to_string(s.id), s.name,
                   s.enabled ? s.displayState() : std::string(domain::sourceStateName(domain::SourceState::Disabled)),
                   std::to_string(s.errorCount),
                   describeNextPoll(s, now), s.url, s.lastError});
    table.print(std::cout);
    return kExitOk;
}

// Finds the source the one positional argument names (id, URL or name) and changes it in
// one writer job; `work` returns the message to print, or an error.
int withNamedSource(Context& context, Args& args,
                    const std::function<Result<std::string>(store::Session&, store::Source&)>& work)
{
    auto workspace = context.workspace();
    if (!workspace)
        return reportError(workspace.message());
    std::string said;
    const Status done = (*workspace)->writer().run([&](store::Session& session) -> Status {
        auto source = session.sources().find(args.positionals().front());
        if (!source)
            return source.error();
        auto message = work(session, *source);
        if (!message)
            return message.error();
        said = std::move(*message);
        return Ok{};
    });
    if (!done)
        return reportError(done.message());
    std::cout << said;
    return kExitOk;
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
    store::Source probe;   // a wrong option is a usage error, found before anything is read
    if (auto applied = options.applyTo(probe); !applied)
        return reportError(applied.message(), kExitUsage);
    return withNamedSource(context, args, [&](store::Session& session, store::Source& source) -> Result<std::string> {
        (void)options.applyTo(source);   // checked above
        if (enable || disable)
            source.enabled = enable;
        if (auto updated = session.sources().update(source); !updated)
            return updated.error();
        std::ostringstream out;
        out << "updated source " << source.id << ": " << source.name << " (every " << source.intervalSeconds
            << " s, new conversations " << domain::priorityName(domain::priorityFromInt(source.defaultPriority))
            << (source.enabled ? "" : ", off") << ")\n";
        return out.str();
    });
}

int remove(Context& context, Args& args)
{
    if (auto ok = args.finish(1, 1); !ok)
        return reportError(ok.message(), kExitUsage);
    return withNamedSource(context, args, [](store::Session& session, store::Source& source) -> Result<std::string> {
        if (auto removed = sources::removeSource(session, source.id, domain::kCommandLineActor); !removed)
            return removed.error();
        return "removed source " + std::to_string(source.id) + " (" + source.url +
               "); its mentions stay in the inbox and the history\n";
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
    auto workspace = context.workspace();
    if (!workspace)
        return reportError(workspace.message());
    Result<sources::OpmlImportReport> report = fail("not run");
    const Status done = (*workspace)->writer().run([&](store::Session& session) -> Status {
        report = sources::importOpml(*text, session, domain::kCommandLineActor);
        return Ok{};
    });
    if (!done)
        return reportError(done.message());
    if (!report)
        return reportError(path + ": " + report.message());
    for (const sources::OpmlSkipped& skipped : report->skipped)
        std::cerr << "skipped " << skipped.url << ": "
                  << (skipped.alreadyASource ? "a source with URL " + skipped.url + " already exists" : skipped.reason)
                  << '\n';
    std::cout << "imported " << report->added << " source(s) from " << path;
    if (!report->skipped.empty())
        std::cout << ", skipped " << report->skipped.size();
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
    return {"sources", "add, edit, list, remove, import and export sources", helpText(), [](Context& context, Args& args) {
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
