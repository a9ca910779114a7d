// The console posting a reply on Mastodon: the agent types and sends as always, and the
// reply goes out with the token the system keychain holds for the source. The keychain
// tests run in ctest's keychain_tests, on a Secret Service of their own.
#include <gtest/gtest.h>

#include <QApplication>
#include <QComboBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTest>

#include <algorithm>
#include <cstdlib>
#include <mutex>

#include "Console.h"
#include "ConversationPane.h"
#include "InboxWindow.h"
#include "OpenConsole.h"
#include "ReplyComposer.h"
#include "SourceSecrets.h"
#include "TempWorkspace.h"
#include "TestHttpServer.h"
#include "ThreadView.h"
#include "earshot/connectors/PlatformSource.h"
#include "earshot/engine/Engine.h"
#include "earshot/inbox/AgentRepository.h"
#include "earshot/store/ConversationStore.h"
#include "earshot/store/InboxStore.h"
#include "earshot/store/SourceStore.h"

using namespace earshot;

namespace {

class PlatformReply {
public:
    PlatformReply()
    {
        http.server().Get("/api/v1/timelines/tag/vondelfiets", [](const httplib::Request&, httplib::Response& res) {
            res.set_content(R"([{"id":"41","uri":"https://social.example/users/anne/statuses/41",
                "url":"https://social.example/@anne/41","created_at":"2026-11-30T10:00:00Z","visibility":"public",
                "content":"<p>Mijn #vondelfiets piept</p>","account":{"acct":"anne@social.example",
                "display_name":"Anne","url":"https://social.example/@anne"}}])",
                            "application/json");
        });
        http.server().Post("/api/v1/statuses", [this](const httplib::Request& request, httplib::Response& res) {
            std::lock_guard lock(mutex);
            authorizations.push_back(request.get_header_value("Authorization"));
            if (failNext) {
                failNext = false;
                res.status = 503;
                res.set_content(R"({"error":"Service Unavailable"})", "application/json");
                return;
            }
            res.set_content(R"({"id":"900","url":"https://social.example/@vondelfiets/900"})", "application/json");
        });
        auto source = connectors::makePlatformSource(
            {.kind = "mastodon-tag", .instance = "social.example", .tag = "vondelfiets", .api = http.url("")});
        sourceId = workspace.addSource(*source);
        EXPECT_TRUE(workspace.open().writer().run([](store::Session& session) -> Status {
            auto agent = inbox::AgentRepository(session).add({.name = "Sanne de Vries", .firstName = "Sanne"});
            return agent ? Status(Ok{}) : Status(agent.error());
        }));
        auto engine = engine::Engine::open(workspace.open(), nullptr);
        (*engine)->pollOnce();
    }

    // Opens the console as Sanne, once.
    void open()
    {
        if (console)
            return;
        console = test::openConsoleAs(workspace.dbPath(), "Sanne de Vries");
        ASSERT_TRUE(console && console->inbox());
        window = console->inbox();
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window));
    }

    // Sends a reply to the one conversation.
    void sendReply(const QString& text)
    {
        open();
        window->pane()->focusComposer();
        QTest::keyClicks(window->pane()->composerEditor(), text);
        QTest::mouseClick(window->pane()->composer()->sendButton(), Qt::LeftButton);
        window->waitForPosting();
    }

    // The one conversation the poll heard, and its latest reply, as the console and the CLI read them.
    std::int64_t conversationId()
    {
        auto page = workspace.reader()->conversations().list({.view = store::ConversationView::All}, 10);
        EXPECT_TRUE(page && page->rows.size() == 1u) << (page ? "" : page.message());
        return page && !page->rows.empty() ? page->rows.front().id : 0;
    }
    store::ConversationReply latestReply()
    {
        const auto replies = workspace.conversation(conversationId()).replies;
        EXPECT_FALSE(replies.empty());
        if (replies.empty())
            return {};
        return *std::max_element(replies.begin(), replies.end(),
                                 [](const auto& a, const auto& b) { return a.id < b.id; });
    }
    std::string delivery() { return std::string(domain::deliveryName(latestReply().delivery)); }
    QString thread()
    {
        window->selectConversation(1);
        return window->pane()->threadView()->toPlainText();
    }

    test::TempWorkspace workspace;
    test::TestHttpServer http;
    std::int64_t sourceId = 0;
    std::mutex mutex;
    std::vector<std::string> authorizations;
    bool failNext = false;
    std::unique_ptr<gui::Console> console;
    gui::InboxWindow* window = nullptr;
};

}  // namespace

TEST(SourceSecrets, TheConsolePostsAReplyWithTheTokenFromTheKeychainAndResendsAFailedOne)
{
    if (!std::getenv("EARSHOT_KEYRING_TEST"))
        GTEST_SKIP() << "no Secret Service on this session; ctest's keychain_tests runs these";
    PlatformReply setup;
    ASSERT_EQ(gui::SourceSecrets().store(setup.sourceId, QStringLiteral("brand-t0ken")), QString());

    setup.failNext = true;
    setup.sendReply(QStringLiteral("Dank je Anne, we bellen je vandaag. Groet, Sanne"));
    EXPECT_EQ(setup.delivery(), "failed");
    EXPECT_TRUE(setup.window->statusBar()->currentMessage().contains(QStringLiteral("Ctrl+Shift+R")))
        << setup.window->statusBar()->currentMessage().toStdString();
    EXPECT_TRUE(setup.thread().contains(QStringLiteral("Not posted: Mastodon did not post the reply")))
        << setup.thread().toStdString();

    QTest::keyClick(setup.window, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    setup.window->waitForPosting();
    EXPECT_EQ(setup.delivery(), "sent");
    ASSERT_EQ(setup.authorizations.size(), 2u);
    EXPECT_EQ(setup.authorizations[1], "Bearer brand-t0ken");
    EXPECT_TRUE(setup.thread().contains(QStringLiteral("https://social.example/@vondelfiets/900")));
    // The token stays in the keychain: no source in the workspace holds it.
    const auto sources = setup.workspace.reader()->sources().list();
    ASSERT_TRUE(sources && !sources->empty());
    for (const store::Source& source : *sources)
        EXPECT_EQ(source.settings.find("brand-t0ken"), std::string::npos) << source.settings;
    ASSERT_EQ(gui::SourceSecrets().store(setup.sourceId, QString()), QString());
}

TEST(PlatformReplyTest, WithoutATokenTheReplyIsKeptAsNotPostedAndSaysHowToGetOne)
{
    if (std::getenv("EARSHOT_KEYRING_TEST"))
        GTEST_SKIP() << "for a session without a token";
    PlatformReply setup;
    setup.open();
    // A Mastodon conversation lets the agent choose who sees the reply.
    QComboBox* visibility = setup.window->pane()->composer()->visibilityField();
    ASSERT_TRUE(visibility->isVisible());
    visibility->setCurrentIndex(visibility->findData(QStringLiteral("direct")));
    setup.sendReply(QStringLiteral("Dank je Anne, we bellen je vandaag. Groet, Sanne"));
    EXPECT_EQ(setup.delivery(), "failed");
    // What the publisher posts with (the reply as it goes out to the platform).
    const auto outgoing = setup.workspace.reader()->inbox().outgoingReply(setup.latestReply().id);
    ASSERT_TRUE(outgoing && *outgoing) << (outgoing ? "no such reply" : outgoing.message());
    EXPECT_EQ((*outgoing)->visibility, "direct");
    EXPECT_TRUE(setup.authorizations.empty()) << "nothing is sent without a token";
    EXPECT_TRUE(setup.thread().contains(QStringLiteral("New application"))) << setup.thread().toStdString();
}
