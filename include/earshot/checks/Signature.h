// Named signatures: teams that sign public replies ask each agent to end with their first
// name ("Groet, Sanne", "^Sanne", "— Sanne"), so customers know who helps them. Initials
// ("^SV") are the habit this replaces and are refused with that explanation.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "earshot/checks/TextSpan.h"

namespace earshot::checks {

struct SignatureProblem {
    enum class Kind {
        Missing,            // the reply does not end with the first name
        Initials,           // it ends with initials instead ("^SV")
        UnknownFirstName,   // the agent's profile has no first name to check against
    };
    Kind kind = Kind::Missing;
    TextSpan span;          // the last line, or the initials
    std::string initials;   // for Kind::Initials, as written ("SV")
};

// Nothing when the reply ends with `agentFirstName` (ignoring case, accents, trailing
// punctuation and emoji). The name must stand as a word: "Marjan" does not sign for "Jan".
std::optional<SignatureProblem> checkSignature(std::string_view text, std::string_view agentFirstName);

}  // namespace earshot::checks
