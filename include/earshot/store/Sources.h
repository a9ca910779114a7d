// Sources: what Earshot listens to, and each one's polling state.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "earshot/core/Result.h"
#include "store/sqlite/Database.h"

namespace earshot::store {

struct Source {
    std::int64_t id = 0;
    std::string kind = "feed";
    std::string name;
    std::string url;
    bool enabled = true;
    int intervalSeconds = 300;
    std::vector<std::string> includeWords;
    std::vector<std::string> excludeWords;
    std::string etag;
    std::string lastModified;
    std::string state = "new";       // new | ok | failing | disabled
    int errorCount = 0;
    std::string lastError;
    std::optional<std::int64_t> lastPollAt;
    std::optional<std::int64_t> lastSuccessAt;
    std::int64_t nextPollAt = 0;
    std::int64_t createdAt = 0;
    // The priority its new conversations start with: 0 low, 1 normal, 2 high, 3 urgent.
    int defaultPriority = 1;
    // Platform sources (kind other than "feed"): what was asked for, as a JSON object
    // ({"instance": …, "tag": …}), and where the last poll stopped, in the platform's terms.
    std::string settings = "{}";
    std::string cursor;
    // The platform refused the source (401/403) until someone gives or renews credentials.
    bool needsCredentials = false;

    // state, or "needs credentials" when that is what stands in the way.
    std::string displayState() const { return needsCredentials ? "needs credentials" : state; }
};

// What a poll learned about a source, to be written back.
struct PollRecord {
    std::int64_t sourceId = 0;
    std::int64_t polledAt = 0;
    std::int64_t nextPollAt = 0;
    bool succeeded = false;
    bool disable = false;            // e.g. 410 Gone
    std::string error;               // when !succeeded
    std::optional<std::string> etag;          // set when the server sent one (or cleared it)
    std::optional<std::string> lastModified;
    std::string movedTo;             // new URL after a permanent redirect
    std::optional<std::string> cursor;        // set when a platform poll moved it
    bool needsCredentials = false;   // a 401/403 from a platform; cleared by any success
};

class SourceRepository {
public:
    explicit SourceRepository(Database& db) : m_db(db) {}

    Result<std::int64_t> add(const Source& source);
    Result<std::vector<Source>> list();
    // By numeric id, exact URL or exact name.
    Result<Source> find(const std::string& idUrlOrName);
    Result<Source> byId(std::int64_t id);
    // Hides the source from polling and lists; its mentions stay for history and metrics.
    Status remove(std::int64_t id);
    Status setEnabled(std::int64_t id, bool enabled);
    // Writes what a person may change: name (kept when empty), interval, include and exclude
    // words, enabled, the priority of new conversations.
    // New words forget the ETag and Last-Modified, so the next poll reads the whole feed
    // again and items the old words dropped get their chance; switching a source back on
    // makes it due at once, as setEnabled does.
    Status update(const Source& source);
    Status recordPoll(const PollRecord& record);
    // Not polled before `nextPollAt` (a platform's budget is spent), without counting a failure.
    Status postpone(std::int64_t id, std::int64_t nextPollAt);

private:
    Database& m_db;
};

std::string joinWords(const std::vector<std::string>& words);
// Splits "a, b ,c" on commas; trims; drops empties.
std::vector<std::string> splitWords(const std::string& text);

}  // namespace earshot::store
