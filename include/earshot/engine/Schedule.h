// When to poll a source next: its interval with jitter when healthy (so many sources
// don't poll in lockstep), exponential backoff with jitter while it fails. Thread-safe: the
// engine thread and the store writer's callbacks both ask.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <random>

namespace earshot::engine {

class Schedule {
public:
    explicit Schedule(std::uint64_t seed = std::random_device{}());

    // Seconds until the next poll after a success: interval ± 10 %.
    std::int64_t afterSuccess(int intervalSeconds);
    // Seconds after the n-th consecutive failure (n >= 1): 60 s doubling per failure,
    // capped at 6 h, then ± 20 %; never earlier than the server's Retry-After.
    std::int64_t afterFailure(int consecutiveFailures, std::optional<std::int64_t> retryAfterSeconds = {});

    static constexpr std::int64_t kFirstRetrySeconds = 60;
    static constexpr std::int64_t kMaxBackoffSeconds = 6 * 3600;
    static constexpr std::int64_t kMaxRetryAfterSeconds = 24 * 3600;

private:
    double jitter(double spread);
    std::mutex m_mutex;   // guards m_random
    std::mt19937_64 m_random;
};

}  // namespace earshot::engine
