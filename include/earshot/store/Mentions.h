// Mentions: what the public said, each in exactly one conversation. Ingesting is
// idempotent per (source, external id), so polling a feed twice stores nothing twice.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "earshot/core/Result.h"
#include "earshot/domain/Vocabulary.h"

namespace earshot::store {

struct AuthorInfo {
    std::string platform;       // "feed", "mastodon", ...
    std::string handle;         // unique per platform; empty: unknown author
    std::string displayName;
    std::string profileUrl;
    std::optional<std::int64_t> followers;
};

struct NewMention {
    std::string externalId;     // guid/id, else a stable hash (see stableExternalId)
    std::string title;
    std::string body;
    std::string link;
    std::vector<std::string> htmlLinks;
    std::string replyTo;        // the external id of the post this answers, if any
    std::string threadId;       // the platform's thread/root id, if any
    std::optional<std::int64_t> publishedAt;
    AuthorInfo author;
    // Platform mentions only (feeds leave them empty). externalId is then a global URI, so a
    // post heard through two sources is stored once; platformId is the platform's own id where
    // replies point by it (Mastodon's instance-local status id), and platformRef, as JSON,
    // what a reply on the platform needs ("{}" where Earshot cannot post).
    std::string platformId;
    std::optional<std::string> platformRef;
};

struct IngestResult {
    std::vector<std::int64_t> mentionIds;             // newly stored
    std::vector<std::int64_t> conversationsCreated;
    std::vector<std::int64_t> conversationsReopened;
    int duplicates = 0;
};

// A stable id for an item without guid: a hash of link, title and date.
std::string stableExternalId(const std::string& link, const std::string& title, std::optional<std::int64_t> date);

struct MentionRow {
    std::int64_t id = 0;
    std::int64_t sourceId = 0;
    std::string sourceName;
    std::int64_t conversationId = 0;
    std::string externalId;
    std::string author;
    std::string title;
    std::string body;
    std::string link;
    std::optional<std::int64_t> publishedAt;
    std::int64_t ingestedAt = 0;
};

struct MentionQuery {
    std::optional<std::int64_t> since;      // ingested at or after
    std::string search;                     // FTS5 query over title and body
    int limit = 50;
    // Keyset paging: rows strictly older than (ingestedAt, id).
    std::optional<std::pair<std::int64_t, std::int64_t>> before;
};


// Which sources' conversations a new mention may join (inbox::ingestMentions decides): their ids.
using SourceScope = std::vector<std::int64_t>;

// How a reply names the post it answers: by that post's external id, or (Mastodon) by the
// platform's own id of it.
enum class PostId { External, Platform };

// A conversation to start with its first customer message.
struct NewConversation {
    std::int64_t sourceId = 0;
    std::string threadKey;
    std::optional<std::int64_t> customerId;   // the author, when known
    std::int64_t at = 0;
    std::string snippet;
    int priority = 1;
};

// Where a conversation stood before a customer's new message was counted in.
struct ConversationHolding {
    domain::ConversationStatus status = domain::ConversationStatus::New;
    std::string assignee;   // empty: nobody holds it
};

// What was heard: the steps of storing new mentions, and mention lists. The rules (what is a
// duplicate, which conversation a mention joins, when one reopens) are inbox::ingestMentions';
// the steps run inside its transaction.
class MentionStore {
public:
    virtual ~MentionStore() = default;

    // The mention a source stored under this external id (a feed item is the source's own).
    virtual Result<std::optional<std::int64_t>> findHeard(std::int64_t sourceId, const std::string& externalId) = 0;
    // The platform post stored under this global id, whichever source heard it.
    virtual Result<std::optional<std::int64_t>> findPlatformPost(const std::string& externalId) = 0;
    // The thread of the conversation that holds the post `id` names, among the scope's sources.
    virtual Result<std::optional<std::string>> threadOfPost(const SourceScope& scope, PostId by, const std::string& id) = 0;
    // The oldest conversation of a thread among the scope's sources.
    virtual Result<std::optional<std::int64_t>> conversationOfThread(const SourceScope& scope,
                                                                     const std::string& threadKey) = 0;
    // The author's id, stored or updated with what this sighting says (an empty field keeps
    // what was known); nothing for an author without a handle.
    virtual Result<std::optional<std::int64_t>> rememberAuthor(const AuthorInfo& author) = 0;
    // Returns the new conversation's id; counted in its source's new conversations.
    virtual Result<std::int64_t> startConversation(const NewConversation& conversation) = 0;
    // Counts a customer's further message in (the snippet becomes the conversation's) and says
    // where the conversation stood before.
    virtual Result<ConversationHolding> addCustomerMessage(std::int64_t conversationId, std::int64_t at,
                                                           const std::string& snippet) = 0;
    // Back to `status` (new or open) from resolved or pending.
    virtual Status reopen(std::int64_t conversationId, domain::ConversationStatus status) = 0;
    // Returns the stored mention's id.
    virtual Result<std::int64_t> storeMention(std::int64_t sourceId, std::int64_t conversationId,
                                              std::optional<std::int64_t> authorId, const NewMention& mention,
                                              std::int64_t now) = 0;

    // Newest first.
    virtual Result<std::vector<MentionRow>> list(const MentionQuery& query) = 0;
};

}  // namespace earshot::store
