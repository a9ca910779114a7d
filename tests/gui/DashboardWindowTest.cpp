// The managers' dashboard on a real temp workspace with conversations answered at known times:
// the tiles, the per-agent table, the breaches (each opening its conversation), the period and
// filters changing the figures, and the PNG and CSV exports read back. The figures come from a
// real DashboardModel computing on its worker thread.
#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "DashboardWindow.h"
#include "Shell.h"
#include "TempWorkspace.h"
#include "earshot/core/Text.h"
#include "earshot/metrics/ReportPeriod.h"
#include "earshot/inbox/AgentRepository.h"
#include "earshot/inbox/Inbox.h"
#include "earshot/metrics/MetricsSettings.h"
#include "earshot/store/Mentions.h"

namespace {

using namespace earshot;
using gui::DashboardWindow;

constexpr std::int64_t kMinute = 60;
constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 86400;
// Friday 20 November 2026, 12:00 UTC.
constexpr std::int64_t kNow = 1'795'176'000;

class DashboardWindowTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        forum = workspace.addSource({.name = "Forum", .url = "https://forum.example/feed"});
        shop = workspace.addSource({.name = "Shop", .url = "https://shop.example/feed"});
        ASSERT_TRUE(forum && shop);
        ASSERT_TRUE(write([](store::Session& session) -> Status {
            inbox::AgentRepository agents(session);
            for (const inbox::Agent& agent : {inbox::Agent{.name = "Eva", .firstName = "Eva", .teams = {"care"}},
                                              inbox::Agent{.name = "Sam", .firstName = "Sam", .teams = {"billing"}}})
                if (auto added = agents.add(agent); !added)
                    return added.error();
            // Normal priority: a first response within the hour, around the clock.
            return metrics::saveSlaPolicies(
                session, metrics::SlaPolicies({{.priority = 1, .firstResponseSeconds = kHour, .businessHours = false}}));
        }));

        quick = conversation(forum, "quick", kNow - kDay - 3 * kHour);          // Thursday 09:00
        answer(quick, "Eva", 10 * kMinute);
        at(quick, 1 * kHour, [](inbox::Inbox& in, std::int64_t id) { return in.resolve(id, "Eva"); });
        open = conversation(forum, "open", kNow - kDay - 2 * kHour);            // Thursday 10:00
        answer(open, "Eva", 30 * kMinute);
        slow = conversation(shop, "slow", kNow - 2 * kDay - 3 * kHour);         // Wednesday 09:00
        answer(slow, "Sam", 2 * kHour);
        unanswered = conversation(shop, "unanswered", kNow - kDay - kHour);     // Thursday 11:00, nobody
        old = conversation(forum, "old", kNow - 19 * kDay - 3 * kHour);         // 1 November
        answer(old, "Eva", 4 * kHour);
    }

    // Through the workspace's writer, as the console writes.
    Status write(const store::Writer::Work& work) { return workspace.open().writer().run(work); }

    std::int64_t conversation(std::int64_t source, const std::string& thread, std::int64_t when)
    {
        const auto stored = workspace.ingest(
            source,
            {{.externalId = thread, .body = "Waar blijft mijn pakket?", .threadId = thread,
              .publishedAt = when - 10 * kMinute, .author = {.platform = "feed", .handle = "@" + thread}}},
            when);
        EXPECT_EQ(stored.conversationsCreated.size(), 1u) << thread;
        return stored.conversationsCreated.empty() ? 0 : stored.conversationsCreated.front();
    }

    template <typename Action>
    void at(std::int64_t id, std::int64_t after, Action action)
    {
        // When the customer first wrote: the conversation's first mention was heard.
        const auto mentions = workspace.conversation(id).mentions;
        ASSERT_FALSE(mentions.empty()) << "#" << id;
        std::int64_t started = mentions.front().ingestedAt;
        for (const auto& mention : mentions)
            started = std::min(started, mention.ingestedAt);
        inbox::Inbox in(workspace.open().writer(), [when = started + after] { return when; });
        auto done = action(in, id);
        ASSERT_TRUE(done) << done.message();
    }

    void answer(std::int64_t id, const std::string& agent, std::int64_t after)
    {
        at(id, after, [&](inbox::Inbox& in, std::int64_t c) { return in.claim(c, agent); });
        at(id, after, [&](inbox::Inbox& in, std::int64_t c) {
            return in.reply(c, agent, "We zoeken het uit.", inbox::Channel::OffPlatform);
        });
    }

    std::unique_ptr<DashboardWindow> openDashboard(bridge::DashboardModel::Clock clock = [] { return kNow; })
    {
        auto window = std::make_unique<DashboardWindow>(workspace.open(), nullptr, std::move(clock));
        window->resize(1500, 940);
        window->show();
        window->setPeriod(DashboardWindow::Period::Week);
        settle(*window);
        return window;
    }

    static void settle(DashboardWindow& window)
    {
        window.model().waitForIdle();
        QApplication::processEvents();
    }

    static int rowOf(QTableWidget* table, const QString& first)
    {
        for (int row = 0; row < table->rowCount(); ++row)
            if (table->item(row, 0) && table->item(row, 0)->text() == first)
                return row;
        return -1;
    }

    test::TempWorkspace workspace;
    std::int64_t forum = 0, shop = 0;
    std::int64_t quick = 0, open = 0, slow = 0, unanswered = 0, old = 0;
};

TEST_F(DashboardWindowTest, TilesShowTheWeeksFiguresWhileTheGuiStaysResponsive)
{
    auto window = openDashboard();
    ASSERT_TRUE(window->model().report()) << window->model().lastError().toStdString();

    // First responses in the last 7 days: 10 min, 30 min, 2 h (the old one is outside).
    EXPECT_EQ(window->model().report()->total.cycles, 4);
    EXPECT_EQ(window->tileText("first_median"), "30 min");
    // Within the hour: quick and open met; slow (2 h) and unanswered (25 h) breached.
    EXPECT_EQ(window->tileText("sla"), QLocale().toString(50.0, 'f', 1) + " %");
    EXPECT_EQ(window->tileText("resolution_median"), "1 h") << "only quick was resolved";
    EXPECT_EQ(window->tileText("backlog"), "4") << "open, slow, unanswered and old are not resolved";

    // A new request runs on the model's thread; the window keeps handling events meanwhile.
    window->setPeriod(DashboardWindow::Period::Month);
    EXPECT_TRUE(window->model().busy());
    settle(*window);
    EXPECT_FALSE(window->model().busy());
    EXPECT_EQ(window->model().report()->total.cycles, 5) << "1 November is within 30 days";
    EXPECT_NE(window->tileText("first_median"), "30 min");
}

TEST_F(DashboardWindowTest, PerAgentTableAndFiltersNarrowTheFigures)
{
    auto window = openDashboard();
    QTableWidget* agents = window->agentTable();
    const int eva = rowOf(agents, "Eva");
    const int sam = rowOf(agents, "Sam");
    ASSERT_GE(eva, 0);
    ASSERT_GE(sam, 0);
    EXPECT_EQ(agents->item(eva, 1)->text(), "2");
    EXPECT_EQ(agents->item(sam, 1)->text(), "1");
    EXPECT_EQ(agents->item(sam, 2)->text(), "2 h");

    // The agent filter lists the workspace's agents; choosing Sam shows his figures alone.
    QComboBox* agent = window->agentFilter();
    ASSERT_GE(agent->findText("Sam"), 1);
    agent->setCurrentIndex(agent->findText("Sam"));
    settle(*window);
    EXPECT_EQ(window->tileText("first_median"), "2 h");
    EXPECT_EQ(window->model().report()->total.cycles, 1);
    agent->setCurrentIndex(0);

    // The source filter: only the forum's two conversations this week.
    QComboBox* source = window->sourceFilter();
    source->setCurrentIndex(source->findText("Forum"));
    settle(*window);
    EXPECT_EQ(window->model().report()->total.cycles, 2);
    EXPECT_EQ(window->tileText("sla"), QLocale().toString(100.0, 'f', 1) + " %");

    // The team filter: billing is Sam's team.
    source->setCurrentIndex(0);
    window->teamFilter()->setCurrentIndex(window->teamFilter()->findText("billing"));
    settle(*window);
    EXPECT_EQ(window->model().report()->total.cycles, 1);
}

TEST_F(DashboardWindowTest, WaitsCanBeMeasuredFromThePostsOwnTime)
{
    auto window = openDashboard();
    EXPECT_EQ(window->tileText("first_median"), "30 min");
    // Each post says it was written ten minutes before it reached Earshot.
    window->waitStartPicker()->setCurrentIndex(1);
    settle(*window);
    EXPECT_EQ(window->model().reportRequest().clock, metrics::Clock::Published);
    EXPECT_EQ(window->tileText("first_median"), "40 min");
}

TEST_F(DashboardWindowTest, PeriodsAreWholeDaysOnTheTeamsClock)
{
    // A team five hours behind UTC: at 12:00 UTC it is 07:00 there, and "today" began at 05:00 UTC.
    ASSERT_TRUE(write([](store::Session& session) {
        return metrics::saveCalendar(
            session,
            metrics::TeamCalendar::fromJson({{"time_zone", "Etc/GMT+5"}, {"hours", {{"mon", {"09:00-17:00"}}}}}).value());
    }));
    auto window = openDashboard();
    window->setPeriod(DashboardWindow::Period::Today);
    settle(*window);
    EXPECT_EQ(window->model().reportRequest().filter.since, kNow - 7 * kHour);
    EXPECT_EQ(window->model().reportRequest().filter.until, kNow - 7 * kHour + kDay);

    // A refresh asks for the period as it is now, not the last one computed.
    window->setPeriod(DashboardWindow::Period::Week);
    window->refresh();
    settle(*window);
    EXPECT_EQ(window->model().reportRequest().filter.since, kNow - 7 * kHour - 6 * kDay);
}

TEST_F(DashboardWindowTest, StatsCountsTheSameLastThirtyDaysAsTheDashboard)
{
    // The team's own days (five hours behind UTC), at the real time `earshot-cli stats` runs at.
    const auto calendar =
        metrics::TeamCalendar::fromJson({{"time_zone", "Etc/GMT+5"}, {"hours", {{"mon", {"09:00-17:00"}}}}}).value();
    ASSERT_TRUE(write([&](store::Session& session) { return metrics::saveCalendar(session, calendar); }));
    const std::int64_t now = std::time(nullptr);
    const metrics::ReportPeriod period = metrics::lastDays(calendar.timeZone(), now, 30);
    // Half an hour before the first day: inside a rolling 30 × 24 h window (but near midnight),
    // outside the 30 calendar days; and half an hour into the first day.
    answer(conversation(forum, "before", period.since - 30 * kMinute), "Eva", 10 * kMinute);
    answer(conversation(forum, "first-day", period.since + 30 * kMinute), "Eva", 10 * kMinute);

    auto window = openDashboard([] { return std::int64_t(std::time(nullptr)); });
    window->setPeriod(DashboardWindow::Period::Month);
    settle(*window);
    ASSERT_TRUE(window->model().report()) << window->model().lastError().toStdString();
    const test::ShellRun stats =
        test::runShell(std::string(EARSHOT_CLI_PATH) + " --db '" + workspace.dbPath() + "' stats --json");
    ASSERT_EQ(stats.exitCode, 0) << stats.out;
    const auto figures = nlohmann::json::parse(stats.out);

    EXPECT_EQ(window->model().reportRequest().filter.since, period.since);
    EXPECT_EQ(figures["since"], core::formatUtc(period.since));
    EXPECT_EQ(figures["cycles"].get<std::int64_t>(), window->model().report()->total.cycles);
    EXPECT_EQ(figures["responded"].get<std::int64_t>(), window->model().report()->total.responded);
}

TEST_F(DashboardWindowTest, EachBreachOpensItsConversation)
{
    auto window = openDashboard();
    QTableWidget* breaches = window->breachTable();
    ASSERT_EQ(breaches->rowCount(), 2);
    std::vector<qint64> listed;
    for (int row = 0; row < breaches->rowCount(); ++row)
        listed.push_back(breaches->item(row, 0)->data(Qt::UserRole).toLongLong());
    // The most overdue first: unanswered for a day, then the two-hour answer.
    EXPECT_EQ(listed, (std::vector<qint64>{unanswered, slow}));

    QSignalSpy opened(window.get(), &DashboardWindow::conversationRequested);
    ASSERT_TRUE(breaches->viewport()->rect().contains(breaches->visualItemRect(breaches->item(1, 0)).center()));
    const QRect cell = breaches->visualItemRect(breaches->item(1, 0));
    QTest::mouseClick(breaches->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(breaches->viewport(), Qt::LeftButton, {}, cell.center());
    ASSERT_EQ(opened.count(), 1);
    EXPECT_EQ(opened.at(0).at(0).toLongLong(), slow);

    breaches->setFocus();
    breaches->setCurrentCell(0, 0);
    QTest::keyClick(breaches, Qt::Key_Return);
    ASSERT_EQ(opened.count(), 2);
    EXPECT_EQ(opened.at(1).at(0).toLongLong(), unanswered);
}

TEST_F(DashboardWindowTest, ExportsThePictureAndTheNumbers)
{
    auto window = openDashboard();
    const QString png = QString::fromStdString((workspace.dir() / "dashboard.png").string());
    const QString csv = QString::fromStdString((workspace.dir() / "dashboard.csv").string());
    window->setPickFile([&](const QString& suggested, const QString&) {
        return suggested.endsWith(".png") ? png : csv;
    });
    ASSERT_TRUE(window->savePng(png));
    const QImage image(png);
    ASSERT_FALSE(image.isNull());
    EXPECT_GT(image.width(), 800);
    EXPECT_GT(image.height(), 500);

    QString error;
    ASSERT_TRUE(window->saveCsv(csv, &error)) << error.toStdString();
    std::istringstream lines(test::readFile(csv.toStdString()));
    std::string header;
    std::getline(lines, header);
    EXPECT_NE(header.find("scope,name,cycles,responded,resolved,first_response_median_s"), std::string::npos);
    std::vector<std::string> rows;
    for (std::string line; std::getline(lines, line);)
        rows.push_back(line);
    ASSERT_FALSE(rows.empty());
    EXPECT_EQ(rows.front().rfind("total,all,4,3,1,1800", 0), 0u) << rows.front();
    const auto evaRow = std::find_if(rows.begin(), rows.end(), [](const std::string& r) { return r.rfind("agent,Eva,2,", 0) == 0; });
    EXPECT_NE(evaRow, rows.end());

    // A folder that does not exist: an error, not a crash.
    EXPECT_FALSE(window->saveCsv(QString::fromStdString((workspace.dir() / "missing" / "x.csv").string()), &error));
    EXPECT_FALSE(error.isEmpty());
}

TEST_F(DashboardWindowTest, NewAnswersShowAfterARefresh)
{
    auto window = openDashboard();
    EXPECT_EQ(window->tileText("backlog"), "4");
    at(unanswered, kDay, [](inbox::Inbox& in, std::int64_t id) { return in.claim(id, "Sam"); });
    at(unanswered, kDay, [](inbox::Inbox& in, std::int64_t id) {
        return in.reply(id, "Sam", "Sorry voor het wachten.", inbox::Channel::OffPlatform);
    });
    at(unanswered, kDay + 5 * kMinute, [](inbox::Inbox& in, std::int64_t id) { return in.resolve(id, "Sam"); });
    window->refresh();
    settle(*window);
    EXPECT_EQ(window->tileText("backlog"), "3");
    EXPECT_EQ(window->model().report()->total.responded, 4);
}

}  // namespace
