// The webcare console's main window: the views and their counts on the left, the
// conversation list in the middle, the conversation with its reply composer on the right.
// Keyboard-first (J/K, C, R, N, P, E, A, T, /, ?), with every action also in the menus.
// Actions go through inbox::Inbox on the workspace's writer, so the same rules hold as in the
// CLI; the list and the pane read through reading sessions of their own.
#pragma once

#include <QMainWindow>
#include <QPointer>
#include <functional>
#include <memory>

#include "earshot/inbox/AgentRepository.h"
#include "earshot/inbox/Inbox.h"
#include "earshot/store/ConversationQuery.h"
#include "earshot/store/Session.h"
#include "earshot/store/Writer.h"
#include "earshot/store/Workspace.h"

class QLineEdit;
class QTableView;
class QSystemTrayIcon;
class QThread;
class QTimer;

namespace earshot::bridge {
class ConversationListModel;
class ChangeWatcher;
class EngineBridge;
class SourceHealth;
}  // namespace earshot::bridge

namespace earshot::gui {

class SourceSecrets;

class ConversationPane;
class DashboardWindow;
class NavigationPanel;
class PollStatus;
class ShortcutOverlay;
struct NavigationChoice;

struct InboxContext {
    store::Workspace& workspace;                 // the dashboard and exports read it
    store::Writer& writer;                       // the workspace's: inbox actions, drafts, posting
    store::Session& reader;                      // counts, the conversation pane, failed replies
    bridge::ConversationListModel& conversations;
    bridge::EngineBridge& engine;
    bridge::ChangeWatcher& changes;              // what other desktops did, and who is where
    bridge::SourceHealth& health;
    inbox::Agent agent;
    SourceSecrets* secrets = nullptr;            // platform secrets, to post replies with
};

class InboxWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit InboxWindow(InboxContext context, QWidget* parent = nullptr);
    ~InboxWindow() override;

    // What "take it over?" questions are answered with; tests answer without a dialog.
    using Confirm = std::function<bool(const QString& question)>;
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    // Who "assign to" picks; tests pick without a dialog. Empty: cancelled.
    using PickColleague = std::function<QString(const QStringList& colleagues, QString* note)>;
    void setPickColleague(PickColleague pick) { m_pickColleague = std::move(pick); }

    // How desktop notifications are shown; the tray by default, tests collect them.
    using Notify = std::function<void(const QString& title, const QString& text)>;
    void setNotify(Notify notify) { m_notify = std::move(notify); }

    QTableView* list() const { return m_list; }
    ConversationPane* pane() const { return m_pane; }
    NavigationPanel* navigation() const { return m_navigation; }
    ShortcutOverlay* shortcutOverlay() const { return m_overlay; }
    QLineEdit* searchField() const { return m_search; }
    PollStatus* pollStatus() const { return m_pollStatus; }
    std::int64_t currentConversation() const;
    void selectConversation(std::int64_t conversationId);
    void refreshCounts();
    // The managers' dashboard, one per inbox window, created when first opened.
    void openDashboard();
    DashboardWindow* dashboard() const;
    void openExport();

signals:
    void mentionStreamRequested();
    void sourcesRequested();
    void settingsRequested();
    void switchAgentRequested();
    void openTeamWorkspaceRequested();

private:
    void buildLayout();
    void buildActions();
    void connectEngine();
    // What the workspace changed under us: other desktops' actions, another process's poll.
    void connectChanges();
    void showChanges(const QList<qint64>& conversationIds);
    void showPresence();
    // Tells the other desktops where this agent is: at the shown conversation, writing a
    // reply when its composer holds one.
    void sayWhereIAm();
    void applyChoice(const NavigationChoice& choice);
    QString emptyViewMessage(const store::ConversationFilter& filter);
    void step(int delta);
    // After an action the agent stays on the conversation (claimed, answered, noted: the row
    // stays even if it left the view) or, when the action finishes their part (resolved,
    // pending, handed over), goes on with the next one in the list.
    enum class Then { StayOnIt, MoveOn };
    void act(const QString& doing, const std::function<Result<inbox::Outcome>(std::int64_t)>& action,
             bool offerTakeOver = true, Then then = Then::StayOnIt);
    // Updates the list after a change to this conversation; moves the selection only when the
    // agent is on it (a reply posted in the background must not pull them back).
    void afterChange(std::int64_t conversationId, Then then = Then::StayOnIt);
    void claim();
    void assign();
    void reply(qint64 conversationId, const QString& text, const QList<QPair<QString, QString>>& overrides,
               bool offPlatform);
    void notifyAbout(const QList<qint64>& created, const QList<qint64>& reopened);
    // A reply stopped because others changed the conversation: shows what, keeps the reply.
    void showChangedMeanwhile(std::int64_t conversationId);
    void showError(const QString& message);
    // Posts a recorded platform reply on a thread of its own (the platform may take its
    // time), then says where it went or why not.
    void publishReply(std::int64_t conversationId, std::int64_t replyId);
    // Sends the conversation's latest reply that could not be posted again.
    void resendFailedReply();

public:
    // Waits for replies being posted; for tests and for closing.
    void waitForPosting();
private:

    InboxContext m_context;
    inbox::Inbox m_inbox;
    Confirm m_confirm;
    PickColleague m_pickColleague;
    Notify m_notify;
    NavigationPanel* m_navigation = nullptr;
    QLineEdit* m_search = nullptr;
    QTableView* m_list = nullptr;
    ConversationPane* m_pane = nullptr;
    ShortcutOverlay* m_overlay = nullptr;
    PollStatus* m_pollStatus = nullptr;
    QSystemTrayIcon* m_tray = nullptr;
    QTimer* m_searchDelay = nullptr;
    QTimer* m_countsDelay = nullptr;   // a busy team's changes recount once, not each
    QPointer<DashboardWindow> m_dashboard;
    QList<QThread*> m_posting;   // replies on their way to a platform
    int m_sortColumn = 0;   // ConversationListModel::WaitingColumn
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

}  // namespace earshot::gui
