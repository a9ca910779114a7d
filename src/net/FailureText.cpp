#include "FailureText.h"

#include <cerrno>

namespace earshot::net {

namespace {

std::string hostPort(const UrlParts& url)
{
    return url.host + ':' + std::to_string(url.port);
}

std::string withDetail(std::string message, const std::string& detail)
{
    if (!detail.empty()) {
        message += " (" + detail + ')';
    }
    return message;
}

std::string describeTimeout(const FailureFacts& facts)
{
    const FetchOptions& options = *facts.options;
    if (!facts.connected && facts.hopSeconds + 0.5 < facts.hopBudgetSeconds) {
        return "could not connect to " + hostPort(*facts.url) + " within "
            + std::to_string(options.connectTimeoutSeconds) + " s — is the host reachable?";
    }
    // curl reports the total and the low-speed timeout with the same code; the hop's
    // running time tells them apart.
    if (facts.hopSeconds >= facts.hopBudgetSeconds * 0.95) {
        return "timed out after " + std::to_string(options.totalTimeoutSeconds) + " s";
    }
    return "transfer too slow: less than " + std::to_string(options.lowSpeedBytesPerSecond)
        + " bytes/s for " + std::to_string(options.lowSpeedSeconds) + " s";
}

}  // namespace

std::string formatByteLimit(std::size_t bytes)
{
    constexpr std::size_t kib = 1024;
    constexpr std::size_t mib = kib * kib;
    if (bytes >= mib && bytes % mib == 0) {
        return std::to_string(bytes / mib) + " MiB";
    }
    if (bytes >= kib && bytes % kib == 0) {
        return std::to_string(bytes / kib) + " KiB";
    }
    return std::to_string(bytes) + " bytes";
}

std::string describeCurlFailure(CURLcode code, const FailureFacts& facts)
{
    const UrlParts& url = *facts.url;
    switch (code) {
    case CURLE_COULDNT_CONNECT:
        if (facts.osErrno == ECONNREFUSED) {
            return "connection refused by " + hostPort(url) + " — is the server up?";
        }
        if (facts.osErrno == ENETUNREACH || facts.osErrno == EHOSTUNREACH) {
            return "cannot reach " + hostPort(url) + " — check your network connection";
        }
        return withDetail("cannot connect to " + hostPort(url), facts.detail);
    case CURLE_COULDNT_RESOLVE_HOST:
        return "cannot find host " + url.host + " — check the address and your network connection";
    case CURLE_COULDNT_RESOLVE_PROXY:
        return withDetail("cannot find the proxy server — check the proxy settings", facts.detail);
    case CURLE_OPERATION_TIMEDOUT:
        return describeTimeout(facts);
    case CURLE_PEER_FAILED_VERIFICATION:
        return withDetail("the TLS certificate of " + url.host + " cannot be trusted", facts.detail);
    case CURLE_SSL_CONNECT_ERROR:
        return withDetail("secure connection to " + hostPort(url) + " failed", facts.detail);
    case CURLE_GOT_NOTHING:
        return hostPort(url) + " closed the connection without answering";
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_PARTIAL_FILE:
        return withDetail("connection to " + hostPort(url) + " broke off during the transfer", facts.detail);
    case CURLE_BAD_CONTENT_ENCODING:
        return withDetail(url.host + " sent a corrupt compressed response", facts.detail);
    case CURLE_WEIRD_SERVER_REPLY:
        return withDetail(hostPort(url) + " did not answer in HTTP", facts.detail);
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return withDetail("HTTP/2 error talking to " + url.host, facts.detail);
    case CURLE_FILE_COULDNT_READ_FILE:
        return "cannot read " + url.path + " — does the file exist and is it readable?";
    case CURLE_UNSUPPORTED_PROTOCOL:
        return "unsupported address scheme \"" + url.scheme + "\" — only http, https and file can be fetched";
    case CURLE_URL_MALFORMAT:
        return withDetail("malformed address", facts.detail);
    case CURLE_OUT_OF_MEMORY:
        return "out of memory while fetching";
    case CURLE_ABORTED_BY_CALLBACK:
        return "cancelled";
    default:
        return withDetail(curl_easy_strerror(code), facts.detail);
    }
}

}  // namespace earshot::net
