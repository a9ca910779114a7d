#include "MentionDetailView.h"

#include <QDateTime>
#include <QDesktopServices>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace earshot::gui {

namespace {

QString fromUtf8(const std::string& text) { return QString::fromUtf8(text.data(), qsizetype(text.size())); }

QString formatTime(std::int64_t unixSeconds)
{
    return QDateTime::fromSecsSinceEpoch(unixSeconds).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

// Feeds can carry any scheme; only web links go to the browser.
bool isWebLink(const QUrl& url)
{
    return url.isValid() && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"));
}

}  // namespace

MentionDetailView::MentionDetailView(QWidget* parent)
    : QWidget(parent),
      m_pages(new QStackedWidget(this)),
      m_placeholder(new QLabel(this)),
      m_mentionPage(new QWidget(this)),
      m_title(new QLabel(m_mentionPage)),
      m_meta(new QLabel(m_mentionPage)),
      m_body(new QPlainTextEdit(m_mentionPage)),
      m_link(new QLabel(m_mentionPage))
{
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setTextFormat(Qt::PlainText);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_placeholder->setObjectName(QStringLiteral("mentionPlaceholder"));

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setObjectName(QStringLiteral("mentionTitle"));

    m_meta->setTextFormat(Qt::PlainText);
    m_meta->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_meta->setForegroundRole(QPalette::PlaceholderText);
    m_meta->setObjectName(QStringLiteral("mentionMeta"));

    m_body->setReadOnly(true);
    m_body->setObjectName(QStringLiteral("mentionBody"));

    // Rich text only for the anchor we build ourselves from an escaped URL.
    m_link->setTextFormat(Qt::RichText);
    m_link->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_link->setOpenExternalLinks(false);
    m_link->setObjectName(QStringLiteral("mentionLink"));
    connect(m_link, &QLabel::linkActivated, this, &MentionDetailView::openLink);

    auto* page = new QVBoxLayout(m_mentionPage);
    page->setContentsMargins(0, 0, 0, 0);
    page->addWidget(m_title);
    page->addWidget(m_meta);
    page->addWidget(m_body, 1);
    page->addWidget(m_link);

    m_pages->addWidget(m_placeholder);
    m_pages->addWidget(m_mentionPage);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(m_pages);

    showPlaceholder(tr("Select a mention to read it here."));
}

void MentionDetailView::showMention(const store::MentionRow& mention)
{
    m_mentionId = mention.id;
    const QString title = fromUtf8(mention.title).simplified();
    m_title->setText(title.isEmpty() ? tr("(no title)") : title);

    QStringList meta;
    meta << fromUtf8(mention.sourceName);
    if (!mention.author.empty())
        meta << tr("by %1").arg(fromUtf8(mention.author));
    if (mention.publishedAt)
        meta << tr("published %1").arg(formatTime(*mention.publishedAt));
    meta << tr("ingested %1").arg(formatTime(mention.ingestedAt));
    m_meta->setText(meta.join(QStringLiteral("  ·  ")));
    m_body->setPlainText(fromUtf8(mention.body));

    const QString link = fromUtf8(mention.link);
    const QUrl url(link);
    if (link.isEmpty())
        m_link->setText(tr("No link"));
    else if (isWebLink(url))
        m_link->setText(QStringLiteral("<a href=\"%1\">%2</a>")
                            .arg(url.toString(QUrl::FullyEncoded).toHtmlEscaped(), link.toHtmlEscaped()));
    else
        m_link->setText(link.toHtmlEscaped());
    m_link->setToolTip(link);
    m_pages->setCurrentWidget(m_mentionPage);
}

void MentionDetailView::showPlaceholder(const QString& message)
{
    m_mentionId = 0;
    m_placeholder->setText(message);
    m_title->clear();
    m_meta->clear();
    m_body->clear();
    m_link->clear();
    m_link->setToolTip({});
    m_pages->setCurrentWidget(m_placeholder);
}

QString MentionDetailView::titleText() const
{
    return m_pages->currentWidget() == m_placeholder ? m_placeholder->text() : m_title->text();
}
QString MentionDetailView::bodyText() const { return m_body->toPlainText(); }
QString MentionDetailView::linkText() const { return m_link->toolTip(); }

void MentionDetailView::openLink(const QString& link)
{
    const QUrl url(link);
    if (isWebLink(url))
        QDesktopServices::openUrl(url);
}

}  // namespace earshot::gui
