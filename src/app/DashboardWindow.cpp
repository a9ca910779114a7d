#include "DashboardWindow.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeAxis>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QMenu>
#include <QValueAxis>
#include <QVBoxLayout>

#include <fstream>

#include "ConversationFormat.h"
#include "earshot/core/Files.h"
#include "Theme.h"
#include "VolumeHeatMap.h"

namespace earshot::gui {

namespace {

QLabel* heading(const QString& text)
{
    auto* label = new QLabel(text);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

QString percentText(const std::optional<double>& percent)
{
    return percent ? QLocale().toString(*percent, 'f', 1) + QStringLiteral(" %") : QStringLiteral("–");
}

QString secondsText(const metrics::Distribution& d, double metrics::Distribution::*field)
{
    return d.count == 0 ? QStringLiteral("–") : conversation::duration(std::int64_t(d.*field + 0.5));
}

// A number cell that sorts as a number.
QTableWidgetItem* numberItem(const QString& text, double sortValue)
{
    auto* item = new QTableWidgetItem(text);
    item->setData(Qt::UserRole, sortValue);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

void setHeaders(QTableWidget* table, const QStringList& headers)
{
    table->setColumnCount(int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->horizontalHeader()->setStretchLastSection(true);
}

}  // namespace

DashboardWindow::DashboardWindow(store::Workspace& workspace, QWidget* parent, bridge::DashboardModel::Clock clock)
    : QWidget(parent, Qt::Window), m_model(workspace, this, std::move(clock))
{
    build();
}

void DashboardWindow::build()
{
    setWindowTitle(tr("Earshot — Dashboard"));
    resize(1500, 940);
    m_pickFile = [this](const QString& suggested, const QString& filter) {
        return QFileDialog::getSaveFileName(this, tr("Save"), suggested, filter);
    };

    auto* outer = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    buildFilters(bar);
    outer->addLayout(bar);

    m_content = new QWidget;
    auto* grid = new QGridLayout(m_content);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(buildTiles(), 0, 0, 1, 2);
    grid->addWidget(buildTrend(), 1, 0);

    auto* heatBox = new QWidget;
    auto* heatLayout = new QVBoxLayout(heatBox);
    heatLayout->setContentsMargins(0, 0, 0, 0);
    auto* heatTitle = new QHBoxLayout;
    heatTitle->addWidget(heading(tr("Volume by weekday and hour")));
    heatTitle->addStretch();
    m_heatMapDirection = new QComboBox;
    m_heatMapDirection->addItem(tr("Customer messages in"));
    m_heatMapDirection->addItem(tr("Replies out"));
    heatTitle->addWidget(m_heatMapDirection);
    heatLayout->addLayout(heatTitle);
    m_heatMap = new VolumeHeatMap;
    heatLayout->addWidget(m_heatMap, 1);
    grid->addWidget(heatBox, 1, 1);
    connect(m_heatMapDirection, &QComboBox::currentIndexChanged, this, &DashboardWindow::showReport);

    auto* agentBox = new QWidget;
    auto* agentLayout = new QVBoxLayout(agentBox);
    agentLayout->setContentsMargins(0, 0, 0, 0);
    agentLayout->addWidget(heading(tr("Per agent")));
    m_agents = new QTableWidget;
    // Two-line headers keep all nine columns in view beside the breaches.
    setHeaders(m_agents, {tr("Agent"), tr("Cycles"), tr("First response\nmedian"), tr("p90"),
                          tr("Resolution\nmedian"), tr("p90"), tr("SLA first\nresponse"), tr("SLA\nresolution"),
                          tr("Thanks")});
    m_agents->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    agentLayout->addWidget(m_agents);
    grid->addWidget(agentBox, 2, 0);

    auto* breachBox = new QWidget;
    auto* breachLayout = new QVBoxLayout(breachBox);
    breachLayout->setContentsMargins(0, 0, 0, 0);
    auto* breachTitle = new QHBoxLayout;
    breachTitle->addWidget(heading(tr("SLA breaches")));
    breachTitle->addStretch();
    m_breachCount = new QLabel;
    breachTitle->addWidget(m_breachCount);
    breachLayout->addLayout(breachTitle);
    m_breaches = new QTableWidget;
    setHeaders(m_breaches, {tr("Conversation"), tr("Target"), tr("Priority"), tr("Source"), tr("Over by")});
    // The source's name is the one that runs long: it takes the room the others leave.
    // (Sized once after filling: ResizeToContents would measure every row on every cell set.)
    m_breaches->horizontalHeader()->setStretchLastSection(false);
    m_breaches->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_breaches->setToolTip(tr("Double-click or press Enter to open the conversation"));
    breachLayout->addWidget(m_breaches);
    grid->addWidget(breachBox, 2, 1);
    const auto openBreach = [this](int row) {
        if (row < 0)
            return;
        if (const QTableWidgetItem* item = m_breaches->item(row, 0))
            emit conversationRequested(item->data(Qt::UserRole).toLongLong());
    };
    connect(m_breaches, &QTableWidget::cellActivated, this, [openBreach](int row, int) { openBreach(row); });

    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);
    grid->setRowStretch(1, 3);
    grid->setRowStretch(2, 2);
    outer->addWidget(m_content, 1);

    connect(&m_model, &bridge::DashboardModel::reportReady, this, &DashboardWindow::showReport);
    connect(&m_model, &bridge::DashboardModel::inputsChanged, this, [this] {
        fillFilters();
        // The first request went out before the calendar's zone was known: ask again for the
        // same days in that zone.
        const metrics::ReportRequest again = currentRequest();
        if (again.filter.since != m_requested.filter.since || again.filter.until != m_requested.filter.until)
            request();
    });
    connect(&m_model, &bridge::DashboardModel::busyChanged, this, [this](bool busy) {
        m_status->setText(busy ? tr("Computing…") : QString());
    });
    connect(&m_model, &bridge::DashboardModel::failed, this, [this](const QString& message) {
        m_status->setText(tr("Could not compute the figures: %1").arg(message));
    });
    // Figures age while the window stays open; read what came in every five minutes.
    auto* timer = new QTimer(this);
    timer->setInterval(5 * 60 * 1000);
    connect(timer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    timer->start();
    auto* refreshKey = new QShortcut(QKeySequence::Refresh, this);
    connect(refreshKey, &QShortcut::activated, this, &DashboardWindow::refresh);
    auto* closeKey = new QShortcut(QKeySequence::Close, this);
    connect(closeKey, &QShortcut::activated, this, &QWidget::close);
    setPeriod(Period::Month);
}

void DashboardWindow::buildFilters(QHBoxLayout* bar)
{
    m_period = new QComboBox;
    m_period->addItem(tr("Today"), int(Period::Today));
    m_period->addItem(tr("Last 7 days"), int(Period::Week));
    m_period->addItem(tr("Last 30 days"), int(Period::Month));
    m_period->addItem(tr("Custom…"), int(Period::Custom));
    m_from = new QDateEdit(QDate::currentDate().addDays(-29));
    m_to = new QDateEdit(QDate::currentDate());
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setVisible(false);
        connect(edit, &QDateEdit::dateChanged, this, &DashboardWindow::request);
    }
    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        const bool custom = Period(m_period->currentData().toInt()) == Period::Custom;
        m_from->setVisible(custom);
        m_to->setVisible(custom);
        request();
    });
    bar->addWidget(new QLabel(tr("Period:")));
    bar->addWidget(m_period);
    bar->addWidget(m_from);
    bar->addWidget(m_to);
    bar->addSpacing(12);

    const auto addFilter = [&](QComboBox*& combo, const QString& all, const QString& label) {
        combo = new QComboBox;
        combo->addItem(all);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        combo->setMinimumContentsLength(10);
        connect(combo, &QComboBox::currentIndexChanged, this, &DashboardWindow::request);
        bar->addWidget(new QLabel(label));
        bar->addWidget(combo);
    };
    addFilter(m_team, tr("All teams"), tr("Team:"));
    addFilter(m_agent, tr("All agents"), tr("Agent:"));
    addFilter(m_source, tr("All sources"), tr("Source:"));
    addFilter(m_tag, tr("All tags"), tr("Tag:"));
    bar->addSpacing(12);
    m_clock = new QComboBox;
    m_clock->addItem(tr("Wall clock"));
    m_clock->addItem(tr("Business hours"));
    m_clock->setToolTip(tr("Business hours count only the team's opening hours (earshot-cli calendar)"));
    connect(m_clock, &QComboBox::currentIndexChanged, this, &DashboardWindow::showReport);
    bar->addWidget(m_clock);
    m_waitStart = new QComboBox;
    m_waitStart->addItem(tr("From arrival"));
    m_waitStart->addItem(tr("From posting"));
    m_waitStart->setToolTip(tr("When a customer starts waiting: when the message reached Earshot, or the time "
                               "the post itself gives (a source polled every 15 minutes hides up to 15 minutes "
                               "of waiting)"));
    connect(m_waitStart, &QComboBox::currentIndexChanged, this, &DashboardWindow::request);
    bar->addWidget(m_waitStart);
    bar->addStretch();
    m_status = new QLabel;
    bar->addWidget(m_status);

    auto* refreshButton = new QPushButton(tr("Refresh"));
    refreshButton->setToolTip(tr("Read new conversations and answers (F5)"));
    connect(refreshButton, &QPushButton::clicked, this, &DashboardWindow::refresh);
    bar->addWidget(refreshButton);
    auto* exportButton = new QToolButton;
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(exportButton);
    menu->addAction(tr("Dashboard as PNG…"), this, &DashboardWindow::exportPng);
    menu->addAction(tr("Numbers as CSV…"), this, &DashboardWindow::exportCsv);
    exportButton->setMenu(menu);
    bar->addWidget(exportButton);
}

QWidget* DashboardWindow::buildTiles()
{
    auto* tiles = new QWidget;
    auto* layout = new QHBoxLayout(tiles);
    layout->setContentsMargins(0, 0, 0, 0);
    const QList<QPair<QString, QString>> names = {
        {QStringLiteral("first_median"), tr("First response, median")},
        {QStringLiteral("first_p90"), tr("First response, p90")},
        {QStringLiteral("resolution_median"), tr("Resolution, median")},
        {QStringLiteral("resolution_p90"), tr("Resolution, p90")},
        {QStringLiteral("sla"), tr("SLA met (first response)")},
        {QStringLiteral("backlog"), tr("Backlog now")},
    };
    for (const auto& [key, title] : names) {
        auto* frame = new QFrame;
        frame->setFrameShape(QFrame::StyledPanel);
        frame->setAutoFillBackground(true);
        frame->setBackgroundRole(QPalette::Base);
        auto* box = new QVBoxLayout(frame);
        auto* caption = new QLabel(title);
        auto* value = new QLabel(QStringLiteral("–"));
        QFont big = value->font();
        big.setPointSizeF(big.pointSizeF() * 2.0);
        big.setBold(true);
        value->setFont(big);
        auto* note = new QLabel;
        note->setForegroundRole(QPalette::PlaceholderText);
        box->addWidget(caption);
        box->addWidget(value);
        box->addWidget(note);
        value->setObjectName(key);
        m_tiles.insert(key, value);
        m_tileNotes.insert(key, note);
        layout->addWidget(frame);
    }
    return tiles;
}

QWidget* DashboardWindow::buildTrend()
{
    m_median = new QLineSeries;
    m_median->setName(tr("Median"));
    m_p90 = new QLineSeries;
    m_p90->setName(tr("p90"));
    auto* chart = new QChart;
    // Qt Charts draws with a theme of its own, not the palette: pick the one that matches.
    chart->setTheme(isDarkPalette(palette()) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setLocale(QLocale());
    chart->setLocalizeNumbers(true);
    chart->addSeries(m_median);
    chart->addSeries(m_p90);
    chart->setTitle(tr("First response time by day"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    m_days = new QDateTimeAxis;
    m_days->setFormat(QStringLiteral("d MMM"));
    m_hours = new QValueAxis;
    m_hours->setTitleText(tr("hours"));
    m_hours->setLabelFormat(QStringLiteral("%.1f"));
    chart->addAxis(m_days, Qt::AlignBottom);
    chart->addAxis(m_hours, Qt::AlignLeft);
    for (QLineSeries* series : {m_median, m_p90}) {
        series->attachAxis(m_days);
        series->attachAxis(m_hours);
        series->setPointsVisible(true);
    }
    m_trend = new QChartView(chart);
    m_trend->setRenderHint(QPainter::Antialiasing);
    m_trend->setMinimumHeight(260);
    return m_trend;
}

void DashboardWindow::setPeriod(Period period)
{
    const int index = m_period->findData(int(period));
    if (index == m_period->currentIndex())
        request();
    else
        m_period->setCurrentIndex(index);   // requests through its signal
}

void DashboardWindow::setCustomPeriod(const QDate& from, const QDate& to)
{
    m_filling = true;
    m_from->setDate(from);
    m_to->setDate(to);
    m_period->setCurrentIndex(m_period->findData(int(Period::Custom)));
    m_filling = false;
    request();
}

metrics::ReportRequest DashboardWindow::currentRequest() const
{
    metrics::ReportRequest request;
    request.groupBy = metrics::GroupBy::Agent;
    // Periods are whole days in the team calendar's zone (metrics/ReportPeriod.h), the days the
    // report's trend, heat map and CSV count in, and those `earshot-cli stats` counts.
    const auto dayOf = [](const QDate& date) { return QDate(1970, 1, 1).daysTo(date); };
    metrics::ReportPeriod period;
    switch (Period(m_period->currentData().toInt())) {
    case Period::Today: period = m_model.lastDays(1); break;
    case Period::Week: period = m_model.lastDays(7); break;
    case Period::Month: period = m_model.lastDays(metrics::kDefaultReportDays); break;
    case Period::Custom: period = m_model.wholeDays(dayOf(m_from->date()), dayOf(m_to->date())); break;
    }
    request.filter.since = period.since;
    request.filter.until = period.until;
    if (m_team->currentIndex() > 0)
        request.filter.teams = {conversation::toUtf8(m_team->currentText())};
    if (m_agent->currentIndex() > 0)
        request.filter.agents = {conversation::toUtf8(m_agent->currentText())};
    if (m_source->currentIndex() > 0)
        request.filter.sources = {m_source->currentData().toLongLong()};
    if (m_tag->currentIndex() > 0)
        request.filter.tags = {conversation::toUtf8(m_tag->currentText())};
    request.clock = m_waitStart->currentIndex() == 1 ? metrics::Clock::Published : metrics::Clock::Ingested;
    return request;
}

void DashboardWindow::request()
{
    if (m_filling)
        return;
    m_requested = currentRequest();
    m_model.setRequest(m_requested);
}

void DashboardWindow::refresh() { m_model.reload(currentRequest()); }

void DashboardWindow::showEvent(QShowEvent* event)
{
    // Opened again later: what it shows may be hours old.
    if (m_shownOnce)
        refresh();
    m_shownOnce = true;
    QWidget::showEvent(event);
}

void DashboardWindow::fillFilters()
{
    m_filling = true;
    const auto refill = [](QComboBox* combo, const QList<QPair<QString, QVariant>>& items) {
        const QString current = combo->currentIndex() > 0 ? combo->currentText() : QString();
        while (combo->count() > 1)
            combo->removeItem(1);
        for (const auto& [label, value] : items)
            combo->addItem(label, value);
        combo->setCurrentIndex(std::max(0, current.isEmpty() ? 0 : combo->findText(current)));
    };
    const auto plain = [](const QStringList& names) {
        QList<QPair<QString, QVariant>> items;
        for (const QString& name : names)
            items.append({name, {}});
        return items;
    };
    refill(m_team, plain(m_model.teams()));
    refill(m_agent, plain(m_model.agents()));
    refill(m_tag, plain(m_model.tags()));
    QList<QPair<QString, QVariant>> sources;
    for (const auto& [id, name] : m_model.sources())
        sources.append({name, id});
    refill(m_source, sources);
    m_filling = false;
}

bool DashboardWindow::businessHours() const { return m_clock->currentIndex() == 1; }

QString DashboardWindow::tileText(const QString& tile) const
{
    const QLabel* label = m_tiles.value(tile);
    return label ? label->text() : QString();
}

void DashboardWindow::showReport()
{
    const metrics::Report* report = m_model.report();
    if (!report)
        return;
    showTiles(*report);
    showTrend(*report);
    m_heatMap->setGrid(m_heatMapDirection->currentIndex() == 0 ? report->volumeIn : report->volumeOut);
    showAgents(*report);
    showBreaches(*report);
}

void DashboardWindow::showTiles(const metrics::Report& report)
{
    const metrics::Figures& f = report.total;
    const bool business = businessHours();
    const metrics::Distribution& first = business ? f.firstResponse.business : f.firstResponse.wall;
    const metrics::Distribution& resolution = business ? f.resolution.business : f.resolution.wall;
    const QString clockNote = business ? tr("business hours") : tr("wall clock");
    m_tiles["first_median"]->setText(secondsText(first, &metrics::Distribution::median));
    m_tileNotes["first_median"]->setText(tr("%1 · %Ln answered", nullptr, int(first.count)).arg(clockNote));
    m_tiles["first_p90"]->setText(secondsText(first, &metrics::Distribution::p90));
    m_tileNotes["first_p90"]->setText(tr("9 in 10 answered within"));
    m_tiles["resolution_median"]->setText(secondsText(resolution, &metrics::Distribution::median));
    m_tileNotes["resolution_median"]->setText(tr("%1 · %Ln resolved", nullptr, int(resolution.count)).arg(clockNote));
    m_tiles["resolution_p90"]->setText(secondsText(resolution, &metrics::Distribution::p90));
    m_tileNotes["resolution_p90"]->setText(tr("9 in 10 resolved within"));
    m_tiles["sla"]->setText(percentText(f.firstResponseSla.percent()));
    const metrics::ReportInputs* inputs = m_model.inputs();
    m_tileNotes["sla"]->setText(inputs && inputs->policies.targets().empty()
                                    ? tr("no SLA targets set (earshot-cli sla)")
                                    : tr("resolution: %1").arg(percentText(f.resolutionSla.percent())));
    m_tiles["backlog"]->setText(QLocale().toString(qlonglong(report.openNow)));
    m_tileNotes["backlog"]->setText(tr("%1 unassigned").arg(QLocale().toString(qlonglong(report.unassignedNow))));
}

void DashboardWindow::showTrend(const metrics::Report& report)
{
    const bool business = businessHours();
    QList<QPointF> medians;
    QList<QPointF> p90s;
    double highest = 0;
    for (const metrics::DayPoint& day : report.days) {
        const metrics::Distribution& d = business ? day.firstResponseBusiness : day.firstResponseWall;
        if (d.count == 0)
            continue;
        const double x = double(day.dayStart) * 1000.0;
        medians.append({x, d.median / 3600.0});
        p90s.append({x, d.p90 / 3600.0});
        highest = std::max(highest, d.p90 / 3600.0);
    }
    m_median->replace(medians);
    m_p90->replace(p90s);
    if (!report.days.empty()) {
        const auto first = QDateTime::fromSecsSinceEpoch(report.days.front().dayStart);
        const auto last = QDateTime::fromSecsSinceEpoch(report.days.back().dayStart);
        m_days->setRange(first, std::max(last, first.addDays(1)));
        m_days->setTickCount(std::clamp(int(report.days.size()), 2, 8));
    }
    m_hours->setRange(0, highest > 0 ? highest * 1.1 : 1.0);
    m_hours->applyNiceNumbers();
    m_trend->chart()->setTitle(business ? tr("First response time by day (business hours)")
                                        : tr("First response time by day"));
}

void DashboardWindow::showAgents(const metrics::Report& report)
{
    const bool business = businessHours();
    m_agents->setSortingEnabled(false);
    m_agents->setRowCount(int(report.groups.size()));
    int row = 0;
    for (const metrics::GroupFigures& group : report.groups) {
        const metrics::Figures& f = group.figures;
        const metrics::Distribution& first = business ? f.firstResponse.business : f.firstResponse.wall;
        const metrics::Distribution& resolution = business ? f.resolution.business : f.resolution.wall;
        const auto percent = [](const metrics::SlaTally& t) { return t.percent().value_or(-1); };
        // The core names cycles nobody has taken "(nobody)"; say it in the interface's language.
        const QString name = group.name == "(nobody)" ? tr("(nobody)") : conversation::fromUtf8(group.name);
        m_agents->setItem(row, 0, new QTableWidgetItem(name));
        m_agents->setItem(row, 1, numberItem(QLocale().toString(qlonglong(f.cycles)), double(f.cycles)));
        m_agents->setItem(row, 2, numberItem(secondsText(first, &metrics::Distribution::median), first.median));
        m_agents->setItem(row, 3, numberItem(secondsText(first, &metrics::Distribution::p90), first.p90));
        m_agents->setItem(row, 4,
                          numberItem(secondsText(resolution, &metrics::Distribution::median), resolution.median));
        m_agents->setItem(row, 5, numberItem(secondsText(resolution, &metrics::Distribution::p90), resolution.p90));
        m_agents->setItem(row, 6, numberItem(percentText(f.firstResponseSla.percent()), percent(f.firstResponseSla)));
        m_agents->setItem(row, 7, numberItem(percentText(f.resolutionSla.percent()), percent(f.resolutionSla)));
        m_agents->setItem(row, 8, numberItem(QLocale().toString(qlonglong(f.compliments)), double(f.compliments)));
        ++row;
    }
}

void DashboardWindow::showBreaches(const metrics::Report& report)
{
    const metrics::ReportInputs* inputs = m_model.inputs();
    m_breaches->setRowCount(int(report.breaches.size()));
    int row = 0;
    for (const metrics::Breach& breach : report.breaches) {
        auto* id = new QTableWidgetItem(breach.cycle > 1 ? tr("#%1 (cycle %2)").arg(breach.conversationId).arg(breach.cycle)
                                                         : tr("#%1").arg(breach.conversationId));
        id->setData(Qt::UserRole, qlonglong(breach.conversationId));
        m_breaches->setItem(row, 0, id);
        m_breaches->setItem(row, 1, new QTableWidgetItem(breach.resolution ? tr("Resolution") : tr("First response")));
        m_breaches->setItem(row, 2, new QTableWidgetItem(conversation::priorityText(breach.priority)));
        QString source;
        if (inputs)
            if (auto found = inputs->snapshot.sourceNames.find(breach.sourceId); found != inputs->snapshot.sourceNames.end())
                source = conversation::fromUtf8(found->second);
        m_breaches->setItem(row, 3, new QTableWidgetItem(source));
        m_breaches->setItem(row, 4, numberItem(conversation::duration(breach.overBy), double(breach.overBy)));
        ++row;
    }
    m_breaches->resizeColumnsToContents();
    m_breachCount->setText(report.breachCount > std::int64_t(report.breaches.size())
                               ? tr("%1 in the period; the %2 most overdue shown")
                                     .arg(QLocale().toString(qlonglong(report.breachCount)))
                                     .arg(report.breaches.size())
                               : tr("%Ln in the period", nullptr, int(report.breachCount)));
}

bool DashboardWindow::savePng(const QString& path)
{
    const QPixmap picture = m_content->grab();
    return bool(core::replaceFile(path.toStdString(), [&](const std::filesystem::path& part) -> Status {
        if (!picture.save(QString::fromStdString(part.string()), "PNG"))
            return fail("cannot write the picture");
        return Ok{};
    }));
}

bool DashboardWindow::saveCsv(const QString& path, QString* error)
{
    const metrics::Report* report = m_model.report();
    const metrics::ReportInputs* inputs = m_model.inputs();
    if (!report || !inputs) {
        if (error)
            *error = tr("The figures are not ready yet.");
        return false;
    }
    auto written = core::replaceFile(path.toStdString(), [&](const std::filesystem::path& part) -> Status {
        std::ofstream out(part, std::ios::binary | std::ios::trunc);
        return metrics::writeReportCsv(*report, m_model.reportRequest().groupBy, inputs->calendar.timeZone(), out);
    });
    if (!written && error)
        *error = tr("Cannot write %1: %2").arg(path, conversation::fromUtf8(written.message()));
    return bool(written);
}

void DashboardWindow::exportPng()
{
    const QString path = m_pickFile(QStringLiteral("earshot-dashboard-%1.png").arg(QDate::currentDate().toString(Qt::ISODate)),
                                    tr("PNG images (*.png)"));
    if (!path.isEmpty() && !savePng(path))
        QMessageBox::warning(this, tr("Export"), tr("Cannot write %1.").arg(path));
}

void DashboardWindow::exportCsv()
{
    const QString path = m_pickFile(QStringLiteral("earshot-dashboard-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)),
                                    tr("CSV files (*.csv)"));
    QString error;
    if (!path.isEmpty() && !saveCsv(path, &error))
        QMessageBox::warning(this, tr("Export"), error);
}

}  // namespace earshot::gui
