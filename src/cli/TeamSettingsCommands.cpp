// `earshot-cli calendar …` and `earshot-cli sla …`: the opening hours and the promises that
// business-hours figures and SLA compliance are measured by.
#include <iostream>

#include "Command.h"
#include "SourceArgs.h"
#include "Table.h"
#include "earshot/inbox/Vocabulary.h"
#include "earshot/metrics/MetricsSettings.h"
#include "earshot/core/Text.h"

namespace earshot::cli {

namespace {

constexpr const char* kCalendarHelp =
    "usage: earshot-cli calendar show [--json]\n"
    "       earshot-cli calendar set --zone Europe/Amsterdam [--mon 09:00-12:30,13:30-17:30] … [--sun …]\n"
    "                                [--holiday 2026-12-25]...\n"
    "\n"
    "The team's opening hours, for business-hours figures and SLA deadlines: per weekday none, one\n"
    "or several periods (a lunch break is two), a time zone, and holidays (closed all day). 'set'\n"
    "replaces the whole calendar; a weekday left out is closed. Until a calendar is set, business\n"
    "hours are the wall clock.\n";

constexpr const char* kSlaHelp =
    "usage: earshot-cli sla show [--json]\n"
    "       earshot-cli sla set --priority low|normal|high|urgent [--source ID] [--first-response 1h]\n"
    "                           [--resolution 8h] [--wall-clock]\n"
    "       earshot-cli sla remove --priority P [--source ID]\n"
    "\n"
    "Targets for the first response and the resolution, per priority and, where a source needs its\n"
    "own, per source. They count in business hours (see 'earshot-cli calendar') unless --wall-clock.\n"
    "A conversation is within its target, at risk once 80 % of it has passed, or breached.\n";

Result<std::unique_ptr<store::Session>> readSession(Context& context)
{
    auto workspace = context.workspace();
    if (!workspace)
        return workspace.error();
    return (*workspace)->reader();
}

// `show [--json]` of a setting: as JSON, or as `print` puts it for people.
template <class Load, class Print>
int showSetting(Context& context, Args& args, Load load, Print print)
{
    const bool json = args.flag("--json");
    if (auto ok = args.finish(0, 0); !ok)
        return reportError(ok.message(), kExitUsage);
    auto session = readSession(context);
    if (!session)
        return reportError(session.message());
    auto setting = load(**session);
    if (!setting)
        return reportError(setting.message());
    if (json)
        std::cout << setting->toJson().dump(2) << '\n';
    else
        print(**session, *setting);
    return kExitOk;
}

int showCalendar(Context& context, Args& args)
{
    const auto load = [](store::Session& session) { return metrics::loadCalendar(session); };
    return showSetting(context, args, load, [](store::Session& session, const metrics::TeamCalendar& calendar) {
        if (!metrics::hasCalendar(session))
            std::cout << "no calendar set: business hours are the wall clock\n";
        std::cout << "time zone: " << calendar.timeZone().name() << '\n';
        for (std::size_t day = 0; day < 7; ++day) {
            std::string periods;
            for (const metrics::OpenPeriod& p : calendar.hours()[day])
                periods += (periods.empty() ? "" : ", ") + metrics::TeamCalendar::formatPeriod(p);
            std::cout << metrics::kWeekdayKeys[day] << ": " << (periods.empty() ? "closed" : periods) << '\n';
        }
        for (const metrics::CivilDate& date : calendar.holidays())
            std::cout << "holiday: " << metrics::TeamCalendar::formatDate(date) << '\n';
    });
}

int setCalendar(Context& context, Args& args)
{
    nlohmann::json json = {{"time_zone", args.value("--zone").value_or("")}, {"hours", nlohmann::json::object()}};
    for (std::string_view day : metrics::kWeekdayKeys) {
        const auto periods = args.value("--" + std::string(day));
        nlohmann::json list = nlohmann::json::array();
        for (const std::string& period : core::splitWords(periods.value_or("")))
            list.push_back(period);
        json["hours"][std::string(day)] = list;
    }
    nlohmann::json holidays = nlohmann::json::array();
    for (const std::string& holiday : args.values("--holiday"))
        holidays.push_back(holiday);
    json["holidays"] = holidays;
    if (auto ok = args.finish(0, 0); !ok)
        return reportError(ok.message(), kExitUsage);
    if (json["time_zone"] == "")
        return reportError("which time zone do the hours belong to? Add --zone, e.g. --zone Europe/Amsterdam",
                           kExitUsage);
    auto calendar = metrics::TeamCalendar::fromJson(json);
    if (!calendar)
        return reportError(calendar.message(), kExitUsage);
    auto workspace = context.workspace();
    if (!workspace)
        return reportError(workspace.message());
    if (auto saved = (*workspace)->writer().run(
            [&](store::Session& session) { return metrics::saveCalendar(session, *calendar); });
        !saved)
        return reportError(saved.message());
    std::cout << "calendar set: " << calendar->timeZone().name() << '\n';
    return kExitOk;
}

Result<std::optional<std::int64_t>> sourceOption(store::Session& session, const std::optional<std::string>& given)
{
    if (!given)
        return std::optional<std::int64_t>();
    auto ids = findSourceIds(session, {*given});
    if (!ids)
        return ids.error();
    return std::optional<std::int64_t>(ids->front());
}

int showSla(Context& context, Args& args)
{
    const auto load = [](store::Session& session) { return metrics::loadSlaPolicies(session); };
    return showSetting(context, args, load, [](store::Session&, const metrics::SlaPolicies& policies) {
        if (policies.targets().empty()) {
            std::cout << "no SLA targets; set one with 'earshot-cli sla set --priority high --first-response 1h'\n";
            return;
        }
        Table table({"priority", "source", "first response", "resolution", "counted in"});
        for (const metrics::SlaTarget& t : policies.targets())
            table.add({std::string(inbox::priorityName(inbox::Priority(t.priority))),
                       t.sourceId ? std::to_string(*t.sourceId) : "every source",
                       t.firstResponseSeconds ? metrics::formatDuration(*t.firstResponseSeconds) : "-",
                       t.resolutionSeconds ? metrics::formatDuration(*t.resolutionSeconds) : "-",
                       t.businessHours ? "business hours" : "wall clock"});
        table.print(std::cout);
    });
}

int changeSla(Context& context, Args& args, bool removing)
{
    const auto priority = args.value("--priority");
    const auto source = args.value("--source");
    const auto firstResponse = removing ? std::nullopt : args.value("--first-response");
    const auto resolution = removing ? std::nullopt : args.value("--resolution");
    const bool wallClock = !removing && args.flag("--wall-clock");
    if (auto ok = args.finish(0, 0); !ok)
        return reportError(ok.message(), kExitUsage);
    const auto parsedPriority = inbox::parsePriority(priority.value_or(""));
    if (!parsedPriority)
        return reportError("--priority is low, normal, high or urgent", kExitUsage);
    if (!removing && !firstResponse && !resolution)
        return reportError("give a target: --first-response 1h and/or --resolution 8h", kExitUsage);
    metrics::SlaTarget target{.priority = int(*parsedPriority), .businessHours = !wallClock};
    for (auto [given, field] : {std::pair{&firstResponse, &target.firstResponseSeconds},
                                std::pair{&resolution, &target.resolutionSeconds}}) {
        if (!*given)
            continue;
        auto seconds = metrics::parseDuration(**given);
        if (!seconds || *seconds <= 0)
            return reportError(seconds ? "a target must be longer than nothing" : seconds.message(), kExitUsage);
        *field = *seconds;
    }
    auto workspace = context.workspace();
    if (!workspace)
        return reportError(workspace.message());
    // Read and written in one writer job, so a target someone sets meanwhile is not lost.
    int code = kExitOk;
    auto changed = (*workspace)->writer().run([&](store::Session& session) -> Status {
        auto sourceId = sourceOption(session, source);
        if (!sourceId) {
            code = kExitUsage;
            return sourceId.error();
        }
        target.sourceId = *sourceId;
        auto policies = metrics::loadSlaPolicies(session);
        if (!policies)
            return policies.error();
        if (removing && !policies->remove(target.priority, target.sourceId))
            return fail("there is no target for that priority" + std::string(source ? " and source" : ""));
        if (!removing)
            policies->set(target);
        return metrics::saveSlaPolicies(session, *policies);
    });
    if (!changed)
        return reportError(changed.message(), code == kExitOk ? kExitFailed : code);
    std::cout << (removing ? "target removed\n" : "target set\n");
    return kExitOk;
}

template <class Pick>
int dispatch(Context& context, Args& args, const char* help, Pick pick)
{
    const std::string sub = args.subcommand();
    if (const auto handler = pick(sub))
        return handler(context, args);
    std::cerr << help;
    return kExitUsage;
}

}  // namespace

Command calendarCommand()
{
    return {"calendar", "the team's opening hours and holidays, for business-hours figures", kCalendarHelp,
            [](Context& context, Args& args) {
                return dispatch(context, args, kCalendarHelp, [](const std::string& sub) -> int (*)(Context&, Args&) {
                    return sub == "show" ? showCalendar : sub == "set" ? setCalendar : nullptr;
                });
            }};
}

Command slaCommand()
{
    return {"sla", "first-response and resolution targets per priority (and source)", kSlaHelp,
            [](Context& context, Args& args) {
                return dispatch(context, args, kSlaHelp, [](const std::string& sub) -> std::function<int(Context&, Args&)> {
                    if (sub == "show")
                        return showSla;
                    if (sub == "set")
                        return [](Context& c, Args& a) { return changeSla(c, a, false); };
                    if (sub == "remove")
                        return [](Context& c, Args& a) { return changeSla(c, a, true); };
                    return nullptr;
                });
            }};
}

}  // namespace earshot::cli
