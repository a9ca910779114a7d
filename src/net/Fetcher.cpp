#include "earshot/net/Fetcher.h"

#include <algorithm>
#include <utility>

#include "HostQueue.h"
#include "MultiHandle.h"
#include "Transfer.h"
#include "UrlParts.h"
#include "earshot/core/Version.h"

namespace earshot::net {

namespace {

// How long one wait for network activity may last; cancel() cuts it short anyway, this
// only bounds the damage should a wakeup ever be lost.
constexpr int kPollTimeoutMs = 1000;

FetchOptions sanitized(FetchOptions options)
{
    options.maxConnectionsPerHost = std::max(1, options.maxConnectionsPerHost);
    options.maxParallel = std::max(1, options.maxParallel);
    options.connectTimeoutSeconds = std::max(1L, options.connectTimeoutSeconds);
    options.totalTimeoutSeconds = std::max(1L, options.totalTimeoutSeconds);
    options.lowSpeedBytesPerSecond = std::max(0L, options.lowSpeedBytesPerSecond);
    options.lowSpeedSeconds = std::max(0L, options.lowSpeedSeconds);
    options.maxBodyBytes = std::max<std::size_t>(1, options.maxBodyBytes);
    options.maxRedirects = std::max(0, options.maxRedirects);
    if (options.userAgent.empty()) {
        options.userAgent = defaultUserAgent();
    }
    return options;
}

// A transfer in flight and the host it is counted against in the HostQueue.
struct ActiveTransfer {
    std::unique_ptr<Transfer> transfer;
    std::string hostKey;
};

FetchResponse cancelledResponse(const FetchRequest& request)
{
    FetchResponse response;
    response.key = request.key;
    response.outcome = FetchOutcome::Failed;
    response.effectiveUrl = request.url;
    response.error = "cancelled";
    return response;
}

// Clears the cancel flag when fetchAll is left by any path, including an exception
// thrown by the caller's onDone.
class CancelReset {
public:
    explicit CancelReset(std::atomic<bool>& flag) : m_flag(flag) {}
    ~CancelReset() { m_flag = false; }
    CancelReset(const CancelReset&) = delete;
    CancelReset& operator=(const CancelReset&) = delete;

private:
    std::atomic<bool>& m_flag;
};

}  // namespace

std::string FetchResponse::header(std::string_view lowerCaseName) const
{
    for (auto it = headers.rbegin(); it != headers.rend(); ++it)
        if (it->first == lowerCaseName)
            return it->second;
    return {};
}

std::string defaultUserAgent()
{
    return std::string("Earshot/") + kVersion + " (+" + kProjectUrl + ")";
}

const char* outcomeName(FetchOutcome outcome)
{
    switch (outcome) {
    case FetchOutcome::Ok: return "ok";
    case FetchOutcome::NotModified: return "not_modified";
    case FetchOutcome::Gone: return "gone";
    case FetchOutcome::RateLimited: return "rate_limited";
    case FetchOutcome::HttpError: return "http_error";
    case FetchOutcome::Failed: return "failed";
    }
    return "failed";
}

Fetcher::Fetcher(FetchOptions options)
    : m_options(sanitized(std::move(options)))
    , m_multi(std::make_unique<MultiHandle>(m_options))
{
}

Fetcher::~Fetcher() = default;

void Fetcher::cancel()
{
    m_cancelled = true;
    m_multi->wakeup();
}

void Fetcher::fetchAll(const std::vector<FetchRequest>& requests,
                       const std::function<void(FetchResponse)>& onDone)
{
    const CancelReset resetWhenDone(m_cancelled);

    HostQueue queue(m_options.maxConnectionsPerHost);
    for (std::size_t i = 0; i < requests.size(); ++i) {
        const auto url = parseUrl(requests[i].url);
        queue.push(i, url ? url->hostKey() : std::string());
    }

    std::vector<ActiveTransfer> active;
    active.reserve(static_cast<std::size_t>(m_options.maxParallel));

    const auto report = [&](ActiveTransfer& entry) {
        queue.release(entry.hostKey);
        onDone(entry.transfer->takeResponse());
    };

    const auto startWaiting = [&] {
        while (active.size() < static_cast<std::size_t>(m_options.maxParallel) && !m_cancelled) {
            const auto index = queue.takeNext();
            if (!index) {
                return;
            }
            const FetchRequest& request = requests[*index];
            const auto url = parseUrl(request.url);
            ActiveTransfer entry{std::make_unique<Transfer>(request, m_options), url ? url->hostKey() : std::string()};
            if (!entry.transfer->start() || !entry.transfer->attach(m_multi->get())) {
                report(entry);
                continue;
            }
            active.push_back(std::move(entry));
        }
    };

    const auto handleFinished = [&](CURL* handle, CURLcode result) {
        const auto it = std::find_if(active.begin(), active.end(),
                                     [handle](const ActiveTransfer& entry) { return entry.transfer->handle() == handle; });
        if (it == active.end()) {
            return;
        }
        if (it->transfer->finishHop(result)) {
            // A redirect: the next hop may be on another host, which then carries the load.
            const std::string nextHost = it->transfer->hostKey();
            if (nextHost != it->hostKey) {
                queue.release(it->hostKey);
                queue.acquire(nextHost);
                it->hostKey = nextHost;
            }
            if (it->transfer->attach(m_multi->get())) {
                return;
            }
        }
        ActiveTransfer done = std::move(*it);
        active.erase(it);
        report(done);
    };

    while (!m_cancelled) {
        startWaiting();
        if (active.empty()) {
            break;
        }
        m_multi->perform();
        bool finishedAny = false;
        while (CURLMsg* message = m_multi->nextMessage()) {
            if (message->msg != CURLMSG_DONE) {
                continue;
            }
            // The message dies with the handle's removal, so take what we need first.
            CURL* handle = message->easy_handle;
            const CURLcode result = message->data.result;
            handleFinished(handle, result);
            finishedAny = true;
        }
        // After a transfer finished, others may start at once; waiting first would
        // only stall them until the next network event.
        if (!finishedAny && !m_cancelled) {
            m_multi->poll(kPollTimeoutMs);
        }
    }

    for (ActiveTransfer& entry : active) {
        entry.transfer->fail("cancelled");
        report(entry);
    }
    active.clear();
    for (const std::size_t index : queue.takeAllWaiting()) {
        onDone(cancelledResponse(requests[index]));
    }
}

}  // namespace earshot::net
