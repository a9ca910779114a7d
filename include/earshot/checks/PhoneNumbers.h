// Finds phone numbers in a reply: Dutch numbers as people write them ("06-12345678",
// "020 123 4567", "+31 6 1234 5678", "+31 (0)20 …") and international ones with a "+" or
// "00" prefix. Order numbers, dates, times and amounts look alike, so a candidate must have
// a phone number's exact shape: Dutch national numbers start with 0 and have ten digits,
// international ones start with + or 00. Digits right after words like "bestelling" or
// "order" are taken for references.
#pragma once

#include <string_view>
#include <vector>

#include "earshot/checks/TextSpan.h"

namespace earshot::checks {

// `ignore`: spans already explained otherwise (IBANs, links, e-mail addresses), whose digits
// are not looked at again.
std::vector<TextSpan> findPhoneNumbers(std::string_view text, const std::vector<TextSpan>& ignore = {});

}  // namespace earshot::checks
