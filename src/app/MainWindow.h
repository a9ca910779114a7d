// The console's main window: the live list of stored mentions, newest first, with a
// search box, the selected mention below it, and the engine's progress and failing
// sources in the status bar. It only wires things together; the work is in the bridge.
#pragma once

#include <QMainWindow>
#include <string>
#include "PollStatus.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

namespace earshot::bridge {
class EngineBridge;
class MentionListModel;
class SourceHealth;
}  // namespace earshot::bridge

namespace earshot::store {
class Workspace;
}

namespace earshot::gui {

class SourceSecrets;

class MentionDetailView;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    // The window uses these but does not own them; they must outlive it.
    MainWindow(bridge::MentionListModel& mentions, bridge::EngineBridge& engine, bridge::SourceHealth& health,
               const QString& databasePath, QWidget* parent = nullptr);
    // Where the Sources dialog keeps platform secrets; none: the dialog cannot store them.
    void setSecrets(SourceSecrets* secrets) { m_secrets = secrets; }
    // The open workspace, for the Sources and Settings dialogs; it must outlive the window.
    void setWorkspace(store::Workspace* workspace) { m_workspace = workspace; }
    // Who works in the console: the Sources dialog logs their changes under this name.
    void setAgent(const std::string& name) { m_agent = name; }

    QTableView* mentionTable() const { return m_table; }
    QLineEdit* searchField() const { return m_search; }
    MentionDetailView* detailView() const { return m_detail; }
    QLabel* progressLabel() const { return m_pollStatus->progressLabel(); }
    QLabel* problemsLabel() const { return m_pollStatus->problemsLabel(); }

    // Also opened from the inbox window's File menu.
    void openSources();
    void openSettings();

private:
    SourceSecrets* m_secrets = nullptr;
    store::Workspace* m_workspace = nullptr;
    std::string m_agent;
    void createActions();
    void applySearch();
    void showCurrentMention();
    void keepViewportOnInsert(int first, int count);
    void updateEmptyState();
    void showQueryFailure(const QString& message);

    bridge::MentionListModel& m_mentions;
    bridge::EngineBridge& m_engine;
    bridge::SourceHealth& m_health;
    QLineEdit* m_search;
    QTimer* m_searchDelay;
    QStackedWidget* m_listStack;
    QTableView* m_table;
    QLabel* m_emptyState;
    QPushButton* m_addSources;
    MentionDetailView* m_detail;
    PollStatus* m_pollStatus = nullptr;
};

}  // namespace earshot::gui
