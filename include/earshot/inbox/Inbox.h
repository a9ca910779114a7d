// The rules of webcare work on one workspace: who holds a conversation, which status changes
// are allowed, replies, internal notes, tags, priority and drafts. The console and the CLI
// both act through this class, so the rules hold whichever face an agent uses. The store
// (store::InboxStore) only executes what these rules decide.
//
// Every action is a job of the process's one writer, in a transaction of its own, and writes
// its change together with its events (inbox/Vocabulary.h), so the log never disagrees with
// the rows. Claiming is decided by one conditional statement inside that transaction
// (InboxStore::claimIfFree): when several processes claim the same conversation at once, the
// database's write lock orders them and exactly one wins.
//
// Who may do what (docs/inbox-rules.md):
//  - claim: anyone, when nobody holds it; release: only the holder;
//  - assign: the holder (a handover), anyone when nobody holds it, and members of the
//    "leads" team from anyone; take over: anyone, explicitly, logged as taken_over;
//  - status changes and replies: the holder; on a conversation nobody holds they also claim
//    it for the agent; someone else's conversation must be taken over first;
//  - notes, tags and priority: anyone, because triage and context don't take the work away.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "earshot/core/Result.h"
#include "earshot/inbox/Outcome.h"
#include "earshot/inbox/Seen.h"
#include "earshot/inbox/Vocabulary.h"
#include "earshot/store/InboxStore.h"
#include "earshot/store/Writer.h"

namespace earshot::inbox {

// A reply check (include/earshot/checks) the agent chose to override, and why.
struct CheckOverride {
    std::string checkId;
    std::string reason;
};

class Inbox {
public:
    // Unix seconds; tests pass their own to make times exact.
    using Clock = std::function<std::int64_t()>;

    // Acts through `writer` (the workspace's); each action waits until it is committed.
    explicit Inbox(store::Writer& writer, Clock clock = {});

    // Takes a conversation nobody holds: 'new' becomes 'open'. HeldByOther names the winner
    // when someone else has it (also when they won a simultaneous claim); claiming your own
    // is Unchanged.
    Result<Outcome> claim(std::int64_t conversationId, const std::string& agent);
    // Gives it back; an 'open' conversation becomes 'new' again.
    Result<Outcome> release(std::int64_t conversationId, const std::string& agent);
    // Hands it to a colleague; a non-empty note is kept as an internal note and in the event.
    Result<Outcome> assign(std::int64_t conversationId, const std::string& agent, const std::string& to,
                           const std::string& note = {});
    // Takes it from whoever holds it (claims it when nobody does).
    Result<Outcome> takeOver(std::int64_t conversationId, const std::string& agent);

    // open -> pending (waiting for the customer).
    Result<Outcome> setPending(std::int64_t conversationId, const std::string& agent);
    // new/open/pending -> resolved; sets resolved_at.
    Result<Outcome> resolve(std::int64_t conversationId, const std::string& agent);
    // pending/resolved/spam -> open, by an agent (a customer's new mention reopens by itself).
    Result<Outcome> reopen(std::int64_t conversationId, const std::string& agent);
    // anything but spam -> spam.
    Result<Outcome> markSpam(std::int64_t conversationId, const std::string& agent);

    // Records what the agent answered. Outcome::id is the new replies.id. Clears the
    // agent's draft and logs each overridden check. An off-platform reply is delivered (the
    // agent posts it) and sets first_response_at on the first reply. A platform reply is
    // recorded as "sending", answering the conversation's latest post, for ReplyPublisher to
    // post; it counts as a response once posted. `visibility` is Mastodon's (empty: the
    // post's own). A platform reply on a source we cannot post to is refused. With `seen`
    // (what the agent saw of it), a conversation others changed since is not answered:
    // Outcome::ChangedMeanwhile says what they did.
    Result<Outcome> reply(std::int64_t conversationId, const std::string& agent, const std::string& text,
                          Channel channel, const std::vector<CheckOverride>& overrides = {},
                          const std::string& visibility = {}, const Seen* seen = nullptr);

    // Outcome::id is the new notes.id.
    Result<Outcome> addNote(std::int64_t conversationId, const std::string& agent, const std::string& text);
    // Tags are normalised (normaliseTag); adding one twice or removing a missing one is Unchanged.
    Result<Outcome> addTag(std::int64_t conversationId, const std::string& agent, const std::string& tag);
    Result<Outcome> removeTag(std::int64_t conversationId, const std::string& agent, const std::string& tag);
    Result<Outcome> setPriority(std::int64_t conversationId, const std::string& agent, Priority priority);

    // One draft per (conversation, agent), kept in the workspace so it survives a crash. Drafts are
    // work in progress, not changes, so they write no events. Saving empty text clears it.
    Status saveDraft(std::int64_t conversationId, const std::string& agent, const std::string& text);
    Status clearDraft(std::int64_t conversationId, const std::string& agent);

private:
    using State = store::InboxState;

    // Runs `work` in one transaction of the writer; `work` fills the outcome or fails.
    // m_store is the writer's inbox store while it runs.
    Result<Outcome> act(const std::function<Status(Outcome&)>& work);
    Result<State> load(std::int64_t conversationId);
    Result<State> loadAs(std::int64_t conversationId, const std::string& agent);
    Status requireAgent(const std::string& name);
    Status log(domain::EventKind kind, const State& state, const std::string& actor,
               std::optional<std::string> from, std::optional<std::string> to,
               std::optional<std::string> detail = std::nullopt);
    // The atomic claim: false when someone else got there first (state.assignee then names them).
    Result<bool> claimInside(State& state, const std::string& agent, bool openIfNew);
    // Holds or, when nobody does, claims; false (with `out` set) when someone else holds it.
    Result<bool> holdOrClaim(State& state, const std::string& agent, Outcome& out, std::string_view doing,
                             bool openIfNew);
    Status touch(const State& state, const std::string& agent);
    Result<Outcome> changeStatus(std::int64_t conversationId, const std::string& agent, ConversationStatus to);

    store::Writer& m_writer;
    store::Session* m_session = nullptr;    // the writer's, while an action runs
    store::InboxStore* m_store = nullptr;   // m_session's inbox store, likewise
    Clock m_clock;
    std::int64_t m_now = 0;   // the time of the action in progress
};

}  // namespace earshot::inbox
