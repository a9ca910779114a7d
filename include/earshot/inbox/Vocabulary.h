// The words of the webcare inbox: conversation statuses, priorities, tags, reply channels
// and the event kinds every change writes to the append-only log. The GUI, the CLI, the
// generator and the metrics all read the same log, so its vocabulary is kept in one place.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "earshot/core/Result.h"

namespace earshot::inbox {

// Event kinds (events.kind). Actor is an agent's name unless noted; from/to are
// events.from_value/to_value. The demo generator writes the same kinds.
namespace event {
// actor "engine", source_id set: the first mention of a thread arrived.
inline constexpr std::string_view kConversationCreated = "conversation_created";
// from NULL to the agent. A 'new' conversation also gets a status event new -> open.
inline constexpr std::string_view kClaimed = "claimed";
// from the agent to NULL. An 'open' conversation also gets a status event open -> new.
inline constexpr std::string_view kReleased = "released";
// from the previous assignee (NULL: nobody) to the new one; detail the handover note.
inline constexpr std::string_view kAssigned = "assigned";
// from the previous holder to the agent who took it over without being handed it.
inline constexpr std::string_view kTakenOver = "taken_over";
// to the channel ('platform' / 'off-platform'), detail the replies.id.
inline constexpr std::string_view kReplied = "replied";
// A platform reply Earshot posted: to its address on the platform, detail the replies.id.
// A platform reply counts as the first response only from then on.
inline constexpr std::string_view kReplyDelivered = "reply_delivered";
// Posting failed: to the reason, detail the replies.id. The agent may send it again.
inline constexpr std::string_view kReplyFailed = "reply_failed";
// to the check id, detail {"check", "reason", "reply"} as JSON: the agent sent a reply
// although that reply check objected.
inline constexpr std::string_view kCheckOverridden = "check_overridden";
// detail the internal note's text.
inline constexpr std::string_view kNote = "note";
// to the tag added / from the tag removed.
inline constexpr std::string_view kTagged = "tagged";
inline constexpr std::string_view kUntagged = "untagged";
// from/to a priority name (low, normal, high, urgent).
inline constexpr std::string_view kPriority = "priority";
// from/to a status, by an agent: pending, resolving, spam, and reopening by hand.
inline constexpr std::string_view kStatus = "status";
// actor "engine": a customer wrote on a pending or resolved conversation (store::ingestMentions);
// from that status to 'open' ('new' when nobody holds it), detail the assignee to tell.
inline constexpr std::string_view kReopened = "reopened";
}  // namespace event

enum class ConversationStatus : std::uint8_t { New, Open, Pending, Resolved, Spam };
std::string_view statusName(ConversationStatus status);
std::optional<ConversationStatus> parseStatus(std::string_view name);

// Stored as conversations.priority 0..3.
enum class Priority : std::uint8_t { Low = 0, Normal = 1, High = 2, Urgent = 3 };
std::string_view priorityName(Priority priority);
std::optional<Priority> parsePriority(std::string_view name);
// Out-of-range stored values read as Normal rather than failing a whole list.
Priority priorityFromInt(std::int64_t value);

enum class Channel : std::uint8_t { Platform, OffPlatform };
std::string_view channelName(Channel channel);   // as replies.channel stores it

// Whether Earshot itself can post a reply on a source of this kind. Where it cannot (feeds,
// Hacker News, Stack Exchange, and any kind whose connector does not publish yet) the agent
// copies the text and posts it by hand, and the reply is recorded as off-platform.
bool canPostOnPlatform(std::string_view sourceKind);

// Trimmed, inner white space collapsed, lower case (ASCII and Latin-1 letters); refuses an
// empty tag, a comma (lists are comma-separated everywhere) and tags over 64 bytes.
Result<std::string> normaliseTag(std::string_view tag);

}  // namespace earshot::inbox
