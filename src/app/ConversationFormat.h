// Small conversions the conversation pane's widgets share: UTF-8 from the core into
// QString, times as an agent reads them, and which links may leave the application.
#pragma once

#include <QColor>
#include <QString>
#include <QUrl>

#include <cstdint>
#include <string>

#include "earshot/inbox/Vocabulary.h"

class QPalette;

namespace earshot::gui::conversation {

QString fromUtf8(const std::string& text);
// Plain text to HTML that shows exactly those characters, paragraphs and line breaks kept.
QString paragraphs(const std::string& text);
std::string toUtf8(const QString& text);

// "14:32" today, "3 Mar 14:32" this year, "2023-03-03 14:32" before.
QString shortTime(std::int64_t unixSeconds);
// "2024-03-03 14:32".
QString fullTime(std::int64_t unixSeconds);
// "45 s", "12 min", "3 h 5 min", "2 d 4 h".
QString duration(std::int64_t seconds);

// "Resolved", "Nieuw": a status as the interface language says it.
QString statusText(inbox::ConversationStatus status);
// "Low", "Normal", "High", "Urgent" for 0 .. 3.
QString priorityText(int priority);

// Mentions can carry any scheme; only web links go to the browser.
bool isWebLink(const QUrl& url);

// Tints for the thread that stay readable on light and dark palettes: a colour mixed into
// the palette's Base at a small share, so text keeps the palette's own contrast.
QColor mix(const QColor& base, const QColor& tint, double share);
QColor replyTint(const QPalette& palette);
QColor noteTint(const QPalette& palette);
QColor customerTint(const QPalette& palette);

}  // namespace earshot::gui::conversation
