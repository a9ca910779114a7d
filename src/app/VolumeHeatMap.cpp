#include "VolumeHeatMap.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <cmath>

#include "ConversationFormat.h"

namespace earshot::gui {

namespace {
constexpr int kHourLabelHeight = 16;
}

VolumeHeatMap::VolumeHeatMap(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void VolumeHeatMap::setGrid(const Grid& grid)
{
    m_grid = grid;
    m_max = 0;
    for (const auto& day : m_grid)
        for (std::int64_t count : day)
            m_max = std::max(m_max, count);
    update();
}

QSize VolumeHeatMap::minimumSizeHint() const { return {labelWidth() + 24 * 12, kHourLabelHeight + 7 * 14}; }

int VolumeHeatMap::labelWidth() const
{
    int widest = 0;
    for (int day = 1; day <= 7; ++day)
        widest = std::max(widest, fontMetrics().horizontalAdvance(QLocale().dayName(day, QLocale::ShortFormat)));
    return widest + 8;
}

QRectF VolumeHeatMap::cellRect(int weekday, int hour) const
{
    const double left = labelWidth();
    const double cellWidth = (width() - left) / 24.0;
    const double cellHeight = (height() - kHourLabelHeight) / 7.0;
    return {left + hour * cellWidth, kHourLabelHeight + weekday * cellHeight, cellWidth, cellHeight};
}

std::pair<int, int> VolumeHeatMap::cellAt(const QPoint& point) const
{
    for (int day = 0; day < 7; ++day)
        for (int hour = 0; hour < 24; ++hour)
            if (cellRect(day, hour).contains(point))
                return {day, hour};
    return {-1, -1};
}

void VolumeHeatMap::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const QColor empty = palette().color(QPalette::Base);
    const QColor full = palette().color(QPalette::Highlight);
    painter.setPen(palette().color(QPalette::WindowText));
    for (int hour = 0; hour < 24; hour += 3) {
        const QRectF cell = cellRect(0, hour);
        painter.drawText(QRectF(cell.left(), 0, cell.width() * 3, kHourLabelHeight), Qt::AlignLeft | Qt::AlignVCenter,
                         QStringLiteral("%1:00").arg(hour, 2, 10, QLatin1Char('0')));
    }
    for (int day = 0; day < 7; ++day) {
        const QRectF row = cellRect(day, 0);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRectF(0, row.top(), labelWidth() - 6, row.height()), Qt::AlignRight | Qt::AlignVCenter,
                         QLocale().dayName(day + 1, QLocale::ShortFormat));
        for (int hour = 0; hour < 24; ++hour) {
            // Square root shading, so quiet hours still show next to a busy Monday morning.
            const double share = m_max == 0 ? 0.0 : std::sqrt(double(m_grid[day][hour]) / double(m_max));
            painter.fillRect(cellRect(day, hour).adjusted(1, 1, -1, -1), conversation::mix(empty, full, 0.08 + 0.92 * share));
        }
    }
}

bool VolumeHeatMap::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const auto [day, hour] = cellAt(help->pos());
        if (day < 0) {
            QToolTip::hideText();
        } else {
            QToolTip::showText(help->globalPos(), tr("%1 %2:00–%3:00: %Ln message(s)", nullptr, int(m_grid[day][hour]))
                                                      .arg(QLocale().dayName(day + 1, QLocale::LongFormat))
                                                      .arg(hour, 2, 10, QLatin1Char('0'))
                                                      .arg(hour + 1, 2, 10, QLatin1Char('0')),
                               this);
        }
        return true;
    }
    return QWidget::event(event);
}

}  // namespace earshot::gui
