// The inbox's left column: the views (Unassigned, Mine, All open, Pending, Resolved, Spam),
// every source and every tag, each with the number of conversations waiting in it.
#pragma once

#include <QTreeWidget>
#include <optional>
#include <vector>

#include "earshot/store/ConversationQuery.h"
#include "earshot/store/SourceStore.h"

namespace earshot::gui {

struct NavigationChoice {
    store::ConversationView view = store::ConversationView::AllOpen;
    std::optional<std::int64_t> sourceId;
    std::string tag;
};

class NavigationPanel : public QTreeWidget {
    Q_OBJECT
public:
    explicit NavigationPanel(QWidget* parent = nullptr);

    // Rebuilds the source and tag lists and every count, keeping the selection.
    void setCounts(const store::ConversationCounts& counts, const std::vector<store::Source>& sources);
    NavigationChoice current() const;
    // Selects a view (used by the keyboard: the window starts on Unassigned).
    void selectView(store::ConversationView view);

signals:
    void choiceChanged(const earshot::gui::NavigationChoice& choice);

private:
    QTreeWidgetItem* addGroup(const QString& title);
    void setLabel(QTreeWidgetItem* item, const QString& name, std::int64_t count);

    QTreeWidgetItem* m_views = nullptr;
    QTreeWidgetItem* m_sources = nullptr;
    QTreeWidgetItem* m_tags = nullptr;
};

}  // namespace earshot::gui
