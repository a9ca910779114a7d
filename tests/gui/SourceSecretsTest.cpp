// Platform secrets in a real system keychain: a Secret Service (gnome-keyring) on a D-Bus
// session of the test's own, which the keychain_tests ctest starts. Run without it (in the
// ordinary GUI suite) these tests skip, since there is no keychain to talk to.
#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

#include <cstdlib>

#include "SourceSecrets.h"
#include "SourcesDialog.h"
#include "earshot/bridge/EngineBridge.h"
#include "earshot/bridge/SourceHealth.h"
#include "earshot/connectors/Connector.h"
#include "earshot/connectors/PlatformSource.h"
#include "earshot/store/Session.h"
#include "earshot/store/SourceStore.h"
#include "earshot/store/Workspace.h"

using namespace earshot;

namespace {

bool keychainAvailable() { return std::getenv("EARSHOT_KEYRING_TEST") != nullptr; }

std::string secretFor(const connectors::CredentialLookup& lookup, std::int64_t id)
{
    store::Source source;
    source.id = id;
    return lookup(source, *connectors::connectorFor("mastodon-tag"));
}

}  // namespace

TEST(SourceSecrets, AStoredSecretIsReadBackFromTheKeychainByAnotherInstance)
{
    if (!keychainAvailable())
        GTEST_SKIP() << "no Secret Service on this session; ctest's keychain_tests runs these";
    gui::SourceSecrets writer(QStringLiteral("EarshotTest"));
    ASSERT_EQ(writer.store(41, QStringLiteral("t0ken-41")), QString());
    EXPECT_EQ(secretFor(writer.lookup(), 41), "t0ken-41");

    // A new start knows only what the keychain kept.
    gui::SourceSecrets reader(QStringLiteral("EarshotTest"));
    EXPECT_FALSE(reader.has(41));
    ASSERT_EQ(reader.load({41, 42}), QString());
    EXPECT_TRUE(reader.has(41));
    EXPECT_FALSE(reader.has(42));
    const connectors::CredentialLookup lookup = reader.lookup();
    EXPECT_EQ(secretFor(lookup, 41), "t0ken-41");
    EXPECT_EQ(secretFor(lookup, 42), "");

    // An empty secret removes the entry.
    ASSERT_EQ(reader.store(41, QString()), QString());
    gui::SourceSecrets afterRemoval(QStringLiteral("EarshotTest"));
    ASSERT_EQ(afterRemoval.load({41}), QString());
    EXPECT_FALSE(afterRemoval.has(41));
    EXPECT_EQ(secretFor(lookup, 41), "") << "the engine's copy forgets it too";
}

TEST(SourceSecrets, RemovingASourceRemovesItsSecretFromTheKeychain)
{
    if (!keychainAvailable())
        GTEST_SKIP() << "no Secret Service on this session; ctest's keychain_tests runs these";
    QTemporaryDir dir;
    const QString path = dir.filePath("workspace.db");
    std::int64_t id = 0;
    auto workspace = store::Workspace::open(path.toStdString());
    ASSERT_TRUE(workspace) << workspace.message();
    ASSERT_TRUE((*workspace)->writer().run([&](store::Session& session) -> earshot::Status {
        auto source = connectors::makePlatformSource({.kind = "mastodon-mentions", .instance = "social.example"});
        auto added = session.sources().add(source.value());
        if (!added)
            return added.error();
        id = *added;
        return earshot::Ok{};
    }));
    gui::SourceSecrets secrets(QStringLiteral("EarshotTest"));
    ASSERT_EQ(secrets.store(id, QStringLiteral("brand-token")), QString());

    bridge::EngineBridge engine;  // not started
    bridge::SourceHealth health;
    gui::SourcesDialog dialog(**workspace, engine, health, "Anouk Smit", nullptr, &secrets);
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    const QRect row = dialog.table()->visualItemRect(dialog.table()->item(0, gui::SourcesDialog::NameColumn));
    QTest::mouseClick(dialog.table()->viewport(), Qt::LeftButton, {}, row.center());
    QString asked;
    QTimer::singleShot(0, [&asked] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        ASSERT_NE(box, nullptr);
        asked = box->text();
        box->button(QMessageBox::Yes)->click();
    });
    QTest::mouseClick(dialog.removeButton(), Qt::LeftButton);
    EXPECT_NE(asked.indexOf("removes its secret from the system keychain"), -1) << asked.toStdString();

    EXPECT_FALSE(secrets.has(id));
    gui::SourceSecrets afterwards(QStringLiteral("EarshotTest"));
    ASSERT_EQ(afterwards.load({id}), QString());
    EXPECT_FALSE(afterwards.has(id)) << "the keychain still holds the removed source's token";
}

// Source 3 of a desk is not source 3 of the team's server: each workspace keeps its own
// secrets, and one kept before that (under the source alone) is taken over by the workspace
// that reads it first.
TEST(SourceSecrets, EachWorkspaceKeepsItsOwnAndAnOlderSecretIsTakenOver)
{
    if (!keychainAvailable())
        GTEST_SKIP() << "no Secret Service on this session; ctest's keychain_tests runs these";
    gui::SourceSecrets desk(QStringLiteral("EarshotTest"), QStringLiteral("/home/anouk/desk.db"));
    gui::SourceSecrets team(QStringLiteral("EarshotTest"), QStringLiteral("host=db.example.nl dbname=webcare"));
    ASSERT_EQ(desk.store(3, QStringLiteral("desk-t0ken")), QString());
    ASSERT_EQ(team.load({3}), QString());
    EXPECT_FALSE(team.has(3)) << "the desk's token must never reach the team's source 3";
    ASSERT_EQ(team.store(3, QStringLiteral("team-t0ken")), QString());
    ASSERT_EQ(desk.load({3}), QString());
    EXPECT_EQ(secretFor(desk.lookup(), 3), "desk-t0ken");

    gui::SourceSecrets older(QStringLiteral("EarshotTest"));   // the key of earlier versions
    ASSERT_EQ(older.store(7, QStringLiteral("old-t0ken")), QString());
    gui::SourceSecrets upgraded(QStringLiteral("EarshotTest"), QStringLiteral("/home/anouk/desk.db"));
    ASSERT_EQ(upgraded.load({7}), QString());
    EXPECT_EQ(secretFor(upgraded.lookup(), 7), "old-t0ken");
    ASSERT_EQ(older.load({7}), QString());
    EXPECT_FALSE(older.has(7)) << "taken over, not left behind for another workspace";
    for (auto* secrets : {&desk, &team, &upgraded})
        for (std::int64_t id : {3, 7})
            secrets->store(id, QString());
}
