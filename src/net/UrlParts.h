// The pieces of a URL the fetcher needs for scheduling, error messages and redirect
// checks, parsed with curl's own URL parser so they agree with what curl will fetch.
#pragma once

#include <optional>
#include <string>

namespace earshot::net {

struct UrlParts {
    std::string url;     // normalised by curl, so equal addresses compare equal
    std::string scheme;  // lower case: "http", "https", "file", ...
    std::string host;    // empty for file://
    long port = 0;       // the scheme's default when the URL names none; 0 for file://
    std::string path;    // percent-decoded

    // "host:port", the unit connection limits apply to; "file" for local files.
    std::string hostKey() const;
    bool isHttp() const { return scheme == "http" || scheme == "https"; }
};

// Empty when curl cannot make sense of the URL at all.
std::optional<UrlParts> parseUrl(const std::string& url);

}  // namespace earshot::net
