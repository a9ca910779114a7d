// The reply composer, offscreen, on a real workspace: live checks with highlighted spans,
// the platform's counter, override reasons before sending, off-platform copy-and-open,
// and canned replies filled in for the conversation.
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>

#include "ReplyComposer.h"
#include "ReplyOverrideDialog.h"
#include "TempWorkspace.h"
#include "earshot/checks/CannedReplyRepository.h"
#include "earshot/checks/SettingsRepository.h"
#include "earshot/inbox/AgentRepository.h"
#include "earshot/inbox/ConversationReader.h"
#include "earshot/store/Mentions.h"

namespace store = earshot::store;
namespace inbox = earshot::inbox;
using earshot::gui::ReplyComposer;

namespace {

constexpr std::int64_t kNow = 1'700'000'000;

using Overrides = QList<QPair<QString, QString>>;

bool hasFinding(const ReplyComposer& composer, const std::string& id)
{
    const auto& findings = composer.findings();
    return std::any_of(findings.begin(), findings.end(), [&](const auto& f) { return f.id == id; });
}

class ReplyComposerTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        qRegisterMetaType<Overrides>();
        m_sourceId = m_workspace.addSource({.name = "Forum", .url = "https://forum.example/feed"});
        ASSERT_NE(m_sourceId, 0);
        ASSERT_TRUE(write([](store::Session& session) -> earshot::Status {
            auto agent = inbox::AgentRepository(session).add({.name = "Sanne de Vries", .firstName = "Sanne"});
            return agent ? earshot::Status(earshot::Ok{}) : earshot::Status(agent.error());
        }));
    }

    // Through the workspace's writer, as the console and the CLI write.
    earshot::Status write(const store::Writer::Work& work) { return m_workspace.open().writer().run(work); }

    std::int64_t ingest(const std::string& id, store::AuthorInfo author)
    {
        std::vector<store::NewMention> mentions{{.externalId = id, .title = "Vraag", .body = "Hallo?",
                                                 .link = "https://forum.example/t/" + id, .author = std::move(author)}};
        const auto stored = m_workspace.ingest(m_sourceId, mentions, kNow);
        EXPECT_EQ(stored.conversationsCreated.size(), 1u) << id;
        return stored.conversationsCreated.empty() ? 0 : stored.conversationsCreated.front();
    }

    ReplyComposer& openComposer(std::int64_t conversationId)
    {
        auto reader = m_workspace.open().reader();
        EXPECT_TRUE(reader) << reader.message();
        m_reader = std::move(*reader);
        m_composer = std::make_unique<ReplyComposer>(*m_reader);
        m_composer->setAgent(*inbox::AgentRepository(*m_reader).find("Sanne de Vries"));
        m_composer->setLinkOpener([this](const QUrl& url) { m_opened.append(url); });
        auto detail = inbox::readConversation(*m_reader, conversationId);
        EXPECT_TRUE(detail) << detail.message();
        m_composer->setConversation(*detail, {});
        m_composer->resize(700, 300);
        m_composer->show();
        return *m_composer;
    }

    std::int64_t annasConversation()
    {
        return ingest("a1", {.platform = "feed", .handle = "anna", .displayName = "Anna Jansen"});
    }

    earshot::test::TempWorkspace m_workspace;
    std::unique_ptr<store::Session> m_reader;
    std::unique_ptr<ReplyComposer> m_composer;
    std::int64_t m_sourceId = 0;
    QList<QUrl> m_opened;
};

TEST_F(ReplyComposerTest, AnEmailAddressIsFlaggedAndHighlighted)
{
    ReplyComposer& composer = openComposer(annasConversation());
    QTest::keyClicks(composer.editor(), "Mail ons op hulp@example.com");
    ASSERT_TRUE(hasFinding(composer, "email"));
    ASSERT_GE(composer.findingsList()->count(), 1);
    EXPECT_TRUE(composer.findingsList()->isVisible());
    EXPECT_TRUE(composer.findingsList()->item(0)->text().contains("E-mail")) << composer.findingsList()->item(0)->text().toStdString();
    const auto selections = composer.editor()->extraSelections();
    ASSERT_EQ(selections.size(), 1);
    EXPECT_EQ(selections.front().cursor.selectedText(), "hulp@example.com");
}

TEST_F(ReplyComposerTest, ABlueskyCustomerGetsTheBlueskyCounter)
{
    ReplyComposer& composer = openComposer(
        ingest("b1", {.platform = "bluesky", .handle = "anna.bsky.social", .displayName = "Anna"}));
    // Typed as a person would paste it: QTest cannot type what is not on a keyboard.
    composer.editor()->insertPlainText(QStringLiteral("Hoi 👋🏽"));
    EXPECT_TRUE(composer.counterLabel()->isVisible());
    EXPECT_EQ(composer.counterLabel()->text(), "5 / 300");
}

TEST_F(ReplyComposerTest, AFeedCustomerHasNoCounter)
{
    ReplyComposer& composer = openComposer(annasConversation());
    QTest::keyClicks(composer.editor(), "Hoi");
    EXPECT_FALSE(composer.counterLabel()->isVisible());
}

TEST_F(ReplyComposerTest, SendingWithAFindingAsksForAReasonAndCarriesTheOverride)
{
    ReplyComposer& composer = openComposer(annasConversation());
    QSignalSpy sent(&composer, &ReplyComposer::replyRequested);
    QTest::keyClicks(composer.editor(), "Mail ons op hulp@example.com");

    // Cancel sends nothing.
    QTest::mouseClick(composer.sendButton(), Qt::LeftButton);
    ASSERT_NE(composer.overrideDialog(), nullptr);
    composer.overrideDialog()->reject();
    EXPECT_EQ(sent.size(), 0);
    ASSERT_EQ(composer.overrideDialog(), nullptr);

    QTest::mouseClick(composer.sendButton(), Qt::LeftButton);
    auto* dialog = composer.overrideDialog();
    ASSERT_NE(dialog, nullptr);
    ASSERT_EQ(dialog->reasonFields().size(), 1);
    EXPECT_FALSE(dialog->sendButton()->isEnabled());
    QTest::keyClicks(dialog->reasonFields().front(), "Ons eigen serviceadres");
    ASSERT_TRUE(dialog->sendButton()->isEnabled());
    QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);

    ASSERT_EQ(sent.size(), 1);
    const auto overrides = sent.front().at(2).value<Overrides>();
    ASSERT_EQ(overrides.size(), 1);
    EXPECT_EQ(overrides.front().first, "email");
    EXPECT_EQ(overrides.front().second, "Ons eigen serviceadres");
    EXPECT_EQ(sent.front().at(1).toString(), "Mail ons op hulp@example.com");
}

// Recording comes first: the reply is copied and its thread opened only once the inbox has
// recorded it, so a refused reply (held by a colleague, changed meanwhile) is posted nowhere.
TEST_F(ReplyComposerTest, OffPlatformSendAsksToRecordAndOnlyThenCopiesAndOpensTheThread)
{
    ReplyComposer& composer = openComposer(annasConversation());
    QSignalSpy sent(&composer, &ReplyComposer::replyRequested);
    EXPECT_EQ(composer.sendButton()->text(), "Copy, open link and record");
    QGuiApplication::clipboard()->clear();
    QTest::keyClicks(composer.editor(), "Dank je, we kijken ernaar.");
    ASSERT_TRUE(composer.findings().empty());
    QTest::mouseClick(composer.sendButton(), Qt::LeftButton);
    ASSERT_EQ(sent.size(), 1);
    EXPECT_TRUE(sent.front().at(3).toBool());
    EXPECT_TRUE(m_opened.empty()) << "opened before it was recorded";

    composer.handToAgentToPost(sent.front().at(1).toString());
    EXPECT_EQ(QGuiApplication::clipboard()->text(), "Dank je, we kijken ernaar.");
    ASSERT_EQ(m_opened.size(), 1);
    EXPECT_EQ(m_opened.front(), QUrl("https://forum.example/t/a1"));
    EXPECT_TRUE(sent.front().at(2).value<Overrides>().isEmpty());
}

TEST_F(ReplyComposerTest, ACannedReplyIsFilledInForTheCustomer)
{
    ASSERT_TRUE(write([](store::Session& session) -> earshot::Status {
        auto added = earshot::checks::CannedReplyRepository(session).add(
            {.name = "bedankt", .language = "nl", .body = "Hoi {customer.name}, bedankt voor je bericht!"});
        return added ? earshot::Status(earshot::Ok{}) : earshot::Status(added.error());
    }));
    ReplyComposer& composer = openComposer(annasConversation());
    emit composer.cannedMenu()->aboutToShow();
    QAction* bedankt = nullptr;
    for (QAction* action : composer.cannedMenu()->actions())
        if (action->text() == "bedankt")
            bedankt = action;
    ASSERT_NE(bedankt, nullptr);
    bedankt->trigger();
    EXPECT_EQ(composer.editor()->toPlainText(), "Hoi Anna Jansen, bedankt voor je bericht!");
    EXPECT_FALSE(hasFinding(composer, "variables"));
}

TEST_F(ReplyComposerTest, AVariableLeftInTheTextIsFlagged)
{
    ReplyComposer& composer = openComposer(ingest("n1", {.platform = "feed", .handle = "", .displayName = ""}));
    // No name known for this customer: the variable stays and the checks object.
    composer.insertCannedReply({.name = "hoi", .language = "nl", .body = "Hoi {customer.name}!"});
    EXPECT_EQ(composer.editor()->toPlainText(), "Hoi {customer.name}!");
    EXPECT_TRUE(hasFinding(composer, "variables"));

    composer.clear();
    QTest::keyClicks(composer.editor(), "Je bestelling {order.number} is onderweg");
    EXPECT_TRUE(hasFinding(composer, "variables"));
    const auto selections = composer.editor()->extraSelections();
    ASSERT_FALSE(selections.isEmpty());
    EXPECT_EQ(selections.front().cursor.selectedText(), "{order.number}");
}

TEST_F(ReplyComposerTest, ASignatureIsRequiredWhenTheTeamSaysSo)
{
    ReplyComposer& composer = openComposer(annasConversation());
    QTest::keyClicks(composer.editor(), "We kijken ernaar.");
    EXPECT_FALSE(hasFinding(composer, "signature"));

    // The team turns the rule on in Settings while the composer is open: it holds at the
    // next send, before anything is recorded.
    ASSERT_TRUE(write([](store::Session& session) {
        return earshot::checks::SettingsRepository(session).set(earshot::checks::kSignatureRequiredKey,
                                                                earshot::checks::kSignatureNamed);
    }));
    QSignalSpy sent(&composer, &ReplyComposer::replyRequested);
    composer.send();
    EXPECT_TRUE(hasFinding(composer, "signature"));
    ASSERT_NE(composer.overrideDialog(), nullptr);
    composer.overrideDialog()->reject();
    EXPECT_EQ(sent.count(), 0);

    QTest::keyClicks(composer.editor(), " Sanne");
    EXPECT_FALSE(hasFinding(composer, "signature"));
}

}  // namespace
