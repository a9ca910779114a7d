#include "SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QUrl>
#include <QVBoxLayout>

#include "Language.h"
#include "Theme.h"
#include "earshot/checks/SettingsRepository.h"

namespace earshot::gui {

namespace {

QString fromUtf8(const std::string& text) { return QString::fromUtf8(text.data(), qsizetype(text.size())); }

QLabel* hint(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

}  // namespace

SettingsDialog::SettingsDialog(store::Workspace& workspace, const QString& logPath, QWidget* parent)
    : QDialog(parent),
      m_workspace(workspace),
      m_databasePath(new QLabel(this)),
      m_changeWorkspace(new QPushButton(tr("Open Another…"), this)),
      m_workspaceHint(new QLabel(this)),
      m_logPath(new QLabel(this)),
      m_notifications(new QCheckBox(tr("Notify me of new high and urgent conversations, and when a customer writes again on one of mine"), this)),
      m_signature(new QCheckBox(tr("Public replies must end with the agent's first name"), this)),
      m_language(new QComboBox(this)),
      m_theme(new QComboBox(this)),
      m_message(new QLabel(this))
{
    const QString databasePath = fromUtf8(workspace.location());
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));
    setMinimumWidth(640);

    auto* dataGroup = new QGroupBox(tr("Data"), this);
    auto* dataForm = new QFormLayout(dataGroup);
    QWidget* workspaceRow = createPathRow(m_databasePath, databasePath);
    m_changeWorkspace->setObjectName(QStringLiteral("changeWorkspace"));
    m_changeWorkspace->setAutoDefault(false);
    m_changeWorkspace->setToolTip(tr("Choose another workspace file, or a new one, for Earshot to open from now on"));
    workspaceRow->layout()->addWidget(m_changeWorkspace);
    m_chooseWorkspace = [this](const QString& current) {
        return QFileDialog::getSaveFileName(this, tr("Workspace to open"), current, tr("Earshot workspace (*.db)"),
                                            nullptr, QFileDialog::DontConfirmOverwrite);
    };
    connect(m_changeWorkspace, &QPushButton::clicked, this, [this, databasePath] { chooseWorkspace(databasePath); });
    dataForm->addRow(tr("Workspace:"), workspaceRow);
    m_workspaceHint->setObjectName(QStringLiteral("workspaceHint"));
    m_workspaceHint->setWordWrap(true);
    m_workspaceHint->setTextFormat(Qt::PlainText);
    m_workspaceHint->hide();
    dataForm->addRow(QString(), m_workspaceHint);
    dataForm->addRow(tr("Log file:"), createPathRow(m_logPath, logPath));
    dataForm->addRow(hint(tr("Back up the workspace by copying it while Earshot is closed."), dataGroup));

    auto* replies = new QGroupBox(tr("Replies"), this);
    auto* repliesLayout = new QVBoxLayout(replies);
    m_signature->setObjectName(QStringLiteral("signatureRequired"));
    repliesLayout->addWidget(m_signature);
    repliesLayout->addWidget(hint(tr("A team rule: it is stored in the workspace and holds for everyone who uses it."),
                                  replies));

    auto* notifications = new QGroupBox(tr("Notifications"), this);
    auto* notificationsLayout = new QVBoxLayout(notifications);
    m_notifications->setObjectName(QStringLiteral("notificationsEnabled"));
    notificationsLayout->addWidget(m_notifications);

    auto* appearance = new QGroupBox(tr("Appearance"), this);
    auto* appearanceForm = new QFormLayout(appearance);
    m_language->setObjectName(QStringLiteral("languageChoice"));
    const QString systemLanguage = resolveLanguage(QStringLiteral("system"));
    m_language->addItem(tr("System language (%1)")
                            .arg(systemLanguage == QLatin1String("nl") ? QStringLiteral("Nederlands")
                                                                       : QStringLiteral("English")),
                        QStringLiteral("system"));
    // Each language in its own name, so someone who cannot read the current one finds theirs.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Nederlands"), QStringLiteral("nl"));
    m_theme->setObjectName(QStringLiteral("themeChoice"));
    m_theme->addItem(tr("Follow the system"), themeModeToString(ThemeMode::System));
    m_theme->addItem(tr("Light"), themeModeToString(ThemeMode::Light));
    m_theme->addItem(tr("Dark"), themeModeToString(ThemeMode::Dark));
    appearanceForm->addRow(tr("&Language:"), m_language);
    appearanceForm->addRow(QString(), hint(tr("A new language takes effect when Earshot starts again."), appearance));
    appearanceForm->addRow(tr("&Theme:"), m_theme);

    m_message->setObjectName(QStringLiteral("settingsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(dataGroup);
    layout->addWidget(replies);
    layout->addWidget(notifications);
    layout->addWidget(appearance);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(buttons);

    const QSettings settings;
    m_notifications->setChecked(settings.value(QLatin1String(kNotificationsKey), true).toBool());
    m_language->setCurrentIndex(std::max(0, m_language->findData(savedLanguage())));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(themeModeToString(savedThemeMode()))));

    loadTeamSettings();
}

SettingsDialog::~SettingsDialog() = default;

QWidget* SettingsDialog::createPathRow(QLabel* label, const QString& path)
{
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    label->setText(QDir::toNativeSeparators(path));
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    auto* open = new QPushButton(tr("Open Folder"), row);
    open->setAutoDefault(false);
    open->setToolTip(tr("Show the folder in the file manager"));
    const QString folder = QFileInfo(path).absolutePath();
    connect(open, &QPushButton::clicked, this, [folder] { QDesktopServices::openUrl(QUrl::fromLocalFile(folder)); });
    layout->addWidget(label, 1);
    layout->addWidget(open);
    return row;
}

void SettingsDialog::loadTeamSettings()
{
    auto session = m_workspace.reader();
    auto required = session ? checks::SettingsRepository(**session).signatureRequired() : Result<bool>(session.error());
    if (!required) {
        // Nothing read, nothing to write back: a setting shown wrongly would be stored wrongly.
        m_signature->setEnabled(false);
        m_message->setText(tr("The team settings could not be read: %1").arg(fromUtf8(required.message())));
        m_message->show();
        return;
    }
    m_signature->setChecked(*required);
    m_teamSettingsRead = true;
}

void SettingsDialog::chooseWorkspace(const QString& current)
{
    const QString chosen = m_chooseWorkspace(current);
    if (chosen.isEmpty())
        return;
    const QFileInfo file(chosen);
    // An existing file must be a workspace already: a wrong choice would stop the next start.
    if (file.exists()) {
        auto readable = file.isFile() ? store::Workspace::open(file.absoluteFilePath().toStdString(),
                                                               store::Workspace::Opening::Existing)
                                      : Result<std::unique_ptr<store::Workspace>>(fail("it is a folder"));
        if (!readable) {
            m_chosenWorkspace.clear();
            m_workspaceHint->setText(tr("%1 cannot be used as a workspace: %2")
                                         .arg(QDir::toNativeSeparators(file.absoluteFilePath()),
                                              fromUtf8(readable.message())));
            m_workspaceHint->show();
            return;
        }
    }
    m_chosenWorkspace = file.absoluteFilePath();
    m_workspaceHint->setText(tr("Earshot opens %1 when it starts again (a new file becomes an empty workspace).")
                                 .arg(QDir::toNativeSeparators(m_chosenWorkspace)));
    m_workspaceHint->show();
}

QString SettingsDialog::savedWorkspace() { return QSettings().value(QLatin1String(kWorkspaceKey)).toString(); }

bool SettingsDialog::apply()
{
    QSettings settings;
    settings.setValue(QLatin1String(kNotificationsKey), m_notifications->isChecked());
    if (!m_chosenWorkspace.isEmpty())
        settings.setValue(QLatin1String(kWorkspaceKey), m_chosenWorkspace);
    saveLanguage(m_language->currentData().toString());
    const ThemeMode theme = themeModeFromString(m_theme->currentData().toString());
    if (theme != savedThemeMode()) {
        saveThemeMode(theme);
        applyTheme(theme);
    }

    if (!m_teamSettingsRead)
        return true;   // nothing to store there; the reason is already shown
    const std::string_view rule = m_signature->isChecked() ? checks::kSignatureNamed : checks::kSignatureOff;
    if (auto stored = m_workspace.writer().run([&](store::Session& session) {
            return checks::SettingsRepository(session).set(checks::kSignatureRequiredKey, rule);
        });
        !stored) {
        m_message->setText(tr("The signature rule could not be saved: %1").arg(fromUtf8(stored.message())));
        m_message->show();
        return false;
    }
    return true;
}

void SettingsDialog::accept()
{
    if (apply())
        QDialog::accept();
}

}  // namespace earshot::gui
