#include "MultiHandle.h"

#include <stdexcept>

namespace earshot::net {

MultiHandle::MultiHandle(const FetchOptions& options)
{
    ensureCurlGlobalInit();
    m_multi.reset(curl_multi_init());
    if (!m_multi) {
        throw std::runtime_error("libcurl could not create a multi handle");
    }
    curl_multi_setopt(m_multi.get(), CURLMOPT_MAX_HOST_CONNECTIONS, static_cast<long>(options.maxConnectionsPerHost));
    curl_multi_setopt(m_multi.get(), CURLMOPT_MAX_TOTAL_CONNECTIONS, static_cast<long>(options.maxParallel));
    curl_multi_setopt(m_multi.get(), CURLMOPT_MAXCONNECTS, static_cast<long>(options.maxParallel));
    curl_multi_setopt(m_multi.get(), CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
}

void MultiHandle::perform()
{
    int running = 0;
    curl_multi_perform(m_multi.get(), &running);
}

void MultiHandle::poll(int timeoutMs)
{
    curl_multi_poll(m_multi.get(), nullptr, 0, timeoutMs, nullptr);
}

void MultiHandle::wakeup()
{
    curl_multi_wakeup(m_multi.get());
}

CURLMsg* MultiHandle::nextMessage()
{
    int remaining = 0;
    return curl_multi_info_read(m_multi.get(), &remaining);
}

}  // namespace earshot::net
