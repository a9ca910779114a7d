#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <limits>

#include "Command.h"
#include "TimeArgs.h"
#include "earshot/core/Text.h"
#include "earshot/demo/WorkspaceGenerator.h"

namespace earshot::cli {

namespace {

int generate(Context& context, Args& args)
{
    const auto conversations = args.value("--conversations");
    const auto seed = args.value("--seed");
    const auto days = args.value("--days");
    const auto until = args.value("--until");
    if (auto ok = args.finish(0, 0); !ok)
        return reportError(ok.message(), kExitUsage);
    if (!conversations)
        return reportError("how many? --conversations N is required (see --help)", kExitUsage);

    demo::GeneratorOptions options;
    auto count = parseInteger(*conversations, "--conversations", 1, demo::WorkspaceGenerator::kMaxConversations);
    if (!count)
        return reportError(count.message(), kExitUsage);
    options.conversations = *count;
    if (seed) {
        auto value = parseInteger(*seed, "--seed", 0, std::numeric_limits<long long>::max());
        if (!value)
            return reportError(value.message(), kExitUsage);
        options.seed = std::uint64_t(*value);
    }
    if (days) {
        auto value = parseInteger(*days, "--days", 1, demo::WorkspaceGenerator::kMaxDays);
        if (!value)
            return reportError(value.message(), kExitUsage);
        options.days = int(*value);
    }
    const auto now = std::int64_t(std::time(nullptr));
    options.now = now;
    if (until) {
        auto when = parseSince(*until, now);
        if (!when)
            return reportError("--until: " + when.message(), kExitUsage);
        options.now = *when;
    }

    auto workspace = context.workspace();
    if (!workspace)
        return reportError(workspace.message());
    demo::WorkspaceGenerator generator(**workspace);
    // Small runs finish before anyone would read a progress line.
    if (options.conversations >= 10000) {
        const auto started = std::chrono::steady_clock::now();
        generator.onProgress([started](const demo::GeneratorProgress& progress) {
            const auto seconds =
                std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started).count();
            std::cerr << "generate: " << seconds << " s: ";
            if (progress.phase == "conversations")
                std::cerr << progress.done * 100 / progress.total << "% (" << progress.done << " of " << progress.total
                          << " conversations)" << std::endl;
            else if (progress.phase == "indexing")
                std::cerr << "building indexes and the full-text index…" << std::endl;
            else if (progress.phase == "committing")
                std::cerr << "writing to disk…" << std::endl;
            else
                std::cerr << progress.phase << std::endl;
        });
    }
    auto summary = generator.generate(options);
    if (!summary)
        return reportError(summary.message());
    std::error_code error;
    const auto bytes = context.isFile() ? std::filesystem::file_size(context.location, error) : 0;
    if (!context.isFile())
        error = std::make_error_code(std::errc::not_supported);
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.1f", summary->seconds);
    std::cout << "generated " << summary->conversations << " conversations, " << summary->mentions << " mentions, "
              << summary->replies << " replies, " << summary->events << " events, " << summary->authors
              << " authors, " << summary->sources << " demo sources in " << seconds << " s";
    if (!error) {
        char size[32];
        std::snprintf(size, sizeof size, "%.1f MiB", double(bytes) / (1 << 20));
        std::cout << " (" << context.location << ", " << size << ")";
    }
    std::cout << '\n';
    return kExitOk;
}

}  // namespace

Command generateCommand()
{
    return {"generate", "fill a workspace with a synthetic history, for demos and benchmarks",
            "usage: earshot-cli [--db PATH] generate --conversations N [--seed S] [--days D] [--until WHEN]\n"
            "\n"
            "Writes a realistic synthetic workspace: demo feed sources (disabled, never polled), a webcare\n"
            "team, Dutch and English mentions from many people about the fictional grocery service\n"
            "Verskist, and conversations that were claimed, answered, resolved or reopened, with the\n"
            "event log to match. Everything is written in one transaction.\n"
            "\n"
            "  --conversations N  how many conversations, 1 to 10000000 (a million takes minutes)\n"
            "  --seed S           the same seed and --until give the same workspace (default 1)\n"
            "  --days D           spread over the last D days (default 42)\n"
            "  --until WHEN       the history ends at WHEN instead of now: 2026-11-01, 2026-11-01T08:00:00Z\n"
            "                     or a span back from now such as 7d\n"
            "\n"
            "Other data in the database stays and ids continue after it; a database that already holds\n"
            "a generated workspace is refused. Use a new file, e.g.:\n"
            "  earshot-cli --db /tmp/demo.db generate --conversations 100000\n",
            generate};
}

}  // namespace earshot::cli
