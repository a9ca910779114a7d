#include "TimelineView.h"

#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>

#include "ConversationFormat.h"
#include "earshot/inbox/Vocabulary.h"

namespace earshot::gui {

using conversation::fromUtf8;

namespace {

QString value(const std::optional<std::string>& text, const QString& none)
{
    return text && !text->empty() ? fromUtf8(*text) : none;
}

}  // namespace

TimelineView::TimelineView(QWidget* parent) : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("timelineView"));
    setColumnCount(2);
    setHeaderLabels({tr("When"), tr("What happened")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setFrameShape(QFrame::NoFrame);
    setAlternatingRowColors(true);
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
}

void TimelineView::setEntries(const std::vector<inbox::TimelineEntry>& entries)
{
    clear();
    QList<QTreeWidgetItem*> items;
    items.reserve(qsizetype(entries.size()));
    for (const auto& entry : entries) {
        auto* item = new QTreeWidgetItem({conversation::shortTime(entry.at), describe(entry)});
        item->setToolTip(0, conversation::fullTime(entry.at));
        item->setForeground(0, palette().brush(QPalette::PlaceholderText));
        items.append(item);
    }
    addTopLevelItems(items);
    if (!items.isEmpty())
        scrollToItem(items.back());
}

void TimelineView::showMessage(const QString& message)
{
    clear();
    addTopLevelItem(new QTreeWidgetItem({QString(), message}));
}

QString TimelineView::describe(const inbox::TimelineEntry& entry)
{
    using domain::EventKind;
    const QString actor = fromUtf8(entry.actor);
    const QString from = value(entry.fromValue, tr("nobody"));
    const QString to = value(entry.toValue, tr("nobody"));
    switch (entry.kind) {
    case EventKind::ConversationCreated:
        return tr("Conversation started");
    case EventKind::Claimed:
        return tr("%1 claimed").arg(actor);
    case EventKind::Released:
        return tr("%1 released it").arg(actor);
    case EventKind::Assigned: {
        const QString text = tr("%1 assigned it to %2").arg(actor, to);
        return entry.detail && !entry.detail->empty() ? tr("%1: “%2”").arg(text, fromUtf8(*entry.detail).simplified())
                                                      : text;
    }
    case EventKind::TakenOver:
        return tr("%1 took it over from %2").arg(actor, from);
    case EventKind::Replied:
        return entry.toValue && domain::parseChannel(*entry.toValue) == domain::Channel::Platform
                   ? tr("%1 replied (on the platform)").arg(actor)
                   : tr("%1 replied (off-platform)").arg(actor);
    case EventKind::CheckOverridden: {
        QString reason;
        if (entry.detail) {
            const auto json = QJsonDocument::fromJson(QByteArray::fromStdString(*entry.detail)).object();
            reason = json.value(QLatin1String("reason")).toString();
        }
        const QString check = value(entry.toValue, tr("a"));
        return reason.isEmpty() ? tr("%1 sent despite the %2 check").arg(actor, check)
                                : tr("%1 sent despite the %2 check: “%3”").arg(actor, check, reason.simplified());
    }
    case EventKind::Note:
        return tr("%1 added an internal note").arg(actor);
    case EventKind::Tagged:
        return tr("%1 tagged “%2”").arg(actor, to);
    case EventKind::Untagged:
        return tr("%1 removed the tag “%2”").arg(actor, from);
    case EventKind::PriorityChanged:
        return tr("%1 set priority: %2 → %3").arg(actor, from, to);
    case EventKind::StatusChanged:
        return tr("%1 changed status: %2 → %3").arg(actor, from, to);
    case EventKind::Reopened:
        return tr("%1 reopened: %2 → %3").arg(actor, from, to);
    default:
        break;
    }
    // Kinds a conversation's timeline does not hold (a source's events): still say something.
    QString text = actor + QLatin1Char(' ') + fromUtf8(std::string(domain::eventKindName(entry.kind)));
    if (entry.fromValue || entry.toValue)
        text += QStringLiteral(": %1 → %2").arg(from, to);
    return text;
}

QStringList TimelineView::lines() const
{
    QStringList out;
    for (int i = 0; i < topLevelItemCount(); ++i)
        out << topLevelItem(i)->text(0) + QStringLiteral("  ") + topLevelItem(i)->text(1);
    return out;
}

}  // namespace earshot::gui
