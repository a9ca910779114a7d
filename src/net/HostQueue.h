// Waiting requests, grouped by host, handed out round-robin so that no host holds more
// transfers than it may have connections. Without this a long list of sources on one
// site would fill every parallel slot with transfers curl can only queue internally,
// while their timeouts run and other sites wait.
#pragma once

#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace earshot::net {

class HostQueue {
public:
    explicit HostQueue(int perHostLimit);

    void push(std::size_t requestIndex, const std::string& hostKey);

    // The next waiting request whose host has room; counts it as in flight.
    std::optional<std::size_t> takeNext();

    // Book-keeping for transfers in flight, also when a redirect moves one to another host.
    void acquire(const std::string& hostKey);
    void release(const std::string& hostKey);

    bool hasWaiting() const { return m_waitingCount > 0; }

    // Empties the queue, returning what was still waiting (in no particular order).
    std::vector<std::size_t> takeAllWaiting();

private:
    struct Host {
        std::string key;
        std::deque<std::size_t> waiting;
        int inFlight = 0;
    };

    Host& host(const std::string& key);

    int m_perHostLimit;
    std::vector<Host> m_hosts;
    std::unordered_map<std::string, std::size_t> m_hostIndex;
    std::size_t m_cursor = 0;
    std::size_t m_waitingCount = 0;
};

}  // namespace earshot::net
