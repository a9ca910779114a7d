// Finds personal data an agent should not post in public: e-mail addresses, IBANs and Dutch
// street addresses (postcode with house number). Phone numbers live in PhoneNumbers.h.
// Each finder prefers missing an odd format to flagging ordinary text, because an agent who
// sees warnings on every reply stops reading them.
#pragma once

#include <string_view>
#include <vector>

#include "earshot/checks/TextSpan.h"

namespace earshot::checks {

// "name@example.nl"; not fediverse handles such as "@sanne@mastodon.social".
std::vector<TextSpan> findEmailAddresses(std::string_view text);

// IBANs of the known countries with their exact length, written compact or in groups
// separated by single spaces, that pass the ISO 7064 mod-97 check.
std::vector<TextSpan> findIbans(std::string_view text);

// `compact`: letters and digits only, any case. True when the country's length and the
// mod-97 check both agree.
bool isValidIban(std::string_view compact);

// A Dutch postcode together with a house number: "1234 AB 12", "1234AB, 12a",
// "Hoofdstraat 12, 1234 AB". A postcode alone ("we zitten in 1234 AB") identifies nobody.
std::vector<TextSpan> findDutchAddresses(std::string_view text);

}  // namespace earshot::checks
