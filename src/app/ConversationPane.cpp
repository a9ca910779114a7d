#include "ConversationPane.h"


#include <QComboBox>
#include <QDateTime>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

#include "AuthorCard.h"
#include "ConversationFormat.h"
#include "ReplyComposer.h"
#include "ThreadView.h"
#include "TimelineView.h"

namespace earshot::gui {

using conversation::fromUtf8;

namespace {

constexpr int kAuthorCardWidth = 260;

QLabel* mutedLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

}  // namespace

ConversationPane::ConversationPane(store::Session& reader, QWidget* parent)
    : QWidget(parent),
      m_reader(reader),
      m_pages(new QStackedWidget(this)),
      m_placeholder(new QLabel(this)),
      m_conversationPage(new QWidget(this)),
      m_customerName(new QLabel(this)),
      m_customerHandle(mutedLabel(this)),
      m_meta(mutedLabel(this)),
      m_times(mutedLabel(this)),
      m_othersHere(new QLabel(this)),
      m_changedMeanwhile(new QLabel(this)),
      m_priority(new QComboBox(this)),
      m_tagBox(new QWidget(this)),
      m_tagLayout(new QHBoxLayout(m_tagBox)),
      m_tagField(new QLineEdit(this)),
      m_split(new QSplitter(Qt::Vertical, this)),
      m_tabs(new QTabWidget(this)),
      m_thread(new ThreadView(this)),
      m_timeline(new TimelineView(this)),
      m_authorCard(new AuthorCard(reader, this)),
      m_composer(new ReplyComposer(reader, this))
{
    setObjectName(QStringLiteral("conversationPane"));

    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setTextFormat(Qt::PlainText);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_placeholder->setObjectName(QStringLiteral("conversationPlaceholder"));

    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_thread, tr("Conversation"));
    m_tabs->addTab(m_timeline, tr("Timeline"));

    // The composer is part of the work area, so it sits under the thread with a handle the
    // agent can drag; the thread gets the room by default.
    auto* composerBox = new QWidget(this);
    auto* composerLayout = new QVBoxLayout(composerBox);
    composerLayout->setContentsMargins(12, 8, 12, 12);
    composerLayout->addWidget(m_composer);
    m_split->addWidget(m_tabs);
    m_split->addWidget(composerBox);
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 1);
    m_split->setChildrenCollapsible(false);
    m_split->setSizes({520, 220});

    auto* cardFrame = new QFrame(this);
    cardFrame->setFrameShape(QFrame::StyledPanel);
    cardFrame->setFixedWidth(kAuthorCardWidth);
    auto* cardLayout = new QVBoxLayout(cardFrame);
    cardLayout->setContentsMargins(0, 0, 0, 0);
    cardLayout->addWidget(m_authorCard);

    auto* body = new QHBoxLayout;
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(8);
    body->addWidget(m_split, 1);
    body->addWidget(cardFrame);

    auto* pageLayout = new QVBoxLayout(m_conversationPage);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->setSpacing(0);
    pageLayout->addWidget(buildHeader());
    auto* rule = new QFrame(this);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Sunken);
    pageLayout->addWidget(rule);
    m_changedMeanwhile->setObjectName(QStringLiteral("conversationChangedMeanwhile"));
    m_changedMeanwhile->setTextFormat(Qt::PlainText);
    m_changedMeanwhile->setWordWrap(true);
    m_changedMeanwhile->setMargin(10);
    m_changedMeanwhile->setAutoFillBackground(true);
    m_changedMeanwhile->hide();
    pageLayout->addWidget(m_changedMeanwhile);
    pageLayout->addLayout(body, 1);

    m_pages->addWidget(m_placeholder);
    m_pages->addWidget(m_conversationPage);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    connect(m_composer, &ReplyComposer::replyRequested, this, &ConversationPane::replyRequested);
    connect(m_composer, &ReplyComposer::noteRequested, this, &ConversationPane::noteRequested);
    connect(m_composer, &ReplyComposer::draftChanged, this, &ConversationPane::draftChanged);
    connect(m_authorCard, &AuthorCard::openConversationRequested, this, &ConversationPane::openConversationRequested);
    connect(m_priority, &QComboBox::activated, this, [this](int index) {
        if (m_conversationId != 0)
            emit priorityRequested(m_conversationId, m_priority->itemData(index).toInt());
    });
    connect(m_tagField, &QLineEdit::returnPressed, this, &ConversationPane::addTagFromField);

    showPlaceholder(tr("Select a conversation"));
}

QWidget* ConversationPane::buildHeader()
{
    auto* header = new QWidget(this);
    header->setObjectName(QStringLiteral("conversationHeader"));

    QFont nameFont = m_customerName->font();
    nameFont.setBold(true);
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.25);
    m_customerName->setFont(nameFont);
    m_customerName->setTextFormat(Qt::PlainText);
    m_customerName->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_customerName->setObjectName(QStringLiteral("conversationCustomerName"));
    m_customerHandle->setObjectName(QStringLiteral("conversationCustomerHandle"));
    m_meta->setObjectName(QStringLiteral("conversationMeta"));
    m_times->setObjectName(QStringLiteral("conversationTimes"));
    m_meta->setForegroundRole(QPalette::WindowText);
    m_othersHere->setObjectName(QStringLiteral("conversationOthersHere"));
    m_othersHere->setTextFormat(Qt::PlainText);
    QFont othersFont = m_othersHere->font();
    othersFont.setItalic(true);
    m_othersHere->setFont(othersFont);
    m_othersHere->setForegroundRole(QPalette::Link);
    m_othersHere->hide();

    m_priority->setObjectName(QStringLiteral("conversationPriority"));
    m_priority->addItem(tr("Low priority"), int(inbox::Priority::Low));
    m_priority->addItem(tr("Normal priority"), int(inbox::Priority::Normal));
    m_priority->addItem(tr("High priority"), int(inbox::Priority::High));
    m_priority->addItem(tr("Urgent"), int(inbox::Priority::Urgent));
    m_priority->setFocusPolicy(Qt::StrongFocus);
    m_priority->setToolTip(tr("Priority"));

    m_tagLayout->setContentsMargins(0, 0, 0, 0);
    m_tagLayout->setSpacing(6);
    m_tagField->setObjectName(QStringLiteral("conversationTagField"));
    m_tagField->setPlaceholderText(tr("Add tag…"));
    m_tagField->setFixedWidth(130);
    m_tagField->setClearButtonEnabled(true);

    auto* nameRow = new QHBoxLayout;
    nameRow->setSpacing(8);
    nameRow->addWidget(m_customerName);
    nameRow->addWidget(m_customerHandle);
    nameRow->addStretch(1);
    nameRow->addWidget(m_othersHere);
    nameRow->addWidget(m_priority);

    auto* tagRow = new QHBoxLayout;
    tagRow->setSpacing(6);
    tagRow->addWidget(m_tagBox);
    tagRow->addWidget(m_tagField);
    tagRow->addStretch(1);

    auto* layout = new QVBoxLayout(header);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(4);
    layout->addLayout(nameRow);
    layout->addWidget(m_meta);
    layout->addWidget(m_times);
    layout->addSpacing(4);
    layout->addLayout(tagRow);
    return header;
}

void ConversationPane::setAgent(const inbox::Agent& agent)
{
    const bool another = agent.name != m_agent.name;
    m_agent = agent;
    m_composer->setAgent(agent);
    // Drafts belong to an agent: a new agent gets their own draft of what is shown.
    if (another && m_conversationId != 0) {
        const auto id = m_conversationId;
        m_composer->clearConversation();
        load(id, true);
    }
}

void ConversationPane::setLinkOpener(LinkOpener opener)
{
    m_thread->setLinkOpener(opener);
    m_authorCard->setLinkOpener(opener);
    m_composer->setLinkOpener(std::move(opener));
}

void ConversationPane::showConversation(std::int64_t id)
{
    if (id == 0)
        return showNothing(tr("Select a conversation"));
    load(id, id != m_conversationId);
}

void ConversationPane::showNothing(const QString& why)
{
    m_composer->clearConversation();
    m_conversationId = 0;
    showPlaceholder(why);
}

void ConversationPane::reload()
{
    if (m_conversationId != 0)
        load(m_conversationId, false);
}

void ConversationPane::setOthersHere(const QString& text)
{
    m_othersHere->setText(text);
    m_othersHere->setVisible(!text.isEmpty());
}

QString ConversationPane::othersHere() const { return m_othersHere->text(); }

void ConversationPane::acknowledge(const inbox::Unseen& listed)
{
    for (const inbox::ConversationMention& mention : listed.mentions)
        m_seen.mentions.push_back(mention.id);
    for (const inbox::TimelineEntry& entry : listed.events)
        m_seen.events.push_back(entry.id);
    std::sort(m_seen.mentions.begin(), m_seen.mentions.end());
    std::sort(m_seen.events.begin(), m_seen.events.end());
}

void ConversationPane::showChangedMeanwhile(const QString& what)
{
    QPalette tinted = m_changedMeanwhile->palette();
    tinted.setColor(QPalette::Window, conversation::noteTint(palette()));
    tinted.setColor(QPalette::WindowText, palette().color(QPalette::Text));
    m_changedMeanwhile->setPalette(tinted);
    m_changedMeanwhile->setText(what);
    m_changedMeanwhile->show();
}

QString ConversationPane::changedMeanwhileText() const
{
    return m_changedMeanwhile->isHidden() ? QString() : m_changedMeanwhile->text();
}

void ConversationPane::load(std::int64_t id, bool fresh)
{
    auto detail = inbox::readConversation(m_reader, id);
    if (!detail) {
        m_composer->clearConversation();
        m_conversationId = 0;
        showPlaceholder(tr("Could not read conversation #%1: %2").arg(id).arg(fromUtf8(detail.message())));
        return;
    }
    m_conversationId = id;
    fillHeader(*detail);
    m_thread->showConversation(*detail);
    m_authorCard->showCustomer(*detail);
    auto timeline = inbox::readTimeline(m_reader, id);
    if (timeline)
        m_timeline->setEntries(*timeline);
    else
        m_timeline->showMessage(tr("Could not read the timeline: %1").arg(fromUtf8(timeline.message())));
    if (fresh) {
        // Unreadable, it counts as nothing seen: a reply then stops once to show what is there.
        m_seen = inbox::seenOf(*detail, timeline ? *timeline : std::vector<inbox::TimelineEntry>{});
        m_changedMeanwhile->hide();
    }

    QString draft;
    if (fresh && !m_agent.name.empty()) {
        // A draft that cannot be read is not worth blocking the conversation for; the
        // agent starts with an empty composer and the next save replaces it.
        if (auto loaded = inbox::loadDraft(m_reader, id, m_agent.name); loaded && *loaded)
            draft = fromUtf8((*loaded)->body);
    }
    m_composer->setConversation(*detail, draft);
    if (fresh)
        m_tabs->setCurrentWidget(m_thread);
    m_pages->setCurrentWidget(m_conversationPage);
}

void ConversationPane::showPlaceholder(const QString& message)
{
    m_placeholder->setText(message);
    m_thread->clearConversation();
    m_timeline->clear();
    m_authorCard->clearCustomer();
    m_pages->setCurrentWidget(m_placeholder);
}

void ConversationPane::fillHeader(const inbox::ConversationDetail& detail)
{
    const QString name = fromUtf8(detail.customerName);
    const QString handle = fromUtf8(detail.customerHandle);
    m_customerName->setText(!name.isEmpty() ? name : !handle.isEmpty() ? handle : tr("Unknown customer"));
    m_customerHandle->setText(!name.isEmpty() ? handle : QString());

    QStringList meta;
    meta << fromUtf8(detail.sourceName) << conversation::statusText(detail.status)
         << (detail.assignee.empty() ? tr("Unassigned") : tr("Assigned to %1").arg(fromUtf8(detail.assignee)));
    m_meta->setText(meta.join(QStringLiteral("  ·  ")));

    const std::int64_t now = QDateTime::currentSecsSinceEpoch();
    QStringList times;
    times << (detail.messageCount == 1 ? tr("1 message") : tr("%1 messages").arg(detail.messageCount));
    times << tr("created %1").arg(conversation::shortTime(detail.createdAt));
    if (detail.firstResponseAt)
        times << tr("first response after %1").arg(conversation::duration(*detail.firstResponseAt - detail.createdAt));
    else
        times << tr("no response yet");
    std::int64_t lastReply = 0;
    for (const auto& reply : detail.replies)
        lastReply = std::max(lastReply, reply.sentAt);
    const bool ours = detail.status == inbox::ConversationStatus::New || detail.status == inbox::ConversationStatus::Open;
    if (ours && detail.lastCustomerAt > lastReply)
        times << tr("waiting %1").arg(conversation::duration(now - detail.lastCustomerAt));
    m_times->setText(times.join(QStringLiteral("  ·  ")));
    m_times->setToolTip(tr("Created %1").arg(conversation::fullTime(detail.createdAt)));

    m_priority->setCurrentIndex(std::max(0, m_priority->findData(int(detail.priority))));
    rebuildTags(detail.tags);
}

void ConversationPane::rebuildTags(const std::vector<std::string>& tags)
{
    QStringList names;
    for (const auto& tag : tags)
        names << fromUtf8(tag);
    if (names == m_tagNames && m_tagLayout->count() == names.size())
        return;
    m_tagNames = names;
    while (std::unique_ptr<QLayoutItem> item{m_tagLayout->takeAt(0)}) {
        if (QWidget* chip = item->widget()) {
            // Later, not now: the chip's own remove button may be what is calling us.
            chip->hide();
            chip->deleteLater();
        }
    }
    for (const QString& tag : names) {
        auto* chip = new QFrame(m_tagBox);
        chip->setObjectName(QStringLiteral("tagChip"));
        // palette() keeps the chip in the theme's own colours, light and dark.
        chip->setStyleSheet(QStringLiteral("QFrame#tagChip { background: palette(base); "
                                           "border: 1px solid palette(midlight); border-radius: 10px; }"));
        auto* label = new QLabel(tag, chip);
        label->setTextFormat(Qt::PlainText);
        auto* remove = new QToolButton(chip);
        remove->setText(QStringLiteral("×"));
        remove->setAutoRaise(true);
        remove->setObjectName(QStringLiteral("removeTag_") + tag);
        remove->setToolTip(tr("Remove tag “%1”").arg(tag));
        remove->setAccessibleName(tr("Remove tag %1").arg(tag));
        remove->setFixedSize(18, 18);
        connect(remove, &QToolButton::clicked, this, [this, tag] {
            if (m_conversationId != 0)
                emit tagRemoveRequested(m_conversationId, tag);
        });
        auto* chipLayout = new QHBoxLayout(chip);
        chipLayout->setContentsMargins(8, 1, 2, 1);
        chipLayout->setSpacing(2);
        chipLayout->addWidget(label);
        chipLayout->addWidget(remove);
        m_tagLayout->addWidget(chip);
    }
    m_tagBox->setVisible(!names.isEmpty());
}

void ConversationPane::addTagFromField()
{
    const QString tag = m_tagField->text().simplified();
    if (tag.isEmpty() || m_conversationId == 0)
        return;
    emit tagAddRequested(m_conversationId, tag);
    m_tagField->clear();
}

void ConversationPane::clearComposer()
{
    m_composer->clear();
    m_changedMeanwhile->hide();   // sent: what stopped the earlier try is answered
}
void ConversationPane::clearNote() { m_composer->clearNote(); }
void ConversationPane::focusComposer() { m_composer->focusReply(); }
void ConversationPane::focusNote() { m_composer->focusNote(); }
QPlainTextEdit* ConversationPane::composerEditor() const { return m_composer->editor(); }
QPlainTextEdit* ConversationPane::noteEditor() const { return m_composer->noteEditor(); }

QString ConversationPane::headerText() const
{
    if (m_conversationId == 0)
        return {};
    QStringList lines;
    lines << (m_customerName->text() + QLatin1Char(' ') + m_customerHandle->text()).trimmed() << m_meta->text()
          << m_times->text() << m_priority->currentText();
    if (!m_tagNames.isEmpty())
        lines << m_tagNames.join(QStringLiteral(", "));
    return lines.join(QLatin1Char('\n'));
}

QString ConversationPane::placeholderText() const
{
    return m_pages->currentWidget() == m_placeholder ? m_placeholder->text() : QString();
}

}  // namespace earshot::gui
