// The console window as a person sees it, offscreen: stored mentions listed newest first,
// the selected one in full below, new ones arriving at the top while the engine runs,
// failing sources in the status bar, and the search box.
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <gtest/gtest.h>

#include <set>

#include "Console.h"
#include "MainWindow.h"
#include "MentionDetailView.h"
#include "TempWorkspace.h"
#include "earshot/bridge/EngineBridge.h"
#include "earshot/bridge/MentionListModel.h"
#include "earshot/store/Mentions.h"
#include "earshot/store/SourceStore.h"

using earshot::bridge::MentionListModel;
using earshot::gui::Console;
namespace store = earshot::store;

namespace {

constexpr int kTimeoutMs = 10'000;

const char* const kFeed = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Forum</title><link>https://forum.example/</link>
<item><guid>a1</guid><title>Pakket kwijt</title><link>https://forum.example/t/1</link>
<description>Mijn pakket is niet aangekomen.</description></item>
<item><guid>a2</guid><title>Snelle levering</title><link>https://forum.example/t/2</link>
<description>Top service!</description></item>
</channel></rss>
)";

class MainWindowTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        // The stored mentions' source points at a file that is not there, so the engine's
        // first round fails it: that is what the status bar should then say.
        m_sourceId = m_workspace.addSource(
            {.name = "Old forum", .url = QUrl::fromLocalFile(filePath("missing.rss")).toString().toStdString()});
        ASSERT_NE(m_sourceId, 0);
    }

    void TearDown() override { m_console.reset(); }

    void ingest(const std::string& title, std::int64_t at, const std::string& body = "Body")
    {
        std::vector<store::NewMention> mentions{{.externalId = title, .title = title, .body = body,
                                                 .link = "https://forum.example/t/" + title,
                                                 .author = {.platform = "feed", .handle = "bob", .displayName = "Bob"}}};
        // Through a writer, as the engine stores them: search is current once it returns.
        ASSERT_EQ(m_workspace.ingest(m_sourceId, mentions, at).mentionIds.size(), 1u) << title;
    }

    earshot::gui::MainWindow& openWindow()
    {
        auto console = Console::open(m_workspace.dbPath());
        EXPECT_TRUE(console) << (console ? "" : console.message());
        m_console = std::move(*console);
        auto& window = m_console->window();
        window.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&window));
        return window;
    }

    static QString shownText(QTableView* table, int row, int column = MentionListModel::MentionColumn)
    {
        return table->model()->index(row, column).data().toString();
    }

    void clickRow(QTableView* table, int row)
    {
        const QRect rect = table->visualRect(table->model()->index(row, MentionListModel::MentionColumn));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    }

    QString filePath(const QString& name) const
    {
        return QString::fromStdString((m_workspace.dir() / name.toStdString()).string());
    }

    earshot::test::TempWorkspace m_workspace;
    std::int64_t m_sourceId = 0;
    std::unique_ptr<Console> m_console;
};

TEST_F(MainWindowTest, ListsStoredMentionsNewestFirstAndShowsTheSelectedOneInFull)
{
    ingest("first", 1'700'000'000);
    ingest("second", 1'700'000'010);
    ingest("third", 1'700'000'020, "Line one of the complaint.\nLine two, with <b>no</b> markup rendered.");
    auto& window = openWindow();
    QTableView* table = window.mentionTable();

    ASSERT_TRUE(table->isVisible());
    ASSERT_EQ(table->model()->rowCount(), 3);
    EXPECT_EQ(shownText(table, 0), "third");
    EXPECT_EQ(shownText(table, 1), "second");
    EXPECT_EQ(shownText(table, 2), "first");
    EXPECT_EQ(shownText(table, 0, MentionListModel::SourceColumn), "Old forum");
    EXPECT_EQ(shownText(table, 0, MentionListModel::AuthorColumn), "Bob");
    EXPECT_EQ(window.detailView()->mentionId(), 0);

    clickRow(table, 0);

    EXPECT_EQ(window.detailView()->titleText(), "third");
    EXPECT_EQ(window.detailView()->bodyText(),
              "Line one of the complaint.\nLine two, with <b>no</b> markup rendered.");
    EXPECT_EQ(window.detailView()->linkText(), "https://forum.example/t/third");

    clickRow(table, 2);
    EXPECT_EQ(window.detailView()->titleText(), "first");
}

TEST_F(MainWindowTest, NewMentionsAppearAtTheTopWhileTheEngineRuns)
{
    ingest("first", 1'700'000'000);
    ingest("second", 1'700'000'010);
    auto& window = openWindow();
    QTableView* table = window.mentionTable();
    clickRow(table, 0);
    ASSERT_EQ(window.detailView()->titleText(), "second");

    QFile feed(filePath("forum.rss"));
    ASSERT_TRUE(feed.open(QIODevice::WriteOnly));
    feed.write(kFeed);
    feed.close();
    // Added as the Sources dialog adds it, through the console's writer.
    ASSERT_TRUE(m_console->workspace().writer().run([&](store::Session& session) -> earshot::Status {
        auto added = session.sources().add(
            {.name = "Forum", .url = QUrl::fromLocalFile(feed.fileName()).toString().toStdString()});
        return added ? earshot::Status(earshot::Ok{}) : earshot::Status(added.error());
    }));
    m_console->engine().pollNow();

    ASSERT_TRUE(QTest::qWaitFor([&] { return table->model()->rowCount() == 4; }, kTimeoutMs));
    EXPECT_EQ((std::set<QString>{shownText(table, 0), shownText(table, 1)}),
              (std::set<QString>{"Pakket kwijt", "Snelle levering"}));
    EXPECT_EQ(shownText(table, 0, MentionListModel::SourceColumn), "Forum");
    EXPECT_EQ(shownText(table, 2), "second");
    // The mention being read stays selected and on screen below the newcomers.
    EXPECT_EQ(table->currentIndex().row(), 2);
    EXPECT_EQ(window.detailView()->titleText(), "second");
}

TEST_F(MainWindowTest, ShowsFailingSourcesInTheStatusBar)
{
    auto& window = openWindow();

    ASSERT_TRUE(QTest::qWaitFor([&] { return window.problemsLabel()->isVisible(); }, kTimeoutMs));
    EXPECT_TRUE(window.problemsLabel()->text().contains("1 source failing"))
        << window.problemsLabel()->text().toStdString();
    EXPECT_TRUE(window.problemsLabel()->toolTip().startsWith("Old forum (failing): "))
        << window.problemsLabel()->toolTip().toStdString();
    EXPECT_TRUE(QTest::qWaitFor([&] { return window.progressLabel()->text().startsWith("Up to date"); }, kTimeoutMs))
        << window.progressLabel()->text().toStdString();
}

TEST_F(MainWindowTest, SearchBoxFiltersTheList)
{
    ingest("late delivery", 1'700'000'000);
    ingest("friendly staff", 1'700'000'010);
    ingest("delivery refund", 1'700'000'020);
    auto& window = openWindow();
    QTableView* table = window.mentionTable();

    QTest::keyClicks(window.searchField(), "delivery");
    QTest::keyClick(window.searchField(), Qt::Key_Return);
    ASSERT_EQ(table->model()->rowCount(), 2);
    EXPECT_EQ(shownText(table, 0), "delivery refund");
    EXPECT_EQ(shownText(table, 1), "late delivery");

    window.searchField()->clear();   // typing pauses run the search too
    EXPECT_TRUE(QTest::qWaitFor([&] { return table->model()->rowCount() == 3; }, kTimeoutMs));

    QTest::keyClicks(window.searchField(), "\"unbalanced");
    QTest::keyClick(window.searchField(), Qt::Key_Return);
    EXPECT_EQ(table->model()->rowCount(), 0);
    auto* empty = window.findChild<QLabel*>("emptyState");
    ASSERT_NE(empty, nullptr);
    EXPECT_TRUE(empty->isVisible());
    EXPECT_TRUE(empty->text().startsWith("The search could not run.")) << empty->text().toStdString();
}

TEST_F(MainWindowTest, AnEmptyWorkspaceSaysHowToStart)
{
    auto& window = openWindow();

    auto* empty = window.findChild<QLabel*>("emptyState");
    ASSERT_NE(empty, nullptr);
    EXPECT_TRUE(empty->isVisible());
    EXPECT_FALSE(window.mentionTable()->isVisible());
    EXPECT_TRUE(empty->text().startsWith("No mentions stored yet.")) << empty->text().toStdString();
}

TEST_F(MainWindowTest, AReaderScrolledDownKeepsTheirPlaceWhenMentionsArrive)
{
    for (int i = 0; i < 100; ++i)
        ingest("m" + std::to_string(i), 1'700'000'000 + i);
    auto& window = openWindow();
    QTableView* table = window.mentionTable();
    table->verticalScrollBar()->setValue(30);
    const QString topBefore = table->indexAt(QPoint(5, 5)).siblingAtColumn(MentionListModel::MentionColumn).data().toString();

    ingest("new-a", 1'700'000'200);
    ingest("new-b", 1'700'000'201);
    ASSERT_EQ(m_console->mentions().refreshNewest(), 2);

    EXPECT_EQ(table->verticalScrollBar()->value(), 32);
    EXPECT_EQ(table->indexAt(QPoint(5, 5)).siblingAtColumn(MentionListModel::MentionColumn).data().toString(),
              topBefore);
}

TEST_F(MainWindowTest, AWatcherAtTheTopSeesNewMentionsArrive)
{
    ingest("old", 1'700'000'000);
    auto& window = openWindow();
    QTableView* table = window.mentionTable();

    ingest("new", 1'700'000'100);
    ASSERT_EQ(m_console->mentions().refreshNewest(), 1);

    EXPECT_EQ(table->verticalScrollBar()->value(), 0);
    EXPECT_EQ(table->indexAt(QPoint(5, 5)).siblingAtColumn(MentionListModel::MentionColumn).data().toString(), "new");
}

TEST(ConsoleTest, ExplainsADatabaseItCannotOpen)
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath("blocker"));
    ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
    blocker.close();

    auto console = Console::open(dir.filePath("blocker/workspace.db").toStdString());

    ASSERT_FALSE(console);
    EXPECT_FALSE(console.message().empty());
}

}  // namespace
