// The conversation pane as an agent sees it, offscreen, on a real workspace: the header, the
// thread in order with internal notes marked, mention text that stays text, the customer's
// other conversations, the timeline, drafts, and the requests the pane sends the window.
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>

#include <gtest/gtest.h>

#include <memory>

#include "AuthorCard.h"
#include "ConversationPane.h"
#include "ReplyComposer.h"
#include "TempWorkspace.h"
#include "ThreadView.h"
#include "TimelineView.h"
#include "earshot/inbox/AgentRepository.h"
#include "earshot/inbox/Inbox.h"
#include "earshot/store/Mentions.h"

namespace store = earshot::store;
namespace inbox = earshot::inbox;
using earshot::gui::ConversationPane;

namespace {

constexpr std::int64_t kStart = 1'700'000'000;
const std::string kAgent = "Sanne de Vries";

class ConversationPaneTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_sourceId = m_workspace.addSource({.name = "Forum", .url = "https://forum.example/feed"});
        ASSERT_NE(m_sourceId, 0);
        ASSERT_TRUE(m_workspace.open().writer().run([](store::Session& session) -> earshot::Status {
            if (auto agent = inbox::AgentRepository(session).add({.name = kAgent, .firstName = "Sanne"}); !agent)
                return agent.error();
            return earshot::Ok{};
        }));
        m_inbox = std::make_unique<inbox::Inbox>(m_workspace.open().writer(), [this] { return m_now; });
    }

    // Stores one mention in a conversation of its own and returns the conversation's id.
    std::int64_t ingest(const std::string& id, const std::string& title, const std::string& body,
                        store::AuthorInfo author = {.platform = "feed", .handle = "anna", .displayName = "Anna Jansen"})
    {
        std::vector<store::NewMention> mentions{{.externalId = id, .title = title, .body = body,
                                                 .link = "https://forum.example/t/" + id, .publishedAt = m_now,
                                                 .author = std::move(author)}};
        const auto stored = m_workspace.ingest(m_sourceId, mentions, m_now);
        EXPECT_EQ(stored.conversationsCreated.size(), 1u) << id;
        return stored.conversationsCreated.empty() ? 0 : stored.conversationsCreated.front();
    }

    ConversationPane& openPane()
    {
        auto reader = m_workspace.open().reader();
        EXPECT_TRUE(reader) << reader.message();
        m_reader = std::move(*reader);
        m_pane = std::make_unique<ConversationPane>(*m_reader);
        auto agent = inbox::AgentRepository(*m_reader).find(kAgent);
        EXPECT_TRUE(agent) << agent.message();
        m_pane->setAgent(*agent);
        m_pane->setLinkOpener([this](const QUrl& url) { m_opened.append(url); });
        m_pane->resize(1000, 800);
        return *m_pane;
    }

    earshot::test::TempWorkspace m_workspace;
    std::unique_ptr<store::Session> m_reader;
    std::unique_ptr<inbox::Inbox> m_inbox;
    std::unique_ptr<ConversationPane> m_pane;
    std::int64_t m_sourceId = 0;
    std::int64_t m_now = kStart;
    QList<QUrl> m_opened;
};

TEST_F(ConversationPaneTest, ShowsAnEmptyStateUntilAConversationIsChosen)
{
    ConversationPane& pane = openPane();
    EXPECT_EQ(pane.placeholderText(), "Select a conversation");
    EXPECT_EQ(pane.conversationId(), 0);
    EXPECT_FALSE(pane.composerEditor()->isEnabled());
}

TEST_F(ConversationPaneTest, HeaderAndThreadShowTheConversationInOrderWithNotesMarkedInternal)
{
    const auto id = ingest("p1", "Pakket kwijt", "Mijn pakket is niet aangekomen.");
    m_now += 120;
    ASSERT_TRUE(m_inbox->claim(id, kAgent));
    m_now += 480;
    ASSERT_TRUE(m_inbox->reply(id, kAgent, "Hoi Anna, ik zoek het voor je uit. Sanne", inbox::Channel::OffPlatform));
    m_now += 300;
    ASSERT_TRUE(m_inbox->addNote(id, kAgent, "Vervoerder gebeld, pakket ligt in depot."));
    ASSERT_TRUE(m_inbox->addTag(id, kAgent, "Levering"));

    ConversationPane& pane = openPane();
    pane.showConversation(id);

    EXPECT_EQ(pane.conversationId(), id);
    EXPECT_TRUE(pane.placeholderText().isEmpty());
    const QString header = pane.headerText();
    EXPECT_TRUE(header.contains("Anna Jansen")) << header.toStdString();
    EXPECT_TRUE(header.contains("anna"));
    EXPECT_TRUE(header.contains("Forum"));
    EXPECT_TRUE(header.contains("Open"));
    EXPECT_TRUE(header.contains("Assigned to Sanne de Vries"));
    EXPECT_TRUE(header.contains("first response after 10 min")) << header.toStdString();
    EXPECT_TRUE(header.contains("Normal priority"));
    EXPECT_EQ(pane.tags(), QStringList{"levering"});

    const QString thread = pane.threadView()->toPlainText();
    const auto mention = thread.indexOf("Mijn pakket is niet aangekomen.");
    const auto reply = thread.indexOf("Hoi Anna, ik zoek het voor je uit.");
    const auto note = thread.indexOf("Vervoerder gebeld");
    ASSERT_GE(mention, 0) << thread.toStdString();
    ASSERT_GT(reply, mention);
    ASSERT_GT(note, reply);
    EXPECT_TRUE(thread.contains("Pakket kwijt"));
    EXPECT_TRUE(thread.contains("off-platform"));
    // The note's heading says it is internal, right before its text.
    const auto internal = thread.lastIndexOf("Internal note", note);
    EXPECT_GT(internal, reply);
}

TEST_F(ConversationPaneTest, MarkupInAMentionIsShownAsTextAndNothingIsFetched)
{
    const std::string hostile = "<img src=\"http://evil.example/x.png\"><script>alert(1)</script>";
    const auto id = ingest("evil", "<b>Bold</b> title", hostile);

    ConversationPane& pane = openPane();
    pane.show();
    pane.showConversation(id);
    QCoreApplication::processEvents();

    const QString thread = pane.threadView()->toPlainText();
    EXPECT_TRUE(thread.contains(QString::fromStdString(hostile))) << thread.toStdString();
    EXPECT_TRUE(thread.contains("<b>Bold</b> title"));
    EXPECT_EQ(pane.threadView()->resourceRequests(), 0);
    EXPECT_FALSE(pane.threadView()->toHtml().contains("<img"));
}

TEST_F(ConversationPaneTest, OnlyWebLinksOfMentionsOpen)
{
    const auto id = ingest("l1", "Link", "Zie de link");
    ConversationPane& pane = openPane();
    pane.showConversation(id);
    emit pane.threadView()->anchorClicked(QUrl("javascript:alert(1)"));
    emit pane.threadView()->anchorClicked(QUrl("https://forum.example/t/l1"));
    ASSERT_EQ(m_opened.size(), 1);
    EXPECT_EQ(m_opened.front(), QUrl("https://forum.example/t/l1"));
}

TEST_F(ConversationPaneTest, ALinkIsShownExactlyAsStored)
{
    // Mastodon's addresses put an @ after a slash; nothing may be added to them.
    const auto id = ingest("@anne/1101", "Link", "Zie de link");
    ConversationPane& pane = openPane();
    pane.showConversation(id);
    const QString thread = pane.threadView()->toPlainText();
    EXPECT_TRUE(thread.contains("https://forum.example/t/@anne/1101")) << thread.toStdString();
    EXPECT_FALSE(thread.contains("//@")) << thread.toStdString();
}

TEST_F(ConversationPaneTest, AuthorCardListsTheCustomersOtherConversationsAndOpensThem)
{
    const auto first = ingest("a1", "Eerste vraag", "Waar blijft mijn bestelling?");
    m_now += 3600;
    const auto second = ingest("a2", "Tweede vraag", "Nog een vraag over de factuur.");
    m_now += 60;
    const auto stranger = ingest("b1", "Andere klant", "Hallo",
                                 {.platform = "feed", .handle = "piet", .displayName = "Piet"});
    m_now += 60;
    // Another Anna Jansen elsewhere is a namesake, not her; her own handle elsewhere is her.
    const auto namesake = ingest("c1", "Naamgenoot", "Hoi", {.platform = "mastodon", .handle = "aj1990",
                                                              .displayName = "Anna Jansen"});
    m_now += 60;
    const auto elsewhere = ingest("d1", "Via Mastodon", "Ook hier een vraag",
                                  {.platform = "mastodon", .handle = "anna", .displayName = "Anna"});
    ASSERT_NE(first, second);

    ConversationPane& pane = openPane();
    pane.show();
    pane.showConversation(second);
    QSignalSpy opened(&pane, &ConversationPane::openConversationRequested);

    QListWidget* others = pane.authorCard()->otherConversations();
    std::vector<qlonglong> listed;
    for (int i = 0; i < others->count(); ++i)
        if (const auto id = others->item(i)->data(Qt::UserRole).toLongLong(); listed.empty() || listed.back() != id)
            listed.push_back(id);   // a conversation takes two lines: what and when, and its snippet
    EXPECT_EQ(listed, (std::vector<qlonglong>{elsewhere, first}));   // newest first
    EXPECT_TRUE(std::find(listed.begin(), listed.end(), stranger) == listed.end());
    EXPECT_TRUE(std::find(listed.begin(), listed.end(), namesake) == listed.end());
    ASSERT_EQ(others->count(), 4);
    EXPECT_TRUE(others->item(2)->text().startsWith(QString("#%1").arg(first))) << others->item(2)->text().toStdString();
    EXPECT_EQ(pane.authorCard()->nameLabel()->text(), "Anna Jansen");

    QTest::mouseClick(others->viewport(), Qt::LeftButton, {}, others->visualItemRect(others->item(2)).center());
    ASSERT_EQ(opened.size(), 1);
    EXPECT_EQ(opened.front().front().toLongLong(), first);
}

TEST_F(ConversationPaneTest, TimelineTellsWhoDidWhat)
{
    const auto id = ingest("t1", "Vraag", "Hallo?");
    m_now += 60;
    ASSERT_TRUE(m_inbox->claim(id, kAgent));
    m_now += 60;
    ASSERT_TRUE(m_inbox->reply(id, kAgent, "Hoi! Sanne", inbox::Channel::OffPlatform));

    ConversationPane& pane = openPane();
    pane.showConversation(id);
    const QString lines = pane.timelineView()->lines().join('\n');
    const auto claimed = lines.indexOf("Sanne de Vries claimed");
    const auto replied = lines.indexOf("Sanne de Vries replied (off-platform)");
    EXPECT_GE(claimed, 0) << lines.toStdString();
    EXPECT_GT(replied, claimed) << lines.toStdString();
    EXPECT_TRUE(lines.contains("Conversation started"));
}

TEST_F(ConversationPaneTest, TagsAndPriorityAreRequestedFromTheWindow)
{
    const auto id = ingest("g1", "Vraag", "Hallo?");
    ASSERT_TRUE(m_inbox->addTag(id, kAgent, "factuur"));
    ConversationPane& pane = openPane();
    pane.show();
    pane.showConversation(id);
    QSignalSpy added(&pane, &ConversationPane::tagAddRequested);
    QSignalSpy removed(&pane, &ConversationPane::tagRemoveRequested);
    QSignalSpy priority(&pane, &ConversationPane::priorityRequested);

    QTest::keyClicks(pane.tagField(), "klacht");
    QTest::keyClick(pane.tagField(), Qt::Key_Return);
    ASSERT_EQ(added.size(), 1);
    EXPECT_EQ(added.front().at(0).toLongLong(), id);
    EXPECT_EQ(added.front().at(1).toString(), "klacht");
    EXPECT_TRUE(pane.tagField()->text().isEmpty());

    auto* remove = pane.findChild<QToolButton*>("removeTag_factuur");
    ASSERT_NE(remove, nullptr);
    QTest::mouseClick(remove, Qt::LeftButton);
    ASSERT_EQ(removed.size(), 1);
    EXPECT_EQ(removed.front().at(1).toString(), "factuur");

    const int urgent = pane.priorityBox()->findData(int(inbox::Priority::Urgent));
    emit pane.priorityBox()->activated(urgent);
    ASSERT_EQ(priority.size(), 1);
    EXPECT_EQ(priority.front().at(1).toInt(), int(inbox::Priority::Urgent));
}

TEST_F(ConversationPaneTest, ReloadKeepsWhatIsBeingWrittenAndShowsTheChange)
{
    const auto id = ingest("r1", "Vraag", "Hallo?");
    ConversationPane& pane = openPane();
    pane.showConversation(id);
    QTest::keyClicks(pane.composerEditor(), "Half af");
    ASSERT_TRUE(m_inbox->addNote(id, kAgent, "Even checken bij logistiek"));
    pane.reload();
    EXPECT_EQ(pane.composerEditor()->toPlainText(), "Half af");
    EXPECT_TRUE(pane.threadView()->toPlainText().contains("Even checken bij logistiek"));
}

TEST_F(ConversationPaneTest, DraftIsEmittedDebouncedAndRestoredWhenShownAgain)
{
    const auto first = ingest("d1", "Vraag", "Hallo?");
    const auto second = ingest("d2", "Andere vraag", "Hoi", {.platform = "feed", .handle = "kees"});
    ConversationPane& pane = openPane();
    pane.showConversation(first);
    QSignalSpy drafts(&pane, &ConversationPane::draftChanged);

    QTest::keyClicks(pane.composerEditor(), "Hoi Anna");
    EXPECT_EQ(drafts.size(), 0);   // not on every key
    ASSERT_TRUE(drafts.wait(2000));
    ASSERT_EQ(drafts.size(), 1);
    EXPECT_EQ(drafts.front().at(0).toLongLong(), first);
    EXPECT_EQ(drafts.front().at(1).toString(), "Hoi Anna");
    ASSERT_TRUE(m_inbox->saveDraft(first, kAgent, drafts.front().at(1).toString().toStdString()));

    // Switching conversations saves what was typed since, at once.
    QTest::keyClicks(pane.composerEditor(), ", dank je");
    pane.showConversation(second);
    ASSERT_EQ(drafts.size(), 2);
    EXPECT_EQ(drafts.at(1).at(1).toString(), "Hoi Anna, dank je");
    EXPECT_TRUE(pane.composerEditor()->toPlainText().isEmpty());

    pane.showConversation(first);
    EXPECT_EQ(pane.composerEditor()->toPlainText(), "Hoi Anna");
}

TEST_F(ConversationPaneTest, ShortcutsFocusTheComposerAndTheNote)
{
    const auto id = ingest("f1", "Vraag", "Hallo?");
    ConversationPane& pane = openPane();
    pane.show();
    pane.activateWindow();
    pane.showConversation(id);
    pane.focusNote();
    EXPECT_EQ(pane.composer()->mode(), earshot::gui::ReplyComposer::Mode::Note);
    QSignalSpy notes(&pane, &ConversationPane::noteRequested);
    QTest::keyClicks(pane.noteEditor(), "Klant belt terug");
    QTest::keyClick(pane.noteEditor(), Qt::Key_Return, Qt::ControlModifier);
    ASSERT_EQ(notes.size(), 1);
    EXPECT_EQ(notes.front().at(1).toString(), "Klant belt terug");
    pane.focusComposer();
    EXPECT_EQ(pane.composer()->mode(), earshot::gui::ReplyComposer::Mode::Reply);
}

}  // namespace
