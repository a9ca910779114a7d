#include <gtest/gtest.h>

#include "earshot/engine/Schedule.h"

using earshot::engine::Schedule;

TEST(ScheduleTest, SuccessPollsAroundTheIntervalWithJitter)
{
    Schedule schedule(42);
    std::int64_t low = 1 << 30, high = 0;
    for (int i = 0; i < 200; ++i) {
        const auto delay = schedule.afterSuccess(300);
        low = std::min(low, delay);
        high = std::max(high, delay);
    }
    EXPECT_GE(low, 270);
    EXPECT_LE(high, 330);
    EXPECT_LT(low, high) << "jitter spreads sources apart";
}

TEST(ScheduleTest, FailuresBackOffExponentiallyUpToACap)
{
    Schedule schedule(7);
    auto typical = [&](int failures) {
        std::int64_t sum = 0;
        for (int i = 0; i < 100; ++i)
            sum += schedule.afterFailure(failures);
        return sum / 100;
    };
    const auto first = typical(1), second = typical(2), fifth = typical(5);
    EXPECT_NEAR(first, 60, 10);
    EXPECT_NEAR(second, 120, 20);
    EXPECT_NEAR(fifth, 960, 150);
    EXPECT_LE(schedule.afterFailure(40), std::int64_t(Schedule::kMaxBackoffSeconds * 1.2));
    EXPECT_GE(schedule.afterFailure(40), std::int64_t(Schedule::kMaxBackoffSeconds * 0.8));
}

TEST(ScheduleTest, RetryAfterIsHonouredButBounded)
{
    Schedule schedule(1);
    EXPECT_GE(schedule.afterFailure(1, 3600), 3600);
    EXPECT_EQ(schedule.afterFailure(1, 10LL * 24 * 3600), Schedule::kMaxRetryAfterSeconds);
}
