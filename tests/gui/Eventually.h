// Waiting in a GUI test for what the event loop brings (a queued signal, a timer), in a way
// GoogleTest sees. Qt's QTRY_ macros report a timeout to QTest's own logger and return from
// the test, so under GoogleTest a failed wait would pass unnoticed; assert on this instead:
//   EXPECT_TRUE(test::eventually([&] { return list->rowCount() == 1; }));
#pragma once

#include <QTest>

namespace earshot::test {

constexpr int kEventuallyMs = 10'000;

// Runs the event loop until `condition` holds or `timeoutMs` passed; whether it held.
template <class Condition>
bool eventually(Condition condition, int timeoutMs = kEventuallyMs)
{
    return QTest::qWaitFor(condition, timeoutMs);
}

}  // namespace earshot::test
