#include "earshot/metrics/Snapshot.h"

#include <algorithm>

#include "earshot/domain/Vocabulary.h"
#include "earshot/store/MetricsStore.h"

namespace earshot::metrics {

namespace {

// Names as small indexes, in order of first sight.
class Names {
public:
    explicit Names(std::vector<std::string>& names) : m_names(names) {}
    std::int32_t of(const std::string& name)
    {
        if (name.empty())
            return kNobody;
        const auto [it, added] = m_index.try_emplace(name, std::int32_t(m_names.size()));
        if (added)
            m_names.push_back(name);
        return it->second;
    }

private:
    std::vector<std::string>& m_names;
    std::unordered_map<std::string, std::int32_t> m_index;
};

std::int32_t find(const std::vector<std::string>& names, const std::string& name)
{
    const auto it = std::find(names.begin(), names.end(), name);
    return it == names.end() ? kNobody : std::int32_t(it - names.begin());
}

}  // namespace

std::int32_t Snapshot::agentIndex(const std::string& name) const { return find(agents, name); }
std::int32_t Snapshot::tagIndex(const std::string& tag) const { return find(tags, tag); }
std::int32_t Snapshot::teamIndex(const std::string& team) const { return find(teams, team); }

Result<Snapshot> Snapshot::load(store::Session& session, std::int64_t now)
{
    store::MetricsStore& store = session.metrics();
    Snapshot out;
    out.takenAt = now;
    Names agentNames(out.agents), teamNames(out.teams), tagNames(out.tags);

    // The profiles first, so that every agent has its teams.
    if (auto read = store.eachAgent([&](const std::string& name, const std::vector<std::string>& memberOf) {
            const std::int32_t agent = agentNames.of(name);
            out.agentTeams.resize(out.agents.size());
            for (const std::string& team : memberOf)
                out.agentTeams[std::size_t(agent)].push_back(teamNames.of(team));
        });
        !read)
        return read.error();

    if (auto read = store.eachSourceName([&](std::int64_t id, const std::string& name) { out.sourceNames[id] = name; });
        !read)
        return read.error();

    std::unordered_map<std::int64_t, std::uint32_t> indexOf;
    if (auto read = store.eachConversation([&](const store::MetricsConversationRow& row) {
            ConversationFacts c;
            c.id = row.id;
            c.sourceId = row.sourceId;
            c.assignee = agentNames.of(row.assignee);
            c.priority = std::uint8_t(domain::priorityFromInt(row.priority));
            c.status = std::uint8_t(domain::parseStatus(row.status).value_or(domain::ConversationStatus::Open));
            indexOf.emplace(c.id, std::uint32_t(out.conversations.size()));
            out.conversations.push_back(c);
        });
        !read)
        return read.error();

    // Tags come ordered by conversation, as the conversations are.
    if (auto read = store.eachConversationTag([&](std::int64_t conversation, const std::string& tag) {
            const auto it = indexOf.find(conversation);
            if (it == indexOf.end())
                return;
            ConversationFacts& c = out.conversations[it->second];
            if (c.tagsBegin == c.tagsEnd)
                c.tagsBegin = c.tagsEnd = std::uint32_t(out.conversationTags.size());
            out.conversationTags.push_back(tagNames.of(tag));
            c.tagsEnd = std::uint32_t(out.conversationTags.size());
        });
        !read)
        return read.error();

    if (auto read = store.eachCycle([&](const store::CycleRow& row) {
            const auto it = indexOf.find(row.conversation);
            if (it == indexOf.end())
                return;
            out.cycles.push_back({.conversation = it->second,
                                  .number = row.number,
                                  .startedAt = row.startedAt,
                                  .startedPublished = row.startedPublished.value_or(kNoTime),
                                  .firstResponseAt = row.firstResponseAt.value_or(kNoTime),
                                  .claimedAt = row.claimedAt.value_or(kNoTime),
                                  .resolvedAt = row.resolvedAt.value_or(kNoTime),
                                  .firstResponder = agentNames.of(row.firstResponder),
                                  .resolver = agentNames.of(row.resolver)});
        });
        !read)
        return read.error();

    if (auto read = store.eachWait([&](const store::WaitRow& row) {
            const auto it = indexOf.find(row.conversation);
            if (it == indexOf.end())
                return;
            out.waits.push_back({.conversation = it->second,
                                 .customerAt = row.customerAt,
                                 .customerPublished = row.customerPublished.value_or(kNoTime),
                                 .answeredAt = row.answeredAt.value_or(kNoTime),
                                 .agent = agentNames.of(row.agent),
                                 .thankedAgent = agentNames.of(row.thankedAgent)});
        });
        !read)
        return read.error();
    out.agentTeams.resize(out.agents.size());
    return out;
}

}  // namespace earshot::metrics
