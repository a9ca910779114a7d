// Several processes claim the same fresh conversation at the same moment, many rounds over:
// exactly one wins, every other one is told who has it, and the log has one claim. Once
// with forked processes calling inbox::Inbox, once with the real earshot-cli binary.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <string>
#include <vector>

#include "TempWorkspace.h"
#include "WorkspaceFactory.h"
#include "WorkspaceReads.h"
#include "earshot/inbox/AgentRepository.h"
#include "earshot/inbox/Inbox.h"
#include "earshot/store/Mentions.h"
#include "earshot/store/SourceStore.h"
#include "earshot/store/Workspace.h"

using namespace earshot;

namespace {

constexpr int kProcesses = 4;
constexpr int kRounds = 50;

// A pipe whose write end the parent closes to let every waiting child go at once.
class StartGate {
public:
    StartGate()
    {
        if (pipe(m_fds) != 0)
            ADD_FAILURE() << "cannot create a pipe";
    }
    ~StartGate()
    {
        closeEnd(0);
        closeEnd(1);
    }
    StartGate(const StartGate&) = delete;
    StartGate& operator=(const StartGate&) = delete;

    // In the child: blocks until the parent opens the gate (end of file).
    void wait()
    {
        closeEnd(1);
        char byte = 0;
        while (read(m_fds[0], &byte, 1) > 0) {
        }
    }
    void open()
    {
        closeEnd(0);
        closeEnd(1);
    }

private:
    void closeEnd(int end)
    {
        if (m_fds[end] >= 0)
            close(m_fds[end]);
        m_fds[end] = -1;
    }
    int m_fds[2] = {-1, -1};
};

int exitCodeOf(pid_t pid)
{
    int status = 0;
    if (waitpid(pid, &status, 0) != pid)
        return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

class ClaimRaceTest : public ::testing::TestWithParam<test::WorkspaceFactory> {
protected:
    void SetUp() override
    {
        test::skipWhenUnavailable(GetParam());
        if (IsSkipped() || HasFatalFailure())
            return;
        location = GetParam().newLocation(workspace.dir());
        auto opened = store::Workspace::open(location);
        ASSERT_TRUE(opened) << opened.message();
        sourceId = test::addSource(**opened, {.name = "Forum", .url = "https://forum.example/feed.xml"});
        ASSERT_NE(sourceId, 0);
        for (int i = 0; i < kProcesses; ++i)
            agents[std::size_t(i)] = "Agent " + std::to_string(i + 1);
        test::writeWith(**opened, [&](store::Session& session) -> Status {
            for (const std::string& agent : agents)
                if (auto added = inbox::AgentRepository(session).add({.name = agent}); !added)
                    return added.error();
            return Ok{};
        });
    }

    // A fresh unclaimed conversation; the workspace (and its writer's thread) is closed again
    // before any fork.
    std::int64_t freshConversation(int round)
    {
        auto opened = store::Workspace::open(location, store::Workspace::Opening::Existing);
        EXPECT_TRUE(opened) << opened.message();
        if (!opened)
            return 0;
        store::NewMention m;
        m.externalId = "race-" + std::to_string(round);
        m.title = "Round " + std::to_string(round);
        m.author = {.platform = "feed:forum.example", .handle = "anna"};
        const store::IngestResult stored = test::ingest(**opened, sourceId, {m}, 1000 + round);
        return stored.conversationsCreated.empty() ? 0 : stored.conversationsCreated.front();
    }

    // The winner must be the holder and the one claim in the log.
    void expectOneClaimBy(std::int64_t conversation, const std::string& winner)
    {
        auto opened = store::Workspace::open(location, store::Workspace::Opening::Existing);
        ASSERT_TRUE(opened) << opened.message();
        const store::ConversationDetail held = test::detailOf(**opened, conversation);
        EXPECT_EQ(held.assignee, winner);
        EXPECT_EQ(held.status, domain::ConversationStatus::Open);
        auto session = test::readerOf(**opened);
        ASSERT_TRUE(session);
        auto timeline = session->conversations().timeline(conversation);
        ASSERT_TRUE(timeline) << timeline.message();
        int claims = 0;
        for (const store::TimelineEntry& event : *timeline) {
            if (event.kind != domain::EventKind::Claimed)
                continue;
            ++claims;
            EXPECT_EQ(event.toValue.value_or(""), winner);
            EXPECT_EQ(event.actor, winner);
        }
        EXPECT_EQ(claims, 1);
    }

    test::TempWorkspace workspace;
    std::string location;
    std::int64_t sourceId = 0;
    std::array<std::string, kProcesses> agents;
};

}  // namespace

TEST_P(ClaimRaceTest, ForkedProcessesClaimingAtOnceHaveExactlyOneWinner)
{
    for (int round = 0; round < kRounds; ++round) {
        SCOPED_TRACE("round " + std::to_string(round));
        const std::int64_t conversation = freshConversation(round);
        ASSERT_GT(conversation, 0);
        StartGate gate;
        std::array<int, kProcesses> reports{};
        std::array<pid_t, kProcesses> children{};
        for (int i = 0; i < kProcesses; ++i) {
            int fds[2];
            ASSERT_EQ(pipe(fds), 0);
            const pid_t pid = fork();
            ASSERT_GE(pid, 0);
            if (pid == 0) {
                // The child opens its own workspace and starts its writer before the gate, so
                // only the claims race.
                close(fds[0]);
                auto opened = store::Workspace::open(location, store::Workspace::Opening::Existing);
                if (!opened)
                    _exit(1);
                inbox::Inbox inbox((*opened)->writer());
                gate.wait();
                auto outcome = inbox.claim(conversation, agents[std::size_t(i)]);
                if (!outcome)
                    _exit(1);
                const std::string holder = outcome->holder;
                if (write(fds[1], holder.data(), holder.size()) < 0)
                    _exit(1);
                _exit(outcome->changed() ? 0 : outcome->heldByOther() ? 3 : 4);
            }
            close(fds[1]);
            reports[std::size_t(i)] = fds[0];
            children[std::size_t(i)] = pid;
        }
        gate.open();

        std::vector<int> winners;
        std::array<std::string, kProcesses> holders;
        std::array<int, kProcesses> codes{};
        for (int i = 0; i < kProcesses; ++i) {
            char buffer[256];
            for (ssize_t n; (n = read(reports[std::size_t(i)], buffer, sizeof buffer)) > 0;)
                holders[std::size_t(i)].append(buffer, std::size_t(n));
            close(reports[std::size_t(i)]);
            codes[std::size_t(i)] = exitCodeOf(children[std::size_t(i)]);
            if (codes[std::size_t(i)] == 0)
                winners.push_back(i);
        }
        ASSERT_EQ(winners.size(), 1u);
        const std::string& winner = agents[std::size_t(winners[0])];
        for (int i = 0; i < kProcesses; ++i) {
            if (i == winners[0])
                continue;
            EXPECT_EQ(codes[std::size_t(i)], 3) << agents[std::size_t(i)];
            EXPECT_EQ(holders[std::size_t(i)], winner) << agents[std::size_t(i)];
        }
        expectOneClaimBy(conversation, winner);
    }
}

TEST_P(ClaimRaceTest, CliProcessesClaimingAtOnceHaveExactlyOneWinnerAndTheOthersExitThree)
{
    const std::string cli = EARSHOT_CLI_PATH;

    for (int round = 0; round < kRounds; ++round) {
        SCOPED_TRACE("round " + std::to_string(round));
        const std::int64_t conversation = freshConversation(round);
        ASSERT_GT(conversation, 0);

        // Everything the children need is built before fork: after it they only open
        // files, wait at the gate and exec.
        std::array<std::vector<std::string>, kProcesses> argvText;
        std::array<std::vector<char*>, kProcesses> argv;
        std::array<std::string, kProcesses> errPaths;
        for (int i = 0; i < kProcesses; ++i) {
            const auto slot = std::size_t(i);
            argvText[slot] = {cli, "--workspace", location, "inbox", "claim", std::to_string(conversation), "--agent",
                              agents[slot]};
            for (auto& word : argvText[slot])
                argv[slot].push_back(word.data());
            argv[slot].push_back(nullptr);
            errPaths[slot] = (workspace.dir() / ("claim-" + std::to_string(i) + ".err")).string();
        }

        StartGate gate;
        std::array<pid_t, kProcesses> children{};
        for (int i = 0; i < kProcesses; ++i) {
            const auto slot = std::size_t(i);
            const pid_t pid = fork();
            ASSERT_GE(pid, 0);
            if (pid == 0) {
                const int err = open(errPaths[slot].c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
                const int out = open("/dev/null", O_WRONLY);
                if (err < 0 || out < 0 || dup2(err, 2) < 0 || dup2(out, 1) < 0)
                    _exit(120);
                gate.wait();
                execv(argv[slot][0], argv[slot].data());
                _exit(121);
            }
            children[slot] = pid;
        }
        gate.open();

        std::array<int, kProcesses> codes{};
        std::vector<int> winners;
        for (int i = 0; i < kProcesses; ++i) {
            codes[std::size_t(i)] = exitCodeOf(children[std::size_t(i)]);
            if (codes[std::size_t(i)] == 0)
                winners.push_back(i);
        }
        ASSERT_EQ(winners.size(), 1u) << test::readFile(errPaths[0]) << test::readFile(errPaths[1]);
        const std::string& winner = agents[std::size_t(winners[0])];
        for (int i = 0; i < kProcesses; ++i) {
            if (i == winners[0])
                continue;
            const std::string err = test::readFile(errPaths[std::size_t(i)]);
            EXPECT_EQ(codes[std::size_t(i)], 3) << err;
            EXPECT_NE(err.find("already claimed by " + winner), std::string::npos) << err;
        }
        expectOneClaimBy(conversation, winner);
    }
}

INSTANTIATE_TEST_SUITE_P(Engines, ClaimRaceTest, ::testing::ValuesIn(test::workspaceFactories()), test::engineName);
