// The conversations of a workspace as the inbox reads them: lists a page at a time (tags
// included, one query per page), the numbers beside the views, and one conversation whole
// (its source and customer, mentions, replies, notes and tags), its timeline, the customer's
// other conversations, the agent's draft, and which of an agent's conversations customers
// reopened. Reads only: every method works on a reading session beside the writer's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "earshot/core/Result.h"
#include "earshot/domain/Vocabulary.h"
#include "earshot/store/ConversationQuery.h"

namespace earshot::store {

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
    domain::Channel channel = domain::Channel::OffPlatform;
    std::string externalId;
    std::int64_t sentAt = 0;
    domain::Delivery delivery = domain::Delivery::Recorded;
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
    domain::ConversationStatus status = domain::ConversationStatus::New;
    std::string assignee;                   // empty: nobody
    std::string lastAgent;
    domain::Priority priority = domain::Priority::Normal;
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
    bool canPostOnPlatform = false;         // set by the inbox: false: copy the reply and open the link

    std::string customerPlatform;
    std::string customerHandle;
    std::string customerName;
    std::string customerProfileUrl;
    std::optional<std::int64_t> customerFollowers;

    std::vector<ConversationMention> mentions;   // oldest first
    std::vector<ConversationReply> replies;      // oldest first
    std::vector<ConversationNote> notes;         // oldest first
};

struct ReopenedConversation {
    std::int64_t conversationId = 0;
    std::int64_t reopenedAt = 0;
    domain::ConversationStatus fromStatus = domain::ConversationStatus::Resolved;   // when the customer wrote
    domain::ConversationStatus status = domain::ConversationStatus::Open;   // what it is now
    std::string snippet;                    // the customer's latest words
};

struct Draft {
    std::string body;
    std::int64_t updatedAt = 0;
};

// Another conversation of the same customer (or the same handle on another platform).
struct CustomerConversation {
    std::int64_t id = 0;
    domain::ConversationStatus status = domain::ConversationStatus::New;
    std::string snippet;
    std::int64_t lastCustomerAt = 0;
    std::string sourceName;
};

class ConversationStore {
public:
    virtual ~ConversationStore() = default;

    // One page of at most `limit` conversations (1 .. 10,000), after `after` (the first page
    // when empty). A malformed search is an error that says how to write it.
    virtual Result<ConversationPage> list(const ConversationFilter& filter, int limit,
                                          const std::optional<ConversationCursor>& after = {}) = 0;
    // The conversations among `ids` that still exist, with the same fields as a list row, and
    // for each whether it belongs in the filter's list, in the order of `ids`: for updating a
    // list in place after a change without reading it again.
    virtual Result<std::vector<ConversationMatch>> read(const ConversationFilter& filter,
                                                        const std::vector<std::int64_t>& ids) = 0;
    virtual Result<ConversationCounts> count(const std::string& agent = {}) = 0;

    // One conversation whole, from one snapshot; an error names a conversation that is not there.
    virtual Result<ConversationDetail> detail(std::int64_t conversationId) = 0;
    // Every event of the conversation, oldest first (ties in the order they were written).
    virtual Result<std::vector<TimelineEntry>> timeline(std::int64_t conversationId) = 0;
    // The customer's other conversations (also under the same handle on other platforms),
    // the most recent first, at most `limit`.
    virtual Result<std::vector<CustomerConversation>> customersOthers(std::int64_t conversationId, int limit) = 0;
    // Conversations the agent still holds that a customer's new mention reopened at or after
    // `since`, newest first.
    virtual Result<std::vector<ReopenedConversation>> reopenedFor(const std::string& agent, std::int64_t since) = 0;
    virtual Result<std::optional<Draft>> draft(std::int64_t conversationId, const std::string& agent) = 0;
};

}  // namespace earshot::store
