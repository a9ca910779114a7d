// kill -9 during inbox work: agents run earshot-cli inbox commands (claim, release, take
// over, reply, note, tag, status changes, drafts) on the same conversations from several
// threads, and many of the processes are killed at random moments. Afterwards the
// workspace must be intact and no action half done: the rows agree with the event log
// that Inbox writes in the same transaction, and a draft whose save was confirmed is there.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "ChildProcess.h"
#include "InboxSeed.h"
#include "StoreChecks.h"
#include "TempWorkspace.h"
#include "store/sqlite/Schema.h"

using namespace earshot;

namespace {

constexpr int kConversations = 10;
constexpr int kWorkers = 4;           // agents working the conversations
constexpr int kDrafters = 2;          // agents only saving drafts
constexpr int kCommandsPerThread = 70;
constexpr unsigned kSeed = 4242;      // thread t uses kSeed + t; a failure names them

std::string workerName(int i) { return "Agent " + std::to_string(i + 1); }
std::string drafterName(int i) { return "Drafter " + std::to_string(i + 1); }

class InboxCrashTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        std::vector<std::string> agents;
        for (int i = 0; i < kWorkers; ++i)
            agents.push_back(workerName(i));
        for (int i = 0; i < kDrafters; ++i)
            agents.push_back(drafterName(i));
        conversations = test::seedInbox(workspace.dbPath(), agents, kConversations, "question");
        ASSERT_EQ(conversations.size(), std::size_t(kConversations));
    }

    test::ChildRun runCli(std::vector<std::string> args, std::optional<std::chrono::milliseconds> killAfter,
                          const std::string& outputName)
    {
        test::ChildProcess cli(test::cliArgs(EARSHOT_CLI_PATH, workspace.dbPath(), std::move(args)),
                               (workspace.dir() / outputName).string());
        return cli.wait(killAfter);
    }

    // One worker agent: random actions on random conversations, about half of them killed.
    void work(int worker, std::chrono::milliseconds killRange)
    {
        std::mt19937 random(kSeed + unsigned(worker));
        const std::string agent = workerName(worker);
        const std::string out = "worker-" + std::to_string(worker) + ".out";
        for (int n = 0; n < kCommandsPerThread; ++n) {
            const std::string id = std::to_string(conversations[random() % conversations.size()]);
            std::vector<std::string> args;
            bool replying = false;
            switch (random() % 12) {
            case 0: case 1: args = {"inbox", "claim", id, "--agent", agent}; break;
            case 2: args = {"inbox", "release", id, "--agent", agent}; break;
            case 3: args = {"inbox", "takeover", id, "--agent", agent}; break;
            case 4: case 10: case 11:  // replies most, the action with the most rows to keep together
                args = {"inbox", "reply", id, "--agent", agent, "--off-platform", "--text",
                        "Thanks for asking, we are looking into it."};
                replying = true;
                break;
            case 5: args = {"inbox", "note", id, "--agent", agent, "--text", "note " + std::to_string(n)}; break;
            case 6: args = {"inbox", "tag", id, "--agent", agent, "--add", random() % 2 ? "billing" : "delivery"}; break;
            case 7: args = {"inbox", "tag", id, "--agent", agent, "--remove", random() % 2 ? "billing" : "delivery"}; break;
            case 8: args = {"inbox", random() % 2 ? "resolve" : "reopen", id, "--agent", agent}; break;
            default: args = {"inbox", "pending", id, "--agent", agent}; break;
            }
            std::optional<std::chrono::milliseconds> killAfter;
            if (random() % 2)
                killAfter = std::chrono::milliseconds(random() % std::uint64_t(killRange.count() + 1));
            const test::ChildRun run = runCli(args, killAfter, out);
            std::lock_guard lock(m_mutex);
            ++commands;
            killed += run.killed;
            succeeded += !run.killed && run.exitCode == 0;
            if (replying && !run.killed && run.exitCode == 0)
                ++confirmedReplies;
            if (replying)
                ++attemptedReplies;
        }
    }

    // One drafting agent: saves new draft texts; remembers which saves were confirmed.
    void draft(int drafter, std::chrono::milliseconds killRange)
    {
        std::mt19937 random(kSeed + 100 + unsigned(drafter));
        const std::string agent = drafterName(drafter);
        const std::string out = "drafter-" + std::to_string(drafter) + ".out";
        for (int n = 0; n < kCommandsPerThread; ++n) {
            const std::int64_t conversation = conversations[random() % conversations.size()];
            const std::string text = "draft " + std::to_string(n) + " by " + agent;
            std::optional<std::chrono::milliseconds> killAfter;
            if (random() % 2)
                killAfter = std::chrono::milliseconds(random() % std::uint64_t(killRange.count() + 1));
            Drafts& mine = drafts.at({conversation, agent});  // at(): a read, safe beside the other drafter
            const test::ChildRun run =
                runCli({"inbox", "draft", std::to_string(conversation), "--agent", agent, "--set", text}, killAfter, out);
            if (!run.killed && run.exitCode == 0) {
                mine.confirmed = text;
                mine.since.clear();
            } else {
                mine.since.insert(text);   // may or may not have been saved before the kill
            }
            std::lock_guard lock(m_mutex);
            ++commands;
            killed += run.killed;
            succeeded += !run.killed && run.exitCode == 0;
        }
    }

    // What the event log says a conversation's assignee and status are, replayed in order.
    struct Replayed {
        std::optional<std::string> assignee;
        std::string status = "new";
        std::set<std::string> tags;
    };
    std::map<std::int64_t, Replayed> replayEvents(store::Database& db)
    {
        std::map<std::int64_t, Replayed> replayed;
        auto events = db.prepare("SELECT conversation_id, kind, to_value, from_value FROM events"
                                 " WHERE conversation_id IS NOT NULL ORDER BY id");
        EXPECT_TRUE(events) << events.message();
        EXPECT_TRUE(store::eachRow(*events, [&](store::Statement& row) {
            Replayed& r = replayed[row.integer(0)];
            const std::string kind = row.text(1);
            const std::string to = row.text(2);
            if (kind == "claimed" || kind == "taken_over" || kind == "assigned")
                r.assignee = to;
            else if (kind == "released")
                r.assignee.reset();
            else if (kind == "status")
                r.status = to;
            else if (kind == "tagged")
                r.tags.insert(to);
            else if (kind == "untagged")
                r.tags.erase(row.text(3));
        }));
        return replayed;
    }

    test::TempWorkspace workspace;
    std::vector<std::int64_t> conversations;

    std::mutex m_mutex;
    int commands = 0;
    int killed = 0;
    int succeeded = 0;
    int confirmedReplies = 0;
    int attemptedReplies = 0;
    struct Drafts {
        std::optional<std::string> confirmed;  // the last save that said it was saved
        std::set<std::string> since;           // saves after it that were killed or failed
    };
    // Each drafter thread writes only its own entries, which the test makes up front.
    std::map<std::pair<std::int64_t, std::string>, Drafts> drafts;
};

}  // namespace

TEST_F(InboxCrashTest, KilledInboxCommandsLeaveNoActionHalfDone)
{
    for (std::int64_t conversation : conversations)
        for (int i = 0; i < kDrafters; ++i)
            drafts[{conversation, drafterName(i)}];

    // A command's own run time decides when the kills fall.
    double seconds = 0;
    for (int i = 0; i < 5; ++i) {
        const test::ChildRun run = runCli({"inbox", "note", std::to_string(conversations[0]), "--agent",
                                           workerName(0), "--text", "calibration"},
                                          std::nullopt, "calibration.out");
        ASSERT_EQ(run.exitCode, 0) << test::readFile(workspace.dir() / "calibration.out");
        seconds += run.seconds;
    }
    const auto killRange = std::chrono::milliseconds(std::max(5, int(seconds / 5 * 1000 * 1.5)));

    std::vector<std::thread> threads;
    for (int i = 0; i < kWorkers; ++i)
        threads.emplace_back([this, i, killRange] { work(i, killRange); });
    for (int i = 0; i < kDrafters; ++i)
        threads.emplace_back([this, i, killRange] { draft(i, killRange); });
    for (auto& thread : threads)
        thread.join();
    std::cout << "[          ] " << commands << " commands, " << killed << " killed (within " << killRange.count()
              << " ms), " << succeeded << " done, " << confirmedReplies << " of " << attemptedReplies
              << " replies confirmed\n";
    // Both sides of the experiment happened: many commands were cut off, many went through.
    EXPECT_GT(killed, commands / 10);
    EXPECT_GT(succeeded, commands / 5);

    ASSERT_EQ(test::workspaceProblems(workspace.dbPath()), "");
    auto db = store::openReader(workspace.dbPath());
    ASSERT_TRUE(db) << db.message();
    auto count = [&](const std::string& sql) { return store::queryInteger(*db, sql).value(); };

    // A reply and its 'replied' event come together or not at all.
    EXPECT_EQ(count("SELECT count(*) FROM replies r WHERE (SELECT count(*) FROM events e WHERE e.kind = 'replied'"
                    " AND e.conversation_id = r.conversation_id AND e.detail = CAST(r.id AS TEXT)) <> 1"),
              0);
    EXPECT_EQ(count("SELECT count(*) FROM events e WHERE e.kind = 'replied' AND NOT EXISTS"
                    " (SELECT 1 FROM replies r WHERE CAST(r.id AS TEXT) = e.detail AND r.conversation_id = e.conversation_id)"),
              0);
    // Every reply that said it was recorded is there; none appeared that nobody sent.
    const std::int64_t replies = count("SELECT count(*) FROM replies");
    EXPECT_GE(replies, confirmedReplies);
    EXPECT_LE(replies, attemptedReplies);
    // A recorded (off-platform) reply is the first response: the time is set with the first one.
    EXPECT_EQ(count("SELECT count(*) FROM conversations c WHERE c.first_response_at IS NOT"
                    " (SELECT min(sent_at) FROM replies r WHERE r.conversation_id = c.id)"),
              0);
    // Notes and their events.
    EXPECT_EQ(count("SELECT count(*) FROM conversations c WHERE (SELECT count(*) FROM notes n WHERE n.conversation_id = c.id)"
                    " <> (SELECT count(*) FROM events e WHERE e.conversation_id = c.id AND e.kind = 'note')"),
              0);
    // A conversation is resolved exactly when it has a resolution time.
    EXPECT_EQ(count("SELECT count(*) FROM conversations WHERE (status = 'resolved') <> (resolved_at IS NOT NULL)"), 0);
    // The counts kept by triggers agree with what they count.
    EXPECT_EQ(count("SELECT count(*) FROM (SELECT status, source_id, count(*) AS n FROM conversations GROUP BY 1, 2) c"
                    " LEFT JOIN conversation_counts k USING (status, source_id) WHERE k.n IS NOT c.n"),
              0);
    EXPECT_EQ(count("SELECT count(*) FROM conversation_counts k WHERE k.n <> (SELECT count(*) FROM conversations c"
                    " WHERE c.status = k.status AND c.source_id = k.source_id)"),
              0);
    EXPECT_EQ(count("SELECT count(*) FROM open_tag_counts k WHERE k.n <> (SELECT count(*) FROM conversation_tags t"
                    " JOIN conversations c ON c.id = t.conversation_id WHERE t.tag = k.tag"
                    " AND c.status IN ('new', 'open', 'pending'))"),
              0);

    // Assignee, status and tags are what the event log's last word on each says.
    const auto replayed = replayEvents(*db);
    auto rows = db->prepare("SELECT id, assignee, status FROM conversations ORDER BY id");
    ASSERT_TRUE(rows);
    ASSERT_TRUE(store::eachRow(*rows, [&](store::Statement& row) {
        const std::int64_t id = row.integer(0);
        const auto found = replayed.find(id);
        const Replayed expected = found == replayed.end() ? Replayed{} : found->second;
        const std::string assignee = row.text(1);
        EXPECT_EQ(assignee, expected.assignee.value_or("")) << "conversation " << id;
        EXPECT_EQ(row.text(2), expected.status) << "conversation " << id;
    }));
    for (std::int64_t id : conversations) {
        std::set<std::string> tags;
        auto query = db->prepare("SELECT tag FROM conversation_tags WHERE conversation_id = ?");
        ASSERT_TRUE(query);
        query->bind(1, id);
        ASSERT_TRUE(store::eachRow(*query, [&](store::Statement& row) { tags.insert(row.text(0)); }));
        const auto found = replayed.find(id);
        EXPECT_EQ(tags, found == replayed.end() ? std::set<std::string>() : found->second.tags) << "conversation " << id;
    }

    // Drafts: a confirmed save survives; only a later, unconfirmed one may have replaced it.
    for (const auto& [key, saved] : drafts) {
        auto query = db->prepare("SELECT body FROM drafts WHERE conversation_id = ? AND agent = ?");
        ASSERT_TRUE(query);
        query->bind(1, key.first).bind(2, key.second);
        std::optional<std::string> body;
        ASSERT_TRUE(store::eachRow(*query, [&](store::Statement& row) { body = row.text(0); }));
        const std::string where = key.second + " on conversation " + std::to_string(key.first);
        if (!body) {
            EXPECT_FALSE(saved.confirmed) << "the confirmed draft of " << where << " is gone";
            continue;
        }
        const bool expected = body == saved.confirmed || saved.since.count(*body) > 0;
        EXPECT_TRUE(expected) << where << " has draft '" << *body << "', which was never saved after '"
                              << saved.confirmed.value_or("(nothing)") << "'";
    }
}
