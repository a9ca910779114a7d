#include "SourcesPreviewPanel.h"

#include <QDateTime>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QMetaObject>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "Theme.h"
#include "earshot/net/Fetcher.h"

namespace earshot::gui {

namespace {

QString fromUtf8(const std::string& text) { return QString::fromUtf8(text.data(), qsizetype(text.size())); }

enum Column { TitleColumn, AuthorColumn, PublishedColumn, LinkColumn };

}  // namespace

SourcesPreviewPanel::SourcesPreviewPanel(QWidget* parent)
    : QWidget(parent),
      m_fetcher(std::make_unique<net::Fetcher>()),
      m_summary(new QLabel(this)),
      m_items(new QTreeWidget(this))
{
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setObjectName(QStringLiteral("previewSummary"));

    m_items->setObjectName(QStringLiteral("previewItems"));
    m_items->setColumnCount(4);
    m_items->setHeaderLabels({tr("Title"), tr("Author"), tr("Published"), tr("Link")});
    m_items->setRootIsDecorated(true);
    m_items->setUniformRowHeights(true);
    m_items->setTextElideMode(Qt::ElideRight);
    m_items->header()->setStretchLastSection(true);
    m_items->header()->resizeSection(TitleColumn, fontMetrics().averageCharWidth() * 44);
    m_items->header()->resizeSection(AuthorColumn, fontMetrics().averageCharWidth() * 16);
    m_items->header()->resizeSection(PublishedColumn,
                                     fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00 00:00")) + 24);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_items, 1);
    clear();
}

SourcesPreviewPanel::~SourcesPreviewPanel()
{
    if (m_worker.joinable()) {
        m_fetcher->cancel();
        m_worker.join();
    }
}

void SourcesPreviewPanel::clear()
{
    if (m_running)
        return;
    m_keptCount = m_filteredCount = 0;
    m_items->clear();
    m_items->hide();
    setSummary(tr("Test a feed to see what Earshot would store from it with these keywords. "
                  "Nothing is stored by a test."),
               Tone::Hint);
}

void SourcesPreviewPanel::start(const QString& url, const std::vector<std::string>& includeWords,
                                const std::vector<std::string>& excludeWords)
{
    if (m_running)
        return;
    if (m_worker.joinable())
        m_worker.join();   // the last test's thread, already past its last statement
    m_running = true;
    m_items->clear();
    m_items->hide();
    setSummary(tr("Testing %1 …").arg(url), Tone::Normal);
    m_worker = std::thread([this, fetcher = m_fetcher.get(), url = url.toStdString(), includeWords, excludeWords] {
        auto result = engine::previewSource(*fetcher, url, includeWords, excludeWords);
        // Queued to our thread; the destructor joins this thread first, so `this` is alive here.
        QMetaObject::invokeMethod(
            this, [this, result = std::move(result)]() mutable { showResult(std::move(result)); },
            Qt::QueuedConnection);
    });
}

QString SourcesPreviewPanel::summaryText() const { return m_summary->text(); }

void SourcesPreviewPanel::showResult(Result<engine::SourcePreview> result)
{
    m_running = false;
    if (m_worker.joinable())
        m_worker.join();
    if (!result) {
        setSummary(tr("The test failed: %1").arg(fromUtf8(result.message())), Tone::Error);
        emit finished(false);
        return;
    }
    const engine::SourcePreview& preview = *result;
    m_keptCount = int(preview.kept.size());
    m_filteredCount = int(preview.filteredOut.size());
    const QString title = preview.feedTitle.empty() ? tr("(untitled feed)") : fromUtf8(preview.feedTitle);
    setSummary(tr("“%1” (%2): %3 entries — %4 would be stored, %5 filtered out by the keywords.")
                   .arg(title, fromUtf8(engine::feedFormatName(preview.format)))
                   .arg(preview.entryCount)
                   .arg(m_keptCount)
                   .arg(m_filteredCount),
               Tone::Normal);
    m_items->clear();
    addGroup(tr("Would be stored (%1)").arg(m_keptCount), preview.kept, false);
    addGroup(tr("Filtered out (%1)").arg(m_filteredCount), preview.filteredOut, true);
    m_items->expandAll();
    m_items->show();
    emit finished(true);
}

void SourcesPreviewPanel::setSummary(const QString& text, Tone tone)
{
    m_tone = tone;
    m_summary->setText(text);
    updateSummaryColour();
}

void SourcesPreviewPanel::updateSummaryColour()
{
    // Palette roles where there is one; the error colour is derived from the current palette
    // and so must be set again when the theme changes.
    m_summary->setPalette(QPalette());
    m_summary->setForegroundRole(m_tone == Tone::Hint ? QPalette::PlaceholderText : QPalette::WindowText);
    if (m_tone == Tone::Error) {
        QPalette palette = m_summary->palette();
        palette.setColor(QPalette::WindowText, errorTextColor(palette));
        m_summary->setPalette(palette);
    }
}

void SourcesPreviewPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_inPaletteUpdate) {
        m_inPaletteUpdate = true;
        updateSummaryColour();
        m_inPaletteUpdate = false;
    }
}

void SourcesPreviewPanel::addGroup(const QString& title, const std::vector<engine::PreviewItem>& items, bool dimmed)
{
    auto* group = new QTreeWidgetItem(m_items, {title});
    group->setFirstColumnSpanned(true);
    QFont bold = group->font(TitleColumn);
    bold.setBold(true);
    group->setFont(TitleColumn, bold);
    group->setIcon(TitleColumn, style()->standardIcon(dimmed ? QStyle::SP_DialogDiscardButton
                                                             : QStyle::SP_DialogApplyButton));
    // Dimmed with the palette's own placeholder colour, which both themes keep readable.
    const QBrush dimBrush = palette().brush(QPalette::PlaceholderText);
    for (const engine::PreviewItem& item : items) {
        const QString itemTitle = fromUtf8(item.title).simplified();
        auto* row = new QTreeWidgetItem(
            group, {itemTitle.isEmpty() ? tr("(no title)") : itemTitle, fromUtf8(item.author),
                    item.publishedAt ? QDateTime::fromSecsSinceEpoch(*item.publishedAt)
                                           .toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                     : QString(),
                    fromUtf8(item.link)});
        row->setToolTip(TitleColumn, itemTitle);
        row->setToolTip(LinkColumn, fromUtf8(item.link));
        if (dimmed)
            for (int column = 0; column < m_items->columnCount(); ++column)
                row->setForeground(column, dimBrush);
    }
}

}  // namespace earshot::gui
