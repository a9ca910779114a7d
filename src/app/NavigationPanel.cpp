#include "NavigationPanel.h"

#include <QHeaderView>

namespace earshot::gui {

namespace {

enum Role { KindRole = Qt::UserRole, ValueRole, NameRole };
enum Kind { ViewItem = 1, SourceItem, TagItem };

using store::ConversationView;

QString viewTitle(ConversationView view)
{
    switch (view) {
    case ConversationView::Unassigned: return NavigationPanel::tr("Unassigned");
    case ConversationView::Mine: return NavigationPanel::tr("Mine");
    case ConversationView::AllOpen: return NavigationPanel::tr("All open");
    case ConversationView::Pending: return NavigationPanel::tr("Pending");
    case ConversationView::Resolved: return NavigationPanel::tr("Resolved");
    case ConversationView::Spam: return NavigationPanel::tr("Spam");
    case ConversationView::All: return NavigationPanel::tr("All");
    }
    return {};
}

constexpr ConversationView kViews[] = {ConversationView::Unassigned, ConversationView::Mine, ConversationView::AllOpen,
                                       ConversationView::Pending,    ConversationView::Resolved, ConversationView::Spam};

}  // namespace

NavigationPanel::NavigationPanel(QWidget* parent) : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("navigation"));
    setHeaderHidden(true);
    setRootIsDecorated(false);
    setIndentation(12);
    setUniformRowHeights(true);
    // Long source names lose their middle, not the count at the end.
    setTextElideMode(Qt::ElideMiddle);
    setColumnCount(1);
    m_views = addGroup(tr("Inbox"));
    for (const ConversationView view : kViews) {
        auto* item = new QTreeWidgetItem(m_views);
        item->setData(0, KindRole, ViewItem);
        item->setData(0, ValueRole, int(view));
        item->setData(0, NameRole, viewTitle(view));
        setLabel(item, viewTitle(view), -1);
    }
    m_sources = addGroup(tr("Sources"));
    m_tags = addGroup(tr("Tags"));
    expandAll();
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item && item->data(0, KindRole).toInt() != 0)
            emit choiceChanged(current());
    });
}

QTreeWidgetItem* NavigationPanel::addGroup(const QString& title)
{
    auto* group = new QTreeWidgetItem(this);
    group->setText(0, title);
    group->setFlags(Qt::ItemIsEnabled);   // a heading, not a choice
    QFont bold = font();
    bold.setBold(true);
    group->setFont(0, bold);
    group->setForeground(0, palette().brush(QPalette::PlaceholderText));
    return group;
}

void NavigationPanel::setLabel(QTreeWidgetItem* item, const QString& name, std::int64_t count)
{
    item->setText(0, count < 0 ? name : QStringLiteral("%1  (%2)").arg(name).arg(count));
}

void NavigationPanel::setCounts(const store::ConversationCounts& counts, const std::vector<store::Source>& sources)
{
    const NavigationChoice before = current();
    const QSignalBlocker quiet(this);
    auto countOf = [&counts](ConversationView view) -> std::int64_t {
        switch (view) {
        case ConversationView::Unassigned: return counts.unassigned;
        case ConversationView::Mine: return counts.mine;
        case ConversationView::AllOpen: return counts.allOpen;
        case ConversationView::Pending: return counts.pending;
        case ConversationView::Resolved: return counts.resolved;
        case ConversationView::Spam: return counts.spam;
        case ConversationView::All: return counts.all;
        }
        return 0;
    };
    for (int i = 0; i < m_views->childCount(); ++i) {
        auto* item = m_views->child(i);
        setLabel(item, item->data(0, NameRole).toString(), countOf(ConversationView(item->data(0, ValueRole).toInt())));
    }

    qDeleteAll(m_sources->takeChildren());
    for (const auto& [sourceId, open] : counts.openBySource) {
        QString name = QString::number(sourceId);
        for (const auto& source : sources)
            if (source.id == sourceId)
                name = QString::fromStdString(source.name);
        auto* item = new QTreeWidgetItem(m_sources);
        item->setData(0, KindRole, SourceItem);
        item->setData(0, ValueRole, qint64(sourceId));
        item->setToolTip(0, name);
        setLabel(item, name, open);
        if (before.sourceId == sourceId)
            setCurrentItem(item);
    }
    qDeleteAll(m_tags->takeChildren());
    for (const auto& [tag, open] : counts.openByTag) {
        auto* item = new QTreeWidgetItem(m_tags);
        item->setData(0, KindRole, TagItem);
        item->setData(0, ValueRole, QString::fromStdString(tag));
        setLabel(item, QString::fromStdString(tag), open);
        if (before.tag == tag)
            setCurrentItem(item);
    }
    m_tags->setHidden(m_tags->childCount() == 0);
}

NavigationChoice NavigationPanel::current() const
{
    NavigationChoice choice;
    const QTreeWidgetItem* item = currentItem();
    if (!item)
        return choice;
    switch (item->data(0, KindRole).toInt()) {
    case ViewItem:
        choice.view = ConversationView(item->data(0, ValueRole).toInt());
        break;
    case SourceItem:
        choice.sourceId = item->data(0, ValueRole).toLongLong();
        break;
    case TagItem:
        choice.tag = item->data(0, ValueRole).toString().toStdString();
        break;
    default:
        break;
    }
    return choice;
}

void NavigationPanel::selectView(ConversationView view)
{
    for (int i = 0; i < m_views->childCount(); ++i)
        if (ConversationView(m_views->child(i)->data(0, ValueRole).toInt()) == view)
            setCurrentItem(m_views->child(i));
}

}  // namespace earshot::gui
