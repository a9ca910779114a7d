#include "SourcesDialog.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <ctime>

#include "ConversationFormat.h"
#include "PlatformSourceFields.h"
#include "SourceSecrets.h"
#include "SourcesPreviewPanel.h"
#include "Theme.h"
#include "earshot/bridge/EngineBridge.h"
#include "earshot/bridge/SourceHealth.h"
#include "earshot/core/Files.h"
#include "earshot/connectors/PlatformSource.h"
#include "earshot/connectors/Connector.h"
#include "earshot/core/Text.h"
#include "earshot/domain/Vocabulary.h"
#include "earshot/inbox/Vocabulary.h"
#include "earshot/sources/OpmlImport.h"
#include "earshot/sources/SourceChanges.h"
#include "earshot/sources/SourceRules.h"
#include "earshot/store/Session.h"

namespace earshot::gui {

namespace {

QString fromUtf8(const std::string& text) { return QString::fromUtf8(text.data(), qsizetype(text.size())); }
std::string toUtf8(const QString& text) { return text.toUtf8().toStdString(); }

// The form counts in minutes; the limits are the workspace's, as the CLI has them.
constexpr int kDefaultIntervalMinutes = sources::kDefaultPollIntervalSeconds / 60;
constexpr int kMinIntervalMinutes = (sources::kMinimumPollIntervalSeconds + 59) / 60;
constexpr int kMaxIntervalMinutes = sources::kMaximumPollIntervalSeconds / 60;
// Engine reports come in bursts during a poll round; one re-read per burst is enough.
constexpr int kReloadDelayMs = 250;
constexpr int kSkippedShownInline = 3;

std::vector<std::string> wordsOf(const QLineEdit* field) { return core::splitWords(toUtf8(field->text())); }

using domain::SourceState;

}  // namespace

SourcesDialog::SourcesDialog(store::Workspace& workspace, bridge::EngineBridge& engine, bridge::SourceHealth& health,
                             std::string agent, QWidget* parent, SourceSecrets* secrets)
    : QDialog(parent),
      m_workspace(workspace),
      m_agent(std::move(agent)),
      m_engine(engine),
      m_health(health),
      m_table(new QTableWidget(this)),
      m_new(new QPushButton(tr("Ne&w Source"), this)),
      m_import(new QPushButton(tr("I&mport OPML…"), this)),
      m_toggle(new QPushButton(tr("&Disable"), this)),
      m_remove(new QPushButton(tr("&Remove…"), this)),
      m_form(new QGroupBox(this)),
      m_kind(new QComboBox(this)),
      m_platform(new PlatformSourceFields(this)),
      m_secrets(secrets),
      m_url(new QLineEdit(this)),
      m_name(new QLineEdit(this)),
      m_interval(new QSpinBox(this)),
      m_include(new QLineEdit(this)),
      m_exclude(new QLineEdit(this)),
      m_priority(new QComboBox(this)),
      m_sourceError(new QLabel(this)),
      m_test(new QPushButton(tr("&Test"), this)),
      m_save(new QPushButton(tr("&Add Source"), this)),
      m_message(new QLabel(this)),
      m_preview(new SourcesPreviewPanel(this)),
      m_reloadDelay(new QTimer(this))
{
    setWindowTitle(tr("Sources"));
    setObjectName(QStringLiteral("sourcesDialog"));
    resize(1180, 760);

    m_table->setObjectName(QStringLiteral("sourcesTable"));
    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("URL"), tr("State"), tr("Errors"), tr("Last error"),
                                        tr("Next poll"), tr("Interval"), tr("New conversations"), tr("Include words"),
                                        tr("Exclude words")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    QHeaderView* header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    const int character = fontMetrics().averageCharWidth();
    header->resizeSection(NameColumn, character * 28);
    header->resizeSection(UrlColumn, character * 32);
    header->resizeSection(StateColumn, character * 14 + 24);
    header->resizeSection(ErrorsColumn, character * 8);
    header->resizeSection(LastErrorColumn, character * 34);
    header->resizeSection(NextPollColumn, character * 12);
    header->resizeSection(IntervalColumn, character * 10);
    header->resizeSection(PriorityColumn, character * 10);
    header->resizeSection(IncludeColumn, character * 16);
    // Never narrower than the header's own label, which may be longer in translation.
    for (int column = 0; column < ColumnCount; ++column)
        header->resizeSection(column, std::max(header->sectionSize(column), header->sectionSizeHint(column)));
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &SourcesDialog::showSelected);
    connect(m_table, &QTableWidget::itemDoubleClicked, this, [this] { m_name->setFocus(Qt::OtherFocusReason); });

    m_new->setToolTip(tr("Clear the form below to add another source"));
    m_import->setToolTip(tr("Add every feed listed in an OPML file exported from a feed reader"));
    m_remove->setToolTip(tr("Stop listening to the selected source; its mentions stay"));
    for (QPushButton* button : {m_new, m_import, m_toggle, m_remove, m_test})
        button->setAutoDefault(false);
    connect(m_new, &QPushButton::clicked, this, &SourcesDialog::startNew);
    connect(m_import, &QPushButton::clicked, this, &SourcesDialog::chooseOpmlFile);
    connect(m_toggle, &QPushButton::clicked, this, &SourcesDialog::toggleEnabled);
    connect(m_remove, &QPushButton::clicked, this, &SourcesDialog::removeSelected);

    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(m_new);
    listButtons->addWidget(m_import);
    listButtons->addStretch(1);
    listButtons->addWidget(m_toggle);
    listButtons->addWidget(m_remove);
    auto* listPane = new QWidget(this);
    auto* listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_table, 1);
    listLayout->addLayout(listButtons);

    auto* previewBox = new QGroupBox(tr("Test result"), this);
    auto* previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addWidget(m_preview);
    auto* editPane = new QWidget(this);
    auto* editLayout = new QHBoxLayout(editPane);
    editLayout->setContentsMargins(0, 0, 0, 0);
    editLayout->addWidget(createForm(), 2);
    editLayout->addWidget(previewBox, 3);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(listPane);
    splitter->addWidget(editPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({440, 300});   // scaled to the real height; the list gets the most
    splitter->setChildrenCollapsible(false);

    m_message->setObjectName(QStringLiteral("sourcesMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    m_reloadDelay->setSingleShot(true);
    m_reloadDelay->setInterval(kReloadDelayMs);
    connect(m_reloadDelay, &QTimer::timeout, this, &SourcesDialog::reload);
    // The engine's view of each source (state, errors, next poll) changes as it polls.
    connect(&m_engine, &bridge::EngineBridge::sourceStateUpdated, m_reloadDelay, qOverload<>(&QTimer::start));
    connect(&m_engine, &bridge::EngineBridge::pollProgressUpdated, this, [this](int, int total) {
        if (total == 0)
            m_reloadDelay->start();   // a round ended: next poll times moved
    });

    auto opened = m_workspace.reader();
    if (!opened) {
        showMessage(tr("The workspace could not be opened: %1").arg(fromUtf8(opened.message())), Tone::Error);
        for (QWidget* widget : {static_cast<QWidget*>(m_table), static_cast<QWidget*>(m_form),
                                static_cast<QWidget*>(m_new), static_cast<QWidget*>(m_import)})
            widget->setEnabled(false);
        updateButtons();
        return;
    }
    m_reader = std::move(*opened);
    reload();
    startNew();
}

SourcesDialog::~SourcesDialog() = default;

QWidget* SourcesDialog::createForm()
{
    m_form->setObjectName(QStringLiteral("sourceForm"));
    m_url->setObjectName(QStringLiteral("sourceUrl"));
    m_url->setPlaceholderText(tr("https://forum.example/latest.rss, or a feed file on this computer"));
    m_name->setObjectName(QStringLiteral("sourceName"));
    m_name->setPlaceholderText(tr("Shown in the inbox; the URL when left empty"));
    m_interval->setObjectName(QStringLiteral("sourceInterval"));
    m_interval->setRange(kMinIntervalMinutes, kMaxIntervalMinutes);
    m_interval->setValue(kDefaultIntervalMinutes);
    m_interval->setSuffix(tr(" min"));
    m_interval->setToolTip(tr("How often Earshot polls this source. A failing source is retried with growing pauses."));
    m_include->setObjectName(QStringLiteral("sourceInclude"));
    m_include->setPlaceholderText(tr("Keep only items with one of these words, e.g. verskist, vers kist"));
    m_include->setToolTip(tr("Comma-separated. Empty keeps every item. Whole words; case and accents are ignored."));
    m_exclude->setObjectName(QStringLiteral("sourceExclude"));
    m_exclude->setPlaceholderText(tr("Drop items with any of these words, e.g. vacature"));
    m_exclude->setToolTip(tr("Comma-separated. An item with one of these words is dropped, whatever else it says."));
    for (QLineEdit* field : {m_url, m_name, m_include, m_exclude})
        field->setClearButtonEnabled(true);
    m_priority->setObjectName(QStringLiteral("sourcePriority"));
    m_priority->addItem(tr("Low"), int(inbox::Priority::Low));
    m_priority->addItem(tr("Normal"), int(inbox::Priority::Normal));
    m_priority->addItem(tr("High: notify agents"), int(inbox::Priority::High));
    m_priority->addItem(tr("Urgent: notify agents"), int(inbox::Priority::Urgent));
    m_priority->setToolTip(tr("The priority this source's new conversations start with. Agents get a desktop "
                              "notification for high and urgent ones."));

    m_sourceError->setObjectName(QStringLiteral("sourceError"));
    m_sourceError->setWordWrap(true);
    m_sourceError->setTextFormat(Qt::PlainText);
    m_sourceError->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_test->setObjectName(QStringLiteral("testButton"));
    m_test->setToolTip(tr("Fetch the feed once and show what these keywords would keep; nothing is stored"));
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setDefault(true);   // Return in a field saves, rather than closing the dialog
    connect(m_test, &QPushButton::clicked, this, &SourcesDialog::test);
    connect(m_save, &QPushButton::clicked, this, &SourcesDialog::save);
    connect(m_preview, &SourcesPreviewPanel::finished, this, [this] { updateButtons(); });

    m_kind->setObjectName(QStringLiteral("sourceKind"));
    m_kind->addItem(tr("Feed (RSS, Atom, JSON Feed)"), QStringLiteral("feed"));
    // The platforms' kinds, in the registry's order, as their connectors name them.
    for (const connectors::Connector* connector : connectors::allConnectors())
        m_kind->addItem(tr(connector->kindInfo().title.data()), fromUtf8(std::string(connector->kind())));
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        if (m_editingId == 0)
            m_platform->startNew(m_kind->currentData().toString());
        showKind();
    });

    auto* fields = new QFormLayout;
    m_fields = fields;
    fields->addRow(tr("&Kind:"), m_kind);
    fields->addRow(tr("Feed &URL:"), m_url);
    m_platform->addRowsTo(fields);
    fields->addRow(tr("&Name:"), m_name);
    fields->addRow(tr("&Poll every:"), m_interval);
    fields->addRow(tr("&Include words:"), m_include);
    fields->addRow(tr("E&xclude words:"), m_exclude);
    fields->addRow(tr("New conversations are:"), m_priority);

    auto* actions = new QHBoxLayout;
    actions->addStretch(1);
    actions->addWidget(m_test);
    actions->addWidget(m_save);

    auto* layout = new QVBoxLayout(m_form);
    layout->addLayout(fields);
    layout->addWidget(m_sourceError);
    layout->addStretch(1);
    layout->addLayout(actions);
    return m_form;
}

void SourcesDialog::reload()
{
    if (!m_reader)
        return;
    auto sources = m_reader->sources().list();
    if (!sources) {
        showMessage(tr("The sources could not be read: %1").arg(fromUtf8(sources.message())), Tone::Error);
        return;
    }
    m_reloading = true;
    m_sources = std::move(*sources);
    // Sources that need attention first, then those being polled, then those switched off;
    // by name within each, so a long list still shows its problems without scrolling.
    const auto rank = [](const store::Source& source) {
        if (source.state == SourceState::Disabled || (source.enabled && source.state == SourceState::Failing))
            return 0;
        return source.enabled ? 1 : 2;
    };
    std::stable_sort(m_sources.begin(), m_sources.end(), [&](const store::Source& a, const store::Source& b) {
        if (rank(a) != rank(b))
            return rank(a) < rank(b);
        return QString::localeAwareCompare(fromUtf8(a.name), fromUtf8(b.name)) < 0;
    });
    m_table->setRowCount(int(m_sources.size()));
    int selectedRow = -1;
    for (int row = 0; row < int(m_sources.size()); ++row) {
        fillRow(row, m_sources[std::size_t(row)]);
        if (m_sources[std::size_t(row)].id == m_editingId)
            selectedRow = row;
    }
    if (selectedRow >= 0) {
        m_table->selectRow(selectedRow);
    } else {
        m_table->clearSelection();
        if (m_editingId != 0) {
            // Removed meanwhile (from the command line, say): the form can only add now.
            m_editingId = 0;
            loadForm(nullptr);
        }
    }
    m_reloading = false;
    showSourceError(sourceById(m_editingId));
    updateButtons();
}

void SourcesDialog::fillRow(int row, const store::Source& source)
{
    const std::int64_t now = std::time(nullptr);
    const bool stopped = source.state == SourceState::Disabled;
    const bool failing = source.enabled && source.state == SourceState::Failing;

    QString state;
    QString stateTip;
    QIcon icon;
    if (stopped) {
        state = tr("Stopped");
        stateTip = tr("Earshot stopped polling this source after the server's answer. Enable it to try again.");
        icon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    } else if (!source.enabled) {
        state = tr("Off");
        stateTip = tr("Switched off: Earshot does not poll this source.");
    } else if (failing && source.needsCredentials) {
        state = tr("Needs credentials");
        stateTip = tr("The platform wants a token, app password or key: give it in the Secret field.");
        icon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    } else if (failing) {
        state = tr("Failing");
        stateTip = tr("The last poll failed; Earshot retries with growing pauses.");
        icon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    } else if (source.state == SourceState::Ok) {
        state = tr("OK");
    } else {
        state = tr("Not polled yet");
    }

    QString nextPoll;
    if (!source.enabled)
        nextPoll = QStringLiteral("—");
    else if (source.nextPollAt <= now)
        nextPoll = tr("Due now");
    else {
        const QDateTime next = QDateTime::fromSecsSinceEpoch(source.nextPollAt);
        nextPoll = next.date() == QDate::currentDate() ? next.toString(QStringLiteral("HH:mm"))
                                                       : next.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    }

    const int seconds = source.intervalSeconds;
    const QString interval = seconds % 60 != 0       ? tr("%1 s").arg(seconds)
                             : seconds % 3600 == 0   ? tr("%1 h").arg(seconds / 3600)
                                                     : tr("%1 min").arg(seconds / 60);

    const QString texts[ColumnCount] = {
        fromUtf8(source.name),
        fromUtf8(source.url),
        state,
        source.errorCount > 0 ? QString::number(source.errorCount) : QString(),
        fromUtf8(source.lastError),
        nextPoll,
        interval,
        conversation::priorityText(source.defaultPriority),
        fromUtf8(core::joinWords(source.includeWords)),
        fromUtf8(core::joinWords(source.excludeWords)),
    };
    // Colours derived from the palette in use, so a failing row reads well in light and dark.
    const QPalette& colours = m_table->palette();
    const QBrush troubleBrush = stopped ? errorTextColor(colours) : warningTextColor(colours);
    for (int column = 0; column < ColumnCount; ++column) {
        auto* item = new QTableWidgetItem(texts[column]);
        item->setToolTip(texts[column]);
        if ((stopped || failing) && (column == StateColumn || column == LastErrorColumn || column == ErrorsColumn))
            item->setForeground(troubleBrush);
        else if (!source.enabled && !stopped)
            item->setForeground(colours.brush(QPalette::PlaceholderText));
        m_table->setItem(row, column, item);
    }
    m_table->item(row, NameColumn)->setData(Qt::UserRole, qint64(source.id));
    m_table->item(row, StateColumn)->setIcon(icon);
    if (!stateTip.isEmpty())
        m_table->item(row, StateColumn)->setToolTip(stateTip);
    if (source.errorCount > 0)
        m_table->item(row, ErrorsColumn)->setToolTip(tr("Failed polls in a row"));
}

const store::Source* SourcesDialog::sourceById(std::int64_t id) const
{
    for (const store::Source& source : m_sources)
        if (source.id == id)
            return &source;
    return nullptr;
}

const store::Source* SourcesDialog::selectedSource() const
{
    const QList<QTableWidgetItem*> selected = m_table->selectedItems();
    if (selected.isEmpty())
        return nullptr;
    const QTableWidgetItem* name = m_table->item(selected.front()->row(), NameColumn);
    return name ? sourceById(name->data(Qt::UserRole).toLongLong()) : nullptr;
}

void SourcesDialog::showSelected()
{
    if (m_reloading)
        return;
    const store::Source* source = selectedSource();
    // Keep what was typed in the form when the selection is merely lost (a click on empty space).
    if (source && source->id != m_editingId) {
        m_editingId = source->id;
        loadForm(source);
    }
    updateButtons();
}

void SourcesDialog::selectSource(std::int64_t id)
{
    m_editingId = id;
    const store::Source* source = sourceById(id);
    if (!source)
        m_editingId = 0;
    m_reloading = true;
    m_table->clearSelection();
    for (int row = 0; source && row < m_table->rowCount(); ++row)
        if (m_table->item(row, NameColumn)->data(Qt::UserRole).toLongLong() == id) {
            m_table->selectRow(row);
            m_table->scrollToItem(m_table->item(row, NameColumn));
        }
    m_reloading = false;
    loadForm(source);
    updateButtons();
}

void SourcesDialog::loadForm(const store::Source* source)
{
    m_preview->clear();
    m_kind->setEnabled(!source);  // the kind, like the address, is who a source is
    if (source) {
        const QSignalBlocker quiet(m_kind);
        m_kind->setCurrentIndex(std::max(0, m_kind->findData(fromUtf8(source->kind))));
        if (source->kind != "feed")
            m_platform->show(*source, m_secrets && m_secrets->has(source->id));
    } else {
        m_platform->startNew(m_kind->currentData().toString());
    }
    showKind();
    if (!source) {
        m_form->setTitle(tr("New source"));
        m_save->setText(tr("&Add Source"));
        m_url->setReadOnly(false);
        m_url->setClearButtonEnabled(true);
        m_url->clear();
        m_name->clear();
        m_interval->setValue(kDefaultIntervalMinutes);
        m_include->clear();
        m_exclude->clear();
        m_priority->setCurrentIndex(m_priority->findData(int(inbox::Priority::Normal)));
        m_loadedIntervalSeconds = 0;
        showSourceError(nullptr);
        return;
    }
    m_form->setTitle(tr("Edit “%1”").arg(fromUtf8(source->name)));
    m_save->setText(tr("&Save Changes"));
    // The URL is who the source is (and what dedupes its mentions); a new URL is a new source.
    m_url->setReadOnly(true);
    m_url->setClearButtonEnabled(false);
    m_url->setText(fromUtf8(source->url));
    m_name->setText(fromUtf8(source->name));
    m_interval->setValue(std::max(1, (source->intervalSeconds + 30) / 60));
    m_loadedIntervalSeconds = source->intervalSeconds;
    m_include->setText(fromUtf8(core::joinWords(source->includeWords)));
    m_exclude->setText(fromUtf8(core::joinWords(source->excludeWords)));
    m_priority->setCurrentIndex(std::max(0, m_priority->findData(source->defaultPriority)));
    showSourceError(source);
}

void SourcesDialog::showSourceError(const store::Source* source)
{
    const bool trouble = source && !source->lastError.empty() &&
                         (source->state == SourceState::Disabled ||
                          (source->enabled && source->state == SourceState::Failing));
    if (!trouble) {
        m_sourceError->clear();
        m_sourceError->hide();
        return;
    }
    const QString error = fromUtf8(source->lastError);
    m_sourceError->setText(source->state == SourceState::Disabled ? tr("⛔ Stopped: %1").arg(error)
                           : source->needsCredentials  ? tr("⚠ Needs credentials: %1").arg(error)
                                                       : tr("⚠ Failing (%1 in a row): %2").arg(source->errorCount).arg(error));
    QPalette palette = m_sourceError->palette();
    palette.setColor(QPalette::WindowText, source->state == SourceState::Disabled
                                               ? errorTextColor(m_form->palette())
                                               : warningTextColor(m_form->palette()));
    m_sourceError->setPalette(palette);
    m_sourceError->show();
}

void SourcesDialog::showKind()
{
    const bool feed = m_kind->currentData().toString() == QLatin1String("feed");
    m_fields->setRowVisible(m_url, feed);
    m_platform->setShown(!feed);
    updateButtons();
}

bool SourcesDialog::addPlatformSource(const QString& name)
{
    auto source = connectors::makePlatformSource(m_platform->spec());
    if (!source) {
        showMessage(fromUtf8(source.message()), Tone::Error);
        return false;
    }
    if (!name.isEmpty())
        source->name = toUtf8(name);
    const std::int64_t added = addFromForm(*source);
    if (added == 0)
        return false;
    storeSecret(added);  // before polling, so the first poll has it
    afterWrite(true);
    selectSource(added);
    if (m_message->text().isEmpty())
        showMessage(tr("Added “%1”. Earshot polls it now.").arg(fromUtf8(source->name)));
    return true;
}

void SourcesDialog::storeSecret(std::int64_t sourceId)
{
    const QString secret = m_platform->secret();
    m_message->clear();
    if (secret.isEmpty())
        return;
    if (!m_secrets) {
        showMessage(tr("There is no system keychain to keep the secret in; it was not stored."), Tone::Error);
        return;
    }
    if (const QString error = m_secrets->store(sourceId, secret); !error.isEmpty())
        showMessage(tr("The secret could not be stored in the system keychain: %1. Earshot uses it until it is closed.")
                        .arg(error),
                    Tone::Error);
}

void SourcesDialog::startNew()
{
    m_reloading = true;
    m_table->clearSelection();
    m_reloading = false;
    m_editingId = 0;
    loadForm(nullptr);
    updateButtons();
    m_url->setFocus(Qt::OtherFocusReason);
}

std::optional<QString> SourcesDialog::normalisedUrl(QString* problem) const
{
    const QString text = m_url->text().trimmed();
    if (text.isEmpty()) {
        *problem = tr("Enter the feed's URL first.");
        return std::nullopt;
    }
    // The same reading as the command line's: a host becomes https://, a file a file:// URL.
    auto url = sources::normaliseFeedAddress(toUtf8(QDir::fromNativeSeparators(text)));
    if (!url) {
        *problem = text.contains(QLatin1String("://")) || !url.message().starts_with("there is no feed file")
                       ? tr("“%1” is not a web address Earshot can poll; use http, https or file.").arg(text)
                       : tr("There is no feed file at %1.").arg(text);
        return std::nullopt;
    }
    return fromUtf8(*url);
}

std::int64_t SourcesDialog::addFromForm(store::Source source)
{
    source.intervalSeconds = m_interval->value() * 60;
    source.includeWords = wordsOf(m_include);
    source.excludeWords = wordsOf(m_exclude);
    source.defaultPriority = m_priority->currentData().toInt();
    std::int64_t added = 0;
    if (auto done = write([&](store::Session& session) -> Status {
            auto id = sources::addSource(session, source, m_agent);
            if (!id)
                return id.error();
            added = *id;
            return Ok{};
        });
        !done) {
        showMessage(tr("The source could not be added: %1").arg(fromUtf8(done.message())), Tone::Error);
        return 0;
    }
    return added;
}

Status SourcesDialog::write(const std::function<Status(store::Session&)>& work)
{
    return m_workspace.writer().run(work);
}

void SourcesDialog::save()
{
    if (!m_reader)
        return;
    const QString name = m_name->text().trimmed();

    if (m_editingId == 0 && m_kind->currentData().toString() != QLatin1String("feed")) {
        addPlatformSource(name);
        return;
    }
    if (m_editingId == 0) {
        QString problem;
        const auto url = normalisedUrl(&problem);
        if (!url) {
            showMessage(problem, Tone::Error);
            m_url->setFocus(Qt::OtherFocusReason);
            return;
        }
        store::Source source;
        source.url = toUtf8(*url);
        source.name = toUtf8(name);
        const std::int64_t added = addFromForm(source);
        if (added == 0)
            return;
        afterWrite(true);
        selectSource(added);
        showMessage(tr("Added “%1”. Earshot polls it now.").arg(name.isEmpty() ? *url : name));
        return;
    }

    const store::Source* current = sourceById(m_editingId);
    if (!current)
        return;
    store::Source source = *current;
    if (!name.isEmpty())
        source.name = toUtf8(name);
    // A whole number of minutes is shown; an interval set to the second elsewhere is kept
    // unless the minutes were changed here.
    if (m_interval->value() != std::max(1, (m_loadedIntervalSeconds + 30) / 60))
        source.intervalSeconds = m_interval->value() * 60;
    source.includeWords = wordsOf(m_include);
    source.excludeWords = wordsOf(m_exclude);
    source.defaultPriority = m_priority->currentData().toInt();
    if (auto updated = write([&](store::Session& session) { return session.sources().update(source); }); !updated) {
        showMessage(tr("The changes could not be saved: %1").arg(fromUtf8(updated.message())), Tone::Error);
        return;
    }
    if (source.kind != "feed")
        storeSecret(source.id);
    const bool secretFailed = !m_message->text().isEmpty();
    afterWrite(true);
    selectSource(source.id);
    if (!secretFailed)
        showMessage(tr("Saved “%1”.").arg(fromUtf8(sourceById(source.id) ? sourceById(source.id)->name : source.name)));
}

void SourcesDialog::toggleEnabled()
{
    const store::Source* selected = selectedSource();
    if (!selected || !m_reader)
        return;
    const store::Source source = *selected;
    const bool enable = !source.enabled;
    if (auto done = write([&](store::Session& session) { return session.sources().setEnabled(source.id, enable); }); !done) {
        showMessage(tr("The source could not be changed: %1").arg(fromUtf8(done.message())), Tone::Error);
        return;
    }
    afterWrite(enable);
    selectSource(source.id);
    showMessage(enable ? tr("“%1” is on again; Earshot polls it now.").arg(fromUtf8(source.name))
                       : tr("“%1” is off; Earshot no longer polls it.").arg(fromUtf8(source.name)));
}

void SourcesDialog::removeSelected()
{
    const store::Source* selected = selectedSource();
    if (!selected || !m_reader)
        return;
    const store::Source source = *selected;
    const QString name = fromUtf8(source.name);
    const QString question =
        source.kind == "feed"
            ? tr("Remove “%1”?\n\nEarshot stops polling it. The mentions already stored from it stay in the inbox, "
                 "their conversations and the reports.")
            : tr("Remove “%1”?\n\nEarshot stops polling it and removes its secret from the system keychain. The "
                 "mentions already stored from it stay in the inbox, their conversations and the reports.");
    const auto answer = QMessageBox::question(
        this, tr("Remove Source"), question.arg(name),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    if (auto done = write([&](store::Session& session) { return sources::removeSource(session, source.id, m_agent); }); !done) {
        showMessage(tr("The source could not be removed: %1").arg(fromUtf8(done.message())), Tone::Error);
        return;
    }
    // A credential nothing uses any more does not stay behind in the keychain.
    if (m_secrets && m_secrets->has(source.id))
        if (const QString error = m_secrets->store(source.id, QString()); !error.isEmpty())
            spdlog::warn("the secret of removed source {} stays in the system keychain: {}", source.id, error.toStdString());
    afterWrite(false);
    startNew();
    showMessage(tr("Removed “%1”. Its mentions stay.").arg(name));
}

void SourcesDialog::chooseOpmlFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import OPML"), QDir::homePath(),
                                                      tr("OPML files (*.opml *.xml);;All files (*)"));
    if (!path.isEmpty())
        importOpml(path);
}

bool SourcesDialog::importOpml(const QString& path)
{
    if (!m_reader)
        return false;
    const QString fileName = QFileInfo(path).fileName();
    auto text = core::readFile(QFile::encodeName(path).toStdString());
    if (!text) {
        showMessage(tr("%1 could not be read: %2").arg(fileName, fromUtf8(text.message())), Tone::Error);
        return false;
    }
    // The command line's import: one writer job, so the whole list is written at once.
    Result<sources::OpmlImportReport> report = fail("not run");
    if (auto done = write([&](store::Session& session) -> Status {
            report = sources::importOpml(*text, session, m_agent);
            return Ok{};
        });
        !done)
        report = done.error();
    if (!report) {
        showMessage(tr("%1 is not an OPML file Earshot can read: %2").arg(fileName, fromUtf8(report.message())),
                    Tone::Error);
        return false;
    }
    QStringList skipped;
    for (const sources::OpmlSkipped& outline : report->skipped)
        skipped << (outline.alreadyASource ? tr("%1 (already a source)").arg(fromUtf8(outline.label))
                                           : tr("%1 (%2)").arg(fromUtf8(outline.label), fromUtf8(outline.reason)));
    if (report->added > 0)
        afterWrite(true);
    QString summary = tr("Imported %1: %2 added, %3 skipped.").arg(fileName).arg(report->added).arg(skipped.size());
    if (!skipped.isEmpty()) {
        summary += QLatin1Char(' ') + tr("Skipped: %1").arg(skipped.mid(0, kSkippedShownInline).join(QStringLiteral("; ")));
        if (skipped.size() > kSkippedShownInline)
            summary += QStringLiteral("; …");
    }
    showMessage(summary);
    m_message->setToolTip(skipped.join(QLatin1Char('\n')));
    return true;
}

void SourcesDialog::test()
{
    QString problem;
    const auto url = normalisedUrl(&problem);
    if (!url) {
        showMessage(problem, Tone::Error);
        return;
    }
    m_preview->start(*url, wordsOf(m_include), wordsOf(m_exclude));
    updateButtons();
}

void SourcesDialog::afterWrite(bool poll)
{
    reload();
    if (poll)
        m_engine.pollNow();
    if (auto loaded = m_health.load(*m_reader); !loaded)
        qWarning("cannot refresh source health: %s", loaded.message().c_str());
    emit sourcesChanged();
}

void SourcesDialog::updateButtons()
{
    const store::Source* selected = m_reader ? selectedSource() : nullptr;
    m_toggle->setEnabled(selected != nullptr);
    m_remove->setEnabled(selected != nullptr);
    m_toggle->setText(selected && !selected->enabled ? tr("&Enable") : tr("&Disable"));
    // The preview reads feeds; a platform source shows what it hears after its first poll.
    const bool feed = m_kind->currentData().toString() == QLatin1String("feed");
    m_test->setEnabled(m_reader && feed && !m_preview->isRunning());
    m_save->setEnabled(m_reader != nullptr);
}

void SourcesDialog::showMessage(const QString& text, Tone tone)
{
    m_message->setToolTip({});
    m_message->setText(text);
    QPalette palette = QPalette();
    if (tone == Tone::Error)
        palette.setColor(QPalette::WindowText, errorTextColor(this->palette()));
    m_message->setPalette(palette);
}

void SourcesDialog::changeEvent(QEvent* event)
{
    QDialog::changeEvent(event);
    // Row and error colours are derived from the palette; a new theme needs them again.
    if (event->type() == QEvent::PaletteChange && m_reader && !m_reloading)
        reload();
}

}  // namespace earshot::gui
