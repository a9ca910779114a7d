#include "earshot/connectors/Connector.h"

#include <algorithm>

#include "ConnectorSupport.h"
#include "earshot/net/HttpStatus.h"

namespace earshot::connectors {

bool RateBudget::nearlySpent() const
{
    if (!remaining)
        return false;
    const std::int64_t reserve = std::max<std::int64_t>(2, limit.value_or(0) / 20);
    return *remaining <= reserve;
}

namespace {

std::optional<std::int64_t> headerInteger(const net::FetchResponse& response, std::string_view name)
{
    return parseInteger(response.header(name));
}

}  // namespace

RateBudget readRateHeaders(const net::FetchResponse& response, std::int64_t now)
{
    RateBudget budget;
    if (!response.header("x-ratelimit-remaining").empty()) {  // Mastodon
        budget.limit = headerInteger(response, "x-ratelimit-limit");
        budget.remaining = headerInteger(response, "x-ratelimit-remaining");
        budget.resetAt = isoTime(response.header("x-ratelimit-reset"));
    } else if (!response.header("ratelimit-remaining").empty()) {  // Bluesky, the IETF draft
        budget.limit = headerInteger(response, "ratelimit-limit");
        budget.remaining = headerInteger(response, "ratelimit-remaining");
        if (const auto reset = headerInteger(response, "ratelimit-reset"))
            budget.resetAt = *reset > 1'000'000'000 ? *reset : now + *reset;
    }
    return budget;
}

Refusal Connector::refusal(const store::Source& source, const net::FetchResponse& response, std::int64_t now) const
{
    Refusal out;
    const std::string said = errorText(response.body);
    const std::string status = net::statusLine(response.httpStatus);
    if (response.httpStatus == 401 || response.httpStatus == 403) {
        out.needsCredentials = true;
        out.message = status + (said.empty() ? "" : " (" + said + ")") + " — " + credentialsHint(source);
        return out;
    }
    out.message = response.error.empty() ? status : response.error;
    if (!said.empty())
        out.message += " (" + said + ")";
    if (response.outcome == net::FetchOutcome::RateLimited) {
        out.retryAfterSeconds = response.retryAfterSeconds;
        if (!out.retryAfterSeconds)
            if (const RateBudget budget = readRateHeaders(response, now); budget.resetAt && *budget.resetAt > now)
                out.retryAfterSeconds = *budget.resetAt - now;
    }
    return out;
}

Result<Published> Connector::publish(net::Fetcher&, const store::Source&, const ReplyRequest&,
                                     const std::string&) const
{
    return fail("Earshot cannot post on " + std::string(platform()) + "; post the reply yourself");
}

std::string Connector::secretHost(const store::Source& source) const
{
    const Json settings = settingsOf(source);
    for (const char* key : {"post_instance", "pds"})
        if (const std::string server = text(settings, key); !server.empty())
            return hostOf(server);
    return hostOf(source.url);
}

}  // namespace earshot::connectors
