// A conversation's printed transcript, read back the way a person reads the PDF (pdftotext,
// from poppler-utils): the header, the customer's messages and the agents' replies in order,
// internal notes only when asked for, customer text printed as written, page numbers, and
// errors (no such conversation, nowhere to write) that leave no file behind. Also the
// console's flow: the question about notes, the save dialog, the error box.
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QTimer>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>

#include "ConversationFormat.h"
#include "TempWorkspace.h"
#include "TranscriptPrinter.h"
#include "earshot/inbox/AgentRepository.h"
#include "earshot/inbox/Inbox.h"
#include "earshot/store/InboxStore.h"
#include "earshot/store/Mentions.h"

namespace store = earshot::store;
namespace inbox = earshot::inbox;
namespace gui = earshot::gui;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kStart = 1'700'000'000;
const std::string kAgent = "Sanne de Vries";
const std::string kColleague = "Piet Bakker";

// What a reader of the PDF sees (one page of it, or all), white space folded so a wrapped line still matches. Empty
// (with a test failure) when pdftotext is missing or cannot read the file.
QString pdfText(const fs::path& pdf, int page = 0)
{
    QStringList arguments{QStringLiteral("-enc"), QStringLiteral("UTF-8")};
    if (page > 0)
        arguments << QStringLiteral("-f") << QString::number(page) << QStringLiteral("-l") << QString::number(page);
    arguments << QString::fromStdString(pdf.string()) << QStringLiteral("-");
    QProcess process;
    process.start(QStringLiteral("pdftotext"), arguments);
    if (!process.waitForFinished(30'000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        ADD_FAILURE() << "pdftotext could not read " << pdf << " (scripts/install-deps.sh installs poppler-utils): "
                      << process.readAllStandardError().toStdString() << process.errorString().toStdString();
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput()).simplified();
}

// Fails unless every part occurs in the text, each after the one before.
::testing::AssertionResult inOrder(const QString& text, const QStringList& parts)
{
    qsizetype from = 0;
    for (const QString& part : parts) {
        const qsizetype at = text.indexOf(part, from);
        if (at < 0)
            return ::testing::AssertionFailure() << "“" << part.toStdString() << "” is missing after position "
                                                 << from << " in: " << text.toStdString();
        from = at + part.size();
    }
    return ::testing::AssertionSuccess();
}

std::vector<std::string> filesIn(const fs::path& dir)
{
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

class TranscriptPrinterTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_sourceId = m_workspace.addSource({.name = "Forum", .url = "https://forum.example/feed"});
        ASSERT_NE(m_sourceId, 0);
        ASSERT_TRUE(m_workspace.open().writer().run([](store::Session& session) -> earshot::Status {
            for (const auto& name : {kAgent, kColleague})
                if (auto agent = inbox::AgentRepository(session).add(
                        {.name = name, .firstName = name.substr(0, name.find(' '))});
                    !agent)
                    return agent.error();
            return earshot::Ok{};
        }));
        m_inbox = std::make_unique<inbox::Inbox>(m_workspace.open().writer(), [this] { return m_now; });
        fs::create_directory(m_workspace.dir() / "out");
    }

    // Stores one mention; a new conversation unless it answers `replyTo`. Returns the
    // conversation's id when one was created.
    std::int64_t ingest(const std::string& id, const std::string& title, const std::string& body,
                        const std::string& replyTo = {},
                        store::AuthorInfo author = {.platform = "feed", .handle = "anna", .displayName = "Anna Jansen"})
    {
        std::vector<store::NewMention> mentions{{.externalId = id, .title = title, .body = body,
                                                 .link = "https://forum.example/t/" + id, .replyTo = replyTo,
                                                 .publishedAt = m_now, .author = std::move(author)}};
        const auto stored = m_workspace.ingest(m_sourceId, mentions, m_now);
        EXPECT_EQ(stored.mentionIds.size(), 1u) << id;
        return stored.conversationsCreated.empty() ? 0 : stored.conversationsCreated.front();
    }

    // A whole exchange: the question, a claim, a reply, a note, a handover with a message,
    // the customer's follow-up, the colleague's answer, resolved.
    std::int64_t storyConversation()
    {
        const auto id = ingest("p1", "Pakket kwijt", "Mijn pakket is niet aangekomen.");
        EXPECT_NE(id, 0);
        m_now += 120;
        EXPECT_TRUE(m_inbox->claim(id, kAgent));
        m_now += 480;
        EXPECT_TRUE(m_inbox->reply(id, kAgent, "Hoi Anna, ik zoek het voor je uit.", inbox::Channel::OffPlatform));
        m_now += 300;
        EXPECT_TRUE(m_inbox->addNote(id, kAgent, "Vervoerder gebeld, pakket ligt in depot."));
        m_now += 60;
        EXPECT_TRUE(m_inbox->assign(id, kAgent, kColleague, "Bel haar morgen terug."));
        m_now += 3600;
        EXPECT_EQ(ingest("p2", "Re: Pakket kwijt", "Al nieuws over mijn pakket?", "p1"), 0);
        m_now += 600;
        EXPECT_TRUE(m_inbox->reply(id, kColleague, "Het pakket komt morgen.", inbox::Channel::OffPlatform));
        m_now += 60;
        EXPECT_TRUE(m_inbox->resolve(id, kColleague));
        m_resolvedAt = m_now;
        return id;
    }

    store::Session& reader()
    {
        if (!m_reader) {
            auto opened = m_workspace.open().reader();
            EXPECT_TRUE(opened) << opened.message();
            m_reader = std::move(*opened);
        }
        return *m_reader;
    }

    fs::path out(const std::string& name) const { return m_workspace.dir() / "out" / name; }
    static QString q(const fs::path& path) { return QString::fromStdString(path.string()); }

    // Prints and reads the PDF back.
    QString print(std::int64_t id, bool includeNotes, const std::string& name = "transcript.pdf")
    {
        const auto status = gui::printTranscriptPdf(reader(), id, includeNotes, q(out(name)));
        EXPECT_TRUE(status) << (status ? "" : status.message());
        return status ? pdfText(out(name)) : QString();
    }

    earshot::test::TempWorkspace m_workspace;
    std::unique_ptr<store::Session> m_reader;
    std::unique_ptr<inbox::Inbox> m_inbox;
    std::int64_t m_sourceId = 0;
    std::int64_t m_now = kStart;
    std::int64_t m_resolvedAt = 0;
};

TEST_F(TranscriptPrinterTest, ThePdfHasTheHeaderThenTheMessagesAndRepliesInOrder)
{
    const auto id = storyConversation();
    const QString text = print(id, false);

    EXPECT_TRUE(inOrder(text, {QStringLiteral("Conversation #%1").arg(id), "Customer", "Anna Jansen", "anna", "Source",
                               "Forum", "Status", "Resolved", "Assigned to", "Piet Bakker", "Created",
                               gui::conversation::fullTime(kStart), "Resolved",
                               gui::conversation::fullTime(m_resolvedAt)}));
    EXPECT_TRUE(inOrder(text, {"Anna Jansen", "customer", gui::conversation::fullTime(kStart), "Pakket kwijt",
                               "Mijn pakket is niet aangekomen.",
                               "Sanne de Vries", "reply, sent outside Earshot", "Hoi Anna, ik zoek het voor je uit.",
                               "Al nieuws over mijn pakket?",
                               "Piet Bakker", "reply, sent outside Earshot", "Het pakket komt morgen.",
                               "Piet Bakker changed status: open → resolved"}));
    EXPECT_TRUE(inOrder(text, {"Sanne de Vries claimed", "Hoi Anna", "Sanne de Vries assigned it to Piet Bakker",
                               "Al nieuws"}));
    EXPECT_TRUE(text.contains("Page 1 of 1")) << text.toStdString();
    EXPECT_TRUE(text.contains("without internal notes")) << text.toStdString();
    EXPECT_EQ(filesIn(m_workspace.dir() / "out"), std::vector<std::string>{"transcript.pdf"}) << "a temporary file left";
}

TEST_F(TranscriptPrinterTest, InternalNotesAndHandoverMessagesArePrintedOnlyWhenAskedFor)
{
    const auto id = storyConversation();

    const QString without = print(id, false, "without.pdf");
    ASSERT_FALSE(without.isEmpty());
    EXPECT_FALSE(without.contains("Vervoerder gebeld")) << without.toStdString();
    EXPECT_FALSE(without.contains("Bel haar morgen terug")) << without.toStdString();
    EXPECT_FALSE(without.contains("Internal note")) << without.toStdString();
    EXPECT_TRUE(without.contains("Sanne de Vries assigned it to Piet Bakker")) << without.toStdString();

    const QString with = print(id, true, "with.pdf");
    EXPECT_TRUE(inOrder(with, {"Hoi Anna, ik zoek het voor je uit.", "Internal note · Sanne de Vries",
                               "Vervoerder gebeld, pakket ligt in depot.", "Internal note · Sanne de Vries",
                               "Bel haar morgen terug.", "Al nieuws over mijn pakket?"}));
    EXPECT_TRUE(with.contains("with internal notes")) << with.toStdString();
}

TEST_F(TranscriptPrinterTest, CustomerTextIsPrintedAsWrittenNeverAsMarkup)
{
    const QString hostile = QStringLiteral("<script>alert('x')</script> <b>niet vet</b> &amp; <img src=\"t.png\">");
    const auto id = ingest("evil", "<h1>Groot</h1>", hostile.toStdString(), {},
                           {.platform = "feed", .handle = "eve", .displayName = "<i>Eve</i>"});
    ASSERT_NE(id, 0);
    m_now += 60;
    ASSERT_TRUE(m_inbox->reply(id, kAgent, "Gebruik <br> niet & zo", inbox::Channel::OffPlatform));

    auto html = gui::transcriptHtml(reader(), id, true);
    ASSERT_TRUE(html) << html.message();
    EXPECT_FALSE(html->contains("<script")) << html->toStdString();
    EXPECT_FALSE(html->contains("<img")) << html->toStdString();
    EXPECT_FALSE(html->contains("<i>Eve")) << html->toStdString();

    const QString text = print(id, true);
    EXPECT_TRUE(text.contains(hostile)) << text.toStdString();
    EXPECT_TRUE(text.contains("<h1>Groot</h1>")) << text.toStdString();
    EXPECT_TRUE(text.contains("<i>Eve</i>")) << text.toStdString();
    EXPECT_TRUE(text.contains("Gebruik <br> niet & zo")) << text.toStdString();
}

TEST_F(TranscriptPrinterTest, ALongConversationRunsOverNumberedPagesWithNothingLost)
{
    const auto id = ingest("long", "Lang verhaal", "Begin van het gesprek.");
    ASSERT_NE(id, 0);
    QStringList expected{"Begin van het gesprek."};
    for (int i = 1; i <= 40; ++i) {
        m_now += 60;
        const std::string text = "Antwoord nummer " + std::to_string(i) + ": we kijken er nog steeds naar, "
                                 "excuses voor het wachten en dank voor je geduld.";
        ASSERT_TRUE(m_inbox->reply(id, kAgent, text, inbox::Channel::OffPlatform));
        expected << QString::fromStdString(text);
    }

    const QString text = print(id, false);
    EXPECT_TRUE(inOrder(text, expected));
    const QRegularExpression pages(QStringLiteral("Page 1 of (\\d+)"));
    const auto match = pages.match(text);
    ASSERT_TRUE(match.hasMatch()) << text.toStdString();
    const int count = match.captured(1).toInt();
    EXPECT_GE(count, 3);
    EXPECT_TRUE(text.contains(QStringLiteral("Page %1 of %1").arg(count))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Conversation #%1 · Anna Jansen").arg(id))) << "the footer";

    // No reply is cut in two: each page holds as many reply headings as reply texts.
    for (int page = 1; page <= count; ++page) {
        const QString onPage = pdfText(out("transcript.pdf"), page);
        EXPECT_EQ(onPage.count("reply, sent outside Earshot"), onPage.count("dank voor je geduld."))
            << "page " << page << ": " << onPage.toStdString();
    }
}

TEST_F(TranscriptPrinterTest, APlatformReplyThatWasNotPostedSaysSo)
{
    const auto id = ingest("f1", "Vraag", "Hallo?");
    ASSERT_NE(id, 0);
    m_now += 60;
    // Feeds cannot be answered on the platform (the inbox refuses to), so store the reply as
    // the inbox stores a platform reply, and its failure to post as ReplyPublisher records it.
    ASSERT_TRUE(m_workspace.open().writer().run([&](store::Session& session) -> earshot::Status {
        auto reply = session.inbox().insertReply({.conversationId = id,
                                                  .agent = kAgent,
                                                  .body = "We kijken ernaar.",
                                                  .channel = inbox::Channel::Platform,
                                                  .at = m_now,
                                                  .delivery = earshot::domain::Delivery::Sending});
        if (!reply)
            return reply.error();
        return session.inbox().recordDelivery(*reply, {.sent = false, .error = "the server said 503", .at = m_now});
    }));

    const QString text = print(id, false);
    EXPECT_TRUE(inOrder(text, {"reply, NOT posted", "We kijken ernaar.",
                               "The customer did not receive this reply: the server said 503"}));
}

TEST_F(TranscriptPrinterTest, AMissingConversationIsAnErrorAndLeavesAnExistingFileAlone)
{
    const fs::path target = out("kept.pdf");
    {
        std::ofstream file(target);
        file << "the earlier transcript";
    }
    const auto status = gui::printTranscriptPdf(reader(), 4242, false, q(target));
    ASSERT_FALSE(status);
    EXPECT_NE(status.message().find("4242"), std::string::npos) << status.message();
    EXPECT_EQ(earshot::test::readFile(target), "the earlier transcript");
    EXPECT_EQ(filesIn(m_workspace.dir() / "out"), std::vector<std::string>{"kept.pdf"});

    EXPECT_FALSE(gui::transcriptHtml(reader(), 4242, false));
}

TEST_F(TranscriptPrinterTest, AFolderThatCannotBeWrittenIsAnErrorThatSaysWhere)
{
    const auto id = storyConversation();
    const fs::path missing = m_workspace.dir() / "no-such-folder" / "transcript.pdf";
    const auto status = gui::printTranscriptPdf(reader(), id, false, q(missing));
    ASSERT_FALSE(status);
    EXPECT_NE(status.message().find("no-such-folder"), std::string::npos) << status.message();
    EXPECT_FALSE(fs::exists(missing.parent_path()));

    // A folder where the file should go: refused, the folder untouched, nothing left beside it.
    fs::create_directory(out("taken.pdf"));
    const auto onFolder = gui::printTranscriptPdf(reader(), id, false, q(out("taken.pdf")));
    ASSERT_FALSE(onFolder);
    EXPECT_NE(onFolder.message().find("taken.pdf"), std::string::npos) << onFolder.message();
    EXPECT_TRUE(fs::is_directory(out("taken.pdf")));
    EXPECT_EQ(filesIn(m_workspace.dir() / "out"), std::vector<std::string>{"taken.pdf"});
}

TEST_F(TranscriptPrinterTest, SavingReplacesAnEarlierTranscriptAndLeavesNoTemporaryFile)
{
    const auto id = storyConversation();
    const fs::path target = out("conversation.pdf");
    {
        std::ofstream file(target);
        file << "old";
    }
    ASSERT_TRUE(gui::printTranscriptPdf(reader(), id, false, q(target)));
    EXPECT_EQ(earshot::test::readFile(target).substr(0, 5), "%PDF-");
    EXPECT_EQ(filesIn(m_workspace.dir() / "out"), std::vector<std::string>{"conversation.pdf"});
}

// Answers the console's dialogs as they open: the question about notes, then the save dialog.
class DialogDriver {
public:
    bool includeNotes = false;
    QString saveAs;            // empty: cancel the save dialog
    bool cancelQuestion = false;

    QString question;          // what was asked
    QString suggested;         // the file name the save dialog offered
    QString warning;           // an error box's text

    DialogDriver()
    {
        m_timer.setInterval(20);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { answer(); });
        m_timer.start();
    }

private:
    void answer()
    {
        QWidget* modal = QApplication::activeModalWidget();
        if (auto* box = qobject_cast<QMessageBox*>(modal)) {
            if (box->objectName() == QLatin1String("transcriptQuestion")) {
                question = box->text() + QLatin1Char('\n') + box->informativeText();
                EXPECT_FALSE(box->checkBox()->isChecked()) << "notes must be off until asked for";
                box->checkBox()->setChecked(includeNotes);
                if (cancelQuestion)
                    box->button(QMessageBox::Cancel)->click();
                else
                    box->defaultButton()->click();
            } else {
                warning = box->text();
                if (QAbstractButton* ok = box->button(QMessageBox::Ok))
                    ok->click();
                else
                    box->reject();
            }
        } else if (auto* dialog = qobject_cast<QFileDialog*>(modal)) {
            suggested = QFileInfo(dialog->selectedFiles().value(0)).fileName();
            if (saveAs.isEmpty()) {
                dialog->reject();
            } else {
                // Typed, as a person does: selectFile() keeps the offered name when the folder
                // is another than the one the dialog shows.
                auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
                ASSERT_NE(name, nullptr);
                name->setText(saveAs);
                static_cast<QDialog*>(dialog)->accept();   // QFileDialog hides it, QDialog does not
            }
        }
    }

    QTimer m_timer;
};

TEST_F(TranscriptPrinterTest, TheConsoleAsksAboutNotesThenWhereAndSavesThePdf)
{
    const auto id = storyConversation();
    QWidget window;
    DialogDriver driver;
    driver.includeNotes = true;
    driver.saveAs = q(out("chosen.pdf"));
    gui::offerTranscript(&window, reader(), id);

    EXPECT_TRUE(driver.question.contains(QStringLiteral("Save conversation #%1 as a PDF?").arg(id)))
        << driver.question.toStdString();
    EXPECT_EQ(driver.suggested, QStringLiteral("conversation-%1.pdf").arg(id));
    EXPECT_TRUE(driver.warning.isEmpty()) << driver.warning.toStdString();
    const QString text = pdfText(out("chosen.pdf"));
    EXPECT_TRUE(inOrder(text, {QStringLiteral("Conversation #%1").arg(id), "Mijn pakket is niet aangekomen.",
                               "Internal note", "Vervoerder gebeld"}));
}

TEST_F(TranscriptPrinterTest, CancellingTheConsolesQuestionOrSaveDialogWritesNothing)
{
    const auto id = storyConversation();
    QWidget window;
    {
        DialogDriver driver;
        driver.cancelQuestion = true;
        driver.saveAs = q(out("never.pdf"));
        gui::offerTranscript(&window, reader(), id);
        EXPECT_FALSE(driver.question.isEmpty());
        EXPECT_TRUE(driver.suggested.isEmpty()) << "the save dialog opened after Cancel";
    }
    {
        DialogDriver driver;
        gui::offerTranscript(&window, reader(), id);
        EXPECT_EQ(driver.suggested, QStringLiteral("conversation-%1.pdf").arg(id));
        EXPECT_TRUE(driver.warning.isEmpty()) << driver.warning.toStdString();
    }
    EXPECT_TRUE(filesIn(m_workspace.dir() / "out").empty());
}

TEST_F(TranscriptPrinterTest, TheConsoleExplainsWhyATranscriptWasNotSaved)
{
    const auto id = storyConversation();
    QWidget window;
    {
        DialogDriver driver;
        gui::offerTranscript(&window, reader(), 4242);
        EXPECT_TRUE(driver.question.isEmpty()) << "asked about a conversation that does not exist";
        EXPECT_TRUE(driver.warning.contains("conversation #4242 was not saved")) << driver.warning.toStdString();
    }
    {
        DialogDriver driver;
        driver.saveAs = q(m_workspace.dir() / "no-such-folder" / "t.pdf");
        gui::offerTranscript(&window, reader(), id);
        EXPECT_TRUE(driver.warning.contains("no-such-folder")) << driver.warning.toStdString();
    }
}

}  // namespace
