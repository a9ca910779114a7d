#include "earshot/domain/Vocabulary.h"

#include <array>

namespace earshot::domain {

namespace {

// Looks `name` up among an enum's text forms, which are listed in the enum's order.
template <class Enum, std::size_t N>
std::optional<Enum> parseName(const std::array<std::string_view, N>& names, std::string_view name)
{
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == name)
            return Enum(i);
    return std::nullopt;
}

constexpr std::array<std::string_view, 5> kStatusNames = {"new", "open", "pending", "resolved", "spam"};
constexpr std::array<std::string_view, 4> kPriorityNames = {"low", "normal", "high", "urgent"};
constexpr std::array<std::string_view, 2> kChannelNames = {"platform", "off-platform"};
constexpr std::array<std::string_view, 5> kDeliveryNames = {"recorded", "sending", "posting", "sent", "failed"};
constexpr std::array<std::string_view, 5> kSourceStateNames = {"new", "ok", "failing", "disabled",
                                                               "needs credentials"};
constexpr std::array<std::string_view, 19> kEventKindNames = {
    "conversation_created", "claimed",     "released",     "assigned",       "taken_over",
    "replied",              "reply_delivered", "reply_failed", "check_overridden", "note",
    "tagged",               "untagged",    "priority",     "status",         "reopened",
    "source_added",         "source_removed", "source_moved", "source_state",
};
static_assert(kEventKindNames.size() == std::size_t(EventKind::SourceStateChanged) + 1);

}  // namespace

std::string_view statusName(ConversationStatus status) { return kStatusNames[std::size_t(status)]; }
std::optional<ConversationStatus> parseStatus(std::string_view name)
{
    return parseName<ConversationStatus>(kStatusNames, name);
}

std::string_view priorityName(Priority priority) { return kPriorityNames[std::size_t(priority)]; }
std::optional<Priority> parsePriority(std::string_view name) { return parseName<Priority>(kPriorityNames, name); }
Priority priorityFromInt(std::int64_t value) { return value >= 0 && value <= 3 ? Priority(value) : Priority::Normal; }

std::string_view channelName(Channel channel) { return kChannelNames[std::size_t(channel)]; }
std::optional<Channel> parseChannel(std::string_view name) { return parseName<Channel>(kChannelNames, name); }

std::string_view deliveryName(Delivery delivery) { return kDeliveryNames[std::size_t(delivery)]; }
std::optional<Delivery> parseDelivery(std::string_view name) { return parseName<Delivery>(kDeliveryNames, name); }

std::string_view sourceStateName(SourceState state) { return kSourceStateNames[std::size_t(state)]; }
std::optional<SourceState> parseSourceState(std::string_view name)
{
    return parseName<SourceState>(kSourceStateNames, name);
}

std::string_view eventKindName(EventKind kind) { return kEventKindNames[std::size_t(kind)]; }
std::optional<EventKind> parseEventKind(std::string_view name) { return parseName<EventKind>(kEventKindNames, name); }

}  // namespace earshot::domain
