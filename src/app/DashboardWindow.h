// The managers' dashboard: how fast the team answers over a period (today, 7 or 30 days, or
// dates of one's own), for everyone or one team, agent, source or tag. Tiles for first response
// and resolution (median and p90), SLA compliance and the backlog; the first-response trend by
// day; the volume by weekday and hour; a table per agent; and the SLA breaches, each opening
// its conversation. The numbers come from bridge::DashboardModel, off the GUI thread; the
// dashboard saves as a PNG and its numbers as CSV.
#pragma once

#include <QWidget>
#include <functional>

#include "earshot/bridge/DashboardModel.h"

class QComboBox;
class QHBoxLayout;
class QDateEdit;
class QLabel;
class QTableWidget;
class QChartView;
class QLineSeries;
class QDateTimeAxis;
class QValueAxis;

namespace earshot::gui {

class VolumeHeatMap;

class DashboardWindow : public QWidget {
    Q_OBJECT

public:
    enum class Period { Today, Week, Month, Custom };

    // The workspace must outlive the window.
    explicit DashboardWindow(store::Workspace& workspace, QWidget* parent = nullptr,
                             bridge::DashboardModel::Clock clock = {});

    // Where files are saved; a file dialog unless tests say otherwise. Empty: cancelled.
    using PickFile = std::function<QString(const QString& suggestedName, const QString& filter)>;
    void setPickFile(PickFile pick) { m_pickFile = std::move(pick); }

    bridge::DashboardModel& model() { return m_model; }
    void setPeriod(Period period);
    void setCustomPeriod(const QDate& from, const QDate& to);
    QComboBox* periodPicker() const { return m_period; }
    QComboBox* teamFilter() const { return m_team; }
    QComboBox* agentFilter() const { return m_agent; }
    QComboBox* sourceFilter() const { return m_source; }
    QComboBox* tagFilter() const { return m_tag; }
    QComboBox* clockPicker() const { return m_clock; }
    // Waits measured from when a message reached Earshot (0) or from the post's own time (1).
    QComboBox* waitStartPicker() const { return m_waitStart; }
    // The tile's value as shown, by name: "first_median", "first_p90", "resolution_median",
    // "resolution_p90", "sla", "backlog".
    QString tileText(const QString& tile) const;
    QTableWidget* agentTable() const { return m_agents; }
    QTableWidget* breachTable() const { return m_breaches; }
    VolumeHeatMap* heatMap() const { return m_heatMap; }
    QLineSeries* medianSeries() const { return m_median; }

    bool savePng(const QString& path);
    bool saveCsv(const QString& path, QString* error = nullptr);
    // Reads the workspace again and recomputes.
    void refresh();

signals:
    void conversationRequested(qint64 conversationId);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void build();
    void buildFilters(QHBoxLayout* bar);
    QWidget* buildTiles();
    QWidget* buildTrend();
    // The request the filters and period make now.
    metrics::ReportRequest currentRequest() const;
    void request();
    void fillFilters();
    void showReport();
    void showTiles(const metrics::Report& report);
    void showTrend(const metrics::Report& report);
    void showAgents(const metrics::Report& report);
    void showBreaches(const metrics::Report& report);
    void exportPng();
    void exportCsv();
    bool businessHours() const;

    bridge::DashboardModel m_model;
    PickFile m_pickFile;
    QComboBox* m_period = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QComboBox* m_team = nullptr;
    QComboBox* m_agent = nullptr;
    QComboBox* m_source = nullptr;
    QComboBox* m_tag = nullptr;
    QComboBox* m_clock = nullptr;
    QComboBox* m_waitStart = nullptr;
    QLabel* m_status = nullptr;
    QWidget* m_content = nullptr;
    QHash<QString, QLabel*> m_tiles;
    QHash<QString, QLabel*> m_tileNotes;
    QChartView* m_trend = nullptr;
    QLineSeries* m_median = nullptr;
    QLineSeries* m_p90 = nullptr;
    QDateTimeAxis* m_days = nullptr;
    QValueAxis* m_hours = nullptr;
    VolumeHeatMap* m_heatMap = nullptr;
    QComboBox* m_heatMapDirection = nullptr;
    QTableWidget* m_agents = nullptr;
    QTableWidget* m_breaches = nullptr;
    QLabel* m_breachCount = nullptr;
    metrics::ReportRequest m_requested;   // the last one asked for
    bool m_filling = false;   // while the filters are refilled, their changes request nothing
    bool m_shownOnce = false;
};

}  // namespace earshot::gui
