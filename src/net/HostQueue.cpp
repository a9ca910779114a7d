#include "HostQueue.h"

#include <algorithm>

namespace earshot::net {

HostQueue::HostQueue(int perHostLimit)
    : m_perHostLimit(std::max(1, perHostLimit))
{
}

HostQueue::Host& HostQueue::host(const std::string& key)
{
    const auto [it, inserted] = m_hostIndex.try_emplace(key, m_hosts.size());
    if (inserted) {
        m_hosts.push_back(Host{key, {}, 0});
    }
    return m_hosts[it->second];
}

void HostQueue::push(std::size_t requestIndex, const std::string& hostKey)
{
    host(hostKey).waiting.push_back(requestIndex);
    ++m_waitingCount;
}

std::optional<std::size_t> HostQueue::takeNext()
{
    if (m_waitingCount == 0) {
        return std::nullopt;
    }
    for (std::size_t checked = 0; checked < m_hosts.size(); ++checked) {
        Host& candidate = m_hosts[m_cursor];
        m_cursor = (m_cursor + 1) % m_hosts.size();
        if (!candidate.waiting.empty() && candidate.inFlight < m_perHostLimit) {
            const std::size_t index = candidate.waiting.front();
            candidate.waiting.pop_front();
            --m_waitingCount;
            ++candidate.inFlight;
            return index;
        }
    }
    return std::nullopt;
}

void HostQueue::acquire(const std::string& hostKey)
{
    ++host(hostKey).inFlight;
}

void HostQueue::release(const std::string& hostKey)
{
    Host& entry = host(hostKey);
    entry.inFlight = std::max(0, entry.inFlight - 1);
}

std::vector<std::size_t> HostQueue::takeAllWaiting()
{
    std::vector<std::size_t> all;
    all.reserve(m_waitingCount);
    for (Host& entry : m_hosts) {
        all.insert(all.end(), entry.waiting.begin(), entry.waiting.end());
        entry.waiting.clear();
    }
    m_waitingCount = 0;
    return all;
}

}  // namespace earshot::net
