#include "earshot/inbox/Seen.h"

#include <algorithm>

namespace earshot::inbox {

namespace {

using domain::EventKind;

bool contains(const std::vector<std::int64_t>& sorted, std::int64_t id)
{
    return std::binary_search(sorted.begin(), sorted.end(), id);
}

// Bookkeeping that follows from what is shown anyway: posting our replies, and the reopening
// and creation a customer's post causes.
bool worthTelling(EventKind kind)
{
    return kind != EventKind::ConversationCreated && kind != EventKind::Reopened && kind != EventKind::ReplyDelivered &&
           kind != EventKind::ReplyFailed && kind != EventKind::CheckOverridden;
}

}  // namespace

Seen seenOf(const ConversationDetail& detail, const std::vector<TimelineEntry>& timeline)
{
    Seen seen{.conversationId = detail.id};
    for (const ConversationMention& mention : detail.mentions)
        seen.mentions.push_back(mention.id);
    for (const TimelineEntry& entry : timeline)
        seen.events.push_back(entry.id);
    std::sort(seen.mentions.begin(), seen.mentions.end());
    std::sort(seen.events.begin(), seen.events.end());
    return seen;
}

Result<Unseen> unseenSince(store::Session& session, const Seen& seen, const std::string& agent)
{
    auto detail = readConversation(session, seen.conversationId);
    if (!detail)
        return detail.error();
    auto timeline = readTimeline(session, seen.conversationId);
    if (!timeline)
        return timeline.error();
    Unseen unseen;
    for (const ConversationMention& mention : detail->mentions)
        if (!contains(seen.mentions, mention.id))
            unseen.mentions.push_back(mention);
    for (const TimelineEntry& entry : *timeline)
        if (!contains(seen.events, entry.id) && entry.actor != agent && worthTelling(entry.kind))
            unseen.events.push_back(entry);
    return unseen;
}

std::string describeUnseen(const Unseen& unseen)
{
    std::string said;
    const auto add = [&](const std::string& line) { said += (said.empty() ? "" : "; ") + line; };
    if (!unseen.mentions.empty())
        add(unseen.mentions.size() == 1 ? "the customer wrote again"
                                        : "the customer wrote " + std::to_string(unseen.mentions.size()) + " times");
    for (const TimelineEntry& entry : unseen.events) {
        switch (entry.kind) {
        case EventKind::Replied: add(entry.actor + " replied"); break;
        case EventKind::Note: add(entry.actor + " added a note"); break;
        case EventKind::Claimed: add(entry.actor + " claimed it"); break;
        case EventKind::TakenOver: add(entry.actor + " took it over"); break;
        case EventKind::Assigned: add(entry.actor + " handed it to " + entry.toValue.value_or("nobody")); break;
        case EventKind::Released: add(entry.actor + " released it"); break;
        default:
            add(entry.actor + " changed " + std::string(domain::eventKindName(entry.kind)) + " to " +
                entry.toValue.value_or("nothing"));
        }
    }
    return said;
}

}  // namespace earshot::inbox
