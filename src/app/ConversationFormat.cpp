#include "ConversationFormat.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPalette>

#include "Theme.h"
#include "earshot/bridge/ConversationListModel.h"

namespace earshot::gui::conversation {

QString fromUtf8(const std::string& text) { return QString::fromUtf8(text.data(), qsizetype(text.size())); }

std::string toUtf8(const QString& text) { return text.toUtf8().toStdString(); }

QString shortTime(std::int64_t unixSeconds)
{
    const QDateTime at = QDateTime::fromSecsSinceEpoch(unixSeconds);
    const QDate today = QDate::currentDate();
    if (at.date() == today)
        return at.toString(QStringLiteral("HH:mm"));
    if (at.date().year() == today.year())
        return QLocale().toString(at, QStringLiteral("d MMM HH:mm"));
    return at.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString fullTime(std::int64_t unixSeconds)
{
    return QDateTime::fromSecsSinceEpoch(unixSeconds).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString statusText(inbox::ConversationStatus status)
{
    // Literal contexts, so lupdate finds each string.
    switch (status) {
    case inbox::ConversationStatus::New: return QCoreApplication::translate("earshot::gui::ConversationPane", "New");
    case inbox::ConversationStatus::Open: return QCoreApplication::translate("earshot::gui::ConversationPane", "Open");
    case inbox::ConversationStatus::Pending:
        return QCoreApplication::translate("earshot::gui::ConversationPane", "Pending");
    case inbox::ConversationStatus::Resolved:
        return QCoreApplication::translate("earshot::gui::ConversationPane", "Resolved");
    case inbox::ConversationStatus::Spam: return QCoreApplication::translate("earshot::gui::ConversationPane", "Spam");
    }
    return {};
}

QString paragraphs(const std::string& text)
{
    QString html = fromUtf8(text).trimmed().toHtmlEscaped();
    html.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    html.replace(QLatin1Char('\n'), QLatin1String("<br>"));
    return html;
}

QString duration(std::int64_t seconds)
{
    return bridge::ConversationListModel::durationText(seconds);
}

QString priorityText(int priority)
{
    // In the Sources dialog's context, where they were first translated.
    switch (inbox::priorityFromInt(priority)) {
    case inbox::Priority::Low: return QCoreApplication::translate("earshot::gui::SourcesDialog", "Low");
    case inbox::Priority::Normal: return QCoreApplication::translate("earshot::gui::SourcesDialog", "Normal");
    case inbox::Priority::High: return QCoreApplication::translate("earshot::gui::SourcesDialog", "High");
    case inbox::Priority::Urgent: return QCoreApplication::translate("earshot::gui::SourcesDialog", "Urgent");
    }
    return {};
}

bool isWebLink(const QUrl& url)
{
    return url.isValid() && !url.host().isEmpty() &&
           (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"));
}

QColor mix(const QColor& base, const QColor& tint, double share)
{
    const auto blend = [share](double a, double b) { return a * (1.0 - share) + b * share; };
    return QColor::fromRgbF(float(blend(base.redF(), tint.redF())), float(blend(base.greenF(), tint.greenF())),
                            float(blend(base.blueF(), tint.blueF())));
}

QColor replyTint(const QPalette& palette)
{
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Highlight), isDarkPalette(palette) ? 0.22 : 0.10);
}

QColor noteTint(const QPalette& palette)
{
    // The warning colour is the palette's own yellow-orange, tuned per theme in Theme.cpp.
    return mix(palette.color(QPalette::Base), warningTextColor(palette), isDarkPalette(palette) ? 0.16 : 0.14);
}

QColor customerTint(const QPalette& palette)
{
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Text), isDarkPalette(palette) ? 0.06 : 0.035);
}

}  // namespace earshot::gui::conversation
