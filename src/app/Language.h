// Which language the console speaks. The choice is saved under QSettings "ui/language"
// ("en", "nl", or "system"/unset for the system's language); --language overrides it for
// one run. Translations are compiled into the program (ui/translations/*.ts).
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace earshot::gui {

// The languages the console is translated into, English (the source) included.
QStringList availableLanguages();

QString savedLanguage();   // "system" when unset
void saveLanguage(const QString& choice);

// The language to load for a choice: "en", "nl", or for "system" (and anything unknown)
// the system's language when we have it, else English.
QString resolveLanguage(const QString& choice, const QLocale& system = QLocale::system());

// Installs Earshot's translation for the language and, when the system has it, Qt's own
// (standard buttons and dialogs), replacing any installed before. "en" removes them.
// Widgets made afterwards speak the language. False when Earshot's translation is missing.
bool installTranslations(QCoreApplication& app, const QString& language);

}  // namespace earshot::gui
