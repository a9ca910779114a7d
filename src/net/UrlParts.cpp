#include "UrlParts.h"

#include <charconv>

#include "CurlHandles.h"

namespace earshot::net {

namespace {

std::string urlPart(CURLU* url, CURLUPart part, unsigned int flags)
{
    char* raw = nullptr;
    if (curl_url_get(url, part, &raw, flags) != CURLUE_OK || raw == nullptr) {
        return {};
    }
    const CurlString owned(raw);
    return owned.get();
}

}  // namespace

std::string UrlParts::hostKey() const
{
    if (host.empty()) {
        return scheme;
    }
    return host + ':' + std::to_string(port);
}

std::optional<UrlParts> parseUrl(const std::string& url)
{
    ensureCurlGlobalInit();
    const CurlUrl handle(curl_url());
    if (!handle) {
        return std::nullopt;
    }
    // No CURLU_GUESS_SCHEME: a source URL without a scheme is a mistake to report, not guess.
    if (curl_url_set(handle.get(), CURLUPART_URL, url.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK) {
        return std::nullopt;
    }
    UrlParts parts;
    parts.url = urlPart(handle.get(), CURLUPART_URL, 0);
    parts.scheme = urlPart(handle.get(), CURLUPART_SCHEME, 0);
    parts.host = urlPart(handle.get(), CURLUPART_HOST, 0);
    parts.path = urlPart(handle.get(), CURLUPART_PATH, CURLU_URLDECODE);
    const std::string port = urlPart(handle.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
    std::from_chars(port.data(), port.data() + port.size(), parts.port);
    if (parts.scheme.empty()) {
        return std::nullopt;
    }
    return parts;
}

}  // namespace earshot::net
