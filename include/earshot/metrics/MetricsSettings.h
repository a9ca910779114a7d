// The team calendar and the SLA policies, kept in the workspace's settings so that everyone
// who opens it measures by the same hours and promises.
#pragma once

#include "earshot/core/Result.h"
#include "earshot/metrics/SlaPolicy.h"
#include "earshot/metrics/Snapshot.h"
#include "earshot/metrics/TeamCalendar.h"
#include "store/sqlite/Database.h"

namespace earshot::metrics {

// Until a calendar is set, business hours are the wall clock (open around the clock, UTC).
Result<TeamCalendar> loadCalendar(store::Database& db);
bool hasCalendar(store::Database& db);
Status saveCalendar(store::Database& db, const TeamCalendar& calendar);

Result<SlaPolicies> loadSlaPolicies(store::Database& db);

// Changes whenever the calendar or the SLA policies do: lets a reader that checks often (the
// inbox, every minute) rebuild them only then.
std::string teamSettingsStamp(store::Database& db);
Status saveSlaPolicies(store::Database& db, const SlaPolicies& policies);

// What a report is computed from, read in one go (the dashboard and `earshot-cli stats`).
struct ReportInputs {
    TeamCalendar calendar;
    bool calendarSet = false;  // else business hours are the wall clock
    SlaPolicies policies;
    Snapshot snapshot;
};
Result<ReportInputs> loadReportInputs(store::Database& db, std::int64_t now);

}  // namespace earshot::metrics
