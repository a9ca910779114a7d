#include "AgentPicker.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

#include "earshot/core/Text.h"

namespace earshot::gui {

namespace {

QString settingsKey(const QString& databasePath)
{
    // QSettings keys may not contain slashes as data; hash the path into the key.
    return QStringLiteral("agents/%1").arg(qHash(databasePath), 0, 16);
}

std::vector<std::string> words(const QString& text) { return core::splitWords(text.toStdString()); }

}  // namespace

QString AgentPicker::remembered(const QString& databasePath)
{
    return QSettings().value(settingsKey(databasePath)).toString();
}

void AgentPicker::remember(const QString& databasePath, const QString& agent)
{
    QSettings().setValue(settingsKey(databasePath), agent);
}

AgentPicker::AgentPicker(store::Workspace& workspace, const QString& remembered, QWidget* parent)
    : QDialog(parent), m_workspace(workspace)
{
    setWindowTitle(tr("Who is working?"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Pick your profile. Everything you do in the inbox is recorded under this name."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("agentList"));
    layout->addWidget(m_list, 1);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &AgentPicker::accept);

    auto* newAgent = new QGroupBox(tr("New profile"), this);
    auto* form = new QFormLayout(newAgent);
    m_name = new QLineEdit(newAgent);
    m_name->setObjectName(QStringLiteral("newName"));
    m_name->setPlaceholderText(tr("e.g. Sanne de Vries"));
    m_firstName = new QLineEdit(newAgent);
    m_firstName->setPlaceholderText(tr("signs replies; defaults to the first word of the name"));
    m_languages = new QLineEdit(QStringLiteral("nl, en"), newAgent);
    m_teams = new QLineEdit(QStringLiteral("care"), newAgent);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("First name"), m_firstName);
    form->addRow(tr("Languages"), m_languages);
    form->addRow(tr("Teams"), m_teams);
    auto* add = new QPushButton(tr("Add profile"), newAgent);
    add->setObjectName(QStringLiteral("addAgent"));
    form->addRow(QString(), add);
    connect(add, &QPushButton::clicked, this, &AgentPicker::addAgent);
    connect(m_name, &QLineEdit::returnPressed, this, &AgentPicker::addAgent);
    layout->addWidget(newAgent);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_start = buttons->addButton(tr("Start working"), QDialogButtonBox::AcceptRole);
    m_start->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &AgentPicker::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &AgentPicker::reject);
    layout->addWidget(buttons);
    resize(460, 520);
    reloadAgents(remembered);
}

void AgentPicker::reloadAgents(const QString& select)
{
    auto session = m_workspace.reader();
    auto agents = session ? inbox::AgentRepository(**session).list() : Result<std::vector<inbox::Agent>>(session.error());
    m_list->clear();
    m_agents = agents ? std::move(*agents) : std::vector<inbox::Agent>{};
    if (!agents) {
        m_error->setText(QString::fromStdString(agents.message()));
        m_error->show();
    }
    for (const auto& agent : m_agents) {
        QString teams;
        for (const auto& team : agent.teams)
            teams += (teams.isEmpty() ? QString() : QStringLiteral(", ")) + QString::fromStdString(team);
        auto* item = new QListWidgetItem(QString::fromStdString(agent.name) +
                                             (teams.isEmpty() ? QString() : QStringLiteral("  —  ") + teams),
                                         m_list);
        item->setData(Qt::UserRole, QString::fromStdString(agent.name));
        if (QString::fromStdString(agent.name) == select)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
    m_start->setEnabled(m_list->count() > 0);
    if (m_list->count() == 0)
        m_name->setFocus();
    else
        m_list->setFocus();
}

void AgentPicker::addAgent()
{
    inbox::Agent agent;
    agent.name = m_name->text().trimmed().toStdString();
    agent.firstName = m_firstName->text().trimmed().toStdString();
    agent.languages = words(m_languages->text());
    agent.teams = words(m_teams->text());
    auto added = m_workspace.writer().run([&](store::Session& session) -> Status {
        if (auto stored = inbox::AgentRepository(session).add(agent); !stored)
            return stored.error();
        return Ok{};
    });
    if (!added) {
        m_error->setText(QString::fromStdString(added.message()));
        m_error->show();
        return;
    }
    m_error->hide();
    m_name->clear();
    m_firstName->clear();
    reloadAgents(QString::fromStdString(agent.name));
}

void AgentPicker::accept()
{
    const auto* item = m_list->currentItem();
    if (!item)
        return;
    const std::string name = item->data(Qt::UserRole).toString().toStdString();
    for (const auto& agent : m_agents)
        if (agent.name == name)
            m_chosen = agent;
    QDialog::accept();
}

}  // namespace earshot::gui
