// The dashboard's numbers, computed away from the GUI thread. The workspace is read once into
// a metrics::Snapshot (about a second for a million conversations), and every change of period
// or filter computes a report from it in memory (a few hundred milliseconds at most). The
// latest request wins: one made while another runs is computed next, those in between never.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "earshot/metrics/MetricsSettings.h"
#include "earshot/metrics/Report.h"
#include "earshot/metrics/ReportPeriod.h"
#include "earshot/store/Workspace.h"

namespace earshot::bridge {

class DashboardModel : public QObject {
    Q_OBJECT

public:
    // Unix seconds; tests pass their own so periods and backlogs are exact.
    using Clock = std::function<std::int64_t()>;

    // Reads `workspace` (which must outlive it) with a session of its own per reading, after
    // the workspace's writer has brought the response cycles up to date.
    explicit DashboardModel(store::Workspace& workspace, QObject* parent = nullptr, Clock clock = {});
    ~DashboardModel() override;

    // Computes the report for this request (its `now` is filled in when it runs).
    void setRequest(const metrics::ReportRequest& request);
    // Reads the workspace again (new conversations, answers, another calendar), then computes
    // this request.
    void reload(const metrics::ReportRequest& request);

    bool busy() const { return m_running; }
    // The last report computed, and the request it answers; null before the first.
    const metrics::Report* report() const { return m_report.get(); }
    const metrics::ReportRequest& reportRequest() const { return m_reportRequest; }
    // What the workspace was read with: names for the filters, the calendar the figures use.
    const metrics::ReportInputs* inputs() const { return m_inputs.get(); }
    QStringList agents() const;
    QStringList teams() const;
    QStringList tags() const;
    std::vector<std::pair<qint64, QString>> sources() const;  // by name
    QString lastError() const { return m_lastError; }
    std::int64_t now() const { return m_clock(); }
    // The period of the last `days` whole days up to today in the team calendar's zone
    // (metrics/ReportPeriod.h; UTC until the workspace is read), as `earshot-cli stats` counts.
    metrics::ReportPeriod lastDays(int days) const;
    // Whole days from `firstDay` to `lastDay` (days since 1970-01-01) in the same zone.
    metrics::ReportPeriod wholeDays(std::int64_t firstDay, std::int64_t lastDay) const;

    // Blocks until nothing is running or waiting; for tests and closing.
    void waitForIdle();

signals:
    void busyChanged(bool busy);
    void reportReady();
    // The workspace was read again: the filters' names may have changed.
    void inputsChanged();
    void failed(const QString& message);

private:
    struct Outcome {
        std::shared_ptr<const metrics::ReportInputs> inputs;  // set when read in this job
        std::shared_ptr<const metrics::Report> report;
        metrics::ReportRequest request;
        QString error;
    };

    void startNext();
    void finished();
    metrics::TimeZone zone() const;
    static Outcome compute(store::Workspace& workspace,
                           std::shared_ptr<const metrics::ReportInputs> inputs, metrics::ReportRequest request);
    static Outcome computeOrThrow(store::Workspace& workspace,
                                  std::shared_ptr<const metrics::ReportInputs> inputs, metrics::ReportRequest request);

    store::Workspace& m_workspace;
    Clock m_clock;
    QFutureWatcher<Outcome> m_watcher;
    bool m_running = false;   // from starting a job until its outcome is taken
    std::optional<metrics::ReportRequest> m_pending;
    bool m_reloadPending = true;   // the first request reads the workspace
    std::shared_ptr<const metrics::ReportInputs> m_inputs;
    std::shared_ptr<const metrics::Report> m_report;
    metrics::ReportRequest m_reportRequest;
    QString m_lastError;
};

}  // namespace earshot::bridge
