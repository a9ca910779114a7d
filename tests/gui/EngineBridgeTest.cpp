// EngineBridge runs the real engine on a temp workspace with file:// feeds and must hand
// every report to the thread that owns it, through the event loop.
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrl>

#include <gtest/gtest.h>

#include "earshot/bridge/EngineBridge.h"
#include "earshot/store/Session.h"
#include "earshot/store/SourceStore.h"
#include "earshot/store/Workspace.h"

using earshot::bridge::EngineBridge;
namespace store = earshot::store;

namespace {

constexpr int kTimeoutMs = 10'000;

const char* const kFeed = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Forum</title><link>https://forum.example/</link>
<item><guid>a1</guid><title>Pakket kwijt</title><link>https://forum.example/t/1</link>
<description>Mijn pakket is niet aangekomen.</description></item>
<item><guid>a2</guid><title>Snelle levering</title><link>https://forum.example/t/2</link>
<description>Top service!</description></item>
</channel></rss>
)";

class EngineBridgeTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_path = m_dir.filePath("workspace.db").toStdString();
        auto workspace = store::Workspace::open(m_path);
        ASSERT_TRUE(workspace) << workspace.message();
        m_workspace = std::move(*workspace);
    }

    std::string writeFeed(const QString& name, const char* content)
    {
        QFile file(m_dir.filePath(name));
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(content);
        return QUrl::fromLocalFile(file.fileName()).toString().toStdString();
    }

    std::int64_t addSource(const std::string& name, const std::string& url)
    {
        std::int64_t id = 0;
        const earshot::Status added = m_workspace->writer().run([&](store::Session& session) -> earshot::Status {
            auto stored = session.sources().add({.name = name, .url = url});
            if (!stored)
                return stored.error();
            id = *stored;
            return earshot::Ok{};
        });
        EXPECT_TRUE(added) << (added ? "" : added.message());
        return id;
    }

    QTemporaryDir m_dir;
    std::string m_path;
    std::unique_ptr<store::Workspace> m_workspace;
};

TEST_F(EngineBridgeTest, ReportsStoredMentionsInItsOwnThread)
{
    const auto sourceId = addSource("Forum", writeFeed("forum.rss", kFeed));
    EngineBridge bridge;
    QList<qint64> stored;
    QThread* deliveredOn = nullptr;
    QObject::connect(&bridge, &EngineBridge::newMentionsStored, [&](qint64 source, const QList<qint64>& ids) {
        EXPECT_EQ(source, sourceId);
        stored += ids;
        deliveredOn = QThread::currentThread();
    });

    ASSERT_TRUE(bridge.start(*m_workspace));
    EXPECT_TRUE(bridge.isRunning());
    EXPECT_TRUE(QTest::qWaitFor([&] { return stored.size() == 2; }, kTimeoutMs));
    EXPECT_EQ(deliveredOn, QThread::currentThread());
}

TEST_F(EngineBridgeTest, ReportsProgressUntilIdleAndFailingSources)
{
    addSource("Forum", writeFeed("forum.rss", kFeed));
    const auto missing = addSource("Gone", QUrl::fromLocalFile(m_dir.filePath("missing.rss")).toString().toStdString());
    EngineBridge bridge;
    QSignalSpy progress(&bridge, &EngineBridge::pollProgressUpdated);
    QSignalSpy states(&bridge, &EngineBridge::sourceStateUpdated);

    ASSERT_TRUE(bridge.start(*m_workspace));
    // The round ends with an idle report (total 0) once everything is written.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return !progress.isEmpty() && progress.last().at(1).toInt() == 0 && progress.size() > 1; }, kTimeoutMs));
    EXPECT_GT(progress.first().at(1).toInt(), 0);

    bool sawFailure = false;
    for (const auto& state : states) {
        if (state.at(0).toLongLong() == missing) {
            sawFailure = true;
            EXPECT_EQ(state.at(1).toString(), "Gone");
            EXPECT_EQ(state.at(2).toString(), "failing");
            EXPECT_FALSE(state.at(3).toString().isEmpty());
        }
    }
    EXPECT_TRUE(sawFailure);
}

TEST_F(EngineBridgeTest, PollNowPicksUpASourceAddedWhileRunning)
{
    EngineBridge bridge;
    QList<qint64> stored;
    QObject::connect(&bridge, &EngineBridge::newMentionsStored,
                     [&](qint64, const QList<qint64>& ids) { stored += ids; });
    ASSERT_TRUE(bridge.start(*m_workspace));

    addSource("Forum", writeFeed("forum.rss", kFeed));
    bridge.pollNow();

    EXPECT_TRUE(QTest::qWaitFor([&] { return stored.size() == 2; }, kTimeoutMs));
}

TEST_F(EngineBridgeTest, StopsCleanlyAndOnlyOnce)
{
    addSource("Forum", writeFeed("forum.rss", kFeed));
    EngineBridge bridge;
    ASSERT_TRUE(bridge.start(*m_workspace));
    EXPECT_FALSE(bridge.start(*m_workspace));   // one engine per bridge
    bridge.stop();
    EXPECT_FALSE(bridge.isRunning());
    bridge.stop();
    bridge.pollNow();   // harmless once stopped
}

TEST_F(EngineBridgeTest, AWorkspaceThatCannotBeOpenedIsRefusedWithWhy)
{
    QFile blocker(m_dir.filePath("blocker"));
    ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
    blocker.close();

    // A path under a plain file can never become a database.
    auto refused = store::Workspace::open(m_dir.filePath("blocker/workspace.db").toStdString());

    ASSERT_FALSE(refused);
    EXPECT_NE(refused.message().find("blocker"), std::string::npos) << refused.message();
}

}  // namespace
