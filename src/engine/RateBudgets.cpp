#include "earshot/engine/RateBudgets.h"

#include <algorithm>

namespace earshot::engine {

void RateBudgets::record(const std::string& host, const connectors::RateBudget& budget, std::int64_t now)
{
    Known& known = m_hosts[host];
    if (budget.remaining) {
        known.budget = budget;
        if (!known.budget.resetAt)
            known.budget.resetAt = now + 60;  // no reset given: look again in a minute
    }
    if (budget.backoffSeconds)
        known.pausedUntil = std::max(known.pausedUntil, now + *budget.backoffSeconds);
}

void RateBudgets::spend(const std::string& host)
{
    const auto it = m_hosts.find(host);
    if (it != m_hosts.end() && it->second.budget.remaining && *it->second.budget.remaining > 0)
        --*it->second.budget.remaining;
}

std::optional<std::int64_t> RateBudgets::waitFor(const std::string& host, std::int64_t now) const
{
    const auto it = m_hosts.find(host);
    if (it == m_hosts.end())
        return std::nullopt;
    const Known& known = it->second;
    std::int64_t until = known.pausedUntil;
    if (known.budget.nearlySpent())
        until = std::max(until, *known.budget.resetAt);
    if (until <= now)
        return std::nullopt;
    return until - now;
}

}  // namespace earshot::engine
