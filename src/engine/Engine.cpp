#include "earshot/engine/Engine.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cctype>
#include <cstdlib>
#include <ctime>
#include <limits>
#include <random>
#include <unordered_map>

#include <spdlog/spdlog.h>

#include "earshot/engine/FeedMapper.h"
#include "earshot/engine/KeywordFilter.h"
#include "earshot/feeds/FeedParser.h"
#include "earshot/inbox/Ingest.h"
#include "earshot/sources/SourceChanges.h"

namespace earshot::engine {

namespace {

std::int64_t now() { return std::int64_t(std::time(nullptr)); }

// Why a poll wrote nothing: its lease went to another poller of the team meanwhile.
constexpr std::string_view kTakenOver = "another poller of the team took the source over";
bool takenOver(const Status& status) { return !status && status.message() == kTakenOver; }

// This machine as systemd and D-Bus know it (a host name may repeat across a network).
std::string thisMachine()
{
    for (const char* path : {"/etc/machine-id", "/var/lib/dbus/machine-id"}) {
        std::string id;
        if (std::FILE* file = std::fopen(path, "r")) {
            char line[64] = {};
            if (std::fgets(line, sizeof line, file))
                id = line;
            std::fclose(file);
        }
        id.erase(std::remove_if(id.begin(), id.end(), [](char c) { return !std::isxdigit(static_cast<unsigned char>(c)); }),
                 id.end());
        if (!id.empty())
            return id.substr(0, 12);
    }
    return {};
}

std::string hostName()
{
    char host[256] = {};
    if (gethostname(host, sizeof host - 1) != 0)
        return "earshot";
    return host;
}

// "host/machine/pid/tag": readable in poll_leases, and two engines never sign alike.
std::string newPollerName()
{
    std::random_device random;
    return hostName() + "/" + thisMachine() + "/" + std::to_string(getpid()) + "/" +
           std::to_string(random() % 1000000);
}

// A poller named as above, of this machine, whose process no longer runs: its leases need not
// run out before another takes them (a listener restarted after a crash polls at once).
bool diedOnThisMachine(const std::string& poller)
{
    const std::string machine = thisMachine();
    const auto first = poller.find('/');
    const auto second = first == std::string::npos ? first : poller.find('/', first + 1);
    const auto third = second == std::string::npos ? second : poller.find('/', second + 1);
    if (machine.empty() || third == std::string::npos || poller.compare(first + 1, second - first - 1, machine) != 0)
        return false;
    const std::string pid = poller.substr(second + 1, third - second - 1);
    if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos)
        return false;
    return ::kill(pid_t(std::strtol(pid.c_str(), nullptr, 10)), 0) != 0 && errno == ESRCH;
}

// A source that could not read all that was said since its last poll reads the rest this soon.
constexpr std::int64_t kCatchUpDelaySeconds = 60;
}  // namespace

Result<std::unique_ptr<Engine>> Engine::open(store::Workspace& workspace, EngineObserver* observer,
                                             EngineOptions options)
{
    auto reader = workspace.reader();
    if (!reader)
        return reader.error();
    return std::unique_ptr<Engine>(new Engine(std::move(*reader), workspace.writer(), observer, std::move(options)));
}

Engine::Engine(std::unique_ptr<store::Session> reader, store::Writer& writer, EngineObserver* observer,
               EngineOptions options)
    : m_reader(std::move(reader)),
      m_writer(writer),
      m_observer(observer),
      m_options(std::move(options)),
      m_fetcher(m_options.fetch),
      m_poller(m_options.poller.empty() ? newPollerName() : m_options.poller)
{
    m_options.leaseSeconds = std::max(m_options.leaseSeconds, 3);
}

Engine::~Engine()
{
    stop();
    // The writer outlives the engine, but the jobs queued so far report to this engine's
    // schedule, mutex and observer when they are done.
    m_writer.flush();
    // Quitting: the team's other pollers may take its sources at once, not after the lease.
    if (auto released = m_writer.run([this](store::Session& session) {
            return session.sources().renewLeases(m_poller, 0);
        });
        !released)
        spdlog::warn("could not let go of the sources' poll leases (they expire by themselves): {}",
                     released.message());
}

void Engine::stop()
{
    m_stopping = true;
    m_fetcher.cancel();
    std::lock_guard lock(m_mutex);
    m_wake.notify_all();
}

void Engine::wake()
{
    std::lock_guard lock(m_mutex);
    m_wakeRequested = true;
    m_wake.notify_all();
}

void Engine::pollAllNow()
{
    std::lock_guard lock(m_mutex);
    m_pollAllRequested = m_wakeRequested = true;
    m_wake.notify_all();
}

std::vector<SourcePollSummary> Engine::pollOnce()
{
    auto all = m_reader->sources().list();
    if (!all) {
        spdlog::error("cannot read sources: {}", all.message());
        return {};
    }
    std::erase_if(*all, [](const store::Source& s) { return !s.enabled; });
    return poll(*all);
}

Result<std::vector<store::Source>> Engine::dueSources(std::int64_t at, std::int64_t& nextDue)
{
    auto all = m_reader->sources().list();
    if (!all)
        return all.error();
    std::vector<store::Source> due;
    // `at` is the largest time when every source is asked for at once: no overflow then.
    nextDue = at <= std::numeric_limits<std::int64_t>::max() - 60 ? at + 60 : at;
    const bool everything = at == std::numeric_limits<std::int64_t>::max();
    for (auto& source : *all) {
        if (!source.enabled)
            continue;
        // Another poller of the team had it at the last try: ask again a little later.
        if (const auto elsewhere = m_elsewhereUntil.find(source.id);
            !everything && elsewhere != m_elsewhereUntil.end() && elsewhere->second > now()) {
            nextDue = std::min(nextDue, elsewhere->second);
            continue;
        }
        if (source.nextPollAt <= at)
            due.push_back(std::move(source));
        else
            nextDue = std::min(nextDue, source.nextPollAt);
    }
    return due;
}

void Engine::run()
{
    while (!m_stopping) {
        std::int64_t nextDue = 0;
        bool everything = false;
        {
            std::lock_guard lock(m_mutex);
            std::swap(everything, m_pollAllRequested);
        }
        renewLeasesWhenDue();
        auto due = dueSources(everything ? std::numeric_limits<std::int64_t>::max() : now(), nextDue);
        if (!due)
            spdlog::error("cannot read sources: {}", due.message());
        else if (!due->empty())
            poll(*due);
        if (m_stopping)
            break;
        std::unique_lock lock(m_mutex);
        const std::int64_t renewEvery = m_options.leaseSeconds / 3;
        const auto wait = std::chrono::seconds(std::clamp<std::int64_t>(nextDue - now(), 1, std::min<std::int64_t>(60, renewEvery)));
        m_wake.wait_for(lock, wait, [this] { return m_stopping || m_wakeRequested; });
        m_wakeRequested = false;
    }
}

std::vector<SourcePollSummary> Engine::poll(const std::vector<store::Source>& sources)
{
    std::vector<SourcePollSummary> summaries(sources.size());
    std::vector<net::FetchRequest> requests;
    std::unordered_map<std::int64_t, std::size_t> indexById;
    std::unordered_map<std::int64_t, PlatformPoll> platformPolls;
    int finished = 0;
    const int total = int(sources.size());
    auto progress = [&] {
        if (m_observer)
            m_observer->pollProgress({.finished = ++finished, .total = total});
    };
    if (m_observer)
        m_observer->pollProgress({.finished = 0, .total = total});
    const auto leased = takeLeases(sources);
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const auto& s = sources[i];
        summaries[i] = {.sourceId = s.id, .name = s.name, .url = s.url};
        indexById[s.id] = i;
        if (!leased) {
            summaries[i].outcome = "failed";
            summaries[i].error = "cannot take its poll lease: " + leased.message();
            progress();
            continue;
        }
        if (!(*leased)[i]) {
            summaries[i].outcome = "polled elsewhere";
            progress();
            continue;
        }
        if (s.kind == "feed") {
            requests.push_back({.key = s.id, .url = s.url, .etag = s.etag, .lastModified = s.lastModified});
            continue;
        }
        const connectors::Connector* connector = connectors::connectorFor(s.kind);
        if (!connector) {
            recordFailure(s, "this Earshot cannot read sources of kind '" + s.kind + "'; update Earshot", false,
                          std::nullopt, summaries[i]);
            letGo(s.id);   // a newer Earshot of the team may read it
            progress();
            continue;
        }
        if (const auto wait = m_budgets.waitFor(connectors::hostOf(s.url), now())) {
            postpone(s, *wait, summaries[i]);
            progress();
            continue;
        }
        PlatformPoll poll{.connector = connector,
                          .secret = m_options.credentials ? m_options.credentials(s, *connector) : ""};
        auto first = connector->firstRequest(s, poll.secret);
        if (!first) {
            recordFailure(s, first.message(), false, std::nullopt, summaries[i]);
            progress();
            continue;
        }
        m_budgets.spend(connectors::hostOf(s.url));
        requests.push_back(std::move(*first));
        platformPolls.emplace(s.id, std::move(poll));
    }
    // Feeds take one request; a platform source may need more, one after another, so the
    // fetcher runs in rounds until none is left.
    while (!requests.empty() && !m_stopping) {
        std::vector<net::FetchRequest> next;
        m_fetcher.fetchAll(requests, [&](net::FetchResponse response) {
            const std::size_t index = indexById.at(response.key);
            if (const auto platform = platformPolls.find(response.key); platform != platformPolls.end()) {
                const std::size_t queued = next.size();
                handlePlatform(sources[index], platform->second, std::move(response), summaries[index], next);
                if (next.size() > queued)
                    return;  // not finished yet
            } else {
                handle(sources[index], std::move(response), summaries[index]);
            }
            progress();
        });
        requests = std::move(next);
        renewLeasesWhenDue();   // a poll of many pages may outlast a lease
    }
    // Summaries are completed by the writer thread; wait until it has written them all.
    m_writer.flush();
    std::lock_guard lock(m_mutex);
    if (m_observer) {
        const int failing = int(std::count_if(summaries.begin(), summaries.end(),
                                              [](const SourcePollSummary& s) { return s.failed(); }));
        m_observer->pollProgress({.finished = total, .total = total, .failing = failing});
        m_observer->pollProgress({});
    }
    return summaries;
}

void Engine::handlePlatform(const store::Source& source, PlatformPoll& poll, net::FetchResponse response,
                            SourcePollSummary& summary, std::vector<net::FetchRequest>& next)
{
    using net::FetchOutcome;
    const std::int64_t at = now();
    const std::string host = connectors::hostOf(source.url);
    spdlog::debug("source {} ({}): page {}: {} (HTTP {}, {} bytes)", source.id, source.kind, poll.page,
                  net::outcomeName(response.outcome), response.httpStatus, response.body.size());
    std::string failure;
    if (response.outcome == FetchOutcome::Ok) {
        // A platform's JSON of an unexpected shape must not take the engine down.
        Result<connectors::Page> page = fail("unread");
        try {
            page = poll.connector->read(source, response, poll.page, poll.secret);
        } catch (const std::exception& error) {
            page = fail(std::string(poll.connector->platform()) + " answered in an unexpected shape: " + error.what());
        }
        if (page && page->refusal && page->refusal->retryAfterSeconds)
            m_budgets.record(host, {.backoffSeconds = page->refusal->retryAfterSeconds}, at);
        if (page && page->refusal)
            return recordFailure(source, page->refusal->message, false, page->refusal->retryAfterSeconds, summary,
                                 page->refusal->needsCredentials);
        if (page) {
            m_budgets.record(host, page->budget, at);
            poll.budget = page->budget;
            const KeywordFilter filter(source.includeWords, source.excludeWords);
            for (store::NewMention& m : page->mentions) {
                if (filter.accepts(m.title + "\n" + m.body))
                    poll.mentions.push_back(std::move(m));
                else
                    ++poll.filteredOut;
            }
            if (page->cursor)
                poll.cursor = page->cursor;
            if (page->stoppedBefore)
                poll.stoppedBefore = page->stoppedBefore;
            poll.queue.insert(poll.queue.end(), page->more.begin(), page->more.end());
        } else {
            failure = page.message();
        }
    } else if (response.outcome != FetchOutcome::NotModified) {
        if (m_stopping)
            return;  // cancelled: the source keeps its state and is polled next time
        connectors::Refusal refusal = poll.connector->refusal(source, response, at);
        // A 429 holds back every source of the host, not only the one that ran into it.
        if (refusal.retryAfterSeconds)
            m_budgets.record(host, {.backoffSeconds = refusal.retryAfterSeconds}, at);
        if (refusal.goOnWith) {
            ++poll.page;
            m_budgets.spend(host);
            next.push_back(std::move(*refusal.goOnWith));
            return;
        }
        if (poll.nothingYet())
            return recordFailure(source, refusal.message, response.outcome == FetchOutcome::Gone,
                                 refusal.retryAfterSeconds, summary, refusal.needsCredentials);
        failure = refusal.message;
    }
    if (!failure.empty() && poll.nothingYet())
        return recordFailure(source, failure, false, std::nullopt, summary);

    // Go on while there is more, the poll's share of requests allows, and the budget lasts.
    const auto wait = m_budgets.waitFor(host, at);
    if (failure.empty() && !poll.queue.empty() && poll.page + 1 < connectors::kMaxRequestsPerPoll && !wait) {
        ++poll.page;
        m_budgets.spend(host);
        next.push_back(std::move(poll.queue.front()));
        poll.queue.erase(poll.queue.begin());
        return;
    }
    store::PollRecord record{.sourceId = source.id, .polledAt = at, .succeeded = true};
    record.nextPollAt = at + m_schedule.afterSuccess(source.intervalSeconds);
    if (wait)
        record.nextPollAt = std::max(record.nextPollAt, at + *wait);
    // A poll cut short (a failure, the budget, the request cap) starts from the old cursor
    // again, so nothing between it and where this poll stopped is skipped.
    if (failure.empty() && poll.queue.empty()) {
        record.cursor = poll.cursor;
        if (poll.stoppedBefore) {
            // More came than one poll reads: keep the window not read for the next polls.
            connectors::Catchup now = connectors::Catchup::parse(poll.cursor.value_or(source.cursor));
            now.gapFrom = connectors::Catchup::parse(source.cursor).readBackTo();
            now.gapBefore = *poll.stoppedBefore;
            record.cursor = now.text();
            if (!wait)  // and soon, not after the whole interval
                record.nextPollAt = std::min(record.nextPollAt, at + kCatchUpDelaySeconds);
            spdlog::info("source {} ({}): more than one poll reads; the rest follows next poll", source.id, source.url);
        }
    } else {
        spdlog::info("source {} ({}): stopped after page {}: {}", source.id, source.url, poll.page, failure);
    }
    {
        std::lock_guard lock(m_mutex);
        summary.outcome = "ok";
        summary.filteredOut = poll.filteredOut;
    }
    // Oldest first, so a reply finds the post it answers already stored.
    std::stable_sort(poll.mentions.begin(), poll.mentions.end(), [](const auto& a, const auto& b) {
        return a.publishedAt.value_or(0) < b.publishedAt.value_or(0);
    });
    storeMentions(source, std::move(record), std::move(poll.mentions), summary);
}

void Engine::handle(const store::Source& source, net::FetchResponse response, SourcePollSummary& summary)
{
    using net::FetchOutcome;
    spdlog::debug("source {} ({}): {} (HTTP {}, {} bytes)", source.id, source.url, net::outcomeName(response.outcome),
                  response.httpStatus, response.body.size());
    switch (response.outcome) {
    case FetchOutcome::Gone:
        return recordFailure(source, response.error, true, std::nullopt, summary);
    case FetchOutcome::RateLimited:
        return recordFailure(source, response.error, false, response.retryAfterSeconds, summary);
    case FetchOutcome::HttpError:
    case FetchOutcome::Failed:
        if (m_stopping)
            return;   // cancelled: the source keeps its state and is polled next time
        return recordFailure(source, response.error, false, std::nullopt, summary);
    case FetchOutcome::NotModified:
    case FetchOutcome::Ok:
        break;
    }

    store::PollRecord record{.sourceId = source.id, .polledAt = now(), .succeeded = true};
    record.nextPollAt = record.polledAt + m_schedule.afterSuccess(source.intervalSeconds);
    record.movedTo = response.permanentUrl;
    {
        std::lock_guard lock(m_mutex);
        summary.outcome = response.outcome == FetchOutcome::Ok ? "ok" : "not modified";
    }
    if (response.outcome != FetchOutcome::Ok)
        return storeMentions(source, std::move(record), std::vector<store::NewMention>(), summary);

    feeds::ParseOptions parse{.documentUrl = response.effectiveUrl.empty() ? source.url : response.effectiveUrl,
                              .contentType = response.contentType,
                              .maxBytes = m_options.maxParseBytes};
    auto parsed = feeds::parseFeed(response.body, parse);
    if (!parsed)
        return recordFailure(source, parsed.message(), false, std::nullopt, summary);
    record.etag = response.etag;
    record.lastModified = response.lastModified;
    // Mapped on the writer thread a batch at a time, so a huge feed never has all its
    // mentions in memory at once.
    auto feed = std::make_shared<const feeds::Feed>(std::move(*parsed));
    const std::int64_t at = record.polledAt;
    storeMentions(source, std::move(record),
                  [feed, url = source.url, filter = KeywordFilter(source.includeWords, source.excludeWords),
                   id = source.id, at](store::Session& session, int& filteredOut) {
                      return ingestFeed(session, id, *feed, url, filter, at, filteredOut);
                  },
                  summary);
}

void Engine::storeMentions(const store::Source& source, store::PollRecord record, std::vector<store::NewMention> mentions,
                           SourcePollSummary& summary)
{
    auto shared = std::make_shared<const std::vector<store::NewMention>>(std::move(mentions));
    const std::int64_t at = record.polledAt;
    storeMentions(source, std::move(record),
                  [shared, id = source.id, at](store::Session& session, int&) {
                      return inbox::ingestMentions(session, id, *shared, at);
                  },
                  summary);
}

void Engine::storeMentions(const store::Source& source, store::PollRecord record, Ingest ingest,
                           SourcePollSummary& summary)
{
    struct Stored {
        store::IngestResult result;
        int filteredOut = 0;
    };
    auto stored = std::make_shared<Stored>();
    submitFenced(
        record.sourceId,
        [record, ingest = std::move(ingest), stored](store::Session& session) -> Status {
            const auto attempt = [&]() -> Status {
                stored->filteredOut = 0;
                auto ingested = ingest(session, stored->filteredOut);
                if (!ingested)
                    return ingested.error();
                stored->result = std::move(*ingested);
                return sources::recordPoll(session, record);
            };
            // Another desktop of the team may store the same posts at the same moment: its
            // rows then stand in the way of ours (a unique key), and by the time we hear so it
            // has committed them. A second attempt finds them known. Each attempt undoes only
            // itself.
            Status done = session.transaction(attempt);
            return done ? done : session.transaction(attempt);
        },
        // Runs after the commit, so whoever hears of the mentions can already read them.
        [this, record, stored, &summary, source](const Status& status) {
            if (takenOver(status)) {
                std::lock_guard lock(m_mutex);
                summary.outcome = "polled elsewhere";
                return;
            }
            if (!status) {
                // The job's rows, its poll record among them, were rolled back: record the
                // failure on its own, so the source shows the error and backs off.
                return recordFailure(source, "could not store: " + status.message(), false, std::nullopt, summary);
            }
            const store::IngestResult& result = stored->result;
            {
                std::lock_guard lock(m_mutex);
                summary.newMentions = int(result.mentionIds.size());
                summary.duplicates = result.duplicates;
                summary.filteredOut += stored->filteredOut;
            }
            if (!m_observer)
                return;
            if (!result.mentionIds.empty())
                m_observer->mentionsStored({record.sourceId, result.mentionIds, result.conversationsCreated,
                                            result.conversationsReopened});
            m_observer->sourceStateChanged({record.sourceId, source.name, domain::SourceState::Ok, "", record.nextPollAt});
        });
}

namespace {

// "45 s", "12 min", "3 h 20 min".
std::string waitText(std::int64_t seconds)
{
    if (seconds < 60)
        return std::to_string(seconds) + " s";
    if (seconds < 3600)
        return std::to_string((seconds + 30) / 60) + " min";
    const std::int64_t minutes = (seconds % 3600) / 60;
    return std::to_string(seconds / 3600) + " h" + (minutes ? " " + std::to_string(minutes) + " min" : "");
}

}  // namespace

// Not a failure: the source waits its turn until the platform's budget for its host is back.
void Engine::postpone(const store::Source& source, std::int64_t wait, SourcePollSummary& summary)
{
    const std::int64_t nextPollAt = now() + wait;
    {
        std::lock_guard lock(m_mutex);
        summary.outcome = "waiting";
    }
    spdlog::info("source {} ({}): waits {} for {}'s request budget", source.id, source.url, waitText(wait),
                 connectors::hostOf(source.url));
    submitFenced(source.id,
                 [id = source.id, nextPollAt](store::Session& session) {
                     return session.sources().postpone(id, nextPollAt);
                 },
                 [id = source.id](const Status& status) {
                     if (!status && !takenOver(status))
                            spdlog::error("cannot postpone source {}: {}", id, status.message());
                    });
}

void Engine::recordFailure(const store::Source& source, const std::string& error, bool disable,
                           std::optional<std::int64_t> retryAfter, SourcePollSummary& summary, bool needsCredentials)
{
    store::PollRecord record{.sourceId = source.id, .polledAt = now(), .succeeded = false, .disable = disable,
                             .error = error, .needsCredentials = needsCredentials};
    record.nextPollAt = record.polledAt + m_schedule.afterFailure(source.errorCount + 1, retryAfter);
    if (retryAfter)   // the wait we keep, which a far-off Retry-After date is capped to
        record.error += "; next try in " + waitText(record.nextPollAt - record.polledAt);
    {
        std::lock_guard lock(m_mutex);
        summary.outcome = disable            ? std::string(domain::sourceStateName(domain::SourceState::Disabled))
                          : needsCredentials ? std::string(domain::sourceStateName(domain::SourceState::NeedsCredentials))
                          : retryAfter       ? "rate limited"
                                             : "failed";
        summary.error = record.error;
    }
    spdlog::info("source {} ({}): {}", source.id, source.url, error);
    submitFenced(record.sourceId,
                 [record](store::Session& session) {
                     return sources::recordPoll(session, record);
                 },
                 [this, record, name = source.name](const Status& status) {
                     if (takenOver(status))
                         return;
                     if (!status)
                         spdlog::error("cannot record poll of source {}: {}", record.sourceId, status.message());
                     // Another desktop of the team may have the credentials this one lacks.
                     if (record.needsCredentials)
                         letGo(record.sourceId);
                     if (m_observer)
                            m_observer->sourceStateChanged(
                                {record.sourceId, name, record.shownState(), record.error, record.nextPollAt});
                    });
}

// One transaction per lease: one holding several rows locked while it waits for another
// poller's could deadlock with that poller's own writes.
Result<std::vector<bool>> Engine::takeLeases(const std::vector<store::Source>& sources)
{
    std::vector<std::optional<std::int64_t>> fences(sources.size());
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const auto take = [&](store::Session& session) -> Status {
            auto lease = session.sources().takeLease(sources[i].id, m_poller, m_options.leaseSeconds);
            if (!lease)
                return lease.error();
            fences[i] = lease->fence;
            if (!fences[i] && diedOnThisMachine(lease->holder)) {
                auto fromGone = session.sources().takeLeaseFrom(sources[i].id, m_poller, lease->holder,
                                                                m_options.leaseSeconds);
                if (!fromGone)
                    return fromGone.error();
                fences[i] = *fromGone;
            }
            return Ok{};
        };
        // The server may still pick this transaction to undo when pollers collide: try again.
        Status taken = m_writer.run(take);
        for (int retry = 0; !taken && retry < 3 && !m_stopping; ++retry)
            taken = m_writer.run(take);
        if (!taken)
            return taken.error();
    }
    std::vector<bool> mayPoll(sources.size());
    std::lock_guard lock(m_mutex);
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const std::int64_t id = sources[i].id;
        mayPoll[i] = fences[i].has_value();
        if (mayPoll[i]) {
            m_fences[id] = *fences[i];
            m_elsewhereUntil.erase(id);
        } else {
            m_fences.erase(id);
            m_elsewhereUntil[id] = now() + m_options.leaseSeconds / 3;
        }
    }
    return mayPoll;
}

void Engine::renewLeasesWhenDue()
{
    const std::int64_t at = now();
    if (at - m_leasesRenewedAt < m_options.leaseSeconds / 3)
        return;
    m_leasesRenewedAt = at;
    m_writer.submit([poller = m_poller, seconds = m_options.leaseSeconds](store::Session& session) {
                        return session.sources().renewLeases(poller, seconds);
                    },
                    [](const Status& status) {
                        if (!status)
                            spdlog::warn("cannot renew the sources' poll leases: {}", status.message());
                    });
}

void Engine::letGo(std::int64_t sourceId)
{
    m_writer.submit([poller = m_poller, sourceId](store::Session& session) -> Status {
        auto released = session.sources().takeLease(sourceId, poller, 0);
        return released ? Status(Ok{}) : Status(released.error());
    });
}

std::int64_t Engine::fenceOf(std::int64_t sourceId)
{
    std::lock_guard lock(m_mutex);
    const auto found = m_fences.find(sourceId);
    return found == m_fences.end() ? 0 : found->second;   // 0 is nobody's: the write is refused
}

void Engine::submitFenced(std::int64_t sourceId, std::function<Status(store::Session&)> work,
                          std::function<void(const Status&)> done)
{
    m_writer.submit(
        [poller = m_poller, sourceId, fence = fenceOf(sourceId), work = std::move(work)](store::Session& session) -> Status {
            auto holds = session.sources().holdsLease(sourceId, poller, fence);
            if (!holds)
                return holds.error();
            if (!*holds)
                return fail(std::string(kTakenOver));
            return work(session);
        },
        std::move(done));
}

}  // namespace earshot::engine
