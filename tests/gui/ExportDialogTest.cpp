// The export dialog on a generated workspace: what a person sets up is what lands in the file,
// byte for byte what `earshot-cli export` writes with the same options; cancelling leaves no
// file (an older one of the same name untouched) and no .part; a folder that cannot be
// written to is said so. QSettings live in a temporary folder for the test.
#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDateEdit>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ExportDialog.h"
#include "Shell.h"
#include "TempWorkspace.h"
#include "earshot/exports/PseudonymKey.h"
#include "earshot/store/ConversationStore.h"
#include "earshot/store/SettingsStore.h"
#include "earshot/store/SourceStore.h"

using earshot::gui::ExportDialog;
namespace store = earshot::store;
using earshot::test::readFile;

namespace {

using Csv = std::vector<std::vector<std::string>>;

// RFC 4180 as the exporter writes it: a byte-order mark, quoted cells with "" inside, CRLF or LF.
Csv parseCsv(std::string text)
{
    if (text.rfind("\xEF\xBB\xBF", 0) == 0)
        text.erase(0, 3);
    Csv rows;
    std::vector<std::string> row;
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
                cell += text[++i];
            else if (c == '"')
                quoted = false;
            else
                cell += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.push_back(std::move(cell));
            cell.clear();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            row.push_back(std::move(cell));
            cell.clear();
            rows.push_back(std::move(row));
            row.clear();
        } else {
            cell += c;
        }
    }
    if (!cell.empty() || !row.empty()) {
        row.push_back(std::move(cell));
        rows.push_back(std::move(row));
    }
    return rows;
}

std::size_t columnOf(const Csv& csv, const std::string& name)
{
    const auto& header = csv.front();
    return std::size_t(std::find(header.begin(), header.end(), name) - header.begin());
}

// Keeps the workspace's one writer busy with another job (as a poll's batch would) until
// released, so an export, which brings the response cycles up to date through the writer
// first, is still under way while the test clicks. A hold never outlasts a minute, so a
// failing test cannot leave the export waiting for ever.
class WriterHold {
public:
    explicit WriterHold(store::Writer& writer)
    {
        auto running = m_started.get_future();
        writer.submit([this, released = m_release.get_future().share()](store::Session&) -> earshot::Status {
            m_started.set_value();
            released.wait_for(std::chrono::minutes(1));
            return earshot::Ok{};
        });
        running.wait();
    }
    ~WriterHold() { release(); }
    WriterHold(const WriterHold&) = delete;
    WriterHold& operator=(const WriterHold&) = delete;

    void release()
    {
        if (!m_released) {
            m_release.set_value();
            m_released = true;
        }
    }

private:
    std::promise<void> m_started;
    std::promise<void> m_release;
    bool m_released = false;
};

class ExportDialogTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        workspace = new earshot::test::TempWorkspace();
        // History up to 20 November 2026, so every SLA deadline has passed whenever the tests
        // run and the GUI and CLI exports, made seconds apart, cannot differ on one.
        ASSERT_EQ(cli("generate --conversations 800 --seed 5 --until 2026-11-20T12:00:00Z").exitCode, 0);
        ASSERT_EQ(cli("calendar set --zone Europe/Amsterdam --mon 09:00-17:30 --tue 09:00-17:30 --wed 09:00-17:30"
                      " --thu 09:00-17:30 --fri 09:00-17:00")
                      .exitCode,
                  0);
        ASSERT_EQ(cli("sla set --priority normal --first-response 4h --resolution 2d").exitCode, 0);
    }
    static void TearDownTestSuite()
    {
        delete workspace;
        workspace = nullptr;
    }

    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath("config"));
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath("config"));
    }

    // Every conversation the filter lists, read a page at a time as the inbox reads them.
    static std::vector<store::ConversationRow> conversations(const store::ConversationFilter& filter)
    {
        auto session = workspace->reader();
        std::vector<store::ConversationRow> rows;
        std::optional<store::ConversationCursor> after;
        do {
            auto page = session->conversations().list(filter, 1000, after);
            EXPECT_TRUE(page) << page.message();
            if (!page)
                break;
            rows.insert(rows.end(), page->rows.begin(), page->rows.end());
            after = page->nextCursor;
        } while (after);
        return rows;
    }

    static earshot::test::ShellRun cli(const std::string& arguments)
    {
        return earshot::test::runShell(std::string(EARSHOT_CLI_PATH) + " --db '" + workspace->dbPath() + "' " +
                                       arguments + " 2>&1");
    }

    std::unique_ptr<ExportDialog> openDialog()
    {
        auto dialog = std::make_unique<ExportDialog>(workspace->open());
        dialog->setChooseFile([this](const QString& suggested, const QString&) {
            m_suggested = suggested;
            ++m_asked;
            return m_answer;
        });
        dialog->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(dialog.get()));
        return dialog;
    }

    // Clicks Export… with `path` as the answer to the file dialog and waits for the result.
    bool exportTo(ExportDialog& dialog, const std::filesystem::path& path)
    {
        QSignalSpy finished(&dialog, &ExportDialog::finished);
        m_answer = QString::fromStdString(path.string());
        QTest::mouseClick(dialog.exportButton(), Qt::LeftButton);
        EXPECT_TRUE(dialog.isRunning() || finished.count() == 1) << "no export started";
        if (finished.isEmpty() && !finished.wait(60000))
            return false;
        EXPECT_FALSE(dialog.isRunning());
        return finished.takeFirst().at(0).toBool();
    }

    // On the indicator, where a person clicks a check box or a radio button.
    static void tick(QAbstractButton* button)
    {
        QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(8, button->height() / 2));
    }
    static void select(QComboBox* combo, const QVariant& data)
    {
        const int index = combo->findData(data);
        ASSERT_GE(index, 0) << data.toString().toStdString();
        combo->setCurrentIndex(index);
    }
    static QString message(const ExportDialog& dialog) { return dialog.messageLabel()->text(); }

    std::filesystem::path out(const std::string& name) const
    {
        return std::filesystem::path(m_dir.filePath(QString::fromStdString(name)).toStdString());
    }

    static earshot::test::TempWorkspace* workspace;
    QTemporaryDir m_dir;
    QString m_answer;
    QString m_suggested;
    int m_asked = 0;
};

earshot::test::TempWorkspace* ExportDialogTest::workspace = nullptr;

TEST_F(ExportDialogTest, WritesTheChosenConversationsAsCsvAndSaysHowManyAndWhere)
{
    const auto sources = workspace->reader()->sources().list();
    ASSERT_TRUE(sources && !sources->empty());
    const std::int64_t source = sources->front().id;   // by id: the first
    auto dialog = openDialog();
    select(dialog->sourceCombo(), qlonglong(source));
    select(dialog->statusCombo(), QStringLiteral("resolved"));
    auto* openFolder = dialog->findChild<QPushButton*>(QStringLiteral("exportOpenFolder"));
    ASSERT_NE(openFolder, nullptr);
    EXPECT_FALSE(openFolder->isVisible()) << "no file to show yet";
    const auto path = out("resolved.csv");
    ASSERT_TRUE(exportTo(*dialog, path)) << message(*dialog).toStdString();
    EXPECT_TRUE(openFolder->isVisible());

    const Csv csv = parseCsv(readFile(path));
    ASSERT_FALSE(csv.empty());
    const std::vector<std::string> firstColumns(csv.front().begin(), csv.front().begin() + 4);
    EXPECT_EQ(firstColumns, (std::vector<std::string>{"conversation_id", "source_id", "source", "status"}));
    const auto expected =
        std::int64_t(conversations({.view = store::ConversationView::Resolved, .sourceId = source}).size());
    ASSERT_GT(expected, 5);
    EXPECT_EQ(std::int64_t(csv.size()) - 1, expected);
    for (std::size_t i = 1; i < csv.size(); ++i) {
        ASSERT_EQ(csv[i].size(), csv.front().size()) << "row " << i;
        EXPECT_EQ(csv[i][columnOf(csv, "status")], "resolved");
        EXPECT_EQ(csv[i][columnOf(csv, "source_id")], std::to_string(source));
    }
    EXPECT_FALSE(std::filesystem::exists(path.string() + ".part"));
    EXPECT_TRUE(message(*dialog).contains(QLocale().toString(qlonglong(expected)))) << message(*dialog).toStdString();
    EXPECT_TRUE(message(*dialog).contains(QDir::toNativeSeparators(QString::fromStdString(path.string()))));
    EXPECT_EQ(dialog->progressBar()->value(), dialog->progressBar()->maximum());
    EXPECT_TRUE(dialog->exportButton()->isEnabled());
    EXPECT_FALSE(dialog->cancelButton()->isEnabled());
    EXPECT_TRUE(dialog->isVisible()) << "the dialog stays for another export";
}

TEST_F(ExportDialogTest, TheConsoleAndTheCliWriteTheSameFileForTheSameOptions)
{
    // The source with the most open conversations.
    std::map<std::int64_t, int> open;
    for (const auto& row : conversations({.view = store::ConversationView::AllOpen}))
        open[row.sourceId] += row.status == earshot::domain::ConversationStatus::Open;
    ASSERT_FALSE(open.empty());
    const std::int64_t source =
        std::max_element(open.begin(), open.end(), [](const auto& a, const auto& b) { return a.second < b.second; })
            ->first;
    ASSERT_GT(open[source], 0);
    auto dialog = openDialog();

    // Conversations, pseudonymised, tagged, in the first half of November (the "to" day included).
    tick(dialog->pseudonymiseCheck());
    tick(dialog->fromCheck());
    tick(dialog->throughCheck());
    dialog->fromDate()->setDate(QDate(2026, 11, 1));
    dialog->throughDate()->setDate(QDate(2026, 11, 14));
    QTest::keyClicks(dialog->tagsEdit(), QStringLiteral("Factuur, storing"));
    const auto gui1 = out("gui-conversations.csv");
    ASSERT_TRUE(exportTo(*dialog, gui1)) << message(*dialog).toStdString();
    const auto cli1 = out("cli-conversations.csv");
    const auto run1 = cli("export conversations --since 2026-11-01 --until 2026-11-15 --tag factuur --tag storing"
                          " --pseudonymise -o '" + cli1.string() + "'");
    ASSERT_EQ(run1.exitCode, 0) << run1.out;
    EXPECT_GT(parseCsv(readFile(gui1)).size(), 10u);
    EXPECT_EQ(readFile(gui1), readFile(cli1));

    // Mentions of one source that are open, as JSON Lines, still pseudonymised, without period or tags.
    tick(dialog->fromCheck());
    tick(dialog->throughCheck());
    dialog->tagsEdit()->clear();
    dialog->kindCombo()->setCurrentIndex(dialog->kindCombo()->findText(QStringLiteral("Mentions")));
    tick(dialog->jsonLinesButton());
    select(dialog->sourceCombo(), qlonglong(source));
    select(dialog->statusCombo(), QStringLiteral("open"));
    const auto gui2 = out("gui-mentions.jsonl");
    ASSERT_TRUE(exportTo(*dialog, gui2)) << message(*dialog).toStdString();
    const auto cli2 = out("cli-mentions.jsonl");
    const auto run2 = cli("export mentions --format jsonl --status open --source " + std::to_string(source) +
                          " --pseudonymise -o '" + cli2.string() + "'");
    ASSERT_EQ(run2.exitCode, 0) << run2.out;
    EXPECT_FALSE(readFile(gui2).empty());
    EXPECT_EQ(readFile(gui2), readFile(cli2));

    // Every response cycle and every event since a day, in plain.
    tick(dialog->pseudonymiseCheck());
    dialog->sourceCombo()->setCurrentIndex(0);   // any
    dialog->statusCombo()->setCurrentIndex(0);
    dialog->kindCombo()->setCurrentIndex(dialog->kindCombo()->findText(QStringLiteral("Response cycles")));
    tick(dialog->csvButton());
    const auto gui3 = out("gui-cycles.csv");
    ASSERT_TRUE(exportTo(*dialog, gui3)) << message(*dialog).toStdString();
    const auto cli3 = out("cli-cycles.csv");
    ASSERT_EQ(cli("export cycles -o '" + cli3.string() + "'").exitCode, 0);
    EXPECT_EQ(readFile(gui3), readFile(cli3));

    dialog->kindCombo()->setCurrentIndex(dialog->kindCombo()->findText(QStringLiteral("Events")));
    tick(dialog->fromCheck());
    dialog->fromDate()->setDate(QDate(2026, 11, 10));
    const auto gui4 = out("gui-events.csv");
    ASSERT_TRUE(exportTo(*dialog, gui4)) << message(*dialog).toStdString();
    const auto cli4 = out("cli-events.csv");
    ASSERT_EQ(cli("export events --since 2026-11-10 -o '" + cli4.string() + "'").exitCode, 0);
    EXPECT_EQ(readFile(gui4), readFile(cli4));

    // One key, stored by the first pseudonymised export, that both faces used.
    const auto key = workspace->reader()->settings().get(earshot::exports::kPseudonymKeySetting);
    ASSERT_TRUE(key) << key.message();
    EXPECT_TRUE(*key && !(*key)->empty());
}

TEST_F(ExportDialogTest, CancellingLeavesNoFileNoPartFileAndTheOlderFileAsItWas)
{
    const auto path = out("cancelled.csv");
    std::filesystem::create_directories(path.parent_path());
    { std::ofstream(path) << "an older export\n"; }
    // The writer is busy with another job, so the export is still under way when Cancel is clicked.
    WriterHold busy(workspace->open().writer());

    auto dialog = openDialog();
    QSignalSpy finished(dialog.get(), &ExportDialog::finished);
    m_answer = QString::fromStdString(path.string());
    QTest::mouseClick(dialog->exportButton(), Qt::LeftButton);
    ASSERT_TRUE(dialog->isRunning());
    EXPECT_FALSE(dialog->exportButton()->isEnabled());
    EXPECT_FALSE(dialog->kindCombo()->isEnabled()) << "options are fixed while an export runs";
    ASSERT_TRUE(dialog->cancelButton()->isEnabled());
    QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
    EXPECT_FALSE(dialog->cancelButton()->isEnabled());
    busy.release();

    ASSERT_TRUE(finished.count() == 1 || finished.wait(60000));
    EXPECT_FALSE(finished.takeFirst().at(0).toBool());
    EXPECT_EQ(readFile(path), "an older export\n");
    EXPECT_FALSE(std::filesystem::exists(path.string() + ".part"));
    EXPECT_TRUE(message(*dialog).contains(QStringLiteral("cancelled"))) << message(*dialog).toStdString();
    EXPECT_EQ(dialog->progressBar()->value(), 0);
    EXPECT_TRUE(dialog->exportButton()->isEnabled());

    // And it exports fine afterwards, over the older file.
    ASSERT_TRUE(exportTo(*dialog, path)) << message(*dialog).toStdString();
    EXPECT_EQ(parseCsv(readFile(path)).size(), 801u);
}

TEST_F(ExportDialogTest, ClosingDuringAnExportCancelsItBeforeTheDialogGoes)
{
    const auto path = out("closed.csv");
    WriterHold busy(workspace->open().writer());
    auto dialog = openDialog();
    QSignalSpy finished(dialog.get(), &ExportDialog::finished);
    m_answer = QString::fromStdString(path.string());
    QTest::mouseClick(dialog->exportButton(), Qt::LeftButton);
    ASSERT_TRUE(dialog->isRunning());
    QTest::keyClick(dialog.get(), Qt::Key_Escape);
    EXPECT_TRUE(dialog->isVisible()) << "still writing";
    busy.release();
    ASSERT_TRUE(finished.count() == 1 || finished.wait(60000));
    EXPECT_FALSE(dialog->isVisible());
    EXPECT_FALSE(std::filesystem::exists(path));
    EXPECT_FALSE(std::filesystem::exists(path.string() + ".part"));
}

TEST_F(ExportDialogTest, AFolderThatCannotBeWrittenToIsShownAsAnError)
{
    auto dialog = openDialog();
    const auto path = out("no-such-folder/out.csv");
    EXPECT_FALSE(exportTo(*dialog, path));
    EXPECT_TRUE(message(*dialog).contains(QStringLiteral("cannot write"))) << message(*dialog).toStdString();
    EXPECT_TRUE(message(*dialog).contains(QStringLiteral("no-such-folder")));
    EXPECT_FALSE(std::filesystem::exists(path.parent_path()));
    EXPECT_TRUE(dialog->exportButton()->isEnabled());
    EXPECT_TRUE(dialog->kindCombo()->isEnabled());
}

TEST_F(ExportDialogTest, TheSuggestedFileIsNamedForTheKindFormatAndDayInTheLastFolder)
{
    auto dialog = openDialog();
    m_answer.clear();   // the person cancels the file dialog
    QTest::mouseClick(dialog->exportButton(), Qt::LeftButton);
    EXPECT_EQ(m_asked, 1);
    EXPECT_FALSE(dialog->isRunning());
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    EXPECT_EQ(QFileInfo(m_suggested).fileName(), QStringLiteral("earshot-conversations-%1.csv").arg(today));
    EXPECT_EQ(QFileInfo(m_suggested).absolutePath(),
              QFileInfo(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).absoluteFilePath());

    dialog->kindCombo()->setCurrentIndex(dialog->kindCombo()->findText(QStringLiteral("Mentions")));
    tick(dialog->jsonLinesButton());
    EXPECT_EQ(dialog->suggestedFileName(), QStringLiteral("earshot-mentions-%1.jsonl").arg(today));

    // A name without an extension gets the format's; the next export starts in its folder.
    std::filesystem::create_directories(out("exports"));
    ASSERT_TRUE(exportTo(*dialog, out("exports/mentions"))) << message(*dialog).toStdString();
    EXPECT_TRUE(std::filesystem::exists(out("exports/mentions.jsonl")));
    tick(dialog->csvButton());
    m_answer.clear();
    QTest::mouseClick(dialog->exportButton(), Qt::LeftButton);
    EXPECT_EQ(m_suggested, QDir(m_dir.filePath(QStringLiteral("exports")))
                               .filePath(QStringLiteral("earshot-mentions-%1.csv").arg(today)));
}

TEST_F(ExportDialogTest, AWrongTagOrAPeriodBackwardsIsExplainedBeforeAskingForAFile)
{
    auto dialog = openDialog();
    QTest::keyClicks(dialog->tagsEdit(), QStringLiteral("billing, ") + QString(70, QLatin1Char('x')));
    QTest::mouseClick(dialog->exportButton(), Qt::LeftButton);
    EXPECT_EQ(m_asked, 0);
    EXPECT_FALSE(dialog->isRunning());
    EXPECT_TRUE(message(*dialog).contains(QString(70, QLatin1Char('x')))) << message(*dialog).toStdString();

    dialog->tagsEdit()->clear();
    tick(dialog->fromCheck());
    tick(dialog->throughCheck());
    dialog->fromDate()->setDate(QDate(2026, 11, 10));
    dialog->throughDate()->setDate(QDate(2026, 11, 9));
    QTest::mouseClick(dialog->exportButton(), Qt::LeftButton);
    EXPECT_EQ(m_asked, 0);
    EXPECT_TRUE(message(*dialog).contains(QStringLiteral("period"))) << message(*dialog).toStdString();

    // The same day as both ends is that one day.
    dialog->throughDate()->setDate(QDate(2026, 11, 10));
    auto request = dialog->request();
    ASSERT_TRUE(request) << request.message();
    EXPECT_EQ(request->options.until - request->options.since, 86400);
}

}  // namespace
