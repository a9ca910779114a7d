#include "earshot/metrics/MetricsSettings.h"

#include "earshot/checks/SettingsRepository.h"

namespace earshot::metrics {

namespace {

constexpr std::string_view kCalendarKey = "metrics.calendar";
constexpr std::string_view kSlaKey = "metrics.sla";

Result<std::optional<nlohmann::json>> readJson(store::Database& db, std::string_view key)
{
    auto stored = checks::SettingsRepository(db).get(key);
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

std::string teamSettingsStamp(store::Database& db)
{
    std::string stamp;
    for (std::string_view key : {kCalendarKey, kSlaKey}) {
        auto stored = checks::SettingsRepository(db).get(key);
        stamp += stored && *stored ? **stored : std::string();
        stamp += '\x1f';
    }
    return stamp;
}

Result<TeamCalendar> loadCalendar(store::Database& db)
{
    auto json = readJson(db, kCalendarKey);
    if (!json)
        return json.error();
    if (!*json)
        return TeamCalendar::alwaysOpen();
    return TeamCalendar::fromJson(**json);
}

bool hasCalendar(store::Database& db)
{
    auto json = readJson(db, kCalendarKey);
    return json && *json;
}

Status saveCalendar(store::Database& db, const TeamCalendar& calendar)
{
    return checks::SettingsRepository(db).set(kCalendarKey, calendar.toJson().dump());
}

Result<SlaPolicies> loadSlaPolicies(store::Database& db)
{
    auto json = readJson(db, kSlaKey);
    if (!json)
        return json.error();
    if (!*json)
        return SlaPolicies();
    return SlaPolicies::fromJson(**json);
}

Status saveSlaPolicies(store::Database& db, const SlaPolicies& policies)
{
    return checks::SettingsRepository(db).set(kSlaKey, policies.toJson().dump());
}

Result<ReportInputs> loadReportInputs(store::Database& db, std::int64_t now)
{
    auto calendar = loadCalendar(db);
    if (!calendar)
        return calendar.error();
    auto policies = loadSlaPolicies(db);
    if (!policies)
        return policies.error();
    auto snapshot = Snapshot::load(db, now);
    if (!snapshot)
        return snapshot.error();
    return ReportInputs{.calendar = std::move(*calendar), .calendarSet = hasCalendar(db),
                        .policies = std::move(*policies), .snapshot = std::move(*snapshot)};
}

}  // namespace earshot::metrics
