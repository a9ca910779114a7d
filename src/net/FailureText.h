// Turns curl's error codes into one line a person can act on, naming the host or file
// and, for timeouts, which of the limits was hit.
#pragma once

#include <cstddef>
#include <string>

#include <curl/curl.h>

#include "UrlParts.h"
#include "earshot/net/Fetcher.h"

namespace earshot::net {

// What is known about a failed hop besides its CURLcode.
struct FailureFacts {
    const UrlParts* url = nullptr;
    const FetchOptions* options = nullptr;
    std::string detail;         // curl's error buffer, possibly empty
    long osErrno = 0;           // CURLINFO_OS_ERRNO
    bool connected = false;     // a connection was established for this hop
    double hopSeconds = 0;      // how long the hop ran
    double hopBudgetSeconds = 0;// the total-timeout budget the hop started with
};

std::string describeCurlFailure(CURLcode code, const FailureFacts& facts);

// "16 MiB", "64 KiB" or "1000 bytes": the size limit as people would write it.
std::string formatByteLimit(std::size_t bytes);

}  // namespace earshot::net
