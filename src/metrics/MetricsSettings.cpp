#include "earshot/metrics/MetricsSettings.h"

#include "earshot/checks/SettingsRepository.h"
#include "earshot/metrics/ResponseCycles.h"

namespace earshot::metrics {

namespace {

constexpr std::string_view kCalendarKey = "metrics.calendar";
constexpr std::string_view kSlaKey = "metrics.sla";

Result<std::optional<nlohmann::json>> readJson(store::SettingsStore& settings, std::string_view key)
{
    auto stored = checks::SettingsRepository(settings).get(key);
    if (!stored)
        return stored.error();
    if (!*stored)
        return std::optional<nlohmann::json>();
    auto json = nlohmann::json::parse(**stored, nullptr, false);
    if (json.is_discarded())
        return fail("the setting " + std::string(key) + " is damaged; set it again");
    return std::optional<nlohmann::json>(std::move(json));
}

}  // namespace

std::string teamSettingsStamp(store::SettingsStore& settings)
{
    std::string stamp;
    for (std::string_view key : {kCalendarKey, kSlaKey}) {
        auto stored = checks::SettingsRepository(settings).get(key);
        stamp += stored && *stored ? **stored : std::string();
        stamp += '\x1f';
    }
    return stamp;
}

Result<TeamCalendar> loadCalendar(store::SettingsStore& settings)
{
    auto json = readJson(settings, kCalendarKey);
    if (!json)
        return json.error();
    if (!*json)
        return TeamCalendar::alwaysOpen();
    return TeamCalendar::fromJson(**json);
}

bool hasCalendar(store::SettingsStore& settings)
{
    auto json = readJson(settings, kCalendarKey);
    return json && *json;
}

Status saveCalendar(store::SettingsStore& settings, const TeamCalendar& calendar)
{
    return checks::SettingsRepository(settings).set(kCalendarKey, calendar.toJson().dump());
}

Result<SlaPolicies> loadSlaPolicies(store::SettingsStore& settings)
{
    auto json = readJson(settings, kSlaKey);
    if (!json)
        return json.error();
    if (!*json)
        return SlaPolicies();
    return SlaPolicies::fromJson(**json);
}

Status saveSlaPolicies(store::SettingsStore& settings, const SlaPolicies& policies)
{
    return checks::SettingsRepository(settings).set(kSlaKey, policies.toJson().dump());
}

Result<ReportInputs> loadReportInputs(store::Workspace& workspace, std::int64_t now)
{
    auto session = workspace.reader();
    if (!session)
        return session.error();
    if (auto refreshed = refreshResponseCycles(workspace, **session); !refreshed)
        return refreshed.error();
    auto calendar = loadCalendar(**session);
    if (!calendar)
        return calendar.error();
    auto policies = loadSlaPolicies(**session);
    if (!policies)
        return policies.error();
    auto snapshot = Snapshot::load(**session, now);
    if (!snapshot)
        return snapshot.error();
    return ReportInputs{.calendar = std::move(*calendar), .calendarSet = hasCalendar(**session),
                        .policies = std::move(*policies), .snapshot = std::move(*snapshot)};
}

}  // namespace earshot::metrics
