#include "TeamWorkspaceDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "earshot/store/TeamLocation.h"

namespace earshot::gui {

namespace {

// libpq's sslmode for each choice, most secure first; the last is libpq's default.
constexpr const char* kModes[] = {"verify-full", "verify-ca", "require", "prefer"};
constexpr int kPrefer = 3;

QString fromStd(const std::string& text) { return QString::fromStdString(text); }

}  // namespace

TeamWorkspaceDialog::TeamWorkspaceDialog(const std::string& current, TryOpen tryOpen, QWidget* parent)
    : QDialog(parent), m_tryOpen(std::move(tryOpen))
{
    setWindowTitle(tr("Open Team Workspace"));
    m_host = new QLineEdit(this);
    m_host->setPlaceholderText(tr("db.example.nl"));
    m_port = new QLineEdit(this);
    m_port->setPlaceholderText(QStringLiteral("5432"));
    m_database = new QLineEdit(this);
    m_database->setPlaceholderText(tr("webcare"));
    m_user = new QLineEdit(this);
    m_user->setPlaceholderText(tr("your login, e.g. anouk_smit"));
    m_security = new QComboBox(this);
    m_security->addItem(tr("Verify the server's certificate (recommended)"));
    m_security->addItem(tr("Verify the certificate, not the server's name"));
    m_security->addItem(tr("Encrypt, without verifying the server"));
    m_security->addItem(tr("Encrypt when the server offers it (local networks, tests)"));
    m_caFile = new QLineEdit(this);
    m_caFile->setPlaceholderText(tr("the CA that signed the server's certificate (.pem)"));
    auto* browse = new QPushButton(tr("Choose…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Certificate authority"), m_caFile->text(),
                                                          tr("Certificates (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty())
            m_caFile->setText(file);
    });
    auto* caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browse);
    connect(m_security, &QComboBox::currentIndexChanged, this, [this, browse](int index) {
        m_caFile->setEnabled(index <= 1);
        browse->setEnabled(index <= 1);
    });
    m_password = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    m_remember = new QCheckBox(tr("Remember the password in the system keychain"), this);
    m_remember->setChecked(true);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("&Server:"), m_host);
    form->addRow(tr("P&ort:"), m_port);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&Login:"), m_user);
    form->addRow(tr("&Security:"), m_security);
    auto* caLabel = new QLabel(tr("&Certificate authority:"), this);
    caLabel->setBuddy(m_caFile);
    form->addRow(caLabel, caRow);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &TeamWorkspaceDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("A team works in one workspace on its PostgreSQL server. Your administrator "
                                "gives you these details (see docs/team.md)."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(520);

    if (auto parts = store::parseTeamLocation(current); parts && !current.empty()) {
        m_host->setText(fromStd(parts->host));
        m_port->setText(fromStd(parts->port));
        m_database->setText(fromStd(parts->database));
        m_user->setText(fromStd(parts->user));
        m_caFile->setText(fromStd(parts->sslRootCert));
        m_others = parts->others;   // kept as given: client certificates, options, …
        // No sslmode (or a weaker one) is libpq's "prefer".
        m_security->setCurrentIndex(kPrefer);
        for (int i = 0; i < int(std::size(kModes)); ++i)
            if (parts->sslMode == kModes[i])
                m_security->setCurrentIndex(i);
    }
    (m_host->text().isEmpty() ? m_host : m_password)->setFocus();
}

std::string TeamWorkspaceDialog::location() const
{
    const int mode = m_security->currentIndex();
    return store::teamLocation({.host = m_host->text().trimmed().toStdString(),
                                .port = m_port->text().trimmed().toStdString(),
                                .database = m_database->text().trimmed().toStdString(),
                                .user = m_user->text().trimmed().toStdString(),
                                .sslMode = kModes[mode],
                                .sslRootCert = mode <= 1 ? m_caFile->text().trimmed().toStdString() : std::string(),
                                .others = m_others});
}

QString TeamWorkspaceDialog::password() const { return m_password->text(); }

bool TeamWorkspaceDialog::rememberPassword() const { return m_remember->isChecked(); }

QString TeamWorkspaceDialog::keychainKey(const std::string& location)
{
    return QStringLiteral("workspace %1").arg(fromStd(store::canonicalLocation(location)));
}

void TeamWorkspaceDialog::accept()
{
    QString missing;
    if (m_host->text().trimmed().isEmpty())
        missing = tr("Which server? Enter its name or address.");
    else if (m_database->text().trimmed().isEmpty())
        missing = tr("Which database on the server? Your administrator knows its name.");
    else if (m_user->text().trimmed().isEmpty())
        missing = tr("Which login? Your administrator made one for you.");
    if (missing.isEmpty() && m_tryOpen) {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const QString error = m_tryOpen(location(), password());
        QApplication::restoreOverrideCursor();
        // The server's own words stay, for the administrator; what to do comes first.
        if (error.contains(QLatin1String("password authentication failed")))
            missing = tr("The server did not accept this login and password. Check both, or ask your "
                         "administrator.\n\n%1").arg(error);
        else if (error.contains(QLatin1String("no password supplied")))
            missing = tr("The server asks for your password.");
        else if (!error.isEmpty())
            missing = tr("Earshot cannot open this team workspace.\n\n%1").arg(error);
    }
    if (!missing.isEmpty()) {
        m_error->setText(missing);
        m_error->show();
        return;
    }
    QDialog::accept();
}

}  // namespace earshot::gui
