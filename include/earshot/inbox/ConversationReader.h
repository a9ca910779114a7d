// Everything a conversation pane shows, read in a few indexed queries: the conversation
// with its source and customer, its mentions, replies, notes and tags, its timeline, the
// agent's draft, and which of an agent's conversations customers reopened. Reads only, so
// every function works on a read-only connection beside the writer's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "earshot/core/Result.h"
#include "earshot/inbox/Vocabulary.h"
#include "store/sqlite/Database.h"

namespace earshot::inbox {

struct TimelineEntry {
    std::int64_t id = 0;
    std::int64_t at = 0;
    std::string actor;
    domain::EventKind kind = domain::EventKind::Note;
    std::optional<std::string> fromValue;
    std::optional<std::string> toValue;
    std::optional<std::string> detail;
};

struct ConversationMention {
    std::int64_t id = 0;
    std::string externalId;
    std::string authorHandle;
    std::string authorName;                 // display name, else empty
    std::string title;
    std::string body;
    std::string link;
    std::string replyTo;
    std::optional<std::int64_t> publishedAt;
    std::int64_t ingestedAt = 0;
};

struct ConversationReply {
    std::int64_t id = 0;
    std::string agent;
    std::string body;
    Channel channel = Channel::OffPlatform;
    std::string externalId;
    std::int64_t sentAt = 0;
    std::string delivery = "recorded";   // platform replies: sending, sent or failed
    std::string platformUrl;             // where a posted reply lives
    std::string deliveryError;           // why it was not posted
};

struct ConversationNote {
    std::int64_t id = 0;
    std::string agent;
    std::string body;
    std::int64_t createdAt = 0;
};

struct ConversationDetail {
    std::int64_t id = 0;
    ConversationStatus status = ConversationStatus::New;
    std::string assignee;                   // empty: nobody
    std::string lastAgent;
    Priority priority = Priority::Normal;
    std::vector<std::string> tags;          // sorted
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;
    std::int64_t lastCustomerAt = 0;
    std::optional<std::int64_t> firstResponseAt;
    std::optional<std::int64_t> resolvedAt;
    std::int64_t messageCount = 0;
    std::string snippet;

    std::int64_t sourceId = 0;
    std::string sourceName;
    std::string sourceKind;
    bool canPostOnPlatform = false;         // false: copy the reply and open the link

    std::string customerPlatform;
    std::string customerHandle;
    std::string customerName;
    std::string customerProfileUrl;
    std::optional<std::int64_t> customerFollowers;

    std::vector<ConversationMention> mentions;   // oldest first
    std::vector<ConversationReply> replies;      // oldest first
    std::vector<ConversationNote> notes;         // oldest first
};

Result<ConversationDetail> readConversation(store::Database& db, std::int64_t conversationId);

// Every event of the conversation, oldest first (ties in the order they were written).
Result<std::vector<TimelineEntry>> readTimeline(store::Database& db, std::int64_t conversationId);

struct ReopenedConversation {
    std::int64_t conversationId = 0;
    std::int64_t reopenedAt = 0;
    std::string fromStatus;                 // what it was when the customer wrote
    ConversationStatus status = ConversationStatus::Open;   // what it is now
    std::string snippet;                    // the customer's latest words
};

// Conversations the agent still holds that a customer's new mention reopened at or after
// `since`, newest first: what the console and `inbox reopened` tell the agent.
Result<std::vector<ReopenedConversation>> reopenedFor(store::Database& db, const std::string& agent,
                                                      std::int64_t since);

struct Draft {
    std::string body;
    std::int64_t updatedAt = 0;
};

Result<std::optional<Draft>> loadDraft(store::Database& db, std::int64_t conversationId, const std::string& agent);

}  // namespace earshot::inbox
