// Mentions: what the public said, each in exactly one conversation. Ingesting is
// idempotent per (source, external id), so polling a feed twice stores nothing twice.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "earshot/core/Result.h"

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


// What was heard: new mentions stored (each in its conversation), and mention lists.
class MentionStore {
public:
    virtual ~MentionStore() = default;
    // Stores the new ones among `mentions` for a source; call inside a transaction (a writer job).
    virtual Result<IngestResult> ingest(std::int64_t sourceId, const std::vector<NewMention>& mentions,
                                        std::int64_t now) = 0;
    // Newest first.
    virtual Result<std::vector<MentionRow>> list(const MentionQuery& query) = 0;
};

}  // namespace earshot::store
