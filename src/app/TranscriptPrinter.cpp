#include "TranscriptPrinter.h"

#include <QAbstractTextDocumentLayout>
#include <QCheckBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFile>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QMessageBox>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPrinter>
#include <QPushButton>
#include <QStandardPaths>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>
#include <QTimeZone>

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <vector>

#include "ConversationFormat.h"
#include "TimelineView.h"
#include "earshot/core/Files.h"
#include "earshot/inbox/ConversationReader.h"
#include "earshot/inbox/Vocabulary.h"

namespace earshot::gui {

using conversation::fromUtf8;
using conversation::paragraphs;
using conversation::toUtf8;

namespace {

// Paper colours, not the palette's: a transcript printed from a dark theme must still be
// black on white, and the tints must survive a grey-scale printer, which is why every kind
// of entry also says what it is in words.
const QString kText = QStringLiteral("#1a1a1a");
const QString kMuted = QStringLiteral("#5f6368");
const QString kCustomerBg = QStringLiteral("#f1f3f4");
const QString kReplyBg = QStringLiteral("#e8f0fe");
const QString kNoteBg = QStringLiteral("#fef3cd");

enum class Kind { Mention, Reply, Note, Event };

struct Item {
    std::int64_t at = 0;
    Kind kind = Kind::Mention;
    std::size_t index = 0;
};

QString nativePath(const QString& path) { return QDir::toNativeSeparators(path); }

std::filesystem::path fsPath(const QString& path) { return std::filesystem::path(path.toStdU16String()); }

// The translation context of every string in this file (lupdate reads it from the macro).
class Transcript {
    Q_DECLARE_TR_FUNCTIONS(earshot::gui::TranscriptPrinter)

public:
    Transcript(const inbox::ConversationDetail& detail, const std::vector<inbox::TimelineEntry>& timeline,
               bool includeNotes)
        : m_detail(detail), m_timeline(timeline), m_includeNotes(includeNotes)
    {
    }

    QString html() const;
    // "Anna Jansen", else the handle: who the transcript is about, for the title and footer.
    static QString customer(const inbox::ConversationDetail& detail);

private:
    std::vector<Item> items() const;
    bool printable(const inbox::TimelineEntry& entry) const;
    void addHeader(QString& html) const;
    void addMention(QString& html, const inbox::ConversationMention& mention, std::int64_t at) const;
    void addReply(QString& html, const inbox::ConversationReply& reply) const;
    void addNote(QString& html, const inbox::ConversationNote& note) const;
    void addEvent(QString& html, const inbox::TimelineEntry& entry) const;
    QString replyState(const inbox::ConversationReply& reply) const;

    const inbox::ConversationDetail& m_detail;
    const std::vector<inbox::TimelineEntry>& m_timeline;
    bool m_includeNotes;
};

QString Transcript::customer(const inbox::ConversationDetail& detail)
{
    const QString name = fromUtf8(detail.customerName);
    return !name.isEmpty() ? name : fromUtf8(detail.customerHandle);
}

// The workflow a reader of the record needs: who held the conversation and how its status
// moved. Replies and notes are printed in full, so their events would only repeat them; tags
// and priority are triage, not the story.
bool Transcript::printable(const inbox::TimelineEntry& entry) const
{
    using domain::EventKind;
    switch (entry.kind) {
    case EventKind::Claimed:
    case EventKind::Released:
    case EventKind::Assigned:
    case EventKind::TakenOver:
    case EventKind::StatusChanged:
    case EventKind::Reopened:
        return true;
    case EventKind::CheckOverridden:
        // Why an agent sent a reply a check objected to is the team's own commentary, like a note.
        return m_includeNotes;
    default:
        return false;
    }
}

std::vector<Item> Transcript::items() const
{
    std::vector<Item> out;
    out.reserve(m_detail.mentions.size() + m_detail.replies.size() + m_detail.notes.size() + m_timeline.size());
    for (std::size_t i = 0; i < m_detail.mentions.size(); ++i) {
        const auto& mention = m_detail.mentions[i];
        out.push_back({mention.publishedAt.value_or(mention.ingestedAt), Kind::Mention, i});
    }
    for (std::size_t i = 0; i < m_detail.replies.size(); ++i)
        out.push_back({m_detail.replies[i].sentAt, Kind::Reply, i});
    if (m_includeNotes) {
        for (std::size_t i = 0; i < m_detail.notes.size(); ++i)
            out.push_back({m_detail.notes[i].createdAt, Kind::Note, i});
    }
    for (std::size_t i = 0; i < m_timeline.size(); ++i) {
        if (printable(m_timeline[i]))
            out.push_back({m_timeline[i].at, Kind::Event, i});
    }
    // Stable, as in the thread view: within a second the reader's own order stands.
    std::stable_sort(out.begin(), out.end(), [](const Item& a, const Item& b) { return a.at < b.at; });
    return out;
}

QString Transcript::html() const
{
    const std::vector<Item> entries = items();
    QString html;
    html.reserve(4000 + int(entries.size()) * 700);
    html += QStringLiteral("<html><body style=\"color:%1;\">").arg(kText);
    addHeader(html);
    for (const Item& item : entries) {
        switch (item.kind) {
        case Kind::Mention: addMention(html, m_detail.mentions[item.index], item.at); break;
        case Kind::Reply: addReply(html, m_detail.replies[item.index]); break;
        case Kind::Note: addNote(html, m_detail.notes[item.index]); break;
        case Kind::Event: addEvent(html, m_timeline[item.index]); break;
        }
    }
    if (m_detail.mentions.empty() && m_detail.replies.empty())
        html += QStringLiteral("<p style=\"color:%1;\">%2</p>").arg(kMuted, tr("No messages in this conversation."));
    html += QStringLiteral("</body></html>");
    return html;
}

void Transcript::addHeader(QString& html) const
{
    const auto& d = m_detail;
    html += QStringLiteral("<h1 style=\"font-size:17pt; margin:0 0 2px 0;\">%1</h1>")
                .arg(tr("Conversation #%1").arg(d.id).toHtmlEscaped());
    const QString printed = tr("Transcript printed %1").arg(conversation::fullTime(QDateTime::currentSecsSinceEpoch()));
    const QString notes = m_includeNotes ? tr("with internal notes") : tr("without internal notes");
    html += QStringLiteral("<p style=\"margin:0 0 14px 0; color:%1;\">%2 · %3</p>")
                .arg(kMuted, printed.toHtmlEscaped(), notes.toHtmlEscaped());

    QString customer = Transcript::customer(d);
    QString who = customer.isEmpty() ? tr("Unknown customer").toHtmlEscaped()
                                     : QStringLiteral("<b>%1</b>").arg(customer.toHtmlEscaped());
    QStringList about;
    if (!d.customerName.empty() && !d.customerHandle.empty())
        about << fromUtf8(d.customerHandle);
    if (!d.customerPlatform.empty())
        about << fromUtf8(d.customerPlatform);
    if (!about.isEmpty())
        who += QStringLiteral("<span style=\"color:%1;\"> · %2</span>")
                   .arg(kMuted, about.join(QStringLiteral(" · ")).toHtmlEscaped());
    if (!d.customerProfileUrl.empty())
        who += QStringLiteral("<br><span style=\"color:%1;\">%2</span>")
                   .arg(kMuted, fromUtf8(d.customerProfileUrl).toHtmlEscaped());

    std::vector<std::pair<QString, QString>> rows;   // label, HTML
    rows.emplace_back(tr("Customer"), who);
    rows.emplace_back(tr("Source"), fromUtf8(d.sourceName).toHtmlEscaped());
    rows.emplace_back(tr("Status"), conversation::statusText(d.status).toHtmlEscaped());
    rows.emplace_back(tr("Assigned to"),
                      (d.assignee.empty() ? tr("Nobody") : fromUtf8(d.assignee)).toHtmlEscaped());
    rows.emplace_back(tr("Created"), conversation::fullTime(d.createdAt).toHtmlEscaped());
    if (d.firstResponseAt)
        rows.emplace_back(tr("First response"),
                          tr("%1 (after %2)")
                              .arg(conversation::fullTime(*d.firstResponseAt),
                                   conversation::duration(*d.firstResponseAt - d.createdAt))
                              .toHtmlEscaped());
    if (d.resolvedAt)
        rows.emplace_back(tr("Resolved"), conversation::fullTime(*d.resolvedAt).toHtmlEscaped());

    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\" style=\"margin-bottom:6px;\">");
    for (const auto& [label, value] : rows)
        html += QStringLiteral("<tr><td style=\"color:%1; padding-right:18px;\">%2</td><td>%3</td></tr>")
                    .arg(kMuted, label.toHtmlEscaped(), value);
    html += QStringLiteral("</table>");
    // A printed page travels; "14:32" means little without saying whose clock it is.
    const QString zone = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    html += QStringLiteral("<p style=\"margin:0 0 10px 0; color:%1; font-size:8pt;\">%2</p>")
                .arg(kMuted, tr("All times are local time (%1).").arg(zone).toHtmlEscaped());
    html += QStringLiteral("<hr style=\"margin-bottom:10px;\">");
}

// One table per entry: QTextDocument gives tables a background and padding, blocks not.
QString openEntry(const QString& background, int indent)
{
    return QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"8\" bgcolor=\"%1\" "
                          "style=\"margin-top:0px; margin-bottom:8px; margin-left:%2px; margin-right:%3px;\">"
                          "<tr><td>")
        .arg(background)
        .arg(indent)
        .arg(indent == 0 ? 36 : 0);
}

QString metaLine(const QString& who, const QString& what)
{
    return QStringLiteral("<p style=\"margin:0 0 4px 0;\"><b>%1</b><span style=\"color:%2;\"> · %3</span></p>")
        .arg(who.toHtmlEscaped(), kMuted, what.toHtmlEscaped());
}

void Transcript::addMention(QString& html, const inbox::ConversationMention& mention, std::int64_t at) const
{
    html += openEntry(kCustomerBg, 0);
    QString who = fromUtf8(mention.authorName.empty() ? mention.authorHandle : mention.authorName);
    if (who.isEmpty())
        who = customer(m_detail).isEmpty() ? tr("Unknown author") : customer(m_detail);
    QStringList what;
    if (!mention.authorHandle.empty() && !mention.authorName.empty())
        what << fromUtf8(mention.authorHandle);
    what << tr("customer") << conversation::fullTime(at);
    html += metaLine(who, what.join(QStringLiteral(" · ")));
    const QString title = fromUtf8(mention.title).simplified();
    if (!title.isEmpty())
        html += QStringLiteral("<p style=\"margin:0 0 4px 0;\"><b>%1</b></p>").arg(title.toHtmlEscaped());
    html += QStringLiteral("<p style=\"margin:0;\">%1</p>").arg(paragraphs(mention.body));
    // Printed, a link is only useful as its address; nothing in the document is an anchor.
    if (!mention.link.empty())
        html += QStringLiteral("<p style=\"margin:4px 0 0 0; color:%1; font-size:8pt;\">%2</p>")
                    .arg(kMuted, fromUtf8(mention.link).toHtmlEscaped());
    html += QStringLiteral("</td></tr></table>");
}

QString Transcript::replyState(const inbox::ConversationReply& reply) const
{
    if (reply.channel == inbox::Channel::OffPlatform)
        return tr("reply, sent outside Earshot");
    if (reply.delivery == domain::Delivery::Sent)
        return tr("reply, posted on the platform");
    if (reply.delivery == domain::Delivery::Failed)
        return tr("reply, NOT posted");
    return tr("reply, not posted yet");
}

void Transcript::addReply(QString& html, const inbox::ConversationReply& reply) const
{
    html += openEntry(kReplyBg, 36);
    html += metaLine(fromUtf8(reply.agent), replyState(reply) + QStringLiteral(" · ") + conversation::fullTime(reply.sentAt));
    html += QStringLiteral("<p style=\"margin:0;\">%1</p>").arg(paragraphs(reply.body));
    if (reply.delivery == domain::Delivery::Sent && !reply.platformUrl.empty())
        html += QStringLiteral("<p style=\"margin:4px 0 0 0; color:%1; font-size:8pt;\">%2</p>")
                    .arg(kMuted, fromUtf8(reply.platformUrl).toHtmlEscaped());
    // A reply that never reached the customer must not read as if it had.
    if (reply.delivery == domain::Delivery::Failed)
        html += QStringLiteral("<p style=\"margin:4px 0 0 0; color:%1;\">%2</p>")
                    .arg(kMuted, tr("The customer did not receive this reply: %1")
                                     .arg(fromUtf8(reply.deliveryError))
                                     .toHtmlEscaped());
    html += QStringLiteral("</td></tr></table>");
}

void Transcript::addNote(QString& html, const inbox::ConversationNote& note) const
{
    html += openEntry(kNoteBg, 36);
    html += metaLine(tr("Internal note") + QStringLiteral(" · ") + fromUtf8(note.agent),
                     conversation::fullTime(note.createdAt));
    html += QStringLiteral("<p style=\"margin:0;\">%1</p>").arg(paragraphs(note.body));
    html += QStringLiteral("</td></tr></table>");
}

void Transcript::addEvent(QString& html, const inbox::TimelineEntry& entry) const
{
    inbox::TimelineEntry said = entry;
    // A handover's message is written to a colleague, not for the record.
    if (entry.kind == domain::EventKind::Assigned && !m_includeNotes)
        said.detail.reset();
    html += QStringLiteral("<p style=\"margin:0 0 8px 0; color:%1; font-size:8pt;\">%2 · %3</p>")
                .arg(kMuted, conversation::fullTime(entry.at).toHtmlEscaped(),
                     TimelineView::describe(said).toHtmlEscaped());
}

// Moves an entry that would straddle two pages to the next page, when it fits on one: a
// message's sender on one sheet and its words on the next reads badly on paper. In order,
// since each move shifts everything after it.
void keepEntriesWhole(QTextDocument& document, qreal pageHeight)
{
    QAbstractTextDocumentLayout* layout = document.documentLayout();
    const QList<QTextFrame*> frames = document.rootFrame()->childFrames();
    for (QTextFrame* frame : frames) {
        auto* table = qobject_cast<QTextTable*>(frame);
        if (!table)
            continue;
        const QRectF box = layout->frameBoundingRect(table);
        if (box.height() >= pageHeight || int(box.top() / pageHeight) == int((box.bottom() - 1) / pageHeight))
            continue;
        QTextTableFormat format = table->format();
        format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        table->setFormat(format);
    }
}

// Lays the document out on the printer's pages and paints each with a footer saying which
// conversation it belongs to and which page it is: pages of a printed record get separated.
Status paint(QPrinter& printer, QTextDocument& document, const QString& footer)
{
    document.documentLayout()->setPaintDevice(&printer);
    const QRectF page = printer.pageRect(QPrinter::DevicePixel);
    QFont footerFont = document.defaultFont();
    footerFont.setPointSizeF(7.5);
    const QFontMetricsF footerMetrics(footerFont, &printer);
    const qreal gap = printer.resolution() * 0.25;   // a quarter inch between text and footer
    const QSizeF body(page.width(), page.height() - footerMetrics.height() - gap);
    document.setPageSize(body);
    keepEntriesWhole(document, body.height());

    QPainter painter;
    if (!painter.begin(&printer))
        return fail(toUtf8(Transcript::tr("Cannot write the PDF %1.").arg(nativePath(printer.outputFileName()))));
    const int pages = document.pageCount();
    const QRectF footerRect(0, page.height() - footerMetrics.height(), page.width(), footerMetrics.height());
    for (int i = 0; i < pages; ++i) {
        if (i > 0 && !printer.newPage())
            return fail(toUtf8(Transcript::tr("Cannot add page %1 to the PDF.").arg(i + 1)));
        painter.save();
        painter.translate(0, -i * body.height());
        document.drawContents(&painter, QRectF(QPointF(0, i * body.height()), body));
        painter.restore();
        painter.setFont(footerFont);
        painter.setPen(QColor(kMuted));
        painter.drawText(footerRect, Qt::AlignLeft | Qt::AlignVCenter, footer);
        painter.drawText(footerRect, Qt::AlignRight | Qt::AlignVCenter,
                         Transcript::tr("Page %1 of %2").arg(i + 1).arg(pages));
    }
    if (!painter.end())
        return fail(toUtf8(Transcript::tr("Cannot finish the PDF %1.").arg(nativePath(printer.outputFileName()))));
    return Ok{};
}

Result<QString> htmlFor(store::Session& reader, const inbox::ConversationDetail& detail, bool includeNotes)
{
    auto timeline = inbox::readTimeline(reader, detail.id);
    if (!timeline)
        return fail(toUtf8(Transcript::tr("Cannot read the history of conversation #%1: %2")
                               .arg(detail.id)
                               .arg(fromUtf8(timeline.message()))));
    return Transcript(detail, *timeline, includeNotes).html();
}

}  // namespace

Result<QString> transcriptHtml(store::Session& reader, std::int64_t conversationId, bool includeNotes)
{
    auto detail = inbox::readConversation(reader, conversationId);
    if (!detail)
        return detail.error();
    return htmlFor(reader, *detail, includeNotes);
}

Status printTranscriptPdf(store::Session& reader, std::int64_t conversationId, bool includeNotes,
                          const QString& pdfPath)
{
    auto detail = inbox::readConversation(reader, conversationId);
    if (!detail)
        return detail.error();
    auto html = htmlFor(reader, *detail, includeNotes);
    if (!html)
        return html.error();
    if (QFileInfo(pdfPath).isDir())
        return fail(toUtf8(Transcript::tr("%1 is a folder; choose a file name.").arg(nativePath(pdfPath))));

    const QString title = Transcript::tr("Conversation #%1").arg(conversationId);
    QString footer = title;
    if (const QString customer = Transcript::customer(*detail); !customer.isEmpty())
        footer += QStringLiteral(" · ") + customer;
    // QPrinter opens the file by name; core::replaceFile gives it one beside the target.
    return core::replaceFile(fsPath(pdfPath), [&](const std::filesystem::path& part) -> Status {
        const QString partPath = QString::fromStdString(part.string());
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(partPath);
        printer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                          QMarginsF(20, 18, 20, 14), QPageLayout::Millimeter));
        printer.setDocName(title);
        printer.setCreator(QStringLiteral("Earshot"));

        QTextDocument document;
        QFont font = document.defaultFont();
        font.setPointSizeF(10);
        document.setDefaultFont(font);
        document.setDocumentMargin(0);   // the page margins are the printer's
        document.setHtml(*html);
        if (auto painted = paint(printer, document, footer); !painted)
            return painted;
        if (QFileInfo(partPath).size() == 0)
            return fail(toUtf8(Transcript::tr("Cannot write the PDF %1.").arg(nativePath(pdfPath))));
        return Ok{};
    });
}

void offerTranscript(QWidget* parent, store::Session& reader, std::int64_t conversationId)
{
    const auto complain = [&](const std::string& message) {
        QString why = fromUtf8(message);
        if (!why.isEmpty())
            why[0] = why[0].toUpper();   // the core's messages start in lower case, mid-sentence style
        QMessageBox::warning(parent, Transcript::tr("Transcript Not Saved"),
                             Transcript::tr("The transcript of conversation #%1 was not saved.\n\n%2")
                                 .arg(conversationId)
                                 .arg(why));
    };
    // Said before asking anything: a conversation that cannot be read cannot be printed.
    if (auto detail = inbox::readConversation(reader, conversationId); !detail) {
        complain(detail.message());
        return;
    }

    QMessageBox ask(QMessageBox::Question, Transcript::tr("Save Transcript"),
                    Transcript::tr("Save conversation #%1 as a PDF?").arg(conversationId), QMessageBox::Cancel,
                    parent);
    ask.setObjectName(QStringLiteral("transcriptQuestion"));
    ask.setInformativeText(Transcript::tr("Internal notes are for the team. Leave them out when the transcript "
                                          "goes to the customer or anyone else outside the team."));
    // Off by default: forgetting to tick it costs a second print, forgetting to untick it a leak.
    auto* notes = new QCheckBox(Transcript::tr("Include internal notes"), &ask);
    ask.setCheckBox(notes);
    QPushButton* save = ask.addButton(Transcript::tr("Save PDF…"), QMessageBox::AcceptRole);
    ask.setDefaultButton(save);
    ask.exec();
    if (ask.clickedButton() != save)
        return;
    const bool includeNotes = notes->isChecked();

    const QDir documents(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    QString path = QFileDialog::getSaveFileName(
        parent, Transcript::tr("Save Transcript"),
        documents.filePath(QStringLiteral("conversation-%1.pdf").arg(conversationId)),
        Transcript::tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty()) {
        path += QStringLiteral(".pdf");
        // The dialog asked about replacing the name as typed; this is another file.
        if (QFileInfo::exists(path) &&
            QMessageBox::question(parent, Transcript::tr("Save Transcript"),
                                  Transcript::tr("%1 already exists. Replace it?").arg(nativePath(path))) !=
                QMessageBox::Yes)
            return;
    }

    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const Status written = printTranscriptPdf(reader, conversationId, includeNotes, path);
    QGuiApplication::restoreOverrideCursor();
    if (!written)
        complain(written.message());
}

}  // namespace earshot::gui
