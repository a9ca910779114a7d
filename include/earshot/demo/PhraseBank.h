// The words of a generated workspace: what customers of the fictional grocery-delivery brand
// "Verskist" write (in Dutch or English) and what the webcare team answers, composed from
// phrase lists with slots for order numbers, e-mail addresses, amounts, towns and times.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "earshot/demo/Random.h"

namespace earshot::demo {

enum class Language : std::uint8_t { Dutch, English };

enum class Topic : std::uint8_t {
    Delivery, Invoice, Login, Outage, Refund, Subscription, Quality, Compliment, Question, Spam,
};
inline constexpr std::size_t kTopicCount = 10;

enum class PostKind : std::uint8_t {
    Opening,     // starts the conversation
    Impatient,   // nobody answered yet
    Answer,      // the customer answers an agent
    Thanks,      // the customer confirms it is solved
    Bystander,   // someone else joins in ("same here")
    Relapse,     // writes again after it was resolved
};

enum class ReplyKind : std::uint8_t { First, FollowUp, Closing };

// What the slots in a phrase are filled with.
struct TextContext {
    std::string_view customerFirstName;   // {name}
    std::string_view customerHandle;      // {email} is built from it
    std::string_view agentFirstName;      // {agent}
    std::string_view threadTitle;         // follow-ups are titled "Re: " + this
};

class PhraseBank {
public:
    // Appends nothing: title and body are replaced.
    void post(Random& random, Language language, Topic topic, PostKind kind, const TextContext& context,
              std::string& title, std::string& body) const;
    void reply(Random& random, Language language, Topic topic, ReplyKind kind, const TextContext& context,
               std::string& body) const;
    // An internal note, in Dutch: the team's working language.
    std::string_view note(Random& random, Topic topic) const;
    std::string_view tag(Topic topic) const;
};

}  // namespace earshot::demo
