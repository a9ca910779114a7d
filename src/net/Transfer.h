// One request's trip through its redirect hops. It owns the curl handle, keeps the body
// within the size limit while it arrives, and turns each finished hop into either the
// next hop or the final FetchResponse. Redirects are followed here rather than by curl
// so each hop's status is known (for permanentUrl) and file:// can never be reached
// from the web.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <set>
#include <string>

#include "CurlHandles.h"
#include "UrlParts.h"
#include "earshot/net/Fetcher.h"

namespace earshot::net {

class Transfer {
public:
    Transfer(const FetchRequest& request, const FetchOptions& options);
    ~Transfer();
    Transfer(const Transfer&) = delete;
    Transfer& operator=(const Transfer&) = delete;

    // Sets up the first hop. False when the request cannot even be tried (bad URL,
    // unsupported scheme); response() then says why.
    bool start();

    // Hands the current hop to curl; false (with response() set) if curl refuses it.
    bool attach(CURLM* multi);
    void detach();

    CURL* handle() const { return m_easy.get(); }
    // "host:port" of the current hop, for per-host scheduling.
    std::string hostKey() const { return m_url.hostKey(); }

    // Called when curl reports the current hop finished (the transfer detaches itself).
    // True: a redirect was accepted and the next hop is ready to attach.
    bool finishHop(CURLcode result);

    // Ends the transfer as Failed with this message, e.g. "cancelled".
    void fail(std::string error);

    FetchResponse takeResponse() { return std::move(m_response); }

private:
    static std::size_t onBodyData(char* data, std::size_t size, std::size_t count, void* self);

    bool setupHop(const UrlParts& url);
    bool followRedirect(long status);
    void finishWithStatus(long status);
    std::string responseHeader(const char* name) const;
    std::string describeFailure(CURLcode code) const;

    FetchRequest m_request;
    const FetchOptions& m_options;
    FetchResponse m_response;

    CurlEasy m_easy;
    CurlSlist m_headers;
    CURLM* m_multi = nullptr;  // set while attached
    std::array<char, CURL_ERROR_SIZE> m_errorBuffer{};

    UrlParts m_url;                    // the current hop
    std::set<std::string> m_visited;   // every hop so far, to catch loops
    int m_redirects = 0;
    bool m_onlyPermanentSoFar = true;
    std::string m_permanentUrl;

    std::chrono::steady_clock::time_point m_startedAt;
    double m_hopBudgetSeconds = 0;

    std::string m_body;
    bool m_bodyTooLarge = false;
};

}  // namespace earshot::net
