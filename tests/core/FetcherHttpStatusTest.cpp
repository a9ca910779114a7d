// The HTTP vocabulary the fetcher's error messages and rate limiting rely on.
#include <gtest/gtest.h>

#include "earshot/net/HttpStatus.h"

namespace earshot::net {
namespace {

// 2015-10-21 07:28:00 UTC
constexpr std::time_t kNow = 1445412480;

TEST(FetcherHttpStatusTest, StatusLineHasTheStandardPhrase)
{
    EXPECT_EQ(statusLine(404), "HTTP 404 Not Found");
    EXPECT_EQ(statusLine(503), "HTTP 503 Service Unavailable");
    EXPECT_EQ(statusLine(599), "HTTP 599");
}

TEST(FetcherHttpStatusTest, RetryAfterDeltaSeconds)
{
    EXPECT_EQ(parseRetryAfter("120", kNow), 120);
    EXPECT_EQ(parseRetryAfter("  0 ", kNow), 0);
}

TEST(FetcherHttpStatusTest, RetryAfterHttpDateInAllThreeFormats)
{
    EXPECT_EQ(parseRetryAfter("Wed, 21 Oct 2015 07:30:00 GMT", kNow), 120);
    EXPECT_EQ(parseRetryAfter("Wednesday, 21-Oct-15 07:30:00 GMT", kNow), 120);
    EXPECT_EQ(parseRetryAfter("Wed Oct 21 07:30:00 2015", kNow), 120);
}

TEST(FetcherHttpStatusTest, RetryAfterDateInThePastMeansNow)
{
    EXPECT_EQ(parseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", kNow), 0);
}

TEST(FetcherHttpStatusTest, RetryAfterGarbageIsIgnored)
{
    EXPECT_FALSE(parseRetryAfter("", kNow).has_value());
    EXPECT_FALSE(parseRetryAfter("soon", kNow).has_value());
    EXPECT_FALSE(parseRetryAfter("-5", kNow).has_value());
    EXPECT_FALSE(parseRetryAfter("99999999999999999999999", kNow).has_value());
}

}  // namespace
}  // namespace earshot::net
