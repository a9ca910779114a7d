#include "earshot/bridge/DashboardModel.h"

#include <QCoreApplication>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <chrono>
#include <ctime>

#include <spdlog/spdlog.h>

namespace earshot::bridge {

namespace {

DashboardModel::Clock orSystemClock(DashboardModel::Clock clock)
{
    return clock ? std::move(clock) : DashboardModel::Clock([] { return std::int64_t(std::time(nullptr)); });
}

}  // namespace

DashboardModel::DashboardModel(store::Workspace& workspace, QObject* parent, Clock clock)
    : QObject(parent), m_workspace(workspace), m_clock(orSystemClock(std::move(clock)))
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &DashboardModel::finished);
}

DashboardModel::~DashboardModel()
{
    m_pending.reset();
    m_watcher.waitForFinished();
}

void DashboardModel::setRequest(const metrics::ReportRequest& request)
{
    m_pending = request;
    if (!m_running)
        startNext();
}

void DashboardModel::reload(const metrics::ReportRequest& request)
{
    m_reloadPending = true;
    setRequest(request);
}

void DashboardModel::startNext()
{
    if (!m_pending)
        return;
    metrics::ReportRequest request = std::move(*m_pending);
    m_pending.reset();
    request.now = m_clock();
    auto inputs = m_reloadPending ? nullptr : m_inputs;
    m_reloadPending = false;
    m_watcher.setFuture(
        QtConcurrent::run(&DashboardModel::compute, std::ref(m_workspace), std::move(inputs), request));
    if (!m_running) {
        m_running = true;
        emit busyChanged(true);
    }
}

DashboardModel::Outcome DashboardModel::compute(store::Workspace& workspace,
                                                std::shared_ptr<const metrics::ReportInputs> inputs,
                                                metrics::ReportRequest request)
{
    // An exception would come back out of the watcher's result() on the GUI thread and end the
    // program; out of memory or no thread to start is a failure to report like any other.
    try {
        return computeOrThrow(workspace, std::move(inputs), std::move(request));
    } catch (const std::exception& error) {
        Outcome outcome;
        outcome.request = request;
        outcome.error = QString::fromUtf8(error.what());
        return outcome;
    }
}

DashboardModel::Outcome DashboardModel::computeOrThrow(store::Workspace& workspace,
                                                       std::shared_ptr<const metrics::ReportInputs> inputs,
                                                       metrics::ReportRequest request)
{
    Outcome outcome;
    outcome.request = request;
    using Clock = std::chrono::steady_clock;
    const auto started = Clock::now();
    const auto ms = [](Clock::duration span) { return std::chrono::duration_cast<std::chrono::milliseconds>(span).count(); };
    if (!inputs) {
        // The writer first derives the response cycles of conversations changed since.
        auto loaded = metrics::loadReportInputs(workspace, request.now);
        if (!loaded) {
            outcome.error = QString::fromStdString(loaded.message());
            return outcome;
        }
        inputs = std::make_shared<const metrics::ReportInputs>(std::move(*loaded));
        outcome.inputs = inputs;
        spdlog::info("dashboard: read {} conversations in {} ms", inputs->snapshot.conversations.size(),
                     ms(Clock::now() - started));
    }
    const auto computing = Clock::now();
    outcome.report = std::make_shared<const metrics::Report>(
        metrics::computeReport(inputs->snapshot, inputs->calendar, inputs->policies, request));
    spdlog::info("dashboard: report computed in {} ms", ms(Clock::now() - computing));
    return outcome;
}

void DashboardModel::finished()
{
    Outcome outcome = m_watcher.result();
    if (outcome.inputs) {
        m_inputs = std::move(outcome.inputs);
        emit inputsChanged();
    }
    if (outcome.report) {
        m_report = std::move(outcome.report);
        m_reportRequest = outcome.request;
        m_lastError.clear();
        emit reportReady();
    } else {
        m_lastError = outcome.error;
        m_reloadPending = true;   // try reading again next time
        emit failed(outcome.error);
    }
    m_running = false;
    startNext();
    if (!m_running)
        emit busyChanged(false);
}

metrics::TimeZone DashboardModel::zone() const
{
    return m_inputs ? m_inputs->calendar.timeZone() : metrics::TimeZone::utc();
}

metrics::ReportPeriod DashboardModel::lastDays(int days) const { return metrics::lastDays(zone(), now(), days); }

metrics::ReportPeriod DashboardModel::wholeDays(std::int64_t firstDay, std::int64_t lastDay) const
{
    return metrics::wholeDays(zone(), firstDay, lastDay);
}

void DashboardModel::waitForIdle()
{
    // The outcome is taken in finished(), which the watcher's signal calls through the event loop.
    while (m_running)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
}

namespace {

QStringList sortedNames(const std::vector<std::string>& names)
{
    QStringList out;
    for (const std::string& name : names)
        out << QString::fromStdString(name);
    out.sort(Qt::CaseInsensitive);
    return out;
}

}  // namespace

QStringList DashboardModel::agents() const { return m_inputs ? sortedNames(m_inputs->snapshot.agents) : QStringList(); }
QStringList DashboardModel::teams() const { return m_inputs ? sortedNames(m_inputs->snapshot.teams) : QStringList(); }
QStringList DashboardModel::tags() const { return m_inputs ? sortedNames(m_inputs->snapshot.tags) : QStringList(); }

std::vector<std::pair<qint64, QString>> DashboardModel::sources() const
{
    std::vector<std::pair<qint64, QString>> out;
    if (!m_inputs)
        return out;
    for (const auto& [id, name] : m_inputs->snapshot.sourceNames)
        out.emplace_back(id, QString::fromStdString(name));
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.second.compare(b.second, Qt::CaseInsensitive) < 0;
    });
    return out;
}

}  // namespace earshot::bridge
