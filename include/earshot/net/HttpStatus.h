// Small HTTP vocabulary shared by the fetcher and its callers: status lines for error
// messages and the Retry-After header, which servers send in two different forms.
#pragma once

#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace earshot::net {

// The standard reason phrase ("Not Found"), or "" for codes without one.
const char* reasonPhrase(long status);

// "HTTP 404 Not Found"; just "HTTP 599" for codes without a standard phrase.
std::string statusLine(long status);

// Seconds to wait from `now`, for both delta-seconds ("120") and an HTTP-date
// ("Wed, 21 Oct 2015 07:28:00 GMT"). A date in the past gives 0; garbage gives nothing.
std::optional<std::int64_t> parseRetryAfter(std::string_view value, std::time_t now);

}  // namespace earshot::net
