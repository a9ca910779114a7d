// The one conversation reader of the console and the CLI: what a conversation pane, a
// transcript and `inbox show` read, through the workspace's conversation store, with the
// inbox's own judgement added (whether Earshot can post on the conversation's platform).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "earshot/core/Result.h"
#include "earshot/inbox/Vocabulary.h"
#include "earshot/store/ConversationStore.h"
#include "earshot/store/Session.h"

namespace earshot::inbox {

using store::ConversationDetail;
using store::ConversationMention;
using store::ConversationNote;
using store::ConversationReply;
using store::CustomerConversation;
using store::Draft;
using store::ReopenedConversation;
using store::TimelineEntry;

Result<ConversationDetail> readConversation(store::Session& session, std::int64_t conversationId);

// Every event of the conversation, oldest first (ties in the order they were written).
Result<std::vector<TimelineEntry>> readTimeline(store::Session& session, std::int64_t conversationId);

// Conversations the agent still holds that a customer's new mention reopened at or after
// `since`, newest first: what the console and `inbox reopened` tell the agent.
Result<std::vector<ReopenedConversation>> reopenedFor(store::Session& session, const std::string& agent,
                                                      std::int64_t since);

Result<std::optional<Draft>> loadDraft(store::Session& session, std::int64_t conversationId, const std::string& agent);

}  // namespace earshot::inbox
