// Feed dates in their many spellings, normalised to UTC.
#include <gtest/gtest.h>

#include "earshot/feeds/DateParser.h"

using earshot::feeds::DateParser;

namespace {

std::string utc(std::string_view text)
{
    auto time = DateParser::parse(text);
    return time ? DateParser::formatUtc(*time) : "none";
}

}  // namespace

TEST(DateParser, Rfc822)
{
    EXPECT_EQ(utc("Sat, 07 Sep 2002 00:00:01 GMT"), "2002-09-07T00:00:01Z");
    EXPECT_EQ(utc("Sat, 07 Sep 2002 00:00:01 +0100"), "2002-09-06T23:00:01Z");
    EXPECT_EQ(utc("Sat, 07 Sep 2002 00:00:01 -05:30"), "2002-09-07T05:30:01Z");
    EXPECT_EQ(utc("Sat, 07 Sep 2002 00:00:01 EDT"), "2002-09-07T04:00:01Z");
    EXPECT_EQ(utc("Sat, 07 Sep 2002 00:00:01 PST"), "2002-09-07T08:00:01Z");
}

TEST(DateParser, Rfc822Variants)
{
    EXPECT_EQ(utc("07 Sep 2002 00:00:01 GMT"), "2002-09-07T00:00:01Z");   // no weekday
    EXPECT_EQ(utc("Sat, 7 Sep 02 00:00 GMT"), "2002-09-07T00:00:00Z");     // 2-digit year, no seconds
    EXPECT_EQ(utc("Saturday, 07 September 2002 00:00:01"), "2002-09-07T00:00:01Z");  // no zone: UTC
    EXPECT_EQ(utc("Sat Sep 07 00:00:01 UTC 2002"), "2002-09-07T00:00:01Z");  // asctime style
    EXPECT_EQ(utc("Sat, 07 Sep 2002 12:30:00 PM GMT"), "2002-09-07T12:30:00Z");
}

TEST(DateParser, Iso8601AndW3cDtf)
{
    EXPECT_EQ(utc("2003-12-31T10:14:55Z"), "2003-12-31T10:14:55Z");
    EXPECT_EQ(utc("2003-12-31T10:14:55.123+01:00"), "2003-12-31T09:14:55Z");
    EXPECT_EQ(utc("2003-12-31T10:14:55-0800"), "2003-12-31T18:14:55Z");
    EXPECT_EQ(utc("2003-12-31T10:14Z"), "2003-12-31T10:14:00Z");
    EXPECT_EQ(utc("2003-12-31"), "2003-12-31T00:00:00Z");
    EXPECT_EQ(utc("2003-12"), "2003-12-01T00:00:00Z");
    EXPECT_EQ(utc("2003"), "2003-01-01T00:00:00Z");
    EXPECT_EQ(utc("20031231T101455Z"), "2003-12-31T10:14:55Z");
    EXPECT_EQ(utc("2003-12-31 10:14:55"), "2003-12-31T10:14:55Z");
}

TEST(DateParser, OffsetsCrossDayAndYearBoundaries)
{
    EXPECT_EQ(utc("2004-01-01T00:30:00+01:00"), "2003-12-31T23:30:00Z");
    EXPECT_EQ(utc("Thu, 29 Feb 2024 23:00:00 -0200"), "2024-03-01T01:00:00Z");
}

TEST(DateParser, NonsenseIsAbsent)
{
    EXPECT_EQ(utc(""), "none");
    EXPECT_EQ(utc("yesterday"), "none");
    EXPECT_EQ(utc("2003-13-45"), "none");
    EXPECT_EQ(utc("Mon, 31 Feb 2003 10:00:00 GMT"), "none");
}

TEST(DateParser, EpochAndBeforeRoundTrip)
{
    EXPECT_EQ(DateParser::fromCivil(1970, 1, 1, 0, 0, 0), 0);
    EXPECT_EQ(DateParser::formatUtc(-1), "1969-12-31T23:59:59Z");
}
