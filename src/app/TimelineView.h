// The conversation's event log read aloud: "14:02  Sanne claimed", "14:10  Sanne replied
// (off-platform)", "engine reopened: resolved → open". Oldest first, like the thread.
#pragma once

#include <QTreeWidget>

#include <vector>

#include "earshot/inbox/ConversationReader.h"

namespace earshot::gui {

class TimelineView : public QTreeWidget {
    Q_OBJECT

public:
    explicit TimelineView(QWidget* parent = nullptr);

    void setEntries(const std::vector<inbox::TimelineEntry>& entries);
    // A message instead of entries (e.g. why the log could not be read).
    void showMessage(const QString& message);

    // One event as a sentence, without its time.
    static QString describe(const inbox::TimelineEntry& entry);
    // Every row as "time  sentence", for tests and copying.
    QStringList lines() const;
};

}  // namespace earshot::gui
