#include "ThreadView.h"

#include <QDesktopServices>
#include <QEvent>
#include <QScrollBar>
#include <QTimer>

#include <algorithm>

#include "ConversationFormat.h"

namespace earshot::gui {

using conversation::fromUtf8;
using conversation::paragraphs;

namespace {

enum class Kind { Mention, Reply, Note };

struct Item {
    std::int64_t at = 0;
    Kind kind = Kind::Mention;
    std::size_t index = 0;
};

QString colour(const QColor& c) { return c.name(QColor::HexRgb); }

}  // namespace

ThreadView::ThreadView(QWidget* parent)
    : QTextBrowser(parent), m_opener([](const QUrl& url) { QDesktopServices::openUrl(url); })
{
    setObjectName(QStringLiteral("threadView"));
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setFrameShape(QFrame::NoFrame);
    document()->setDocumentMargin(12);
    connect(this, &QTextBrowser::anchorClicked, this, &ThreadView::openLink);
}

QVariant ThreadView::loadResource(int, const QUrl&)
{
    ++m_resourceRequests;
    return {};
}

void ThreadView::showConversation(const inbox::ConversationDetail& detail)
{
    const bool same = detail.id == m_conversationId;
    QScrollBar* bar = verticalScrollBar();
    const int previous = bar->value();
    const bool atBottom = previous >= bar->maximum() - 4;
    m_conversationId = detail.id;
    m_detail = detail;
    setHtml(buildHtml(detail));
    const auto place = [this, bar, keep = same && !atBottom, previous] {
        bar->setValue(keep ? previous : bar->maximum());
    };
    place();
    // The document lays itself out again once the view has its final size (first show, a
    // new scroll bar), which moves the maximum; place once more after that.
    QTimer::singleShot(0, this, place);
}

void ThreadView::clearConversation()
{
    m_conversationId = 0;
    m_detail = {};
    clear();
}

void ThreadView::openLink(const QUrl& url)
{
    if (conversation::isWebLink(url) && m_opener)
        m_opener(url);
}

void ThreadView::changeEvent(QEvent* event)
{
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_conversationId != 0) {
        const int at = verticalScrollBar()->value();
        setHtml(buildHtml(m_detail));
        verticalScrollBar()->setValue(at);
    }
}

QString ThreadView::buildHtml(const inbox::ConversationDetail& detail) const
{
    std::vector<Item> items;
    items.reserve(detail.mentions.size() + detail.replies.size() + detail.notes.size());
    for (std::size_t i = 0; i < detail.mentions.size(); ++i) {
        const auto& mention = detail.mentions[i];
        items.push_back({mention.publishedAt.value_or(mention.ingestedAt), Kind::Mention, i});
    }
    for (std::size_t i = 0; i < detail.replies.size(); ++i)
        items.push_back({detail.replies[i].sentAt, Kind::Reply, i});
    for (std::size_t i = 0; i < detail.notes.size(); ++i)
        items.push_back({detail.notes[i].createdAt, Kind::Note, i});
    // Stable: within a second the reader's own order (mentions, replies, notes) stands.
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.at < b.at; });

    const QPalette& p = palette();
    const QString muted = colour(p.color(QPalette::PlaceholderText));
    const QString link = colour(p.color(QPalette::Link));
    const QString customerBg = colour(conversation::customerTint(p));
    const QString replyBg = colour(conversation::replyTint(p));
    const QString noteBg = colour(conversation::noteTint(p));
    const QString customer = fromUtf8(detail.customerName.empty() ? detail.customerHandle : detail.customerName);

    QString html;
    html.reserve(int(items.size()) * 600);
    html += QStringLiteral("<html><body>");
    // One table per message: QTextDocument gives tables a background and padding, blocks not.
    const auto open = [&](const QString& bg, int indent) {
        html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"10\" bgcolor=\"%1\" "
                               "style=\"margin-top:0px; margin-bottom:10px; margin-left:%2px; margin-right:%3px;\"><tr><td>")
                    .arg(bg)
                    .arg(indent)
                    .arg(indent == 0 ? 48 : 0);
    };
    const auto meta = [&](const QString& who, const QString& what) {
        html += QStringLiteral("<p style=\"margin:0 0 6px 0;\"><b>%1</b><span style=\"color:%2;\"> · %3</span></p>")
                    .arg(who.toHtmlEscaped(), muted, what.toHtmlEscaped());
    };
    for (const Item& item : items) {
        switch (item.kind) {
        case Kind::Mention: {
            const auto& m = detail.mentions[item.index];
            open(customerBg, 0);
            QString who = fromUtf8(m.authorName.empty() ? m.authorHandle : m.authorName);
            if (who.isEmpty())
                who = customer.isEmpty() ? tr("Unknown author") : customer;
            QString what = conversation::shortTime(item.at);
            if (!m.authorHandle.empty() && !m.authorName.empty())
                what = fromUtf8(m.authorHandle) + QStringLiteral(" · ") + what;
            meta(who, what);
            const QString title = fromUtf8(m.title).simplified();
            if (!title.isEmpty())
                html += QStringLiteral("<p style=\"margin:0 0 4px 0;\"><b>%1</b></p>").arg(title.toHtmlEscaped());
            html += QStringLiteral("<p style=\"margin:0;\">%1</p>").arg(paragraphs(m.body));
            const QString target = fromUtf8(m.link);
            const QUrl url(target);
            if (conversation::isWebLink(url))
                html += QStringLiteral("<p style=\"margin:6px 0 0 0;\"><a style=\"color:%1;\" href=\"%2\">%3</a></p>")
                            .arg(link, url.toString(QUrl::FullyEncoded).toHtmlEscaped(), target.toHtmlEscaped());
            else if (!target.isEmpty())
                html += QStringLiteral("<p style=\"margin:6px 0 0 0; color:%1;\">%2</p>").arg(muted, target.toHtmlEscaped());
            break;
        }
        case Kind::Reply: {
            const auto& r = detail.replies[item.index];
            open(replyBg, 48);
            QString channel = tr("off-platform");
            if (r.channel == inbox::Channel::Platform)
                channel = r.delivery == domain::Delivery::Sent      ? tr("posted on the platform")
                          : r.delivery == domain::Delivery::Failed  ? tr("not posted")
                          : r.delivery == domain::Delivery::Sending || r.delivery == domain::Delivery::Posting ? tr("posting…")
                                                    : tr("on the platform");
            meta(fromUtf8(r.agent), channel + QStringLiteral(" · ") + conversation::shortTime(r.sentAt));
            html += QStringLiteral("<p style=\"margin:0;\">%1</p>").arg(paragraphs(r.body));
            const QUrl posted(fromUtf8(r.platformUrl));
            if (r.delivery == domain::Delivery::Sent && conversation::isWebLink(posted))
                html += QStringLiteral("<p style=\"margin:6px 0 0 0;\"><a style=\"color:%1;\" href=\"%2\">%3</a></p>")
                            .arg(link, posted.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                 fromUtf8(r.platformUrl).toHtmlEscaped());
            if (r.delivery == domain::Delivery::Failed)
                html += QStringLiteral("<p style=\"margin:6px 0 0 0; color:%1;\">%2</p>")
                            .arg(muted, tr("Not posted: %1 — Ctrl+Shift+R sends it again.")
                                            .arg(fromUtf8(r.deliveryError))
                                            .toHtmlEscaped());
            break;
        }
        case Kind::Note: {
            const auto& n = detail.notes[item.index];
            open(noteBg, 48);
            // The words say it as well as the tint: colour alone is not enough for everyone, and
            // a lock emoji needs a font many desktops lack.
            meta(tr("Internal note") + QStringLiteral(" · ") + fromUtf8(n.agent),
                 conversation::shortTime(n.createdAt));
            html += QStringLiteral("<p style=\"margin:0;\">%1</p>").arg(paragraphs(n.body));
            break;
        }
        }
        html += QStringLiteral("</td></tr></table>");
    }
    if (items.empty())
        html += QStringLiteral("<p style=\"color:%1;\">%2</p>").arg(muted, tr("No messages in this conversation."));
    html += QStringLiteral("</body></html>");
    return html;
}

}  // namespace earshot::gui
