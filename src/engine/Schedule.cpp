#include "earshot/engine/Schedule.h"

#include <algorithm>

namespace earshot::engine {

Schedule::Schedule(std::uint64_t seed) : m_random(seed) {}

double Schedule::jitter(double spread)
{
    std::lock_guard lock(m_mutex);
    return std::uniform_real_distribution<double>(1.0 - spread, 1.0 + spread)(m_random);
}

std::int64_t Schedule::afterSuccess(int intervalSeconds)
{
    return std::max<std::int64_t>(1, std::int64_t(intervalSeconds * jitter(0.1)));
}

std::int64_t Schedule::afterFailure(int consecutiveFailures, std::optional<std::int64_t> retryAfterSeconds)
{
    const int doublings = std::clamp(consecutiveFailures - 1, 0, 20);
    const std::int64_t backoff = std::min(kFirstRetrySeconds << doublings, kMaxBackoffSeconds);
    const auto jittered = std::int64_t(double(backoff) * jitter(0.2));
    const std::int64_t serverAsked = std::clamp<std::int64_t>(retryAfterSeconds.value_or(0), 0, kMaxRetryAfterSeconds);
    return std::max(jittered, serverAsked);
}

}  // namespace earshot::engine
