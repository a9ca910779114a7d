// Sixteen processes claim the same conversations, each going through all of them, so every
// conversation is contested sixteen times: thousands of claims, and each has exactly one
// winner, the one its row names and its log records; every loser was told that winner.
// ClaimRaceTest races a few processes for one conversation at a time; this one keeps the
// database's write lock contended for the whole run. Both run on each engine: on PostgreSQL the
// processes are a team's desktops, each with an agent's login.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "ChildProcess.h"
#include "InboxSeed.h"
#include "TempWorkspace.h"
#include "WorkspaceFactory.h"
#include "WorkspaceReads.h"
#include "earshot/inbox/Inbox.h"
#include "earshot/store/Workspace.h"

using namespace earshot;

namespace {

constexpr int kProcesses = 16;

std::string agentName(int i) { return "Agent " + std::to_string(i + 1); }

class ClaimStormTest : public ::testing::TestWithParam<test::WorkspaceFactory> {
protected:
    void SetUp() override
    {
        test::skipWhenUnavailable(GetParam());
        if (IsSkipped() || HasFatalFailure())
            return;
        location = GetParam().newLocation(workspace.dir());
    }

    // `count` fresh conversations nobody holds; every connection is closed again before a fork.
    std::vector<std::int64_t> freshConversations(int count)
    {
        std::vector<std::string> agents;
        for (int i = 0; i < kProcesses; ++i)
            agents.push_back(agentName(i));
        return test::seedInbox(location, agents, count, "storm");
    }

    // Each conversation: exactly one winner, who holds it in the row and in the one 'claimed' event.
    void expectOneWinnerEach(const std::vector<std::int64_t>& conversations,
                             const std::map<std::int64_t, std::vector<std::string>>& winners,
                             const std::map<std::int64_t, std::vector<std::string>>& toldHolders)
    {
        auto opened = store::Workspace::open(location, store::Workspace::Opening::Existing);
        ASSERT_TRUE(opened) << opened.message();
        auto session = test::readerOf(**opened);
        ASSERT_TRUE(session);
        for (std::int64_t id : conversations) {
            SCOPED_TRACE("conversation " + std::to_string(id));
            const auto won = winners.find(id);
            ASSERT_TRUE(won != winners.end()) << "nobody won it";
            ASSERT_EQ(won->second.size(), 1u) << "winners: " << won->second.size();
            const std::string& winner = won->second.front();
            auto detail = session->conversations().detail(id);
            ASSERT_TRUE(detail) << detail.message();
            EXPECT_EQ(detail->assignee, winner);
            EXPECT_EQ(detail->status, domain::ConversationStatus::Open);
            auto timeline = session->conversations().timeline(id);
            ASSERT_TRUE(timeline) << timeline.message();
            std::vector<std::string> claimedBy;
            for (const store::TimelineEntry& event : *timeline)
                if (event.kind == domain::EventKind::Claimed)
                    claimedBy.push_back(event.toValue.value_or(""));
            EXPECT_EQ(claimedBy, std::vector<std::string>{winner}) << "one 'claimed' event, naming the winner";
            const auto told = toldHolders.find(id);
            ASSERT_TRUE(told != toldHolders.end());
            EXPECT_EQ(told->second.size(), std::size_t(kProcesses - 1));
            for (const std::string& holder : told->second)
                EXPECT_EQ(holder, winner) << "a loser was told someone else holds it";
        }
    }

    test::TempWorkspace workspace;
    std::string location;
};

// Reads "<conversation> <won|lost|error> <holder or message>" lines a child wrote.
void readReport(const std::string& path, std::map<std::int64_t, std::vector<std::string>>& winners,
                std::map<std::int64_t, std::vector<std::string>>& toldHolders, std::vector<std::string>& errors)
{
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::int64_t id = 0;
        std::string what;
        words >> id >> what;
        std::string rest;
        std::getline(words >> std::ws, rest);
        if (what == "won")
            winners[id].push_back(rest);
        else if (what == "lost")
            toldHolders[id].push_back(rest);
        else
            errors.push_back(line);
    }
}

}  // namespace

TEST_P(ClaimStormTest, SixteenForkedProcessesClaimingThousandsOfConversationsHaveOneWinnerEach)
{
    const std::vector<std::int64_t> conversations = freshConversations(250);  // 4,000 claims
    ASSERT_FALSE(HasFailure());

    // A pipe whose write end the parent closes, so every child starts at the same moment.
    int gate[2];
    ASSERT_EQ(pipe(gate), 0);
    std::vector<pid_t> children;
    std::vector<std::string> reports;
    for (int i = 0; i < kProcesses; ++i)
        reports.push_back((workspace.dir() / ("storm-" + std::to_string(i) + ".txt")).string());
    for (int i = 0; i < kProcesses; ++i) {
        const pid_t pid = fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            close(gate[1]);
            FILE* report = std::fopen(reports[std::size_t(i)].c_str(), "w");
            auto opened = store::Workspace::open(location, store::Workspace::Opening::Existing);
            if (!report || !opened)
                _exit(1);
            inbox::Inbox inbox((*opened)->writer());
            const std::string agent = agentName(i);
            char byte = 0;
            while (read(gate[0], &byte, 1) > 0) {
            }
            // Each process in an order of its own, so wins do not all go to whoever starts first.
            std::vector<std::int64_t> order = conversations;
            std::shuffle(order.begin(), order.end(), std::mt19937(unsigned(i)));
            for (std::int64_t id : order) {
                auto outcome = inbox.claim(id, agent);
                if (!outcome)
                    std::fprintf(report, "%lld error %s\n", static_cast<long long>(id), outcome.message().c_str());
                else if (outcome->changed())
                    std::fprintf(report, "%lld won %s\n", static_cast<long long>(id), agent.c_str());
                else
                    std::fprintf(report, "%lld lost %s\n", static_cast<long long>(id), outcome->holder.c_str());
            }
            std::fclose(report);
            _exit(0);
        }
        children.push_back(pid);
    }
    close(gate[0]);
    close(gate[1]);
    for (pid_t child : children) {
        int status = 0;
        ASSERT_EQ(waitpid(child, &status, 0), child);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }

    std::map<std::int64_t, std::vector<std::string>> winners;
    std::map<std::int64_t, std::vector<std::string>> toldHolders;
    std::vector<std::string> errors;
    for (const std::string& report : reports)
        readReport(report, winners, toldHolders, errors);
    EXPECT_TRUE(errors.empty()) << errors.size() << " claims failed, e.g. " << (errors.empty() ? "" : errors.front());
    expectOneWinnerEach(conversations, winners, toldHolders);
    // The contest was real: more than one process won, so they ran at the same time.
    std::map<std::string, int> winsBy;
    for (const auto& [id, names] : winners)
        for (const std::string& name : names)
            ++winsBy[name];
    std::cout << "[          ] " << winsBy.size() << " of " << kProcesses << " processes won claims\n";
    EXPECT_GE(winsBy.size(), 2u);
}

TEST_P(ClaimStormTest, SixteenCliProcessesAtOnceHaveOneWinnerAndFifteenToldWho)
{
    const std::vector<std::int64_t> conversations = freshConversations(20);  // 320 earshot-cli runs
    ASSERT_FALSE(HasFailure());
    std::map<std::int64_t, std::vector<std::string>> winners;
    std::map<std::int64_t, std::vector<std::string>> toldHolders;
    for (std::int64_t id : conversations) {
        std::vector<std::unique_ptr<test::ChildProcess>> clis;
        std::vector<std::string> outputs;
        for (int i = 0; i < kProcesses; ++i) {
            outputs.push_back((workspace.dir() / ("cli-" + std::to_string(i) + ".out")).string());
            clis.push_back(std::make_unique<test::ChildProcess>(
                test::cliArgs(EARSHOT_CLI_PATH, location, {"inbox", "claim", std::to_string(id), "--agent", agentName(i)}),
                outputs.back()));
        }
        for (int i = 0; i < kProcesses; ++i) {
            const test::ChildRun run = clis[std::size_t(i)]->wait();
            const std::string output = test::readFile(outputs[std::size_t(i)]);
            if (run.exitCode == 0) {
                winners[id].push_back(agentName(i));
                continue;
            }
            // Exit code 3, and who has it.
            EXPECT_EQ(run.exitCode, 3) << output;
            const std::string marker = "already claimed by ";
            const auto at = output.find(marker);
            ASSERT_NE(at, std::string::npos) << output;
            // "…claimed by NAME; to take it over: …"
            const std::string holder = output.substr(at + marker.size(), output.find(';', at) - at - marker.size());
            toldHolders[id].push_back(holder);
        }
    }
    expectOneWinnerEach(conversations, winners, toldHolders);
}

INSTANTIATE_TEST_SUITE_P(Engines, ClaimStormTest, ::testing::ValuesIn(test::workspaceFactories()), test::engineName);
