// File ▸ Open Team Workspace…: where the team's PostgreSQL server is, who logs in, how the
// connection is secured, and the password, which goes to the system keychain, never into the
// settings, the log or the database. The dialog tries the connection before it closes, so a
// typo is corrected in place rather than after a restart.
#pragma once

#include <QDialog>

#include <functional>
#include <string>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace earshot::gui {

class TeamWorkspaceDialog : public QDialog {
    Q_OBJECT
public:
    // Tries to open `location` with `password`; returns what went wrong, or "" when it opened.
    using TryOpen = std::function<QString(const std::string& location, const QString& password)>;

    // `current`: a team location to start from (the last one), or "".
    TeamWorkspaceDialog(const std::string& current, TryOpen tryOpen, QWidget* parent = nullptr);

    // libpq keywords for what was entered, without the password.
    std::string location() const;
    QString password() const;
    bool rememberPassword() const;

    void accept() override;

    // The keychain entry of a location's password, however the location is written.
    static QString keychainKey(const std::string& location);

private:
    TryOpen m_tryOpen;
    QLineEdit* m_host = nullptr;
    QLineEdit* m_port = nullptr;
    QLineEdit* m_database = nullptr;
    QLineEdit* m_user = nullptr;
    QComboBox* m_security = nullptr;
    QLineEdit* m_caFile = nullptr;
    QLineEdit* m_password = nullptr;
    QCheckBox* m_remember = nullptr;
    QLabel* m_error = nullptr;
    std::string m_others;   // libpq keywords of the location the dialog has no field for
};

}  // namespace earshot::gui
