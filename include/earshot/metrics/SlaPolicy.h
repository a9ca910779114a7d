// Service levels: how soon the team promises a first response and a resolution, per priority
// and optionally per source, and where a conversation stands against that promise.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "earshot/core/Result.h"
#include "earshot/metrics/TeamCalendar.h"

namespace earshot::metrics {

struct SlaTarget {
    int priority = 1;                         // 0 low .. 3 urgent
    std::optional<std::int64_t> sourceId;     // only this source; else every source
    std::optional<std::int64_t> firstResponseSeconds;
    std::optional<std::int64_t> resolutionSeconds;
    bool businessHours = true;                // counted in opening hours (the calendar), else wall clock
};

// Within the target; at risk once this share of it has passed without an answer; breached after.
enum class SlaState { None, Within, AtRisk, Breached };
constexpr double kAtRiskShare = 0.8;

struct SlaStanding {
    SlaState state = SlaState::None;
    std::int64_t deadline = 0;  // when the target runs out (UTC); 0 without a target
};

class SlaPolicies {
public:
    SlaPolicies() = default;
    explicit SlaPolicies(std::vector<SlaTarget> targets) : m_targets(std::move(targets)) {}

    // A source's own target for the priority wins over the one for every source.
    const SlaTarget* targetFor(int priority, std::int64_t sourceId) const;
    const std::vector<SlaTarget>& targets() const { return m_targets; }
    // Adds or replaces the target of (priority, source).
    void set(SlaTarget target);
    bool remove(int priority, std::optional<std::int64_t> sourceId);

    // Where something that started at `start` stands at `now` against `targetSeconds`:
    // `doneAt` is when it happened (a response, a resolution), if it did.
    static SlaStanding standing(const TeamCalendar& calendar, bool businessHours, std::int64_t targetSeconds,
                                std::int64_t start, std::optional<std::int64_t> doneAt, std::int64_t now);

    nlohmann::json toJson() const;
    static Result<SlaPolicies> fromJson(const nlohmann::json& json);

private:
    std::vector<SlaTarget> m_targets;
};

// "90m", "4h", "2d", "1h30m" or plain seconds -> seconds.
Result<std::int64_t> parseDuration(std::string_view text);
// 5400 -> "1h30m"
std::string formatDuration(std::int64_t seconds);

}  // namespace earshot::metrics
