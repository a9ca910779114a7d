// The inbox console driven as an agent would: keys on the real window, checked against
// both the database and what is on screen.
#include <gtest/gtest.h>

#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QHeaderView>
#include <QMenuBar>
#include <QComboBox>
#include <QTreeWidget>

#include "Console.h"
#include "ConversationPane.h"
#include "DashboardWindow.h"
#include "Eventually.h"
#include "ExportDialog.h"
#include "InboxWindow.h"
#include "NavigationPanel.h"
#include "OpenConsole.h"
#include "ReplyComposer.h"
#include "ShortcutOverlay.h"
#include "TempWorkspace.h"
#include "Theme.h"
#include "ThreadView.h"
#include "earshot/bridge/ConversationListModel.h"
#include "earshot/bridge/EngineBridge.h"
#include "earshot/inbox/AgentRepository.h"
#include "earshot/inbox/ConversationReader.h"
#include "earshot/inbox/Inbox.h"
#include "earshot/metrics/MetricsSettings.h"
#include "earshot/store/Mentions.h"
#include "earshot/store/SourceStore.h"

using namespace earshot;

namespace {

class InboxWindowTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        store::Source source;
        source.url = "https://forum.example/latest.rss";
        source.name = "Verskist forum";
        sourceId = workspace.addSource(source);
        std::vector<store::NewMention> mentions;
        for (int i = 0; i < 3; ++i) {
            store::NewMention m;
            m.externalId = "m" + std::to_string(i);
            m.title = "Bestelling " + std::to_string(i) + " niet bezorgd";
            m.body = "Mijn bestelling " + std::to_string(i) + " is nog steeds niet bezorgd.";
            m.link = "https://forum.example/t/" + std::to_string(i);
            m.author = {.platform = "feed:forum.example", .handle = "klant" + std::to_string(i),
                        .displayName = "Klant " + std::to_string(i)};
            mentions.push_back(m);
        }
        conversations = workspace.ingest(sourceId, mentions, 1000).conversationsCreated;
        ASSERT_EQ(conversations.size(), 3u);
        ASSERT_TRUE(workspace.open().writer().run([](store::Session& session) -> Status {
            inbox::AgentRepository agents(session);
            for (const inbox::Agent& agent : {inbox::Agent{.name = "Sanne de Vries", .firstName = "Sanne"},
                                              inbox::Agent{.name = "Eva Bakker", .firstName = "Eva"}})
                if (auto added = agents.add(agent); !added)
                    return added.error();
            return Ok{};
        }));

        console = test::openConsoleAs(workspace.dbPath(), "Sanne de Vries");
        ASSERT_TRUE(console && console->inbox());
        window = console->inbox();
        window->setConfirm([this](const QString&) { return confirmAnswer; });
        window->pane()->composer()->setLinkOpener([this](const QUrl& url) { links.push_back(url); });
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window));
        window->list()->setFocus();
    }

    // What the workspace holds, read as the console and the CLI read it (inbox/ConversationReader.h),
    // on a reading session of the test's own.
    inbox::ConversationDetail detail(std::int64_t id) { return workspace.conversation(id); }
    // Events of one kind on a conversation, or on the three of SetUp.
    std::size_t events(domain::EventKind kind, std::optional<std::int64_t> id = std::nullopt)
    {
        std::size_t found = 0;
        for (std::int64_t c : id ? std::vector<std::int64_t>{*id} : conversations) {
            // Held here: value() of a temporary Result refers into it.
            const std::vector<inbox::TimelineEntry> timeline = inbox::readTimeline(*workspace.reader(), c).value();
            for (const auto& e : timeline)
                found += e.kind == kind;
        }
        return found;
    }
    // Replies on the three conversations of SetUp, and how many of those someone holds.
    std::size_t replies()
    {
        std::size_t found = 0;
        for (std::int64_t c : conversations)
            found += detail(c).replies.size();
        return found;
    }
    std::size_t held()
    {
        std::size_t found = 0;
        for (std::int64_t c : conversations)
            found += !detail(c).assignee.empty();
        return found;
    }
    QString navigationLabel(const QString& view)
    {
        for (QTreeWidgetItem* item : window->navigation()->findItems(view, Qt::MatchStartsWith | Qt::MatchRecursive))
            return item->text(0);
        return {};
    }
    store::IngestResult ingest(std::int64_t source, store::NewMention mention)
    {
        mention.link = "https://forum.example/t/" + mention.externalId;
        return workspace.ingest(source, {mention}, 5000);
    }
    void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : window->list(), Qt::Key(key),
                        modifiers);
    }

    test::TempWorkspace workspace;
    std::int64_t sourceId = 0;
    std::vector<std::int64_t> conversations;   // the three of SetUp
    std::unique_ptr<gui::Console> console;
    gui::InboxWindow* window = nullptr;
    bool confirmAnswer = false;
    std::vector<QUrl> links;
};

}  // namespace

TEST_F(InboxWindowTest, StartsOnUnassignedWithTheFirstConversationOpen)
{
    EXPECT_EQ(window->list()->model()->rowCount(), 3);
    ASSERT_NE(window->currentConversation(), 0);
    EXPECT_TRUE(window->pane()->headerText().contains(QStringLiteral("Klant")));
}

TEST_F(InboxWindowTest, ClaimWithCKeepsTheAgentOnWhatTheyClaimedUntilTheyMoveOn)
{
    const auto id = window->currentConversation();
    press(Qt::Key_C);
    EXPECT_EQ(detail(id).assignee, "Sanne de Vries");
    EXPECT_EQ(detail(id).status, inbox::ConversationStatus::Open);
    EXPECT_EQ(events(domain::EventKind::Claimed), 1u);
    EXPECT_EQ(window->currentConversation(), id) << "claiming must not move the agent to another customer";
    auto* model = window->list()->model();
    ASSERT_EQ(model->rowCount(), 3) << "the claimed row stays while the agent is on it";
    const QModelIndex current = window->list()->currentIndex();
    EXPECT_EQ(current.data(bridge::ConversationListModel::ConversationIdRole).toLongLong(), id);
    EXPECT_TRUE(current.data(bridge::ConversationListModel::LeftViewRole).toBool());
    EXPECT_EQ(model->index(current.row(), bridge::ConversationListModel::AssigneeColumn).data().toString(),
              QStringLiteral("Sanne de Vries"));

    press(Qt::Key_J);
    QApplication::processEvents();
    EXPECT_NE(window->currentConversation(), id);
    EXPECT_EQ(model->rowCount(), 2) << "moved on: the claimed conversation has left Unassigned";
    EXPECT_EQ(window->list()->currentIndex().data(bridge::ConversationListModel::ConversationIdRole).toLongLong(),
              window->currentConversation());
}

// The sequence agents type all day: claim, reply, send. Every step must touch the one
// conversation the agent chose, never the next customer in the list.
TEST_F(InboxWindowTest, ClaimThenReplyThenSendAnswersTheClaimedCustomer)
{
    for (int round = 0; round < 3; ++round) {
        const auto id = window->currentConversation();
        ASSERT_NE(id, 0);
        press(Qt::Key_C);
        ASSERT_EQ(window->currentConversation(), id);
        press(Qt::Key_R);
        QPlainTextEdit* editor = window->pane()->composerEditor();
        ASSERT_TRUE(editor->hasFocus());
        QTest::keyClicks(editor, QStringLiteral("Hoi! Ik zoek het voor je uit. Groet, Sanne"));
        press(Qt::Key_Return, Qt::ControlModifier);
        EXPECT_EQ(detail(id).replies.size(), 1u) << "round " << round;
        EXPECT_EQ(replies(), std::size_t(round + 1)) << "no reply went to another conversation";
        EXPECT_EQ(held(), std::size_t(round + 1)) << "nothing else was claimed";
        EXPECT_EQ(detail(id).assignee, "Sanne de Vries");
        EXPECT_EQ(events(domain::EventKind::Replied, id), 1u);
        window->list()->setFocus();
        press(Qt::Key_J);
        QApplication::processEvents();
    }
    for (std::int64_t c : conversations)
        EXPECT_EQ(detail(c).replies.size(), 1u) << "#" << c;
}

// Replying without claiming first: the reply claims it in the same step, or is refused when a
// colleague holds it (the agent is asked, and declining sends nothing).
TEST_F(InboxWindowTest, ReplyingToAConversationAColleagueHoldsSendsNothingWhenDeclined)
{
    const auto id = window->currentConversation();
    ASSERT_TRUE(inbox::Inbox(console->workspace().writer()).claim(id, "Eva Bakker"));
    window->selectConversation(id);
    confirmAnswer = false;
    press(Qt::Key_R);
    QPlainTextEdit* editor = window->pane()->composerEditor();
    QTest::keyClicks(editor, QStringLiteral("Dag! Groet, Sanne"));
    press(Qt::Key_Return, Qt::ControlModifier);
    EXPECT_EQ(replies(), 0u);
    EXPECT_EQ(detail(id).assignee, "Eva Bakker");
    EXPECT_EQ(editor->toPlainText(), QStringLiteral("Dag! Groet, Sanne")) << "the draft stays";
    EXPECT_EQ(window->currentConversation(), id);
    EXPECT_TRUE(links.empty()) << "the thread was opened to post a reply that was not recorded";
}

TEST_F(InboxWindowTest, ReplyWithRIsRecordedOffPlatformAndShownInTheThread)
{
    const auto id = window->currentConversation();
    press(Qt::Key_R);
    QPlainTextEdit* editor = window->pane()->composerEditor();
    ASSERT_TRUE(editor->hasFocus());
    QTest::keyClicks(editor, QStringLiteral("Hoi! Ik kijk het na en laat het je vandaag weten. Groet, Sanne"));
    QTest::mouseClick(window->pane()->composer()->sendButton(), Qt::LeftButton);

    const auto answered = detail(id);
    ASSERT_EQ(answered.replies.size(), 1u);
    EXPECT_EQ(answered.replies[0].channel, inbox::Channel::OffPlatform);
    EXPECT_EQ(answered.replies[0].agent, "Sanne de Vries");
    EXPECT_TRUE(answered.firstResponseAt);
    EXPECT_EQ(answered.assignee, "Sanne de Vries") << "replying claims an unassigned conversation";
    ASSERT_EQ(links.size(), 1u) << "off-platform: the mention's link is opened to post by hand";
    EXPECT_TRUE(links[0].toString().startsWith(QStringLiteral("https://forum.example/t/")));
    EXPECT_TRUE(QApplication::clipboard()->text().contains(QStringLiteral("Ik kijk het na")));
    window->selectConversation(id);
    EXPECT_TRUE(window->pane()->threadView()->toPlainText().contains(QStringLiteral("Ik kijk het na")));
    EXPECT_TRUE(editor->toPlainText().isEmpty());
}

// A colleague noted on the conversation while Sanne wrote her reply: sending stops and says
// what changed, her text stays; sending again sends it as it is.
TEST_F(InboxWindowTest, SendingStopsWhenAColleagueChangedTheConversationAndKeepsTheReply)
{
    const auto id = window->currentConversation();
    press(Qt::Key_C);
    press(Qt::Key_R);
    QPlainTextEdit* editor = window->pane()->composerEditor();
    QTest::keyClicks(editor, QStringLiteral("Hoi! Ik kijk het na. Groet, Sanne"));

    inbox::Inbox colleague(workspace.open().writer());
    ASSERT_TRUE(colleague.addNote(id, "Eva Bakker", "Klant heeft al een nieuw pakket gekregen"));

    press(Qt::Key_Return, Qt::ControlModifier);
    EXPECT_TRUE(detail(id).replies.empty()) << "sent over a note Sanne has not seen";
    const QString said = window->pane()->changedMeanwhileText();
    EXPECT_TRUE(said.contains(QStringLiteral("Eva Bakker added a note: “Klant heeft al een nieuw pakket gekregen”")))
        << said.toStdString();
    EXPECT_EQ(editor->toPlainText(), QStringLiteral("Hoi! Ik kijk het na. Groet, Sanne")) << "the reply stays";
    EXPECT_EQ(window->currentConversation(), id);
    EXPECT_TRUE(links.empty()) << "the thread was opened to post a reply that was not recorded";

    // She has read it and sends it as it is.
    editor->setFocus();
    press(Qt::Key_Return, Qt::ControlModifier);
    ASSERT_EQ(detail(id).replies.size(), 1u);
    EXPECT_EQ(links.size(), 1u);
    EXPECT_TRUE(window->pane()->changedMeanwhileText().isEmpty());
    EXPECT_TRUE(editor->toPlainText().isEmpty());
}

TEST_F(InboxWindowTest, ResolveWithEFinishesTheConversation)
{
    EXPECT_EQ(navigationLabel("Resolved"), "Resolved  (0)");
    const auto id = window->currentConversation();
    press(Qt::Key_C);
    window->selectConversation(id);
    press(Qt::Key_E);
    EXPECT_EQ(detail(id).status, inbox::ConversationStatus::Resolved);
    EXPECT_TRUE(detail(id).resolvedAt);
    EXPECT_TRUE(window->statusBar()->currentMessage().contains(QStringLiteral("resolved #%1").arg(id)))
        << window->statusBar()->currentMessage().toStdString();
    EXPECT_EQ(navigationLabel("Resolved"), "Resolved  (1)");
    window->navigation()->selectView(store::ConversationView::Resolved);
    ASSERT_EQ(window->list()->model()->rowCount(), 1);
    EXPECT_EQ(window->currentConversation(), id);
    EXPECT_TRUE(window->pane()->headerText().contains(QStringLiteral("Resolved"))) << window->pane()->headerText().toStdString();
}

TEST_F(InboxWindowTest, NotifiesOfHighPriorityArrivalsAndTellsTheAgentWhenACustomerWritesAgain)
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, QString::fromStdString(workspace.dir() / "config"));
    QSettings().setValue(QStringLiteral("notifications/enabled"), true);
    std::vector<std::pair<QString, QString>> shown;
    window->setNotify([&](const QString& title, const QString& text) { shown.emplace_back(title, text); });

    // A source the team marked high: its new conversation arrives high and is announced.
    store::Source status;
    status.url = "https://status.example/feed";
    status.name = "Status";
    status.defaultPriority = int(inbox::Priority::High);
    const auto statusId = workspace.addSource(status);
    const auto created = ingest(statusId, {.externalId = "s1", .title = "Storing",
                                                   .body = "Alles ligt eruit sinds vanochtend",
                                                   .author = {.platform = "feed:status.example", .handle = "joost"}});
    emit console->engine().conversationsUpdated(QList<qint64>(created.conversationsCreated.begin(),
                                                              created.conversationsCreated.end()), {});
    ASSERT_EQ(shown.size(), 1u);
    EXPECT_TRUE(shown[0].first.contains(QStringLiteral("high or urgent")));
    EXPECT_TRUE(shown[0].second.contains(QStringLiteral("Alles ligt eruit"))) << shown[0].second.toStdString();

    // Sanne answers and resolves; the customer writes again: it is back, and she is told.
    const auto id = window->currentConversation();
    press(Qt::Key_C);
    window->selectConversation(id);
    press(Qt::Key_E);
    ASSERT_EQ(detail(id).status, inbox::ConversationStatus::Resolved);
    const auto resolved = detail(id);
    ASSERT_EQ(resolved.mentions.size(), 1u);
    const std::string rootExternalId = resolved.mentions.front().externalId;
    const auto again = ingest(sourceId, {.externalId = "again", .body = "Nog steeds niets ontvangen",
                                                 .replyTo = rootExternalId,
                                                 .author = {.platform = "feed:forum.example", .handle = "klant0"}});
    ASSERT_EQ(again.conversationsReopened.size(), 1u);
    emit console->engine().conversationsUpdated({}, {qint64(again.conversationsReopened.front())});
    ASSERT_EQ(shown.size(), 2u);
    EXPECT_TRUE(shown[1].first.contains(QStringLiteral("wrote again")));
    EXPECT_TRUE(window->statusBar()->currentMessage().startsWith(QStringLiteral("Back for you: #%1").arg(id)))
        << window->statusBar()->currentMessage().toStdString();

    // Notifications off: nothing pops up, but the window still says it.
    QSettings().setValue(QStringLiteral("notifications/enabled"), false);
    window->statusBar()->clearMessage();
    emit console->engine().conversationsUpdated({}, {qint64(again.conversationsReopened.front())});
    EXPECT_EQ(shown.size(), 2u);
    EXPECT_TRUE(window->statusBar()->currentMessage().startsWith(QStringLiteral("Back for you")));
}

TEST_F(InboxWindowTest, ClaimingAConversationAColleagueHoldsAsksBeforeTakingOver)
{
    const auto id = window->currentConversation();
    ASSERT_TRUE(inbox::Inbox(console->workspace().writer()).claim(id, "Eva Bakker"));
    window->selectConversation(id);
    confirmAnswer = false;
    press(Qt::Key_C);
    EXPECT_EQ(detail(id).assignee, "Eva Bakker") << "declined: nothing changes";
    confirmAnswer = true;
    window->selectConversation(id);
    press(Qt::Key_C);
    EXPECT_EQ(detail(id).assignee, "Sanne de Vries");
    EXPECT_EQ(events(domain::EventKind::TakenOver), 1u);
}

TEST_F(InboxWindowTest, JAndKMoveThroughTheListAndSlashSearches)
{
    const auto first = window->currentConversation();
    press(Qt::Key_J);
    const auto second = window->currentConversation();
    EXPECT_NE(second, first);
    press(Qt::Key_K);
    EXPECT_EQ(window->currentConversation(), first);
    press(Qt::Key_Slash);
    EXPECT_TRUE(window->searchField()->hasFocus());
    QTest::keyClicks(window->searchField(), QStringLiteral("bestelling AND 2"));
    EXPECT_TRUE(test::eventually([&] { return window->list()->model()->rowCount() == 1; }))
        << window->list()->model()->rowCount() << " rows";
}

TEST_F(InboxWindowTest, QuestionMarkShowsEveryShortcut)
{
    press(Qt::Key_Question);
    EXPECT_TRUE(window->shortcutOverlay()->isVisible());
    EXPECT_GE(window->shortcutOverlay()->entryCount(), 12);
    press(Qt::Key_Escape);
    EXPECT_FALSE(window->shortcutOverlay()->isVisible());
}

TEST_F(InboxWindowTest, ADraftSurvivesClosingTheConsole)
{
    const auto id = window->currentConversation();
    press(Qt::Key_R);
    QTest::keyClicks(window->pane()->composerEditor(), QStringLiteral("Half af antwoord"));
    // Switching conversation saves at once (the typing debounce would within half a second).
    press(Qt::Key_Escape);
    press(Qt::Key_J);
    console.reset();
    const auto draft = inbox::loadDraft(*workspace.reader(), id, "Sanne de Vries").value();
    ASSERT_TRUE(draft);
    EXPECT_EQ(draft->body, "Half af antwoord");
}

TEST_F(InboxWindowTest, PriorityTagCannedAndSendAreInTheMenusWithKeys)
{
    const auto id = window->currentConversation();
    press(Qt::Key_4);
    EXPECT_EQ(detail(id).priority, inbox::Priority::Urgent);
    EXPECT_EQ(window->pane()->priorityBox()->currentData().toInt(), 3) << "the pane shows it";
    press(Qt::Key_1);
    EXPECT_EQ(detail(id).priority, inbox::Priority::Low);

    press(Qt::Key_L);
    EXPECT_TRUE(window->pane()->tagField()->hasFocus());
    QTest::keyClicks(window->pane()->tagField(), QStringLiteral("bezorging"));
    QTest::keyClick(window->pane()->tagField(), Qt::Key_Return);
    EXPECT_EQ(detail(id).tags, std::vector<std::string>{"bezorging"});

    QStringList labels;
    for (QAction* action : window->menuBar()->actions())
        if (action->menu())
            for (QAction* item : action->menu()->actions())
                labels << item->text();
    for (const char* expected : {"Add Ta&g…", "Pr&iority", "Insert &Canned Reply…", "Se&nd"})
        EXPECT_TRUE(labels.contains(QString::fromUtf8(expected))) << expected;
}

TEST_F(InboxWindowTest, TheDashboardOpensWithItsKeyAndABreachOpensItsConversation)
{
    EXPECT_EQ(window->dashboard(), nullptr) << "made when first asked for";
    press(Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    gui::DashboardWindow* dashboard = window->dashboard();
    ASSERT_NE(dashboard, nullptr);
    EXPECT_TRUE(dashboard->isVisible());
    dashboard->model().waitForIdle();

    const auto other = window->list()->model()->index(2, 0).data(bridge::ConversationListModel::ConversationIdRole).toLongLong();
    ASSERT_NE(other, window->currentConversation());
    emit dashboard->conversationRequested(other);
    EXPECT_EQ(window->currentConversation(), other);

    press(Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(window->dashboard(), dashboard) << "one dashboard, raised again";
}

TEST_F(InboxWindowTest, ExportAndTranscriptAreInTheMenus)
{
    window->list()->setFocus();
    press(Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    auto* dialog = window->findChild<gui::ExportDialog*>();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->isVisible());
    dialog->close();

    QStringList labels;
    for (QAction* action : window->menuBar()->actions())
        if (action->menu())
            for (QAction* item : action->menu()->actions())
                labels << item->text() + "\t" + item->shortcut().toString();
    EXPECT_TRUE(labels.contains(QStringLiteral("Save &Transcript as PDF…\tCtrl+P"))) << labels.join(", ").toStdString();
    EXPECT_TRUE(labels.contains(QStringLiteral("&Dashboard\tCtrl+Shift+D")));
    EXPECT_TRUE(labels.contains(QStringLiteral("&Export…\tCtrl+Shift+E")));
}

TEST_F(InboxWindowTest, TheSlaColumnShowsABreachInTheErrorColour)
{
    ASSERT_TRUE(workspace.open().writer().run([](store::Session& session) {
        return metrics::saveSlaPolicies(
            session, metrics::SlaPolicies({{.priority = 1, .firstResponseSeconds = 3600, .businessHours = false}}));
    }));
    auto* model = qobject_cast<bridge::ConversationListModel*>(window->list()->model());
    model->tick();
    // Row 1: the selected row 0 is drawn in the highlight's colours.
    const QModelIndex sla = model->index(1, bridge::ConversationListModel::SlaColumn);
    EXPECT_TRUE(sla.data().toString().endsWith(" over")) << sla.data().toString().toStdString();
    EXPECT_EQ(model->headerData(bridge::ConversationListModel::SlaColumn, Qt::Horizontal).toString(), "SLA");

    // Written in the theme's error colour (a red); the waiting time next to it is not.
    const QImage shot = window->list()->viewport()->grab().toImage();
    const QColor error = gui::errorTextColor(window->list()->palette());
    ASSERT_GT(error.red(), error.green() + 60);
    auto errorPixels = [&](const QRect& cell) {
        int found = 0;
        for (int y = cell.top(); y <= cell.bottom(); ++y)
            for (int x = cell.left(); x <= cell.right(); ++x) {
                const QColor pixel = shot.pixelColor(x, y);
                found += pixel.red() > pixel.green() + 60 && pixel.red() > pixel.blue() + 60 ? 1 : 0;
            }
        return found;
    };
    EXPECT_GT(errorPixels(window->list()->visualRect(sla)), 0);
    EXPECT_EQ(errorPixels(window->list()->visualRect(sla.siblingAtColumn(bridge::ConversationListModel::WaitingColumn))), 0);
}

TEST_F(InboxWindowTest, OnlyWaitingAndPriorityColumnsSort)
{
    QHeaderView* header = window->list()->horizontalHeader();
    const int customer = bridge::ConversationListModel::CustomerColumn;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(customer) + 10, header->height() / 2));
    EXPECT_EQ(header->sortIndicatorSection(), int(bridge::ConversationListModel::WaitingColumn));
    const int priority = bridge::ConversationListModel::PriorityColumn;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(priority) + 10, header->height() / 2));
    EXPECT_EQ(header->sortIndicatorSection(), priority);
}

TEST_F(InboxWindowTest, AnEmptyViewSaysWhyAndWhatToDo)
{
    window->searchField()->setFocus();
    QTest::keyClicks(window->searchField(), QStringLiteral("zzzyxx"));
    QTest::keyClick(window->searchField(), Qt::Key_Return);
    EXPECT_TRUE(test::eventually([&] { return window->pane()->placeholderText().contains(QStringLiteral("matches “zzzyxx”")); }))
        << window->pane()->placeholderText().toStdString();
    window->searchField()->clear();

    ASSERT_TRUE(console->workspace().writer().run(
        [this](store::Session& session) { return session.sources().remove(sourceId); }));
    window->navigation()->selectView(store::ConversationView::Spam);
    EXPECT_EQ(window->list()->model()->rowCount(), 0);
    EXPECT_TRUE(window->pane()->placeholderText().contains(QStringLiteral("File ▸ Sources")))
        << window->pane()->placeholderText().toStdString();
}
