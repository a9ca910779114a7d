// Whole histories written at once, as the demo generator writes them: the loader picks the
// ids (so events can name a reply before it is read back), and what keeps a live workspace
// fast row by row (secondary indexes, the inbox counts, the search index) is rebuilt once at
// the end. Opened through Workspace::bulkLoad, on a workspace nobody else writes meanwhile.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "earshot/core/Result.h"
#include "earshot/domain/Vocabulary.h"
#include "earshot/store/Event.h"
#include "earshot/store/Mentions.h"

namespace earshot::store {

struct BulkConversation {
    std::int64_t id = 0;
    std::int64_t sourceId = 0;
    std::string_view threadKey;
    std::int64_t customerId = 0;
    domain::ConversationStatus status = domain::ConversationStatus::New;
    std::string_view assignee;          // empty: nobody
    std::string_view lastAgent;         // empty: nobody
    domain::Priority priority = domain::Priority::Normal;
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;
    std::int64_t lastCustomerAt = 0;
    std::optional<std::int64_t> firstResponseAt;
    std::optional<std::int64_t> resolvedAt;
    std::int64_t messageCount = 0;
    std::string_view snippet;
};

struct BulkMention {
    std::int64_t id = 0;
    std::int64_t sourceId = 0;
    std::string_view externalId;
    std::int64_t conversationId = 0;
    std::int64_t authorId = 0;
    std::string_view title;
    std::string_view body;
    std::string_view link;
    std::string_view replyTo;           // empty: a thread's first post
    std::optional<std::int64_t> publishedAt;
    std::int64_t ingestedAt = 0;
};

struct BulkReply {
    std::int64_t id = 0;
    std::int64_t conversationId = 0;
    std::string_view agent;
    std::string_view body;
    domain::Channel channel = domain::Channel::OffPlatform;
    std::string_view externalId;        // empty: none (off-platform)
    std::int64_t sentAt = 0;
};

struct BulkSource {
    std::string_view name;
    std::string_view url;
    std::string_view includeWords;      // comma-separated
    std::string_view settings;          // JSON
    std::int64_t createdAt = 0;
};

struct BulkAgent {
    std::string_view name;
    std::string_view firstName;
    std::string_view languages;         // JSON array
    std::string_view teams;             // comma-separated
    std::int64_t createdAt = 0;
};

// The first free id of each table the loader numbers itself.
struct BulkIds {
    std::int64_t author = 1;
    std::int64_t conversation = 1;
    std::int64_t mention = 1;
    std::int64_t reply = 1;
};

class BulkLoader {
public:
    virtual ~BulkLoader() = default;

    // Sources whose settings (JSON) carry `settingsKey`: how a second load recognises the first.
    virtual Result<std::int64_t> countSourcesWithSetting(std::string_view settingsKey) = 0;
    virtual Result<std::int64_t> countConversations() = 0;
    virtual Result<BulkIds> nextIds() = 0;
    // Drops the secondary indexes until finish() rebuilds them: worth it unless most of the
    // data is already there.
    virtual Status deferIndexes() = 0;

    // A disabled feed source; returns its id.
    virtual Result<std::int64_t> addSource(const BulkSource& source) = 0;
    // Keeps an agent who already exists by that name; returns whether one was added.
    virtual Result<bool> addAgent(const BulkAgent& agent) = 0;
    virtual Status addAuthor(std::int64_t id, const AuthorInfo& author) = 0;
    virtual Status addConversation(const BulkConversation& conversation) = 0;
    virtual Status addMention(const BulkMention& mention) = 0;
    virtual Status addReply(const BulkReply& reply) = 0;
    virtual Status addEvent(const Event& event) = 0;
    virtual Status addTag(std::int64_t conversationId, std::string_view tag) = 0;
    virtual Status addNote(std::int64_t conversationId, std::string_view agent, std::string_view body,
                           std::int64_t createdAt) = 0;

    // Rebuilds what was deferred, counts the conversations for the inbox and indexes the
    // mentions for search.
    virtual Status finish() = 0;
};

}  // namespace earshot::store
