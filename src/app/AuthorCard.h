// Who the customer is: name, handle, platform, reach, profile link, and the other
// conversations Earshot has with them (the same author, and the same handle or full name on
// other platforms), so an agent sees the history before answering.
#pragma once

#include <QWidget>

#include <cstdint>
#include <functional>

#include "earshot/inbox/ConversationReader.h"
#include "earshot/store/Session.h"

class QLabel;
class QListWidget;
class QListWidgetItem;

namespace earshot::gui {

class AuthorCard : public QWidget {
    Q_OBJECT

public:
    using LinkOpener = std::function<void(const QUrl&)>;

    explicit AuthorCard(store::Session& reader, QWidget* parent = nullptr);

    void showCustomer(const inbox::ConversationDetail& detail);
    void clearCustomer();
    void setLinkOpener(LinkOpener opener) { m_opener = std::move(opener); }

    QLabel* nameLabel() const { return m_name; }
    QListWidget* otherConversations() const { return m_others; }

signals:
    void openConversationRequested(qint64 conversationId);

private:
    void loadOthers(std::int64_t conversationId);
    void activate(QListWidgetItem* item);

    store::Session& m_reader;
    LinkOpener m_opener;
    QLabel* m_name;
    QLabel* m_handle;
    QLabel* m_details;
    QLabel* m_profile;
    QLabel* m_othersTitle;
    QListWidget* m_others;
};

}  // namespace earshot::gui
