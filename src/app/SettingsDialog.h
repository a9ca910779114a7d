// Preferences: where the workspace and its log live, the team's signature rule (stored in
// the workspace's settings table, so it holds for everyone who opens it), and this
// computer's own choices in QSettings: the workspace to open ("workspace/path", from the next
// start; --db still wins), desktop notifications ("notifications/enabled", default on),
// language ("ui/language", after a restart) and theme ("ui/theme", at once).
#pragma once

#include <QDialog>

#include <functional>
#include <optional>

#include "earshot/store/Workspace.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;

namespace earshot::gui {

class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    static constexpr const char* kNotificationsKey = "notifications/enabled";
    static constexpr const char* kWorkspaceKey = "workspace/path";

    // The workspace chosen here earlier, or empty for the default location.
    static QString savedWorkspace();
    // Asks for a workspace file (new or existing); empty when cancelled. Tests answer without a dialog.
    using ChooseWorkspace = std::function<QString(const QString& current)>;
    void setChooseWorkspace(ChooseWorkspace choose) { m_chooseWorkspace = std::move(choose); }
    QPushButton* changeWorkspaceButton() const { return m_changeWorkspace; }

    // The team's settings are read from and written to `workspace`, which must outlive the dialog.
    SettingsDialog(store::Workspace& workspace, const QString& logPath, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    // Writes every setting; false, with the reason shown, when the team's could not be stored.
    bool apply();
    void accept() override;

    QLabel* databasePathLabel() const { return m_databasePath; }
    QLabel* logPathLabel() const { return m_logPath; }
    QCheckBox* notificationsCheck() const { return m_notifications; }
    QCheckBox* signatureCheck() const { return m_signature; }
    QComboBox* languageCombo() const { return m_language; }
    QComboBox* themeCombo() const { return m_theme; }
    QLabel* messageLabel() const { return m_message; }

private:
    QWidget* createPathRow(QLabel* label, const QString& path);
    void loadTeamSettings();
    // Asks for another workspace file and, when it will do, keeps it for apply().
    void chooseWorkspace(const QString& current);

    store::Workspace& m_workspace;
    bool m_teamSettingsRead = false;   // else they are not written either
    QLabel* m_databasePath;
    QPushButton* m_changeWorkspace;
    QLabel* m_workspaceHint;
    QString m_chosenWorkspace;   // empty: unchanged
    ChooseWorkspace m_chooseWorkspace;
    QLabel* m_logPath;
    QCheckBox* m_notifications;
    QCheckBox* m_signature;
    QComboBox* m_language;
    QComboBox* m_theme;
    QLabel* m_message;
};

}  // namespace earshot::gui
