// Parallel HTTP(S)/file fetching over libcurl's multi interface, with conditional GET,
// manual redirect handling (so permanent moves can be remembered), and hard limits on
// time and size so a hostile or broken server can only ever produce an error value.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace earshot::net {

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
    long httpStatus = 0;
    std::string body;
    std::string contentType;
    std::string etag;
    std::string lastModified;
    std::string effectiveUrl;                   // where the body finally came from
    std::string permanentUrl;                   // new URL to store after 301/308, else empty
    std::optional<std::int64_t> retryAfterSeconds;
    std::string error;                          // one line a person can act on; empty when Ok/NotModified
};

std::string defaultUserAgent();
const char* outcomeName(FetchOutcome outcome);

class Fetcher {
public:
    explicit Fetcher(FetchOptions options = {});
    ~Fetcher();
    Fetcher(const Fetcher&) = delete;
    Fetcher& operator=(const Fetcher&) = delete;

    // Fetches every request, in parallel within the limits. onDone runs on the calling
    // thread as each transfer finishes. Returns when all are done or cancel() was called
    // (unfinished ones are then reported as Failed "cancelled").
    void fetchAll(const std::vector<FetchRequest>& requests,
                  const std::function<void(FetchResponse)>& onDone);

    // Thread-safe; makes a running fetchAll return promptly.
    void cancel();

private:
    FetchOptions m_options;
    std::atomic<bool> m_cancelled{false};
};

}  // namespace earshot::net
