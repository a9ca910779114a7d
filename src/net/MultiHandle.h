// The libcurl multi handle a Fetcher drives its transfers with. It outlives every
// fetchAll call so that cancel() can always wake it, and so connections (and TLS
// sessions) are reused from one round of fetching to the next.
#pragma once

#include "CurlHandles.h"
#include "earshot/net/Fetcher.h"

namespace earshot::net {

class MultiHandle {
public:
    explicit MultiHandle(const FetchOptions& options);

    CURLM* get() const { return m_multi.get(); }

    // Runs whatever curl can do without blocking.
    void perform();
    // Waits for network activity, curl's next timeout, wakeup() or timeoutMs.
    void poll(int timeoutMs);
    // Thread-safe: ends a poll() in progress, or the next one, at once.
    void wakeup();
    // The next finished transfer, or nullptr.
    CURLMsg* nextMessage();

private:
    CurlMulti m_multi;
};

}  // namespace earshot::net
