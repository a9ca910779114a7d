// Where an agent writes: the reply to the customer (with canned replies, live reply checks,
// a length counter for the platform and the agent's draft) and, behind a toggle, an
// internal note. The composer never writes to the database: it asks, through signals, and
// the window acts through inbox::Inbox and calls back (clear(), the pane's reload()).
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QWidget>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "earshot/checks/CannedReplyRepository.h"
#include "earshot/checks/LengthLimit.h"
#include "earshot/checks/ReplyCheck.h"
#include "earshot/inbox/AgentRepository.h"
#include "earshot/inbox/ConversationReader.h"
#include "earshot/store/Session.h"

class QButtonGroup;
class QComboBox;
class QLabel;
class QListWidget;
class QMenu;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTimer;
class QToolButton;

namespace earshot::gui {

class ReplyOverrideDialog;

class ReplyComposer : public QWidget {
    Q_OBJECT

public:
    using LinkOpener = std::function<void(const QUrl&)>;
    enum class Mode { Reply, Note };

    // `session` is the window's reading session: the checks' context, canned replies and
    // template values.
    explicit ReplyComposer(store::Session& session, QWidget* parent = nullptr);

    void setAgent(const inbox::Agent& agent);
    // Off-platform sends open the mention's link through this; QDesktopServices by default.
    void setLinkOpener(LinkOpener opener);
    // An off-platform reply, once recorded: copied, and the thread opened for the agent to
    // paste it there. Never before it is recorded, so a refused reply is posted nowhere.
    void handToAgentToPost(const QString& text);

    // A conversation to answer. Another conversation than the current one flushes the
    // pending draft of the old one first and shows `draft`; the same one (a reload) keeps
    // what is being written and only takes the new facts (platform, channel, link).
    void setConversation(const inbox::ConversationDetail& detail, const QString& draft);
    // Nothing to answer: empties and disables everything (after flushing the draft).
    void clearConversation();
    std::int64_t conversationId() const { return m_conversationId; }

    // After the window recorded the reply / the note. Emits no draft: Inbox::reply already
    // cleared it.
    void clear();
    void clearNote();

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    void focusReply();
    void focusNote();

    // Renders a canned reply for this conversation and agent and inserts it at the cursor.
    void insertCannedReply(const checks::CannedReply& reply);

    QPlainTextEdit* editor() const { return m_editor; }
    QPlainTextEdit* noteEditor() const { return m_noteEditor; }
    QPushButton* sendButton() const { return m_send; }
    QToolButton* cannedButton() const { return m_canned; }
    QMenu* cannedMenu() const { return m_cannedMenu; }
    QListWidget* findingsList() const { return m_findingsList; }
    QLabel* counterLabel() const { return m_counter; }
    // Mastodon's visibility for the reply the agent chose; empty: the post's own. Shown only
    // for Mastodon conversations.
    QString visibility() const;
    QComboBox* visibilityField() const { return m_visibility; }
    const std::vector<checks::Finding>& findings() const { return m_findings; }
    // The override dialog while it is open, else null.
    ReplyOverrideDialog* overrideDialog() const { return m_overrideDialog; }

    // Sends what is written in the current mode, as the Send button does (Ctrl+Enter).
    void send();

signals:
    void replyRequested(qint64 conversationId, const QString& text, const QList<QPair<QString, QString>>& overrides,
                        bool offPlatform);
    void noteRequested(qint64 conversationId, const QString& text);
    void draftChanged(qint64 conversationId, const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void buildCannedMenu();
    void replyTextChanged();
    void runChecks();
    void highlightFindings();
    void fitFindingsList();
    void updateCounter();
    void updateSendButton();
    void flushDraft();
    // Reads what the checks depend on (platform, first name, the team's signature rule) from
    // the workspace, so a rule changed in Settings holds from the next conversation or send.
    void loadCheckContext();
    void finishSend(const QString& text, const QList<QPair<QString, QString>>& overrides);
    QString firstWebLink() const;

    store::Session& m_session;
    inbox::Agent m_agent;
    LinkOpener m_opener;

    std::int64_t m_conversationId = 0;
    bool m_offPlatform = false;
    checks::ReplyCheckContext m_checkContext;
    std::vector<std::string> m_mentionLinks;
    std::optional<checks::LengthRule> m_lengthRule;
    std::vector<checks::Finding> m_findings;
    // True while the composer itself changes the text, which is no draft to save.
    bool m_settingText = false;
    Mode m_mode = Mode::Reply;

    QToolButton* m_replyMode;
    QToolButton* m_noteMode;
    QButtonGroup* m_modes;
    QToolButton* m_canned;
    QMenu* m_cannedMenu;
    QStackedWidget* m_editors;
    QPlainTextEdit* m_editor;
    QPlainTextEdit* m_noteEditor;
    QListWidget* m_findingsList;
    QLabel* m_counter;
    QLabel* m_channelHint;
    QComboBox* m_visibility;
    QPushButton* m_send;
    QTimer* m_draftTimer;
    ReplyOverrideDialog* m_overrideDialog = nullptr;
    bool m_mastodon = false;   // the conversation comes from Mastodon: visibility can be chosen
};

}  // namespace earshot::gui
