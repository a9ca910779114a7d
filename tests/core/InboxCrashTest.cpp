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
#include "WorkspaceReads.h"
#include "earshot/store/ConversationStore.h"

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
    // Replays one conversation's timeline.
    static Replayed replay(const std::vector<store::TimelineEntry>& timeline)
    {
        Replayed r;
        for (const store::TimelineEntry& e : timeline) {
            const std::string to = e.toValue.value_or("");
            switch (e.kind) {
            case domain::EventKind::Claimed:
            case domain::EventKind::TakenOver:
            case domain::EventKind::Assigned: r.assignee = to; break;
            case domain::EventKind::Released: r.assignee.reset(); break;
            case domain::EventKind::StatusChanged: r.status = to; break;
            case domain::EventKind::Tagged: r.tags.insert(to); break;
            case domain::EventKind::Untagged: r.tags.erase(e.fromValue.value_or("")); break;
            default: break;
            }
        }
        return r;
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
    auto opened = store::Workspace::open(workspace.dbPath(), store::Workspace::Opening::Existing);
    ASSERT_TRUE(opened) << opened.message();
    auto session = test::readerOf(**opened);
    ASSERT_TRUE(session);

    std::int64_t replies = 0;
    store::ConversationCounts counted;
    std::map<std::string, std::int64_t> openByTag;
    for (std::int64_t id : conversations) {
        SCOPED_TRACE("conversation " + std::to_string(id));
        auto read = session->conversations().detail(id);
        ASSERT_TRUE(read) << read.message();
        const store::ConversationDetail& c = *read;
        auto timeline = session->conversations().timeline(id);
        ASSERT_TRUE(timeline) << timeline.message();

        // A reply and its 'replied' event come together or not at all.
        std::multiset<std::string> repliedEvents;
        std::int64_t noteEvents = 0;
        for (const store::TimelineEntry& e : *timeline) {
            if (e.kind == domain::EventKind::Replied)
                repliedEvents.insert(e.detail.value_or(""));
            noteEvents += e.kind == domain::EventKind::Note ? 1 : 0;
        }
        std::multiset<std::string> replyIds;
        std::optional<std::int64_t> firstSent;
        for (const store::ConversationReply& reply : c.replies) {
            replyIds.insert(std::to_string(reply.id));
            firstSent = firstSent ? std::min(*firstSent, reply.sentAt) : reply.sentAt;
        }
        EXPECT_EQ(replyIds, repliedEvents);
        replies += std::int64_t(c.replies.size());
        // A recorded (off-platform) reply is the first response: the time is set with the first one.
        EXPECT_EQ(c.firstResponseAt, firstSent);
        // Notes and their events.
        EXPECT_EQ(std::int64_t(c.notes.size()), noteEvents);
        // A conversation is resolved exactly when it has a resolution time.
        EXPECT_EQ(c.status == domain::ConversationStatus::Resolved, c.resolvedAt.has_value());

        // Assignee, status and tags are what the event log's last word on each says.
        const Replayed expected = replay(*timeline);
        EXPECT_EQ(c.assignee, expected.assignee.value_or(""));
        EXPECT_EQ(std::string(domain::statusName(c.status)), expected.status);
        EXPECT_EQ(std::set<std::string>(c.tags.begin(), c.tags.end()), expected.tags);

        const bool open = c.status == domain::ConversationStatus::New || c.status == domain::ConversationStatus::Open ||
                          c.status == domain::ConversationStatus::Pending;
        counted.unassigned += c.status == domain::ConversationStatus::New ? 1 : 0;
        counted.pending += c.status == domain::ConversationStatus::Pending ? 1 : 0;
        counted.resolved += c.status == domain::ConversationStatus::Resolved ? 1 : 0;
        counted.allOpen += open ? 1 : 0;
        if (open)
            for (const std::string& tag : c.tags)
                ++openByTag[tag];
    }
    // Every reply that said it was recorded is there; none appeared that nobody sent.
    EXPECT_GE(replies, confirmedReplies);
    EXPECT_LE(replies, attemptedReplies);
    // The counts kept beside the rows agree with the rows.
    auto kept = session->conversations().count();
    ASSERT_TRUE(kept) << kept.message();
    EXPECT_EQ(kept->all, kConversations);
    EXPECT_EQ(kept->unassigned, counted.unassigned);
    EXPECT_EQ(kept->pending, counted.pending);
    EXPECT_EQ(kept->resolved, counted.resolved);
    EXPECT_EQ(kept->allOpen, counted.allOpen);
    std::map<std::string, std::int64_t> keptByTag;
    for (const auto& [tag, n] : kept->openByTag)
        if (n > 0)
            keptByTag[tag] = n;
    EXPECT_EQ(keptByTag, openByTag);

    // Drafts: a confirmed save survives; only a later, unconfirmed one may have replaced it.
    for (const auto& [key, saved] : drafts) {
        auto stored = session->conversations().draft(key.first, key.second);
        ASSERT_TRUE(stored) << stored.message();
        const std::string where = key.second + " on conversation " + std::to_string(key.first);
        if (!*stored) {
            EXPECT_FALSE(saved.confirmed) << "the confirmed draft of " << where << " is gone";
            continue;
        }
        const std::string& body = (*stored)->body;
        const bool expected = body == saved.confirmed || saved.since.count(body) > 0;
        EXPECT_TRUE(expected) << where << " has draft '" << body << "', which was never saved after '"
                              << saved.confirmed.value_or("(nothing)") << "'";
    }
}
