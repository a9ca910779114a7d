#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "earshot/metrics/TimeZone.h"

using namespace earshot::metrics;

namespace {

constexpr std::int64_t kHour = 3600;

std::int64_t utcAt(int year, int month, int day, int hour, int minute = 0)
{
    return daysFromCivil(CivilDate{year, month, day}) * 86400 + hour * kHour + minute * 60;
}

// Wall-clock time counted as if it were UTC, the form toUtc() takes.
std::int64_t wallAt(int year, int month, int day, int hour, int minute = 0)
{
    return utcAt(year, month, day, hour, minute);
}

bool mentions(const std::string& message, const std::string& part)
{
    return message.find(part) != std::string::npos;
}

// Hand-made TZif bytes, so the parser is tested on data we control.
struct TzifType {
    std::int32_t offset;
    bool dst;
    std::string abbreviation;
};

void put32(std::string& out, std::uint32_t value)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out += char((value >> shift) & 0xff);
}

void putTime(std::string& out, std::int64_t value, int size)
{
    if (size == 8)
        put32(out, std::uint32_t(std::uint64_t(value) >> 32));
    put32(out, std::uint32_t(value));
}

std::string tzifBlock(char version, const std::vector<std::int64_t>& times, const std::vector<int>& indices,
                      const std::vector<TzifType>& types, int timeSize, std::uint32_t leapCount = 0)
{
    std::string designations;
    std::vector<std::size_t> designationAt;
    for (const auto& type : types) {
        designationAt.push_back(designations.size());
        designations += type.abbreviation + '\0';
    }
    std::string out = "TZif";
    out += version;
    out += std::string(15, '\0');
    for (const std::uint32_t count : {std::uint32_t(types.size()), std::uint32_t(types.size()), leapCount,
                                      std::uint32_t(times.size()), std::uint32_t(types.size()),
                                      std::uint32_t(designations.size())})
        put32(out, count);
    for (const auto time : times)
        putTime(out, time, timeSize);
    for (const int index : indices)
        out += char(index);
    for (std::size_t i = 0; i < types.size(); ++i) {
        put32(out, std::uint32_t(types[i].offset));
        out += char(types[i].dst ? 1 : 0);
        out += char(designationAt[i]);
    }
    out += designations;
    for (std::uint32_t i = 0; i < leapCount; ++i) {
        putTime(out, 78796800, timeSize);
        put32(out, 1);
    }
    out += std::string(types.size(), '\0');   // standard/wall indicators
    out += std::string(types.size(), '\0');   // UT/local indicators
    return out;
}

// A version 2+ file whose 32-bit block is a decoy (+05:00 always), so any use of it shows.
std::string tzifV2(char version, const std::vector<std::int64_t>& times, const std::vector<int>& indices,
                   const std::vector<TzifType>& types, const std::string& footer)
{
    return tzifBlock(version, {}, {}, {{5 * 3600, false, "DEC"}}, 4) + tzifBlock(version, times, indices, types, 8)
        + "\n" + footer + "\n";
}

class TimeZoneFiles : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_dir = std::filesystem::temp_directory_path()
            / ("earshot-tz-" + std::to_string(::getpid()) + "-"
               + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(m_dir / "Test");
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }

    void write(const std::string& name, const std::string& bytes)
    {
        std::ofstream(m_dir / name, std::ios::binary) << bytes;
    }

    std::filesystem::path m_dir;
};

}  // namespace

TEST(CivilDateTest, CountsDaysAndWeekdays)
{
    EXPECT_EQ(daysFromCivil({1970, 1, 1}), 0);
    EXPECT_EQ(daysFromCivil({2026, 3, 29}) * 86400 + kHour, 1774746000);
    EXPECT_EQ(daysFromCivil({1969, 12, 31}), -1);
    EXPECT_EQ(weekdayOfDays(daysFromCivil({2026, 12, 25})), 4) << "a Friday";
    EXPECT_EQ(weekdayOfDays(daysFromCivil({1969, 12, 29})), 0) << "a Monday before 1970";
    for (std::int64_t day = -800000; day <= 800000; day += 97) {
        const CivilDate date = civilFromDays(day);
        ASSERT_TRUE(isValidDate(date));
        ASSERT_EQ(daysFromCivil(date), day);
    }
    EXPECT_TRUE(isValidDate({2024, 2, 29}));
    EXPECT_TRUE(isValidDate({2000, 2, 29}));
    EXPECT_FALSE(isValidDate({1900, 2, 29}));
    EXPECT_FALSE(isValidDate({2026, 2, 29}));
    EXPECT_FALSE(isValidDate({2026, 13, 1}));
    EXPECT_FALSE(isValidDate({2026, 4, 31}));
}

TEST(TimeZoneTest, AmsterdamIsOneHourAheadInWinterAndTwoInSummer)
{
    auto zone = TimeZone::load("Europe/Amsterdam");
    ASSERT_TRUE(zone) << zone.message();
    EXPECT_EQ(zone->name(), "Europe/Amsterdam");
    EXPECT_EQ(zone->offsetAt(utcAt(2026, 1, 15, 12)), 3600);
    EXPECT_EQ(zone->offsetAt(utcAt(2026, 7, 15, 12)), 7200);
    EXPECT_EQ(zone->offsetAt(utcAt(1999, 12, 31, 23)), 3600);
}

TEST(TimeZoneTest, AmsterdamChangesAtOneOClockUtcOnTheLastSundays)
{
    auto zone = TimeZone::load("Europe/Amsterdam");
    ASSERT_TRUE(zone) << zone.message();
    const std::int64_t spring = 1774746000;   // 2026-03-29T01:00:00Z
    const std::int64_t autumn = 1792890000;   // 2026-10-25T01:00:00Z
    EXPECT_EQ(zone->offsetAt(spring - 1), 3600);
    EXPECT_EQ(zone->offsetAt(spring), 7200);
    EXPECT_EQ(zone->offsetAt(autumn - 1), 7200);
    EXPECT_EQ(zone->offsetAt(autumn), 3600);
}

TEST(TimeZoneTest, FollowsTheFooterRuleAfterTheLastStoredTransition)
{
    // Debian's files list transitions up to 2037; 2040 comes from "CET-1CEST,M3.5.0,M10.5.0/3".
    auto zone = TimeZone::load("Europe/Amsterdam");
    ASSERT_TRUE(zone) << zone.message();
    EXPECT_EQ(zone->offsetAt(2210241600), 3600);   // 2040-01-15T12:00Z
    EXPECT_EQ(zone->offsetAt(2225966400), 7200);   // 2040-07-15T12:00Z
    EXPECT_EQ(zone->offsetAt(2216250000 - 1), 3600);   // 2040-03-25T01:00Z
    EXPECT_EQ(zone->offsetAt(2216250000), 7200);
    EXPECT_EQ(zone->offsetAt(2234998800 - 1), 7200);   // 2040-10-28T01:00Z
    EXPECT_EQ(zone->offsetAt(2234998800), 3600);

    auto sydney = TimeZone::load("Australia/Sydney");   // daylight saving across New Year
    ASSERT_TRUE(sydney) << sydney.message();
    EXPECT_EQ(sydney->offsetAt(utcAt(2040, 1, 15, 0)), 11 * 3600);
    EXPECT_EQ(sydney->offsetAt(utcAt(2040, 7, 15, 0)), 10 * 3600);
    EXPECT_EQ(sydney->offsetAt(utcAt(2040, 3, 31, 16) - 1), 11 * 3600);
    EXPECT_EQ(sydney->offsetAt(utcAt(2040, 3, 31, 16)), 10 * 3600);
    EXPECT_EQ(sydney->offsetAt(utcAt(2040, 10, 6, 16)), 11 * 3600);
}

TEST(TimeZoneTest, ToUtcTakesTheJumpForSkippedTimesAndTheEarlierInstantForRepeatedOnes)
{
    auto zone = TimeZone::load("Europe/Amsterdam");
    ASSERT_TRUE(zone) << zone.message();
    const std::int64_t spring = 1774746000;
    const std::int64_t autumn = 1792890000;
    EXPECT_EQ(zone->toUtc(wallAt(2026, 3, 29, 1, 59)), spring - 60);
    EXPECT_EQ(zone->toUtc(wallAt(2026, 3, 29, 2, 0)), spring) << "02:00 never shows; 03:00 does";
    EXPECT_EQ(zone->toUtc(wallAt(2026, 3, 29, 2, 30)), spring);
    EXPECT_EQ(zone->toUtc(wallAt(2026, 3, 29, 3, 0)), spring);
    EXPECT_EQ(zone->toUtc(wallAt(2026, 3, 29, 3, 30)), spring + 1800);

    EXPECT_EQ(zone->toUtc(wallAt(2026, 10, 25, 1, 59)), autumn - kHour - 60);
    EXPECT_EQ(zone->toUtc(wallAt(2026, 10, 25, 2, 0)), autumn - kHour) << "the first 02:00, in CEST";
    EXPECT_EQ(zone->toUtc(wallAt(2026, 10, 25, 2, 30)), autumn - 1800);
    EXPECT_EQ(zone->toUtc(wallAt(2026, 10, 25, 3, 0)), autumn + kHour);
    EXPECT_EQ(zone->toUtc(wallAt(2040, 10, 28, 2, 30)), 2234998800 - 1800) << "through the footer rule";
    EXPECT_EQ(zone->toUtc(wallAt(2040, 3, 25, 2, 30)), 2216250000);

    // Every instant of 2026 maps back to itself, but for the second pass of the repeated hour.
    for (std::int64_t t = utcAt(2026, 1, 1, 0); t < utcAt(2027, 1, 1, 0); t += 900) {
        const std::int64_t expected = t >= autumn && t < autumn + kHour ? t - kHour : t;
        ASSERT_EQ(zone->toUtc(t + zone->offsetAt(t)), expected) << t;
    }
}

TEST(TimeZoneTest, NewYorkFollowsUsRules)
{
    auto zone = TimeZone::load("America/New_York");
    ASSERT_TRUE(zone) << zone.message();
    const std::int64_t spring = 1772953200;   // 2026-03-08T07:00:00Z
    const std::int64_t autumn = 1793512800;   // 2026-11-01T06:00:00Z
    EXPECT_EQ(zone->offsetAt(spring - 1), -5 * 3600);
    EXPECT_EQ(zone->offsetAt(spring), -4 * 3600);
    EXPECT_EQ(zone->offsetAt(autumn - 1), -4 * 3600);
    EXPECT_EQ(zone->offsetAt(autumn), -5 * 3600);
    EXPECT_EQ(zone->toUtc(wallAt(2026, 3, 8, 2, 30)), spring);
    EXPECT_EQ(zone->toUtc(wallAt(2026, 11, 1, 1, 30)), autumn - 1800) << "the first 01:30, in EDT";
    EXPECT_EQ(zone->toUtc(wallAt(2026, 6, 1, 9, 0)), utcAt(2026, 6, 1, 13, 0));
    EXPECT_EQ(zone->offsetAt(utcAt(2040, 3, 11, 7) - 1), -5 * 3600);
    EXPECT_EQ(zone->offsetAt(utcAt(2040, 3, 11, 7)), -4 * 3600);
    EXPECT_EQ(zone->offsetAt(utcAt(2040, 11, 4, 6)), -5 * 3600);
}

TEST(TimeZoneTest, UtcHasNoOffset)
{
    auto loaded = TimeZone::load("UTC");
    ASSERT_TRUE(loaded) << loaded.message();
    const TimeZone built = TimeZone::utc();
    EXPECT_EQ(built.name(), "UTC");
    for (const std::int64_t t : {std::int64_t(-5000000000), std::int64_t(0), std::int64_t(1774746000),
                                 std::int64_t(4102444800)}) {
        EXPECT_EQ(loaded->offsetAt(t), 0);
        EXPECT_EQ(built.offsetAt(t), 0);
        EXPECT_EQ(built.toUtc(t), t);
        EXPECT_EQ(loaded->toUtc(t), t);
    }
}

TEST(TimeZoneTest, RefusesPathsAndUnknownNamesWithAHint)
{
    for (const char* path : {"../etc/passwd", "/etc/localtime", "Europe/../../etc/passwd", "Europe/./Amsterdam",
                             "Europe//Amsterdam", "Europe/Amsterdam/", "Europe\\Amsterdam"}) {
        auto zone = TimeZone::load(path);
        ASSERT_FALSE(zone) << path;
        EXPECT_TRUE(mentions(zone.message(), "not a time zone name")) << zone.message();
    }
    auto typo = TimeZone::load("Europe/Amsterdm");
    ASSERT_FALSE(typo);
    EXPECT_EQ(typo.message(), "unknown time zone 'Europe/Amsterdm'; did you mean Europe/Amsterdam?");
    auto lowerCase = TimeZone::load("europe/amsterdam");
    ASSERT_FALSE(lowerCase);
    EXPECT_TRUE(mentions(lowerCase.message(), "did you mean Europe/Amsterdam?")) << lowerCase.message();
    auto region = TimeZone::load("Europe");
    ASSERT_FALSE(region);
    EXPECT_TRUE(mentions(region.message(), "use a name such as Europe/Amsterdam")) << region.message();
    auto nowhere = TimeZone::load("Nowhere/Atlantis");
    ASSERT_FALSE(nowhere);
    EXPECT_EQ(nowhere.message(), "unknown time zone 'Nowhere/Atlantis'; use a name such as Europe/Amsterdam");
    auto empty = TimeZone::load("");
    ASSERT_FALSE(empty);
    EXPECT_TRUE(mentions(empty.message(), "no time zone given"));
    auto noData = TimeZone::load("Europe/Amsterdam", "/nonexistent/zoneinfo");
    ASSERT_FALSE(noData);
    EXPECT_TRUE(mentions(noData.message(), "install the tzdata package")) << noData.message();
}

TEST_F(TimeZoneFiles, ReadsAVersionOneFile)
{
    // No 64-bit block and no footer: the last transition's type holds for ever.
    write("Test/One", tzifBlock('\0', {1000000, 2000000}, {1, 0}, {{3600, false, "XST"}, {7200, true, "XDT"}}, 4));
    auto zone = TimeZone::load("Test/One", m_dir.string());
    ASSERT_TRUE(zone) << zone.message();
    EXPECT_EQ(zone->name(), "Test/One");
    EXPECT_EQ(zone->offsetAt(0), 3600) << "type 0 before the first transition";
    EXPECT_EQ(zone->offsetAt(999999), 3600);
    EXPECT_EQ(zone->offsetAt(1000000), 7200);
    EXPECT_EQ(zone->offsetAt(1999999), 7200);
    EXPECT_EQ(zone->offsetAt(2000000), 3600);
    EXPECT_EQ(zone->offsetAt(9000000000), 3600);
}

TEST_F(TimeZoneFiles, ReadsTheSixtyFourBitBlockAndItsFooter)
{
    const std::int64_t before1901 = -3000000000;   // does not fit 32 bits
    write("Test/Two", tzifV2('2', {before1901, 1000000000}, {1, 2},
                             {{1200, false, "LMT"}, {3600, false, "XST"}, {7200, true, "XDT"}},
                             "XST-1XDT,M3.5.0,M10.5.0/3"));
    auto zone = TimeZone::load("Test/Two", m_dir.string());
    ASSERT_TRUE(zone) << zone.message();
    EXPECT_EQ(zone->offsetAt(before1901 - 1), 1200);
    EXPECT_EQ(zone->offsetAt(before1901), 3600);
    EXPECT_EQ(zone->offsetAt(1000000000), 7200);   // 2001-09-09, summer by the footer too
    EXPECT_EQ(zone->offsetAt(1774746000 - 1), 3600);
    EXPECT_EQ(zone->offsetAt(1774746000), 7200);
    EXPECT_EQ(zone->offsetAt(1792890000), 3600);
}

TEST_F(TimeZoneFiles, UnderstandsEveryFooterDateForm)
{
    // Version 3 allows negative rule times (America/Nuuk: "<-02>2<-01>,M3.5.0/-1,M10.5.0/0").
    write("Test/Nuuk", tzifV2('3', {}, {}, {{-7200, false, "-02"}}, "<-02>2<-01>,M3.5.0/-1,M10.5.0/0"));
    // "Jn" never counts February 29; "n" counts from 0 and does.
    write("Test/Julian", tzifV2('2', {}, {}, {{-18000, false, "XST"}}, "XST5XDT,J60,J300"));
    write("Test/ZeroBased", tzifV2('2', {}, {}, {{-18000, false, "XST"}}, "XST5XDT,59,300"));
    write("Test/Fixed", tzifV2('2', {}, {}, {{19800, false, "+0530"}}, "<+0530>-5:30"));
    write("Test/NoFooter", tzifV2('2', {}, {}, {{-3 * 3600, false, "-03"}}, ""));

    auto nuuk = TimeZone::load("Test/Nuuk", m_dir.string());
    ASSERT_TRUE(nuuk) << nuuk.message();
    EXPECT_EQ(nuuk->offsetAt(utcAt(2040, 3, 25, 1) - 1), -7200);   // Saturday 23:00 local, standard time
    EXPECT_EQ(nuuk->offsetAt(utcAt(2040, 3, 25, 1)), -3600);
    EXPECT_EQ(nuuk->offsetAt(utcAt(2040, 10, 28, 1) - 1), -3600);
    EXPECT_EQ(nuuk->offsetAt(utcAt(2040, 10, 28, 1)), -7200);

    auto julian = TimeZone::load("Test/Julian", m_dir.string());
    ASSERT_TRUE(julian) << julian.message();
    EXPECT_EQ(julian->offsetAt(utcAt(2040, 3, 1, 7) - 1), -18000) << "J60 is March 1 in a leap year too";
    EXPECT_EQ(julian->offsetAt(utcAt(2040, 3, 1, 7)), -14400);
    EXPECT_EQ(julian->offsetAt(utcAt(2040, 10, 27, 6) - 1), -14400) << "J300 is October 27; 02:00 EDT";
    EXPECT_EQ(julian->offsetAt(utcAt(2040, 10, 27, 6)), -18000);

    auto zeroBased = TimeZone::load("Test/ZeroBased", m_dir.string());
    ASSERT_TRUE(zeroBased) << zeroBased.message();
    EXPECT_EQ(zeroBased->offsetAt(utcAt(2040, 2, 29, 7) - 1), -18000) << "day 59 of 2040 is February 29";
    EXPECT_EQ(zeroBased->offsetAt(utcAt(2040, 2, 29, 7)), -14400);
    EXPECT_EQ(zeroBased->offsetAt(utcAt(2041, 2, 28, 12)), -18000) << "and March 1 in 2041";
    EXPECT_EQ(zeroBased->offsetAt(utcAt(2041, 3, 1, 7)), -14400);

    auto fixed = TimeZone::load("Test/Fixed", m_dir.string());
    ASSERT_TRUE(fixed) << fixed.message();
    EXPECT_EQ(fixed->offsetAt(utcAt(2040, 6, 1, 0)), 19800);
    EXPECT_EQ(fixed->toUtc(wallAt(2040, 6, 1, 5, 30)), utcAt(2040, 6, 1, 0));

    auto noFooter = TimeZone::load("Test/NoFooter", m_dir.string());
    ASSERT_TRUE(noFooter) << noFooter.message();
    EXPECT_EQ(noFooter->offsetAt(utcAt(2040, 6, 1, 0)), -3 * 3600);
}

TEST_F(TimeZoneFiles, RefusesDamagedFilesAndSuggestsCloseNames)
{
    const std::vector<TzifType> types = {{3600, false, "XST"}, {7200, true, "XDT"}};
    const std::string good = tzifV2('2', {1000, 2000}, {1, 0}, types, "XST-1");
    write("Test/Good", good);
    write("Test/Text", "# just some text, not a zone\n");
    write("Test/Truncated", good.substr(0, good.size() - 30));
    write("Test/Version9", "TZif9" + good.substr(5));
    write("Test/BadIndex", tzifV2('2', {1000, 2000}, {1, 5}, types, "XST-1"));
    write("Test/Unordered", tzifV2('2', {2000, 1000}, {1, 0}, types, "XST-1"));
    write("Test/BadFooter", tzifV2('2', {1000}, {1}, types, "what is this"));
    write("Test/Leap", tzifBlock('2', {}, {}, types, 4)
                           + tzifBlock('2', {1000}, {1}, types, 8, 1) + "\nXST-1\n");

    ASSERT_TRUE(TimeZone::load("Test/Good", m_dir.string()));
    const std::vector<std::pair<std::string, std::string>> refusals = {
        {"Test/Text", "no TZif header"},
        {"Test/Truncated", "truncated"},
        {"Test/Version9", "no TZif header"},
        {"Test/BadIndex", "local time type it does not have"},
        {"Test/Unordered", "not in ascending order"},
        {"Test/BadFooter", "'what is this'"},
        {"Test/Leap", "use the zone without the right/ prefix"},
    };
    for (const auto& [name, reason] : refusals) {
        auto zone = TimeZone::load(name, m_dir.string());
        ASSERT_FALSE(zone) << name;
        EXPECT_TRUE(mentions(zone.message(), reason)) << zone.message();
        EXPECT_TRUE(mentions(zone.message(), (m_dir / name).string())) << "names the file: " << zone.message();
    }
    auto typo = TimeZone::load("Tset/Goood", m_dir.string());
    ASSERT_FALSE(typo);
    EXPECT_EQ(typo.message(), "unknown time zone 'Tset/Goood'; did you mean Test/Good?");

    auto direct = TimeZone::fromTzif("bytes", std::string_view(good).substr(0, 20));
    ASSERT_FALSE(direct);
    EXPECT_TRUE(mentions(direct.message(), "'bytes' is not TZif data")) << direct.message();
}
