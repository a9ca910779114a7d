#include "earshot/sources/SourceRules.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace earshot::sources {

namespace {

std::string lowerScheme(std::string_view text)
{
    const auto end = text.find("://");
    std::string scheme(text.substr(0, end == std::string_view::npos ? 0 : end));
    std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return scheme;
}

bool pollable(const std::string& scheme) { return scheme == "http" || scheme == "https" || scheme == "file"; }

// "javascript:alert(1)", "mailto:x": a scheme without "//". "forum.example:8080/feed" is a
// host with a port, not a scheme.
bool hasOtherScheme(std::string_view text)
{
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0)
        return false;
    const std::string_view scheme = text.substr(0, colon);
    if (!std::isalpha(static_cast<unsigned char>(scheme.front())) ||
        !std::all_of(scheme.begin(), scheme.end(), [](unsigned char c) {
            return std::isalnum(c) || c == '+' || c == '-' || c == '.';
        }))
        return false;
    const std::string_view rest = text.substr(colon + 1);
    const auto digits = std::find_if_not(rest.begin(), rest.end(), [](unsigned char c) { return std::isdigit(c); });
    const bool port = digits != rest.begin() && (digits == rest.end() || *digits == '/');
    return !port;
}

// A file path as a URL path: what is not plain ASCII or a path character is %-escaped (as
// QUrl::FullyEncoded writes it), so "my feed.rss" reads the same in every program.
std::string encodePath(const std::string& path)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : path) {
        if (std::isalnum(c) || std::string_view("-._~/!$&'()*+,;=:@").find(char(c)) != std::string_view::npos) {
            out += char(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

std::string trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

}  // namespace

Status checkPollInterval(int seconds)
{
    if (seconds < kMinimumPollIntervalSeconds || seconds > kMaximumPollIntervalSeconds)
        return fail("the interval must be from " + std::to_string(kMinimumPollIntervalSeconds) + " to " +
                    std::to_string(kMaximumPollIntervalSeconds) + " seconds (a week), not " + std::to_string(seconds));
    return Ok{};
}

Status checkFeedUrl(std::string_view url)
{
    if (url.find("://") == std::string_view::npos || !pollable(lowerScheme(url)))
        return fail("'" + std::string(url) + "' is not a feed address: Earshot reads http://, https:// and file:// URLs");
    return Ok{};
}

Result<std::string> normaliseFeedAddress(std::string_view given)
{
    const std::string text = trimmed(given);
    if (text.empty())
        return fail("give the feed's address: an http(s) URL, a host such as forum.example/feed, or a feed file");
    if (text.find("://") != std::string::npos) {
        if (!pollable(lowerScheme(text)) || text.find("://") == 0)
            return fail("unsupported URL scheme in '" + text + "': use http, https or file");
        return text;
    }
    if (hasOtherScheme(text))
        return fail("unsupported URL scheme in '" + text + "': use http, https or file");
    // A feed file on this computer, as the command line and the console both take one.
    std::error_code error;
    const std::filesystem::path path(text);
    if (std::filesystem::is_regular_file(path, error)) {
        const auto absolute = std::filesystem::absolute(path, error);
        if (!error)
            return "file://" + encodePath(absolute.lexically_normal().generic_string());
    }
    if (text.front() == '/' || text.front() == '.' || text.front() == '~' || text.find('\\') != std::string::npos)
        return fail("there is no feed file at " + text);
    if (text.find_first_of(" \t") != std::string::npos || text.front() == ':')
        return fail("'" + text + "' is neither a web address nor a feed file");
    return "https://" + text;   // "forum.example/feed" as people type it
}

}  // namespace earshot::sources
