// The inbox's conversation lists at 1,000,000 conversations: the first page of every view
// and sort, a page deep into a view, full-text searches, filters and the view counts.
//
//   earshot-cli --db /tmp/inbox-1m.db generate --conversations 1000000 --seed 1
//   EARSHOT_INBOX_DB=/tmp/inbox-1m.db earshot_inbox_bench
//
// Results and the exact commands are in docs/benchmarks.md ("Inbox at 1,000,000 conversations").
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "earshot/store/ConversationQuery.h"
#include "earshot/store/ConversationStore.h"
#include "earshot/store/Workspace.h"

namespace store = earshot::store;
using earshot::Result;

namespace {

constexpr int kPage = 50;
// The generator's busiest agent (seed 1).
const std::string kAgent = "Eva de Graaf";

// Through the store's interfaces, as the inbox reads: the same bench for every engine.
store::ConversationStore& conversations()
{
    static const auto opened = [] {
        const char* path = std::getenv("EARSHOT_INBOX_DB");
        auto workspace = store::Workspace::open(path ? path : "/tmp/inbox-1m.db", store::Workspace::Opening::Existing);
        auto session = workspace ? (*workspace)->reader() : Result<std::unique_ptr<store::Session>>(workspace.error());
        if (!session) {
            std::cerr << "InboxBench: " << session.message() << '\n';
            std::exit(1);
        }
        return std::pair(std::move(*workspace), std::move(*session));
    }();
    return opened.second->conversations();
}

void runPage(benchmark::State& state, const store::ConversationFilter& filter,
             const std::optional<store::ConversationCursor>& after = {})
{
    for (auto _ : state) {
        auto page = conversations().list(filter, kPage, after);
        if (!page) {
            state.SkipWithError(page.message().c_str());
            return;
        }
        benchmark::DoNotOptimize(page->rows.data());
        state.counters["rows"] = double(page->rows.size());
    }
}

void firstPage(benchmark::State& state, store::ConversationView view, store::ConversationSort sort)
{
    runPage(state, {.view = view, .agent = kAgent, .sort = sort});
}

// The page after the first 10,000 rows: keyset paging costs the same at any depth.
void deepPage(benchmark::State& state, store::ConversationView view, store::ConversationSort sort)
{
    const store::ConversationFilter filter{.view = view, .agent = kAgent, .sort = sort};
    std::optional<store::ConversationCursor> cursor;
    for (int skipped = 0; skipped < 10'000; skipped += 1000) {
        auto page = conversations().list(filter, 1000, cursor);
        if (!page || !page->nextCursor) {
            state.SkipWithError("the view holds fewer than 10,000 conversations");
            return;
        }
        cursor = page->nextCursor;
    }
    runPage(state, filter, cursor);
}

void search(benchmark::State& state, const char* words, store::ConversationView view)
{
    runPage(state, {.view = view, .search = words});
}

void counts(benchmark::State& state)
{
    for (auto _ : state) {
        auto result = conversations().count(kAgent);
        if (!result) {
            state.SkipWithError(result.message().c_str());
            return;
        }
        benchmark::DoNotOptimize(result->all);
    }
}

using V = store::ConversationView;
using S = store::ConversationSort;

}  // namespace

BENCHMARK_CAPTURE(firstPage, new_waiting, V::Unassigned, S::Waiting)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(firstPage, new_priority, V::Unassigned, S::Priority)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(firstPage, mine_waiting, V::Mine, S::Waiting)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(firstPage, mine_priority, V::Mine, S::Priority)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(firstPage, open_waiting, V::AllOpen, S::Waiting)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(firstPage, open_priority, V::AllOpen, S::Priority)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(firstPage, pending_waiting, V::Pending, S::Waiting)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(firstPage, pending_priority, V::Pending, S::Priority)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(firstPage, resolved_waiting, V::Resolved, S::Waiting)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(firstPage, resolved_priority, V::Resolved, S::Priority)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(firstPage, spam_waiting, V::Spam, S::Waiting)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(firstPage, spam_priority, V::Spam, S::Priority)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(firstPage, all_waiting, V::All, S::Waiting)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(firstPage, all_priority, V::All, S::Priority)->Unit(benchmark::kMillisecond);

BENCHMARK_CAPTURE(deepPage, open_waiting, V::AllOpen, S::Waiting)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(deepPage, resolved_priority, V::Resolved, S::Priority)->Unit(benchmark::kMillisecond);

BENCHMARK_CAPTURE(search, pakket_open, "pakket", V::AllOpen)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search, bezorging_open, "bezorging", V::AllOpen)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search, verskist_open, "verskist", V::AllOpen)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search, delivery_open, "delivery", V::AllOpen)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search, refund_all, "refund", V::All)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search, factuur_new, "factuur", V::Unassigned)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search, ontdooid_open, "ontdooid", V::AllOpen)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search, haarlem_all, "haarlem", V::All)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search, maud_spam, "maud", V::Spam)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search, phrase_open, "\"te laat\"", V::AllOpen)->Unit(benchmark::kMillisecond);

BENCHMARK_CAPTURE(runPage, tag_bezorging_open, store::ConversationFilter{.tag = "bezorging"})
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(runPage, tag_vraag_resolved,
                  store::ConversationFilter{.view = V::Resolved, .tag = "vraag", .sort = S::Priority})
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(runPage, source_5_open, store::ConversationFilter{.sourceId = 5}, std::nullopt)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(runPage, source_3_all_priority,
                  store::ConversationFilter{.view = V::All, .sourceId = 3, .sort = S::Priority}, std::nullopt)
    ->Unit(benchmark::kMillisecond);

BENCHMARK(counts)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
