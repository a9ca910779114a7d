// What each platform host has left of its request budget, as its answers said, so the
// engine stops asking before the limit instead of running into it. Engine thread only.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "earshot/connectors/Connector.h"

namespace earshot::engine {

class RateBudgets {
public:
    // Remembers the budget an answer from `host` reported; an answer that says nothing
    // leaves what is known.
    void record(const std::string& host, const connectors::RateBudget& budget, std::int64_t now);
    // Counts a request about to be sent.
    void spend(const std::string& host);
    // Seconds until `host` may be asked again, when its budget is (nearly) spent.
    std::optional<std::int64_t> waitFor(const std::string& host, std::int64_t now) const;

private:
    struct Known {
        connectors::RateBudget budget;
        std::int64_t pausedUntil = 0;  // a "backoff" the platform asked for
    };
    std::map<std::string, Known> m_hosts;
};

}  // namespace earshot::engine
