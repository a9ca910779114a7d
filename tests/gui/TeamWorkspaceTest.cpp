// File ▸ Open Team Workspace… on a real PostgreSQL server, with a login that must give its
// password (scripts/with-postgres.sh asks earshot_password_test for one): the dialog builds
// the location without the password, says a wrong password in place, and, with a keychain
// (ctest's keychain_tests), a password typed once opens the workspace the next time.
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

#include <cstdlib>

#include "PostgresTestServer.h"
#include "SettingsDialog.h"
#include "TeamWorkspaceDialog.h"
#include "TeamWorkspaceOpening.h"
#include "WorkspaceFactory.h"
#include "earshot/store/TeamLocation.h"
#include "earshot/store/Workspace.h"

using namespace earshot;

namespace {

constexpr const char* kLogin = "earshot_password_test";
constexpr const char* kPassword = "j3 w'acht\\woord";   // a space, a quote and a backslash

QLineEdit* field(QWidget& dialog, int index) { return dialog.findChildren<QLineEdit*>().at(index); }

// Types into the dialog's fields: server, port, database, login, CA file, password.
void fill(gui::TeamWorkspaceDialog& dialog, const store::TeamLocationParts& parts, const QString& password)
{
    const auto type = [&](int index, const std::string& text) {
        QLineEdit* edit = field(dialog, index);
        edit->clear();
        QTest::keyClicks(edit, QString::fromStdString(text));
    };
    type(0, parts.host);
    type(1, parts.port);
    type(2, parts.database);
    type(3, parts.user);
    type(5, password.toStdString());
}

// A team workspace whose agents' role kLogin belongs to, with its password set.
std::string workspaceWithPasswordLogin()
{
    const std::string location = test::newPostgresWorkspace();
    test::postgresExec(location, std::string("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '") +
                                     kLogin + "') THEN CREATE ROLE " + kLogin + " LOGIN; END IF; END $$;"
                                     "ALTER ROLE " + kLogin + " PASSWORD 'j3 w''acht\\woord';"
                                     "DO $$ BEGIN EXECUTE format('GRANT %I TO " + kLogin +
                                     "', (SELECT role FROM team_roles WHERE kind = 'agent')); END $$");
    return location;
}

}  // namespace

TEST(TeamWorkspaceDialog, BuildsALocationWithoutThePasswordAndStartsFromTheLastOne)
{
    gui::TeamWorkspaceDialog dialog("host=db.example.nl dbname=webcare user=anouk_smit sslmode=verify-full "
                                    "sslrootcert='/etc/ssl/team ca.pem'",
                                    {});
    EXPECT_EQ(field(dialog, 0)->text(), QStringLiteral("db.example.nl"));
    EXPECT_EQ(field(dialog, 3)->text(), QStringLiteral("anouk_smit"));
    EXPECT_EQ(field(dialog, 4)->text(), QStringLiteral("/etc/ssl/team ca.pem"));
    EXPECT_EQ(dialog.findChild<QComboBox*>()->currentIndex(), 0) << "verify-full";
    EXPECT_TRUE(field(dialog, 5)->hasFocus() || !dialog.isVisible()) << "only the password is left to type";

    QTest::keyClicks(field(dialog, 5), QStringLiteral("geheim"));
    EXPECT_EQ(dialog.location(),
              "host=db.example.nl dbname=webcare user=anouk_smit sslmode=verify-full sslrootcert='/etc/ssl/team ca.pem'");
    EXPECT_EQ(dialog.password(), QStringLiteral("geheim"));
    EXPECT_EQ(dialog.location().find("geheim"), std::string::npos);

    // Encrypting without verifying needs no CA file, and none is given.
    dialog.findChild<QComboBox*>()->setCurrentIndex(2);
    EXPECT_FALSE(field(dialog, 4)->isEnabled());
    EXPECT_EQ(dialog.location(), "host=db.example.nl dbname=webcare user=anouk_smit sslmode=require");
}

// One workspace, one keychain entry, however its location is written; what the dialog has no
// field for stays in the location, and no sslmode is libpq's own default, "prefer".
TEST(TeamWorkspaceDialog, KeepsWhatItDoesNotShowAndKnowsAWorkspaceHoweverItIsWritten)
{
    EXPECT_EQ(gui::TeamWorkspaceDialog::keychainKey("postgresql://anouk@db.example.nl:5433/webcare"),
              gui::TeamWorkspaceDialog::keychainKey("dbname=webcare host=db.example.nl user=anouk port=5433"));
    EXPECT_EQ(gui::TeamWorkspaceDialog::keychainKey("host=db.example.nl dbname=webcare password=geheim"),
              gui::TeamWorkspaceDialog::keychainKey("host=db.example.nl dbname=webcare"));
    EXPECT_FALSE(gui::TeamWorkspaceDialog::keychainKey("host=db.example.nl dbname=webcare password=geheim")
                     .contains(QStringLiteral("geheim")));

    gui::TeamWorkspaceDialog dialog("host=db.example.nl dbname=webcare user=anouk sslcert=/home/anouk/anouk.crt", {});
    EXPECT_EQ(dialog.findChild<QComboBox*>()->currentIndex(), 3) << "prefer, as libpq would";
    EXPECT_EQ(dialog.location(),
              "host=db.example.nl dbname=webcare user=anouk sslmode=prefer sslcert=/home/anouk/anouk.crt");
    gui::TeamWorkspaceDialog verifyCa("host=db.example.nl dbname=webcare sslmode=verify-ca sslrootcert=/ca.pem", {});
    EXPECT_EQ(verifyCa.location(), "host=db.example.nl dbname=webcare sslmode=verify-ca sslrootcert=/ca.pem");
}

TEST(TeamWorkspaceDialog, AskingForWhatIsMissingBeforeTryingTheServer)
{
    int tries = 0;
    gui::TeamWorkspaceDialog dialog("", [&](const std::string&, const QString&) {
        ++tries;
        return QString();
    });
    dialog.accept();
    EXPECT_EQ(dialog.result(), QDialog::Rejected);
    EXPECT_EQ(tries, 0);
    bool told = false;
    for (QLabel* label : dialog.findChildren<QLabel*>())
        told = told || label->text().contains(QStringLiteral("Which server?"));
    EXPECT_TRUE(told);
}

TEST(TeamWorkspaceDialog, AWrongPasswordIsSaidInPlaceAndTheRightOneOpens)
{
    test::skipWithoutPostgres();
    if (::testing::Test::IsSkipped() || ::testing::Test::HasFatalFailure())
        return;
    const std::string location = workspaceWithPasswordLogin();
    auto parts = store::parseTeamLocation(location);
    ASSERT_TRUE(parts) << parts.message();
    parts->user = kLogin;

    std::string opened;
    gui::TeamWorkspaceDialog dialog("", [&](const std::string& tried, const QString& password) {
        auto withPassword = store::withPassword(tried, password.toStdString());
        auto workspace = store::Workspace::open(*withPassword, store::Workspace::Opening::Existing);
        if (!workspace)
            return QString::fromStdString(workspace.message());
        opened = (*workspace)->location();
        return QString();
    });
    dialog.findChild<QComboBox*>()->setCurrentIndex(3);   // a Unix socket: no TLS there
    fill(dialog, *parts, QStringLiteral("wrong"));
    dialog.accept();
    EXPECT_EQ(dialog.result(), QDialog::Rejected) << "still open, to correct";
    bool told = false;
    for (QLabel* label : dialog.findChildren<QLabel*>())
        told = told || label->text().contains(QStringLiteral("password authentication failed"));
    EXPECT_TRUE(told);

    field(dialog, 5)->clear();
    QTest::keyClicks(field(dialog, 5), QString::fromUtf8(kPassword));
    dialog.accept();
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    EXPECT_FALSE(opened.empty());
    EXPECT_EQ(opened.find("acht"), std::string::npos) << "the workspace never shows the password: " << opened;
}

TEST(TeamWorkspaceKeychain, APasswordTypedOnceOpensTheTeamWorkspaceTheNextTime)
{
    if (std::getenv("EARSHOT_KEYRING_TEST") == nullptr)
        GTEST_SKIP() << "no Secret Service on this session; ctest's keychain_tests runs this";
    test::skipWithoutPostgres();
    if (::testing::Test::IsSkipped() || ::testing::Test::HasFatalFailure())
        return;
    QTemporaryDir config;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, config.filePath(QStringLiteral("config")));
    gui::setPasswordService(QStringLiteral("EarshotTeamTest"));
    auto parts = store::parseTeamLocation(workspaceWithPasswordLogin());
    ASSERT_TRUE(parts);
    parts->user = kLogin;
    parts->sslMode = "prefer";
    const std::string location = store::teamLocation(*parts);

    // The first time the keychain has nothing: the dialog asks, and the password it gets opens.
    // (Reading the keychain runs an event loop of its own, so the dialog is looked for until
    // it is there.)
    int asked = 0;
    QTimer answer;
    QObject::connect(&answer, &QTimer::timeout, [&] {
        auto* dialog = qobject_cast<gui::TeamWorkspaceDialog*>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        ++asked;
        answer.stop();
        QTest::keyClicks(field(*dialog, 5), QString::fromUtf8(kPassword));
        dialog->accept();
    });
    answer.start(50);
    auto first = gui::openTeamConsole(location);
    answer.stop();
    ASSERT_TRUE(first) << first.message();
    ASSERT_TRUE(*first) << "the dialog was cancelled";
    EXPECT_EQ(asked, 1);
    EXPECT_EQ(QSettings().value(QLatin1String(gui::SettingsDialog::kWorkspaceKey)).toString().toStdString(), location)
        << "the last workspace is remembered, without its password";
    first->reset();

    // The next start finds it in the keychain and asks nothing.
    QTimer guard;
    QObject::connect(&guard, &QTimer::timeout, [&] {
        if (auto* dialog = QApplication::activeModalWidget()) {
            ++asked;
            dialog->close();
        }
    });
    guard.start(50);
    auto second = gui::openTeamConsole(location);
    guard.stop();
    ASSERT_TRUE(second) << second.message();
    EXPECT_TRUE(*second);
    EXPECT_EQ(asked, 1);
}
