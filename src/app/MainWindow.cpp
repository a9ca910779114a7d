#include "MainWindow.h"

#include "TeamWorkspaceOpening.h"

#include "PollStatus.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

#include "MentionDetailView.h"
#include "SettingsDialog.h"
#include "SourcesDialog.h"
#include "earshot/bridge/EngineBridge.h"
#include "earshot/bridge/MentionListModel.h"
#include "earshot/bridge/SourceHealth.h"
#include "earshot/core/Paths.h"

namespace earshot::gui {

using bridge::MentionListModel;

namespace {

// Long enough that typing a word runs one query, short enough to feel immediate.
constexpr int kSearchDelayMs = 300;

}  // namespace

MainWindow::MainWindow(bridge::MentionListModel& mentions, bridge::EngineBridge& engine,
                       bridge::SourceHealth& health, const QString& databasePath, QWidget* parent)
    : QMainWindow(parent),
      m_mentions(mentions),
      m_engine(engine),
      m_health(health),
      m_search(new QLineEdit(this)),
      m_searchDelay(new QTimer(this)),
      m_listStack(new QStackedWidget(this)),
      m_table(new QTableView(this)),
      m_emptyState(new QLabel(this)),
      m_addSources(new QPushButton(tr("Add Sources…"), this)),
      m_detail(new MentionDetailView(this))
{
    setWindowTitle(tr("Earshot — %1").arg(workspaceName(databasePath.toStdString())));
    if (!store::isTeamLocation(databasePath.toStdString()))
        setWindowFilePath(databasePath);
    resize(1200, 800);

    m_search->setPlaceholderText(tr("Search mentions (full text, e.g. delivery OR refund)"));
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName(QStringLiteral("searchField"));
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(kSearchDelayMs);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &MainWindow::applySearch);
    connect(m_searchDelay, &QTimer::timeout, this, &MainWindow::applySearch);

    m_table->setModel(&m_mentions);
    m_table->setObjectName(QStringLiteral("mentionTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    // Fixed row heights: the view never measures rows, whatever the model's size.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    QHeaderView* header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    const int padding = 2 * fontMetrics().averageCharWidth() + 12;
    header->resizeSection(MentionListModel::IngestedColumn,
                          fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00 00:00")) + padding);
    header->resizeSection(MentionListModel::SourceColumn, fontMetrics().averageCharWidth() * 22 + padding);
    header->resizeSection(MentionListModel::AuthorColumn, fontMetrics().averageCharWidth() * 18 + padding);

    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setTextFormat(Qt::PlainText);
    m_emptyState->setForegroundRole(QPalette::PlaceholderText);
    m_emptyState->setObjectName(QStringLiteral("emptyState"));
    m_addSources->setObjectName(QStringLiteral("addSourcesButton"));
    connect(m_addSources, &QPushButton::clicked, this, &MainWindow::openSources);
    auto* emptyPage = new QWidget(this);
    auto* emptyLayout = new QVBoxLayout(emptyPage);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(m_emptyState);
    emptyLayout->addWidget(m_addSources, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(1);
    m_listStack->addWidget(m_table);
    m_listStack->addWidget(emptyPage);

    auto* pollButton = new QPushButton(tr("Poll Now"), this);
    pollButton->setToolTip(tr("Poll every source now instead of waiting for its schedule (F5)"));
    connect(pollButton, &QPushButton::clicked, this, [this] { m_engine.pollNow(); });

    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(pollButton);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_listStack);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({480, 320});   // scaled to the real height; the list gets the most
    splitter->setChildrenCollapsible(false);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->addLayout(searchRow);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    m_pollStatus = new PollStatus(m_engine, m_health, *statusBar());

    createActions();

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::showCurrentMention);
    connect(&m_mentions, &QAbstractItemModel::modelReset, this, [this] {
        showCurrentMention();
        updateEmptyState();
    });
    connect(&m_mentions, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) { keepViewportOnInsert(first, last - first + 1); });
    connect(&m_mentions, &MentionListModel::queryFailed, this, &MainWindow::showQueryFailure);

    // The engine reports stored mentions after their commit; the end of a round is a second
    // chance for anything a refresh raced with.
    connect(&m_engine, &bridge::EngineBridge::newMentionsStored, this, [this] { m_mentions.refreshNewest(); });
    connect(m_pollStatus, &PollStatus::roundFinished, this, [this] { m_mentions.refreshNewest(); });
    connect(&m_engine, &bridge::EngineBridge::sourceStateUpdated, &m_health, &bridge::SourceHealth::update);

    updateEmptyState();
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* poll = file->addAction(tr("&Poll Now"), this, [this] { m_engine.pollNow(); });
    poll->setShortcut(QKeySequence::Refresh);
    file->addSeparator();
    QAction* sources = file->addAction(tr("&Sources…"), this, &MainWindow::openSources);
    sources->setObjectName(QStringLiteral("sourcesAction"));
    sources->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    QAction* settings = file->addAction(tr("Se&ttings…"), this, &MainWindow::openSettings);
    settings->setObjectName(QStringLiteral("settingsAction"));
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settings->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* find = view->addAction(tr("&Search Mentions"), this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
}

void MainWindow::applySearch()
{
    m_searchDelay->stop();
    m_mentions.setSearch(m_search->text());
}

void MainWindow::showCurrentMention()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid()) {
        m_detail->showPlaceholder(tr("Select a mention to read it here."));
        return;
    }
    // Rows put in above the current one move it; that is not a new mention to read.
    if (m_mentions.mentionIdAt(current.row()) == m_detail->mentionId())
        return;
    auto mention = m_mentions.mentionAt(current.row());
    if (mention)
        m_detail->showMention(*mention);
    else
        m_detail->showPlaceholder(tr("This mention cannot be shown: %1").arg(QString::fromStdString(mention.message())));
}

void MainWindow::keepViewportOnInsert(int first, int count)
{
    updateEmptyState();
    // Someone reading further down keeps their place when new mentions arrive on top;
    // someone watching the top sees them come in.
    QScrollBar* scroll = m_table->verticalScrollBar();
    if (first != 0 || scroll->value() == 0)
        return;
    const int step = m_table->verticalScrollMode() == QAbstractItemView::ScrollPerItem
                         ? count
                         : count * m_table->verticalHeader()->defaultSectionSize();
    const int target = scroll->value() + step;
    m_table->doItemsLayout();   // the scroll range must include the new rows first
    scroll->setValue(target);
}

void MainWindow::updateEmptyState()
{
    if (m_mentions.rowCount() > 0) {
        m_listStack->setCurrentWidget(m_table);
        return;
    }
    const bool nothingStored = m_mentions.lastError().isEmpty() && m_mentions.search().isEmpty();
    if (!m_mentions.lastError().isEmpty())
        m_emptyState->setText(tr("The search could not run.\n%1").arg(m_mentions.lastError()));
    else if (!m_mentions.search().isEmpty())
        m_emptyState->setText(tr("No mentions match “%1”.").arg(m_mentions.search()));
    else
        m_emptyState->setText(tr("No mentions stored yet.\nAdd the feeds to listen to; "
                                 "new mentions appear here as they arrive."));
    m_addSources->setVisible(nothingStored);
    m_listStack->setCurrentWidget(m_emptyState->parentWidget());
}

void MainWindow::openSources()
{
    // One Sources window, kept open beside the list if the user likes.
    if (auto* open = findChild<SourcesDialog*>()) {
        open->raise();
        open->activateWindow();
        return;
    }
    if (!m_workspace)
        return;
    auto* dialog = new SourcesDialog(*m_workspace, m_engine, m_health, m_agent, this, m_secrets);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::openSettings()
{
    if (!m_workspace)
        return;
    auto* dialog = new SettingsDialog(*m_workspace,
                                      QString::fromStdString(core::logFileFor(windowFilePath().toStdString()).string()),
                                      this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showQueryFailure(const QString& message)
{
    statusBar()->showMessage(message, 10000);
    updateEmptyState();
}

}  // namespace earshot::gui
