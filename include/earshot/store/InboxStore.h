// The inbox's actions as statements: what inbox::Inbox and inbox::ReplyPublisher read to
// decide, and the changes they decide on (claims, status, holder, priority, replies, notes,
// tags, drafts, the event log, a reply's delivery). Every call runs on its session, inside
// the transaction the caller opened. The store only executes: who may claim, which status
// changes are allowed and which post a reply answers are decided in src/inbox.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "earshot/core/Result.h"
#include "earshot/domain/Vocabulary.h"
#include "earshot/store/Event.h"

namespace earshot::store {

// What the inbox's rules decide on.
struct InboxState {
    std::int64_t id = 0;
    domain::ConversationStatus status = domain::ConversationStatus::New;
    std::string assignee;     // empty: nobody
    std::string sourceKind;
    domain::Priority priority = domain::Priority::Normal;
};

// One post of a conversation, as a platform reply could answer it.
struct ReplyCandidate {
    std::int64_t mentionId = 0;
    std::optional<std::int64_t> authorId;
    std::optional<std::string> authorHandle;
    std::string sourceKind;                  // of the source that heard it
    std::optional<std::string> sourceActor;  // the account an account source follows, when it has one
    std::int64_t postedAt = 0;               // published, else heard
};

struct ReplyCandidates {
    std::vector<ReplyCandidate> posts;       // every post of the conversation, in no order
    // The author under whom one of our posted replies came back (the brand's own account,
    // when it is listened to); none when no posted reply was heard.
    std::optional<std::int64_t> ourAuthorId;
};

struct NewReply {
    std::int64_t conversationId = 0;
    std::string agent;
    std::string body;
    domain::Channel channel = domain::Channel::OffPlatform;
    std::int64_t at = 0;
    domain::Delivery delivery = domain::Delivery::Recorded;
    // A fresh random key, which the platform sees on every attempt to post it.
    bool idempotencyKey = false;
    std::optional<std::int64_t> inReplyTo;   // the mention it answers
    std::optional<std::string> visibility;   // none: the post's own
};

// A platform reply and the post it answers, as a connector needs them to post it.
struct OutgoingReply {
    std::int64_t id = 0;
    std::int64_t conversationId = 0;
    std::int64_t sourceId = 0;
    std::string body;
    std::string idempotencyKey;
    std::int64_t recordedAt = 0;
    std::string visibility;                  // empty: the post's own
    std::optional<domain::Delivery> delivery;
    std::optional<domain::Channel> channel;
    std::string postExternalId;              // empty when it answers no post
    std::string postPlatformId;
    std::string postPlatformRef;
    std::string authorHandle;
};

// How posting a reply ended.
struct Delivered {
    bool sent = false;
    std::string postId;                      // sent: the platform's id and address of the post
    std::string url;
    std::string error;                       // not sent: why
    std::int64_t at = 0;
};

// What the reply checks of a conversation depend on.
struct ReplyCheckFacts {
    std::string sourceKind;
    std::string customerPlatform;            // empty when the customer is unknown
};

// What a canned reply's variables are filled from; what is not stored stays empty.
struct TemplateFacts {
    std::optional<std::string> sourceName;
    std::optional<std::string> customerName;
    std::optional<std::string> customerHandle;
    std::optional<std::string> conversationLink;   // of its first post with a link
    std::optional<std::string> agentFirstName;     // of the agent asked for, when they have a profile
};

class InboxStore {
public:
    virtual ~InboxStore() = default;
    InboxStore(const InboxStore&) = delete;
    InboxStore& operator=(const InboxStore&) = delete;

    // Reading what the rules decide on; none when there is no such conversation.
    virtual Result<std::optional<InboxState>> state(std::int64_t conversationId) = 0;
    virtual Result<std::optional<ReplyCheckFacts>> replyCheckFacts(std::int64_t conversationId) = 0;
    virtual Result<std::optional<TemplateFacts>> templateFacts(std::int64_t conversationId,
                                                               const std::string& agent) = 0;
    virtual Result<ReplyCandidates> replyCandidates(std::int64_t conversationId) = 0;

    // The claim: one conditional statement, true when `agent` now holds it, false when someone
    // held it already. `openIfNew` also makes a 'new' conversation 'open'.
    virtual Result<bool> claimIfFree(std::int64_t conversationId, const std::string& agent, std::int64_t at,
                                     bool openIfNew) = 0;
    // Nobody holds it any more (only while `agent` did); an 'open' one becomes 'new'.
    virtual Status release(std::int64_t conversationId, const std::string& agent, std::int64_t at) = 0;
    // `to` holds it, as `actor` decided; a 'new' one becomes 'open'.
    virtual Status assign(std::int64_t conversationId, const std::string& to, const std::string& actor,
                          std::int64_t at) = 0;
    // `agent` holds it instead of `previous` (only while they did); a 'new' one becomes 'open'.
    virtual Status takeOver(std::int64_t conversationId, const std::string& agent, const std::string& previous,
                            std::int64_t at) = 0;
    // Also sets the resolved time when `status` is resolved, and clears it otherwise.
    virtual Status setStatus(std::int64_t conversationId, domain::ConversationStatus status,
                             const std::string& agent, std::int64_t at) = 0;
    virtual Status setPriority(std::int64_t conversationId, domain::Priority priority, const std::string& agent,
                               std::int64_t at) = 0;
    // Who last worked on it, and when.
    virtual Status touch(std::int64_t conversationId, const std::string& agent, std::int64_t at) = 0;
    // After a reply: touched, and when `responds` the first response time unless it has one.
    virtual Status markAnswered(std::int64_t conversationId, const std::string& agent, std::int64_t at,
                                bool responds) = 0;
    // A platform reply was posted: the first response time unless it has one.
    virtual Status markResponded(std::int64_t conversationId, std::int64_t at) = 0;

    // Each returns the new row's id.
    virtual Result<std::int64_t> insertReply(const NewReply& reply) = 0;
    virtual Result<std::int64_t> insertNote(std::int64_t conversationId, const std::string& agent,
                                            const std::string& body, std::int64_t at) = 0;
    // False when it had the tag already / did not have it.
    virtual Result<bool> addTag(std::int64_t conversationId, const std::string& tag) = 0;
    virtual Result<bool> removeTag(std::int64_t conversationId, const std::string& tag) = 0;
    virtual Status appendEvent(const Event& event) = 0;

    // One draft per (conversation, agent).
    virtual Status saveDraft(std::int64_t conversationId, const std::string& agent, const std::string& body,
                             std::int64_t at) = 0;
    virtual Status clearDraft(std::int64_t conversationId, const std::string& agent) = 0;

    // Replies on their way to a platform. None when there is no such reply.
    virtual Result<std::optional<OutgoingReply>> outgoingReply(std::int64_t replyId) = 0;
    // The claim on posting a reply, one conditional statement: true when this caller may post
    // it (it is sending or failed, or was left posting `abandonedAfter` seconds or longer ago).
    virtual Result<bool> claimPosting(std::int64_t replyId, std::int64_t now, std::int64_t abandonedAfter) = 0;
    virtual Status recordDelivery(std::int64_t replyId, const Delivered& delivered) = 0;
    // The conversation a reply belongs to.
    virtual Result<std::optional<std::int64_t>> replyConversation(std::int64_t replyId) = 0;
    // The conversation's newest reply (highest id) whose delivery is `delivery`.
    virtual Result<std::optional<std::int64_t>> latestReply(std::int64_t conversationId,
                                                            domain::Delivery delivery) = 0;

protected:
    InboxStore() = default;
};

}  // namespace earshot::store
