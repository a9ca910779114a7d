#include "earshot/metrics/ResponseCycles.h"

#include <algorithm>
#include <array>
#include <map>

#include "earshot/core/Text.h"
#include "earshot/domain/Vocabulary.h"
#include "earshot/store/MetricsStore.h"

namespace earshot::metrics {

namespace {

// Within one second: a reopening first (the message that caused it belongs to the new cycle),
// then what the customer wrote, then the team's answers to it.
enum class Step { Reopen, Message, Claim, Reply, Resolve };

struct Happening {
    std::int64_t at = 0;
    Step step = Step::Message;
    std::size_t index = 0;  // into the log's list of that kind
};

bool isLetter(char c) { return (c >= 'a' && c <= 'z') || (unsigned char)c >= 0x80; }

}  // namespace

bool soundsLikeThanks(std::string_view text)
{
    // Folded (lower case, no accents); whole words, so "ondanks" (despite) is no thanks.
    static constexpr std::array<std::string_view, 12> kPhrases = {
        "bedankt", "dank je", "dank u", "dankje", "danku", "dankjewel", "dankuwel", "thanks", "thank you", "thank u",
        "thx", "merci"};
    const std::string folded = core::foldForMatching(text);
    for (std::string_view phrase : kPhrases) {
        for (std::size_t at = folded.find(phrase); at != std::string::npos; at = folded.find(phrase, at + 1)) {
            const bool startsWord = at == 0 || !isLetter(folded[at - 1]);
            const std::size_t end = at + phrase.size();
            // "bedankt!" and "dankjewel" count; "thanksgiving" does not.
            const bool endsWord = end == folded.size() || !isLetter(folded[end]) || phrase.starts_with("dank");
            if (startsWord && endsWord)
                return true;
        }
    }
    return false;
}

std::vector<Cycle> deriveCycles(const ConversationLog& log)
{
    std::vector<Happening> happenings;
    for (std::size_t i = 0; i < log.messages.size(); ++i)
        happenings.push_back({log.messages[i].at, Step::Message, i});
    for (std::size_t i = 0; i < log.replies.size(); ++i)
        happenings.push_back({log.replies[i].at, Step::Reply, i});
    for (std::size_t i = 0; i < log.changes.size(); ++i) {
        const auto change = log.changes[i].change;
        const Step step = change == ConversationLog::Change::Reopened  ? Step::Reopen
                          : change == ConversationLog::Change::Resolved ? Step::Resolve
                                                                        : Step::Claim;
        happenings.push_back({log.changes[i].at, step, i});
    }
    std::stable_sort(happenings.begin(), happenings.end(), [](const Happening& a, const Happening& b) {
        return a.at != b.at ? a.at < b.at : a.step < b.step;
    });

    std::vector<Cycle> cycles;
    Cycle* current = nullptr;
    bool waiting = false;         // a customer message waits for an answer
    std::string lastReplier;      // who answered last, to thank
    auto startCycle = [&](std::int64_t at) {
        Cycle& cycle = cycles.emplace_back();
        cycle.number = int(cycles.size());
        cycle.startedAt = at;
        current = &cycle;
        waiting = false;  // lastReplier stays: a thank-you often reopens a resolved conversation
    };
    for (const Happening& h : happenings) {
        switch (h.step) {
        case Step::Reopen:
            // Only a resolved conversation opens anew; one still open simply goes on.
            if (current && current->resolvedAt)
                startCycle(h.at);
            break;
        case Step::Message: {
            const auto& message = log.messages[h.index];
            if (!current)
                startCycle(h.at);
            if (current->customerMessages == 0) {
                current->startedAt = std::min(current->startedAt, message.at);
                current->startedPublishedAt = message.publishedAt;
            }
            ++current->customerMessages;
            if (!waiting) {
                Wait& wait = current->waits.emplace_back();
                wait.customerAt = message.at;
                wait.customerPublishedAt = message.publishedAt;
                if (message.thanks)
                    wait.thankedAgent = lastReplier;
                waiting = true;
            }
            break;
        }
        case Step::Claim:
            if (current && !current->claimedAt)
                current->claimedAt = h.at;
            break;
        case Step::Reply: {
            if (!current)
                break;  // the team wrote first: no customer waits, nothing to time
            const auto& reply = log.replies[h.index];
            ++current->agentReplies;
            lastReplier = reply.agent;
            if (!current->claimedAt)
                current->claimedAt = h.at;  // answering is holding it
            if (waiting) {
                Wait& wait = current->waits.back();
                wait.answeredAt = reply.at;
                wait.agent = reply.agent;
                waiting = false;
            }
            if (!current->firstResponseAt && !current->waits.empty()) {
                current->firstResponseAt = reply.at;
                current->firstResponder = reply.agent;
            }
            break;
        }
        case Step::Resolve:
            if (current && !current->resolvedAt) {
                current->resolvedAt = h.at;
                current->resolver = log.changes[h.index].agent;
                waiting = false;  // resolved without an answer: that wait stays unanswered
            }
            break;
        }
    }
    return cycles;
}

namespace {

constexpr std::int64_t kBatch = 2000;

// The stored logs as the metrics read them, by conversation.
std::map<std::int64_t, ConversationLog> readLogs(const store::MetricsLogs& stored)
{
    std::map<std::int64_t, ConversationLog> logs;
    for (const auto& m : stored.messages)
        logs[m.conversation].messages.push_back(
            {.at = m.at, .publishedAt = m.publishedAt, .thanks = soundsLikeThanks(m.text)});
    for (const auto& r : stored.replies)
        logs[r.conversation].replies.push_back({.at = r.at, .agent = r.agent});
    using Change = ConversationLog::Change;
    using domain::EventKind;
    const std::string_view resolved = domain::statusName(domain::ConversationStatus::Resolved);
    for (const auto& e : stored.events) {
        std::optional<Change> change;
        std::string agent = e.actor;
        if (e.kind == EventKind::StatusChanged && e.to == resolved)
            change = Change::Resolved;
        else if ((e.kind == EventKind::Reopened || e.kind == EventKind::StatusChanged) && e.from == resolved)
            change = Change::Reopened;
        else if (e.kind == EventKind::Claimed || e.kind == EventKind::TakenOver ||
                 (e.kind == EventKind::Assigned && !e.to.empty())) {
            change = Change::Claimed;
            if (e.kind == EventKind::Assigned)
                agent = e.to;
        }
        if (change)
            logs[e.conversation].changes.push_back({.at = e.at, .change = *change, .agent = agent});
    }
    return logs;
}

void addRows(std::int64_t conversation, const std::vector<Cycle>& cycles, std::vector<store::CycleRow>& cycleRows,
             std::vector<store::WaitRow>& waitRows)
{
    for (const Cycle& c : cycles) {
        cycleRows.push_back({.conversation = conversation,
                             .number = std::int32_t(c.number),
                             .startedAt = c.startedAt,
                             .startedPublished = c.startedPublishedAt,
                             .firstResponseAt = c.firstResponseAt,
                             .firstResponder = c.firstResponder,
                             .claimedAt = c.claimedAt,
                             .resolvedAt = c.resolvedAt,
                             .resolver = c.resolver,
                             .customerMessages = std::int32_t(c.customerMessages),
                             .agentReplies = std::int32_t(c.agentReplies)});
        for (const Wait& w : c.waits)
            waitRows.push_back({.conversation = conversation,
                                .cycle = std::int32_t(c.number),
                                .customerAt = w.customerAt,
                                .customerPublished = w.customerPublishedAt,
                                .answeredAt = w.answeredAt,
                                .agent = w.agent,
                                .thankedAgent = w.thankedAgent});
    }
}

// One batch: reads and rewrites it in one transaction, so no change to its logs slips
// between. Returns how many conversations it took; 0 when none were left.
Result<std::int64_t> refreshBatch(store::Session& session)
{
    std::int64_t taken = 0;
    auto done = session.transaction([&]() -> Status {
        store::MetricsStore& store = session.metrics();
        auto batch = store.nextDirtyBatch(kBatch);
        if (!batch)
            return batch.error();
        taken = batch->count;
        if (taken == 0)
            return Ok{};
        auto stored = store.dirtyLogs(*batch);
        if (!stored)
            return stored.error();
        std::vector<store::CycleRow> cycles;
        std::vector<store::WaitRow> waits;
        for (const auto& [conversation, log] : readLogs(*stored))
            addRows(conversation, deriveCycles(log), cycles, waits);
        return store.replaceDerived(*batch, cycles, waits);
    });
    if (!done)
        return done.error();
    return taken;
}

// Runs batches through `runBatch` until none is left.
Status refreshInBatches(std::int64_t dirty, const std::function<Result<std::int64_t>()>& runBatch,
                        const std::function<void(std::int64_t left)>& progress)
{
    std::int64_t left = dirty;
    for (;;) {
        auto batch = runBatch();
        if (!batch)
            return batch.error();
        if (*batch == 0)
            return Ok{};
        left = std::max<std::int64_t>(0, left - *batch);  // others may have marked more meanwhile
        if (progress)
            progress(left);
    }
}

}  // namespace

Status refreshResponseCycles(store::Session& session, const std::function<void(std::int64_t left)>& progress)
{
    auto dirty = session.metrics().dirtyCount();
    if (!dirty)
        return dirty.error();
    return refreshInBatches(*dirty, [&] { return refreshBatch(session); }, progress);
}

Status refreshResponseCycles(store::Writer& writer, const std::function<void(std::int64_t left)>& progress)
{
    std::int64_t dirty = 0;
    if (auto counted = writer.run([&](store::Session& session) -> Status {
            auto count = session.metrics().dirtyCount();
            if (!count)
                return count.error();
            dirty = *count;
            return Ok{};
        });
        !counted)
        return counted;
    if (dirty == 0)
        return Ok{};
    return refreshInBatches(dirty, [&]() -> Result<std::int64_t> {
        std::int64_t taken = 0;
        auto ran = writer.run([&](store::Session& session) -> Status {
            auto batch = refreshBatch(session);
            if (!batch)
                return batch.error();
            taken = *batch;
            return Ok{};
        });
        if (!ran)
            return ran.error();
        return taken;
    }, progress);
}

Status refreshResponseCycles(store::Workspace& workspace, store::Session& reader)
{
    auto dirty = reader.metrics().dirtyCount();
    if (!dirty)
        return dirty.error();
    if (*dirty == 0)
        return Ok{};
    return refreshResponseCycles(workspace.writer());
}

namespace {

std::map<std::int64_t, Cycle> latestOf(const store::MetricsLogs& stored)
{
    std::map<std::int64_t, Cycle> latest;
    for (const auto& [conversation, log] : readLogs(stored))
        if (auto cycles = deriveCycles(log); !cycles.empty())
            latest.emplace(conversation, std::move(cycles.back()));
    return latest;
}

}  // namespace

Result<std::map<std::int64_t, Cycle>> latestCycles(store::Session& session,
                                                   const std::vector<std::int64_t>& conversationIds)
{
    if (conversationIds.empty())
        return std::map<std::int64_t, Cycle>();
    auto stored = session.metrics().logsOf(conversationIds);
    if (!stored)
        return stored.error();
    return latestOf(*stored);
}

}  // namespace earshot::metrics
