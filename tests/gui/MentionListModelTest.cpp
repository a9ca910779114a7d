// MentionListModel over a real temp SQLite workspace: newest first, keyset paging through
// fetchMore, live rows at the top, full-text search. Every model runs under
// QAbstractItemModelTester, which aborts the suite on any broken model contract.
#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "TempWorkspace.h"
#include "earshot/bridge/MentionListModel.h"
#include "earshot/store/Mentions.h"
#include "earshot/store/Workspace.h"

using earshot::bridge::MentionListModel;
namespace store = earshot::store;

namespace {

class MentionListModelTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_sourceId = m_workspace.addSource({.name = "Klantenforum", .url = "https://forum.example/feed"});
        ASSERT_NE(m_sourceId, 0);
    }

    // Stores one mention per title, all stamped `at`; returns their ids in that order.
    std::vector<std::int64_t> ingest(const std::vector<std::string>& titles, std::int64_t at,
                                     const std::string& body = "Body text")
    {
        std::vector<store::NewMention> mentions;
        for (const auto& title : titles)
            mentions.push_back({.externalId = "id-" + title, .title = title, .body = body,
                                .link = "https://forum.example/t/" + title,
                                .author = {.platform = "feed", .handle = "anna", .displayName = "Anna"}});
        // Through the writer, as the engine stores them: search sees only indexed rows, and
        // the writer indexes after each batch.
        return m_workspace.ingest(m_sourceId, mentions, at).mentionIds;
    }

    // One mention per second from `from`, titled "m<n>".
    void ingestSeries(int count, std::int64_t from)
    {
        for (int i = 0; i < count; ++i)
            ingest({"m" + std::to_string(i)}, from + i);
    }

    std::unique_ptr<MentionListModel> makeModel(int pageSize = 200, bool tested = true)
    {
        auto reader = m_workspace.open().reader();
        EXPECT_TRUE(reader) << reader.message();
        auto model = std::make_unique<MentionListModel>(std::move(*reader), nullptr, pageSize);
        if (tested)
            test(*model);
        return model;
    }

    // The tester calls fetchMore on every change, as a view would; tests that count pages
    // attach it only once they have counted.
    void test(MentionListModel& model)
    {
        m_tester = std::make_unique<QAbstractItemModelTester>(&model,
                                                              QAbstractItemModelTester::FailureReportingMode::Fatal);
    }

    static QString text(const MentionListModel& model, int row, int column)
    {
        return model.index(row, column).data().toString();
    }

    static std::vector<qint64> ids(const MentionListModel& model)
    {
        std::vector<qint64> result;
        for (int row = 0; row < model.rowCount(); ++row)
            result.push_back(model.index(row, 0).data(MentionListModel::MentionIdRole).toLongLong());
        return result;
    }

    void TearDown() override { m_tester.reset(); }

    earshot::test::TempWorkspace m_workspace;
    std::int64_t m_sourceId = 0;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

TEST_F(MentionListModelTest, ListsStoredMentionsNewestFirst)
{
    ingest({"older"}, 1'700'000'000);
    ingest({"newer"}, 1'700'000'060);
    auto model = makeModel();

    ASSERT_EQ(model->rowCount(), 2);
    EXPECT_EQ(model->columnCount(), MentionListModel::ColumnCount);
    EXPECT_EQ(text(*model, 0, MentionListModel::MentionColumn), "newer");
    EXPECT_EQ(text(*model, 1, MentionListModel::MentionColumn), "older");
    EXPECT_EQ(text(*model, 0, MentionListModel::SourceColumn), "Klantenforum");
    EXPECT_EQ(text(*model, 0, MentionListModel::AuthorColumn), "Anna");
    EXPECT_EQ(text(*model, 0, MentionListModel::IngestedColumn),
              QDateTime::fromSecsSinceEpoch(1'700'000'060).toString("yyyy-MM-dd HH:mm"));
    EXPECT_EQ(model->index(0, 0).data(MentionListModel::LinkRole).toString(), "https://forum.example/t/newer");
    EXPECT_FALSE(model->canFetchMore({}));
}

TEST_F(MentionListModelTest, ShortensSourcesNamedByTheirUrl)
{
    const auto web = m_workspace.addSource({.url = "https://www.example.com/blog/feed/"});
    const auto local = m_workspace.addSource({.url = "file:///srv/feeds/klantenforum.rss"});
    ASSERT_TRUE(web && local);
    for (const auto source : {web, local})
        ASSERT_EQ(m_workspace.ingest(source, {{.externalId = "x", .title = "t"}}, 1'700'000'000 + source).mentionIds.size(),
                  1u);
    auto model = makeModel();

    ASSERT_EQ(model->rowCount(), 2);
    EXPECT_EQ(text(*model, 0, MentionListModel::SourceColumn), "klantenforum.rss");
    EXPECT_EQ(model->index(0, MentionListModel::SourceColumn).data(Qt::ToolTipRole).toString(),
              "file:///srv/feeds/klantenforum.rss");
    EXPECT_EQ(text(*model, 1, MentionListModel::SourceColumn), "www.example.com/blog/feed");
}

TEST_F(MentionListModelTest, ShowsTheBodyWhenAMentionHasNoTitle)
{
    ingest({""}, 1'700'000'000, "  Mijn pakket\n is   niet aangekomen  ");
    auto model = makeModel();

    ASSERT_EQ(model->rowCount(), 1);
    EXPECT_EQ(text(*model, 0, MentionListModel::MentionColumn), "Mijn pakket is niet aangekomen");
}

TEST_F(MentionListModelTest, PagesPastTheFirstPageWithFetchMore)
{
    ingestSeries(25, 1'700'000'000);
    auto model = makeModel(10, false);

    EXPECT_EQ(model->rowCount(), 10);
    ASSERT_TRUE(model->canFetchMore({}));
    model->fetchMore({});
    EXPECT_EQ(model->rowCount(), 20);
    model->fetchMore({});
    EXPECT_EQ(model->rowCount(), 25);
    EXPECT_FALSE(model->canFetchMore({}));

    for (int row = 0; row < 25; ++row)
        EXPECT_EQ(text(*model, row, MentionListModel::MentionColumn), QString("m%1").arg(24 - row)) << row;
    test(*model);
}

TEST_F(MentionListModelTest, AViewLikeConsumerPagesThroughEverythingUnderTheTester)
{
    ingestSeries(35, 1'700'000'000);
    auto model = makeModel(10);
    while (model->canFetchMore({}))
        model->fetchMore({});

    EXPECT_EQ(model->rowCount(), 35);
    EXPECT_EQ(text(*model, 34, MentionListModel::MentionColumn), "m0");
}

TEST_F(MentionListModelTest, PagingStopsCleanlyWhenTheLastPageIsFull)
{
    ingestSeries(20, 1'700'000'000);
    auto model = makeModel(10, false);

    model->fetchMore({});
    EXPECT_EQ(model->rowCount(), 20);
    ASSERT_TRUE(model->canFetchMore({}));   // it cannot know yet that nothing follows
    model->fetchMore({});
    EXPECT_EQ(model->rowCount(), 20);
    EXPECT_FALSE(model->canFetchMore({}));
    test(*model);
}

TEST_F(MentionListModelTest, PutsNewlyStoredMentionsAtTheTop)
{
    ingestSeries(5, 1'700'000'000);
    auto model = makeModel();
    QSignalSpy inserted(model.get(), &QAbstractItemModel::rowsInserted);
    const auto fresh = ingest({"fresh-a", "fresh-b"}, 1'700'000'100);

    EXPECT_EQ(model->refreshNewest(), 2);

    ASSERT_EQ(model->rowCount(), 7);
    ASSERT_EQ(inserted.count(), 1);
    EXPECT_EQ(inserted.at(0).at(1).toInt(), 0);
    EXPECT_EQ(inserted.at(0).at(2).toInt(), 1);
    EXPECT_EQ(text(*model, 0, MentionListModel::MentionColumn), "fresh-b");
    EXPECT_EQ(text(*model, 1, MentionListModel::MentionColumn), "fresh-a");
    EXPECT_EQ(text(*model, 2, MentionListModel::MentionColumn), "m4");
    // Row lookups stay right for rows above and below the insertion.
    EXPECT_EQ(model->rowOfMention(fresh[1]), 0);
    EXPECT_EQ(model->rowOfMention(fresh[0]), 1);
    EXPECT_EQ(model->rowOfMention(model->mentionIdAt(6)), 6);
    EXPECT_EQ(model->rowOfMention(999'999), -1);

    EXPECT_EQ(model->refreshNewest(), 0);   // nothing new: nothing moves
    EXPECT_EQ(model->rowCount(), 7);
}

TEST_F(MentionListModelTest, KeepsPagingAfterLiveRowsWithoutShowingAnyMentionTwice)
{
    ingestSeries(6, 1'700'000'000);   // m0..m5
    auto model = makeModel(3, false);   // shows m5 m4 m3
    // Committed late, but stamped older than the page cursor: it is shown live at the top
    // and must not come back when the older pages are read.
    ingest({"late"}, 1'700'000'001);
    ASSERT_EQ(model->refreshNewest(), 1);
    EXPECT_EQ(text(*model, 0, MentionListModel::MentionColumn), "late");

    while (model->canFetchMore({}))
        model->fetchMore({});

    const auto shown = ids(*model);
    EXPECT_EQ(shown.size(), 7u);
    EXPECT_EQ(std::set<qint64>(shown.begin(), shown.end()).size(), shown.size());
    for (const auto id : shown)
        EXPECT_EQ(model->rowOfMention(id), int(std::find(shown.begin(), shown.end(), id) - shown.begin()));
    test(*model);
}

TEST_F(MentionListModelTest, RefreshOnAnEmptyListLoadsTheFirstPage)
{
    auto model = makeModel(10, false);
    EXPECT_EQ(model->rowCount(), 0);
    EXPECT_FALSE(model->canFetchMore({}));

    ingestSeries(15, 1'700'000'000);
    EXPECT_EQ(model->refreshNewest(), 10);
    EXPECT_EQ(model->rowCount(), 10);
    EXPECT_TRUE(model->canFetchMore({}));
    test(*model);
    ingest({"x", "y", "z"}, 1'700'000'100);
    EXPECT_EQ(model->refreshNewest(), 3);
}

TEST_F(MentionListModelTest, SearchFiltersWithFullTextAndAppliesToLiveRows)
{
    ingest({"late delivery"}, 1'700'000'000);
    ingest({"great service"}, 1'700'000'010);
    auto model = makeModel();

    model->setSearch("delivery");
    ASSERT_EQ(model->rowCount(), 1);
    EXPECT_EQ(text(*model, 0, MentionListModel::MentionColumn), "late delivery");

    ingest({"refund for delivery"}, 1'700'000'020);
    ingest({"nice people"}, 1'700'000'030);
    EXPECT_EQ(model->refreshNewest(), 1);
    EXPECT_EQ(text(*model, 0, MentionListModel::MentionColumn), "refund for delivery");

    model->setSearch("");
    EXPECT_EQ(model->rowCount(), 4);
}

TEST_F(MentionListModelTest, ReportsAMalformedSearchInsteadOfShowingStaleRows)
{
    ingest({"late delivery"}, 1'700'000'000);
    auto model = makeModel();
    QSignalSpy failed(model.get(), &MentionListModel::queryFailed);

    model->setSearch("\"unbalanced");

    EXPECT_EQ(model->rowCount(), 0);
    EXPECT_FALSE(model->canFetchMore({}));
    ASSERT_EQ(failed.count(), 1);
    EXPECT_TRUE(failed.at(0).at(0).toString().contains("full-text")) << failed.at(0).at(0).toString().toStdString();
    EXPECT_FALSE(model->lastError().isEmpty());

    model->setSearch("delivery");
    EXPECT_EQ(model->rowCount(), 1);
    EXPECT_TRUE(model->lastError().isEmpty());
}

TEST_F(MentionListModelTest, ReadsTheFullMentionOnDemand)
{
    const std::string longBody(5000, 'x');
    const auto stored = ingest({"long one"}, 1'700'000'000, longBody);
    ingest({"other"}, 1'700'000'000);
    auto model = makeModel();

    const int row = model->rowOfMention(stored.at(0));
    ASSERT_GE(row, 0);
    auto mention = model->mentionAt(row);
    ASSERT_TRUE(mention) << mention.message();
    EXPECT_EQ(mention->id, stored[0]);
    EXPECT_EQ(mention->body, longBody);
    EXPECT_EQ(mention->sourceName, "Klantenforum");
    EXPECT_FALSE(model->mentionAt(5));
}

}  // namespace
