#include "earshot/metrics/Snapshot.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "earshot/inbox/Vocabulary.h"
#include "earshot/metrics/ResponseCycles.h"

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

std::int64_t timeOrNone(const store::Statement& row, int column)
{
    return row.optionalInteger(column).value_or(kNoTime);
}

std::int32_t find(const std::vector<std::string>& names, const std::string& name)
{
    const auto it = std::find(names.begin(), names.end(), name);
    return it == names.end() ? kNobody : std::int32_t(it - names.begin());
}

}  // namespace

std::int32_t Snapshot::agentIndex(const std::string& name) const { return find(agents, name); }
std::int32_t Snapshot::tagIndex(const std::string& tag) const { return find(tags, tag); }
std::int32_t Snapshot::teamIndex(const std::string& team) const { return find(teams, team); }

Result<Snapshot> Snapshot::load(store::Database& db, std::int64_t now)
{
    if (auto refreshed = refreshResponseCycles(db); !refreshed)
        return refreshed.error();
    Snapshot out;
    out.takenAt = now;
    Names agents(out.agents), teams(out.teams), tags(out.tags);

    // The profiles first, so that every agent has its teams.
    auto profiles = db.prepare("SELECT name, teams FROM agents ORDER BY name");
    if (!profiles)
        return profiles.error();
    if (auto read = store::eachRow(*profiles, [&](store::Statement& row) {
            const std::int32_t agent = agents.of(row.text(0));
            out.agentTeams.resize(out.agents.size());
            const auto list = nlohmann::json::parse(row.text(1), nullptr, false);
            if (list.is_array())
                for (const auto& team : list)
                    if (team.is_string())
                        out.agentTeams[std::size_t(agent)].push_back(teams.of(team.get<std::string>()));
        });
        !read)
        return read.error();

    auto sources = db.prepare("SELECT id, name FROM sources");
    if (!sources)
        return sources.error();
    if (auto read = store::eachRow(*sources, [&](store::Statement& row) { out.sourceNames[row.integer(0)] = row.text(1); });
        !read)
        return read.error();

    std::unordered_map<std::int64_t, std::uint32_t> indexOf;
    auto conversations = db.prepare(
        "SELECT id, source_id, coalesce(assignee, ''), priority, status FROM conversations ORDER BY id");
    if (!conversations)
        return conversations.error();
    if (auto read = store::eachRow(*conversations, [&](store::Statement& row) {
            ConversationFacts c;
            c.id = row.integer(0);
            c.sourceId = row.integer(1);
            c.assignee = agents.of(row.text(2));
            c.priority = std::uint8_t(inbox::priorityFromInt(row.integer(3)));
            c.status = std::uint8_t(inbox::parseStatus(row.text(4)).value_or(inbox::ConversationStatus::Open));
            indexOf.emplace(c.id, std::uint32_t(out.conversations.size()));
            out.conversations.push_back(c);
        });
        !read)
        return read.error();

    // Tags come ordered by conversation, as the conversations are.
    auto tagRows = db.prepare("SELECT conversation_id, tag FROM conversation_tags ORDER BY conversation_id, tag");
    if (!tagRows)
        return tagRows.error();
    if (auto read = store::eachRow(*tagRows, [&](store::Statement& row) {
            const auto it = indexOf.find(row.integer(0));
            if (it == indexOf.end())
                return;
            ConversationFacts& c = out.conversations[it->second];
            if (c.tagsBegin == c.tagsEnd)
                c.tagsBegin = c.tagsEnd = std::uint32_t(out.conversationTags.size());
            out.conversationTags.push_back(tags.of(row.text(1)));
            c.tagsEnd = std::uint32_t(out.conversationTags.size());
        });
        !read)
        return read.error();

    auto cycles = db.prepare(
        "SELECT conversation_id, cycle, started_at, started_published, first_response_at, coalesce(first_responder, ''),"
        " claimed_at, resolved_at, coalesce(resolver, '') FROM response_cycles ORDER BY conversation_id, cycle");
    if (!cycles)
        return cycles.error();
    if (auto read = store::eachRow(*cycles, [&](store::Statement& row) {
            const auto it = indexOf.find(row.integer(0));
            if (it == indexOf.end())
                return;
            out.cycles.push_back({.conversation = it->second,
                                  .number = std::int32_t(row.integer(1)),
                                  .startedAt = row.integer(2),
                                  .startedPublished = timeOrNone(row, 3),
                                  .firstResponseAt = timeOrNone(row, 4),
                                  .claimedAt = timeOrNone(row, 6),
                                  .resolvedAt = timeOrNone(row, 7),
                                  .firstResponder = agents.of(row.text(5)),
                                  .resolver = agents.of(row.text(8))});
        });
        !read)
        return read.error();

    auto waits = db.prepare(
        "SELECT conversation_id, customer_at, customer_published, answered_at, coalesce(agent, ''),"
        " coalesce(thanked_agent, '') FROM response_waits");
    if (!waits)
        return waits.error();
    if (auto read = store::eachRow(*waits, [&](store::Statement& row) {
            const auto it = indexOf.find(row.integer(0));
            if (it == indexOf.end())
                return;
            out.waits.push_back({.conversation = it->second,
                                 .customerAt = row.integer(1),
                                 .customerPublished = timeOrNone(row, 2),
                                 .answeredAt = timeOrNone(row, 3),
                                 .agent = agents.of(row.text(4)),
                                 .thankedAgent = agents.of(row.text(5))});
        });
        !read)
        return read.error();
    out.agentTeams.resize(out.agents.size());
    return out;
}

}  // namespace earshot::metrics
