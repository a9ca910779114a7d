#include <csignal>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <thread>

#include <pthread.h>

#include "Command.h"
#include "earshot/engine/Engine.h"

namespace earshot::cli {

namespace {

std::string summaryLine(const engine::SourcePollSummary& s)
{
    std::string line = s.outcome.empty() ? "cancelled" : s.outcome;
    line.resize(std::max<std::size_t>(line.size(), 13), ' ');
    if (s.failed()) {
        line += s.error;
    } else {
        line += std::to_string(s.newMentions) + " new, " + std::to_string(s.duplicates) + " known";
        if (s.filteredOut)
            line += ", " + std::to_string(s.filteredOut) + " filtered out";
    }
    return line + "  [" + std::to_string(s.sourceId) + "] " + s.name;
}

engine::EngineOptions optionsFromEnvironment()
{
    engine::EngineOptions options;
    options.credentials = credentialsFromEnvironment();
    // How soon another listener of the team takes this one's sources over once it stops
    // renewing them (docs/team.md); 60 s unless set.
    if (const char* lease = std::getenv("EARSHOT_POLL_LEASE_SECONDS"); lease && *lease)
        options.leaseSeconds = std::max(3, std::atoi(lease));
    return options;
}

// Prints what the engine does while `run` is going, one line per event.
class PrintingObserver : public engine::EngineObserver {
public:
    void mentionsStored(const engine::MentionsStored& event) override
    {
        std::lock_guard lock(m_mutex);
        std::cout << "source " << event.sourceId << ": " << event.mentionIds.size() << " new mention(s), "
                  << event.conversationsCreated.size() << " new conversation(s), "
                  << event.conversationsReopened.size() << " reopened" << std::endl;
    }
    void sourceStateChanged(const engine::SourceStateChanged& event) override
    {
        if (event.state == domain::SourceState::Ok)
            return;
        std::lock_guard lock(m_mutex);
        std::cout << "source " << event.sourceId << " (" << event.name << ") " << domain::sourceStateName(event.state) << ": " << event.error
                  << std::endl;
    }

private:
    std::mutex m_mutex;
};

}  // namespace

Command pollCommand()
{
    return {"poll", "poll every enabled source now (--once)",
            "usage: earshot-cli poll --once\n"
            "\n"
            "Fetches every enabled source now, stores what is new and prints one line per source.\n"
            "Exits non-zero when every source failed.\n",
            [](Context& context, Args& args) {
                const bool once = args.flag("--once");
                if (auto ok = args.finish(0, 0); !ok)
                    return reportError(ok.message(), kExitUsage);
                if (!once)
                    return reportError("poll needs --once (use 'earshot-cli run' to keep polling)", kExitUsage);
                auto workspace = context.workspace();
                if (!workspace)
                    return reportError(workspace.message());
                auto engine = engine::Engine::open(**workspace, nullptr, optionsFromEnvironment());
                if (!engine)
                    return reportError(engine.message());
                const auto summaries = (*engine)->pollOnce();
                if (summaries.empty()) {
                    std::cerr << "no enabled sources; add one with 'earshot-cli sources add URL'\n";
                    return int(kExitOk);
                }
                int failed = 0;
                for (const auto& summary : summaries) {
                    std::cout << summaryLine(summary) << '\n';
                    failed += summary.failed();
                }
                return failed == int(summaries.size()) ? int(kExitFailed) : int(kExitOk);
            }};
}

Command runCommand()
{
    return {"run", "keep polling sources on their schedules until Ctrl-C",
            "usage: earshot-cli run\n"
            "\n"
            "Polls each enabled source when it falls due (its interval, with backoff while it fails)\n"
            "until interrupted with Ctrl-C or SIGTERM. Writes already under way are finished first.\n",
            [](Context& context, Args& args) {
                if (auto ok = args.finish(0, 0); !ok)
                    return reportError(ok.message(), kExitUsage);
                // Block the stop signals before any thread starts, then wait for them here.
                sigset_t stopSignals;
                sigemptyset(&stopSignals);
                sigaddset(&stopSignals, SIGINT);
                sigaddset(&stopSignals, SIGTERM);
                pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

                PrintingObserver observer;
                auto workspace = context.workspace();
                if (!workspace)
                    return reportError(workspace.message());
                auto engine = engine::Engine::open(**workspace, &observer, optionsFromEnvironment());
                if (!engine)
                    return reportError(engine.message());
                std::thread worker([&] { (*engine)->run(); });
                std::cout << "polling; press Ctrl-C to stop" << std::endl;
                int received = 0;
                sigwait(&stopSignals, &received);
                std::cout << "stopping…" << std::endl;
                (*engine)->stop();
                worker.join();
                engine->reset();
                std::cout << "stopped" << std::endl;
                return int(kExitOk);
            }};
}

}  // namespace earshot::cli
