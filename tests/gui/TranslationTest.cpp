// The Dutch translation is compiled in and really loaded, every string in it is translated,
// and the themes keep the colours the console relies on readable.
#include <QApplication>
#include <QFile>
#include <QMenuBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include <QLocale>

#include <gtest/gtest.h>

#include "Console.h"
#include "ConversationFormat.h"
#include "Language.h"
#include "MainWindow.h"
#include "Theme.h"

namespace gui = earshot::gui;
namespace inbox = earshot::inbox;

namespace {

class TranslationTest : public ::testing::Test {
protected:
    void TearDown() override { gui::installTranslations(*qApp, "en"); }
};

TEST_F(TranslationTest, StartingInDutchThePollButtonSaysNuOphalen)
{
    ASSERT_TRUE(gui::installTranslations(*qApp, "nl"));
    QTemporaryDir dir;
    auto console = gui::Console::open(dir.filePath("workspace.db").toStdString());
    ASSERT_TRUE(console) << console.message();
    auto& window = (*console)->window();

    QStringList buttons;
    for (const QPushButton* button : window.findChildren<QPushButton*>())
        buttons << button->text();
    EXPECT_TRUE(buttons.contains("Nu ophalen")) << buttons.join(", ").toStdString();
    QStringList menus;
    for (const QAction* action : window.menuBar()->actions())
        menus << action->text();
    EXPECT_TRUE(menus.contains("&Bestand")) << menus.join(", ").toStdString();
}

TEST_F(TranslationTest, ConversationStatusesAreSaidInDutch)
{
    // statusText serves the pane header and the author card; its strings must reach lupdate.
    ASSERT_TRUE(gui::installTranslations(*qApp, "nl"));
    EXPECT_EQ(gui::conversation::statusText(inbox::ConversationStatus::New), "Nieuw");
    EXPECT_EQ(gui::conversation::statusText(inbox::ConversationStatus::Pending), "Wacht op klant");
    EXPECT_EQ(gui::conversation::statusText(inbox::ConversationStatus::Resolved), "Afgehandeld");
}

TEST_F(TranslationTest, NumbersDatesAndWeekdaysFollowTheLanguage)
{
    ASSERT_TRUE(gui::installTranslations(*qApp, "nl"));
    EXPECT_EQ(QLocale().toString(85.8, 'f', 1), "85,8");
    EXPECT_EQ(QLocale().toString(qlonglong(91233)), "91.233");
    EXPECT_EQ(QLocale().dayName(1, QLocale::ShortFormat), "ma");
    ASSERT_TRUE(gui::installTranslations(*qApp, "en"));
    EXPECT_EQ(QLocale(), QLocale::system()) << "back to the machine's own";
}

TEST_F(TranslationTest, EnglishNeedsNoTranslation)
{
    ASSERT_TRUE(gui::installTranslations(*qApp, "nl"));
    ASSERT_TRUE(gui::installTranslations(*qApp, "en"));
    EXPECT_EQ(QApplication::translate("earshot::gui::MainWindow", "Poll Now"), "Poll Now");
}

TEST_F(TranslationTest, TheSystemLanguageIsUsedWhenWeHaveIt)
{
    EXPECT_EQ(gui::resolveLanguage("system", QLocale(QLocale::Dutch, QLocale::Belgium)), "nl");
    EXPECT_EQ(gui::resolveLanguage("system", QLocale(QLocale::German, QLocale::Germany)), "en");
    EXPECT_EQ(gui::resolveLanguage("en", QLocale(QLocale::Dutch, QLocale::Netherlands)), "en");
    EXPECT_EQ(gui::resolveLanguage("nl", QLocale(QLocale::English, QLocale::UnitedStates)), "nl");
}

TEST_F(TranslationTest, EveryDutchStringIsTranslated)
{
    QFile ts(QStringLiteral(EARSHOT_TEST_DATA "/../../ui/translations/earshot_nl.ts"));
    ASSERT_TRUE(ts.open(QIODevice::ReadOnly)) << ts.fileName().toStdString();
    const QString text = QString::fromUtf8(ts.readAll());
    EXPECT_GT(text.count("<message"), 100);
    // lupdate marks new strings "unfinished"; see src/CMakeLists.txt for the command.
    EXPECT_EQ(text.count("type=\"unfinished\""), 0) << "run update_translations and translate the new strings";
}

TEST_F(TranslationTest, BothThemesKeepHintsAndWarningsReadable)
{
    for (const gui::ThemeMode mode : {gui::ThemeMode::Light, gui::ThemeMode::Dark}) {
        gui::applyTheme(mode);
        const QPalette palette = QApplication::palette();
        EXPECT_EQ(gui::isDarkPalette(palette), mode == gui::ThemeMode::Dark);
        const qreal base = palette.color(QPalette::Base).lightnessF();
        // Far enough from the background to read, whichever way round.
        for (const QColor colour : {palette.color(QPalette::PlaceholderText), palette.color(QPalette::Text),
                                    palette.color(QPalette::Link), gui::warningTextColor(palette),
                                    gui::errorTextColor(palette)})
            EXPECT_GT(std::abs(colour.lightnessF() - base), 0.3) << colour.name().toStdString();
    }
    gui::applyTheme(gui::ThemeMode::System);
}

}  // namespace
