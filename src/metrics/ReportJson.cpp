#include "earshot/core/Text.h"
#include "earshot/metrics/Report.h"

namespace earshot::metrics {

namespace {

nlohmann::json distributionJson(const Distribution& d)
{
    if (d.count == 0)
        return {{"count", 0}};
    return {{"count", d.count}, {"median_s", d.median}, {"p90_s", d.p90}, {"p95_s", d.p95}, {"mean_s", d.mean}};
}

nlohmann::json timingJson(const Timing& t)
{
    return {{"wall_clock", distributionJson(t.wall)}, {"business_hours", distributionJson(t.business)}};
}

nlohmann::json slaJson(const SlaTally& t)
{
    nlohmann::json out = {{"met", t.met}, {"breached", t.breached}, {"running", t.running}};
    out["compliance_percent"] = t.percent() ? nlohmann::json(*t.percent()) : nlohmann::json();
    return out;
}

nlohmann::json figuresJson(const Figures& f)
{
    return {{"cycles", f.cycles},
            {"responded", f.responded},
            {"resolved", f.resolved},
            {"first_response", timingJson(f.firstResponse)},
            {"resolution", timingJson(f.resolution)},
            {"reply_time", timingJson(f.replyTime)},
            {"sla_first_response", slaJson(f.firstResponseSla)},
            {"sla_resolution", slaJson(f.resolutionSla)},
            {"compliments", f.compliments}};
}

}  // namespace

nlohmann::json reportToJson(const Report& report)
{
    nlohmann::json out = figuresJson(report.total);
    out["backlog_now"] = {{"open", report.openNow}, {"unassigned", report.unassignedNow}};
    nlohmann::json groups = nlohmann::json::array();
    for (const GroupFigures& g : report.groups) {
        nlohmann::json item = figuresJson(g.figures);
        item["name"] = g.name;
        groups.push_back(std::move(item));
    }
    out["groups"] = std::move(groups);
    nlohmann::json days = nlohmann::json::array();
    for (const DayPoint& d : report.days)
        days.push_back({{"day_start", core::formatUtc(d.dayStart)},
                        {"first_response_wall_clock", distributionJson(d.firstResponseWall)},
                        {"first_response_business_hours", distributionJson(d.firstResponseBusiness)},
                        {"open", d.open},
                        {"unassigned", d.unassigned}});
    out["days"] = std::move(days);
    out["volume_in"] = report.volumeIn;
    out["volume_out"] = report.volumeOut;
    nlohmann::json breaches = nlohmann::json::array();
    for (const Breach& b : report.breaches)
        breaches.push_back({{"conversation", b.conversationId},
                            {"cycle", b.cycle},
                            {"target", b.resolution ? "resolution" : "first_response"},
                            {"started_at", core::formatUtc(b.startedAt)},
                            {"deadline", core::formatUtc(b.deadline)},
                            {"over_by_s", b.overBy},
                            {"priority", b.priority},
                            {"source", b.sourceId}});
    out["breaches"] = std::move(breaches);
    out["breach_count"] = report.breachCount;
    return out;
}

}  // namespace earshot::metrics
