// earshot: the Qt Widgets console. Opens a workspace, starts the monitoring engine and
// shows the mentions as they come in.
#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QMessageBox>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSettings>

#include <filesystem>
#include <optional>
#include <system_error>

#include <spdlog/spdlog.h>

#include "AgentPicker.h"
#include "AppIcon.h"
#include "Console.h"
#include "InboxWindow.h"
#include "SettingsDialog.h"
#include "Language.h"
#include "MainWindow.h"
#include "TeamWorkspaceOpening.h"
#include "Theme.h"
#include "earshot/core/Logging.h"
#include "earshot/core/Paths.h"
#include "earshot/core/Version.h"
#include "earshot/demo/DemoWorkspace.h"
#include "earshot/store/TeamLocation.h"
#include "earshot/store/Workspace.h"

namespace {

// Starts the console again with this run's arguments, less `options` (each with its value),
// plus `extra`. On another workspace (`password` given), a team workspace's password that the
// keychain was not to keep reaches the new console in its environment (libpq's PGPASSWORD,
// which only the same user can read), never on its command line; the old one's goes.
void startAgainWithout(const QStringList& options, const QStringList& extra,
                       const std::optional<QString>& password = std::nullopt)
{
    QStringList kept = QApplication::arguments().mid(1);
    for (const QString& option : options)
        for (qsizetype i = kept.indexOf(option); i >= 0; i = kept.indexOf(option))
            kept.remove(i, std::min<qsizetype>(2, kept.size() - i));
    QProcess next;
    next.setProgram(QApplication::applicationFilePath());
    next.setArguments(kept + extra);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (password) {
        environment.remove(QStringLiteral("PGPASSWORD"));
        if (!password->isEmpty())
            environment.insert(QStringLiteral("PGPASSWORD"), *password);
    }
    next.setProcessEnvironment(environment);
    next.startDetached();
}

}  // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    // QSettings live in ~/.config/Earshot/Earshot.conf.
    QApplication::setOrganizationName(QStringLiteral("Earshot"));
    QApplication::setApplicationName(QStringLiteral("Earshot"));
    // Matches the installed .desktop file, so desktops (Wayland's above all) show its icon and name.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.earshot_app.Earshot"));
    QApplication::setApplicationVersion(QString::fromLatin1(earshot::kVersion));
    QApplication::setWindowIcon(earshot::gui::appIcon());

    // The language must be in place before the first translated string, the options'
    // help included, so --language is looked for ahead of the parser.
    QString language = earshot::gui::savedLanguage();
    const QStringList arguments = QApplication::arguments();
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--language") && i + 1 < arguments.size())
            language = arguments[i + 1];
        else if (arguments[i].startsWith(QLatin1String("--language=")))
            language = arguments[i].mid(qsizetype(sizeof("--language=") - 1));
    }
    earshot::gui::installTranslations(app, earshot::gui::resolveLanguage(language));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Earshot social listening console"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspaceOption(
        QStringLiteral("workspace"),
        QApplication::translate("main", "Workspace to open: a SQLite file, or a team's PostgreSQL connection "
                                        "(postgresql://… or \"host=… dbname=… user=…\")."),
        QApplication::translate("main", "location"));
    parser.addOption(workspaceOption);
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QApplication::translate("main", "Workspace database file to open."),
                                      QApplication::translate("main", "path"));
    parser.addOption(dbOption);
    const QCommandLineOption demoOption(
        QStringLiteral("demo"), QApplication::translate("main", "Create a demo workspace when the database does not exist yet."));
    parser.addOption(demoOption);
    const QCommandLineOption languageOption(
        QStringLiteral("language"), QApplication::translate("main", "Interface language for this run: en, nl or system."),
        QApplication::translate("main", "language"));
    parser.addOption(languageOption);
    const QCommandLineOption themeOption(
        QStringLiteral("theme"), QApplication::translate("main", "Theme for this run: light, dark or system."),
        QApplication::translate("main", "theme"));
    parser.addOption(themeOption);
    const QCommandLineOption agentOption(QStringLiteral("agent"),
                                         QApplication::translate("main", "Work as this agent instead of asking."),
                                         QApplication::translate("main", "name"));
    parser.addOption(agentOption);
    parser.process(app);

    earshot::gui::applyTheme(parser.isSet(themeOption)
                                 ? earshot::gui::themeModeFromString(parser.value(themeOption))
                                 : earshot::gui::savedThemeMode());

    // --workspace or --db, else the last workspace opened (or chosen in Settings), else the
    // default location.
    const bool workspaceGiven = parser.isSet(workspaceOption) || parser.isSet(dbOption);
    const QString chosenWorkspace = parser.isSet(workspaceOption) ? parser.value(workspaceOption)
                                    : parser.isSet(dbOption)      ? parser.value(dbOption)
                                                                  : earshot::gui::SettingsDialog::savedWorkspace();
    const bool team = earshot::store::isTeamLocation(chosenWorkspace.toStdString());
    const std::filesystem::path databasePath = team || chosenWorkspace.isEmpty()
                                                   ? earshot::core::defaultDatabasePath()
                                                   : std::filesystem::path(QFile::encodeName(chosenWorkspace).toStdString());
    // The log lives beside the database (a team's beside the default one); make its folder so
    // the log can start at once.
    std::error_code ignored;
    std::filesystem::create_directories(databasePath.parent_path().empty() ? "." : databasePath.parent_path(), ignored);
    earshot::core::initLogging(earshot::core::logFileFor(databasePath), spdlog::level::warn);

    if (!team && !std::filesystem::exists(databasePath)) {
        // A newcomer on the default workspace is offered a living demo; --demo asks for it outright.
        bool demo = parser.isSet(demoOption);
        if (!demo && chosenWorkspace.isEmpty())
            demo = QMessageBox::question(nullptr, QApplication::translate("main", "Welcome to Earshot"),
                                         QApplication::translate("main",
                                                                 "There is no workspace yet.\n\nStart with a demo workspace "
                                                                 "(weeks of sample conversations and a few local feeds)?\n"
                                                                 "Choose No to start with an empty workspace."),
                                         QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes) == QMessageBox::Yes;
        if (demo) {
            QApplication::setOverrideCursor(Qt::WaitCursor);
            auto created = earshot::demo::createDemoWorkspace(databasePath.string(),
                                                              databasePath.parent_path() / "demo-feeds");
            QApplication::restoreOverrideCursor();
            if (!created)
                QMessageBox::warning(nullptr, QApplication::translate("main", "Earshot"),
                                     QApplication::translate("main", "The demo workspace could not be created:\n%1\n\n"
                                                                     "Earshot starts with an empty workspace instead.")
                                         .arg(QString::fromStdString(created.message())));
        }
    }

    const std::string location = team ? chosenWorkspace.toStdString() : databasePath.string();
    auto console = team ? earshot::gui::openTeamConsole(location) : earshot::gui::Console::open(location);
    if (console && !*console)
        return 0;   // the password was asked for, and the dialog cancelled
    if (!console && !workspaceGiven && !chosenWorkspace.isEmpty()) {
        // The workspace chosen in Settings went missing or bad: without a way back, Earshot
        // would never start again. Offer the default one and forget the choice.
        const auto answer = QMessageBox::question(
            nullptr, QApplication::translate("main", "Earshot"),
            QApplication::translate("main", "Earshot cannot open the workspace chosen in Settings:\n%1\n\n%2\n\n"
                                            "Open the default workspace instead? The choice is forgotten.")
                .arg(QString::fromStdString(earshot::store::shownLocation(location)),
                     QString::fromStdString(console.message())));
        if (answer == QMessageBox::Yes) {
            QSettings().remove(QLatin1String(earshot::gui::SettingsDialog::kWorkspaceKey));
            QProcess::startDetached(QApplication::applicationFilePath(), QApplication::arguments().mid(1));
            return 0;
        }
    }
    if (!console) {
        const std::string shown = earshot::store::shownLocation(location);   // never a password
        spdlog::error("cannot open workspace {}: {}", shown, console.message());
        QMessageBox::critical(nullptr, QApplication::translate("main", "Earshot"),
                              QApplication::translate("main", "Earshot cannot open the workspace\n%1\n\n%2")
                                  .arg(QString::fromStdString(shown), QString::fromStdString(console.message())));
        return 1;
    }
    // Who is working: --agent names them (scripts, screenshots); on a team's server, the
    // login's own profile; otherwise ask, remembering the last choice for this workspace so
    // the next start is one Enter.
    const QString workspacePath = QString::fromStdString((*console)->workspace().location());
    std::optional<earshot::inbox::Agent> agent;
    if (team && !parser.isSet(agentOption))
        if (auto reader = (*console)->workspace().reader())
            if (auto own = earshot::inbox::AgentRepository(**reader).ofThisLogin(); own && *own)
                agent = **own;
    if (agent) {
        // the login's own
    } else if (parser.isSet(agentOption)) {
        auto reader = (*console)->workspace().reader();
        auto found = reader ? earshot::inbox::AgentRepository(**reader).find(parser.value(agentOption).toStdString())
                            : earshot::Result<earshot::inbox::Agent>(reader.error());
        if (!found) {
            QMessageBox::critical(nullptr, QApplication::translate("main", "Earshot"),
                                  QApplication::translate("main", "%1\n\nStart without --agent to pick or add a profile.")
                                      .arg(QString::fromStdString(found.message())));
            return 1;
        }
        agent = *found;
    } else {
        earshot::gui::AgentPicker picker((*console)->workspace(), earshot::gui::AgentPicker::remembered(workspacePath));
        if (picker.exec() != QDialog::Accepted || !picker.chosen())
            return 0;
        agent = picker.chosen();
    }
    earshot::gui::AgentPicker::remember(workspacePath, QString::fromStdString(agent->name));
    if (auto opened = (*console)->openInbox(*agent); !opened) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Earshot"),
                              QApplication::translate("main", "Earshot cannot open the inbox:\n%1")
                                  .arg(QString::fromStdString(opened.message())));
        return 1;
    }
    earshot::gui::InboxWindow& inbox = *(*console)->inbox();
    earshot::gui::MainWindow& stream = (*console)->window();
    QObject::connect(&inbox, &earshot::gui::InboxWindow::mentionStreamRequested, &stream, [&stream] {
        stream.show();
        stream.raise();
        stream.activateWindow();
    });
    QObject::connect(&inbox, &earshot::gui::InboxWindow::sourcesRequested, &stream, &earshot::gui::MainWindow::openSources);
    QObject::connect(&inbox, &earshot::gui::InboxWindow::settingsRequested, &stream, &earshot::gui::MainWindow::openSettings);
    QObject::connect(&inbox, &earshot::gui::InboxWindow::openTeamWorkspaceRequested, &inbox, [&inbox, team, location] {
        const auto chosen = earshot::gui::chooseTeamWorkspace(team ? location : std::string(), &inbox);
        if (chosen.location.empty())
            return;
        // Everything the console holds belongs to one workspace: it starts again on the new one.
        startAgainWithout({QStringLiteral("--workspace"), QStringLiteral("--db"), QStringLiteral("--agent")},
                          {QStringLiteral("--workspace"), QString::fromStdString(chosen.location)},
                          chosen.passwordNotKept);
        inbox.close();
    });
    QObject::connect(&inbox, &earshot::gui::InboxWindow::switchAgentRequested, &inbox, [&inbox, workspacePath] {
        // The agent is part of every action and view; a fresh start is the honest way to switch.
        earshot::gui::AgentPicker::remember(workspacePath, {});
        startAgainWithout({QStringLiteral("--agent")}, {});
        inbox.close();
    });
    inbox.show();
    return app.exec();
}
