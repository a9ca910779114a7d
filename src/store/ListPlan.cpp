#include "store/ListPlan.h"

#include <algorithm>
#include <string>

namespace earshot::store {

Status checkListRequest(const ConversationFilter& filter, int limit)
{
    if (limit < 1 || limit > kMaxListLimit)
        return fail("a page holds 1 to " + std::to_string(kMaxListLimit) + " conversations, not " + std::to_string(limit));
    if (filter.view == ConversationView::Mine && filter.agent.empty())
        return fail("whose conversations? 'mine' needs an agent name");
    return Ok{};
}

Result<std::optional<ListPlan>> planList(const ConversationFilter& filter, std::optional<std::int64_t> searchMatches,
                                         const std::function<Result<std::int64_t>()>& countTagged)
{
    ListPlan plan;
    if (!filter.search.empty()) {
        if (searchMatches.value_or(0) == 0)
            return std::optional<ListPlan>();
        if (*searchMatches <= kSearchDriveLimit)
            plan.driver = ListPlan::Driver::SearchMatches;
        else
            plan.checkSearch = true;
    }
    if (!filter.tag.empty()) {
        plan.checkTag = true;
        if (plan.driver == ListPlan::Driver::Streams) {
            auto tagged = countTagged();
            if (!tagged)
                return tagged.error();
            if (*tagged == 0)
                return std::optional<ListPlan>();
            if (*tagged <= kTagDriveLimit) {
                plan.driver = ListPlan::Driver::TagMembers;
                plan.checkTag = false;
            }
        }
    }
    return std::optional<ListPlan>(plan);
}

std::optional<ConversationCursor> cutToPage(std::vector<ConversationCursor>& keys, int limit)
{
    if (keys.size() <= std::size_t(limit))
        return std::nullopt;
    keys.resize(std::size_t(limit));
    return keys.back();
}

std::vector<std::int64_t> idsOf(const std::vector<ConversationCursor>& keys)
{
    std::vector<std::int64_t> ids;
    ids.reserve(keys.size());
    for (const ConversationCursor& key : keys)
        ids.push_back(key.id);
    return ids;
}

Status walkBuckets(const ConversationFilter& filter, const std::optional<ConversationCursor>& after,
                   std::vector<ConversationCursor>& keys, std::size_t wanted, const BucketReader& readBucket)
{
    if (filter.sort != ConversationSort::Priority) {
        if (auto done = readBucket(std::nullopt, after); !done)
            return done;
    } else {
        const int first = after ? after->priority : 3;
        for (int priority = first; priority >= 0 && keys.size() < wanted; --priority) {
            const bool cursorBucket = after && priority == after->priority;
            if (auto done = readBucket(priority, cursorBucket ? after : std::nullopt); !done)
                return done;
        }
    }
    if (keys.size() > wanted)
        keys.resize(wanted);
    return Ok{};
}

bool belongsInList(const ConversationRow& row, const ConversationFilter& filter)
{
    const auto statuses = statusesOf(filter.view);
    return std::find(statuses.begin(), statuses.end(), row.status) != statuses.end() &&
           (filter.view != ConversationView::Mine || row.assignee == filter.agent) &&
           (!filter.sourceId || row.sourceId == *filter.sourceId) &&
           (filter.tag.empty() || std::binary_search(row.tags.begin(), row.tags.end(), filter.tag));
}

}  // namespace earshot::store
