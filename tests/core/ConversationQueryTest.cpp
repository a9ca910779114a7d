// store::ConversationQuery on real SQLite files: every view, sort and filter pages through
// exactly what a plain sort of the whole table would show, with no row twice or missing,
// on both sides of the thresholds where a search or tag switches how the query is driven.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "store/sqlite/MentionQueries.h"
#include "store/sqlite/ConversationQueries.h"
#include "TempWorkspace.h"
#include "earshot/store/ConversationQuery.h"
#include "earshot/store/Mentions.h"
#include "store/sqlite/Schema.h"
#include "earshot/store/Sources.h"

namespace store = earshot::store;
using store::ConversationFilter;
using store::ConversationSort;
using store::ConversationView;
using store::TimeOrder;

namespace {

class ConversationQueryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto db = store::openWorkspace(m_workspace.dbPath());
        ASSERT_TRUE(db) << db.message();
        m_db = std::make_unique<store::Database>(std::move(*db));
        store::SourceRepository sources(*m_db);
        auto forum = sources.add({.name = "Klantenforum", .url = "https://forum.example/feed"});
        auto reviews = sources.add({.name = "Reviews", .url = "https://reviews.example/feed"});
        ASSERT_TRUE(forum && reviews);
        m_forum = *forum;
        m_reviews = *reviews;
    }

    // One conversation of one mention, its customer writing at `at`; returns its id.
    std::int64_t conversation(const std::string& text, std::int64_t at, std::int64_t source = 0)
    {
        std::int64_t id = 0;
        auto done = m_db->transaction([&]() -> earshot::Status {
            auto stored = store::ingestMentions(
                *m_db, source ? source : m_forum,
                {{.externalId = "x" + std::to_string(++m_counter), .title = "", .body = text,
                  .author = {.platform = "feed", .handle = "h" + std::to_string(m_counter),
                             .displayName = "Klant " + std::to_string(m_counter)}}},
                at);
            if (!stored)
                return stored.error();
            id = stored->conversationsCreated.at(0);
            return store::indexPendingMentions(*m_db);
        });
        EXPECT_TRUE(done) << done.message();
        return id;
    }

    void exec(const std::string& sql)
    {
        auto done = m_db->exec(sql);
        ASSERT_TRUE(done) << done.message() << "\n" << sql;
    }

    void set(std::int64_t id, const std::string& assignments)
    {
        exec("UPDATE conversations SET " + assignments + " WHERE id = " + std::to_string(id));
    }

    void tag(std::int64_t id, const std::string& tag)
    {
        exec("INSERT INTO conversation_tags VALUES (" + std::to_string(id) + ", '" + tag + "')");
    }

    std::vector<std::int64_t> page(const ConversationFilter& filter, int limit = 50)
    {
        auto result = store::listConversations(*m_db, filter, limit);
        EXPECT_TRUE(result) << result.message();
        std::vector<std::int64_t> ids;
        if (result)
            for (const auto& row : result->rows)
                ids.push_back(row.id);
        return ids;
    }

    // Every page of `limit`, following the cursors.
    std::vector<std::int64_t> allPages(const ConversationFilter& filter, int limit)
    {
        std::vector<std::int64_t> ids;
        std::optional<store::ConversationCursor> cursor;
        for (int pages = 0; pages < 100'000; ++pages) {
            auto result = store::listConversations(*m_db, filter, limit, cursor);
            EXPECT_TRUE(result) << result.message();
            if (!result)
                break;
            EXPECT_LE(result->rows.size(), std::size_t(limit));
            for (const auto& row : result->rows)
                ids.push_back(row.id);
            if (!result->nextCursor)
                break;
            EXPECT_EQ(result->rows.size(), std::size_t(limit));
            cursor = result->nextCursor;
        }
        return ids;
    }

    earshot::test::TempWorkspace m_workspace;
    std::unique_ptr<store::Database> m_db;
    std::int64_t m_forum = 0;
    std::int64_t m_reviews = 0;
    int m_counter = 0;
};

TEST_F(ConversationQueryTest, NewViewPutsTheLongestWaitingFirstWithEveryColumn)
{
    const auto recent = conversation("Waar blijft mijn pakket?", 1'700'000'300);
    const auto oldest = conversation("Factuur klopt niet", 1'700'000'100, m_reviews);
    const auto claimed = conversation("App doet het niet", 1'700'000'000);
    set(claimed, "status = 'open', assignee = 'Eva'");
    tag(oldest, "factuur");
    tag(oldest, "abonnement");

    auto result = store::listConversations(*m_db, {.view = ConversationView::Unassigned}, 50);
    ASSERT_TRUE(result) << result.message();
    ASSERT_EQ(result->rows.size(), 2u);
    EXPECT_FALSE(result->nextCursor);
    const auto& row = result->rows[0];
    EXPECT_EQ(row.id, oldest);
    EXPECT_EQ(row.status, earshot::domain::ConversationStatus::New);
    EXPECT_EQ(row.priority, earshot::domain::Priority::Normal);
    EXPECT_EQ(row.assignee, "");
    EXPECT_EQ(row.customerName, "Klant 2");
    EXPECT_EQ(row.customerHandle, "h2");
    EXPECT_EQ(row.sourceId, m_reviews);
    EXPECT_EQ(row.sourceName, "Reviews");
    EXPECT_EQ(row.snippet, "Factuur klopt niet");
    EXPECT_EQ(row.lastCustomerAt, 1'700'000'100);
    EXPECT_EQ(row.createdAt, 1'700'000'100);
    EXPECT_FALSE(row.firstResponseAt);
    EXPECT_EQ(row.messageCount, 1);
    EXPECT_EQ(row.tags, (std::vector<std::string>{"abonnement", "factuur"}));
    EXPECT_EQ(result->rows[1].id, recent);
}

TEST_F(ConversationQueryTest, EachViewShowsItsStatuses)
{
    const auto fresh = conversation("a", 1'700'000'000);
    const auto evaOpen = conversation("b", 1'700'000'010);
    const auto evaPending = conversation("c", 1'700'000'020);
    const auto tomOpen = conversation("d", 1'700'000'030);
    const auto done = conversation("e", 1'700'000'040);
    const auto junk = conversation("f", 1'700'000'050);
    const auto evaResolved = conversation("g", 1'700'000'060);
    set(evaOpen, "status = 'open', assignee = 'Eva'");
    set(evaPending, "status = 'pending', assignee = 'Eva'");
    set(tomOpen, "status = 'open', assignee = 'Tom'");
    set(done, "status = 'resolved'");
    set(junk, "status = 'spam'");
    set(evaResolved, "status = 'resolved', assignee = 'Eva'");

    using V = std::vector<std::int64_t>;
    EXPECT_EQ(page({.view = ConversationView::Unassigned}), V({fresh}));
    EXPECT_EQ(page({.view = ConversationView::Mine, .agent = "Eva"}), V({evaOpen, evaPending}));
    EXPECT_EQ(page({.view = ConversationView::AllOpen}), V({fresh, evaOpen, evaPending, tomOpen}));
    EXPECT_EQ(page({.view = ConversationView::Pending}), V({evaPending}));
    // Finished views show the most recent first.
    EXPECT_EQ(page({.view = ConversationView::Resolved}), V({evaResolved, done}));
    EXPECT_EQ(page({.view = ConversationView::Spam}), V({junk}));
    EXPECT_EQ(page({.view = ConversationView::All}), V({evaResolved, junk, done, tomOpen, evaPending, evaOpen, fresh}));
    EXPECT_EQ(page({.view = ConversationView::AllOpen, .timeOrder = TimeOrder::NewestFirst}),
              V({tomOpen, evaPending, evaOpen, fresh}));

    auto counts = store::countConversations(*m_db, "Eva");
    ASSERT_TRUE(counts) << counts.message();
    EXPECT_EQ(counts->unassigned, 1);
    EXPECT_EQ(counts->mine, 2);
    EXPECT_EQ(counts->allOpen, 4);
    EXPECT_EQ(counts->pending, 1);
    EXPECT_EQ(counts->resolved, 2);
    EXPECT_EQ(counts->spam, 1);
    EXPECT_EQ(counts->all, 7);
}

TEST_F(ConversationQueryTest, KeptCountsFollowStatusAndTagChanges)
{
    const auto a = conversation("a", 1'700'000'000);
    const auto b = conversation("b", 1'700'000'010, m_reviews);
    tag(a, "bezorging");
    tag(b, "bezorging");
    tag(b, "factuur");
    auto counts = [&] {
        auto result = store::countConversations(*m_db);
        EXPECT_TRUE(result) << result.message();
        return result ? *result : store::ConversationCounts{};
    };
    using Tags = std::vector<std::pair<std::string, std::int64_t>>;
    using Sources = std::vector<std::pair<std::int64_t, std::int64_t>>;
    EXPECT_EQ(counts().openByTag, (Tags{{"bezorging", 2}, {"factuur", 1}}));
    EXPECT_EQ(counts().openBySource, (Sources{{m_forum, 1}, {m_reviews, 1}}));

    set(b, "status = 'resolved'");
    auto now = counts();
    EXPECT_EQ(now.allOpen, 1);
    EXPECT_EQ(now.resolved, 1);
    EXPECT_EQ(now.openByTag, (Tags{{"bezorging", 1}}));
    EXPECT_EQ(now.openBySource, (Sources{{m_forum, 1}, {m_reviews, 0}}));

    set(b, "status = 'open'");   // reopened: its tags count again
    tag(a, "vraag");
    exec("DELETE FROM conversation_tags WHERE conversation_id = " + std::to_string(a) + " AND tag = 'bezorging'");
    set(a, "status = 'pending'");   // still open: nothing moves
    now = counts();
    EXPECT_EQ(now.allOpen, 2);
    EXPECT_EQ(now.unassigned, 0);
    EXPECT_EQ(now.pending, 1);
    EXPECT_EQ(now.resolved, 0);
    EXPECT_EQ(now.openByTag, (Tags{{"bezorging", 1}, {"factuur", 1}, {"vraag", 1}}));
}

TEST_F(ConversationQueryTest, PrioritySortPutsUrgentFirstThenTheLongestWaiting)
{
    const auto normalOld = conversation("a", 1'700'000'000);
    const auto urgentNew = conversation("b", 1'700'000'200);
    const auto urgentOld = conversation("c", 1'700'000'100);
    const auto low = conversation("d", 1'699'000'000);
    set(urgentNew, "priority = 3");
    set(urgentOld, "priority = 3");
    set(low, "priority = 0");

    EXPECT_EQ(page({.sort = ConversationSort::Priority}), (std::vector<std::int64_t>{urgentOld, urgentNew, normalOld, low}));
    // Across pages of one, each page picks up where the last stopped, across priorities too.
    EXPECT_EQ(allPages({.sort = ConversationSort::Priority}, 1),
              (std::vector<std::int64_t>{urgentOld, urgentNew, normalOld, low}));
}

TEST_F(ConversationQueryTest, SameWaitingTimeIsOrderedByIdSoPagingNeverSkipsATie)
{
    std::vector<std::int64_t> ids;
    for (int i = 0; i < 7; ++i)
        ids.push_back(conversation("tie " + std::to_string(i), 1'700'000'000));
    EXPECT_EQ(allPages({}, 2), ids);
    std::reverse(ids.begin(), ids.end());
    EXPECT_EQ(allPages({.timeOrder = TimeOrder::NewestFirst}, 3), ids);
}

TEST_F(ConversationQueryTest, FiltersBySourceTagAndSearch)
{
    const auto parcel = conversation("Mijn pakket is niet bezorgd", 1'700'000'000);
    const auto invoice = conversation("De factuur klopt niet", 1'700'000'010, m_reviews);
    const auto parcelReview = conversation("Pakket kwam te laat", 1'700'000'020, m_reviews);
    tag(parcel, "bezorging");
    tag(parcelReview, "bezorging");

    using V = std::vector<std::int64_t>;
    EXPECT_EQ(page({.sourceId = m_reviews}), V({invoice, parcelReview}));
    EXPECT_EQ(page({.tag = "bezorging"}), V({parcel, parcelReview}));
    EXPECT_EQ(page({.tag = "nothing"}), V());
    EXPECT_EQ(page({.search = "pakket"}), V({parcel, parcelReview}));
    EXPECT_EQ(page({.search = "PAKKET OR factuur"}), V({parcel, invoice, parcelReview}));
    EXPECT_EQ(page({.sourceId = m_reviews, .tag = "bezorging", .search = "pakket"}), V({parcelReview}));
    EXPECT_EQ(page({.search = "nergens"}), V());
}

TEST_F(ConversationQueryTest, SearchesEveryMentionOfAConversationNotOnlyTheLatest)
{
    const auto id = conversation("Pakket kwijt", 1'700'000'000);
    auto done = m_db->transaction([&]() -> earshot::Status {
        auto stored = store::ingestMentions(*m_db, m_forum,
                                            {{.externalId = "follow-up", .body = "Nog steeds niks", .replyTo = "x1"}},
                                            1'700'000'500);
        if (!stored)
            return stored.error();
        return store::indexPendingMentions(*m_db);
    });
    ASSERT_TRUE(done) << done.message();

    EXPECT_EQ(page({.search = "kwijt"}), std::vector<std::int64_t>{id});
    EXPECT_EQ(page({.search = "steeds"}), std::vector<std::int64_t>{id});
}

TEST_F(ConversationQueryTest, ExplainsAMalformedSearchAndAMissingAgent)
{
    conversation("x", 1'700'000'000);
    auto bad = store::listConversations(*m_db, {.search = "\"unbalanced"}, 50);
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.message().find("not a valid full-text query"), std::string::npos) << bad.message();
    auto nobody = store::listConversations(*m_db, {.view = ConversationView::Mine}, 50);
    ASSERT_FALSE(nobody);
    EXPECT_NE(nobody.message().find("agent"), std::string::npos);
    EXPECT_FALSE(store::listConversations(*m_db, {}, 0));
}

TEST_F(ConversationQueryTest, ReadsChangedConversationsAndWhetherTheyStillMatch)
{
    const auto a = conversation("Pakket kwijt", 1'700'000'000);
    const auto b = conversation("Factuur", 1'700'000'010);
    set(b, "status = 'open', assignee = 'Eva'");

    auto found = store::readConversations(*m_db, {.view = ConversationView::Unassigned, .search = "pakket"},
                                          {b, 999, a});
    ASSERT_TRUE(found) << found.message();
    ASSERT_EQ(found->size(), 2u);
    EXPECT_EQ(found->at(0).row.id, b);
    EXPECT_FALSE(found->at(0).matches);
    EXPECT_EQ(found->at(1).row.id, a);
    EXPECT_TRUE(found->at(1).matches);
}

TEST_F(ConversationQueryTest, ViewNamesRoundTrip)
{
    for (auto view : {ConversationView::Unassigned, ConversationView::Mine, ConversationView::AllOpen,
                      ConversationView::Pending, ConversationView::Resolved, ConversationView::Spam,
                      ConversationView::All})
        EXPECT_EQ(store::parseView(store::viewName(view)), view);
    EXPECT_FALSE(store::parseView("closed"));
}

// Enough rows to cross both thresholds (5,000 matching mentions, 20,000 tagged
// conversations), written with plain SQL in one statement each. The reference is the whole
// table filtered and sorted in C++.
class ConversationQueryVolumeTest : public ConversationQueryTest {
protected:
    static constexpr int kConversations = 24'000;

    struct Reference {
        std::int64_t id;
        std::string status;
        int priority;
        std::string assignee;
        std::int64_t source;
        std::int64_t at;
    };

    void SetUp() override
    {
        ConversationQueryTest::SetUp();
        const std::string n = std::to_string(kConversations);
        // Statuses, priorities, agents and times spread by different moduli; times repeat so
        // ties are common.
        exec("WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < " + n + ")"
             " INSERT INTO conversations(id, source_id, thread_key, status, assignee, priority, created_at,"
             " updated_at, last_customer_at, message_count, snippet)"
             " SELECT i, CASE WHEN i % 3 = 0 THEN " + std::to_string(m_reviews) + " ELSE " + std::to_string(m_forum) +
             " END, 't' || i,"
             " CASE i % 7 WHEN 0 THEN 'new' WHEN 1 THEN 'open' WHEN 2 THEN 'pending' WHEN 3 THEN 'spam'"
             " ELSE 'resolved' END,"
             " CASE WHEN i % 7 IN (0) THEN NULL WHEN i % 2 = 0 THEN 'Eva' ELSE 'Tom' END,"
             " (i * 7) % 4, 1700000000, 1700000000, 1700000000 + (i * 37) % 5000, 1, 's' FROM k");
        ASSERT_TRUE(store::recountConversations(*m_db));   // a bulk load, as the generator's
        // One mention each: 'common' everywhere (above the search threshold), 'rare' in a few.
        exec("WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < " + n + ")"
             " INSERT INTO mentions(source_id, external_id, conversation_id, body, ingested_at)"
             " SELECT 1, 'm' || i, i, CASE WHEN i % 11 = 0 THEN 'common rare' ELSE 'common' END, 1700000000 FROM k");
        auto indexed = store::indexPendingMentions(*m_db);
        ASSERT_TRUE(indexed) << indexed.message();
        exec("INSERT INTO conversation_tags SELECT id, 'everywhere' FROM conversations WHERE id % 10 <> 0");
        exec("INSERT INTO conversation_tags SELECT id, 'seldom' FROM conversations WHERE id % 13 = 0");

        auto all = m_db->prepare("SELECT id, status, priority, coalesce(assignee, ''), source_id, last_customer_at"
                                 " FROM conversations");
        ASSERT_TRUE(all);
        while (*all->step())
            m_rows.push_back({all->integer(0), all->text(1), int(all->integer(2)), all->text(3), all->integer(4),
                              all->integer(5)});
    }

    static bool inView(const Reference& r, ConversationView view, const std::string& agent)
    {
        switch (view) {
        case ConversationView::Unassigned: return r.status == "new";
        case ConversationView::Mine: return r.assignee == agent && (r.status == "open" || r.status == "pending");
        case ConversationView::AllOpen: return r.status == "new" || r.status == "open" || r.status == "pending";
        case ConversationView::Pending: return r.status == "pending";
        case ConversationView::Resolved: return r.status == "resolved";
        case ConversationView::Spam: return r.status == "spam";
        case ConversationView::All: return true;
        }
        return false;
    }

    std::vector<std::int64_t> expected(const ConversationFilter& filter) const
    {
        std::vector<Reference> rows;
        for (const auto& r : m_rows) {
            if (!inView(r, filter.view, filter.agent))
                continue;
            if (filter.sourceId && r.source != *filter.sourceId)
                continue;
            if (filter.tag == "everywhere" && r.id % 10 == 0)
                continue;
            if (filter.tag == "seldom" && r.id % 13 != 0)
                continue;
            if (filter.search == "rare" && r.id % 11 != 0)
                continue;
            rows.push_back(r);
        }
        const bool oldest = store::oldestFirst(filter);
        std::sort(rows.begin(), rows.end(), [&](const Reference& a, const Reference& b) {
            if (filter.sort == ConversationSort::Priority && a.priority != b.priority)
                return a.priority > b.priority;
            return oldest ? std::tie(a.at, a.id) < std::tie(b.at, b.id) : std::tie(a.at, a.id) > std::tie(b.at, b.id);
        });
        std::vector<std::int64_t> ids;
        for (const auto& r : rows)
            ids.push_back(r.id);
        return ids;
    }

    std::vector<Reference> m_rows;
};

TEST_F(ConversationQueryVolumeTest, EveryViewAndSortPagesThroughExactlyTheWholeList)
{
    for (auto view : {ConversationView::Unassigned, ConversationView::Mine, ConversationView::AllOpen,
                      ConversationView::Pending, ConversationView::Resolved, ConversationView::Spam,
                      ConversationView::All})
        for (auto sort : {ConversationSort::Waiting, ConversationSort::Priority})
            for (auto order : {TimeOrder::ViewDefault, TimeOrder::NewestFirst}) {
                const ConversationFilter filter{.view = view, .agent = "Eva", .sort = sort, .timeOrder = order};
                const auto want = expected(filter);
                EXPECT_EQ(allPages(filter, 997), want)
                    << store::viewName(view) << " sort " << int(sort) << " order " << int(order);
            }
}

TEST_F(ConversationQueryVolumeTest, FiltersGiveTheSameRowsWhicheverWayTheQueryIsDriven)
{
    const std::vector<ConversationFilter> filters{
        {.view = ConversationView::AllOpen, .search = "common"},                        // many matches: walks the view
        {.view = ConversationView::All, .search = "rare", .sort = ConversationSort::Priority},   // few: matches drive
        {.view = ConversationView::Resolved, .tag = "everywhere"},                      // a big tag: walks the view
        {.view = ConversationView::All, .tag = "seldom", .sort = ConversationSort::Priority},     // a small tag drives
        {.view = ConversationView::Mine, .agent = "Tom", .sourceId = m_reviews, .tag = "everywhere",
         .search = "common"},
        {.view = ConversationView::AllOpen, .sourceId = m_forum, .tag = "seldom", .search = "common",
         .sort = ConversationSort::Priority},
        {.view = ConversationView::Pending, .tag = "everywhere", .search = "rare"},
    };
    for (const auto& filter : filters) {
        const auto want = expected(filter);
        ASSERT_FALSE(want.empty());
        EXPECT_EQ(allPages(filter, 333), want) << store::viewName(filter.view) << " tag " << filter.tag << " search "
                                               << filter.search;
    }
}

TEST_F(ConversationQueryVolumeTest, CountsMatchTheRows)
{
    auto counts = store::countConversations(*m_db, "Eva");
    ASSERT_TRUE(counts) << counts.message();
    auto count = [&](ConversationView view) { return std::int64_t(expected({.view = view, .agent = "Eva"}).size()); };
    EXPECT_EQ(counts->unassigned, count(ConversationView::Unassigned));
    EXPECT_EQ(counts->mine, count(ConversationView::Mine));
    EXPECT_EQ(counts->allOpen, count(ConversationView::AllOpen));
    EXPECT_EQ(counts->pending, count(ConversationView::Pending));
    EXPECT_EQ(counts->resolved, count(ConversationView::Resolved));
    EXPECT_EQ(counts->spam, count(ConversationView::Spam));
    EXPECT_EQ(counts->all, kConversations);

    std::map<std::int64_t, std::int64_t> bySource(counts->openBySource.begin(), counts->openBySource.end());
    EXPECT_EQ(bySource[m_reviews], std::int64_t(expected({.view = ConversationView::AllOpen, .sourceId = m_reviews}).size()));
    EXPECT_EQ(bySource[m_forum], std::int64_t(expected({.view = ConversationView::AllOpen, .sourceId = m_forum}).size()));
    std::map<std::string, std::int64_t> byTag(counts->openByTag.begin(), counts->openByTag.end());
    EXPECT_EQ(byTag.size(), 2u);
    EXPECT_EQ(byTag["seldom"], std::int64_t(expected({.view = ConversationView::AllOpen, .tag = "seldom"}).size()));
    EXPECT_EQ(byTag["everywhere"],
              std::int64_t(expected({.view = ConversationView::AllOpen, .tag = "everywhere"}).size()));
}

}  // namespace
