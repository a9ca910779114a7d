#include "earshot/metrics/Report.h"

#include <algorithm>
#include <cmath>
#include <future>
#include <map>
#include <numeric>
#include <unordered_set>

#include "earshot/inbox/Vocabulary.h"

namespace earshot::metrics {

namespace {

constexpr std::int64_t kDay = 86400;
constexpr std::size_t kMostDays = 366;
constexpr std::int32_t kNoGroup = -1;

struct Samples {
    std::vector<std::int64_t> wall;
    std::vector<std::int64_t> business;
    void add(std::int64_t wallSeconds, std::int64_t businessSeconds)
    {
        wall.push_back(wallSeconds);
        business.push_back(businessSeconds);
    }
    Timing finish() { return {distributionOf(wall), distributionOf(business)}; }
};

struct Accumulator {
    Figures figures;
    Samples firstResponse, resolution, replyTime;
    Figures finish()
    {
        figures.firstResponse = firstResponse.finish();
        figures.resolution = resolution.finish();
        figures.replyTime = replyTime.finish();
        return figures;
    }
};

// What waits add up, kept apart from the cycles' Accumulator while both are counted at once.
struct WaitTally {
    Samples replyTime;
    std::int64_t compliments = 0;
};

// How a cycle did against one target.
enum class Outcome { NoTarget, Met, Breached, Running };

void tally(SlaTally& sla, Outcome outcome)
{
    sla.met += outcome == Outcome::Met;
    sla.breached += outcome == Outcome::Breached;
    sla.running += outcome == Outcome::Running;
}

class Computation {
public:
    Computation(const Snapshot& snapshot, const TeamCalendar& calendar, const SlaPolicies& policies,
                const ReportRequest& request)
        : m_snapshot(snapshot), m_calendar(calendar), m_policies(policies), m_request(request)
    {
        nameGroups();
        m_passes.resize(m_snapshot.conversations.size());
        for (std::size_t i = 0; i < m_snapshot.conversations.size(); ++i)
            m_passes[i] = conversationPasses(m_snapshot.conversations[i]);
        for (const std::string& name : m_request.filter.agents)
            m_agentFilter.insert(m_snapshot.agentIndex(name));
        for (const std::string& name : m_request.filter.teams)
            m_teamFilter.insert(m_snapshot.teamIndex(name));
    }

    Report run()
    {
        Report out;
        for (const ConversationFacts& c : m_snapshot.conversations) {
            const auto status = inbox::ConversationStatus(c.status);
            if (status == inbox::ConversationStatus::New || status == inbox::ConversationStatus::Open ||
                status == inbox::ConversationStatus::Pending) {
                ++out.openNow;
                out.unassignedNow += status == inbox::ConversationStatus::New;
            }
        }
        setUpDays();
        // Waits are counted on a second core into tallies of their own (sharing nothing with the
        // cycles, not even a cache line), merged when both are done.
        m_waitGroups.resize(m_groups.size());
        auto waits = std::async(std::launch::async, [this] {
            for (const WaitFacts& wait : m_snapshot.waits)
                addWait(wait);
        });
        for (const CycleFacts& cycle : m_snapshot.cycles)
            addCycle(cycle, out);
        waits.get();
        out.volumeIn = m_volumeIn;
        out.volumeOut = m_volumeOut;
        merge(m_waitTotal, m_total);
        for (std::size_t g = 0; g < m_groups.size(); ++g)
            merge(m_waitGroups[g], m_groups[g]);
        // The total's percentiles on a second core while the groups' are worked out here: they
        // share nothing, and together they are a good part of the time a report takes.
        auto total = std::async(std::launch::async, [this] { return m_total.finish(); });
        for (std::size_t g = 0; g < m_groups.size(); ++g)
            if (m_groups[g].figures.cycles > 0 || !m_groups[g].replyTime.wall.empty() || m_groups[g].figures.compliments > 0)
                out.groups.push_back({m_groupNames[g], m_groups[g].finish()});
        std::sort(out.groups.begin(), out.groups.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
        finishDays(out);
        finishBreaches(out);
        out.total = total.get();
        return out;
    }

private:
    void nameGroups()
    {
        switch (m_request.groupBy) {
        case GroupBy::None: break;
        case GroupBy::Agent: m_groupNames = m_snapshot.agents; m_groupNames.push_back("(nobody)"); break;
        case GroupBy::Team: m_groupNames = m_snapshot.teams; m_groupNames.push_back("(no team)"); break;
        case GroupBy::Tag: m_groupNames = m_snapshot.tags; m_groupNames.push_back("(no tag)"); break;
        case GroupBy::Priority:
            for (int p = 0; p <= 3; ++p)
                m_groupNames.emplace_back(inbox::priorityName(inbox::Priority(p)));
            break;
        case GroupBy::Source:
            for (const auto& [id, name] : m_snapshot.sourceNames)
                m_sourceGroup[id] = std::int32_t(m_sourceGroup.size());
            m_groupNames.resize(m_sourceGroup.size());
            for (const auto& [id, group] : m_sourceGroup)
                m_groupNames[std::size_t(group)] = m_snapshot.sourceNames.at(id);
            break;
        }
        m_groups.resize(m_groupNames.size());
    }

    bool conversationPasses(const ConversationFacts& c) const
    {
        const ReportFilter& f = m_request.filter;
        if (inbox::ConversationStatus(c.status) == inbox::ConversationStatus::Spam)
            return false;
        if (f.priority && *f.priority != c.priority)
            return false;
        if (!f.sources.empty() && std::find(f.sources.begin(), f.sources.end(), c.sourceId) == f.sources.end())
            return false;
        if (!f.tags.empty()) {
            bool any = false;
            for (std::uint32_t t = c.tagsBegin; t < c.tagsEnd && !any; ++t)
                any = std::find(f.tags.begin(), f.tags.end(), m_snapshot.tags[std::size_t(m_snapshot.conversationTags[t])]) != f.tags.end();
            if (!any)
                return false;
        }
        return true;
    }

    bool agentPasses(std::int32_t agent) const
    {
        if (!m_agentFilter.empty() && !m_agentFilter.count(agent))
            return false;
        if (m_teamFilter.empty())
            return true;
        if (agent == kNobody)
            return false;
        for (std::int32_t team : m_snapshot.agentTeams[std::size_t(agent)])
            if (m_teamFilter.count(team))
                return true;
        return false;
    }

    bool inPeriod(std::int64_t at) const
    {
        return (m_request.filter.since == kNoTime || at >= m_request.filter.since) &&
               (m_request.filter.until == kNoTime || at < m_request.filter.until);
    }

    // The m_groups a figure credited to `agent` in conversation `c` falls in.
    void groupsOf(const ConversationFacts& c, std::int32_t agent, std::vector<std::int32_t>& out) const
    {
        out.clear();
        switch (m_request.groupBy) {
        case GroupBy::None: return;
        case GroupBy::Agent: out.push_back(agent == kNobody ? std::int32_t(m_snapshot.agents.size()) : agent); return;
        case GroupBy::Team:
            if (agent != kNobody)
                out = m_snapshot.agentTeams[std::size_t(agent)];
            if (out.empty())
                out.push_back(std::int32_t(m_snapshot.teams.size()));
            return;
        case GroupBy::Tag:
            for (std::uint32_t t = c.tagsBegin; t < c.tagsEnd; ++t)
                out.push_back(m_snapshot.conversationTags[t]);
            if (out.empty())
                out.push_back(std::int32_t(m_snapshot.tags.size()));
            return;
        case GroupBy::Priority: out.push_back(c.priority); return;
        case GroupBy::Source:
            if (const auto it = m_sourceGroup.find(c.sourceId); it != m_sourceGroup.end())
                out.push_back(it->second);
            return;
        }
    }

    static void merge(WaitTally& from, Accumulator& into)
    {
        into.replyTime = std::move(from.replyTime);
        into.figures.compliments = from.compliments;
    }

    // Adds to the total and to each group the figure falls in.
    template <class Tally, class Add>
    void credit(const ConversationFacts& c, std::int32_t agent, std::vector<std::int32_t>& keys, Tally& total,
                std::vector<Tally>& groups, Add add)
    {
        add(total);
        groupsOf(c, agent, keys);
        for (std::int32_t key : keys)
            if (key != kNoGroup && std::size_t(key) < groups.size())
                add(groups[std::size_t(key)]);
    }

    void addCycle(const CycleFacts& cycle, Report& out)
    {
        if (!m_passes[cycle.conversation])
            return;
        const ConversationFacts& c = m_snapshot.conversations[cycle.conversation];
        const std::int64_t start = m_request.clock == Clock::Published && cycle.startedPublished != kNoTime
                                       ? std::min(cycle.startedPublished, cycle.startedAt)
                                       : cycle.startedAt;
        addToBacklog(cycle);
        const std::int32_t owner = cycle.firstResponder != kNobody ? cycle.firstResponder
                                   : cycle.resolver != kNobody    ? cycle.resolver
                                                                  : c.assignee;
        if (!inPeriod(start) || !agentPasses(owner))
            return;
        const SlaTarget* target = m_policies.targetFor(c.priority, c.sourceId);
        const bool responded = cycle.firstResponseAt != kNoTime;
        const bool resolved = cycle.resolvedAt != kNoTime;
        const std::int64_t responseWall = responded ? cycle.firstResponseAt - start : 0;
        const std::int64_t responseBusiness = responded ? m_calendar.businessSeconds(start, cycle.firstResponseAt) : 0;
        const std::int64_t resolutionWall = resolved ? cycle.resolvedAt - start : 0;
        const std::int64_t resolutionBusiness = resolved ? m_calendar.businessSeconds(start, cycle.resolvedAt) : 0;

        // Against the targets: met, breached, or still running.
        // `wall` and `business` are how long it took, when done.
        auto judge = [&](std::optional<std::int64_t> targetSeconds, bool done, std::int64_t wall, std::int64_t business,
                         bool isResolution) {
            if (!target || !targetSeconds)
                return Outcome::NoTarget;
            const bool inBusinessHours = target->businessHours;
            const std::int64_t now = std::max(start, m_request.now);
            const std::int64_t used = done ? (inBusinessHours ? business : wall)
                                           : (inBusinessHours ? m_calendar.businessSeconds(start, now) : now - start);
            if (used > *targetSeconds) {
                ++out.breachCount;
                m_breaches.push_back({.conversationId = c.id, .cycle = cycle.number, .resolution = isResolution,
                                    .startedAt = start, .deadline = 0, .overBy = used - *targetSeconds,
                                    .priority = c.priority, .sourceId = c.sourceId});
                m_breachTargets.push_back({*targetSeconds, inBusinessHours});
                return Outcome::Breached;
            }
            return done ? Outcome::Met : Outcome::Running;
        };
        const Outcome responseOutcome =
            judge(target ? target->firstResponseSeconds : std::nullopt, responded, responseWall, responseBusiness, false);
        const Outcome resolutionOutcome =
            judge(target ? target->resolutionSeconds : std::nullopt, resolved, resolutionWall, resolutionBusiness, true);

        credit(c, owner, m_cycleKeys, m_total, m_groups, [&](Accumulator& a) {
            ++a.figures.cycles;
            if (responded) {
                ++a.figures.responded;
                a.firstResponse.add(responseWall, responseBusiness);
            }
            if (resolved) {
                ++a.figures.resolved;
                a.resolution.add(resolutionWall, resolutionBusiness);
            }
            tally(a.figures.firstResponseSla, responseOutcome);
            tally(a.figures.resolutionSla, resolutionOutcome);
        });
        if (!m_days.empty() && responded) {
            const std::int64_t day = dayIndex(start);
            if (day >= 0 && std::size_t(day) < m_days.size()) {
                m_dayFirstResponse[std::size_t(day)].add(responseWall, responseBusiness);
            }
        }
    }

    void addWait(const WaitFacts& wait)
    {
        if (!m_passes[wait.conversation])
            return;
        const ConversationFacts& c = m_snapshot.conversations[wait.conversation];
        const std::int64_t asked = m_request.clock == Clock::Published && wait.customerPublished != kNoTime
                                       ? std::min(wait.customerPublished, wait.customerAt)
                                       : wait.customerAt;
        if (inPeriod(asked) && agentPasses(wait.agent != kNobody ? wait.agent : c.assignee)) {
            const auto [weekday, hour] = localSlot(asked);
            ++m_volumeIn[std::size_t(weekday)][std::size_t(hour)];
            if (wait.answeredAt != kNoTime) {
                const std::int64_t wall = wait.answeredAt - asked;
                const std::int64_t business = m_calendar.businessSeconds(asked, wait.answeredAt);
                credit(c, wait.agent, m_waitKeys, m_waitTotal, m_waitGroups,
                       [&](WaitTally& a) { a.replyTime.add(wall, business); });
            }
        }
        if (wait.answeredAt != kNoTime && inPeriod(wait.answeredAt) && agentPasses(wait.agent)) {
            const auto [weekday, hour] = localSlot(wait.answeredAt);
            ++m_volumeOut[std::size_t(weekday)][std::size_t(hour)];
        }
        if (wait.thankedAgent != kNobody && inPeriod(wait.customerAt) && agentPasses(wait.thankedAgent))
            credit(c, wait.thankedAgent, m_waitKeys, m_waitTotal, m_waitGroups, [](WaitTally& a) { ++a.compliments; });
    }

    std::pair<int, int> localSlot(std::int64_t utc) const
    {
        const std::int64_t local = utc + m_calendar.timeZone().offsetAt(utc);
        const std::int64_t day = local >= 0 ? local / kDay : (local - kDay + 1) / kDay;
        return {weekdayOfDays(day), int((local - day * kDay) / 3600)};
    }

    // Local day numbers (m_days since 1970-01-01 in the team's zone).
    std::int64_t localDay(std::int64_t utc) const
    {
        const std::int64_t local = utc + m_calendar.timeZone().offsetAt(utc);
        return local >= 0 ? local / kDay : (local - kDay + 1) / kDay;
    }

    std::int64_t dayIndex(std::int64_t utc) const { return localDay(utc) - m_firstDay; }

    void setUpDays()
    {
        std::int64_t from = m_request.filter.since, until = m_request.filter.until == kNoTime ? m_request.now : m_request.filter.until;
        if (from == kNoTime) {
            from = until;
            for (const CycleFacts& cycle : m_snapshot.cycles)
                from = std::min(from, cycle.startedAt);
        }
        if (until <= from)
            return;
        std::int64_t last = localDay(until - 1);
        m_firstDay = std::max(localDay(from), last - std::int64_t(kMostDays) + 1);
        m_days.resize(std::size_t(last - m_firstDay + 1));
        m_dayFirstResponse.resize(m_days.size());
        m_opened.assign(m_days.size() + 1, 0);
        m_closed.assign(m_days.size() + 1, 0);
        m_claimedOrClosed.assign(m_days.size() + 1, 0);
        for (std::size_t d = 0; d < m_days.size(); ++d)
            m_days[d].dayStart = m_calendar.timeZone().toUtc((m_firstDay + std::int64_t(d)) * kDay);
    }

    // Counted into the day it happened (0: before the first day), summed up in finishDays.
    void addToBacklog(const CycleFacts& cycle)
    {
        if (m_days.empty())
            return;
        auto bucket = [&](std::int64_t at) -> std::size_t {
            const std::int64_t d = dayIndex(at) + 1;
            return std::size_t(std::clamp<std::int64_t>(d, 0, std::int64_t(m_days.size())));
        };
        if (dayIndex(cycle.startedAt) >= std::int64_t(m_days.size()))
            return;  // after the period
        ++m_opened[bucket(cycle.startedAt)];
        if (cycle.resolvedAt != kNoTime && dayIndex(cycle.resolvedAt) < std::int64_t(m_days.size()))
            ++m_closed[bucket(cycle.resolvedAt)];
        // Unassigned until someone claims, answers or resolves it.
        std::int64_t taken = kNoTime;
        for (std::int64_t at : {cycle.claimedAt, cycle.firstResponseAt, cycle.resolvedAt})
            if (at != kNoTime && (taken == kNoTime || at < taken))
                taken = at;
        if (taken != kNoTime && dayIndex(taken) < std::int64_t(m_days.size()))
            ++m_claimedOrClosed[bucket(taken)];
    }

    void finishDays(Report& out)
    {
        std::int64_t open = m_opened.empty() ? 0 : m_opened[0] - m_closed[0];
        std::int64_t unassigned = m_opened.empty() ? 0 : m_opened[0] - m_claimedOrClosed[0];
        for (std::size_t d = 0; d < m_days.size(); ++d) {
            open += m_opened[d + 1] - m_closed[d + 1];
            unassigned += m_opened[d + 1] - m_claimedOrClosed[d + 1];
            m_days[d].open = open;
            m_days[d].unassigned = unassigned;
            const Timing t = m_dayFirstResponse[d].finish();
            m_days[d].firstResponseWall = t.wall;
            m_days[d].firstResponseBusiness = t.business;
        }
        out.days = std::move(m_days);
    }

    void finishBreaches(Report& out)
    {
        std::vector<std::size_t> order(m_breaches.size());
        std::iota(order.begin(), order.end(), 0);
        const std::size_t kept = std::min(m_request.breachLimit, order.size());
        std::partial_sort(order.begin(), order.begin() + long(kept), order.end(),
                          [&](std::size_t a, std::size_t b) { return m_breaches[a].overBy > m_breaches[b].overBy; });
        for (std::size_t i = 0; i < kept; ++i) {
            Breach b = m_breaches[order[i]];
            const auto [targetSeconds, business] = m_breachTargets[order[i]];
            b.deadline = (business ? m_calendar : TeamCalendar::alwaysOpen()).addBusinessSeconds(b.startedAt, targetSeconds);
            out.breaches.push_back(b);
        }
    }

    const Snapshot& m_snapshot;
    const TeamCalendar& m_calendar;
    const SlaPolicies& m_policies;
    const ReportRequest& m_request;
    std::vector<bool> m_passes;
    std::unordered_set<std::int32_t> m_agentFilter, m_teamFilter;
    std::vector<std::string> m_groupNames;
    std::map<std::int64_t, std::int32_t> m_sourceGroup;
    Accumulator m_total;
    std::vector<Accumulator> m_groups;
    std::vector<std::int32_t> m_cycleKeys, m_waitKeys;   // scratch: the groups credited
    WaitTally m_waitTotal;
    std::vector<WaitTally> m_waitGroups;
    std::array<std::array<std::int64_t, 24>, 7> m_volumeIn{}, m_volumeOut{};
    std::int64_t m_firstDay = 0;
    std::vector<DayPoint> m_days;
    std::vector<Samples> m_dayFirstResponse;
    std::vector<std::int64_t> m_opened, m_closed, m_claimedOrClosed;
    std::vector<Breach> m_breaches;
    std::vector<std::pair<std::int64_t, bool>> m_breachTargets;
};

// Type 7 (linear between the two nearest ranks), as numpy's default and Excel's PERCENTILE.INC.
// Percentiles are asked for in rising order: `from` is where the previous one put its rank,
// everything after it is no smaller, so each search only looks at what is left.
double percentile(std::vector<std::int64_t>& values, double p, std::size_t& from)
{
    const double h = (double(values.size()) - 1) * p;
    const std::size_t k = std::max(from, std::size_t(std::floor(h)));
    std::nth_element(values.begin() + long(from), values.begin() + long(k), values.end());
    from = k;
    const double low = double(values[k]);
    if (k + 1 >= values.size() || h == double(k))
        return low;
    const double high = double(*std::min_element(values.begin() + long(k) + 1, values.end()));
    return low + (h - double(k)) * (high - low);
}

}  // namespace

Distribution distributionOf(std::vector<std::int64_t>& values)
{
    Distribution out;
    out.count = std::int64_t(values.size());
    if (values.empty())
        return out;
    out.mean = double(std::accumulate(values.begin(), values.end(), std::int64_t(0))) / double(values.size());
    std::size_t from = 0;
    out.median = percentile(values, 0.5, from);
    out.p90 = percentile(values, 0.9, from);
    out.p95 = percentile(values, 0.95, from);
    return out;
}

std::optional<double> SlaTally::percent() const
{
    if (met + breached == 0)
        return std::nullopt;
    return 100.0 * double(met) / double(met + breached);
}

Report computeReport(const Snapshot& snapshot, const TeamCalendar& calendar, const SlaPolicies& policies,
                     const ReportRequest& request)
{
    return Computation(snapshot, calendar, policies, request).run();
}

std::string_view groupByName(GroupBy by)
{
    switch (by) {
    case GroupBy::None: return "none";
    case GroupBy::Agent: return "agent";
    case GroupBy::Team: return "team";
    case GroupBy::Source: return "source";
    case GroupBy::Priority: return "priority";
    case GroupBy::Tag: return "tag";
    }
    return "none";
}

std::optional<GroupBy> parseGroupBy(std::string_view name)
{
    for (GroupBy by : {GroupBy::None, GroupBy::Agent, GroupBy::Team, GroupBy::Source, GroupBy::Priority, GroupBy::Tag})
        if (groupByName(by) == name)
            return by;
    return std::nullopt;
}

}  // namespace earshot::metrics
