#include "earshot/metrics/SlaPolicy.h"

#include <algorithm>
#include <cctype>

namespace earshot::metrics {

const SlaTarget* SlaPolicies::targetFor(int priority, std::int64_t sourceId) const
{
    const SlaTarget* general = nullptr;
    for (const SlaTarget& t : m_targets) {
        if (t.priority != priority)
            continue;
        if (t.sourceId == sourceId)
            return &t;
        if (!t.sourceId)
            general = &t;
    }
    return general;
}

void SlaPolicies::set(SlaTarget target)
{
    remove(target.priority, target.sourceId);
    m_targets.push_back(std::move(target));
    std::sort(m_targets.begin(), m_targets.end(), [](const SlaTarget& a, const SlaTarget& b) {
        return std::pair(a.priority, a.sourceId.value_or(0)) > std::pair(b.priority, b.sourceId.value_or(0));
    });
}

bool SlaPolicies::remove(int priority, std::optional<std::int64_t> sourceId)
{
    return std::erase_if(m_targets, [&](const SlaTarget& t) { return t.priority == priority && t.sourceId == sourceId; }) > 0;
}

SlaStanding SlaPolicies::standing(const TeamCalendar& calendar, bool businessHours, std::int64_t targetSeconds,
                                  std::int64_t start, std::optional<std::int64_t> doneAt, std::int64_t now)
{
    const TeamCalendar& clock = businessHours ? calendar : TeamCalendar::alwaysOpen();
    SlaStanding out;
    out.deadline = clock.addBusinessSeconds(start, targetSeconds);
    const std::int64_t until = doneAt.value_or(now);
    const std::int64_t used = clock.businessSeconds(start, until);
    if (used > targetSeconds)
        out.state = SlaState::Breached;
    else if (!doneAt && double(used) >= kAtRiskShare * double(targetSeconds))
        out.state = SlaState::AtRisk;
    else
        out.state = SlaState::Within;
    return out;
}

nlohmann::json SlaPolicies::toJson() const
{
    nlohmann::json out = nlohmann::json::array();
    for (const SlaTarget& t : m_targets) {
        nlohmann::json item = {{"priority", t.priority}, {"business_hours", t.businessHours}};
        if (t.sourceId)
            item["source"] = *t.sourceId;
        if (t.firstResponseSeconds)
            item["first_response_s"] = *t.firstResponseSeconds;
        if (t.resolutionSeconds)
            item["resolution_s"] = *t.resolutionSeconds;
        out.push_back(item);
    }
    return out;
}

Result<SlaPolicies> SlaPolicies::fromJson(const nlohmann::json& json)
{
    if (!json.is_array())
        return fail("the SLA policies are not a list; set them again with 'earshot-cli sla set'");
    SlaPolicies out;
    for (const nlohmann::json& item : json) {
        if (!item.is_object() || !item.contains("priority") || !item["priority"].is_number_integer())
            return fail("an SLA target has no priority; set it again with 'earshot-cli sla set'");
        SlaTarget t;
        t.priority = item["priority"].get<int>();
        if (t.priority < 0 || t.priority > 3)
            return fail("an SLA target names priority " + std::to_string(t.priority) + "; priorities are 0..3");
        if (item.contains("source") && item["source"].is_number_integer())
            t.sourceId = item["source"].get<std::int64_t>();
        for (auto [key, field] : {std::pair{"first_response_s", &t.firstResponseSeconds},
                                  std::pair{"resolution_s", &t.resolutionSeconds}})
            if (item.contains(key) && item[key].is_number_integer() && item[key].get<std::int64_t>() > 0)
                *field = item[key].get<std::int64_t>();
        // Business hours unless the target says false; another type is not a reason to fail.
        t.businessHours = !(item.contains("business_hours") && item["business_hours"].is_boolean() &&
                            !item["business_hours"].get<bool>());
        out.set(t);
    }
    return out;
}

Result<std::int64_t> parseDuration(std::string_view text)
{
    std::int64_t total = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        std::int64_t amount = 0;
        const std::size_t digits = i;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) && amount < 1'000'000'000)
            amount = amount * 10 + (text[i++] - '0');
        if (i == digits)
            break;
        const char unit = i < text.size() ? text[i++] : 's';
        const std::int64_t scale = unit == 's' ? 1 : unit == 'm' ? 60 : unit == 'h' ? 3600 : unit == 'd' ? 86400 : 0;
        if (scale == 0)
            break;
        total += amount * scale;
        if (i == text.size())
            return total;
    }
    return fail("cannot read the duration '" + std::string(text) + "'; write it as 90m, 4h, 2d, 1h30m or seconds");
}

std::string formatDuration(std::int64_t seconds)
{
    if (seconds == 0)
        return "0s";
    std::string out = seconds < 0 ? "-" : "";
    std::int64_t left = seconds < 0 ? -seconds : seconds;
    for (auto [size, unit] : {std::pair{86400, 'd'}, std::pair{3600, 'h'}, std::pair{60, 'm'}, std::pair{1, 's'}}) {
        if (left >= size) {
            out += std::to_string(left / size) + unit;
            left %= size;
        }
    }
    return out;
}

}  // namespace earshot::metrics
