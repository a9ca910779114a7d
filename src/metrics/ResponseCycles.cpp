#include "earshot/metrics/ResponseCycles.h"

#include <algorithm>
#include <array>
#include <map>

#include <nlohmann/json.hpp>

#include "earshot/core/Text.h"

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

constexpr int kBatch = 2000;

// The dirty conversations of one batch, by id range.
constexpr const char* kInBatch =
    " IN (SELECT conversation_id FROM metrics_dirty WHERE conversation_id BETWEEN ?1 AND ?2)";
// Conversations by id, a JSON array.
constexpr const char* kInList = " IN (SELECT value FROM json_each(?1))";

// The logs of the conversations that `inClause` picks; `bind` gives its parameters.
Status loadLogs(store::Database& db, const char* inClause, const std::function<void(store::Statement&)>& bind,
                std::map<std::int64_t, ConversationLog>& logs)
{
    // Mentions that are the team's own replies heard back are not the customer's. A message's
    // text is read only where it may thank someone: after a reply.
    auto messages = db.prepare(std::string(
        "SELECT m.conversation_id, m.ingested_at, m.published_at,"
        " CASE WHEN EXISTS (SELECT 1 FROM replies r WHERE r.conversation_id = m.conversation_id"
        "  AND r.sent_at <= m.ingested_at) THEN m.body ELSE '' END"
        " FROM mentions m WHERE m.conversation_id") + inClause +
        " AND NOT EXISTS (SELECT 1 FROM replies r WHERE r.conversation_id = m.conversation_id AND r.delivery = 'sent'"
        "  AND (r.platform_url = m.link OR r.external_id = m.platform_id OR r.external_id = m.external_id))"
        " ORDER BY m.conversation_id, m.ingested_at, m.id");
    if (!messages)
        return messages.error();
    bind(*messages);
    auto read = store::eachRow(*messages, [&](store::Statement& row) {
        logs[row.integer(0)].messages.push_back(
            {.at = row.integer(1), .publishedAt = row.optionalInteger(2), .thanks = soundsLikeThanks(row.text(3))});
    });
    if (!read)
        return read;

    // Off-platform replies count when recorded, platform replies when posted.
    auto replies = db.prepare(std::string("SELECT conversation_id, coalesce(delivered_at, sent_at), agent FROM replies"
                                          " WHERE conversation_id") + inClause +
                              " AND delivery IN ('recorded', 'sent') ORDER BY conversation_id, 2, id");
    if (!replies)
        return replies.error();
    bind(*replies);
    read = store::eachRow(*replies, [&](store::Statement& row) {
        logs[row.integer(0)].replies.push_back({.at = row.integer(1), .agent = row.text(2)});
    });
    if (!read)
        return read;

    auto events = db.prepare(std::string("SELECT conversation_id, at, kind, coalesce(from_value, ''),"
                                         " coalesce(to_value, ''), actor FROM events WHERE conversation_id") + inClause +
                             " AND kind IN ('status', 'reopened', 'claimed', 'assigned', 'taken_over')"
                             " ORDER BY conversation_id, at, id");
    if (!events)
        return events.error();
    bind(*events);
    using Change = ConversationLog::Change;
    return store::eachRow(*events, [&](store::Statement& row) {
        const std::string kind = row.text(2), from = row.text(3), to = row.text(4);
        std::optional<Change> change;
        std::string agent = row.text(5);
        if (kind == "status" && to == "resolved")
            change = Change::Resolved;
        else if ((kind == "reopened" || kind == "status") && from == "resolved")
            change = Change::Reopened;
        else if (kind == "claimed" || kind == "taken_over" || (kind == "assigned" && !to.empty())) {
            change = Change::Claimed;
            if (kind == "assigned")
                agent = to;
        }
        if (change)
            logs[row.integer(0)].changes.push_back({.at = row.integer(1), .change = *change, .agent = agent});
    });
}

Status storeCycles(store::Database& db, std::int64_t conversation, const std::vector<Cycle>& cycles)
{
    auto insertCycle = db.cached(
        "INSERT INTO response_cycles(conversation_id, cycle, started_at, started_published, first_response_at,"
        " first_responder, claimed_at, resolved_at, resolver, customer_messages, agent_replies)"
        " VALUES (?, ?, ?, ?, ?, nullif(?, ''), ?, ?, nullif(?, ''), ?, ?)");
    auto insertWait = db.cached(
        "INSERT INTO response_waits(conversation_id, cycle, customer_at, customer_published, answered_at, agent,"
        " thanked_agent) VALUES (?, ?, ?, ?, ?, nullif(?, ''), nullif(?, ''))");
    if (!insertCycle)
        return insertCycle.error();
    if (!insertWait)
        return insertWait.error();
    for (const Cycle& c : cycles) {
        (*insertCycle)->bind(1, conversation).bind(2, std::int64_t(c.number)).bind(3, c.startedAt);
        (*insertCycle)->bind(4, c.startedPublishedAt).bind(5, c.firstResponseAt).bind(6, c.firstResponder);
        (*insertCycle)->bind(7, c.claimedAt).bind(8, c.resolvedAt).bind(9, c.resolver);
        (*insertCycle)->bind(10, std::int64_t(c.customerMessages)).bind(11, std::int64_t(c.agentReplies));
        if (auto ran = (*insertCycle)->run(); !ran)
            return ran;
        for (const Wait& w : c.waits) {
            (*insertWait)->bind(1, conversation).bind(2, std::int64_t(c.number)).bind(3, w.customerAt);
            (*insertWait)->bind(4, w.customerPublishedAt).bind(5, w.answeredAt).bind(6, w.agent).bind(7, w.thankedAgent);
            if (auto ran = (*insertWait)->run(); !ran)
                return ran;
        }
    }
    return Ok{};
}

}  // namespace

Status refreshResponseCycles(store::Database& db, const std::function<void(std::int64_t left)>& progress)
{
    auto dirty = store::queryInteger(db, "SELECT count(*) FROM metrics_dirty");
    if (!dirty)
        return dirty.error();
    std::int64_t left = *dirty;
    for (;;) {
        std::int64_t batch = 0;
        // One transaction reads and rewrites a batch, so no change to its logs slips between.
        auto done = db.transaction([&]() -> Status {
            auto range = db.prepare("SELECT min(conversation_id), max(conversation_id), count(*) FROM"
                                    " (SELECT conversation_id FROM metrics_dirty ORDER BY conversation_id LIMIT ?)");
            if (!range)
                return range.error();
            range->bind(1, std::int64_t(kBatch));
            if (auto row = range->step(); !row)
                return row.error();
            batch = range->integer(2);
            if (batch == 0)
                return Ok{};
            const std::int64_t low = range->integer(0), high = range->integer(1);
            range->reset();

            std::map<std::int64_t, ConversationLog> logs;
            if (auto loaded = loadLogs(db, kInBatch, [&](store::Statement& s) { s.bind(1, low).bind(2, high); }, logs);
                !loaded)
                return loaded;
            for (const char* table : {"response_waits", "response_cycles"}) {
                auto clear = db.prepare(std::string("DELETE FROM ") + table + " WHERE conversation_id" + kInBatch);
                if (!clear)
                    return clear.error();
                if (auto ran = clear->bind(1, low).bind(2, high).run(); !ran)
                    return ran;
            }
            for (const auto& [conversation, log] : logs)
                if (auto stored = storeCycles(db, conversation, deriveCycles(log)); !stored)
                    return stored;
            auto clean = db.prepare("DELETE FROM metrics_dirty WHERE conversation_id BETWEEN ? AND ?");
            if (!clean)
                return clean.error();
            return clean->bind(1, low).bind(2, high).run();
        });
        if (!done)
            return done;
        if (batch == 0)
            return Ok{};
        left = std::max<std::int64_t>(0, left - batch);  // others may have marked more meanwhile
        if (progress)
            progress(left);
    }
}

Result<std::map<std::int64_t, Cycle>> latestCycles(store::Database& db, const std::vector<std::int64_t>& conversationIds)
{
    std::map<std::int64_t, Cycle> latest;
    if (conversationIds.empty())
        return latest;
    const std::string ids = nlohmann::json(conversationIds).dump();
    std::map<std::int64_t, ConversationLog> logs;
    if (auto loaded = loadLogs(db, kInList, [&](store::Statement& s) { s.bind(1, ids); }, logs); !loaded)
        return loaded.error();
    for (const auto& [conversation, log] : logs)
        if (auto cycles = deriveCycles(log); !cycles.empty())
            latest.emplace(conversation, std::move(cycles.back()));
    return latest;
}

}  // namespace earshot::metrics
