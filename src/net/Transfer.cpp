#include "Transfer.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <utility>

#include "FailureText.h"
#include "earshot/net/HttpStatus.h"

namespace earshot::net {

namespace {

bool isRedirectStatus(long status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

bool isPermanentRedirect(long status)
{
    return status == 301 || status == 308;
}

// A stored validator with a line break would let a hostile server smuggle extra request
// headers into our next request, so such values are not sent at all.
bool isSafeHeaderValue(const std::string& value)
{
    return !value.empty() && value.find_first_of("\r\n") == std::string::npos;
}

}  // namespace

Transfer::Transfer(const FetchRequest& request, const FetchOptions& options)
    : m_request(request)
    , m_options(options)
{
    m_response.key = request.key;
}

Transfer::~Transfer()
{
    detach();
}

bool Transfer::start()
{
    m_startedAt = std::chrono::steady_clock::now();
    const auto url = parseUrl(m_request.url);
    if (!url) {
        fail("malformed address \"" + m_request.url + "\" — check the source URL");
        return false;
    }
    if (!url->isHttp() && url->scheme != "file") {
        fail("unsupported address scheme \"" + url->scheme + "\" — only http, https and file can be fetched");
        return false;
    }

    m_easy.reset(curl_easy_init());
    if (!m_easy) {
        fail("out of memory while fetching");
        return false;
    }
    CURL* easy = m_easy.get();
    curl_easy_setopt(easy, CURLOPT_PRIVATE, this);
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, m_errorBuffer.data());
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);  // we run on worker threads
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https,file");
    curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
    curl_easy_setopt(easy, CURLOPT_PIPEWAIT, 1L);  // prefer multiplexing over a new connection
    curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");  // every encoding this curl can decode
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(easy, CURLOPT_USERAGENT,
                     m_options.userAgent.empty() ? nullptr : m_options.userAgent.c_str());
    curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, m_options.lowSpeedBytesPerSecond);
    curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME, m_options.lowSpeedSeconds);
    curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &Transfer::onBodyData);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, this);

    curl_slist* headers = nullptr;
    const auto addHeader = [&headers](const std::string& line) {
        if (curl_slist* grown = curl_slist_append(headers, line.c_str())) {
            headers = grown;
        }
    };
    if (isSafeHeaderValue(m_request.etag)) {
        addHeader("If-None-Match: " + m_request.etag);
    }
    if (isSafeHeaderValue(m_request.lastModified)) {
        addHeader("If-Modified-Since: " + m_request.lastModified);
    }
    for (const std::string& line : m_request.headers) {
        if (isSafeHeaderValue(line)) {
            addHeader(line);
        }
    }
    if (m_request.method == "POST") {
        if (isSafeHeaderValue(m_request.bodyType)) {
            addHeader("Content-Type: " + m_request.bodyType);
        }
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(m_request.body.size()));
        curl_easy_setopt(easy, CURLOPT_POSTFIELDS, m_request.body.data());
    } else if (!m_request.method.empty() && m_request.method != "GET") {
        fail("unsupported request method " + m_request.method);
        return false;
    }
    m_headers.reset(headers);
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, m_headers.get());

    return setupHop(*url);
}

bool Transfer::setupHop(const UrlParts& url)
{
    using namespace std::chrono;
    // The total timeout covers the whole redirect chain, not each hop.
    const auto elapsed = duration_cast<milliseconds>(steady_clock::now() - m_startedAt).count();
    const long long remainingMs = m_options.totalTimeoutSeconds * 1000LL - elapsed;
    if (remainingMs <= 0) {
        fail("timed out after " + std::to_string(m_options.totalTimeoutSeconds) + " s");
        return false;
    }
    m_url = url;
    m_visited.insert(url.url);
    m_hopBudgetSeconds = static_cast<double>(remainingMs) / 1000.0;
    m_body.clear();
    m_bodyTooLarge = false;
    m_errorBuffer[0] = '\0';

    CURL* easy = m_easy.get();
    curl_easy_setopt(easy, CURLOPT_URL, url.url.c_str());
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(remainingMs));
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, m_options.connectTimeoutSeconds * 1000L);
    return true;
}

bool Transfer::attach(CURLM* multi)
{
    if (m_multi != nullptr) {
        return true;
    }
    if (curl_multi_add_handle(multi, m_easy.get()) != CURLM_OK) {
        fail("could not start the transfer (libcurl refused it)");
        return false;
    }
    m_multi = multi;
    return true;
}

void Transfer::detach()
{
    if (m_multi != nullptr) {
        curl_multi_remove_handle(m_multi, m_easy.get());
        m_multi = nullptr;
    }
}

std::size_t Transfer::onBodyData(char* data, std::size_t size, std::size_t count, void* self)
{
    auto& transfer = *static_cast<Transfer*>(self);
    const std::size_t bytes = size * count;
    // Counted after curl has decompressed, so a small gzip bomb is stopped as early as a
    // huge plain body; returning less than we were given makes curl abort.
    if (bytes > transfer.m_options.maxBodyBytes - transfer.m_body.size()) {
        transfer.m_bodyTooLarge = true;
        return 0;
    }
    transfer.m_body.append(data, bytes);
    return bytes;
}

bool Transfer::finishHop(CURLcode result)
{
    detach();
    if (m_bodyTooLarge) {
        fail("response larger than " + formatByteLimit(m_options.maxBodyBytes));
        return false;
    }
    if (result != CURLE_OK) {
        fail(describeFailure(result));
        return false;
    }
    long status = 0;
    curl_easy_getinfo(m_easy.get(), CURLINFO_RESPONSE_CODE, &status);
    if (isRedirectStatus(status) && m_url.isHttp()) {
        return followRedirect(status);
    }
    finishWithStatus(status);
    return false;
}

bool Transfer::followRedirect(long status)
{
    const std::string from = m_url.url;
    // curl resolves a relative Location against the current URL for us.
    const char* location = nullptr;
    curl_easy_getinfo(m_easy.get(), CURLINFO_REDIRECT_URL, &location);
    if (location == nullptr || *location == '\0') {
        m_response.outcome = FetchOutcome::HttpError;
        m_response.httpStatus = status;
        m_response.effectiveUrl = from;
        m_response.error = statusLine(status) + " without a Location header — the server is misconfigured";
        return false;
    }
    const auto next = parseUrl(location);
    if (!next) {
        fail(statusLine(status) + " to a malformed address: " + location);
        return false;
    }
    if (!next->isHttp()) {
        fail("refused redirect from " + from + " to " + next->url + " — only http and https may be redirected to");
        return false;
    }
    if (m_request.method == "POST") {
        fail(statusLine(status) + " in answer to a post, to " + next->url + " — not sent again, so nothing is posted twice");
        return false;
    }
    if (!m_request.headers.empty() && next->hostKey() != m_url.hostKey()) {
        fail("refused redirect from " + from + " to another host (" + next->url + ") — credentials are only sent to the host they are for");
        return false;
    }
    if (m_visited.count(next->url) != 0) {
        fail("redirect loop: " + from + " leads back to " + next->url);
        return false;
    }
    if (++m_redirects > m_options.maxRedirects) {
        fail("too many redirects (more than " + std::to_string(m_options.maxRedirects) + ") starting at "
             + m_request.url);
        return false;
    }
    if (m_onlyPermanentSoFar && isPermanentRedirect(status)) {
        m_permanentUrl = next->url;
    } else {
        m_onlyPermanentSoFar = false;
    }
    return setupHop(*next);
}

void Transfer::finishWithStatus(long status)
{
    CURL* easy = m_easy.get();
    FetchResponse& response = m_response;
    response.httpStatus = status;
    response.effectiveUrl = m_url.url;
    if (const char* effective = nullptr;
        curl_easy_getinfo(easy, CURLINFO_EFFECTIVE_URL, &effective) == CURLE_OK && effective != nullptr) {
        response.effectiveUrl = effective;
    }
    if (const char* type = nullptr;
        curl_easy_getinfo(easy, CURLINFO_CONTENT_TYPE, &type) == CURLE_OK && type != nullptr) {
        response.contentType = type;
    }
    for (curl_header* header = nullptr;
         (header = curl_easy_nextheader(easy, CURLH_HEADER, -1, header)) != nullptr;) {
        std::string name = header->name;
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        response.headers.emplace_back(std::move(name), header->value);
    }
    response.etag = responseHeader("ETag");
    response.lastModified = responseHeader("Last-Modified");

    if (!m_url.isHttp() || (status >= 200 && status < 300)) {
        response.outcome = FetchOutcome::Ok;
        response.body = std::move(m_body);
    } else if (status == 304) {
        response.outcome = FetchOutcome::NotModified;
        // A 304 need not repeat the validators; echoing ours keeps the caller's copy.
        if (response.etag.empty()) {
            response.etag = m_request.etag;
        }
        if (response.lastModified.empty()) {
            response.lastModified = m_request.lastModified;
        }
    } else if (status == 410) {
        response.outcome = FetchOutcome::Gone;
        response.error = statusLine(status) + " — the server says this feed is gone for good, so it has been disabled";
    } else if (status == 429 || status == 503) {
        response.outcome = FetchOutcome::RateLimited;
        const std::string retryAfter = responseHeader("Retry-After");
        if (!retryAfter.empty()) {
            response.retryAfterSeconds = parseRetryAfter(retryAfter, std::time(nullptr));
        }
        response.error = statusLine(status) + " — the server asks us to slow down";
    } else {
        response.outcome = FetchOutcome::HttpError;
        response.error = statusLine(status);
    }
    // A refusal's body often says why (platform APIs answer {"error": …}); a little of it is
    // kept for the message.
    if (response.outcome != FetchOutcome::Ok && response.outcome != FetchOutcome::NotModified) {
        constexpr std::size_t kKeptErrorBody = 16 * 1024;
        response.body = m_body.substr(0, kKeptErrorBody);
    }

    // Only a chain that ended well is worth remembering: moving a source to an address
    // that fails would lose the one that at least redirects.
    const bool success = response.outcome == FetchOutcome::Ok || response.outcome == FetchOutcome::NotModified;
    if (success && !m_permanentUrl.empty()) {
        response.permanentUrl = m_permanentUrl;
    }
}

void Transfer::fail(std::string error)
{
    detach();
    m_response.outcome = FetchOutcome::Failed;
    m_response.error = std::move(error);
    m_response.body.clear();
    if (m_response.effectiveUrl.empty()) {
        m_response.effectiveUrl = m_url.url.empty() ? m_request.url : m_url.url;
    }
}

std::string Transfer::responseHeader(const char* name) const
{
    curl_header* header = nullptr;
    if (curl_easy_header(m_easy.get(), name, 0, CURLH_HEADER, -1, &header) != CURLHE_OK || header == nullptr) {
        return {};
    }
    return header->value;
}

std::string Transfer::describeFailure(CURLcode code) const
{
    CURL* easy = m_easy.get();
    FailureFacts facts;
    facts.url = &m_url;
    facts.options = &m_options;
    facts.detail = m_errorBuffer.data();
    curl_easy_getinfo(easy, CURLINFO_OS_ERRNO, &facts.osErrno);
    curl_off_t connectMicros = 0;
    curl_easy_getinfo(easy, CURLINFO_CONNECT_TIME_T, &connectMicros);
    facts.connected = connectMicros > 0;
    curl_off_t totalMicros = 0;
    curl_easy_getinfo(easy, CURLINFO_TOTAL_TIME_T, &totalMicros);
    facts.hopSeconds = static_cast<double>(totalMicros) / 1e6;
    facts.hopBudgetSeconds = m_hopBudgetSeconds;
    return describeCurlFailure(code, facts);
}

}  // namespace earshot::net
