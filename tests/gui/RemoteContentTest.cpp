// Showing a mention fetches nothing: markup in a mention (images, style sheets, backgrounds
// pointing at a server on 127.0.0.1 that counts every request, and an image on the local
// disk) is shown as text in the mention pane and in the conversation thread. A stock
// QTextBrowser given the same HTML is the control: it does read the local image, so the
// checks below would notice if ours did.
#include <QApplication>
#include <QImage>
#include <QPlainTextEdit>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextFragment>

#include <gtest/gtest.h>

#include <atomic>
#include <memory>

#include "ConversationPane.h"
#include "MentionDetailView.h"
#include "TempWorkspace.h"
#include "TestHttpServer.h"
#include "ThreadView.h"
#include "earshot/inbox/AgentRepository.h"
#include "earshot/store/Mentions.h"

namespace store = earshot::store;
using earshot::gui::ConversationPane;
using earshot::gui::MentionDetailView;

namespace {

// How many images a document holds in its text (an <img> rendered as HTML becomes one).
int imagesIn(const QTextDocument& document)
{
    int images = 0;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            images += it.fragment().charFormat().isImageFormat();
    return images;
}

class RemoteContentTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        // Every request counts, whatever its path.
        m_http.server().set_pre_routing_handler([this](const httplib::Request&, httplib::Response& res) {
            ++m_requests;
            res.status = 404;
            return httplib::Server::HandlerResponse::Handled;
        });
        QImage pixel(4, 4, QImage::Format_RGB32);
        pixel.fill(Qt::red);
        m_localImage = QString::fromStdString((m_workspace.dir() / "pixel.png").string());
        ASSERT_TRUE(pixel.save(m_localImage, "PNG"));

        const std::string server = m_http.url("");
        m_hostile = "<img src=\"" + server + "/inline.png\"> <link rel=\"stylesheet\" href=\"" + server +
                    "/style.css\"> <div style=\"background-image:url(" + server + "/bg.png)\">Hallo</div>"
                    " <img src=\"file://" + m_localImage.toStdString() + "\">";
    }

    std::int64_t ingestHostileMention()
    {
        const auto source = m_workspace.addSource({.name = "Forum", .url = m_http.url("/feed")});
        EXPECT_NE(source, 0);
        EXPECT_TRUE(m_workspace.open().writer().run([](store::Session& session) -> earshot::Status {
            auto agent = earshot::inbox::AgentRepository(session).add({.name = "Sanne"});
            return agent ? earshot::Status(earshot::Ok{}) : earshot::Status(agent.error());
        }));
        const std::vector<store::NewMention> mentions{
            {.externalId = "remote-1", .title = "Kijk <img src=\"" + m_http.url("/title.png") + "\">", .body = m_hostile,
             .link = m_http.url("/post"), .publishedAt = 1'700'000'000,
             .author = {.platform = "feed", .handle = "anna", .displayName = "Anna <img src=\"" + m_http.url("/name.png") + "\">",
                        .profileUrl = m_http.url("/profile")}}};
        const auto stored = m_workspace.ingest(source, mentions, 1'700'000'000);
        EXPECT_EQ(stored.conversationsCreated.size(), 1u);
        return stored.conversationsCreated.empty() ? 0 : stored.conversationsCreated.front();
    }

    // Time for anything lazy (layout, image loading, a network request) to happen.
    static void settle()
    {
        for (int i = 0; i < 10; ++i) {
            QApplication::processEvents();
            QTest::qWait(30);
        }
    }

    earshot::test::TempWorkspace m_workspace;
    earshot::test::TestHttpServer m_http;
    std::atomic<int> m_requests{0};
    QString m_localImage;
    std::string m_hostile;
};

}  // namespace

TEST_F(RemoteContentTest, AStockTextBrowserWouldReadTheLocalImage)
{
    // The control: QTextBrowser loads images from the disk by itself.
    QTextBrowser browser;
    browser.resize(600, 400);
    browser.setHtml(QString::fromStdString(m_hostile));
    browser.show();
    settle();
    EXPECT_GE(imagesIn(*browser.document()), 1);
    const QUrl local = QUrl::fromLocalFile(m_localImage);
    EXPECT_FALSE(browser.document()->resource(QTextDocument::ImageResource, local).isNull());
}

TEST_F(RemoteContentTest, TheMentionPaneFetchesNothing)
{
    MentionDetailView view;
    view.resize(800, 600);
    view.show();
    store::MentionRow row{.id = 1, .sourceId = 1, .sourceName = "Forum", .conversationId = 1, .externalId = "remote-1",
                          .author = "Anna <img src=\"" + m_http.url("/name.png") + "\">",
                          .title = "Kijk <img src=\"" + m_http.url("/title.png") + "\">", .body = m_hostile,
                          .link = m_http.url("/post"), .publishedAt = 1'700'000'000, .ingestedAt = 1'700'000'000};
    view.showMention(row);
    settle();

    EXPECT_EQ(m_requests.load(), 0);
    // The markup is there to read, as text.
    EXPECT_EQ(view.bodyText().toStdString(), m_hostile);
    EXPECT_TRUE(view.titleText().contains("<img"));
    const auto* body = view.findChild<QPlainTextEdit*>(QStringLiteral("mentionBody"));
    ASSERT_NE(body, nullptr);
    EXPECT_EQ(imagesIn(*body->document()), 0);
}

TEST_F(RemoteContentTest, TheConversationThreadFetchesNothing)
{
    const std::int64_t conversation = ingestHostileMention();
    auto reader = m_workspace.open().reader();
    ASSERT_TRUE(reader) << reader.message();
    ConversationPane pane(**reader);
    auto agent = earshot::inbox::AgentRepository(**reader).find("Sanne");
    ASSERT_TRUE(agent) << agent.message();
    pane.setAgent(*agent);
    pane.setLinkOpener([](const QUrl&) {});
    pane.resize(1000, 800);
    pane.show();
    pane.showConversation(conversation);
    settle();

    EXPECT_EQ(m_requests.load(), 0);
    EXPECT_TRUE(pane.threadView()->toPlainText().contains(QString::fromStdString(m_hostile)));
    EXPECT_EQ(imagesIn(*pane.threadView()->document()), 0);
    EXPECT_EQ(pane.threadView()->resourceRequests(), 0);
}
