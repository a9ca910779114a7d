// Sources: what Earshot listens to, and each one's polling state, as stored. The store only
// executes; which addresses and intervals a person may give, when a removed source comes
// back and what the event log says of it are decided above it (earshot/sources/), what a
// poll learned is decided by the engine.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "earshot/core/Result.h"
#include "earshot/domain/Vocabulary.h"

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
    // As stored: New, Ok, Failing or Disabled (never NeedsCredentials, see displayState).
    domain::SourceState state = domain::SourceState::New;
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

    // state, or NeedsCredentials when that is what stands in the way.
    domain::SourceState shownState() const { return needsCredentials ? domain::SourceState::NeedsCredentials : state; }
    // shownState() in its stable text form, as lists, JSON and events show it.
    std::string displayState() const { return std::string(domain::sourceStateName(shownState())); }
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

    // The state this poll leaves the source in, as stored (NeedsCredentials is a flag beside it).
    domain::SourceState storedState() const
    {
        return disable ? domain::SourceState::Disabled : succeeded ? domain::SourceState::Ok : domain::SourceState::Failing;
    }
    // What lists and events show after it.
    domain::SourceState shownState() const { return needsCredentials ? domain::SourceState::NeedsCredentials : storedState(); }
};

// The answer to asking for a source's poll lease.
struct Lease {
    std::optional<std::int64_t> fence;   // the asker holds it, under this number
    std::string holder;                  // otherwise: who does
};

class SourceStore {
public:
    virtual ~SourceStore() = default;

    // Adds a new row for the source; an error says so when its URL is already listened to.
    virtual Result<std::int64_t> add(const Source& source) = 0;
    // Takes back the row of a removed source with the same URL, with `source`'s settings and a
    // fresh polling state, and returns its id; none when no removed source had that URL or
    // a source listens to it now.
    virtual Result<std::optional<std::int64_t>> restore(const Source& source) = 0;
    // Every source not removed, by id.
    virtual Result<std::vector<Source>> list() = 0;
    // By numeric id, exact URL or exact name; an error names what to do when none or several match.
    virtual Result<Source> find(const std::string& idUrlOrName) = 0;
    // Removed sources too: their mentions still point at them.
    virtual Result<Source> byId(std::int64_t id) = 0;
    // Hides the source from polling and lists; its mentions stay for history and metrics.
    virtual Status remove(std::int64_t id) = 0;
    // Switching on makes it due at once and forgets its old state.
    virtual Status setEnabled(std::int64_t id, bool enabled) = 0;
    // Writes what a person may change: name (kept when empty), interval, include and exclude
    // words, enabled, the priority of new conversations.
    // New words forget the ETag and Last-Modified, so the next poll reads the whole feed
    // again and items the old words dropped get their chance; switching a source back on
    // makes it due at once, as setEnabled does.
    virtual Status update(const Source& source) = 0;
    // Writes a poll's outcome.
    virtual Status recordPoll(const PollRecord& record) = 0;
    // Not polled before `nextPollAt` (a platform's budget is spent), without counting a failure.
    virtual Status postpone(std::int64_t id, std::int64_t nextPollAt) = 0;

    // One poller per source, however many desktops and listeners a team runs: the lease to
    // poll a source, held by `poller` for `seconds` on the database's clock. Gives the
    // lease's fencing number when `poller` holds it now (taken, or its own renewed; another's
    // taken over once expired, with the number raised), else who holds it.
    virtual Result<Lease> takeLease(std::int64_t sourceId, const std::string& poller, int seconds) = 0;
    // Takes the lease over from `gone` before it expires: for a holder known to have died (a
    // process of this machine that no longer runs). None when `gone` does not hold it.
    virtual Result<std::optional<std::int64_t>> takeLeaseFrom(std::int64_t sourceId, const std::string& poller,
                                                              const std::string& gone, int seconds) = 0;
    // Whether `poller` still holds the lease with this number; it then stays so until the
    // transaction ends (a takeover waits), so what a poll writes under it is never a former
    // holder's.
    virtual Result<bool> holdsLease(std::int64_t sourceId, const std::string& poller, std::int64_t fence) = 0;
    // Every lease `poller` holds lasts `seconds` more; 0 lets them all go at once.
    virtual Status renewLeases(const std::string& poller, int seconds) = 0;

protected:
    SourceStore() = default;
};

}  // namespace earshot::store
