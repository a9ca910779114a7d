// Parallel HTTP(S)/file fetching over libcurl's multi interface, with conditional GET,
// manual redirect handling (so permanent moves can be remembered), and hard limits on
// time and size so a hostile or broken server can only ever produce an error value.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace earshot::net {

class MultiHandle;

// Out-of-range values (zero or negative limits) are raised to the smallest workable one.
struct FetchOptions {
    int maxConnectionsPerHost = 2;
    int maxParallel = 32;
    long connectTimeoutSeconds = 10;
    long totalTimeoutSeconds = 60;
    long lowSpeedBytesPerSecond = 10;   // abort when slower than this ...
    long lowSpeedSeconds = 20;          // ... for this long
    std::size_t maxBodyBytes = 16 * 1024 * 1024;  // counted after decompression
    int maxRedirects = 5;
    std::string userAgent;              // empty: defaultUserAgent()
};

struct FetchRequest {
    std::int64_t key = 0;               // caller's id (the source id), echoed back
    std::string url;
    std::string etag;                   // sent as If-None-Match when not empty
    std::string lastModified;           // sent as If-Modified-Since when not empty
    // Platform APIs: extra "Name: value" lines (Authorization, Idempotency-Key, …). They are
    // never sent to another host: a redirect there fails instead. Lines holding a line
    // break are dropped.
    std::vector<std::string> headers;
    std::string method;                 // empty: GET; "POST" sends `body`
    std::string body;
    std::string bodyType;               // Content-Type of `body`, e.g. "application/json"
};

enum class FetchOutcome {
    Ok,            // 2xx with a body
    NotModified,   // 304
    Gone,          // 410: the source should be disabled
    RateLimited,   // 429 or 503; see retryAfterSeconds
    HttpError,     // any other non-2xx
    Failed,        // network, timeout, size limit, redirect loop, cancelled ...
};

struct FetchResponse {
    std::int64_t key = 0;
    FetchOutcome outcome = FetchOutcome::Failed;
    long httpStatus = 0;                        // 0 for file:// and when no response came
    std::string body;                           // for a refusal, its first 16 KiB (often says why)
    std::string contentType;
    std::string etag;                           // on NotModified: the request's when the server
    std::string lastModified;                   // did not repeat them
    std::string effectiveUrl;                   // where the body finally came from
    std::string permanentUrl;                   // new URL to store after 301/308, else empty
                                                // (only when the outcome is Ok or NotModified)
    std::optional<std::int64_t> retryAfterSeconds;
    std::string error;                          // one line a person can act on; empty when Ok/NotModified
    // Every header of the final response, names in lower case, in the order received.
    std::vector<std::pair<std::string, std::string>> headers;

    // The last value of the header `lowerCaseName`, or empty.
    std::string header(std::string_view lowerCaseName) const;
};

// "Earshot/<version> (+<project URL>)"
std::string defaultUserAgent();
// Stable lower-case names for logs and storage: "ok", "not_modified", "gone",
// "rate_limited", "http_error", "failed".
const char* outcomeName(FetchOutcome outcome);

class Fetcher {
public:
    explicit Fetcher(FetchOptions options = {});
    ~Fetcher();
    Fetcher(const Fetcher&) = delete;
    Fetcher& operator=(const Fetcher&) = delete;

    // Fetches every request, in parallel within the limits. onDone runs on the calling
    // thread as each transfer finishes. Returns when all are done or cancel() was called
    // (unfinished ones are then reported as Failed "cancelled"). One call at a time per
    // Fetcher; use one Fetcher per thread to fetch from several threads.
    void fetchAll(const std::vector<FetchRequest>& requests,
                  const std::function<void(FetchResponse)>& onDone);

    // Thread-safe; makes a running fetchAll return promptly. A cancel() that arrives
    // while no fetchAll runs applies to the next one (so a shutdown racing with the start
    // of a round still stops it); the Fetcher is usable again once that call returns.
    void cancel();

private:
    FetchOptions m_options;
    std::atomic<bool> m_cancelled{false};
    // Lives as long as the Fetcher so cancel() can always wake it, and so connections
    // and TLS sessions carry over from one fetchAll to the next.
    std::unique_ptr<MultiHandle> m_multi;
};

}  // namespace earshot::net
