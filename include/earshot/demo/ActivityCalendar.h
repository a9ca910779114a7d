// When things happen in a generated workspace: people write mostly on weekday daytimes and
// evenings, little at night, less at weekends, and in bursts when the (fictional) service has
// an outage; the webcare desk is staffed 08–22 on weekdays and 09–18 at weekends.
// Local time is the Netherlands in winter (UTC+1); daylight saving is left out on purpose.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "earshot/demo/Random.h"

namespace earshot::demo {

class ActivityCalendar {
public:
    // Covers the `days` days up to `now`; picks the outage windows with `random`.
    ActivityCalendar(Random& random, std::int64_t now, int days);

    // A moment someone writes, in [start(), now].
    std::int64_t sample(Random& random) const;
    bool inIncident(std::int64_t at) const;
    // Seconds from `at` until the desk is staffed; 0 while it is.
    std::int64_t untilStaffed(std::int64_t at) const;

    std::int64_t start() const { return m_start; }
    std::int64_t now() const { return m_now; }

    static int localHour(std::int64_t at);
    static int localWeekday(std::int64_t at);   // 0 = Monday
    static bool staffed(std::int64_t at);

private:
    std::int64_t m_start;   // on a whole hour
    std::int64_t m_now;
    std::vector<double> m_cumulative;   // weight of hour slots 0..i
    std::vector<std::pair<std::int64_t, std::int64_t>> m_incidents;
};

}  // namespace earshot::demo
