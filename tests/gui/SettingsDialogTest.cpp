// The Settings dialog: the team's signature rule goes into the workspace's settings table,
// this computer's choices into QSettings (kept in a temporary folder for the test), and
// a theme takes effect at once.
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include "SettingsDialog.h"
#include "Theme.h"
#include "earshot/checks/SettingsRepository.h"
#include "earshot/store/Workspace.h"

using earshot::gui::SettingsDialog;
namespace store = earshot::store;

namespace {

class SettingsDialogTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath("config"));
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath("config"));
        m_path = m_dir.filePath("workspace.db");
        auto opened = store::Workspace::open(m_path.toStdString());
        ASSERT_TRUE(opened) << opened.message();
        m_workspace = std::move(*opened);
    }

    void TearDown() override { earshot::gui::applyTheme(earshot::gui::ThemeMode::System); }

    std::unique_ptr<SettingsDialog> openDialog()
    {
        auto dialog = std::make_unique<SettingsDialog>(*m_workspace, m_dir.filePath("earshot.log"));
        dialog->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(dialog.get()));
        return dialog;
    }

    static void clickOk(SettingsDialog& dialog)
    {
        auto* buttons = dialog.findChild<QDialogButtonBox*>();
        ASSERT_NE(buttons, nullptr);
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    }

    std::string storedSetting(const std::string& key)
    {
        auto session = m_workspace->reader();
        EXPECT_TRUE(session) << session.message();
        auto value = earshot::checks::SettingsRepository(**session).get(key);
        EXPECT_TRUE(value) << value.message();
        return value && *value ? **value : std::string("(unset)");
    }

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<store::Workspace> m_workspace;
};

TEST_F(SettingsDialogTest, TheSignatureRuleIsWrittenToTheSettingsTable)
{
    auto dialog = openDialog();
    EXPECT_FALSE(dialog->signatureCheck()->isChecked());   // unset means off

    QTest::mouseClick(dialog->signatureCheck(), Qt::LeftButton);
    clickOk(*dialog);
    EXPECT_FALSE(dialog->isVisible());
    EXPECT_EQ(storedSetting("signature.required"), "named");

    dialog = openDialog();
    EXPECT_TRUE(dialog->signatureCheck()->isChecked());
    QTest::mouseClick(dialog->signatureCheck(), Qt::LeftButton);
    clickOk(*dialog);
    EXPECT_EQ(storedSetting("signature.required"), "off");
}

TEST_F(SettingsDialogTest, CancelWritesNothing)
{
    auto dialog = openDialog();
    QTest::mouseClick(dialog->signatureCheck(), Qt::LeftButton);
    dialog->reject();
    EXPECT_EQ(storedSetting("signature.required"), "(unset)");
}

TEST_F(SettingsDialogTest, ShowsWhereTheDataLives)
{
    auto dialog = openDialog();
    EXPECT_EQ(dialog->databasePathLabel()->text(), QDir::toNativeSeparators(m_path));
    EXPECT_EQ(dialog->logPathLabel()->text(), QDir::toNativeSeparators(m_dir.filePath("earshot.log")));
}

TEST_F(SettingsDialogTest, ThisComputersChoicesGoToQSettings)
{
    auto dialog = openDialog();
    EXPECT_TRUE(dialog->notificationsCheck()->isChecked());   // on by default
    QTest::mouseClick(dialog->notificationsCheck(), Qt::LeftButton);
    dialog->languageCombo()->setCurrentIndex(dialog->languageCombo()->findData("nl"));
    dialog->themeCombo()->setCurrentIndex(dialog->themeCombo()->findData("dark"));
    clickOk(*dialog);

    QSettings settings;
    EXPECT_FALSE(settings.value("notifications/enabled").toBool());
    EXPECT_EQ(settings.value("ui/language").toString(), "nl");
    EXPECT_EQ(settings.value("ui/theme").toString(), "dark");
    // The theme applies at once.
    EXPECT_TRUE(earshot::gui::isDarkPalette(QApplication::palette()));

    dialog = openDialog();
    EXPECT_FALSE(dialog->notificationsCheck()->isChecked());
    EXPECT_EQ(dialog->languageCombo()->currentData().toString(), "nl");
    EXPECT_EQ(dialog->themeCombo()->currentData().toString(), "dark");
}

TEST_F(SettingsDialogTest, AnotherWorkspaceIsOpenedFromTheNextStart)
{
    EXPECT_TRUE(SettingsDialog::savedWorkspace().isEmpty());
    const QString other = m_dir.filePath("team/verskist.db");
    auto dialog = openDialog();
    QStringList asked;
    dialog->setChooseWorkspace([&](const QString& current) {
        asked << current;
        return other;
    });
    QTest::mouseClick(dialog->changeWorkspaceButton(), Qt::LeftButton);
    EXPECT_EQ(asked, QStringList{m_path});
    auto* hint = dialog->findChild<QLabel*>("workspaceHint");
    ASSERT_NE(hint, nullptr);
    EXPECT_TRUE(hint->isVisible());
    EXPECT_TRUE(hint->text().contains(QDir::toNativeSeparators(other))) << hint->text().toStdString();
    EXPECT_TRUE(SettingsDialog::savedWorkspace().isEmpty()) << "nothing is kept before OK";
    clickOk(*dialog);
    EXPECT_EQ(SettingsDialog::savedWorkspace(), other);

    // A file that exists but is no workspace is refused on the spot, not at the next start.
    dialog = openDialog();
    const QString notes = m_dir.filePath("notes.txt");
    {
        QFile file(notes);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
    }
    dialog->setChooseWorkspace([&](const QString&) { return notes; });
    QTest::mouseClick(dialog->changeWorkspaceButton(), Qt::LeftButton);
    EXPECT_TRUE(dialog->findChild<QLabel*>("workspaceHint")->text().contains("cannot be used as a workspace"));
    clickOk(*dialog);
    EXPECT_EQ(SettingsDialog::savedWorkspace(), other);

    // Cancelling the file dialog changes nothing.
    dialog = openDialog();
    dialog->setChooseWorkspace([](const QString&) { return QString(); });
    QTest::mouseClick(dialog->changeWorkspaceButton(), Qt::LeftButton);
    EXPECT_FALSE(dialog->findChild<QLabel*>("workspaceHint")->isVisible());
    clickOk(*dialog);
    EXPECT_EQ(SettingsDialog::savedWorkspace(), other);
}

}  // namespace
