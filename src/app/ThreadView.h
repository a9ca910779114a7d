// The conversation as one readable column: the customer's mentions, the agents' replies and
// the internal notes, oldest first. Everything a customer wrote is shown as plain text: the
// document is built from escaped strings, only http(s) links become anchors, and no
// resource (image, style sheet) is ever loaded, so a mention cannot reach the network or
// change how the console looks.
#pragma once

#include <QTextBrowser>

#include <functional>

#include "earshot/inbox/ConversationReader.h"

namespace earshot::gui {

class ThreadView : public QTextBrowser {
    Q_OBJECT

public:
    using LinkOpener = std::function<void(const QUrl&)>;

    explicit ThreadView(QWidget* parent = nullptr);

    // Keeps the scroll position when the same conversation is shown again (a reload), and
    // follows new messages when the view was at the bottom; another conversation starts at
    // its newest message, which is what the agent answers.
    void showConversation(const inbox::ConversationDetail& detail);
    void clearConversation();
    void setLinkOpener(LinkOpener opener) { m_opener = std::move(opener); }

    // How often the document asked for a resource: stays 0, whatever the mentions contain.
    int resourceRequests() const { return m_resourceRequests; }

    QVariant loadResource(int type, const QUrl& name) override;

protected:
    void changeEvent(QEvent* event) override;

private:
    QString buildHtml(const inbox::ConversationDetail& detail) const;
    void openLink(const QUrl& url);

    std::int64_t m_conversationId = 0;
    // The last conversation shown, to rebuild with new colours when the theme changes.
    inbox::ConversationDetail m_detail;
    LinkOpener m_opener;
    int m_resourceRequests = 0;
};

}  // namespace earshot::gui
