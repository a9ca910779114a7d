// The domain's words, below everything else: conversation statuses, priorities, reply
// channels and delivery, source states and the kinds of events the append-only log records.
// Each is an enum with one stable text form, the one the database, the CLI's output, the
// exports and the event log use; the store, the inbox, the metrics, the exports, the
// connectors, the CLI and the console all spell them through this module and nowhere else.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace earshot::domain {

enum class ConversationStatus : std::uint8_t { New, Open, Pending, Resolved, Spam };
std::string_view statusName(ConversationStatus status);
std::optional<ConversationStatus> parseStatus(std::string_view name);

// Stored as conversations.priority 0..3.
enum class Priority : std::uint8_t { Low = 0, Normal = 1, High = 2, Urgent = 3 };
std::string_view priorityName(Priority priority);
std::optional<Priority> parsePriority(std::string_view name);
// Out-of-range stored values read as Normal rather than failing a whole list.
Priority priorityFromInt(std::int64_t value);

// Where a reply goes: posted by Earshot on the platform, or posted by the agent elsewhere.
enum class Channel : std::uint8_t { Platform, OffPlatform };
std::string_view channelName(Channel channel);   // "platform", "off-platform"
std::optional<Channel> parseChannel(std::string_view name);

// How far a reply got. Off-platform replies are Recorded; a platform reply is Sending until
// the publisher takes it (Posting), then Sent or Failed (and Sending again on a retry).
enum class Delivery : std::uint8_t { Recorded, Sending, Posting, Sent, Failed };
std::string_view deliveryName(Delivery delivery);
std::optional<Delivery> parseDelivery(std::string_view name);

// A source's polling state. NeedsCredentials is not stored as a state (the source keeps its
// own, e.g. failing) but is what stands in the way until someone gives or renews them, so it
// is what lists and events show.
enum class SourceState : std::uint8_t { New, Ok, Failing, Disabled, NeedsCredentials };
std::string_view sourceStateName(SourceState state);   // "needs credentials" for the last
std::optional<SourceState> parseSourceState(std::string_view name);

// The kinds of the append-only event log (events.kind). Actor is an agent's name unless
// noted; from/to are events.from_value/to_value. The demo generator writes the same kinds.
enum class EventKind : std::uint8_t {
    // actor "engine", source_id set: the first mention of a thread arrived.
    ConversationCreated,
    // from nobody to the agent. A 'new' conversation also gets a Status event new -> open.
    Claimed,
    // from the agent to nobody. An 'open' conversation also gets a Status event open -> new.
    Released,
    // from the previous assignee (nobody: empty) to the new one; detail the handover note.
    Assigned,
    // from the previous holder to the agent who took it over without being handed it.
    TakenOver,
    // to the channel, detail the reply's id.
    Replied,
    // a platform reply Earshot posted: to its address on the platform, detail the reply's id.
    // A platform reply counts as the first response only from then on.
    ReplyDelivered,
    // posting failed: to the reason, detail the reply's id. The agent may send it again.
    ReplyFailed,
    // to the check id, detail {"check", "reason", "reply"} as JSON: the agent sent a reply
    // although that reply check objected.
    CheckOverridden,
    // detail the internal note's text.
    Note,
    // to the tag added / from the tag removed.
    Tagged,
    Untagged,
    // from/to a priority name.
    PriorityChanged,
    // from/to a status, by an agent: pending, resolving, spam, and reopening by hand.
    StatusChanged,
    // actor "engine": a customer wrote on a pending or resolved conversation; from that status
    // to open (new when nobody holds it), detail the assignee to tell.
    Reopened,
    // Sources: added (to its URL; detail "restored" when a removed source came back) and
    // removed, actor an agent or "cli"; moved (from the old URL to the new after a permanent
    // redirect) and a change of state (from/to a SourceState), actor "engine".
    SourceAdded,
    SourceRemoved,
    SourceMoved,
    SourceStateChanged,
};
std::string_view eventKindName(EventKind kind);
std::optional<EventKind> parseEventKind(std::string_view name);

// The actor of what Earshot did by itself (ingest, reopening, posting replies).
inline constexpr std::string_view kEngineActor = "engine";
// The actor of changes made with earshot-cli, where no agent is named.
inline constexpr std::string_view kCommandLineActor = "cli";

}  // namespace earshot::domain
