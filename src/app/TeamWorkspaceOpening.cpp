#include "TeamWorkspaceOpening.h"

#include <QFileInfo>
#include <QSettings>

#include <spdlog/spdlog.h>

#include "Keychain.h"
#include "SettingsDialog.h"
#include "TeamWorkspaceDialog.h"
#include "earshot/store/TeamLocation.h"
#include "earshot/store/Workspace.h"

namespace earshot::gui {

namespace {

QString& passwordService()
{
    static QString service = QStringLiteral("Earshot");
    return service;
}

Result<std::unique_ptr<Console>> openWith(const std::string& location, const QString& password)
{
    if (password.isEmpty())
        return Console::open(location);
    auto withPassword = store::withPassword(location, password.toStdString());
    if (!withPassword)
        return withPassword.error();
    return Console::open(*withPassword);
}

// What worked is kept: the location for the next start, the password (when wanted) for the
// keychain.
void keep(const TeamWorkspaceDialog& dialog)
{
    QSettings().setValue(QLatin1String(SettingsDialog::kWorkspaceKey), QString::fromStdString(dialog.location()));
    const QString key = TeamWorkspaceDialog::keychainKey(dialog.location());
    if (const QString error = keychain::write(passwordService(), key, dialog.rememberPassword() ? dialog.password() : QString());
        !error.isEmpty())
        spdlog::warn("the team workspace's password was not kept in the system keychain: {}", error.toStdString());
}

// The server refused who we said we were, or wanted a password we did not give.
bool refusedLogin(const std::string& message)
{
    return message.find("password") != std::string::npos || message.find("authentication") != std::string::npos;
}

}  // namespace

void setPasswordService(const QString& service) { passwordService() = service; }

Result<std::unique_ptr<Console>> openTeamConsole(const std::string& location, QWidget* parent)
{
    QString password;
    if (const QString error = keychain::read(passwordService(), TeamWorkspaceDialog::keychainKey(location), password);
        !error.isEmpty())
        spdlog::warn("no password from the system keychain: {}", error.toStdString());
    auto opened = openWith(location, password);
    if (opened || !refusedLogin(opened.message()))
        return opened;
    std::unique_ptr<Console> console;
    TeamWorkspaceDialog dialog(location, [&](const std::string& tried, const QString& typed) {
        auto attempt = openWith(tried, typed);
        if (!attempt)
            return QString::fromStdString(attempt.message());
        console = std::move(*attempt);
        return QString();
    }, parent);
    if (dialog.exec() != QDialog::Accepted || !console)
        return std::unique_ptr<Console>();
    keep(dialog);
    return console;
}

ChosenTeamWorkspace chooseTeamWorkspace(const std::string& current, QWidget* parent)
{
    TeamWorkspaceDialog dialog(current, [](const std::string& tried, const QString& typed) {
        std::string location = tried;
        if (!typed.isEmpty()) {
            auto withPassword = store::withPassword(tried, typed.toStdString());
            if (!withPassword)
                return QString::fromStdString(withPassword.message());
            location = *withPassword;
        }
        auto opened = store::Workspace::open(location, store::Workspace::Opening::Existing);
        return opened ? QString() : QString::fromStdString(opened.message());
    }, parent);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    keep(dialog);
    return {dialog.location(), dialog.rememberPassword() ? QString() : dialog.password()};
}

QString workspaceName(const std::string& location)
{
    if (!store::isTeamLocation(location))
        return QFileInfo(QString::fromStdString(location)).fileName();
    auto parts = store::parseTeamLocation(location);
    if (!parts || parts->database.empty())
        return QString::fromStdString(location);
    if (parts->host.empty() || parts->host.front() == '/')
        return QString::fromStdString(parts->database);
    return QObject::tr("%1 on %2").arg(QString::fromStdString(parts->database), QString::fromStdString(parts->host));
}

}  // namespace earshot::gui
