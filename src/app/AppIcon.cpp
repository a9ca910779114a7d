#include "AppIcon.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace earshot::gui {

namespace {

// A speech bubble with three sound arcs: someone is talking, and we are listening.
QPixmap drawIcon(int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal unit = size / 64.0;
    painter.scale(unit, unit);

    QPainterPath bubble;
    bubble.addRoundedRect(QRectF(4, 6, 56, 42), 12, 12);
    QPainterPath tail;
    tail.moveTo(16, 44);
    tail.lineTo(12, 60);
    tail.lineTo(30, 46);
    tail.closeSubpath();
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x1f, 0x6f, 0xb2));
    painter.drawPath(bubble.united(tail));

    QPen arc(Qt::white, 4.5, Qt::SolidLine, Qt::RoundCap);
    painter.setPen(arc);
    painter.setBrush(Qt::NoBrush);
    const QPointF centre(18, 27);
    for (int ring = 1; ring <= 3; ++ring) {
        const qreal radius = 7.5 * ring;
        painter.drawArc(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius), -50 * 16, 100 * 16);
    }
    painter.setBrush(Qt::white);
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(centre, 3.5, 3.5);
    return pixmap;
}

}  // namespace

QIcon appIcon()
{
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256})
        icon.addPixmap(drawIcon(size));
    return icon;
}

}  // namespace earshot::gui
