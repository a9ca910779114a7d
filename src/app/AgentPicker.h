// "Who is working?" — asked when the console starts. Single-desktop mode has no passwords:
// the agent picks their profile (or makes one) and the choice is remembered per workspace,
// so the next start only needs Enter.
#pragma once

#include <QDialog>
#include <optional>

#include "earshot/inbox/AgentRepository.h"
#include "earshot/store/Workspace.h"

class QListWidget;
class QLineEdit;
class QPushButton;
class QLabel;

namespace earshot::gui {

class AgentPicker : public QDialog {
    Q_OBJECT
public:
    // A new profile is stored at once, through the workspace's writer.
    AgentPicker(store::Workspace& workspace, const QString& remembered, QWidget* parent = nullptr);

    std::optional<inbox::Agent> chosen() const { return m_chosen; }

    // The remembered agent of a workspace (QSettings), and remembering one.
    static QString remembered(const QString& databasePath);
    static void remember(const QString& databasePath, const QString& agent);

    void accept() override;

private:
    void reloadAgents(const QString& select);
    void addAgent();

    store::Workspace& m_workspace;
    QListWidget* m_list = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_firstName = nullptr;
    QLineEdit* m_languages = nullptr;
    QLineEdit* m_teams = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_start = nullptr;
    std::vector<inbox::Agent> m_agents;
    std::optional<inbox::Agent> m_chosen;
};

}  // namespace earshot::gui
