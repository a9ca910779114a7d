#include "ExportDialog.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTimeZone>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <filesystem>
#include <tuple>

#include "ConversationFormat.h"
#include "Theme.h"
#include "earshot/exports/PseudonymKey.h"
#include "earshot/inbox/Vocabulary.h"
#include "earshot/metrics/MetricsSettings.h"
#include "earshot/store/SourceStore.h"

namespace earshot::gui {

namespace {

using conversation::fromUtf8;
using conversation::toUtf8;

constexpr std::string_view kCancelled = "cancelled";

QLabel* hintLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

// The start of a day in UTC, as `earshot-cli export --since 2026-11-01` reads it.
std::int64_t utcMidnight(const QDate& date)
{
    return QDateTime(date, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
}

// On the worker thread, with a connection of its own: the same steps as `earshot-cli export
// -o FILE`, with a count first for the progress bar.
Result<std::int64_t> runExport(store::Workspace& workspace, const std::filesystem::path& target,
                               ExportDialog::Request request, const std::atomic<bool>& cancelled,
                               const std::function<void(std::int64_t)>& reportTotal,
                               const std::function<void(std::int64_t)>& reportRows)
{
    if (request.pseudonymise) {
        auto key = exports::pseudonymKey(workspace);
        if (!key)
            return key.error();
        request.options.pseudonymKey = *key;
    }
    auto session = workspace.reader();
    if (!session)
        return session.error();
    auto calendar = metrics::loadCalendar(**session);
    if (!calendar)
        return calendar.error();
    auto policies = metrics::loadSlaPolicies(**session);
    if (!policies)
        return policies.error();
    auto total = exports::countRows(workspace, request.options);
    if (!total)
        return total.error();
    reportTotal(*total);
    if (cancelled)
        return fail(std::string(kCancelled));
    request.options.progress = [&](std::int64_t rows) {
        reportRows(rows);
        return !cancelled.load();
    };
    return exports::exportToFile(workspace, target, request.options, *calendar, *policies);
}

}  // namespace

ExportDialog::ExportDialog(store::Workspace& workspace, QWidget* parent)
    : QDialog(parent),
      m_workspace(workspace),
      m_kind(new QComboBox(this)),
      m_kindHint(hintLabel(this)),
      m_csv(new QRadioButton(tr("&CSV"), this)),
      m_jsonLines(new QRadioButton(tr("&JSON Lines"), this)),
      m_fromEnabled(new QCheckBox(tr("&From"), this)),
      m_from(new QDateEdit(this)),
      m_throughEnabled(new QCheckBox(tr("t&o"), this)),
      m_through(new QDateEdit(this)),
      m_periodHint(hintLabel(this)),
      m_source(new QComboBox(this)),
      m_status(new QComboBox(this)),
      m_tags(new QLineEdit(this)),
      m_pseudonymise(new QCheckBox(tr("&Pseudonymise customers"), this)),
      m_progress(new QProgressBar(this)),
      m_cancel(new QPushButton(tr("Cancel"), this)),
      m_message(new QLabel(this)),
      m_openFolder(new QPushButton(tr("Open Folder"), this)),
      m_export(new QPushButton(tr("&Export…"), this)),
      m_close(new QPushButton(tr("Close"), this))
{
    setWindowTitle(tr("Export"));
    setObjectName(QStringLiteral("exportDialog"));
    setMinimumWidth(560);

    m_chooseFile = [this](const QString& suggestedPath, const QString& filter) {
        return QFileDialog::getSaveFileName(this, tr("Export to"), suggestedPath, filter);
    };

    // What
    auto* what = new QGroupBox(tr("What"), this);
    auto* whatForm = new QFormLayout(what);
    m_kind->setObjectName(QStringLiteral("exportKind"));
    m_kind->addItem(tr("Conversations"), int(exports::ExportKind::Conversations));
    m_kind->addItem(tr("Response cycles"), int(exports::ExportKind::Cycles));
    m_kind->addItem(tr("Mentions"), int(exports::ExportKind::Mentions));
    m_kind->addItem(tr("Events"), int(exports::ExportKind::Events));
    whatForm->addRow(tr("&Rows:"), m_kind);
    whatForm->addRow(QString(), m_kindHint);
    auto* formats = new QWidget(what);
    auto* formatsLayout = new QHBoxLayout(formats);
    formatsLayout->setContentsMargins(0, 0, 0, 0);
    m_csv->setObjectName(QStringLiteral("exportCsv"));
    m_csv->setToolTip(tr("Opens in a spreadsheet: UTF-8 with a byte-order mark, one row per line"));
    m_jsonLines->setObjectName(QStringLiteral("exportJsonLines"));
    m_jsonLines->setToolTip(tr("One JSON object per line, for scripts and data tools"));
    auto* formatGroup = new QButtonGroup(this);
    formatGroup->addButton(m_csv);
    formatGroup->addButton(m_jsonLines);
    m_csv->setChecked(true);
    formatsLayout->addWidget(m_csv);
    formatsLayout->addSpacing(12);
    formatsLayout->addWidget(m_jsonLines);
    formatsLayout->addStretch(1);
    whatForm->addRow(tr("Format:"), formats);

    // Which rows
    auto* which = new QGroupBox(tr("Which rows"), this);
    auto* whichForm = new QFormLayout(which);
    auto* period = new QWidget(which);
    auto* periodLayout = new QHBoxLayout(period);
    periodLayout->setContentsMargins(0, 0, 0, 0);
    // Last month by default once ticked: the period an analyst asks for most.
    const QDate firstOfMonth = QDate::currentDate().addDays(1 - QDate::currentDate().day());
    for (auto [check, edit, date, name] :
         {std::tuple{m_fromEnabled, m_from, firstOfMonth.addMonths(-1), QStringLiteral("exportFrom")},
          std::tuple{m_throughEnabled, m_through, firstOfMonth.addDays(-1), QStringLiteral("exportThrough")}}) {
        check->setObjectName(name + QStringLiteral("Enabled"));
        edit->setObjectName(name);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setCalendarPopup(true);
        edit->setDate(date);
        edit->setEnabled(false);
        connect(check, &QCheckBox::toggled, edit, &QWidget::setEnabled);
        periodLayout->addWidget(check);
        periodLayout->addWidget(edit);
        periodLayout->addSpacing(8);
    }
    m_fromEnabled->setToolTip(tr("Only from this day on; otherwise from the beginning"));
    m_throughEnabled->setToolTip(tr("Only up to and including this day; otherwise up to now"));
    periodLayout->addStretch(1);
    whichForm->addRow(tr("Period:"), period);
    whichForm->addRow(QString(), m_periodHint);
    m_source->setObjectName(QStringLiteral("exportSource"));
    whichForm->addRow(tr("&Source:"), m_source);
    m_status->setObjectName(QStringLiteral("exportStatus"));
    m_status->addItem(tr("Any status"), QString());
    for (auto status : {inbox::ConversationStatus::New, inbox::ConversationStatus::Open,
                        inbox::ConversationStatus::Pending, inbox::ConversationStatus::Resolved,
                        inbox::ConversationStatus::Spam})
        m_status->addItem(conversation::statusText(status), fromUtf8(std::string(inbox::statusName(status))));
    whichForm->addRow(tr("S&tatus:"), m_status);
    m_tags->setObjectName(QStringLiteral("exportTags"));
    m_tags->setPlaceholderText(tr("Any tag"));
    m_tags->setClearButtonEnabled(true);
    m_tags->setToolTip(tr("Rows of conversations with any of these tags, separated by commas"));
    whichForm->addRow(tr("T&ags:"), m_tags);
    auto* tagsHint = hintLabel(which);
    tagsHint->setText(tr("Separate tags with commas; a conversation needs one of them."));
    whichForm->addRow(QString(), tagsHint);

    // Privacy
    auto* privacy = new QGroupBox(tr("Privacy"), this);
    auto* privacyLayout = new QVBoxLayout(privacy);
    m_pseudonymise->setObjectName(QStringLiteral("exportPseudonymise"));
    privacyLayout->addWidget(m_pseudonymise);
    auto* privacyHint = hintLabel(privacy);
    privacyHint->setText(tr("For exports that leave the team: customers' handles and names become pseudonyms, the "
                            "same in every export from this workspace, and e-mail addresses, phone numbers, IBANs "
                            "and postcodes are removed from the text."));
    privacyLayout->addWidget(privacyHint);

    // Progress
    auto* progressRow = new QHBoxLayout;
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    m_cancel->setObjectName(QStringLiteral("exportCancel"));
    m_cancel->setAutoDefault(false);
    m_cancel->setEnabled(false);
    m_cancel->setToolTip(tr("Stop the export; no file is written"));
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    m_message->setObjectName(QStringLiteral("exportMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setMinimumHeight(m_message->fontMetrics().lineSpacing() * 2);
    m_message->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto* buttons = new QDialogButtonBox(this);
    m_export->setObjectName(QStringLiteral("exportStart"));
    m_export->setDefault(true);
    m_close->setAutoDefault(false);
    m_openFolder->setObjectName(QStringLiteral("exportOpenFolder"));
    m_openFolder->setAutoDefault(false);
    m_openFolder->setToolTip(tr("Show the folder of the exported file in the file manager"));
    buttons->addButton(m_openFolder, QDialogButtonBox::ActionRole);
    buttons->addButton(m_export, QDialogButtonBox::ApplyRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    m_openFolder->hide();   // after addButton(), which shows it: only once there is a file to show
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::chooseFileAndStart);
    connect(m_close, &QPushButton::clicked, this, &ExportDialog::reject);
    connect(m_cancel, &QPushButton::clicked, this, &ExportDialog::cancel);
    connect(m_openFolder, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_lastFolder)); });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addWidget(which);
    layout->addWidget(privacy);
    layout->addSpacing(4);
    layout->addLayout(progressRow);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &ExportDialog::updateHints);
    updateHints();
    setMessage(tr("Export… asks where to save the file. It appears there once it is complete."), Tone::Hint);
    loadSources();
}

ExportDialog::~ExportDialog()
{
    if (m_job)
        m_job->cancelled = true;
    if (m_worker.joinable())
        m_worker.join();
}

void ExportDialog::loadSources()
{
    m_source->addItem(tr("Any source"), QVariant());
    // A short read on a session of its own that closes at once; the exports open theirs.
    auto session = m_workspace.reader();
    auto sources = session ? (*session)->sources().list()
                           : Result<std::vector<store::Source>>(session.error());
    if (!sources) {
        setMessage(tr("The sources could not be read: %1").arg(fromUtf8(sources.message())), Tone::Error);
        return;
    }
    for (const store::Source& source : *sources)
        m_source->addItem(fromUtf8(source.name.empty() ? source.url : source.name), qlonglong(source.id));
}

void ExportDialog::updateHints()
{
    switch (exports::ExportKind(m_kind->currentData().toInt())) {
    case exports::ExportKind::Conversations:
        m_kindHint->setText(tr("One row per conversation: status, assignee, tags, source, customer, messages, and "
                               "the first response's timings and SLA results."));
        m_periodHint->setText(tr("Conversations created on these days (UTC, both days included)."));
        break;
    case exports::ExportKind::Cycles:
        m_kindHint->setText(tr("One row per response cycle, reopenings included: the rows the statistics count. "
                               "Spam is left out."));
        m_periodHint->setText(tr("Cycles that started on these days (UTC, both days included)."));
        break;
    case exports::ExportKind::Mentions:
        m_kindHint->setText(tr("One row per mention, with its author and full text."));
        m_periodHint->setText(tr("Mentions that arrived on these days (UTC, both days included)."));
        break;
    case exports::ExportKind::Events:
        m_kindHint->setText(tr("One row per entry in the log: claims, replies, notes, tags, status changes."));
        m_periodHint->setText(tr("Events on these days (UTC, both days included)."));
        break;
    }
}

QString ExportDialog::suggestedFileName() const
{
    const auto kind = exports::ExportKind(m_kind->currentData().toInt());
    return QStringLiteral("earshot-%1-%2.%3")
        .arg(fromUtf8(std::string(exports::exportKindName(kind))),
             QDate::currentDate().toString(Qt::ISODate),
             m_jsonLines->isChecked() ? QStringLiteral("jsonl") : QStringLiteral("csv"));
}

Result<ExportDialog::Request> ExportDialog::request() const
{
    Request out;
    exports::ExportOptions& options = out.options;
    options.kind = exports::ExportKind(m_kind->currentData().toInt());
    options.format = m_jsonLines->isChecked() ? exports::ExportFormat::JsonLines : exports::ExportFormat::Csv;
    if (m_fromEnabled->isChecked())
        options.since = utcMidnight(m_from->date());
    // The last day is included, so the end is the next midnight: `--until` is exclusive.
    if (m_throughEnabled->isChecked())
        options.until = utcMidnight(m_through->date().addDays(1));
    if (options.since != metrics::kNoTime && options.until != metrics::kNoTime && options.until <= options.since)
        return fail(
            toUtf8(tr("The period ends before it begins: choose a “to” day on or after the “from” day.")));
    if (const QVariant source = m_source->currentData(); source.isValid())
        options.sources.push_back(source.toLongLong());
    if (const QString status = m_status->currentData().toString(); !status.isEmpty())
        options.status = toUtf8(status);
    for (const QString& part : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (part.trimmed().isEmpty())
            continue;
        auto tag = inbox::normaliseTag(toUtf8(part));
        if (!tag)
            return fail(toUtf8(tr("“%1” cannot be a tag: %2").arg(part.trimmed(), fromUtf8(tag.message()))));
        if (std::find(options.tags.begin(), options.tags.end(), *tag) == options.tags.end())
            options.tags.push_back(*tag);
    }
    out.pseudonymise = m_pseudonymise->isChecked();
    return out;
}

void ExportDialog::chooseFileAndStart()
{
    if (m_running)
        return;
    auto chosen = request();
    if (!chosen) {
        setMessage(fromUtf8(chosen.message()), Tone::Error);
        return;
    }
    const bool jsonLines = chosen->options.format == exports::ExportFormat::JsonLines;
    QString folder = QSettings().value(QLatin1String(kFolderKey)).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString filter = jsonLines ? tr("JSON Lines (*.jsonl)") : tr("CSV files (*.csv)");
    QString path = m_chooseFile(QDir(folder).filePath(suggestedFileName()), filter);
    if (path.isEmpty())
        return;
    // A name typed without an extension gets the format's, as the filter promised.
    if (QFileInfo(path).suffix().isEmpty())
        path += jsonLines ? QStringLiteral(".jsonl") : QStringLiteral(".csv");
    start(QFileInfo(path).absoluteFilePath(), std::move(*chosen));
}

void ExportDialog::start(const QString& path, Request request)
{
    if (m_worker.joinable())
        m_worker.join();   // the last export's thread, already past its last statement
    request.options.now = QDateTime::currentSecsSinceEpoch();
    m_job = std::make_shared<Job>();
    m_total = -1;
    m_closeWhenStopped = false;
    setRunning(true);
    m_progress->setRange(0, 0);   // busy until the count is in
    setMessage(tr("Counting the rows…"), Tone::Normal);

    // Queued to our thread; the destructor joins this thread first, so `this` is alive for them.
    auto post = [this](auto call) { QMetaObject::invokeMethod(this, std::move(call), Qt::QueuedConnection); };
    m_worker = std::thread([this, post, path, job = m_job, request = std::move(request)]() mutable {
        auto written = runExport(
            m_workspace, std::filesystem::path(path.toStdU16String()), std::move(request), job->cancelled,
            [&](std::int64_t total) { post([this, total] { showTotal(total); }); },
            [&](std::int64_t rows) { post([this, rows] { showProgress(rows); }); });
        post([this, path, written = std::move(written)]() mutable { showResult(path, std::move(written)); });
    });
}

void ExportDialog::cancel()
{
    if (!m_running || !m_job || m_job->cancelled)
        return;
    m_job->cancelled = true;
    m_cancel->setEnabled(false);
    setMessage(tr("Cancelling…"), Tone::Normal);
}

void ExportDialog::reject()
{
    // Closing stops the export first; the dialog goes once nothing is being written.
    if (m_running) {
        m_closeWhenStopped = true;
        cancel();
        return;
    }
    QDialog::reject();
}

void ExportDialog::showTotal(std::int64_t total)
{
    if (!m_running)
        return;
    m_total = total;
    // QProgressBar counts in int; a scale keeps billions of rows in range.
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    if (!m_job->cancelled)
        setMessage(tr("Exporting %1 rows…").arg(QLocale().toString(qlonglong(total))), Tone::Normal);
}

void ExportDialog::showProgress(std::int64_t rows)
{
    if (!m_running || m_total < 0)
        return;
    // The workspace may have gained rows since the count.
    m_total = std::max(m_total, rows);
    m_progress->setValue(m_total == 0 ? 1000 : int(rows * 1000 / m_total));
    if (!m_job->cancelled)
        setMessage(tr("Exporting: %1 of %2 rows…")
                       .arg(QLocale().toString(qlonglong(rows)), QLocale().toString(qlonglong(m_total))),
                   Tone::Normal);
}

void ExportDialog::showResult(const QString& path, Result<std::int64_t> rows)
{
    if (m_worker.joinable())
        m_worker.join();
    setRunning(false);
    const QString shown = QDir::toNativeSeparators(path);
    if (rows) {
        // A cancel that came after the last row was written is too late: the file is there.
        m_progress->setRange(0, 1000);
        m_progress->setValue(1000);
        m_lastFolder = QFileInfo(path).absolutePath();
        QSettings().setValue(QLatin1String(kFolderKey), m_lastFolder);
        m_openFolder->show();
        setMessage(*rows == 1 ? tr("Exported 1 row to %1.").arg(shown)
                              : tr("Exported %1 rows to %2.").arg(QLocale().toString(qlonglong(*rows)), shown),
                   Tone::Normal);
    } else {
        m_progress->setRange(0, 1);
        m_progress->setValue(0);
        m_progress->setTextVisible(false);
        if (m_job->cancelled)
            setMessage(tr("The export was cancelled; nothing was written to %1.").arg(shown), Tone::Normal);
        else
            setMessage(tr("The export failed: %1").arg(fromUtf8(rows.message())), Tone::Error);
    }
    emit finished(rows.ok());
    if (m_closeWhenStopped) {
        m_closeWhenStopped = false;
        QDialog::reject();
    }
}

void ExportDialog::setRunning(bool running)
{
    m_running = running;
    for (QWidget* field : std::initializer_list<QWidget*>{m_kind, m_csv, m_jsonLines, m_fromEnabled, m_throughEnabled,
                                                          m_source, m_status, m_tags, m_pseudonymise, m_export})
        field->setEnabled(!running);
    m_from->setEnabled(!running && m_fromEnabled->isChecked());
    m_through->setEnabled(!running && m_throughEnabled->isChecked());
    m_cancel->setEnabled(running);
    if (running)
        m_openFolder->hide();
    else
        m_export->setFocus();
}

void ExportDialog::setMessage(const QString& text, Tone tone)
{
    m_tone = tone;
    m_message->setText(text);
    updateMessageColour();
}

void ExportDialog::updateMessageColour()
{
    // The error colour is derived from the palette in use, so it is set again when the theme changes.
    m_message->setPalette(QPalette());
    m_message->setForegroundRole(m_tone == Tone::Hint ? QPalette::PlaceholderText : QPalette::WindowText);
    if (m_tone == Tone::Error) {
        QPalette palette = m_message->palette();
        palette.setColor(QPalette::WindowText, errorTextColor(palette));
        m_message->setPalette(palette);
    }
}

void ExportDialog::changeEvent(QEvent* event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_inPaletteUpdate) {
        m_inPaletteUpdate = true;
        updateMessageColour();
        m_inPaletteUpdate = false;
    }
}

}  // namespace earshot::gui
