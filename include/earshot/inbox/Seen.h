// What an agent has seen of a conversation: every post and every event the pane showed when
// they opened it. Sending a reply with it refuses to send over what others did since (a
// colleague's reply or note, a claim or status change, the customer writing again), so an
// agent never answers blind; they read it, then send anyway or rewrite.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "earshot/core/Result.h"
#include "earshot/inbox/ConversationReader.h"
#include "earshot/store/Session.h"

namespace earshot::inbox {

struct Seen {
    std::int64_t conversationId = 0;
    std::vector<std::int64_t> mentions;   // sorted ids
    std::vector<std::int64_t> events;     // sorted ids
};

Seen seenOf(const ConversationDetail& detail, const std::vector<TimelineEntry>& timeline);

// What others did that the agent has not seen: the customer's new posts, and other people's
// actions (the engine's bookkeeping of posting and reopening left out: the posts say it).
struct Unseen {
    std::vector<ConversationMention> mentions;
    std::vector<TimelineEntry> events;
    bool empty() const { return mentions.empty() && events.empty(); }
};

Result<Unseen> unseenSince(store::Session& session, const Seen& seen, const std::string& agent);

// One line per change, for the command line and the log ("Eva de Graaf replied; the customer wrote again").
std::string describeUnseen(const Unseen& unseen);

}  // namespace earshot::inbox
