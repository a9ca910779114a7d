// The Sources dialog as a person uses it, offscreen: typing a source into the form and
// adding it, testing a URL and its keywords, changing words, switching a source off,
// removing it (its mentions stay), importing OPML, and seeing why a source fails.
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QComboBox>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <gtest/gtest.h>

#include "Console.h"
#include "MainWindow.h"
#include "PlatformSourceFields.h"
#include "SourcesDialog.h"
#include "SourcesPreviewPanel.h"
#include "TestHttpServer.h"
#include "WorkspaceReads.h"
#include "earshot/bridge/EngineBridge.h"
#include "earshot/bridge/SourceHealth.h"
#include "earshot/inbox/AgentRepository.h"
#include "earshot/inbox/Ingest.h"
#include "earshot/store/Mentions.h"
#include "earshot/connectors/Connector.h"
#include "earshot/sources/SourceRules.h"
#include "earshot/store/Session.h"
#include "earshot/store/SourceStore.h"
#include "earshot/store/Workspace.h"

using earshot::gui::SourcesDialog;
namespace store = earshot::store;
using earshot::Ok;
using earshot::Status;

namespace {

constexpr int kTimeoutMs = 10'000;

const char* const kForumFeed = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Community forum</title><link>https://forum.example/</link>
<item><guid>1</guid><title>Verskist pakket kwijt</title><link>https://forum.example/t/1</link>
<description>Mijn Verskist box is niet gekomen.</description></item>
<item><guid>2</guid><title>Vacature bij Verskist</title><link>https://forum.example/t/2</link>
<description>Bezorger gezocht.</description></item>
<item><guid>3</guid><title>Crème brûlée recept</title><link>https://forum.example/t/3</link>
<description>Niets over bezorging.</description></item>
</channel></rss>
)";

class SourcesDialogTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_path = m_dir.filePath("workspace.db");
        auto workspace = store::Workspace::open(m_path.toStdString());
        ASSERT_TRUE(workspace) << workspace.message();
        m_workspace = std::move(*workspace);
        m_http.server().Get("/forum.rss", [](const httplib::Request&, httplib::Response& res) {
            res.set_content(kForumFeed, "application/rss+xml");
        });
    }

    SourcesDialog& openDialog()
    {
        m_dialog = std::make_unique<SourcesDialog>(*m_workspace, m_engine, m_health, "Anouk Smit");
        m_dialog->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(m_dialog.get()));
        return *m_dialog;
    }

    Status write(const std::function<Status(store::SourceStore&)>& work)
    {
        return m_workspace->writer().run([&](store::Session& session) { return work(session.sources()); });
    }

    std::int64_t addSource(store::Source source)
    {
        std::int64_t id = 0;
        EXPECT_TRUE(write([&](store::SourceStore& sources) -> Status {
            auto added = sources.add(source);
            if (!added)
                return added.error();
            id = *added;
            return Ok{};
        }));
        return id;
    }

    store::Source storedSource(std::int64_t id) { return m_workspace->reader().value()->sources().byId(id).value(); }
    std::vector<store::Source> storedSources() { return m_workspace->reader().value()->sources().list().value(); }
    // Every stored mention, of removed sources too.
    std::vector<store::MentionRow> storedMentions()
    {
        return m_workspace->reader().value()->mentions().list({.limit = 1000}).value();
    }

    static void typeInto(QLineEdit* field, const QString& text)
    {
        field->clear();
        QTest::keyClicks(field, text);
    }

    static QString cell(QTableWidget* table, int row, int column)
    {
        const QTableWidgetItem* item = table->item(row, column);
        return item ? item->text() : QString();
    }

    static void clickRow(QTableWidget* table, int row)
    {
        const QRect rect = table->visualItemRect(table->item(row, SourcesDialog::NameColumn));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    }

    // The confirmation is a modal message box; answer it as a person would.
    static void answerNextQuestion(QMessageBox::StandardButton answer)
    {
        QTimer::singleShot(0, [answer] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            ASSERT_NE(box, nullptr);
            box->button(answer)->click();
        });
    }

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<store::Workspace> m_workspace;
    earshot::test::TestHttpServer m_http;
    earshot::bridge::EngineBridge m_engine;   // not started: pollNow() is then a no-op
    earshot::bridge::SourceHealth m_health;
    std::unique_ptr<SourcesDialog> m_dialog;
};

TEST_F(SourcesDialogTest, AddsASourceTypedIntoTheForm)
{
    auto& dialog = openDialog();
    ASSERT_EQ(dialog.table()->rowCount(), 0);

    typeInto(dialog.urlField(), QString::fromStdString(m_http.url("/forum.rss")));
    typeInto(dialog.nameField(), "Community forum");
    dialog.intervalField()->setValue(15);
    typeInto(dialog.includeField(), "verskist, vers kist");
    typeInto(dialog.excludeField(), "vacature");
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);

    ASSERT_EQ(dialog.table()->rowCount(), 1);
    EXPECT_EQ(cell(dialog.table(), 0, SourcesDialog::NameColumn), "Community forum");
    EXPECT_EQ(cell(dialog.table(), 0, SourcesDialog::StateColumn), "Not polled yet");
    EXPECT_EQ(cell(dialog.table(), 0, SourcesDialog::IntervalColumn), "15 min");
    EXPECT_EQ(cell(dialog.table(), 0, SourcesDialog::IncludeColumn), "verskist, vers kist");
    EXPECT_TRUE(dialog.messageLabel()->text().startsWith("Added “Community forum”")) << dialog.messageLabel()->text().toStdString();

    const auto sources = storedSources();
    ASSERT_EQ(sources.size(), 1u);
    EXPECT_EQ(sources[0].url, m_http.url("/forum.rss"));
    EXPECT_EQ(sources[0].name, "Community forum");
    EXPECT_EQ(sources[0].intervalSeconds, 900);
    EXPECT_EQ(sources[0].includeWords, (std::vector<std::string>{"verskist", "vers kist"}));
    EXPECT_EQ(sources[0].excludeWords, std::vector<std::string>{"vacature"});
    // The form now edits the new source.
    EXPECT_EQ(dialog.editingSourceId(), sources[0].id);
    EXPECT_TRUE(dialog.urlField()->isReadOnly());
    const auto added = earshot::test::eventsOfKind(*m_workspace, earshot::domain::EventKind::SourceAdded);
    ASSERT_EQ(added.size(), 1u);
    EXPECT_EQ(added[0].actor, "Anouk Smit") << "the event log names who added it";
    EXPECT_EQ(added[0].source, sources[0].id);
}

TEST_F(SourcesDialogTest, ALocalFilePathBecomesAFileUrl)
{
    const QString feed = m_dir.filePath("local feed.rss");
    QFile file(feed);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(kForumFeed);
    file.close();
    auto& dialog = openDialog();

    typeInto(dialog.urlField(), feed);
    QTest::keyClick(dialog.urlField(), Qt::Key_Return);   // Return saves rather than closing

    const auto sources = storedSources();
    ASSERT_EQ(sources.size(), 1u);
    EXPECT_EQ(QString::fromStdString(sources[0].url), QUrl::fromLocalFile(feed).toString(QUrl::FullyEncoded));
    EXPECT_TRUE(dialog.isVisible());
}

TEST_F(SourcesDialogTest, ABareHostIsReadAsTheCommandLineReadsIt)
{
    auto& dialog = openDialog();
    typeInto(dialog.urlField(), "forum.example/latest.rss");
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    const auto sources = storedSources();
    ASSERT_EQ(sources.size(), 1u);
    EXPECT_EQ(sources[0].url, "https://forum.example/latest.rss");
    EXPECT_EQ(sources[0].url, earshot::sources::normaliseFeedAddress("forum.example/latest.rss").value());
}

TEST_F(SourcesDialogTest, TheIntervalCannotGoBelowTheWorkspacesMinimum)
{
    auto& dialog = openDialog();
    EXPECT_EQ(dialog.intervalField()->minimum() * 60, earshot::sources::kMinimumPollIntervalSeconds);
}

TEST_F(SourcesDialogTest, OffersEveryKindTheConnectorsDescribe)
{
    auto& dialog = openDialog();
    const auto& connectors = earshot::connectors::allConnectors();
    ASSERT_EQ(dialog.kindField()->count(), int(connectors.size()) + 1) << "feed, then every platform kind";
    for (const auto* connector : connectors) {
        const int index = dialog.kindField()->findData(QString::fromStdString(std::string(connector->kind())));
        ASSERT_GE(index, 0) << connector->kind();
        dialog.kindField()->setCurrentIndex(index);
        for (const auto& field : connector->kindInfo().fields)
            EXPECT_TRUE(dialog.platformFields()->field(std::string(field.name))->isVisible())
                << connector->kind() << " " << field.name;
        EXPECT_EQ(dialog.platformFields()->secretField()->isVisible(), connector->platformInfo().secret.has_value())
            << connector->kind();
    }
}

TEST_F(SourcesDialogTest, AnUnsupportedUrlIsRefusedWithAReason)
{
    auto& dialog = openDialog();
    typeInto(dialog.urlField(), "ftp://forum.example/feed");
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    EXPECT_TRUE(storedSources().empty());
    EXPECT_TRUE(dialog.messageLabel()->text().contains("use http, https or file")) << dialog.messageLabel()->text().toStdString();
}

TEST_F(SourcesDialogTest, TestShowsWhatWouldBeStoredAndStoresNothing)
{
    auto& dialog = openDialog();
    typeInto(dialog.urlField(), QString::fromStdString(m_http.url("/forum.rss")));
    typeInto(dialog.includeField(), "verskist");
    typeInto(dialog.excludeField(), "vacature");
    QTest::mouseClick(dialog.testButton(), Qt::LeftButton);

    auto* preview = dialog.previewPanel();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !preview->isRunning(); }, kTimeoutMs));
    EXPECT_EQ(preview->keptCount(), 1);
    EXPECT_EQ(preview->filteredCount(), 2);
    EXPECT_EQ(preview->summaryText(),
              "“Community forum” (RSS 2.0): 3 entries — 1 would be stored, 2 filtered out by the keywords.");
    QTreeWidget* items = preview->itemsView();
    ASSERT_TRUE(items->isVisible());
    ASSERT_EQ(items->topLevelItemCount(), 2);
    EXPECT_EQ(items->topLevelItem(0)->text(0), "Would be stored (1)");
    EXPECT_EQ(items->topLevelItem(0)->child(0)->text(0), "Verskist pakket kwijt");
    EXPECT_EQ(items->topLevelItem(1)->text(0), "Filtered out (2)");
    EXPECT_TRUE(dialog.testButton()->isEnabled());

    EXPECT_TRUE(storedSources().empty());
    EXPECT_TRUE(storedMentions().empty());
}

TEST_F(SourcesDialogTest, ATestOfAMissingFeedSaysWhy)
{
    auto& dialog = openDialog();
    typeInto(dialog.urlField(), QString::fromStdString(m_http.url("/nothing-here.rss")));
    QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !dialog.previewPanel()->isRunning(); }, kTimeoutMs));
    EXPECT_EQ(dialog.previewPanel()->summaryText(), "The test failed: HTTP 404 Not Found");
}

TEST_F(SourcesDialogTest, ClosingDuringATestDoesNotWaitForTheServer)
{
    m_http.server().Get("/slow.rss", [this](const httplib::Request&, httplib::Response& res) {
        m_http.sleepFor(std::chrono::seconds(30));
        res.set_content(kForumFeed, "application/rss+xml");
    });
    auto& dialog = openDialog();
    typeInto(dialog.urlField(), QString::fromStdString(m_http.url("/slow.rss")));
    QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
    EXPECT_TRUE(dialog.previewPanel()->isRunning());
    EXPECT_FALSE(dialog.testButton()->isEnabled());
    QTest::qWait(100);
    m_dialog.reset();   // cancels the fetch and joins its thread; the test's timeout catches a hang
}

TEST_F(SourcesDialogTest, EditsTheWordsOfASource)
{
    const auto id = addSource({.name = "Forum", .url = m_http.url("/forum.rss"), .includeWords = {"verskist"}});
    auto& dialog = openDialog();
    ASSERT_EQ(dialog.table()->rowCount(), 1);

    clickRow(dialog.table(), 0);
    ASSERT_EQ(dialog.editingSourceId(), id);
    EXPECT_EQ(dialog.includeField()->text(), "verskist");
    EXPECT_EQ(dialog.saveButton()->text(), "&Save Changes");

    typeInto(dialog.includeField(), "verskist, vers kist");
    typeInto(dialog.excludeField(), "vacature, spam");
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);

    const store::Source source = storedSource(id);
    EXPECT_EQ(source.includeWords, (std::vector<std::string>{"verskist", "vers kist"}));
    EXPECT_EQ(source.excludeWords, (std::vector<std::string>{"vacature", "spam"}));
    EXPECT_EQ(source.intervalSeconds, 300);
    EXPECT_EQ(cell(dialog.table(), 0, SourcesDialog::ExcludeColumn), "vacature, spam");
    EXPECT_EQ(dialog.messageLabel()->text(), "Saved “Forum”.");
}

TEST_F(SourcesDialogTest, SetsThePriorityOfASourcesNewConversations)
{
    const auto id = addSource({.name = "Status", .url = m_http.url("/forum.rss"), .defaultPriority = 2});
    auto& dialog = openDialog();
    clickRow(dialog.table(), 0);
    EXPECT_EQ(dialog.priorityField()->currentData().toInt(), 2);
    dialog.priorityField()->setFocus();
    QTest::keyClick(dialog.priorityField(), Qt::Key_Down);   // high -> urgent
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    EXPECT_EQ(storedSource(id).defaultPriority, 3);
    EXPECT_EQ(dialog.messageLabel()->text(), "Saved “Status”.");
    EXPECT_EQ(cell(dialog.table(), 0, SourcesDialog::PriorityColumn), "Urgent");
}

TEST_F(SourcesDialogTest, AnIntervalSetToTheSecondIsKeptUnlessChanged)
{
    const auto id = addSource({.name = "Forum", .url = m_http.url("/forum.rss"), .intervalSeconds = 45});
    auto& dialog = openDialog();
    clickRow(dialog.table(), 0);
    EXPECT_EQ(cell(dialog.table(), 0, SourcesDialog::IntervalColumn), "45 s");
    typeInto(dialog.nameField(), "Forum 2");
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    EXPECT_EQ(storedSource(id).intervalSeconds, 45);
    EXPECT_EQ(storedSource(id).name, "Forum 2");
}

TEST_F(SourcesDialogTest, SwitchesASourceOffAndOnAgain)
{
    const auto id = addSource({.name = "Forum", .url = m_http.url("/forum.rss")});
    auto& dialog = openDialog();
    clickRow(dialog.table(), 0);
    EXPECT_EQ(dialog.toggleButton()->text(), "&Disable");

    QTest::mouseClick(dialog.toggleButton(), Qt::LeftButton);
    EXPECT_FALSE(storedSource(id).enabled);
    EXPECT_EQ(cell(dialog.table(), 0, SourcesDialog::StateColumn), "Off");
    EXPECT_EQ(dialog.toggleButton()->text(), "&Enable");

    QTest::mouseClick(dialog.toggleButton(), Qt::LeftButton);
    EXPECT_TRUE(storedSource(id).enabled);
}

TEST_F(SourcesDialogTest, RemovesASourceAfterConfirmationAndKeepsItsMentions)
{
    const auto id = addSource({.name = "Forum", .url = m_http.url("/forum.rss")});
    ASSERT_TRUE(m_workspace->writer().run([&](store::Session& session) -> earshot::Status {
        auto stored = earshot::inbox::ingestMentions(session, id, {{.externalId = "1", .title = "Pakket kwijt"}}, 1000);
        return stored ? earshot::Status(earshot::Ok{}) : earshot::Status(stored.error());
    }));
    auto& dialog = openDialog();
    clickRow(dialog.table(), 0);

    answerNextQuestion(QMessageBox::Cancel);
    QTest::mouseClick(dialog.removeButton(), Qt::LeftButton);
    EXPECT_EQ(dialog.table()->rowCount(), 1);

    answerNextQuestion(QMessageBox::Yes);
    QTest::mouseClick(dialog.removeButton(), Qt::LeftButton);
    EXPECT_EQ(dialog.table()->rowCount(), 0);
    EXPECT_TRUE(storedSources().empty());
    EXPECT_EQ(dialog.messageLabel()->text(), "Removed “Forum”. Its mentions stay.");
    const auto mentions = storedMentions();
    ASSERT_EQ(mentions.size(), 1u);
    EXPECT_EQ(mentions.front().title, "Pakket kwijt");
    EXPECT_EQ(mentions.front().sourceId, id);
    EXPECT_EQ(dialog.editingSourceId(), 0);
    const auto removed = earshot::test::eventsOfKind(*m_workspace, earshot::domain::EventKind::SourceRemoved);
    ASSERT_EQ(removed.size(), 1u);
    EXPECT_EQ(removed[0].actor, "Anouk Smit");
    EXPECT_EQ(removed[0].source, id);
}

TEST_F(SourcesDialogTest, AFailingSourceShowsItsError)
{
    const auto id = addSource({.name = "Broken forum", .url = m_http.url("/broken.rss")});
    ASSERT_TRUE(write([&](store::SourceStore& sources) -> Status {
        if (auto first = sources.recordPoll(
                {.sourceId = id, .polledAt = 100, .nextPollAt = 400, .error = "HTTP 500 Internal Server Error"});
            !first)
            return first;
        return sources.recordPoll(
            {.sourceId = id, .polledAt = 400, .nextPollAt = 800, .error = "HTTP 500 Internal Server Error"});
    }));
    auto& dialog = openDialog();

    EXPECT_EQ(cell(dialog.table(), 0, SourcesDialog::StateColumn), "Failing");
    EXPECT_EQ(cell(dialog.table(), 0, SourcesDialog::ErrorsColumn), "2");
    EXPECT_EQ(cell(dialog.table(), 0, SourcesDialog::LastErrorColumn), "HTTP 500 Internal Server Error");
    EXPECT_FALSE(dialog.table()->item(0, SourcesDialog::StateColumn)->icon().isNull());

    clickRow(dialog.table(), 0);
    EXPECT_TRUE(dialog.sourceErrorLabel()->isVisible());
    EXPECT_EQ(dialog.sourceErrorLabel()->text(), "⚠ Failing (2 in a row): HTTP 500 Internal Server Error");
}

TEST_F(SourcesDialogTest, ImportsOpmlAndSaysWhatWasSkipped)
{
    addSource({.name = "Forum", .url = "https://forum.example/latest.rss"});
    const QString opml = m_dir.filePath("subscriptions.opml");
    QFile file(opml);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(R"(<?xml version="1.0"?><opml version="2.0"><head><title>Feeds</title></head><body>
<outline text="Brand"><outline text="Forum" xmlUrl="https://forum.example/latest.rss"/>
<outline text="Blog" xmlUrl="https://blog.example/atom.xml"/>
<outline text="Reviews" xmlUrl="https://reviews.example/feed.json"/></outline></body></opml>)");
    file.close();
    auto& dialog = openDialog();

    ASSERT_TRUE(dialog.importOpml(opml));
    EXPECT_EQ(dialog.table()->rowCount(), 3);
    EXPECT_EQ(storedSources().size(), 3u);
    EXPECT_EQ(dialog.messageLabel()->text(),
              "Imported subscriptions.opml: 2 added, 1 skipped. Skipped: Forum (already a source)");
}

TEST_F(SourcesDialogTest, OpensFromTheMainWindowAndTheEmptyWorkspaceHint)
{
    auto console = earshot::gui::Console::open(m_path.toStdString());
    ASSERT_TRUE(console) << console.message();
    auto& window = (*console)->window();
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));

    auto* hint = window.findChild<QPushButton*>("addSourcesButton");
    ASSERT_NE(hint, nullptr);
    ASSERT_TRUE(hint->isVisible());
    QTest::mouseClick(hint, Qt::LeftButton);
    auto* dialog = window.findChild<SourcesDialog*>();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->isVisible());
    dialog->close();   // deletes itself
    QTest::qWait(0);
    QApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    EXPECT_EQ(window.findChild<SourcesDialog*>(), nullptr);

    auto* action = window.findChild<QAction*>("sourcesAction");
    ASSERT_NE(action, nullptr);
    EXPECT_EQ(action->shortcut(), QKeySequence("Ctrl+Shift+S"));
    action->trigger();
    EXPECT_NE(window.findChild<SourcesDialog*>(), nullptr);
}

TEST_F(SourcesDialogTest, FromTheConsoleTheAgentAtWorkIsWhoAddsASource)
{
    auto console = earshot::gui::Console::open(m_path.toStdString());
    ASSERT_TRUE(console) << console.message();
    earshot::inbox::Agent agent;
    agent.name = "Sanne de Vries";
    ASSERT_TRUE((*console)->openInbox(agent));
    (*console)->window().openSources();
    auto* dialog = (*console)->window().findChild<SourcesDialog*>();
    ASSERT_NE(dialog, nullptr);
    typeInto(dialog->urlField(), QString::fromStdString(m_http.url("/forum.rss")));
    QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);

    const auto added = earshot::test::eventsOfKind((*console)->workspace(), earshot::domain::EventKind::SourceAdded);
    ASSERT_EQ(added.size(), 1u);
    EXPECT_EQ(added[0].actor, "Sanne de Vries");
}

}  // namespace

TEST_F(SourcesDialogTest, AddsAPlatformSourceFromItsKindAndFields)
{
    auto& dialog = openDialog();
    dialog.kindField()->setCurrentIndex(dialog.kindField()->findData(QStringLiteral("mastodon-tag")));
    EXPECT_FALSE(dialog.urlField()->isVisible());
    EXPECT_FALSE(dialog.testButton()->isEnabled()) << "the preview reads feeds only";
    earshot::gui::PlatformSourceFields* fields = dialog.platformFields();
    ASSERT_TRUE(fields->tagField()->isVisible());
    EXPECT_FALSE(fields->queryField()->isVisible());

    typeInto(fields->addressField(), "mastodon.social");
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    EXPECT_EQ(dialog.messageLabel()->text(), "the hashtag (--tag) is needed for a mastodon-tag source");
    EXPECT_EQ(dialog.table()->rowCount(), 0);

    typeInto(fields->tagField(), "#vondelfiets");
    typeInto(fields->secretField(), "s3cret");
    QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
    ASSERT_EQ(dialog.table()->rowCount(), 1);
    EXPECT_EQ(cell(dialog.table(), 0, SourcesDialog::NameColumn), "#vondelfiets on mastodon.social");
    // No keychain was given to this dialog: the secret is refused, never kept elsewhere.
    EXPECT_EQ(dialog.messageLabel()->text(), "There is no system keychain to keep the secret in; it was not stored.");
    const auto sources = storedSources();
    ASSERT_EQ(sources.size(), 1u);
    EXPECT_EQ(sources[0].kind, "mastodon-tag");
    EXPECT_EQ(sources[0].url, "https://mastodon.social/api/v1/timelines/tag/vondelfiets");
    EXPECT_EQ(sources[0].settings.find("s3cret"), std::string::npos);
    // Editing shows what it listens to, and the kind and server cannot change.
    EXPECT_FALSE(dialog.kindField()->isEnabled());
    EXPECT_TRUE(fields->addressField()->isReadOnly());
    EXPECT_EQ(fields->tagField()->text(), "vondelfiets");
}
