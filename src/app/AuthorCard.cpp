#include "AuthorCard.h"

#include <QDesktopServices>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QVBoxLayout>

#include "ConversationFormat.h"

namespace earshot::gui {

using conversation::fromUtf8;

namespace {

constexpr int kOtherLimit = 30;



}  // namespace

AuthorCard::AuthorCard(store::Session& reader, QWidget* parent)
    : QWidget(parent),
      m_reader(reader),
      m_opener([](const QUrl& url) { QDesktopServices::openUrl(url); }),
      m_name(new QLabel(this)),
      m_handle(new QLabel(this)),
      m_details(new QLabel(this)),
      m_profile(new QLabel(this)),
      m_othersTitle(new QLabel(tr("Other conversations"), this)),
      m_others(new QListWidget(this))
{
    setObjectName(QStringLiteral("authorCard"));
    QFont bold = m_name->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    m_name->setFont(bold);
    m_name->setObjectName(QStringLiteral("authorName"));
    for (auto* label : {m_name, m_handle, m_details}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_handle->setForegroundRole(QPalette::PlaceholderText);
    m_details->setForegroundRole(QPalette::PlaceholderText);

    // Rich text only for the anchor we build from an escaped URL.
    m_profile->setTextFormat(Qt::RichText);
    m_profile->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_profile->setOpenExternalLinks(false);
    m_profile->setObjectName(QStringLiteral("authorProfileLink"));
    connect(m_profile, &QLabel::linkActivated, this, [this](const QString& link) {
        const QUrl url(link);
        if (conversation::isWebLink(url) && m_opener)
            m_opener(url);
    });

    QFont small = m_othersTitle->font();
    small.setBold(true);
    m_othersTitle->setFont(small);
    m_others->setObjectName(QStringLiteral("authorOtherConversations"));
    m_others->setUniformItemSizes(true);
    m_others->setFrameShape(QFrame::NoFrame);
    m_others->setTextElideMode(Qt::ElideRight);
    // The card has a fixed width; long snippets are elided rather than scrolled sideways.
    m_others->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_others->viewport()->setAutoFillBackground(false);
    m_others->setToolTip(tr("Click to open"));
    connect(m_others, &QListWidget::itemClicked, this, &AuthorCard::activate);
    connect(m_others, &QListWidget::itemActivated, this, &AuthorCard::activate);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(4);
    layout->addWidget(m_name);
    layout->addWidget(m_handle);
    layout->addWidget(m_details);
    layout->addWidget(m_profile);
    layout->addSpacing(14);
    layout->addWidget(m_othersTitle);
    layout->addWidget(m_others, 1);
    clearCustomer();
}

void AuthorCard::showCustomer(const inbox::ConversationDetail& detail)
{
    const QString name = fromUtf8(detail.customerName);
    const QString handle = fromUtf8(detail.customerHandle);
    m_name->setText(!name.isEmpty() ? name : !handle.isEmpty() ? handle : tr("Unknown customer"));
    m_handle->setText(handle);
    m_handle->setVisible(!handle.isEmpty() && handle != m_name->text());

    QStringList details;
    if (!detail.customerPlatform.empty()) {
        // Feed authors are scoped per site ("feed:forum.example"); the site is what people know.
        QString platform = fromUtf8(detail.customerPlatform);
        if (platform.startsWith(QLatin1String("feed:")))
            platform = platform.mid(5);
        details << platform;
    }
    if (detail.customerFollowers)
        details << tr("%1 followers").arg(QLocale().toString(qlonglong(*detail.customerFollowers)));
    m_details->setText(details.join(QStringLiteral(" · ")));
    m_details->setVisible(!details.isEmpty());

    const QString profile = fromUtf8(detail.customerProfileUrl);
    const QUrl url(profile);
    if (conversation::isWebLink(url)) {
        m_profile->setText(QStringLiteral("<a href=\"%1\">%2</a>")
                               .arg(url.toString(QUrl::FullyEncoded).toHtmlEscaped(), tr("Profile").toHtmlEscaped()));
        m_profile->setToolTip(profile);
        m_profile->setVisible(true);
    } else {
        m_profile->clear();
        m_profile->setToolTip({});
        m_profile->setVisible(false);
    }
    loadOthers(detail.id);
}

void AuthorCard::clearCustomer()
{
    m_name->clear();
    m_handle->clear();
    m_details->clear();
    m_profile->clear();
    m_others->clear();
    m_othersTitle->setVisible(false);
    m_others->setVisible(false);
}

void AuthorCard::loadOthers(std::int64_t conversationId)
{
    m_others->clear();
    m_othersTitle->setVisible(true);
    m_others->setVisible(true);
    auto others = m_reader.conversations().customersOthers(conversationId, kOtherLimit);
    if (!others)
        m_others->addItem(tr("Could not read: %1").arg(fromUtf8(others.message())));
    const QColor muted = palette().color(QPalette::PlaceholderText);
    for (const store::CustomerConversation& other : others ? *others : std::vector<store::CustomerConversation>{}) {
        const QString snippet = fromUtf8(other.snippet).simplified();
        auto* item = new QListWidgetItem(tr("#%1 · %2 · %3")
                                             .arg(other.id)
                                             .arg(conversation::statusText(other.status),
                                                  conversation::shortTime(other.lastCustomerAt)));
        item->setData(Qt::UserRole, qint64(other.id));
        item->setToolTip(tr("%1\n%2").arg(fromUtf8(other.sourceName), snippet));
        m_others->addItem(item);
        if (!snippet.isEmpty()) {
            // A second, muted line with the customer's words; it opens the same conversation.
            auto* words = new QListWidgetItem(QStringLiteral("    ") + snippet.left(80));
            words->setData(Qt::UserRole, qint64(other.id));
            words->setForeground(muted);
            m_others->addItem(words);
        }
    }
    if (m_others->count() == 0) {
        auto* none = new QListWidgetItem(tr("None"));
        none->setForeground(muted);
        none->setFlags(Qt::NoItemFlags);
        m_others->addItem(none);
    }
}

void AuthorCard::activate(QListWidgetItem* item)
{
    const qint64 id = item ? item->data(Qt::UserRole).toLongLong() : 0;
    if (id > 0)
        emit openConversationRequested(id);
}

}  // namespace earshot::gui
