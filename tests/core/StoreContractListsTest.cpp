// The store's contract for the inbox's lists, once per engine: every view, sort and filter
// pages through exactly what a plain sort of the whole set would show, with no row twice or
// missing, on both sides of the sizes where an engine may switch how it drives the query
// (SQLite's: 5,000 matching mentions, 20,000 tagged conversations); and the counts beside them.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "StoreContractFixture.h"
#include "earshot/store/BulkLoader.h"
#include "earshot/store/ConversationQuery.h"
#include "earshot/store/InboxStore.h"
#include "earshot/store/SourceStore.h"

using namespace earshot;
using namespace earshot::store;
using domain::ConversationStatus;

namespace {

class StoreContractLists : public test::StoreContractFixture {
protected:
    void SetUp() override
    {
        test::StoreContractFixture::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        m_forum = m_sourceId;
        write([&](Session& session) -> Status {
            auto reviews = session.sources().add({.name = "Reviews", .url = "https://reviews.example/feed"});
            if (!reviews)
                return reviews.error();
            m_reviews = *reviews;
            return Ok{};
        });
    }

    // One conversation of one mention, its customer writing at `at`; returns its id.
    std::int64_t conversation(const std::string& text, std::int64_t at, std::int64_t source = 0)
    {
        ++m_counter;
        auto stored = ingest({{.externalId = "x" + std::to_string(m_counter), .title = "", .body = text,
                               .author = {.platform = "feed", .handle = "h" + std::to_string(m_counter),
                                          .displayName = "Klant " + std::to_string(m_counter)}}},
                             at, source ? source : m_forum);
        EXPECT_TRUE(stored) << stored.message();
        return stored && !stored->conversationsCreated.empty() ? stored->conversationsCreated.front() : 0;
    }

    // Puts the conversation in a status, held by `assignee` (nobody: empty), as the inbox's
    // actions leave it.
    void set(std::int64_t id, ConversationStatus status, const std::string& assignee = {})
    {
        write([&](Session& session) -> Status {
            if (!assignee.empty())
                if (auto assigned = session.inbox().assign(id, assignee, assignee, 1'700'100'000); !assigned)
                    return assigned;
            return session.inbox().setStatus(id, status, assignee.empty() ? "lead" : assignee, 1'700'100'000);
        });
    }
    void setPriority(std::int64_t id, domain::Priority priority)
    {
        write([&](Session& session) { return session.inbox().setPriority(id, priority, "lead", 1'700'100'000); });
    }
    void tag(std::int64_t id, const std::string& tag)
    {
        write([&](Session& session) -> Status {
            auto added = session.inbox().addTag(id, tag);
            return added ? Status(Ok{}) : Status(added.error());
        });
    }
    void untag(std::int64_t id, const std::string& tag)
    {
        write([&](Session& session) -> Status {
            auto removed = session.inbox().removeTag(id, tag);
            return removed ? Status(Ok{}) : Status(removed.error());
        });
    }

    // The first page only.
    std::vector<std::int64_t> page(const ConversationFilter& filter, int limit = 50)
    {
        auto result = reader()->conversations().list(filter, limit);
        EXPECT_TRUE(result) << result.message();
        std::vector<std::int64_t> ids;
        if (result)
            for (const auto& row : result->rows)
                ids.push_back(row.id);
        return ids;
    }

    ConversationCounts counts(const std::string& agent = {})
    {
        auto result = reader()->conversations().count(agent);
        EXPECT_TRUE(result) << result.message();
        return result ? *result : ConversationCounts{};
    }

    std::int64_t m_forum = 0;
    std::int64_t m_reviews = 0;
    int m_counter = 0;
};

using V = std::vector<std::int64_t>;

}  // namespace

TEST_P(StoreContractLists, NewViewPutsTheLongestWaitingFirstWithEveryColumn)
{
    const auto recent = conversation("Waar blijft mijn pakket?", 1'700'000'300);
    const auto oldest = conversation("Factuur klopt niet", 1'700'000'100, m_reviews);
    const auto claimed = conversation("App doet het niet", 1'700'000'000);
    set(claimed, ConversationStatus::Open, "Eva");
    tag(oldest, "factuur");
    tag(oldest, "abonnement");

    auto result = reader()->conversations().list({.view = ConversationView::Unassigned}, 50);
    ASSERT_TRUE(result) << result.message();
    ASSERT_EQ(result->rows.size(), 2u);
    EXPECT_FALSE(result->nextCursor);
    const auto& row = result->rows[0];
    EXPECT_EQ(row.id, oldest);
    EXPECT_EQ(row.status, ConversationStatus::New);
    EXPECT_EQ(row.priority, domain::Priority::Normal);
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

TEST_P(StoreContractLists, EachViewShowsItsStatuses)
{
    const auto fresh = conversation("a", 1'700'000'000);
    const auto evaOpen = conversation("b", 1'700'000'010);
    const auto evaPending = conversation("c", 1'700'000'020);
    const auto tomOpen = conversation("d", 1'700'000'030);
    const auto done = conversation("e", 1'700'000'040);
    const auto junk = conversation("f", 1'700'000'050);
    const auto evaResolved = conversation("g", 1'700'000'060);
    set(evaOpen, ConversationStatus::Open, "Eva");
    set(evaPending, ConversationStatus::Pending, "Eva");
    set(tomOpen, ConversationStatus::Open, "Tom");
    set(done, ConversationStatus::Resolved);
    set(junk, ConversationStatus::Spam);
    set(evaResolved, ConversationStatus::Resolved, "Eva");

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

    const ConversationCounts eva = counts("Eva");
    EXPECT_EQ(eva.unassigned, 1);
    EXPECT_EQ(eva.mine, 2);
    EXPECT_EQ(eva.allOpen, 4);
    EXPECT_EQ(eva.pending, 1);
    EXPECT_EQ(eva.resolved, 2);
    EXPECT_EQ(eva.spam, 1);
    EXPECT_EQ(eva.all, 7);
}

TEST_P(StoreContractLists, KeptCountsFollowIngestStatusAndTagChanges)
{
    const auto a = conversation("a", 1'700'000'000);
    const auto b = conversation("b", 1'700'000'010, m_reviews);
    EXPECT_EQ(counts().unassigned, 2);
    tag(a, "bezorging");
    tag(b, "bezorging");
    tag(b, "factuur");
    using Tags = std::vector<std::pair<std::string, std::int64_t>>;
    using Sources = std::vector<std::pair<std::int64_t, std::int64_t>>;
    EXPECT_EQ(counts().openByTag, (Tags{{"bezorging", 2}, {"factuur", 1}}));
    EXPECT_EQ(counts().openBySource, (Sources{{m_forum, 1}, {m_reviews, 1}}));

    set(b, ConversationStatus::Resolved);
    auto now = counts();
    EXPECT_EQ(now.allOpen, 1);
    EXPECT_EQ(now.resolved, 1);
    EXPECT_EQ(now.all, 2);
    EXPECT_EQ(now.openByTag, (Tags{{"bezorging", 1}}));
    EXPECT_EQ(now.openBySource, (Sources{{m_forum, 1}, {m_reviews, 0}}));

    set(b, ConversationStatus::Open);   // reopened: its tags count again
    tag(a, "vraag");
    untag(a, "bezorging");
    set(a, ConversationStatus::Pending);   // still open: nothing moves
    now = counts();
    EXPECT_EQ(now.allOpen, 2);
    EXPECT_EQ(now.unassigned, 0);
    EXPECT_EQ(now.pending, 1);
    EXPECT_EQ(now.resolved, 0);
    EXPECT_EQ(now.openByTag, (Tags{{"bezorging", 1}, {"factuur", 1}, {"vraag", 1}}));

    // A new mention in an existing (open) thread adds no conversation; a new thread does.
    ASSERT_TRUE(ingest({{.externalId = "reply", .body = "nog iets", .replyTo = "x2"}}, 1'700'000'500, m_reviews));
    EXPECT_EQ(counts().all, 2);
    conversation("c", 1'700'000'600);
    EXPECT_EQ(counts().all, 3);
    EXPECT_EQ(counts().unassigned, 1);
}

TEST_P(StoreContractLists, PrioritySortPutsUrgentFirstThenTheLongestWaiting)
{
    const auto normalOld = conversation("a", 1'700'000'000);
    const auto urgentNew = conversation("b", 1'700'000'200);
    const auto urgentOld = conversation("c", 1'700'000'100);
    const auto low = conversation("d", 1'699'000'000);
    setPriority(urgentNew, domain::Priority::Urgent);
    setPriority(urgentOld, domain::Priority::Urgent);
    setPriority(low, domain::Priority::Low);

    EXPECT_EQ(page({.sort = ConversationSort::Priority}), V({urgentOld, urgentNew, normalOld, low}));
    // Across pages of one, each page picks up where the last stopped, across priorities too.
    EXPECT_EQ(everyId({.sort = ConversationSort::Priority}, 1), V({urgentOld, urgentNew, normalOld, low}));
}

TEST_P(StoreContractLists, SameWaitingTimeIsOrderedByIdSoPagingNeverSkipsATie)
{
    V ids;
    for (int i = 0; i < 7; ++i)
        ids.push_back(conversation("tie " + std::to_string(i), 1'700'000'000));
    EXPECT_EQ(everyId({}, 2), ids);
    std::reverse(ids.begin(), ids.end());
    EXPECT_EQ(everyId({.timeOrder = TimeOrder::NewestFirst}, 3), ids);
}

TEST_P(StoreContractLists, FiltersBySourceTagAndSearch)
{
    const auto parcel = conversation("Mijn pakket is niet bezorgd", 1'700'000'000);
    const auto invoice = conversation("De factuur klopt niet", 1'700'000'010, m_reviews);
    const auto parcelReview = conversation("Pakket kwam te laat", 1'700'000'020, m_reviews);
    tag(parcel, "bezorging");
    tag(parcelReview, "bezorging");
    m_workspace->writer().flush();   // the search index may catch up when the writer is idle

    EXPECT_EQ(page({.sourceId = m_reviews}), V({invoice, parcelReview}));
    EXPECT_EQ(page({.tag = "bezorging"}), V({parcel, parcelReview}));
    EXPECT_EQ(page({.tag = "nothing"}), V());
    EXPECT_EQ(page({.search = "pakket"}), V({parcel, parcelReview}));
    EXPECT_EQ(page({.search = "PAKKET OR factuur"}), V({parcel, invoice, parcelReview}));
    EXPECT_EQ(page({.sourceId = m_reviews, .tag = "bezorging", .search = "pakket"}), V({parcelReview}));
    EXPECT_EQ(page({.search = "nergens"}), V());
}

TEST_P(StoreContractLists, SearchesEveryMentionOfAConversationNotOnlyTheLatest)
{
    const auto id = conversation("Pakket kwijt", 1'700'000'000);
    ASSERT_TRUE(ingest({{.externalId = "follow-up", .body = "Nog steeds niks", .replyTo = "x1"}}, 1'700'000'500));
    m_workspace->writer().flush();
    EXPECT_EQ(page({.search = "kwijt"}), V{id});
    EXPECT_EQ(page({.search = "steeds"}), V{id});
}

TEST_P(StoreContractLists, ExplainsAMalformedSearchAndAMissingAgent)
{
    conversation("x", 1'700'000'000);
    auto session = reader();
    auto bad = session->conversations().list({.search = "\"unbalanced"}, 50);
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.message().find("not a valid full-text query"), std::string::npos) << bad.message();
    auto nobody = session->conversations().list({.view = ConversationView::Mine}, 50);
    ASSERT_FALSE(nobody);
    EXPECT_NE(nobody.message().find("agent"), std::string::npos) << nobody.message();
    EXPECT_FALSE(session->conversations().list({}, 0)) << "a page holds at least one";
}

TEST_P(StoreContractLists, ReadsChangedConversationsAndWhetherTheyStillMatch)
{
    const auto a = conversation("Pakket kwijt", 1'700'000'000);
    const auto b = conversation("Factuur", 1'700'000'010);
    set(b, ConversationStatus::Open, "Eva");
    m_workspace->writer().flush();

    auto found = reader()->conversations().read({.view = ConversationView::Unassigned, .search = "pakket"}, {b, 999, a});
    ASSERT_TRUE(found) << found.message();
    ASSERT_EQ(found->size(), 2u);
    EXPECT_EQ(found->at(0).row.id, b);
    EXPECT_EQ(found->at(0).row.assignee, "Eva");
    EXPECT_FALSE(found->at(0).matches);
    EXPECT_EQ(found->at(1).row.id, a);
    EXPECT_TRUE(found->at(1).matches);
}

TEST(ConversationViews, NamesRoundTrip)
{
    for (auto view : {ConversationView::Unassigned, ConversationView::Mine, ConversationView::AllOpen,
                      ConversationView::Pending, ConversationView::Resolved, ConversationView::Spam,
                      ConversationView::All})
        EXPECT_EQ(parseView(viewName(view)), view);
    EXPECT_FALSE(parseView("closed"));
}

// Enough rows to cross SQLite's thresholds (5,000 matching mentions, 20,000 tagged
// conversations), written through the bulk loader. The reference is the whole set filtered
// and sorted in C++.
class StoreContractListVolume : public StoreContractLists {
protected:
    static constexpr int kConversations = 24'000;

    struct Reference {
        std::int64_t id;
        ConversationStatus status;
        int priority;
        std::string assignee;
        std::int64_t source;
        std::int64_t at;
    };

    void SetUp() override
    {
        StoreContractLists::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        // Statuses, priorities, agents and times spread by different moduli; times repeat so
        // ties are common.
        static constexpr ConversationStatus kStatuses[] = {ConversationStatus::New, ConversationStatus::Open,
                                                           ConversationStatus::Pending, ConversationStatus::Spam,
                                                           ConversationStatus::Resolved, ConversationStatus::Resolved,
                                                           ConversationStatus::Resolved};
        std::int64_t first = 0;
        const Status loaded = m_workspace->bulkLoad([&](BulkLoader& loader) -> Status {
            auto ids = loader.nextIds();
            if (!ids)
                return ids.error();
            first = ids->conversation;
            if (auto added = loader.addAuthor(ids->author, {.platform = "feed", .handle = "klant"}); !added)
                return added;
            const std::vector<std::string> keys = [] {
                std::vector<std::string> k;
                for (int i = 1; i <= kConversations; ++i)
                    k.push_back("t" + std::to_string(i));
                return k;
            }();
            for (int i = 1; i <= kConversations; ++i) {
                const std::int64_t id = ids->conversation + i - 1;
                const ConversationStatus status = kStatuses[i % 7];
                const std::string_view assignee = i % 7 == 0 ? "" : i % 2 == 0 ? "Eva" : "Tom";
                const std::int64_t at = 1'700'000'000 + (i * 37) % 5000;
                const std::int64_t source = i % 3 == 0 ? m_reviews : m_forum;
                if (auto added = loader.addConversation({.id = id, .sourceId = source, .threadKey = keys[i - 1],
                                                         .customerId = ids->author, .status = status,
                                                         .assignee = assignee, .priority = domain::priorityFromInt((i * 7) % 4),
                                                         .createdAt = 1'700'000'000, .updatedAt = 1'700'000'000,
                                                         .lastCustomerAt = at, .messageCount = 1, .snippet = "s"});
                    !added)
                    return added;
                // One mention each: 'common' everywhere (above the search threshold), 'rare' in a few.
                if (auto added = loader.addMention({.id = ids->mention + i - 1, .sourceId = source,
                                                    .externalId = keys[i - 1], .conversationId = id,
                                                    .authorId = ids->author,
                                                    .body = i % 11 == 0 ? "common rare" : "common",
                                                    .ingestedAt = 1'700'000'000});
                    !added)
                    return added;
                if (i % 10 != 0)
                    if (auto added = loader.addTag(id, "everywhere"); !added)
                        return added;
                if (i % 13 == 0)
                    if (auto added = loader.addTag(id, "seldom"); !added)
                        return added;
                m_rows.push_back({id, status, (i * 7) % 4, std::string(assignee), source, at});
            }
            return loader.finish();
        });
        ASSERT_TRUE(loaded) << loaded.message();
        m_first = first;
    }

    // `i` as numbered in SetUp, for the moduli that decided tags and words.
    int numberOf(const Reference& r) const { return int(r.id - m_first + 1); }

    static bool inView(const Reference& r, ConversationView view, const std::string& agent)
    {
        const bool open = r.status == ConversationStatus::New || r.status == ConversationStatus::Open ||
                          r.status == ConversationStatus::Pending;
        switch (view) {
        case ConversationView::Unassigned: return r.status == ConversationStatus::New;
        case ConversationView::Mine:
            return r.assignee == agent && (r.status == ConversationStatus::Open || r.status == ConversationStatus::Pending);
        case ConversationView::AllOpen: return open;
        case ConversationView::Pending: return r.status == ConversationStatus::Pending;
        case ConversationView::Resolved: return r.status == ConversationStatus::Resolved;
        case ConversationView::Spam: return r.status == ConversationStatus::Spam;
        case ConversationView::All: return true;
        }
        return false;
    }

    V expected(const ConversationFilter& filter) const
    {
        std::vector<Reference> rows;
        for (const auto& r : m_rows) {
            const int i = numberOf(r);
            if (!inView(r, filter.view, filter.agent))
                continue;
            if (filter.sourceId && r.source != *filter.sourceId)
                continue;
            if (filter.tag == "everywhere" && i % 10 == 0)
                continue;
            if (filter.tag == "seldom" && i % 13 != 0)
                continue;
            if (filter.search == "rare" && i % 11 != 0)
                continue;
            rows.push_back(r);
        }
        const bool oldest = oldestFirst(filter);
        std::sort(rows.begin(), rows.end(), [&](const Reference& a, const Reference& b) {
            if (filter.sort == ConversationSort::Priority && a.priority != b.priority)
                return a.priority > b.priority;
            return oldest ? std::tie(a.at, a.id) < std::tie(b.at, b.id) : std::tie(a.at, a.id) > std::tie(b.at, b.id);
        });
        V ids;
        for (const auto& r : rows)
            ids.push_back(r.id);
        return ids;
    }

    std::vector<Reference> m_rows;
    std::int64_t m_first = 0;
};

TEST_P(StoreContractListVolume, EveryViewAndSortPagesThroughExactlyTheWholeList)
{
    for (auto view : {ConversationView::Unassigned, ConversationView::Mine, ConversationView::AllOpen,
                      ConversationView::Pending, ConversationView::Resolved, ConversationView::Spam,
                      ConversationView::All})
        for (auto sort : {ConversationSort::Waiting, ConversationSort::Priority})
            for (auto order : {TimeOrder::ViewDefault, TimeOrder::NewestFirst}) {
                const ConversationFilter filter{.view = view, .agent = "Eva", .sort = sort, .timeOrder = order};
                EXPECT_EQ(everyId(filter, 997), expected(filter))
                    << viewName(view) << " sort " << int(sort) << " order " << int(order);
            }
}

TEST_P(StoreContractListVolume, FiltersGiveTheSameRowsWhicheverWayTheQueryIsDriven)
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
        EXPECT_EQ(everyId(filter, 333), want) << viewName(filter.view) << " tag " << filter.tag << " search "
                                              << filter.search;
    }
}

TEST_P(StoreContractListVolume, CountsMatchTheRows)
{
    const ConversationCounts eva = counts("Eva");
    auto count = [&](ConversationView view) { return std::int64_t(expected({.view = view, .agent = "Eva"}).size()); };
    EXPECT_EQ(eva.unassigned, count(ConversationView::Unassigned));
    EXPECT_EQ(eva.mine, count(ConversationView::Mine));
    EXPECT_EQ(eva.allOpen, count(ConversationView::AllOpen));
    EXPECT_EQ(eva.pending, count(ConversationView::Pending));
    EXPECT_EQ(eva.resolved, count(ConversationView::Resolved));
    EXPECT_EQ(eva.spam, count(ConversationView::Spam));
    EXPECT_EQ(eva.all, kConversations);

    std::map<std::int64_t, std::int64_t> bySource(eva.openBySource.begin(), eva.openBySource.end());
    EXPECT_EQ(bySource[m_reviews], std::int64_t(expected({.view = ConversationView::AllOpen, .sourceId = m_reviews}).size()));
    EXPECT_EQ(bySource[m_forum], std::int64_t(expected({.view = ConversationView::AllOpen, .sourceId = m_forum}).size()));
    std::map<std::string, std::int64_t> byTag(eva.openByTag.begin(), eva.openByTag.end());
    EXPECT_EQ(byTag.size(), 2u);
    EXPECT_EQ(byTag["seldom"], std::int64_t(expected({.view = ConversationView::AllOpen, .tag = "seldom"}).size()));
    EXPECT_EQ(byTag["everywhere"], std::int64_t(expected({.view = ConversationView::AllOpen, .tag = "everywhere"}).size()));
}

INSTANTIATE_TEST_SUITE_P(Engines, StoreContractLists, ::testing::ValuesIn(test::workspaceFactories()), test::engineName);
INSTANTIATE_TEST_SUITE_P(Engines, StoreContractListVolume, ::testing::ValuesIn(test::workspaceFactories()),
                         test::engineName);
