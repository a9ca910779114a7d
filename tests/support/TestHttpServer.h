// A real HTTP server on 127.0.0.1 for tests, so network code is exercised over actual
// sockets without touching the internet. It binds a free port on construction and
// serves from a background thread until destruction.
//
//     earshot::test::TestHttpServer http;
//     http.server().Get("/feed", [](const httplib::Request&, httplib::Response& res) {
//         res.set_content("<rss/>", "application/rss+xml");
//     });
//     fetch(http.url("/feed"));
//
// Serving starts on the first url(), port() or start() call, so register handlers before
// that (registering later works in practice, but races with requests in flight).
// Note that cpp-httplib compresses text/*, JSON and XML bodies itself (br or gzip) when
// the client accepts it; use a feed type like application/rss+xml to send bytes as-is.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include <httplib.h>

namespace earshot::test {

class TestHttpServer {
public:
    TestHttpServer();
    ~TestHttpServer();
    TestHttpServer(const TestHttpServer&) = delete;
    TestHttpServer& operator=(const TestHttpServer&) = delete;

    httplib::Server& server() { return m_server; }

    // "http://127.0.0.1:PORT" + path
    std::string url(const std::string& path) const;
    int port() const;

    // Starts serving now; url() and port() do this on first use.
    void start() const;

    // For slow handlers: sleeps like std::this_thread::sleep_for, but returns early (and
    // false) once the server shuts down, so a test's teardown never waits for it.
    bool sleepFor(std::chrono::milliseconds duration);

private:
    // Mutable because starting to serve on first url() is an implementation detail.
    mutable httplib::Server m_server;
    int m_port = -1;
    mutable std::once_flag m_started;
    mutable std::thread m_thread;
    mutable std::atomic<bool> m_listenEnded{false};

    std::mutex m_mutex;
    std::condition_variable m_stopping;
    bool m_stopped = false;
};

// The bytes of `data` as a gzip stream, for responses sent with Content-Encoding: gzip.
std::string gzipCompress(std::string_view data);

}  // namespace earshot::test
