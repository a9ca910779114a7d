// Opening a team workspace in the console: its password comes from the system keychain; when
// the server wants one that is missing or wrong, the Open Team Workspace dialog asks, and what
// worked is kept (the location in the settings, the password in the keychain).
#pragma once

#include <QString>

#include <memory>
#include <string>

#include "Console.h"
#include "earshot/core/Result.h"

class QWidget;

namespace earshot::gui {

// The console on the team workspace at `location`, asking for the password when needed.
// Nothing (and no error) when the person cancelled the dialog.
Result<std::unique_ptr<Console>> openTeamConsole(const std::string& location, QWidget* parent = nullptr);

// File ▸ Open Team Workspace…: asks for a team workspace starting from `current`, tries it,
// and keeps what worked. The location chosen ("" when cancelled), and its password when the
// keychain was not to keep it (for the console that opens it next, once).
struct ChosenTeamWorkspace {
    std::string location;
    QString passwordNotKept;
};
ChosenTeamWorkspace chooseTeamWorkspace(const std::string& current, QWidget* parent = nullptr);

// How a window names a workspace: a file's name, or "webcare on db.example.nl" for a team's.
QString workspaceName(const std::string& location);

// The keychain's service for workspace passwords; tests use one of their own.
void setPasswordService(const QString& service);

}  // namespace earshot::gui
