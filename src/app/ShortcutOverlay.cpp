#include "ShortcutOverlay.h"

#include <QEvent>
#include <QKeyEvent>
#include <QPainter>

namespace earshot::gui {

ShortcutOverlay::ShortcutOverlay(QWidget* parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    hide();
    parent->installEventFilter(this);   // follow the window's size
}

void ShortcutOverlay::setEntries(QList<QPair<QString, QList<Entry>>> groups)
{
    m_groups = std::move(groups);
    update();
}

int ShortcutOverlay::entryCount() const
{
    int count = 0;
    for (const auto& group : m_groups)
        count += int(group.second.size());
    return count;
}

void ShortcutOverlay::toggle()
{
    if (isVisible()) {
        hide();
        parentWidget()->setFocus();
        return;
    }
    setGeometry(parentWidget()->rect());
    raise();
    show();
    setFocus();
}

bool ShortcutOverlay::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible())
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

bool ShortcutOverlay::event(QEvent* event)
{
    // While shown, every key is ours (to close the sheet), not the window's shortcuts.
    if (event->type() == QEvent::ShortcutOverride) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

void ShortcutOverlay::keyPressEvent(QKeyEvent* event)
{
    // Any key closes it: the overlay is a glance, not a dialog.
    Q_UNUSED(event)
    toggle();
}

void ShortcutOverlay::mousePressEvent(QMouseEvent* event)
{
    Q_UNUSED(event)
    toggle();
}

void ShortcutOverlay::paintEvent(QPaintEvent* event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    QColor shade = palette().color(QPalette::Shadow);
    shade.setAlpha(150);
    painter.fillRect(rect(), shade);

    const QFontMetrics metrics(font());
    const int line = metrics.height() + 6;
    const int keyWidth = metrics.horizontalAdvance(QStringLiteral("Ctrl+Shift+S")) + 24;
    int rows = 1;
    for (const auto& group : m_groups)
        rows += int(group.second.size()) + 2;
    const QSize sheetSize(std::min(width() - 40, 640), std::min(height() - 40, rows * line + 32));
    const QRect sheet(QPoint((width() - sheetSize.width()) / 2, (height() - sheetSize.height()) / 2), sheetSize);
    painter.setPen(Qt::NoPen);
    painter.setBrush(palette().color(QPalette::Window));
    painter.drawRoundedRect(sheet, 8, 8);

    QFont bold = font();
    bold.setBold(true);
    int y = sheet.top() + 16;
    painter.setPen(palette().color(QPalette::WindowText));
    painter.setFont(bold);
    painter.drawText(QRect(sheet.left() + 20, y, sheet.width() - 40, line), Qt::AlignLeft | Qt::AlignVCenter,
                     tr("Keyboard shortcuts — press any key to close"));
    y += line + line / 2;
    for (const auto& [title, entries] : m_groups) {
        painter.setFont(bold);
        painter.setPen(palette().color(QPalette::Highlight));
        painter.drawText(QRect(sheet.left() + 20, y, sheet.width() - 40, line), Qt::AlignLeft | Qt::AlignVCenter, title);
        y += line;
        for (const Entry& entry : entries) {
            painter.setFont(bold);
            painter.setPen(palette().color(QPalette::WindowText));
            painter.drawText(QRect(sheet.left() + 28, y, keyWidth, line), Qt::AlignLeft | Qt::AlignVCenter, entry.keys);
            painter.setFont(font());
            painter.drawText(QRect(sheet.left() + 28 + keyWidth, y, sheet.width() - keyWidth - 48, line),
                             Qt::AlignLeft | Qt::AlignVCenter, entry.description);
            y += line;
        }
        y += line / 2;
    }
}

}  // namespace earshot::gui
