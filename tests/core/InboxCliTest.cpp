// `earshot-cli inbox ...` and `agents ...` as a script uses them: exit codes (0 done,
// 1 refused, 2 usage, 3 someone else holds it), messages on stderr, JSON on stdout.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "TempWorkspace.h"
#include "earshot/inbox/Ingest.h"
#include "earshot/store/Mentions.h"
#include "earshot/store/SourceStore.h"
#include "earshot/store/Workspace.h"

using namespace earshot;

namespace {

struct CliRun {
    int exitCode = -1;
    std::string out;
    std::string err;
};

class InboxCliTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        addConversation();
        ASSERT_FALSE(conversation.empty());
        ASSERT_EQ(cli("agents add 'Eva de Graaf' --first-name Eva --languages nl,en --teams care").exitCode, 0);
        ASSERT_EQ(cli("agents add 'Daan Visser' --first-name Daan").exitCode, 0);
    }

    // Through the library, as one writer job on a workspace of its own that is closed again
    // before the CLI runs.
    Status write(const store::Writer::Work& work)
    {
        auto opened = store::Workspace::open(workspace.dbPath());
        if (!opened)
            return opened.error();
        return (*opened)->writer().run(work);
    }

    void addConversation()
    {
        store::Source source;
        source.url = "https://forum.example/feed.xml";
        source.name = "Forum";
        store::NewMention m;
        m.externalId = "q1";
        m.title = "Where is my parcel?";
        m.link = "https://forum.example/t/q1";
        m.author = {.platform = "feed:forum.example", .handle = "anna"};
        auto done = write([&](store::Session& session) -> Status {
            auto id = session.sources().add(source);
            if (!id)
                return id.error();
            auto stored = inbox::ingestMentions(session, *id, {m}, 1000);
            if (!stored)
                return stored.error();
            if (stored->conversationsCreated.size() != 1)
                return fail("q1 started no conversation of its own");
            conversation = std::to_string(stored->conversationsCreated.front());
            return Ok{};
        });
        ASSERT_TRUE(done) << done.message();
    }

    CliRun cli(const std::string& arguments)
    {
        const auto errPath = workspace.dir() / "stderr.txt";
        const std::string command = std::string(EARSHOT_CLI_PATH) + " --db '" + workspace.dbPath() + "' " +
                                    arguments + " 2>'" + errPath.string() + "'";
        CliRun run;
        FILE* pipe = popen(command.c_str(), "r");
        char buffer[4096];
        for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;)
            run.out.append(buffer, n);
        const int status = pclose(pipe);
        run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        run.err = test::readFile(errPath);
        return run;
    }

    test::TempWorkspace workspace;
    std::string conversation;
};

}  // namespace

TEST_F(InboxCliTest, AgentsAreAddedOnceAndListedAsJson)
{
    auto again = cli("agents add 'Eva de Graaf' --first-name Eva");
    EXPECT_EQ(again.exitCode, 1);
    EXPECT_NE(again.err.find("already an agent named"), std::string::npos) << again.err;
    EXPECT_EQ(cli("agents add Sophie").exitCode, 2);

    auto listed = cli("agents list --json");
    ASSERT_EQ(listed.exitCode, 0) << listed.err;
    const auto agents = nlohmann::json::parse(listed.out);
    ASSERT_EQ(agents.size(), 2u);
    EXPECT_EQ(agents[1]["name"], "Eva de Graaf");
    EXPECT_EQ(agents[1]["first_name"], "Eva");
    EXPECT_EQ(agents[1]["languages"], nlohmann::json({"nl", "en"}));
    EXPECT_EQ(agents[1]["teams"], nlohmann::json({"care"}));
    EXPECT_NE(cli("agents list").out.find("Daan Visser"), std::string::npos);
}

TEST_F(InboxCliTest, ClaimingTwiceAndByAColleagueGivesZeroThenThreeNamingTheHolder)
{
    auto claimed = cli("inbox claim " + conversation + " --agent 'Eva de Graaf'");
    ASSERT_EQ(claimed.exitCode, 0) << claimed.err;
    EXPECT_NE(claimed.out.find("claimed #" + conversation), std::string::npos) << claimed.out;
    EXPECT_EQ(cli("inbox claim " + conversation + " --agent 'Eva de Graaf'").exitCode, 0);

    auto lost = cli("inbox claim " + conversation + " --agent 'Daan Visser' --json");
    EXPECT_EQ(lost.exitCode, 3);
    EXPECT_NE(lost.err.find("already claimed by Eva de Graaf"), std::string::npos) << lost.err;
    EXPECT_NE(lost.err.find("inbox takeover " + conversation), std::string::npos) << lost.err;
    const auto result = nlohmann::json::parse(lost.out);
    EXPECT_EQ(result["result"], "held_by_other");
    EXPECT_EQ(result["holder"], "Eva de Graaf");

    auto resolve = cli("inbox resolve " + conversation + " --agent 'Daan Visser'");
    EXPECT_EQ(resolve.exitCode, 3);
    EXPECT_NE(resolve.err.find("held by Eva de Graaf"), std::string::npos) << resolve.err;

    auto taken = cli("inbox takeover " + conversation + " --agent 'Daan Visser' --json");
    ASSERT_EQ(taken.exitCode, 0) << taken.err;
    EXPECT_EQ(nlohmann::json::parse(taken.out)["result"], "changed");
    EXPECT_EQ(cli("inbox release " + conversation + " --agent 'Eva de Graaf'").exitCode, 3);
    EXPECT_EQ(cli("inbox release " + conversation + " --agent 'Daan Visser'").exitCode, 0);
    EXPECT_EQ(cli("inbox release " + conversation + " --agent 'Daan Visser'").exitCode, 1);
}

TEST_F(InboxCliTest, UnknownAgentsAreRefusedWithHowToAddThem)
{
    auto unknown = cli("inbox claim " + conversation + " --agent Ghost");
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_NE(unknown.err.find("no agent named 'Ghost'"), std::string::npos) << unknown.err;
    EXPECT_NE(unknown.err.find("earshot-cli agents add 'Ghost' --first-name"), std::string::npos) << unknown.err;

    auto toUnknown = cli("inbox assign " + conversation + " --agent 'Eva de Graaf' --to Ghost");
    EXPECT_EQ(toUnknown.exitCode, 1);
    EXPECT_NE(toUnknown.err.find("agents add 'Ghost'"), std::string::npos) << toUnknown.err;
}

TEST_F(InboxCliTest, WrongCommandLinesExitTwo)
{
    EXPECT_EQ(cli("inbox claim " + conversation).exitCode, 2);                       // no --agent
    EXPECT_EQ(cli("inbox claim --agent 'Eva de Graaf'").exitCode, 2);                // no ID
    EXPECT_EQ(cli("inbox claim abc --agent 'Eva de Graaf'").exitCode, 2);
    EXPECT_EQ(cli("inbox priority " + conversation + " --agent 'Eva de Graaf' --set asap").exitCode, 2);
    EXPECT_EQ(cli("inbox tag " + conversation + " --agent 'Eva de Graaf'").exitCode, 2);
    EXPECT_EQ(cli("inbox tag " + conversation + " --agent 'Eva de Graaf' --add 'a,b'").exitCode, 2);
    EXPECT_EQ(cli("inbox reply " + conversation + " --agent 'Eva de Graaf'").exitCode, 2);
    EXPECT_EQ(cli("inbox frobnicate").exitCode, 2);
    EXPECT_EQ(cli("inbox claim " + conversation + " --agent 'Eva de Graaf' --bogus").exitCode, 2);
    auto help = cli("inbox --help");
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_NE(help.out.find("inbox takeover ID --agent NAME"), std::string::npos);
    EXPECT_EQ(cli("agents --help").exitCode, 0);
    EXPECT_EQ(cli("inbox claim 999 --agent 'Eva de Graaf'").exitCode, 1);
}

TEST_F(InboxCliTest, AWholeConversationShowsUpInTheTimeline)
{
    const std::string as = " --agent 'Eva de Graaf'";
    ASSERT_EQ(cli("inbox claim " + conversation + as).exitCode, 0);
    ASSERT_EQ(cli("inbox tag " + conversation + as + " --add Delivery --add urgent-ish").exitCode, 0);
    auto untagged = cli("inbox tag " + conversation + as + " --remove urgent-ish --add delivery --json");
    ASSERT_EQ(untagged.exitCode, 0) << untagged.err;
    const auto tagResult = nlohmann::json::parse(untagged.out);
    EXPECT_EQ(tagResult["tags"], nlohmann::json({"delivery"}));
    ASSERT_EQ(tagResult["results"].size(), 2u);
    EXPECT_EQ(tagResult["results"][0]["result"], "unchanged");   // --add runs first: already tagged
    EXPECT_EQ(tagResult["results"][1]["result"], "changed");
    ASSERT_EQ(cli("inbox priority " + conversation + as + " --set high").exitCode, 0);
    ASSERT_EQ(cli("inbox note " + conversation + " --agent 'Daan Visser' --text 'Courier delay'").exitCode, 0);
    ASSERT_EQ(cli("inbox draft " + conversation + as + " --set 'Hi Anna'").exitCode, 0);
    EXPECT_EQ(cli("inbox draft " + conversation + as).out, "Hi Anna\n");

    auto replied = cli("inbox reply " + conversation + as + " --text 'Hi Anna, it ships today.'");
    ASSERT_EQ(replied.exitCode, 0) << replied.err;
    EXPECT_NE(replied.out.find("recorded off-platform"), std::string::npos) << replied.out;
    EXPECT_NE(replied.out.find("https://forum.example/t/q1"), std::string::npos) << replied.out;
    EXPECT_EQ(cli("inbox draft " + conversation + as).out, "(no draft)\n");
    // The same checks as the console: an IBAN in a reply is refused until overridden with a reason.
    auto checked = cli("inbox reply " + conversation + as + " --text 'IBAN NL91ABNA0417164300' --off-platform");
    EXPECT_EQ(checked.exitCode, 1);
    EXPECT_NE(checked.err.find("not sent"), std::string::npos) << checked.err;
    EXPECT_NE(checked.err.find("--override iban:REASON"), std::string::npos) << checked.err;
    auto explicitly = cli("inbox reply " + conversation + as +
                          " --text 'IBAN NL91ABNA0417164300' --off-platform --override 'iban:our refund account' --json");
    ASSERT_EQ(explicitly.exitCode, 0) << explicitly.err;
    EXPECT_EQ(nlohmann::json::parse(explicitly.out)["result"], "changed");
    EXPECT_TRUE(nlohmann::json::parse(explicitly.out)["id"].is_number());

    ASSERT_EQ(cli("inbox pending " + conversation + as).exitCode, 0);
    ASSERT_EQ(cli("inbox resolve " + conversation + as).exitCode, 0);
    auto pendingAgain = cli("inbox pending " + conversation + as);
    EXPECT_EQ(pendingAgain.exitCode, 1);
    EXPECT_NE(pendingAgain.err.find("reopen it"), std::string::npos) << pendingAgain.err;
    ASSERT_EQ(cli("inbox reopen " + conversation + as).exitCode, 0);
    ASSERT_EQ(cli("inbox spam " + conversation + as).exitCode, 0);
    ASSERT_EQ(cli("inbox assign " + conversation + as + " --to 'Daan Visser' --note 'yours now'").exitCode, 0);

    auto listed = cli("inbox timeline " + conversation + " --json");
    ASSERT_EQ(listed.exitCode, 0) << listed.err;
    std::vector<std::string> kinds;
    const auto events = nlohmann::json::parse(listed.out);
    for (const auto& e : events)
        kinds.push_back(e["kind"].get<std::string>());
    EXPECT_EQ(kinds, (std::vector<std::string>{"conversation_created", "claimed", "status", "tagged", "tagged",
                                               "untagged", "priority", "note", "replied", "replied",
                                               "check_overridden", "status", "status", "status", "status",
                                               "assigned"}));
    EXPECT_EQ(events[3]["to"], "delivery");
    EXPECT_EQ(events[6]["from"], "normal");
    EXPECT_EQ(events[6]["to"], "high");
    EXPECT_EQ(events[7]["actor"], "Daan Visser");
    EXPECT_EQ(events[8]["to"], "off-platform");
    EXPECT_EQ(events[15]["detail"], "yours now");
    EXPECT_TRUE(events[0]["from"].is_null());
    EXPECT_EQ(events[0]["at"], "1970-01-01T00:16:40Z");

    auto table = cli("inbox timeline " + conversation);
    EXPECT_EQ(table.exitCode, 0);
    EXPECT_NE(table.out.find("check_overridden"), std::string::npos) << table.out;
    EXPECT_EQ(cli("inbox timeline 999").exitCode, 1);
}

TEST_F(InboxCliTest, ReopenedListsWhatCustomersReopenedForTheAgent)
{
    const std::string as = " --agent 'Eva de Graaf'";
    ASSERT_EQ(cli("inbox resolve " + conversation + as).exitCode, 0);
    auto none = cli("inbox reopened" + as + " --since 1970-01-01 --json");
    ASSERT_EQ(none.exitCode, 0) << none.err;
    EXPECT_EQ(nlohmann::json::parse(none.out).size(), 0u);

    {
        store::NewMention m;
        m.externalId = "q2";
        m.body = "Still nothing!";
        m.replyTo = "q1";
        m.author = {.platform = "feed:forum.example", .handle = "anna"};
        auto done = write([&](store::Session& session) -> Status {
            auto source = session.sources().find("Forum");
            if (!source)
                return source.error();
            auto stored = inbox::ingestMentions(session, source->id, {m}, 5000);
            return stored ? Status(Ok{}) : Status(stored.error());
        });
        ASSERT_TRUE(done) << done.message();
    }
    auto told = cli("inbox reopened" + as + " --since 1970-01-01 --json");
    ASSERT_EQ(told.exitCode, 0) << told.err;
    const auto rows = nlohmann::json::parse(told.out);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(std::to_string(rows[0]["conversation_id"].get<std::int64_t>()), conversation);
    EXPECT_EQ(rows[0]["from"], "resolved");
    EXPECT_EQ(rows[0]["status"], "open");
    EXPECT_EQ(rows[0]["snippet"], "Still nothing!");
    EXPECT_EQ(cli("inbox reopened --since 1d").exitCode, 2);
}
