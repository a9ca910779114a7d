// Two consoles on one team workspace, as two agents at two desktops: each sees the other's
// claim, the other writing a reply, and the reply itself, without reloading anything.
#include <QApplication>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

#include "ConversationPane.h"
#include "InboxWindow.h"
#include "Eventually.h"
#include "InboxSeed.h"
#include "OpenConsole.h"
#include "PostgresTestServer.h"
#include "ThreadView.h"
#include "WorkspaceFactory.h"
#include "earshot/bridge/ConversationListModel.h"

using namespace earshot;
using bridge::ConversationListModel;

namespace {

class TeamConsolesTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        test::skipWithoutPostgres();
        if (IsSkipped() || HasFatalFailure())
            return;
        const std::string location = test::newPostgresWorkspace();
        m_conversations = test::seedInbox(location, {"Anouk Smit", "Bram Jansen"}, 3, "team");
        ASSERT_EQ(m_conversations.size(), 3U);
        m_anouk = test::openConsoleAs(test::asAgent(location, "consoles_anouk"), "Anouk Smit");
        m_bram = test::openConsoleAs(test::asAgent(location, "consoles_bram"), "Bram Jansen");
        ASSERT_TRUE(m_anouk && m_bram);
        for (gui::InboxWindow* window : {anouk(), bram()}) {
            window->show();
            ASSERT_TRUE(QTest::qWaitForWindowExposed(window));
        }
    }

    // The agent at the window: keys go to the active window, as on a real desktop.
    static void workIn(gui::InboxWindow* window, QWidget* focus)
    {
        QApplication::setActiveWindow(window);
        ASSERT_TRUE(QTest::qWaitForWindowActive(window));
        focus->setFocus();
    }

    gui::InboxWindow* anouk() { return m_anouk->inbox(); }
    gui::InboxWindow* bram() { return m_bram->inbox(); }

    // What the window's list shows in a column for the conversation; empty when not listed.
    static QString listed(gui::InboxWindow* window, std::int64_t conversation, int column)
    {
        auto* model = window->list()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->index(row, 0).data(ConversationListModel::ConversationIdRole).toLongLong() == conversation)
                return model->index(row, column).data().toString();
        return {};
    }

    std::vector<std::int64_t> m_conversations;
    std::unique_ptr<gui::Console> m_anouk;
    std::unique_ptr<gui::Console> m_bram;
};

TEST_F(TeamConsolesTest, EachSeesTheOthersClaimReplyAndPresence)
{
    // Both start on the same first conversation of Unassigned.
    const std::int64_t conversation = anouk()->currentConversation();
    ASSERT_NE(conversation, 0);
    ASSERT_EQ(bram()->currentConversation(), conversation);

    workIn(anouk(), anouk()->list());
    QTest::keyClick(anouk()->list(), Qt::Key_C);
    const auto bramsList = [&] { return listed(bram(), conversation, ConversationListModel::AssigneeColumn); };
    EXPECT_TRUE(test::eventually([&] { return bramsList().startsWith(QStringLiteral("Anouk Smit")); }))
        << bramsList().toStdString();
    EXPECT_EQ(bram()->currentConversation(), conversation) << "Bram's selection stays where he put it";
    EXPECT_TRUE(test::eventually([&] { return bram()->pane()->headerText().contains(QStringLiteral("Anouk Smit")); }))
        << bram()->pane()->headerText().toStdString();

    // Anouk starts a reply: Bram, who looks at the same customer, is told.
    workIn(anouk(), anouk()->list());
    QTest::keyClick(anouk()->list(), Qt::Key_R);
    QPlainTextEdit* editor = anouk()->pane()->composerEditor();
    QTest::keyClicks(editor, QStringLiteral("Hoi! Ik zoek het voor je uit. Groet, Anouk"));
    const auto othersAt = [](gui::InboxWindow* window) { return window->pane()->othersHere(); };
    EXPECT_TRUE(test::eventually([&] { return othersAt(bram()) == QStringLiteral("Anouk Smit is replying…"); }))
        << othersAt(bram()).toStdString();
    EXPECT_EQ(bramsList(), QStringLiteral("Anouk Smit · Anouk Smit replying…"));
    EXPECT_TRUE(test::eventually([&] { return othersAt(anouk()) == QStringLiteral("Bram Jansen is viewing"); }))
        << othersAt(anouk()).toStdString();

    // She sends it: Bram's pane shows the reply, and she is no longer writing.
    workIn(anouk(), editor);
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    EXPECT_TRUE(test::eventually([&] {
        return bram()->pane()->threadView()->toPlainText().contains(QStringLiteral("Ik zoek het voor je uit"));
    }));
    EXPECT_TRUE(test::eventually([&] { return othersAt(bram()) == QStringLiteral("Anouk Smit is viewing"); }))
        << othersAt(bram()).toStdString();

    // Bram moves to another customer: Anouk sees him go.
    workIn(bram(), bram()->list());
    QTest::keyClick(bram()->list(), Qt::Key_J);
    const std::int64_t next = bram()->currentConversation();
    ASSERT_NE(next, conversation);
    EXPECT_TRUE(test::eventually([&] { return othersAt(anouk()).isEmpty(); })) << othersAt(anouk()).toStdString();
    EXPECT_TRUE(test::eventually([&] {
        return listed(anouk(), next, ConversationListModel::AssigneeColumn) == QStringLiteral("Bram Jansen viewing");
    })) << listed(anouk(), next, ConversationListModel::AssigneeColumn).toStdString();
}

}  // namespace
