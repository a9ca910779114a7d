#include "CurlHandles.h"

#include <mutex>
#include <stdexcept>

namespace earshot::net {

void ensureCurlGlobalInit()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // Never paired with curl_global_cleanup: other threads may still be inside curl
        // while static destructors run, and the OS reclaims everything at exit anyway.
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
            throw std::runtime_error("libcurl could not be initialised");
        }
    });
}

}  // namespace earshot::net
