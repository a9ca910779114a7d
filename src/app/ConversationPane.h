// One conversation, everything an agent needs to answer it: a header with who, where, what
// state, tags and timing; the thread (mentions, replies and internal notes, oldest first);
// the timeline of who did what; the customer's card; and the composer. The pane reads
// through the window's read-only connection and never writes: every change is a signal the
// window carries out through inbox::Inbox, after which it calls reload().
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QWidget>

#include <cstdint>
#include <functional>

#include "earshot/inbox/AgentRepository.h"
#include "earshot/inbox/ConversationReader.h"
#include "earshot/inbox/Seen.h"
#include "earshot/store/Session.h"

class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace earshot::gui {

class AuthorCard;
class ReplyComposer;
class ThreadView;
class TimelineView;

class ConversationPane : public QWidget {
    Q_OBJECT

public:
    using LinkOpener = std::function<void(const QUrl&)>;

    // Reads through `reader` (a reading session of its own, on this thread).
    explicit ConversationPane(store::Session& reader, QWidget* parent = nullptr);

    void setAgent(const inbox::Agent& agent);
    // Every link the pane opens (mention links, profiles, off-platform sends) goes through
    // this; QDesktopServices by default.
    void setLinkOpener(LinkOpener opener);

    // 0: nothing selected. Loads the agent's draft for the conversation.
    void showConversation(std::int64_t id);
    // No conversation to show, and why (an empty view, a search without matches).
    void showNothing(const QString& why);
    // Reads the shown conversation again after a change; keeps what is being written and
    // where the thread is scrolled.
    void reload();
    // Who else is at this conversation on other desktops ("Anouk Smit is replying…"); empty:
    // nobody.
    void setOthersHere(const QString& text);
    QString othersHere() const;

    // What the agent saw when they opened the shown conversation: a reply is checked against
    // it (inbox/Seen.h). acknowledge() adds what showChangedMeanwhile() listed, and only that:
    // whatever came after is still news at the next send.
    const inbox::Seen& seen() const { return m_seen; }
    void acknowledge(const inbox::Unseen& listed);
    void showChangedMeanwhile(const QString& what);
    QString changedMeanwhileText() const;
    std::int64_t conversationId() const { return m_conversationId; }

    // After the window recorded the reply / the note.
    void clearComposer();
    void clearNote();

    // Keyboard-first use: R and N in the window.
    void focusComposer();
    void focusNote();

    QPlainTextEdit* composerEditor() const;
    QPlainTextEdit* noteEditor() const;
    ReplyComposer* composer() const { return m_composer; }
    ThreadView* threadView() const { return m_thread; }
    TimelineView* timelineView() const { return m_timeline; }
    AuthorCard* authorCard() const { return m_authorCard; }
    QTabWidget* tabs() const { return m_tabs; }
    QComboBox* priorityBox() const { return m_priority; }
    QLineEdit* tagField() const { return m_tagField; }
    // What the header says, line by line, as a person reads it.
    QString headerText() const;
    QStringList tags() const { return m_tagNames; }
    // The empty state's or error's message; empty while a conversation is shown.
    QString placeholderText() const;

signals:
    void replyRequested(qint64 conversationId, const QString& text, const QList<QPair<QString, QString>>& overrides,
                        bool offPlatform);
    void noteRequested(qint64 conversationId, const QString& text);
    void draftChanged(qint64 conversationId, const QString& text);
    void tagAddRequested(qint64 conversationId, const QString& tag);
    void tagRemoveRequested(qint64 conversationId, const QString& tag);
    void priorityRequested(qint64 conversationId, int priority);
    void openConversationRequested(qint64 conversationId);

private:
    QWidget* buildHeader();
    void load(std::int64_t id, bool fresh);
    void showPlaceholder(const QString& message);
    void fillHeader(const inbox::ConversationDetail& detail);
    void rebuildTags(const std::vector<std::string>& tags);
    void addTagFromField();

    store::Session& m_reader;
    inbox::Agent m_agent;
    std::int64_t m_conversationId = 0;
    QStringList m_tagNames;

    QStackedWidget* m_pages;
    QLabel* m_placeholder;
    QWidget* m_conversationPage;
    QLabel* m_customerName;
    QLabel* m_customerHandle;
    QLabel* m_meta;
    QLabel* m_times;
    QLabel* m_othersHere;
    QLabel* m_changedMeanwhile;
    inbox::Seen m_seen;
    QComboBox* m_priority;
    QWidget* m_tagBox;
    QHBoxLayout* m_tagLayout;
    QLineEdit* m_tagField;
    QSplitter* m_split;
    QTabWidget* m_tabs;
    ThreadView* m_thread;
    TimelineView* m_timeline;
    AuthorCard* m_authorCard;
    ReplyComposer* m_composer;
};

}  // namespace earshot::gui
