// The pane under the mention list: one mention's full text, as plain text, and its link.
// Nothing in a mention is rendered as HTML or fetched; the link opens in the user's
// browser only when they click it.
#pragma once

#include <QWidget>

#include <cstdint>

#include "earshot/store/Mentions.h"

class QLabel;
class QPlainTextEdit;
class QStackedWidget;

namespace earshot::gui {

class MentionDetailView : public QWidget {
    Q_OBJECT

public:
    explicit MentionDetailView(QWidget* parent = nullptr);

    void showMention(const store::MentionRow& mention);
    // A message instead of a mention: nothing selected, or why it could not be read.
    void showPlaceholder(const QString& message);

    std::int64_t mentionId() const { return m_mentionId; }
    QString titleText() const;   // the placeholder's message when no mention is shown
    QString bodyText() const;
    QString linkText() const;

private:
    void openLink(const QString& link);

    std::int64_t m_mentionId = 0;
    // The placeholder takes the mention's place rather than hiding parts of it, so the
    // pane keeps its size as the selection comes and goes.
    QStackedWidget* m_pages;
    QLabel* m_placeholder;
    QWidget* m_mentionPage;
    QLabel* m_title;
    QLabel* m_meta;
    QPlainTextEdit* m_body;
    QLabel* m_link;
};

}  // namespace earshot::gui
