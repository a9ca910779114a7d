// The store's contract for one poller per source, once per engine: a lease is one poller's
// until it expires or is let go; another then takes it over with a higher fencing number,
// and the former holder's number no longer holds.
#include <gtest/gtest.h>

#include "StoreContractFixture.h"
#include "earshot/store/SourceStore.h"

using namespace earshot;
using namespace earshot::store;

namespace {

class StoreContractLeases : public test::StoreContractFixture {
protected:
    std::optional<std::int64_t> take(const std::string& poller, int seconds = 60)
    {
        std::optional<std::int64_t> fence;
        write([&](Session& session) -> Status {
            auto taken = session.sources().takeLease(m_sourceId, poller, seconds);
            if (!taken)
                return taken.error();
            fence = taken->fence;
            m_holder = taken->holder;
            return Ok{};
        });
        return fence;
    }

    std::string m_holder;   // who holds the lease, as the last take() found

    bool holds(const std::string& poller, std::int64_t fence)
    {
        bool held = false;
        write([&](Session& session) -> Status {
            auto holding = session.sources().holdsLease(m_sourceId, poller, fence);
            if (!holding)
                return holding.error();
            held = *holding;
            return Ok{};
        });
        return held;
    }
};

TEST_P(StoreContractLeases, ALeaseIsOnePollersUntilLetGoAndATakeoverFencesTheFormerHolderOut)
{
    EXPECT_EQ(take("desk-a"), std::optional<std::int64_t>(1));
    EXPECT_EQ(take("desk-b"), std::nullopt) << "held by desk-a";
    EXPECT_EQ(m_holder, "desk-a");
    EXPECT_EQ(take("desk-a"), std::optional<std::int64_t>(1)) << "renewing keeps the number";
    EXPECT_TRUE(holds("desk-a", 1));
    EXPECT_FALSE(holds("desk-b", 1));

    // desk-a quits (or its lease runs out): desk-b takes over, with the next number.
    write([](Session& session) { return session.sources().renewLeases("desk-a", 0); });
    EXPECT_EQ(take("desk-b"), std::optional<std::int64_t>(2));
    EXPECT_FALSE(holds("desk-a", 1)) << "a stalled former holder could still write";
    EXPECT_TRUE(holds("desk-b", 2));
    EXPECT_EQ(take("desk-a"), std::nullopt);

    // Renewing keeps a lease alive; an expired one goes to whoever asks.
    write([](Session& session) { return session.sources().renewLeases("desk-b", 60); });
    EXPECT_EQ(take("desk-c"), std::nullopt);
    EXPECT_EQ(take("desk-b", 0), std::optional<std::int64_t>(2));
    EXPECT_EQ(take("desk-c"), std::optional<std::int64_t>(3));

    // A holder known to be gone (its process died) is taken over at once, and only that one.
    std::optional<std::int64_t> fromGone;
    write([&](Session& session) -> Status {
        auto wrongOne = session.sources().takeLeaseFrom(m_sourceId, "desk-d", "desk-b", 60);
        if (!wrongOne)
            return wrongOne.error();
        EXPECT_EQ(*wrongOne, std::nullopt) << "desk-b does not hold it";
        auto taken = session.sources().takeLeaseFrom(m_sourceId, "desk-d", "desk-c", 60);
        if (!taken)
            return taken.error();
        fromGone = *taken;
        return Ok{};
    });
    EXPECT_EQ(fromGone, std::optional<std::int64_t>(4));
    EXPECT_FALSE(holds("desk-c", 3));
}

INSTANTIATE_TEST_SUITE_P(Engines, StoreContractLeases, ::testing::ValuesIn(test::workspaceFactories()),
                         test::engineName);

}  // namespace
