// ConversationListModel over a real temp SQLite workspace: views, paging through fetchMore,
// sorting through sort(), live waiting times, and rows updated, moved, dropped and inserted
// by refresh(). Every model runs under QAbstractItemModelTester.
#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "TempWorkspace.h"
#include "earshot/bridge/ConversationListModel.h"
#include "earshot/inbox/AgentRepository.h"
#include "earshot/inbox/Inbox.h"
#include "earshot/metrics/MetricsSettings.h"
#include "earshot/store/Mentions.h"
#include "earshot/store/Workspace.h"

using earshot::bridge::ConversationListModel;
namespace store = earshot::store;

namespace {

constexpr std::int64_t kStart = 1'700'000'000;

class ConversationListModelTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_sourceId = m_workspace.addSource({.name = "Klantenforum", .url = "https://forum.example/feed"});
        ASSERT_NE(m_sourceId, 0);
        // The agent of the changes below (claims, priorities, replies).
        ASSERT_TRUE(writer().run([](store::Session& session) -> earshot::Status {
            if (auto added = earshot::inbox::AgentRepository(session).add({.name = "Eva", .firstName = "Eva"}); !added)
                return added.error();
            return earshot::Ok{};
        }));
    }

    // A conversation whose customer wrote `text` at `at`; a later call with the same thread
    // adds to it.
    std::int64_t write(const std::string& thread, const std::string& text, std::int64_t at)
    {
        const auto stored = m_workspace.ingest(
            m_sourceId,
            {{.externalId = thread + std::to_string(at), .body = text, .threadId = thread,
              .author = {.platform = "feed", .handle = "@" + thread, .displayName = "Klant " + thread}}},
            at);
        EXPECT_EQ(stored.mentionIds.size(), 1u) << thread;
        if (!stored.conversationsCreated.empty())
            m_threads[thread] = stored.conversationsCreated.front();
        EXPECT_TRUE(m_threads.contains(thread)) << "a new thread starts a conversation: " << thread;
        return m_threads[thread];
    }

    // Changes as an agent makes them: through the inbox, at the test's clock.
    earshot::inbox::Inbox inbox() { return earshot::inbox::Inbox(writer(), [this] { return m_now; }); }
    void claim(std::int64_t id)   // new becomes open, held by Eva
    {
        auto done = inbox().claim(id, "Eva");
        ASSERT_TRUE(done && done->changed()) << (done ? done->message : done.message());
    }
    void prioritise(std::int64_t id, earshot::inbox::Priority priority)
    {
        auto done = inbox().setPriority(id, "Eva", priority);
        ASSERT_TRUE(done && done->changed()) << (done ? done->message : done.message());
    }
    void resolve(std::int64_t id)
    {
        auto done = inbox().resolve(id, "Eva");
        ASSERT_TRUE(done && done->changed()) << (done ? done->message : done.message());
    }

    std::unique_ptr<ConversationListModel> makeModel(store::ConversationFilter filter = {}, int pageSize = 200,
                                                     bool tested = true)
    {
        auto reader = m_workspace.open().reader();
        EXPECT_TRUE(reader) << reader.message();
        auto model = std::make_unique<ConversationListModel>(std::move(*reader), std::move(filter), nullptr, pageSize,
                                                             [this] { return m_now; });
        if (tested)
            test(*model);
        return model;
    }

    void test(ConversationListModel& model)
    {
        m_tester = std::make_unique<QAbstractItemModelTester>(&model,
                                                              QAbstractItemModelTester::FailureReportingMode::Fatal);
    }

    static QString text(const ConversationListModel& model, int row, int column)
    {
        return model.index(row, column).data().toString();
    }

    static std::vector<qint64> ids(const ConversationListModel& model)
    {
        std::vector<qint64> result;
        for (int row = 0; row < model.rowCount(); ++row)
            result.push_back(model.index(row, 0).data(ConversationListModel::ConversationIdRole).toLongLong());
        return result;
    }

    static void expectLookupsAgree(const ConversationListModel& model)
    {
        for (int row = 0; row < model.rowCount(); ++row)
            EXPECT_EQ(model.rowOfConversation(model.conversationIdAt(row)), row);
    }

    void TearDown() override { m_tester.reset(); }

    // The workspace's writer, for inbox actions and settings.
    store::Writer& writer() { return m_workspace.open().writer(); }

    earshot::test::TempWorkspace m_workspace;
    std::map<std::string, std::int64_t> m_threads;   // the conversation of each thread written
    std::int64_t m_sourceId = 0;
    std::int64_t m_now = kStart + 3 * 3600;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

TEST_F(ConversationListModelTest, ShowsOpenConversationsLongestWaitingFirst)
{
    const auto recent = write("b", "Factuur klopt niet", kStart + 3 * 3600 - 12 * 60);
    const auto oldest = write("a", "Mijn pakket  is\nniet bezorgd", kStart);
    claim(oldest);
    prioritise(oldest, earshot::inbox::Priority::Urgent);
    auto model = makeModel();

    ASSERT_EQ(model->rowCount(), 2);
    EXPECT_EQ(model->columnCount(), ConversationListModel::ColumnCount);
    EXPECT_EQ(ids(*model), (std::vector<qint64>{oldest, recent}));
    EXPECT_EQ(text(*model, 0, ConversationListModel::WaitingColumn), "3 h");
    EXPECT_EQ(text(*model, 1, ConversationListModel::WaitingColumn), "12 min");
    EXPECT_EQ(text(*model, 0, ConversationListModel::CustomerColumn), "Klant a");
    EXPECT_EQ(model->index(0, ConversationListModel::CustomerColumn).data(Qt::ToolTipRole).toString(), "@a");
    EXPECT_EQ(text(*model, 0, ConversationListModel::SourceColumn), "Klantenforum");
    EXPECT_EQ(text(*model, 0, ConversationListModel::SnippetColumn), "Mijn pakket is niet bezorgd");
    EXPECT_EQ(text(*model, 0, ConversationListModel::PriorityColumn), "Urgent");
    EXPECT_EQ(text(*model, 0, ConversationListModel::AssigneeColumn), "Eva");
    EXPECT_EQ(text(*model, 1, ConversationListModel::AssigneeColumn), "");
    EXPECT_EQ(model->index(0, 0).data(ConversationListModel::StatusRole).toString(), "open");
    EXPECT_EQ(model->index(0, 0).data(ConversationListModel::PriorityRole).toInt(), 3);
    EXPECT_EQ(model->index(1, 0).data(ConversationListModel::LastCustomerAtRole).toLongLong(),
              kStart + 3 * 3600 - 12 * 60);
    EXPECT_EQ(model->headerData(ConversationListModel::WaitingColumn, Qt::Horizontal).toString(), "Waiting");
    EXPECT_FALSE(model->canFetchMore({}));
}

TEST_F(ConversationListModelTest, WaitingTimesMoveOnWithEveryTick)
{
    write("a", "x", kStart);
    auto model = makeModel();
    QSignalSpy changed(model.get(), &QAbstractItemModel::dataChanged);
    EXPECT_EQ(text(*model, 0, ConversationListModel::WaitingColumn), "3 h");

    m_now = kStart + 2 * 86400 + 5;
    model->tick();

    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(changed.at(0).at(0).value<QModelIndex>().column(), ConversationListModel::WaitingColumn);
    EXPECT_EQ(changed.at(0).at(1).value<QModelIndex>().column(), ConversationListModel::SlaColumn);
    EXPECT_EQ(text(*model, 0, ConversationListModel::WaitingColumn), "2 d");
    EXPECT_EQ(ConversationListModel::waitingText(59), "<1 min");
    EXPECT_EQ(ConversationListModel::waitingText(60), "1 min");
}

TEST_F(ConversationListModelTest, PagesWithFetchMoreUnderTheTester)
{
    for (int i = 0; i < 45; ++i)
        write("t" + std::to_string(i), "x", kStart + i);
    auto model = makeModel({}, 20);
    while (model->canFetchMore({}))
        model->fetchMore({});

    ASSERT_EQ(model->rowCount(), 45);
    EXPECT_EQ(text(*model, 0, ConversationListModel::CustomerColumn), "Klant t0");
    EXPECT_EQ(text(*model, 44, ConversationListModel::CustomerColumn), "Klant t44");
    expectLookupsAgree(*model);
}

TEST_F(ConversationListModelTest, FilterAndSortReloadFromTheTop)
{
    const auto a = write("a", "pakket", kStart);
    const auto b = write("b", "factuur", kStart + 10);
    const auto c = write("c", "pakket weer", kStart + 20);
    prioritise(b, earshot::inbox::Priority::Urgent);
    auto model = makeModel();
    QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);

    model->sort(ConversationListModel::PriorityColumn, Qt::AscendingOrder);
    EXPECT_EQ(ids(*model), (std::vector<qint64>{b, a, c}));
    model->sort(ConversationListModel::WaitingColumn, Qt::AscendingOrder);   // most recent first
    EXPECT_EQ(ids(*model), (std::vector<qint64>{c, b, a}));
    model->sort(ConversationListModel::WaitingColumn, Qt::DescendingOrder);  // longest waiting first
    EXPECT_EQ(ids(*model), (std::vector<qint64>{a, b, c}));
    model->sort(ConversationListModel::SnippetColumn, Qt::AscendingOrder);   // not sortable: unchanged
    EXPECT_EQ(reset.count(), 3);

    auto filter = model->filter();
    filter.search = "pakket";
    model->setFilter(filter);
    EXPECT_EQ(ids(*model), (std::vector<qint64>{a, c}));
}

TEST_F(ConversationListModelTest, TheSlaColumnCountsDownToTheCurrentCyclesDeadline)
{
    namespace metrics = earshot::metrics;
    const std::int64_t now = m_now;
    const auto fresh = write("fresh", "Vraag", now - 10 * 60);
    const auto risky = write("risky", "Vraag", now - 50 * 60);
    const auto late = write("late", "Vraag", kStart);
    const auto answered = write("answered", "Vraag", kStart + 60);
    const auto low = write("low", "Vraag", kStart);
    prioritise(low, earshot::inbox::Priority::Low);
    ASSERT_TRUE(earshot::inbox::Inbox(writer(), [] { return kStart + 600; })
                    .reply(answered, "Eva", "We zoeken het uit. Eva", earshot::inbox::Channel::OffPlatform));

    auto model = makeModel();
    auto sla = [&](std::int64_t id) { return text(*model, model->rowOfConversation(id), ConversationListModel::SlaColumn); };
    auto state = [&](std::int64_t id) {
        return metrics::SlaState(model->index(model->rowOfConversation(id), ConversationListModel::SlaColumn)
                                     .data(ConversationListModel::SlaStateRole).toInt());
    };
    EXPECT_EQ(sla(fresh), "") << "no policies yet";
    EXPECT_EQ(state(late), metrics::SlaState::None);

    // Normal priority: answer within an hour, resolve within a day, around the clock.
    ASSERT_TRUE(writer().run([](store::Session& session) {
        return metrics::saveSlaPolicies(session, metrics::SlaPolicies({{.priority = 1,
                                                                        .firstResponseSeconds = 3600,
                                                                        .resolutionSeconds = 86400,
                                                                        .businessHours = false}}));
    }));
    model->tick();
    EXPECT_EQ(sla(fresh), "50 min left");
    EXPECT_EQ(state(fresh), metrics::SlaState::Within);
    EXPECT_TRUE(model->index(model->rowOfConversation(fresh), ConversationListModel::SlaColumn)
                    .data(Qt::ToolTipRole).toString().startsWith("First response due"));
    EXPECT_EQ(sla(risky), "⚠ 10 min left") << "80% of the hour has gone";
    EXPECT_EQ(state(risky), metrics::SlaState::AtRisk);
    EXPECT_EQ(sla(late), "2 h over");
    EXPECT_EQ(state(late), metrics::SlaState::Breached);
    EXPECT_EQ(sla(answered), "21 h 1 min left") << "answered: the resolution clock";
    EXPECT_TRUE(model->index(model->rowOfConversation(answered), ConversationListModel::SlaColumn)
                    .data(Qt::ToolTipRole).toString().startsWith("Resolution due"));
    EXPECT_EQ(sla(low), "") << "no target for low priority";

    m_now += 15 * 60;
    model->tick();
    EXPECT_EQ(sla(fresh), "35 min left");
    EXPECT_EQ(sla(risky), "5 min over");
    EXPECT_EQ(state(risky), metrics::SlaState::Breached);

    // Answered from elsewhere (the CLI, a colleague's console): the next tick counts to the resolution.
    ASSERT_TRUE(earshot::inbox::Inbox(writer(), [this] { return m_now; })
                    .reply(fresh, "Eva", "Komt goed. Eva", earshot::inbox::Channel::OffPlatform));
    model->tick();
    EXPECT_TRUE(model->index(model->rowOfConversation(fresh), ConversationListModel::SlaColumn)
                    .data(Qt::ToolTipRole).toString().startsWith("Resolution due"));

    // Resolved: no clock runs.
    resolve(late);
    model->refresh({late});
    EXPECT_EQ(model->rowOfConversation(late), -1) << "the open view drops it";
    EXPECT_EQ(ConversationListModel::durationText(3600 + 20 * 60), "1 h 20 min");
    EXPECT_EQ(ConversationListModel::durationText(2 * 86400 + 3 * 3600 + 5), "2 d 3 h");
    EXPECT_EQ(ConversationListModel::durationText(7200), "2 h");
}

TEST_F(ConversationListModelTest, ReportsAMalformedSearch)
{
    write("a", "pakket", kStart);
    auto model = makeModel();
    QSignalSpy failed(model.get(), &ConversationListModel::queryFailed);
    auto filter = model->filter();
    filter.search = "\"unbalanced";
    model->setFilter(filter);

    EXPECT_EQ(model->rowCount(), 0);
    EXPECT_FALSE(model->canFetchMore({}));
    EXPECT_EQ(failed.count(), 1);
    EXPECT_FALSE(model->lastError().isEmpty());
}

TEST_F(ConversationListModelTest, RefreshUpdatesInPlaceDropsWhatLeftAndInsertsWhereItSorts)
{
    const auto a = write("a", "eerste", kStart);
    const auto b = write("b", "tweede", kStart + 10);
    const auto c = write("c", "derde", kStart + 20);
    auto model = makeModel({.view = store::ConversationView::Unassigned});
    QSignalSpy changed(model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy removed(model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(model.get(), &QAbstractItemModel::rowsInserted);

    // A new priority keeps its place in the waiting sort: updated in place.
    prioritise(b, earshot::inbox::Priority::High);
    model->refresh({b});
    EXPECT_EQ(ids(*model), (std::vector<qint64>{a, b, c}));
    EXPECT_EQ(text(*model, 1, ConversationListModel::PriorityColumn), "High");
    EXPECT_EQ(changed.count(), 1);

    // Claimed: it leaves the "new" view.
    claim(a);
    model->refresh({a});
    EXPECT_EQ(ids(*model), (std::vector<qint64>{b, c}));
    EXPECT_EQ(removed.count(), 1);

    // A new conversation that waited longer than the others, and one that just came in.
    const auto older = write("d", "vergeten", kStart + 5);
    const auto newest = write("e", "nieuw", kStart + 30);
    model->refresh({newest, older, 12345});
    EXPECT_EQ(ids(*model), (std::vector<qint64>{older, b, c, newest}));
    EXPECT_EQ(inserted.count(), 2);

    // The customer writes again: the conversation moves to the bottom (waits least).
    write("b", "nog iets", kStart + 40);
    model->refresh({b});
    EXPECT_EQ(ids(*model), (std::vector<qint64>{older, c, newest, b}));
    EXPECT_EQ(text(*model, 3, ConversationListModel::SnippetColumn), "nog iets");
    expectLookupsAgree(*model);
}

TEST_F(ConversationListModelTest, RefreshLeavesRowsBeyondThePagesReadToPaging)
{
    std::vector<std::int64_t> all;
    for (int i = 0; i < 10; ++i)
        all.push_back(write("t" + std::to_string(i), "x", kStart + 10 * i));
    auto model = makeModel({}, 4, false);
    ASSERT_EQ(model->rowCount(), 4);

    const auto early = write("early", "x", kStart + 5);    // sorts among the rows shown
    const auto late = write("late", "x", kStart + 1000);  // sorts after rows not read yet
    model->refresh({early, late});
    EXPECT_EQ(model->rowCount(), 5);
    EXPECT_EQ(model->rowOfConversation(early), 1);
    EXPECT_EQ(model->rowOfConversation(late), -1);

    test(*model);
    while (model->canFetchMore({}))
        model->fetchMore({});
    const auto shown = ids(*model);
    EXPECT_EQ(shown.size(), 12u);
    EXPECT_EQ(std::set<qint64>(shown.begin(), shown.end()).size(), shown.size());
    EXPECT_EQ(shown.back(), late);
    expectLookupsAgree(*model);
}

}  // namespace

// The row an agent works on stays while it is kept, even when it left the view or its customer
// wrote again (it would sort elsewhere), and others still go where they sort; it goes when no
// longer kept.
TEST_F(ConversationListModelTest, AKeptRowStaysInPlaceUntilItIsLetGo)
{
    const auto a = write("a", "eerste", kStart);
    const auto b = write("b", "tweede", kStart + 10);
    const auto c = write("c", "derde", kStart + 20);
    auto model = makeModel({.view = store::ConversationView::Unassigned});

    model->keep(b);
    claim(b);
    write("b", "nog iets", kStart + 40);   // would now sort last, and has left Unassigned
    model->refresh({b});
    EXPECT_EQ(ids(*model), (std::vector<qint64>{a, b, c}));
    EXPECT_TRUE(model->index(1, 0).data(ConversationListModel::LeftViewRole).toBool());
    EXPECT_EQ(text(*model, 1, ConversationListModel::AssigneeColumn), "Eva");
    EXPECT_EQ(text(*model, 1, ConversationListModel::SnippetColumn), "nog iets");

    const auto between = write("d", "tussendoor", kStart + 15);
    model->refresh({between});
    EXPECT_EQ(ids(*model), (std::vector<qint64>{a, b, between, c}));
    expectLookupsAgree(*model);

    model->stopKeeping();
    EXPECT_EQ(ids(*model), (std::vector<qint64>{a, between, c}));
    EXPECT_EQ(model->kept(), 0);
    expectLookupsAgree(*model);
}
