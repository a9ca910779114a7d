#include "ReplyComposer.h"

#include <QButtonGroup>
#include <QClipboard>
#include <QDesktopServices>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTextBlock>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

#include "ConversationFormat.h"
#include "ReplyOverrideDialog.h"
#include "Theme.h"
#include "earshot/checks/CannedReplyRepository.h"
#include "earshot/checks/Graphemes.h"
#include "earshot/checks/Template.h"
#include "earshot/checks/TemplateContextLoader.h"
#include "earshot/inbox/ReplyRules.h"

namespace earshot::gui {

using conversation::fromUtf8;
using conversation::toUtf8;

namespace {

// Long enough that typing doesn't write on every key, short enough that a crash costs
// at most half a second of writing.
constexpr int kDraftDelayMs = 500;

bool dutchInterface() { return QLocale().language() == QLocale::Dutch; }

}  // namespace

ReplyComposer::ReplyComposer(store::Session& session, QWidget* parent)
    : QWidget(parent),
      m_session(session),
      m_opener([](const QUrl& url) { QDesktopServices::openUrl(url); }),
      m_replyMode(new QToolButton(this)),
      m_noteMode(new QToolButton(this)),
      m_modes(new QButtonGroup(this)),
      m_canned(new QToolButton(this)),
      m_cannedMenu(new QMenu(this)),
      m_editors(new QStackedWidget(this)),
      m_editor(new QPlainTextEdit(this)),
      m_noteEditor(new QPlainTextEdit(this)),
      m_findingsList(new QListWidget(this)),
      m_counter(new QLabel(this)),
      m_channelHint(new QLabel(this)),
      m_visibility(new QComboBox(this)),
      m_send(new QPushButton(this)),
      m_draftTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("replyComposer"));

    m_replyMode->setText(tr("Reply"));
    m_replyMode->setObjectName(QStringLiteral("replyModeButton"));
    m_noteMode->setText(tr("Internal note"));
    m_noteMode->setObjectName(QStringLiteral("noteModeButton"));
    for (auto* button : {m_replyMode, m_noteMode}) {
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    }
    m_replyMode->setToolTip(tr("Write to the customer (R)"));
    m_noteMode->setToolTip(tr("Write a note only colleagues see (N)"));
    m_modes->addButton(m_replyMode);
    m_modes->addButton(m_noteMode);
    m_modes->setExclusive(true);
    m_replyMode->setChecked(true);
    connect(m_replyMode, &QToolButton::clicked, this, [this] { setMode(Mode::Reply); });
    connect(m_noteMode, &QToolButton::clicked, this, [this] { setMode(Mode::Note); });

    m_canned->setText(tr("Canned reply"));
    m_canned->setObjectName(QStringLiteral("cannedReplyButton"));
    m_canned->setPopupMode(QToolButton::InstantPopup);
    m_canned->setMenu(m_cannedMenu);
    m_canned->setToolTip(tr("Insert a canned reply, filled in for this conversation"));
    // Read when opened, so replies a colleague just added are there.
    connect(m_cannedMenu, &QMenu::aboutToShow, this, &ReplyComposer::buildCannedMenu);

    m_editor->setObjectName(QStringLiteral("replyEditor"));
    m_editor->setPlaceholderText(tr("Write a reply…  (Ctrl+Enter sends)"));
    m_editor->setTabChangesFocus(true);
    m_editor->installEventFilter(this);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &ReplyComposer::replyTextChanged);

    m_noteEditor->setObjectName(QStringLiteral("noteEditor"));
    m_noteEditor->setPlaceholderText(tr("Write an internal note: only colleagues see it.  (Ctrl+Enter saves)"));
    m_noteEditor->setTabChangesFocus(true);
    m_noteEditor->installEventFilter(this);
    connect(m_noteEditor, &QPlainTextEdit::textChanged, this, &ReplyComposer::updateSendButton);

    m_editors->addWidget(m_editor);
    m_editors->addWidget(m_noteEditor);
    m_editors->setMinimumHeight(90);

    m_findingsList->setObjectName(QStringLiteral("replyFindings"));
    m_findingsList->setFocusPolicy(Qt::NoFocus);
    m_findingsList->setSelectionMode(QAbstractItemView::NoSelection);
    m_findingsList->setWordWrap(true);
    m_findingsList->setFrameShape(QFrame::NoFrame);
    // On the panel's own background: the warnings belong to the composer, not a second editor.
    m_findingsList->viewport()->setAutoFillBackground(false);
    m_findingsList->setAutoFillBackground(false);
    m_findingsList->setVisible(false);

    m_counter->setObjectName(QStringLiteral("replyCounter"));
    m_counter->setTextFormat(Qt::PlainText);
    m_counter->setForegroundRole(QPalette::PlaceholderText);
    m_channelHint->setObjectName(QStringLiteral("replyChannelHint"));
    m_channelHint->setTextFormat(Qt::PlainText);
    m_channelHint->setWordWrap(true);
    m_channelHint->setForegroundRole(QPalette::PlaceholderText);

    m_send->setObjectName(QStringLiteral("replySendButton"));
    m_send->setDefault(false);
    m_send->setAutoDefault(false);
    connect(m_send, &QPushButton::clicked, this, &ReplyComposer::send);

    m_draftTimer->setSingleShot(true);
    m_draftTimer->setInterval(kDraftDelayMs);
    connect(m_draftTimer, &QTimer::timeout, this,
            [this] { emit draftChanged(m_conversationId, m_editor->toPlainText()); });

    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->setSpacing(2);
    top->addWidget(m_replyMode);
    top->addWidget(m_noteMode);
    top->addStretch(1);
    // Beside the mode, where it says who will read what is written below; the hint under the
    // editor keeps the width to say where the reply goes on one line.
    top->addWidget(m_visibility);
    top->addSpacing(8);
    top->addWidget(m_canned);

    auto* bottom = new QHBoxLayout;
    bottom->setContentsMargins(0, 0, 0, 0);
    bottom->setSpacing(12);
    m_visibility->setObjectName(QStringLiteral("replyVisibility"));
    m_visibility->addItem(tr("Visible as the post is"), QString());
    m_visibility->addItem(tr("Public"), QStringLiteral("public"));
    m_visibility->addItem(tr("Quiet public (unlisted)"), QStringLiteral("unlisted"));
    m_visibility->addItem(tr("Followers only"), QStringLiteral("private"));
    m_visibility->addItem(tr("Only the people mentioned"), QStringLiteral("direct"));
    m_visibility->setToolTip(tr("Who sees the reply on Mastodon. Only the people mentioned keeps it between "
                                "you and the customer."));
    m_visibility->hide();
    // The hint has a line of its own: beside the button, in a narrow pane or in Dutch, it
    // squeezed the button's label until it was cut off.
    bottom->addStretch(1);
    bottom->addWidget(m_counter);
    bottom->addWidget(m_send);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(top);
    layout->addWidget(m_editors, 1);
    layout->addWidget(m_findingsList);
    layout->addWidget(m_channelHint);
    layout->addLayout(bottom);

    clearConversation();
}

void ReplyComposer::setAgent(const inbox::Agent& agent)
{
    m_agent = agent;
    loadCheckContext();
    runChecks();
}

void ReplyComposer::loadCheckContext()
{
    if (m_conversationId == 0)
        return;
    auto context = inbox::replyCheckContext(m_session, m_conversationId, m_agent.name);
    if (!context) {
        // An agent missing from this workspace (a test, a profile removed): check what we can.
        context = checks::ReplyCheckContext{};
        context->agentFirstName = m_agent.firstName;
    }
    m_checkContext = std::move(*context);
    m_lengthRule = checks::lengthRuleFor(m_checkContext.platform);
}

void ReplyComposer::setLinkOpener(LinkOpener opener) { m_opener = std::move(opener); }

void ReplyComposer::setConversation(const inbox::ConversationDetail& detail, const QString& draft)
{
    const bool another = detail.id != m_conversationId;
    if (another) {
        flushDraft();
        m_conversationId = detail.id;
        m_settingText = true;
        m_editor->setPlainText(draft);
        m_editor->moveCursor(QTextCursor::End);
        m_noteEditor->clear();
        m_settingText = false;
    }
    m_offPlatform = !detail.canPostOnPlatform;
    loadCheckContext();
    m_mentionLinks.clear();
    for (const auto& mention : detail.mentions)
        m_mentionLinks.push_back(mention.link);
    m_channelHint->setText(m_offPlatform
                               ? tr("Posted by hand: Earshot copies the reply and opens the thread, you paste it there.")
                               : tr("Earshot posts it as a reply on the platform."));
    m_mastodon = !m_offPlatform && detail.sourceKind.rfind("mastodon-", 0) == 0;
    if (another)
        m_visibility->setCurrentIndex(0);
    m_visibility->setVisible(m_mastodon && m_mode == Mode::Reply);
    setEnabled(true);
    runChecks();
    updateSendButton();
}

void ReplyComposer::clearConversation()
{
    flushDraft();
    m_conversationId = 0;
    m_settingText = true;
    m_editor->clear();
    m_noteEditor->clear();
    m_settingText = false;
    m_mentionLinks.clear();
    m_lengthRule.reset();
    m_channelHint->clear();
    runChecks();
    updateSendButton();
    setEnabled(false);
}

void ReplyComposer::clear()
{
    m_draftTimer->stop();
    m_settingText = true;
    m_editor->clear();
    m_settingText = false;
    runChecks();
    updateSendButton();
}

void ReplyComposer::clearNote() { m_noteEditor->clear(); }

void ReplyComposer::setMode(Mode mode)
{
    m_mode = mode;
    m_replyMode->setChecked(mode == Mode::Reply);
    m_noteMode->setChecked(mode == Mode::Note);
    m_editors->setCurrentWidget(mode == Mode::Reply ? m_editor : m_noteEditor);
    m_canned->setVisible(mode == Mode::Reply);
    m_counter->setVisible(mode == Mode::Reply && m_lengthRule.has_value());
    m_channelHint->setVisible(mode == Mode::Reply);
    m_visibility->setVisible(mode == Mode::Reply && m_mastodon);
    m_findingsList->setVisible(mode == Mode::Reply && !m_findings.empty());
    updateSendButton();
}

void ReplyComposer::focusReply()
{
    setMode(Mode::Reply);
    m_editor->setFocus(Qt::ShortcutFocusReason);
}

void ReplyComposer::focusNote()
{
    setMode(Mode::Note);
    m_noteEditor->setFocus(Qt::ShortcutFocusReason);
}

void ReplyComposer::insertCannedReply(const checks::CannedReply& reply)
{
    if (m_conversationId == 0)
        return;
    checks::TemplateContext context;
    if (auto loaded = checks::loadTemplateContext(m_session, m_conversationId, m_agent.name))
        context = std::move(*loaded);
    // Without a context every variable stays as written and the checks flag it, which is
    // the honest result when the database could not be read.
    const checks::Rendered rendered = checks::renderTemplate(reply.body, context);
    setMode(Mode::Reply);
    m_editor->textCursor().insertText(fromUtf8(rendered.text));
    m_editor->setFocus(Qt::OtherFocusReason);
}

void ReplyComposer::buildCannedMenu()
{
    m_cannedMenu->clear();
    auto replies = checks::CannedReplyRepository(m_session).list();
    if (!replies) {
        m_cannedMenu->addAction(tr("Could not read canned replies: %1").arg(fromUtf8(replies.message())))
            ->setEnabled(false);
        return;
    }
    if (replies->empty()) {
        m_cannedMenu->addAction(tr("No canned replies yet"))->setEnabled(false);
        return;
    }
    // Conversations don't record their language, so every reply is offered, the agent's
    // own languages first.
    const auto rank = [this](const std::string& language) {
        const auto found = std::find(m_agent.languages.begin(), m_agent.languages.end(), language);
        return found == m_agent.languages.end() ? m_agent.languages.size() : std::size_t(found - m_agent.languages.begin());
    };
    std::stable_sort(replies->begin(), replies->end(), [&](const auto& a, const auto& b) {
        return rank(a.language) < rank(b.language);
    });
    std::string section;
    for (const auto& reply : *replies) {
        if (reply.language != section) {
            section = reply.language;
            m_cannedMenu->addSection(fromUtf8(section).toUpper());
        }
        QAction* action = m_cannedMenu->addAction(fromUtf8(reply.name));
        action->setToolTip(fromUtf8(reply.body));
        connect(action, &QAction::triggered, this, [this, reply] { insertCannedReply(reply); });
    }
}

void ReplyComposer::replyTextChanged()
{
    runChecks();
    updateSendButton();
    if (!m_settingText && m_conversationId != 0)
        m_draftTimer->start();
}

void ReplyComposer::flushDraft()
{
    // Only a pending save: an idle timer means the last text was already handed over.
    if (!m_draftTimer->isActive())
        return;
    m_draftTimer->stop();
    emit draftChanged(m_conversationId, m_editor->toPlainText());
}

void ReplyComposer::runChecks()
{
    const QString text = m_editor->toPlainText();
    if (m_conversationId == 0 || text.trimmed().isEmpty()) {
        // "Empty" is what the disabled Send button already says.
        m_findings.clear();
    } else {
        m_findings = checks::checkReply(toUtf8(text), m_checkContext);
    }

    const bool dutch = dutchInterface();
    m_findingsList->clear();
    const QColor warning = warningTextColor(palette());
    for (const auto& finding : m_findings) {
        auto* item = new QListWidgetItem(QStringLiteral("⚠  ") +
                                         fromUtf8(dutch && !finding.messageNl.empty() ? finding.messageNl : finding.message));
        item->setData(Qt::UserRole, fromUtf8(finding.id));
        item->setForeground(warning);
        m_findingsList->addItem(item);
    }
    fitFindingsList();
    m_findingsList->setVisible(m_mode == Mode::Reply && !m_findings.empty());
    highlightFindings();
    updateCounter();
}

void ReplyComposer::fitFindingsList()
{
    // As tall as its warnings (up to four, each as many lines as it wraps to), so the composer
    // doesn't jump or leave a gap.
    const int rows = std::min(m_findingsList->count(), 4);
    if (rows == 0)
        return;
    // The list may be hidden and unsized yet; it spans the editor's width when shown.
    const int width = std::max(200, m_editor->width() - 2 * m_findingsList->frameWidth() - 8);
    const QFontMetrics metrics(m_findingsList->font());
    int height = 2 * m_findingsList->frameWidth() + 2;
    for (int row = 0; row < rows; ++row)
        height += metrics.boundingRect(QRect(0, 0, width, 0), Qt::TextWordWrap, m_findingsList->item(row)->text())
                      .height() + 2;
    m_findingsList->setFixedHeight(height);
}

void ReplyComposer::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitFindingsList();   // a wider composer wraps the warnings into fewer lines
}

void ReplyComposer::highlightFindings()
{
    const QString text = m_editor->toPlainText();
    const std::string utf8 = toUtf8(text);
    QList<QTextEdit::ExtraSelection> selections;
    const QColor background = conversation::mix(palette().color(QPalette::Base), warningTextColor(palette()), 0.25);
    for (const auto& finding : m_findings) {
        if (!finding.span || finding.span->length == 0)
            continue;
        const auto start = int(checks::utf16Offset(utf8, std::min(finding.span->offset, utf8.size())));
        const auto end = int(checks::utf16Offset(utf8, std::min(finding.span->end(), utf8.size())));
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(m_editor->document());
        selection.cursor.setPosition(start);
        selection.cursor.setPosition(end, QTextCursor::KeepAnchor);
        // A missing signature is about the whole ending: an underline says so without hiding
        // the highlights of what is actually wrong inside it.
        if (finding.id != "signature")
            selection.format.setBackground(background);
        selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        selection.format.setUnderlineColor(warningTextColor(palette()));
        selection.format.setToolTip(fromUtf8(finding.message));
        selections.append(selection);
    }
    m_editor->setExtraSelections(selections);
}

void ReplyComposer::updateCounter()
{
    if (!m_lengthRule) {
        m_counter->clear();
        m_counter->setVisible(false);
        return;
    }
    const auto count = checks::countForPlatform(toUtf8(m_editor->toPlainText()), *m_lengthRule);
    m_counter->setText(tr("%1 / %2").arg(count.count).arg(m_lengthRule->limit));
    m_counter->setToolTip(tr("Characters as %1 counts them").arg(fromUtf8(m_lengthRule->platformLabel)));
    QPalette counterPalette = palette();
    if (count.count > m_lengthRule->limit)
        counterPalette.setColor(QPalette::WindowText, errorTextColor(palette()));
    m_counter->setForegroundRole(count.count > m_lengthRule->limit ? QPalette::WindowText : QPalette::PlaceholderText);
    m_counter->setPalette(counterPalette);
    m_counter->setVisible(m_mode == Mode::Reply);
}

void ReplyComposer::updateSendButton()
{
    if (m_mode == Mode::Note) {
        m_send->setText(tr("Add note"));
        m_send->setEnabled(m_conversationId != 0 && !m_noteEditor->toPlainText().trimmed().isEmpty());
        return;
    }
    m_send->setText(m_offPlatform ? tr("Copy, open link and record") : tr("Send"));
    m_send->setEnabled(m_conversationId != 0 && !m_editor->toPlainText().trimmed().isEmpty() && !m_overrideDialog);
}

QString ReplyComposer::visibility() const
{
    return m_mastodon ? m_visibility->currentData().toString() : QString();
}

void ReplyComposer::send()
{
    if (m_conversationId == 0)
        return;
    if (m_mode == Mode::Note) {
        const QString note = m_noteEditor->toPlainText().trimmed();
        if (!note.isEmpty())
            emit noteRequested(m_conversationId, note);
        return;
    }
    const QString text = m_editor->toPlainText().trimmed();
    if (text.isEmpty() || m_overrideDialog)
        return;
    loadCheckContext();
    runChecks();
    if (m_findings.empty()) {
        finishSend(text, {});
        return;
    }
    // open(), not exec(): no nested event loop, so the draft timer and the window's
    // engine reports keep running while the agent thinks.
    m_overrideDialog = new ReplyOverrideDialog(m_findings, dutchInterface(), this);
    m_overrideDialog->setAttribute(Qt::WA_DeleteOnClose);
    const std::int64_t conversationId = m_conversationId;
    connect(m_overrideDialog, &QDialog::finished, this, [this, conversationId, text](int result) {
        const auto overrides = m_overrideDialog->overrides();
        m_overrideDialog = nullptr;
        updateSendButton();
        // The agent may have switched conversations meanwhile; the text was for the old one.
        if (result == QDialog::Accepted && conversationId == m_conversationId)
            finishSend(text, overrides);
    });
    updateSendButton();
    m_overrideDialog->open();
}

void ReplyComposer::finishSend(const QString& text, const QList<QPair<QString, QString>>& overrides)
{
    // The pending draft is about to be cleared by Inbox::reply; saving it after would bring it back.
    m_draftTimer->stop();
    emit replyRequested(m_conversationId, text, overrides, m_offPlatform);
}

void ReplyComposer::handToAgentToPost(const QString& text)
{
    QGuiApplication::clipboard()->setText(text);
    const QString link = firstWebLink();
    if (!link.isEmpty() && m_opener)
        m_opener(QUrl(link));
}

QString ReplyComposer::firstWebLink() const
{
    for (const auto& link : m_mentionLinks) {
        const QString text = fromUtf8(link);
        if (conversation::isWebLink(QUrl(text)))
            return text;
    }
    return {};
}

bool ReplyComposer::eventFilter(QObject* watched, QEvent* event)
{
    if ((watched == m_editor || watched == m_noteEditor) && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            key->modifiers().testFlag(Qt::ControlModifier)) {
            send();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ReplyComposer::changeEvent(QEvent* event)
{
    // Warning colours are derived from the palette; a theme switch must recolour them.
    if (event->type() == QEvent::PaletteChange)
        runChecks();
    QWidget::changeEvent(event);
}

}  // namespace earshot::gui
