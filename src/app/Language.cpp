#include "Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

#include <memory>

namespace earshot::gui {

namespace {

const QString kLanguageKey = QStringLiteral("ui/language");
const QString kSystem = QStringLiteral("system");
// Tags our translators, so installing again replaces them instead of stacking them.
const QString kTranslatorName = QStringLiteral("earshotTranslator");

void removeInstalled(QCoreApplication& app)
{
    for (QTranslator* translator : app.findChildren<QTranslator*>(kTranslatorName, Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(translator);
        translator->setObjectName(QString());   // not found again before it is gone
        translator->deleteLater();
    }
}

bool install(QCoreApplication& app, const QString& file, const QString& directory)
{
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(file, directory))
        return false;
    translator->setObjectName(kTranslatorName);
    translator->setParent(&app);   // the application owns it from here
    return QCoreApplication::installTranslator(translator.release());
}

}  // namespace

QStringList availableLanguages() { return {QStringLiteral("en"), QStringLiteral("nl")}; }

QString savedLanguage() { return QSettings().value(kLanguageKey, kSystem).toString(); }

void saveLanguage(const QString& choice) { QSettings().setValue(kLanguageKey, choice); }

QString resolveLanguage(const QString& choice, const QLocale& system)
{
    if (availableLanguages().contains(choice))
        return choice;
    const QString systemLanguage = QLocale::languageToCode(system.language());
    return availableLanguages().contains(systemLanguage) ? systemLanguage : QStringLiteral("en");
}

bool installTranslations(QCoreApplication& app, const QString& language)
{
    removeInstalled(app);
    // Numbers, dates and weekday names follow the language too: "85,8 %", "ma", "2 nov".
    QLocale::setDefault(language == QLatin1String("nl") ? QLocale(QLocale::Dutch, QLocale::Netherlands)
                                                        : QLocale::system());
    if (language == QLatin1String("en"))
        return true;
    // Qt's own first: translators installed later are asked first, and ours should win.
    install(app, QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return install(app, QStringLiteral("earshot_") + language, QStringLiteral(":/i18n"));
}

}  // namespace earshot::gui
