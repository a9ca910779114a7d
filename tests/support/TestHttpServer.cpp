#include "TestHttpServer.h"

#include <stdexcept>

namespace earshot::test {

TestHttpServer::TestHttpServer()
{
    // Short keep-alive: an idle connection a client left open holds a server thread, and
    // shutdown waits for it.
    m_server.set_keep_alive_timeout(1);
    // httplib writes headers and body separately; with Nagle's algorithm each response
    // would then stall ~40 ms on the client's delayed ACK.
    m_server.set_tcp_nodelay(true);
    m_port = m_server.bind_to_any_port("127.0.0.1");
    if (m_port <= 0) {
        throw std::runtime_error("TestHttpServer: cannot bind a port on 127.0.0.1");
    }
}

TestHttpServer::~TestHttpServer()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopped = true;
    }
    m_stopping.notify_all();
    // Even a server nobody used must run once: stop() only closes the listening socket
    // of a running server.
    start();
    m_server.stop();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

void TestHttpServer::start() const
{
    std::call_once(m_started, [this] {
        m_thread = std::thread([this] {
            m_server.listen_after_bind();
            m_listenEnded = true;
        });
        // stop() is ignored until the server reports it is running, so a server that
        // is destroyed right after starting would otherwise never stop.
        while (!m_server.is_running() && !m_listenEnded) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    });
}

std::string TestHttpServer::url(const std::string& path) const
{
    return "http://127.0.0.1:" + std::to_string(port()) + path;
}

int TestHttpServer::port() const
{
    start();
    return m_port;
}

bool TestHttpServer::sleepFor(std::chrono::milliseconds duration)
{
    std::unique_lock lock(m_mutex);
    return !m_stopping.wait_for(lock, duration, [this] { return m_stopped; });
}

std::string gzipCompress(std::string_view data)
{
    // cpp-httplib's own gzip encoder (built on zlib) rather than zlib directly: the
    // test-support library links cpp-httplib but not zlib itself.
    httplib::detail::gzip_compressor compressor;
    std::string out;
    const bool ok = compressor.compress(data.data(), data.size(), true, [&out](const char* chunk, std::size_t size) {
        out.append(chunk, size);
        return true;
    });
    if (!ok) {
        throw std::runtime_error("gzipCompress: compression failed");
    }
    return out;
}

}  // namespace earshot::test
