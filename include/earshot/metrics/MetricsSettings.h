// The team calendar and the SLA policies, kept in the workspace's settings so that everyone
// who opens it measures by the same hours and promises.
#pragma once

#include "earshot/core/Result.h"
#include "earshot/metrics/SlaPolicy.h"
#include "earshot/metrics/Snapshot.h"
#include "earshot/metrics/TeamCalendar.h"
#include "earshot/store/Session.h"
#include "earshot/store/SettingsStore.h"
#include "earshot/store/Workspace.h"

namespace earshot::metrics {

// Until a calendar is set, business hours are the wall clock (open around the clock, UTC).
Result<TeamCalendar> loadCalendar(store::SettingsStore& settings);
bool hasCalendar(store::SettingsStore& settings);
Status saveCalendar(store::SettingsStore& settings, const TeamCalendar& calendar);

Result<SlaPolicies> loadSlaPolicies(store::SettingsStore& settings);
Status saveSlaPolicies(store::SettingsStore& settings, const SlaPolicies& policies);

// Changes whenever the calendar or the SLA policies do: lets a reader that checks often (the
// inbox, every minute) rebuild them only then.
std::string teamSettingsStamp(store::SettingsStore& settings);

inline Result<TeamCalendar> loadCalendar(store::Session& s) { return loadCalendar(s.settings()); }
inline bool hasCalendar(store::Session& s) { return hasCalendar(s.settings()); }
inline Status saveCalendar(store::Session& s, const TeamCalendar& c) { return saveCalendar(s.settings(), c); }
inline Result<SlaPolicies> loadSlaPolicies(store::Session& s) { return loadSlaPolicies(s.settings()); }
inline Status saveSlaPolicies(store::Session& s, const SlaPolicies& p) { return saveSlaPolicies(s.settings(), p); }
inline std::string teamSettingsStamp(store::Session& s) { return teamSettingsStamp(s.settings()); }


// What a report is computed from, read in one go (the dashboard and `earshot-cli stats`).
struct ReportInputs {
    TeamCalendar calendar;
    bool calendarSet = false;  // else business hours are the wall clock
    SlaPolicies policies;
    Snapshot snapshot;
};
// Brings the response cycles up to date through the workspace's writer, then reads with a
// session of its own; safe on any thread.
Result<ReportInputs> loadReportInputs(store::Workspace& workspace, std::int64_t now);

}  // namespace earshot::metrics
