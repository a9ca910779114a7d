#include "InboxWindow.h"


#include <QAction>
#include <QCoreApplication>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStatusBar>
#include <QStyledItemDelegate>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <optional>

#include "AppIcon.h"
#include "ConversationFormat.h"
#include "ConversationPane.h"
#include "DashboardWindow.h"
#include "ExportDialog.h"
#include "NavigationPanel.h"
#include "PollStatus.h"
#include "ReplyComposer.h"
#include "SettingsDialog.h"
#include "ShortcutOverlay.h"
#include "SourceSecrets.h"
#include "Theme.h"
#include "TranscriptPrinter.h"
#include "earshot/bridge/ChangeWatcher.h"
#include "earshot/bridge/ConversationListModel.h"
#include "earshot/bridge/EngineBridge.h"
#include "earshot/checks/SettingsRepository.h"
#include "earshot/inbox/ReplyPublisher.h"
#include "earshot/store/ConversationQuery.h"
#include "TeamWorkspaceOpening.h"

namespace earshot::gui {

namespace {

QString text(const std::string& s) { return QString::fromStdString(s); }

// How a row looks beyond its text: a conversation kept in the list while the agent works on
// it, though it left the view (claimed from Unassigned), in italics until they move on; the
// SLA column in the theme's warning colour when at risk, its error colour (bold) when breached.
class RowDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(bridge::ConversationListModel::LeftViewRole).toBool())
            option->font.setItalic(true);
        if (index.column() != bridge::ConversationListModel::SlaColumn)
            return;
        const auto state = metrics::SlaState(index.data(bridge::ConversationListModel::SlaStateRole).toInt());
        if (state == metrics::SlaState::AtRisk) {
            option->palette.setColor(QPalette::Text, warningTextColor(option->palette));
        } else if (state == metrics::SlaState::Breached) {
            option->palette.setColor(QPalette::Text, errorTextColor(option->palette));
            option->font.setBold(true);
        }
    }
};

}  // namespace

InboxWindow::InboxWindow(InboxContext context, QWidget* parent)
    : QMainWindow(parent), m_context(std::move(context)), m_inbox(m_context.writer)
{
    setObjectName(QStringLiteral("inboxWindow"));
    // Two consoles side by side, on a desk and on a team's server, say which is which.
    const std::string& location = m_context.workspace.location();
    setWindowTitle(store::isTeamLocation(location)
                       ? tr("Earshot — %1 · %2").arg(text(m_context.agent.name), workspaceName(location))
                       : tr("Earshot — %1").arg(text(m_context.agent.name)));
    m_confirm = [this](const QString& question) {
        return QMessageBox::question(this, tr("Earshot"), question) == QMessageBox::Yes;
    };
    m_pickColleague = [this](const QStringList& colleagues, QString* note) {
        bool ok = false;
        const QString chosen = QInputDialog::getItem(this, tr("Assign to a colleague"), tr("Colleague"), colleagues,
                                                     0, false, &ok);
        if (!ok)
            return QString();
        *note = QInputDialog::getMultiLineText(this, tr("Handover note"),
                                               tr("What should %1 know? (optional)").arg(chosen), {}, &ok);
        return ok ? chosen : QString();
    };
    m_notify = [this](const QString& title, const QString& body) {
        if (!QSystemTrayIcon::isSystemTrayAvailable())
            return;
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(appIcon(), this);
            m_tray->setToolTip(tr("Earshot"));
            m_tray->show();
        }
        m_tray->showMessage(title, body, appIcon());
    };
    buildLayout();
    buildActions();
    connectEngine();
    connectChanges();
    refreshCounts();
    m_navigation->selectView(store::ConversationView::Unassigned);
    resize(1600, 960);
    m_list->setFocus();
}

InboxWindow::~InboxWindow()
{
    waitForPosting();
    delete m_dashboard;   // a top-level window of its own, so not one of our children
}

void InboxWindow::waitForPosting()
{
    for (QThread* thread : std::as_const(m_posting))
        thread->wait();
    QCoreApplication::sendPostedEvents(this);  // their reports
}

void InboxWindow::buildLayout()
{
    auto* splitter = new QSplitter(this);
    m_navigation = new NavigationPanel(splitter);
    connect(m_navigation, &NavigationPanel::choiceChanged, this, &InboxWindow::applyChoice);

    auto* middle = new QWidget(splitter);
    auto* column = new QVBoxLayout(middle);
    column->setContentsMargins(0, 0, 0, 0);
    m_search = new QLineEdit(middle);
    m_search->setObjectName(QStringLiteral("conversationSearch"));
    m_search->setPlaceholderText(tr("Search conversations (/): e.g. bezorging OR delivery"));
    m_search->setClearButtonEnabled(true);
    column->addWidget(m_search);
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(300);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] { applyChoice(m_navigation->current()); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] { m_list->setFocus(); });

    m_list = new QTableView(middle);
    m_list->setObjectName(QStringLiteral("conversationList"));
    m_list->setModel(&m_context.conversations);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setAlternatingRowColors(true);
    m_list->setWordWrap(false);
    m_list->setShowGrid(false);
    m_list->verticalHeader()->hide();
    // Fixed row heights keep a million-row list cheap to lay out.
    m_list->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 10);
    m_list->horizontalHeader()->setStretchLastSection(false);
    m_list->horizontalHeader()->setSectionResizeMode(bridge::ConversationListModel::SnippetColumn,
                                                     QHeaderView::Stretch);
    m_list->setColumnWidth(bridge::ConversationListModel::WaitingColumn, 66);
    m_list->setColumnWidth(bridge::ConversationListModel::SlaColumn, 104);
    m_list->setItemDelegate(new RowDelegate(m_list));
    m_list->setColumnWidth(bridge::ConversationListModel::CustomerColumn, 120);
    m_list->setColumnWidth(bridge::ConversationListModel::SourceColumn, 110);
    m_list->setColumnWidth(bridge::ConversationListModel::PriorityColumn, 64);
    m_list->setColumnWidth(bridge::ConversationListModel::AssigneeColumn, 96);
    // Each view starts in its own order (longest waiting first where customers wait); a click
    // on the Waiting or Priority header changes it. Not setSortingEnabled: that would sort at once.
    QHeaderView* header = m_list->horizontalHeader();
    header->setSortIndicatorShown(true);
    header->setSectionsClickable(true);
    header->setSortIndicator(bridge::ConversationListModel::WaitingColumn, Qt::DescendingOrder);
    connect(header, &QHeaderView::sortIndicatorChanged, &m_context.conversations,
            [this, header](int section, Qt::SortOrder order) {
                // Only waiting time and priority sort; the arrow stays where the order comes from.
                if (section != bridge::ConversationListModel::WaitingColumn &&
                    section != bridge::ConversationListModel::PriorityColumn) {
                    const QSignalBlocker quiet(header);
                    header->setSortIndicator(m_sortColumn, m_sortOrder);
                    return;
                }
                m_sortColumn = section;
                m_sortOrder = order;
                m_context.conversations.sort(section, order);
            });
    m_list->setMinimumWidth(480);
    column->addWidget(m_list, 1);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                const std::int64_t id = current.isValid() ? m_context.conversations.conversationIdAt(current.row()) : 0;
                m_pane->showConversation(id);
                sayWhereIAm();
                showPresence();
                // The agent moved on: a kept row that left the view goes, once this signal is done.
                if (m_context.conversations.kept() != 0 && m_context.conversations.kept() != id)
                    QTimer::singleShot(0, this, [this] { m_context.conversations.stopKeeping(); });
            });
    connect(&m_context.conversations, &bridge::ConversationListModel::queryFailed, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10000); });

    m_pane = new ConversationPane(m_context.reader, splitter);
    m_pane->setAgent(m_context.agent);
    connect(m_pane, &ConversationPane::replyRequested, this, &InboxWindow::reply);
    connect(m_pane, &ConversationPane::noteRequested, this, [this](qint64 id, const QString& note) {
        auto added = m_inbox.addNote(id, m_context.agent.name, note.toStdString());
        if (!added)
            return showError(text(added.message()));
        m_pane->clearNote();
        afterChange(id);
    });
    connect(m_pane, &ConversationPane::draftChanged, this, [this](qint64 id, const QString& draft) {
        sayWhereIAm();
        if (auto saved = m_inbox.saveDraft(id, m_context.agent.name, draft.toStdString()); !saved)
            statusBar()->showMessage(tr("The draft could not be saved: %1").arg(text(saved.message())), 10000);
    });
    connect(m_pane, &ConversationPane::tagAddRequested, this, [this](qint64 id, const QString& tag) {
        auto added = m_inbox.addTag(id, m_context.agent.name, tag.toStdString());
        added ? afterChange(id) : showError(text(added.message()));
    });
    connect(m_pane, &ConversationPane::tagRemoveRequested, this, [this](qint64 id, const QString& tag) {
        auto removed = m_inbox.removeTag(id, m_context.agent.name, tag.toStdString());
        removed ? afterChange(id) : showError(text(removed.message()));
    });
    connect(m_pane, &ConversationPane::priorityRequested, this, [this](qint64 id, int priority) {
        auto set = m_inbox.setPriority(id, m_context.agent.name, inbox::Priority(priority));
        set ? afterChange(id) : showError(text(set.message()));
    });
    connect(m_pane, &ConversationPane::openConversationRequested, this, &InboxWindow::selectConversation);

    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 2);
    splitter->setStretchFactor(2, 3);
    m_pane->setMinimumWidth(640);
    splitter->setSizes({210, 750, 640});
    setCentralWidget(splitter);
    setFocusProxy(m_list);

    m_overlay = new ShortcutOverlay(this);
    m_pollStatus = new PollStatus(m_context.engine, m_context.health, *statusBar());
    auto* who = new QLabel(tr("Working as %1").arg(text(m_context.agent.name)), statusBar());
    who->setObjectName(QStringLiteral("agentLabel"));
    statusBar()->addPermanentWidget(who);
}

void InboxWindow::buildActions()
{
    QList<QPair<QString, QList<ShortcutOverlay::Entry>>> overlay;
    auto remember = [&overlay](const QString& group, const QString& keys, const QString& description) {
        for (auto& existing : overlay)
            if (existing.first == group) {
                existing.second.append({keys, description});
                return;
            }
        overlay.append({group, {{keys, description}}});
    };
    auto add = [&](QMenu* menu, const QString& label, const QKeySequence& key, auto slot, const QString& group) {
        QAction* action = menu->addAction(label);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);   // shortcuts work while the menu bar is hidden or elsewhere focused
        QString plain = label;
        remember(group, key.toString(QKeySequence::NativeText), plain.remove(QLatin1Char('&')));
        return action;
    };

    QMenu* file = menuBar()->addMenu(tr("&File"));
    add(file, tr("&Sources…"), QKeySequence(tr("Ctrl+Shift+S")), [this] { emit sourcesRequested(); }, tr("Workspace"));
    add(file, tr("Se&ttings…"), QKeySequence(tr("Ctrl+,")), [this] { emit settingsRequested(); }, tr("Workspace"));
    add(file, tr("&Poll Now"), QKeySequence(Qt::Key_F5), [this] { m_context.engine.pollNow(); }, tr("Workspace"));
    add(file, tr("&Export…"), QKeySequence(tr("Ctrl+Shift+E")), [this] { openExport(); }, tr("Workspace"));
    file->addSeparator();
    add(file, tr("Open &Team Workspace…"), QKeySequence(), [this] { emit openTeamWorkspaceRequested(); },
        tr("Workspace"));
    add(file, tr("S&witch Agent…"), QKeySequence(), [this] { emit switchAgentRequested(); }, tr("Workspace"));
    add(file, tr("&Quit"), QKeySequence::Quit, [this] { close(); }, tr("Workspace"));

    QMenu* conversation = menuBar()->addMenu(tr("&Conversation"));
    const QString work = tr("Conversation");
    add(conversation, tr("&Claim"), QKeySequence(Qt::Key_C), [this] { claim(); }, work);
    add(conversation, tr("&Reply"), QKeySequence(Qt::Key_R), [this] { m_pane->focusComposer(); }, work);
    add(conversation, tr("Internal &Note"), QKeySequence(Qt::Key_N), [this] { m_pane->focusNote(); }, work);
    add(conversation, tr("&Pending (Waiting for Customer)"), QKeySequence(Qt::Key_P), [this] {
        act(tr("set pending"), [this](std::int64_t id) { return m_inbox.setPending(id, m_context.agent.name); }, true,
            Then::MoveOn);
    }, work);
    add(conversation, tr("R&esolve"), QKeySequence(Qt::Key_E), [this] {
        act(tr("resolve"), [this](std::int64_t id) { return m_inbox.resolve(id, m_context.agent.name); }, true,
            Then::MoveOn);
    }, work);
    add(conversation, tr("&Assign to Colleague…"), QKeySequence(Qt::Key_A), [this] { assign(); }, work);
    add(conversation, tr("&Take Over"), QKeySequence(Qt::Key_T), [this] {
        act(tr("take over"), [this](std::int64_t id) { return m_inbox.takeOver(id, m_context.agent.name); }, false);
    }, work);
    add(conversation, tr("Re&lease"), QKeySequence(Qt::Key_U), [this] {
        act(tr("release"), [this](std::int64_t id) { return m_inbox.release(id, m_context.agent.name); }, false,
            Then::MoveOn);
    }, work);
    add(conversation, tr("Re&open"), QKeySequence(Qt::Key_O), [this] {
        act(tr("reopen"), [this](std::int64_t id) { return m_inbox.reopen(id, m_context.agent.name); });
    }, work);
    add(conversation, tr("Mark as &Spam"), QKeySequence(Qt::Key_S), [this] {
        act(tr("mark as spam"), [this](std::int64_t id) { return m_inbox.markSpam(id, m_context.agent.name); }, true,
            Then::MoveOn);
    }, work);
    conversation->addSeparator();
    add(conversation, tr("Add Ta&g…"), QKeySequence(Qt::Key_L), [this] {
        m_pane->tagField()->setFocus(Qt::ShortcutFocusReason);
    }, work);
    QMenu* priority = conversation->addMenu(tr("Pr&iority"));
    const std::pair<inbox::Priority, QString> priorities[] = {{inbox::Priority::Low, tr("&Low Priority")},
                                                              {inbox::Priority::Normal, tr("&Normal Priority")},
                                                              {inbox::Priority::High, tr("&High Priority")},
                                                              {inbox::Priority::Urgent, tr("&Urgent Priority")}};
    for (const auto& [level, label] : priorities)
        add(priority, label, QKeySequence(Qt::Key_1 + int(level)), [this, level] {
            act(tr("set the priority of"), [this, level](std::int64_t id) {
                return m_inbox.setPriority(id, m_context.agent.name, level);
            }, false);
        }, work);
    add(conversation, tr("Insert &Canned Reply…"), QKeySequence(tr("Ctrl+Shift+I")), [this] {
        if (currentConversation() == 0)
            return;
        m_pane->focusComposer();
        m_pane->composer()->cannedButton()->showMenu();
    }, work);
    add(conversation, tr("Se&nd"), QKeySequence(tr("Ctrl+Return")), [this] { m_pane->composer()->send(); }, work);
    add(conversation, tr("Resend &Failed Reply"), QKeySequence(tr("Ctrl+Shift+R")), [this] { resendFailedReply(); },
        work);
    conversation->addSeparator();
    add(conversation, tr("Save &Transcript as PDF…"), QKeySequence(QKeySequence::Print), [this] {
        if (const std::int64_t id = currentConversation(); id != 0)
            offerTranscript(this, m_context.reader, id);
    }, work);

    QMenu* go = menuBar()->addMenu(tr("&Go"));
    const QString moving = tr("Moving around");
    add(go, tr("&Next Conversation"), QKeySequence(Qt::Key_J), [this] { step(1); }, moving);
    add(go, tr("&Previous Conversation"), QKeySequence(Qt::Key_K), [this] { step(-1); }, moving);
    add(go, tr("&Search"), QKeySequence(Qt::Key_Slash), [this] {
        m_search->setFocus();
        m_search->selectAll();
    }, moving);
    add(go, tr("Back to the &List"), QKeySequence(Qt::Key_Escape), [this] { m_list->setFocus(); }, moving);
    add(go, tr("&Unassigned"), QKeySequence(tr("Ctrl+1")), [this] {
        m_navigation->selectView(store::ConversationView::Unassigned);
    }, moving);
    add(go, tr("&Mine"), QKeySequence(tr("Ctrl+2")), [this] { m_navigation->selectView(store::ConversationView::Mine); },
        moving);
    add(go, tr("&All Open"), QKeySequence(tr("Ctrl+3")), [this] {
        m_navigation->selectView(store::ConversationView::AllOpen);
    }, moving);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    add(view, tr("&Mention Stream"), QKeySequence(tr("Ctrl+M")), [this] { emit mentionStreamRequested(); },
        tr("Workspace"));
    add(view, tr("&Dashboard"), QKeySequence(tr("Ctrl+Shift+D")), [this] { openDashboard(); }, tr("Workspace"));
    // One sequence only: "?" arrives as Shift plus a key, and when two of an action's
    // sequences match one key press, Qt calls the shortcut ambiguous and triggers nothing.
    add(view, tr("&Keyboard Shortcuts"), QKeySequence(Qt::Key_Question),
                        [this] { m_overlay->toggle(); }, moving);
    m_overlay->setEntries(overlay);
}

void InboxWindow::openDashboard()
{
    if (!m_dashboard) {
        // A window of its own (no parent widget) so it can sit on a second screen; it lives as
        // long as the inbox (deleted with it) and keeps its filters between openings.
        m_dashboard = new DashboardWindow(m_context.workspace);
        m_dashboard->setAttribute(Qt::WA_QuitOnClose, false);
        connect(m_dashboard, &DashboardWindow::conversationRequested, this, [this](qint64 id) {
            selectConversation(id);
            raise();
            activateWindow();
        });
    }
    m_dashboard->show();
    m_dashboard->raise();
    m_dashboard->activateWindow();
}

DashboardWindow* InboxWindow::dashboard() const { return m_dashboard; }

void InboxWindow::openExport()
{
    auto* dialog = new ExportDialog(m_context.workspace, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void InboxWindow::connectEngine()
{
    connect(&m_context.engine, &bridge::EngineBridge::conversationsUpdated, this,
            [this](const QList<qint64>& created, const QList<qint64>& reopened) {
                std::vector<std::int64_t> ids(created.begin(), created.end());
                ids.insert(ids.end(), reopened.begin(), reopened.end());
                const std::int64_t shown = m_pane->conversationId();
                m_context.conversations.refresh(ids);
                if (std::find(ids.begin(), ids.end(), shown) != ids.end())
                    m_pane->reload();
                notifyAbout(created, reopened);
            });
    connect(m_pollStatus, &PollStatus::roundFinished, this, &InboxWindow::refreshCounts);
}

void InboxWindow::connectChanges()
{
    m_countsDelay = new QTimer(this);
    m_countsDelay->setSingleShot(true);
    m_countsDelay->setInterval(300);
    connect(m_countsDelay, &QTimer::timeout, this, &InboxWindow::refreshCounts);
    connect(&m_context.changes, &bridge::ChangeWatcher::conversationsChanged, this, &InboxWindow::showChanges);
    connect(&m_context.changes, &bridge::ChangeWatcher::everythingChanged, this, [this] {
        m_context.conversations.setFilter(m_context.conversations.filter());
        m_pane->reload();
        refreshCounts();
    });
    connect(&m_context.changes, &bridge::ChangeWatcher::presenceChanged, this, &InboxWindow::showPresence);
    connect(&m_context.changes, &bridge::ChangeWatcher::connectionLost, this, [this](const QString& why) {
        statusBar()->showMessage(tr("Not connected to the workspace (%1); trying again. What others do shows once it"
                                    " is back.").arg(why));
    });
    connect(&m_context.changes, &bridge::ChangeWatcher::connectionRestored, this, [this] {
        statusBar()->showMessage(tr("Connected to the workspace again; caught up on what others did."), 10000);
    });
    sayWhereIAm();
    showPresence();
}

void InboxWindow::showChanges(const QList<qint64>& conversationIds)
{
    std::vector<std::int64_t> ids(conversationIds.begin(), conversationIds.end());
    const std::int64_t shown = m_pane->conversationId();
    // The conversation the agent is on stays where it is, even when someone else's claim
    // takes it out of this view: the selection never moves to another customer by itself.
    if (shown != 0 && m_context.conversations.kept() != shown)
        m_context.conversations.keep(shown);
    m_context.conversations.refresh(ids);
    if (std::find(ids.begin(), ids.end(), shown) != ids.end())
        m_pane->reload();
    m_countsDelay->start();
}

namespace {

// "Anouk Smit is replying…", "Anouk Smit and Bram de Vries are viewing".
QString othersText(const std::vector<store::Presence>& others)
{
    QStringList replying;
    QStringList viewing;
    for (const store::Presence& presence : others) {
        const QString name = QString::fromStdString(presence.agent);
        QStringList& list = presence.activity == store::Activity::Replying ? replying : viewing;
        if (!list.contains(name) && !(presence.activity == store::Activity::Viewing && replying.contains(name)))
            list.push_back(name);
    }
    for (const QString& name : replying)
        viewing.removeAll(name);
    const auto names = [](const QStringList& list) {
        return list.size() == 1 ? list.front()
                                : InboxWindow::tr("%1 and %2").arg(list.mid(0, list.size() - 1).join(QStringLiteral(", ")),
                                                                   list.back());
    };
    QStringList parts;
    if (!replying.isEmpty())
        parts.push_back(replying.size() == 1 ? InboxWindow::tr("%1 is replying…").arg(names(replying))
                                             : InboxWindow::tr("%1 are replying…").arg(names(replying)));
    if (!viewing.isEmpty())
        parts.push_back(viewing.size() == 1 ? InboxWindow::tr("%1 is viewing").arg(names(viewing))
                                            : InboxWindow::tr("%1 are viewing").arg(names(viewing)));
    return parts.join(QStringLiteral(" · "));
}

// The list's short form: "Anouk Smit replying…".
QString othersShort(const store::Presence& presence)
{
    return presence.activity == store::Activity::Replying
               ? InboxWindow::tr("%1 replying…").arg(QString::fromStdString(presence.agent))
               : InboxWindow::tr("%1 viewing").arg(QString::fromStdString(presence.agent));
}

}  // namespace

void InboxWindow::showPresence()
{
    QHash<qint64, QStringList> byConversation;
    for (const store::Presence& presence : m_context.changes.present()) {
        if (presence.desktop == m_context.changes.desktop() || presence.conversationId == 0)
            continue;
        QStringList& shown = byConversation[presence.conversationId];
        const QString text = othersShort(presence);
        if (!shown.contains(text))
            shown.push_back(text);
    }
    QHash<qint64, QString> joined;
    for (auto it = byConversation.begin(); it != byConversation.end(); ++it)
        joined.insert(it.key(), it.value().join(QStringLiteral(", ")));
    m_context.conversations.setPresence(joined);
    const std::int64_t shown = m_pane->conversationId();
    m_pane->setOthersHere(shown == 0 ? QString() : othersText(m_context.changes.othersAt(shown)));
}

void InboxWindow::sayWhereIAm()
{
    const std::int64_t shown = m_pane->conversationId();
    const bool replying = shown != 0 && !m_pane->composerEditor()->toPlainText().trimmed().isEmpty();
    m_context.changes.setPresence(m_context.agent.name, shown,
                                  replying ? store::Activity::Replying : store::Activity::Viewing);
}

void InboxWindow::refreshCounts()
{
    auto counts = m_context.reader.conversations().count(m_context.agent.name);
    auto sources = m_context.reader.sources().list();
    if (!counts || !sources) {
        statusBar()->showMessage(tr("Cannot count conversations: %1")
                                     .arg(text(counts ? sources.message() : counts.message())),
                                 10000);
        return;
    }
    m_navigation->setCounts(*counts, *sources);
}

void InboxWindow::applyChoice(const NavigationChoice& choice)
{
    store::ConversationFilter filter = m_context.conversations.filter();
    filter.view = choice.sourceId || !choice.tag.empty() ? store::ConversationView::AllOpen : choice.view;
    filter.sourceId = choice.sourceId;
    filter.tag = choice.tag;
    filter.agent = m_context.agent.name;
    filter.search = m_search->text().trimmed().toStdString();
    m_context.conversations.setFilter(filter);
    if (m_context.conversations.rowCount() > 0)
        m_list->setCurrentIndex(m_context.conversations.index(0, 0));
    else
        m_pane->showNothing(emptyViewMessage(filter));
}

QString InboxWindow::emptyViewMessage(const store::ConversationFilter& filter)
{
    if (!filter.search.empty())
        return tr("No conversation here matches “%1”.").arg(text(filter.search));
    auto sources = m_context.reader.sources().list();
    if (sources && sources->empty())
        return tr("Nothing to answer yet: Earshot is not listening to anything.\n\n"
                  "Add a feed or a forum under File ▸ Sources… (Ctrl+Shift+S); what people write there "
                  "arrives in Unassigned.");
    if (filter.view == store::ConversationView::Unassigned && !filter.sourceId && filter.tag.empty())
        return tr("All caught up: nobody is waiting for an answer.");
    return tr("No conversations here.");
}

std::int64_t InboxWindow::currentConversation() const { return m_pane->conversationId(); }

void InboxWindow::selectConversation(std::int64_t conversationId)
{
    const int row = m_context.conversations.rowOfConversation(conversationId);
    if (row >= 0) {
        m_list->setCurrentIndex(m_context.conversations.index(row, 0));
        return;
    }
    // Not in this view (another customer conversation, say): show it without changing the list.
    m_list->clearSelection();
    m_pane->showConversation(conversationId);
}

void InboxWindow::step(int delta)
{
    const int rows = m_context.conversations.rowCount();
    if (rows == 0)
        return;
    const int current = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : -1;
    int next = std::clamp(current + delta, 0, rows - 1);
    if (delta > 0 && current + delta >= rows && m_context.conversations.canFetchMore({})) {
        m_context.conversations.fetchMore({});
        next = std::min(current + delta, m_context.conversations.rowCount() - 1);
    }
    m_list->setCurrentIndex(m_context.conversations.index(next, 0));
    m_list->scrollTo(m_list->currentIndex());
}

void InboxWindow::act(const QString& doing, const std::function<Result<inbox::Outcome>(std::int64_t)>& action,
                      bool offerTakeOver, Then then)
{
    const std::int64_t id = currentConversation();
    if (id == 0) {
        statusBar()->showMessage(tr("Select a conversation to %1 first").arg(doing), 5000);
        return;
    }
    auto outcome = action(id);
    if (!outcome)
        return showError(text(outcome.message()));
    if (outcome->heldByOther() && offerTakeOver &&
        m_confirm(tr("%1 holds this conversation.\n\nTake it over and %2 it?").arg(text(outcome->holder), doing))) {
        auto taken = m_inbox.takeOver(id, m_context.agent.name);
        if (!taken)
            return showError(text(taken.message()));
        outcome = action(id);
        if (!outcome)
            return showError(text(outcome.message()));
    }
    statusBar()->showMessage(text(outcome->message), 5000);
    afterChange(id, then);
}

void InboxWindow::afterChange(std::int64_t conversationId, Then then)
{
    const bool onIt = currentConversation() == conversationId;
    if (onIt && then == Then::StayOnIt)
        m_context.conversations.keep(conversationId);
    const int rowBefore = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : 0;
    m_context.conversations.refresh({conversationId});
    if (!onIt) {
        refreshCounts();
        return;
    }
    const int row = m_context.conversations.rowOfConversation(conversationId);
    if (row >= 0) {
        m_list->setCurrentIndex(m_context.conversations.index(row, 0));
        m_pane->reload();
    } else if (m_context.conversations.rowCount() > 0) {
        // It left this view (resolved, claimed away from Unassigned): go on with the next one.
        m_list->setCurrentIndex(
            m_context.conversations.index(std::min(rowBefore, m_context.conversations.rowCount() - 1), 0));
    } else {
        m_pane->showConversation(conversationId);
    }
    refreshCounts();
    sayWhereIAm();   // a reply sent: no longer writing one
}

void InboxWindow::claim()
{
    act(tr("claim"), [this](std::int64_t id) { return m_inbox.claim(id, m_context.agent.name); });
}

void InboxWindow::assign()
{
    const std::int64_t id = currentConversation();
    if (id == 0)
        return;
    auto agents = inbox::AgentRepository(m_context.reader).list();
    if (!agents)
        return showError(text(agents.message()));
    QStringList colleagues;
    for (const auto& agent : *agents)
        if (agent.name != m_context.agent.name)
            colleagues << text(agent.name);
    if (colleagues.isEmpty())
        return showError(tr("There is nobody to assign to yet: add colleagues' profiles when you switch agent."));
    QString note;
    const QString to = m_pickColleague(colleagues, &note);
    if (to.isEmpty())
        return;
    act(tr("assign"), [&](std::int64_t conversation) {
        return m_inbox.assign(conversation, m_context.agent.name, to.toStdString(), note.toStdString());
    }, true, Then::MoveOn);
}

void InboxWindow::reply(qint64 conversationId, const QString& body, const QList<QPair<QString, QString>>& overrides,
                        bool offPlatform)
{
    std::vector<inbox::CheckOverride> reasons;
    for (const auto& [check, reason] : overrides)
        reasons.push_back({check.toStdString(), reason.toStdString()});
    const auto channel = offPlatform ? inbox::Channel::OffPlatform : inbox::Channel::Platform;
    const std::string visibility = m_pane->composer()->visibility().toStdString();
    // What the agent saw of it, when the pane shows it: nobody's change is answered blind.
    // A copy: a question asked below runs the event loop, which may change the pane.
    const std::optional<inbox::Seen> seen =
        m_pane->conversationId() == conversationId ? std::optional(m_pane->seen()) : std::nullopt;
    auto send = [&] {
        return m_inbox.reply(conversationId, m_context.agent.name, body.toStdString(), channel, reasons, visibility,
                             seen ? &*seen : nullptr);
    };
    auto outcome = send();
    if (outcome && outcome->changedMeanwhile())
        return showChangedMeanwhile(conversationId);
    if (outcome && outcome->heldByOther() &&
        m_confirm(tr("%1 holds this conversation.\n\nTake it over and send your reply?").arg(text(outcome->holder)))) {
        if (auto taken = m_inbox.takeOver(conversationId, m_context.agent.name); !taken)
            return showError(text(taken.message()));
        outcome = send();
    }
    if (!outcome)
        return showError(text(outcome.message()));
    if (outcome->changedMeanwhile())
        return showChangedMeanwhile(conversationId);
    if (outcome->heldByOther())
        return;   // declined to take over: the text stays in the composer
    if (channel == inbox::Channel::OffPlatform && outcome->changed())
        m_pane->composer()->handToAgentToPost(body);
    m_pane->clearComposer();
    statusBar()->showMessage(text(outcome->message), 5000);
    afterChange(conversationId);
    if (channel == inbox::Channel::Platform && outcome->changed())
        publishReply(conversationId, outcome->id);
}

namespace {

QString quoted(const std::string& text)
{
    QString line = QString::fromStdString(text).simplified();
    if (line.size() > 90)
        line = line.left(89) + QStringLiteral("…");
    return QStringLiteral("“%1”").arg(line);
}

// One line per change, as the agent reads it.
QStringList unseenLines(const inbox::Unseen& unseen)
{
    QStringList lines;
    for (const inbox::ConversationMention& mention : unseen.mentions) {
        const std::string& who = !mention.authorName.empty() ? mention.authorName : mention.authorHandle;
        lines << InboxWindow::tr("%1 wrote: %2")
                     .arg(who.empty() ? InboxWindow::tr("The customer") : QString::fromStdString(who),
                          quoted(mention.body.empty() ? mention.title : mention.body));
    }
    for (const inbox::TimelineEntry& entry : unseen.events) {
        const QString actor = QString::fromStdString(entry.actor);
        const QString to = QString::fromStdString(entry.toValue.value_or(""));
        switch (entry.kind) {
        case domain::EventKind::Replied: lines << InboxWindow::tr("%1 replied").arg(actor); break;
        case domain::EventKind::Note:
            lines << InboxWindow::tr("%1 added a note: %2").arg(actor, quoted(entry.detail.value_or("")));
            break;
        case domain::EventKind::Claimed: lines << InboxWindow::tr("%1 claimed it").arg(actor); break;
        case domain::EventKind::TakenOver: lines << InboxWindow::tr("%1 took it over").arg(actor); break;
        case domain::EventKind::Assigned: lines << InboxWindow::tr("%1 handed it to %2").arg(actor, to); break;
        case domain::EventKind::Released: lines << InboxWindow::tr("%1 released it").arg(actor); break;
        case domain::EventKind::StatusChanged: {
            const auto status = domain::parseStatus(entry.toValue.value_or(""));
            lines << InboxWindow::tr("%1 set it to %2").arg(actor, status ? conversation::statusText(*status) : to);
            break;
        }
        case domain::EventKind::Tagged: lines << InboxWindow::tr("%1 tagged it %2").arg(actor, to); break;
        case domain::EventKind::Untagged:
            lines << InboxWindow::tr("%1 removed the tag %2").arg(actor, QString::fromStdString(entry.fromValue.value_or("")));
            break;
        case domain::EventKind::PriorityChanged:
            lines << InboxWindow::tr("%1 changed the priority to %2").arg(actor, to);
            break;
        default: lines << InboxWindow::tr("%1 changed it").arg(actor); break;
        }
    }
    return lines;
}

}  // namespace

void InboxWindow::showChangedMeanwhile(std::int64_t conversationId)
{
    auto unseen = inbox::unseenSince(m_context.reader, m_pane->seen(), m_context.agent.name);
    QStringList lines = unseen ? unseenLines(*unseen) : QStringList{text(unseen.message())};
    for (QString& line : lines)
        line.prepend(QStringLiteral("•  "));
    m_context.conversations.keep(conversationId);   // even if a colleague's claim took it out of the view
    m_context.conversations.refresh({conversationId});
    m_pane->reload();
    if (unseen)
        m_pane->acknowledge(*unseen);   // what is listed now; anything later stops the next send again
    m_pane->showChangedMeanwhile(tr("Not sent: since you opened this conversation,") + QLatin1Char('\n') +
                                 lines.join(QLatin1Char('\n')) + QLatin1Char('\n') +
                                 tr("Your reply is still here. Read what changed, then send it again as it is, or"
                                    " change it first."));
    statusBar()->showMessage(tr("Not sent: #%1 changed since you opened it").arg(conversationId), 10000);
    refreshCounts();
}

void InboxWindow::publishReply(std::int64_t conversationId, std::int64_t replyId)
{
    statusBar()->showMessage(tr("Posting the reply on #%1…").arg(conversationId));
    store::Writer& writer = m_context.writer;
    const std::string agent = m_context.agent.name;
    const connectors::CredentialLookup credentials =
        m_context.secrets ? m_context.secrets->lookup() : connectors::CredentialLookup();
    auto result = std::make_shared<Result<connectors::Published>>(fail("not posted"));
    // The writer outlives this window (the console's workspace holds it).
    QThread* thread = QThread::create([&writer, agent, credentials, replyId, result] {
        *result = inbox::ReplyPublisher(writer, credentials).publish(replyId, agent);
    });
    m_posting.append(thread);
    connect(thread, &QThread::finished, this, [this, thread, conversationId, replyId, result] {
        m_posting.removeOne(thread);
        thread->deleteLater();
        if (*result) {
            statusBar()->showMessage(tr("Posted the reply on #%1: %2").arg(conversationId).arg(text((*result)->url)),
                                     10000);
        } else {
            // No modal box: the agent may be on another conversation by now. The thread keeps
            // saying "not posted" until it is.
            statusBar()->showMessage(tr("Reply %1 on #%2 was not posted: %3 — Conversation ▸ Resend Failed Reply "
                                        "(Ctrl+Shift+R) tries again.")
                                         .arg(replyId)
                                         .arg(conversationId)
                                         .arg(text(result->message())),
                                     30000);
        }
        afterChange(conversationId);
    });
    thread->start();
}

void InboxWindow::resendFailedReply()
{
    const std::int64_t conversation = currentConversation();
    if (conversation == 0)
        return;
    auto failed = inbox::failedReplyOf(m_context.reader, conversation);
    if (!failed)
        return showError(text(failed.message()));
    if (!*failed)
        return statusBar()->showMessage(tr("#%1 has no reply that failed to post.").arg(conversation), 10000);
    publishReply(conversation, (*failed)->replyId);
}


void InboxWindow::notifyAbout(const QList<qint64>& created, const QList<qint64>& reopened)
{
    std::vector<std::int64_t> ids(created.begin(), created.end());
    ids.insert(ids.end(), reopened.begin(), reopened.end());
    if (ids.empty())
        return;
    auto rows = m_context.reader.conversations().read({}, ids);
    if (!rows)
        return;
    QStringList urgent, backForMe;
    for (const auto& match : *rows) {
        const auto& row = match.row;
        const QString line = tr("#%1 %2: %3")
                                 .arg(row.id)
                                 .arg(text(row.customerName.empty() ? row.customerHandle : row.customerName),
                                      text(row.snippet).left(80));
        // A customer wrote again on what I answered: mine again, whatever its priority.
        if (reopened.contains(row.id) && row.assignee == m_context.agent.name)
            backForMe << line;
        else if (created.contains(row.id) && row.priority >= inbox::Priority::High)
            urgent << line;
    }
    // In the window whatever the setting: the agent is told the conversation is back.
    if (!backForMe.isEmpty())
        statusBar()->showMessage(backForMe.size() == 1 ? tr("Back for you: %1").arg(backForMe.front())
                                                       : tr("%1 conversations are back for you: their customers wrote again")
                                                             .arg(backForMe.size()),
                                 60 * 1000);
    if (!QSettings().value(QLatin1String(SettingsDialog::kNotificationsKey), true).toBool() || !m_notify)
        return;
    if (!backForMe.isEmpty())
        m_notify(tr("Earshot: a customer wrote again"), backForMe.join(QLatin1Char('\n')));
    if (!urgent.isEmpty())
        m_notify(tr("Earshot: new high or urgent conversations"), urgent.join(QLatin1Char('\n')));
}

void InboxWindow::showError(const QString& message)
{
    statusBar()->showMessage(message, 10000);
    QMessageBox::warning(this, tr("Earshot"), message);
}

}  // namespace earshot::gui
