#include "earshot/demo/ActivityCalendar.h"

#include <algorithm>
#include <array>

namespace earshot::demo {

namespace {

constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kUtcOffset = kHour;
constexpr double kIncidentBoost = 5.0;

// Relative volume per local hour: a morning rise, a working-day plateau, an evening bump
// (people write about deliveries when they get home) and a quiet night.
constexpr std::array<double, 24> kHourWeights = {0.15, 0.08, 0.05, 0.04, 0.04, 0.08, 0.25, 0.55,
                                                 0.85, 1.00, 1.00, 1.00, 0.95, 0.95, 1.00, 1.00,
                                                 0.95, 0.80, 0.75, 0.85, 0.90, 0.75, 0.55, 0.30};
constexpr std::array<double, 7> kDayWeights = {1.05, 1.0, 1.0, 1.0, 0.95, 0.55, 0.6};

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

}  // namespace

int ActivityCalendar::localHour(std::int64_t at) { return int(floorDiv(at + kUtcOffset, kHour) % 24 + 24) % 24; }

int ActivityCalendar::localWeekday(std::int64_t at)
{
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    return int((floorDiv(at + kUtcOffset, kDay) % 7 + 7 + 3) % 7);
}

bool ActivityCalendar::staffed(std::int64_t at)
{
    const int hour = localHour(at);
    return localWeekday(at) < 5 ? hour >= 8 && hour < 22 : hour >= 9 && hour < 18;
}

ActivityCalendar::ActivityCalendar(Random& random, std::int64_t now, int days)
    : m_start(floorDiv(now - std::int64_t(days) * kDay, kHour) * kHour), m_now(now)
{
    const std::int64_t slots = (now - m_start) / kHour + 1;
    // A couple of outages a month, each a few hours of heavy traffic.
    const int incidents = 1 + days / 20;
    for (int i = 0; i < incidents; ++i) {
        const std::int64_t from = m_start + random.between(0, slots - 1) * kHour;
        m_incidents.emplace_back(from, from + random.between(2, 6) * kHour);
    }
    m_cumulative.reserve(std::size_t(slots));
    double total = 0;
    for (std::int64_t slot = 0; slot < slots; ++slot) {
        const std::int64_t at = m_start + slot * kHour;
        double weight = kHourWeights[std::size_t(localHour(at))] * kDayWeights[std::size_t(localWeekday(at))];
        if (inIncident(at))
            weight *= kIncidentBoost;
        total += weight;
        m_cumulative.push_back(total);
    }
}

std::int64_t ActivityCalendar::sample(Random& random) const
{
    for (;;) {
        const double target = random.unit() * m_cumulative.back();
        const auto slot = std::upper_bound(m_cumulative.begin(), m_cumulative.end(), target) - m_cumulative.begin();
        const std::int64_t at = m_start + std::int64_t(slot) * kHour + random.between(0, kHour - 1);
        if (at <= m_now)
            return at;
    }
}

bool ActivityCalendar::inIncident(std::int64_t at) const
{
    return std::any_of(m_incidents.begin(), m_incidents.end(),
                       [at](const auto& window) { return at >= window.first && at < window.second; });
}

std::int64_t ActivityCalendar::untilStaffed(std::int64_t at) const
{
    std::int64_t candidate = at;
    // At most a weekend night away: a few dozen hours.
    for (int step = 0; step < 72 && !staffed(candidate); ++step)
        candidate = (floorDiv(candidate, kHour) + 1) * kHour;
    return candidate - at;
}

}  // namespace earshot::demo
