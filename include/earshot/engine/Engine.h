// The monitoring engine: schedules every enabled source, fetches due ones in parallel,
// parses, maps and filters them, and hands the results to the single store writer.
// It reports outward only through EngineObserver; it knows nothing of Qt.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "earshot/connectors/Connector.h"
#include "earshot/core/Result.h"
#include "earshot/engine/EngineEvents.h"
#include "earshot/engine/RateBudgets.h"
#include "earshot/engine/Schedule.h"
#include "earshot/net/Fetcher.h"
#include "earshot/store/SourceStore.h"
#include "earshot/store/Workspace.h"

namespace earshot::engine {

struct EngineOptions {
    net::FetchOptions fetch;
    std::size_t maxParseBytes = 16 * 1024 * 1024;
    // The secret (token, app password, key) a platform source is polled with, or empty.
    // The CLI reads environment variables, the console the system keychain; nothing stores
    // it in the database.
    connectors::CredentialLookup credentials;
    // One poller per source across a team: this engine polls a source only while it holds
    // the source's lease, which lasts this long unless renewed (every third of it while the
    // engine runs). Another desktop or listener takes over within it after this one quits
    // or dies.
    int leaseSeconds = 60;
    // How this engine signs its leases; empty: this machine, process and a random tag.
    std::string poller;
};

// One line of `poll --once`: what happened to one source.
struct SourcePollSummary {
    std::int64_t sourceId = 0;
    std::string name;
    std::string url;
    std::string outcome;      // "ok", "not modified", "failed", "disabled", "rate limited",
                              // "needs credentials", "waiting" (its platform's budget is spent),
                              // "polled elsewhere" (another poller of the team holds its lease)
    int newMentions = 0;
    int duplicates = 0;
    int filteredOut = 0;
    std::string error;
    bool failed() const { return !error.empty(); }
};

class Engine {
public:
    // observer may be null; it and the workspace must outlive the engine. The engine reads
    // on a session of its own and writes through the workspace's one writer.
    static Result<std::unique_ptr<Engine>> open(store::Workspace& workspace, EngineObserver* observer,
                                                EngineOptions options = {});
    ~Engine();   // stops, finishing every write already queued

    // Polls every enabled source now, whatever its schedule; returns when all is stored.
    std::vector<SourcePollSummary> pollOnce();
    // Polls sources as they fall due until stop(); call from a thread of your own.
    void run();
    // Thread-safe: makes run() and pollOnce() return soon; in-flight transfers are dropped,
    // anything already fetched and queued is still written.
    void stop();
    // Thread-safe: poll due sources now instead of waiting (e.g. after a source was added).
    void wake();
    // Thread-safe: the next round polls every enabled source, due or not ("Poll now").
    void pollAllNow();

private:
    Engine(std::unique_ptr<store::Session> reader, store::Writer& writer, EngineObserver* observer, EngineOptions options);
    std::vector<SourcePollSummary> poll(const std::vector<store::Source>& sources);
    // A platform source's poll in progress: what its pages gave so far.
    struct PlatformPoll {
        const connectors::Connector* connector = nullptr;
        std::string secret;
        int page = 0;
        std::vector<store::NewMention> mentions;
        int filteredOut = 0;
        std::optional<std::string> cursor;
        std::optional<std::int64_t> stoppedBefore;  // see connectors::Catchup
        std::vector<net::FetchRequest> queue;
        connectors::RateBudget budget;

        // No page has given anything yet (a lookup or a question may have gone before): a
        // failure now is the poll's failure, not the end of a poll that got somewhere.
        bool nothingYet() const { return mentions.empty() && filteredOut == 0 && !cursor; }
    };

    void handle(const store::Source& source, net::FetchResponse response, SourcePollSummary& summary);
    // Reads one answer for a platform source; queues its next request in `next`, or stores
    // what the poll gathered.
    void handlePlatform(const store::Source& source, PlatformPoll& poll, net::FetchResponse response,
                        SourcePollSummary& summary, std::vector<net::FetchRequest>& next);
    // What a poll stores, run on the writer thread inside its transaction (possibly twice:
    // the writer retries a failed batch job by job); counts what the keyword filter dropped.
    using Ingest = std::function<Result<store::IngestResult>(store::Session& session, int& filteredOut)>;
    // Hands the poll's ingest and its record to the writer, in one job: the record (ETag,
    // Last-Modified, cursor) is committed with the mentions or not at all. The summary is completed there.
    void storeMentions(const store::Source& source, store::PollRecord record, Ingest ingest, SourcePollSummary& summary);
    void storeMentions(const store::Source& source, store::PollRecord record, std::vector<store::NewMention> mentions,
                       SourcePollSummary& summary);
    void postpone(const store::Source& source, std::int64_t wait, SourcePollSummary& summary);
    void recordFailure(const store::Source& source, const std::string& error, bool disable,
                       std::optional<std::int64_t> retryAfter, SourcePollSummary& summary,
                       bool needsCredentials = false);
    Result<std::vector<store::Source>> dueSources(std::int64_t now, std::int64_t& nextDue);
    // Takes (or renews) the lease of each source; returns those this engine may poll now.
    Result<std::vector<bool>> takeLeases(const std::vector<store::Source>& sources);
    void renewLeasesWhenDue();
    // Runs a poll's write on the writer only while this engine still holds the source's
    // lease; a former holder's poll writes nothing.
    void submitFenced(std::int64_t sourceId, std::function<Status(store::Session&)> work,
                      std::function<void(const Status&)> done);
    std::int64_t fenceOf(std::int64_t sourceId);
    // Lets the source's lease go at once, for a poller that can read it.
    void letGo(std::int64_t sourceId);

    std::unique_ptr<store::Session> m_reader;
    store::Writer& m_writer;
    EngineObserver* m_observer;
    EngineOptions m_options;
    net::Fetcher m_fetcher;
    Schedule m_schedule;
    RateBudgets m_budgets;             // poll thread only
    std::string m_poller;
    std::unordered_map<std::int64_t, std::int64_t> m_fences;          // guarded by m_mutex
    std::unordered_map<std::int64_t, std::int64_t> m_elsewhereUntil;  // poll thread only
    std::int64_t m_leasesRenewedAt = 0;                                // poll thread only
    std::mutex m_mutex;                // guards summaries written by the writer thread, and waking
    std::condition_variable m_wake;
    bool m_wakeRequested = false;
    bool m_pollAllRequested = false;
    std::atomic<bool> m_stopping{false};
};

}  // namespace earshot::engine
