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
    namespace ev = inbox::event;
    const QString actor = fromUtf8(entry.actor);
    const QString from = value(entry.fromValue, tr("nobody"));
    const QString to = value(entry.toValue, tr("nobody"));
    const std::string_view kind = entry.kind;
    if (kind == ev::kConversationCreated)
        return tr("Conversation started");
    if (kind == ev::kClaimed)
        return tr("%1 claimed").arg(actor);
    if (kind == ev::kReleased)
        return tr("%1 released it").arg(actor);
    if (kind == ev::kAssigned) {
        const QString text = tr("%1 assigned it to %2").arg(actor, to);
        return entry.detail && !entry.detail->empty() ? tr("%1: “%2”").arg(text, fromUtf8(*entry.detail).simplified())
                                                      : text;
    }
    if (kind == ev::kTakenOver)
        return tr("%1 took it over from %2").arg(actor, from);
    if (kind == ev::kReplied)
        return entry.toValue && *entry.toValue == "platform" ? tr("%1 replied (on the platform)").arg(actor)
                                                             : tr("%1 replied (off-platform)").arg(actor);
    if (kind == ev::kCheckOverridden) {
        QString reason;
        if (entry.detail) {
            const auto json = QJsonDocument::fromJson(QByteArray::fromStdString(*entry.detail)).object();
            reason = json.value(QLatin1String("reason")).toString();
        }
        const QString check = value(entry.toValue, tr("a"));
        return reason.isEmpty() ? tr("%1 sent despite the %2 check").arg(actor, check)
                                : tr("%1 sent despite the %2 check: “%3”").arg(actor, check, reason.simplified());
    }
    if (kind == ev::kNote)
        return tr("%1 added an internal note").arg(actor);
    if (kind == ev::kTagged)
        return tr("%1 tagged “%2”").arg(actor, to);
    if (kind == ev::kUntagged)
        return tr("%1 removed the tag “%2”").arg(actor, from);
    if (kind == ev::kPriority)
        return tr("%1 set priority: %2 → %3").arg(actor, from, to);
    if (kind == ev::kStatus)
        return tr("%1 changed status: %2 → %3").arg(actor, from, to);
    if (kind == ev::kReopened)
        return tr("%1 reopened: %2 → %3").arg(actor, from, to);
    // A kind this console doesn't know yet (a newer Earshot wrote it): still say something.
    QString text = actor + QLatin1Char(' ') + fromUtf8(entry.kind);
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
