#include "PlatformFuzz.h"

#include <cstdlib>
#include <string>
#include <vector>

#include "earshot/connectors/Connector.h"
#include "earshot/connectors/PlatformSource.h"

namespace earshot::fuzz {

namespace {

struct Case {
    const connectors::Connector* connector;
    store::Source source;
    std::string secret;
};

// Each connector with a source as `sources add` makes it: once new and without a secret
// (Mastodon then asks about the server first), once with a secret and a cursor (a number
// every platform's cursor reads, an id for Mastodon, a time for the rest).
std::vector<Case> casesFor(std::string_view platform)
{
    std::vector<Case> cases;
    for (const connectors::Connector* connector : connectors::allConnectors()) {
        if (connector->platform() != platform)
            continue;
        auto source = connectors::makePlatformSource({.kind = std::string(connector->kind()),
                                                      .instance = "https://social.example",
                                                      .tag = "earshot",
                                                      .actor = "earshot.example",
                                                      .query = "earshot",
                                                      .site = "stackoverflow"});
        if (!source)
            std::abort();  // the fixed spec no longer fits: the fuzzer would test nothing
        source->id = 1;
        cases.push_back({connector, *source, ""});
        source->cursor = "1700000000";
        source->lastPollAt = 1700000000;
        cases.push_back({connector, *source, "fuzz-secret"});
    }
    if (cases.empty())
        std::abort();
    return cases;
}

}  // namespace

// The input's length picks one reading (which connector and source, first or later page), so
// each execution reads the input once instead of four to eight times, while seed files stay
// whole API answers; a mutation that changes the length moves the input to another reading.
int readAsPlatform(std::string_view platform, const std::uint8_t* data, std::size_t size)
{
    static const std::vector<Case> cases = casesFor(platform);
    const Case& c = cases[size % cases.size()];
    const int page = static_cast<int>((size / cases.size()) % 2);
    net::FetchResponse response;
    response.outcome = net::FetchOutcome::Ok;
    response.httpStatus = 200;
    response.contentType = "application/json";
    response.effectiveUrl = c.source.url;
    response.body.assign(reinterpret_cast<const char*>(data), size);
    [[maybe_unused]] auto read = c.connector->read(c.source, response, page, c.secret);
    return 0;
}

}  // namespace earshot::fuzz
