// `earshot-cli canned ...` and `earshot-cli check-reply` as scripts use them: exit codes,
// stdout and stderr.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "TempWorkspace.h"
#include "earshot/checks/SettingsRepository.h"
#include "earshot/inbox/AgentRepository.h"
#include "earshot/store/CannedReplyStore.h"
#include "earshot/store/Mentions.h"

using namespace earshot;

namespace {

struct CliRun {
    int exitCode = -1;
    std::string out;
    std::string err;
};

// Single quotes for the shell, so reply texts can hold anything.
std::string quoted(const std::string& text)
{
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

class CannedCliTest : public ::testing::Test {
protected:
    CliRun cli(const std::string& arguments)
    {
        const auto errPath = workspace.dir() / "stderr.txt";
        const std::string command = std::string(EARSHOT_CLI_PATH) + " --db " + quoted(workspace.dbPath()) + " " +
                                    arguments + " 2>" + quoted(errPath.string());
        CliRun run;
        FILE* pipe = popen(command.c_str(), "r");
        char buffer[4096];
        for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;)
            run.out.append(buffer, n);
        const int status = pclose(pipe);
        run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        std::ifstream err(errPath);
        std::ostringstream text;
        text << err.rdbuf();
        run.err = text.str();
        return run;
    }

    test::TempWorkspace workspace;
};

}  // namespace

TEST_F(CannedCliTest, AddListAndRemoveCannedReplies)
{
    auto added = cli("canned add bedankt --language nl --text " + quoted("Dank je, {customer.name}! ^{agent.first_name}"));
    ASSERT_EQ(added.exitCode, 0) << added.err;
    ASSERT_EQ(cli("canned add bedankt --language en --text 'Thanks!'").exitCode, 0);

    auto listed = cli("canned list --json");
    ASSERT_EQ(listed.exitCode, 0) << listed.err;
    auto rows = nlohmann::json::parse(listed.out);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0]["name"], "bedankt");
    EXPECT_EQ(rows[0]["language"], "en");
    EXPECT_EQ(rows[1]["text"], "Dank je, {customer.name}! ^{agent.first_name}");

    auto table = cli("canned list");
    EXPECT_EQ(table.exitCode, 0);
    EXPECT_NE(table.out.find("bedankt"), std::string::npos);

    auto duplicate = cli("canned add bedankt --language nl --text 'Nog eens'");
    EXPECT_EQ(duplicate.exitCode, 1);
    EXPECT_NE(duplicate.err.find("already exists"), std::string::npos);

    auto unknown = cli("canned add hoi --language nl --text 'Hoi {klant}'");
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_NE(unknown.err.find("{klant}"), std::string::npos);

    EXPECT_EQ(cli("canned add hoi --text 'Hoi'").exitCode, 2);           // no language
    EXPECT_EQ(cli("canned add hoi --language nl").exitCode, 2);          // no text
    EXPECT_EQ(cli("canned frobnicate").exitCode, 2);

    EXPECT_EQ(cli("canned remove bedankt --language en").exitCode, 0);
    EXPECT_EQ(cli("canned remove bedankt --language en").exitCode, 1);
    EXPECT_EQ(nlohmann::json::parse(cli("canned list --json").out).size(), 1u);
}

TEST_F(CannedCliTest, RenderFillsInAConversationAndReportsWhatIsMissing)
{
    store::Source source;
    source.url = "https://forum.example/feed";
    source.name = "Forum";
    const std::int64_t sourceId = workspace.addSource(source);
    ASSERT_NE(sourceId, 0);
    store::NewMention mention{.externalId = "1", .title = "Help", .link = "https://forum.example/t/1",
                              .author = {.platform = "discourse", .handle = "anna", .displayName = "Anna"}};
    const auto created = workspace.ingest(sourceId, {mention}, 1000).conversationsCreated;
    ASSERT_EQ(created.size(), 1u);
    const std::int64_t conversationId = created.front();
    ASSERT_TRUE(workspace.open().writer().run([](store::Session& session) -> Status {
        if (auto added = inbox::AgentRepository(session).add({.name = "Sanne Visser", .firstName = "Sanne"}); !added)
            return added.error();
        return Ok{};
    }));
    ASSERT_EQ(cli("canned add hoi --language nl --text " +
                  quoted("Hoi {customer.name}, zie {conversation.link}. Groet, {agent.first_name}"))
                  .exitCode,
              0);
    const std::string id = std::to_string(conversationId);

    auto rendered = cli("canned render hoi --language nl --conversation " + id + " --agent 'Sanne Visser'");
    EXPECT_EQ(rendered.exitCode, 0) << rendered.err;
    EXPECT_EQ(rendered.out, "Hoi Anna, zie https://forum.example/t/1. Groet, Sanne\n");

    auto unresolved = cli("canned render hoi --language nl --conversation " + id + " --agent Onbekend");
    EXPECT_EQ(unresolved.exitCode, 1);
    EXPECT_EQ(unresolved.out, "Hoi Anna, zie https://forum.example/t/1. Groet, {agent.first_name}\n");
    EXPECT_NE(unresolved.err.find("{agent.first_name}"), std::string::npos);

    auto noConversation = cli("canned render hoi --language nl --conversation 9999 --agent Onbekend");
    EXPECT_EQ(noConversation.exitCode, 1);
    EXPECT_NE(noConversation.err.find("no conversation 9999"), std::string::npos);
    EXPECT_EQ(cli("canned render hoi --language nl --conversation abc").exitCode, 2);
    EXPECT_EQ(cli("canned render onbekend --language nl --conversation " + id).exitCode, 1);

    // A template stored before a variable was renamed (written around the repository's check).
    ASSERT_TRUE(workspace.open().writer().run([](store::Session& session) -> Status {
        if (auto stored = session.cannedReplies().insert({.name = "oud", .language = "nl", .body = "Hoi {klant.naam}"});
            !stored)
            return stored.error();
        return Ok{};
    }));
    auto unknown = cli("canned render oud --language nl --conversation " + id + " --agent 'Sanne Visser'");
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_NE(unknown.err.find("unknown variable(s): {klant.naam}"), std::string::npos) << unknown.err;
}

TEST_F(CannedCliTest, CheckReplyExitsOneWithFindings)
{
    auto clean = cli("check-reply --text " + quoted("Je bestelling 4821-339 komt om 14:30. Groet, Sanne") +
                     " --platform mastodon");
    EXPECT_EQ(clean.exitCode, 0) << clean.err;
    EXPECT_EQ(clean.out, "no findings\n");

    auto flagged = cli("check-reply --text " + quoted("Bel 06-12345678 of mail anna@example.nl"));
    EXPECT_EQ(flagged.exitCode, 1);
    EXPECT_NE(flagged.out.find("phone \"06-12345678\": Phone number"), std::string::npos) << flagged.out;
    EXPECT_NE(flagged.out.find("email \"anna@example.nl\""), std::string::npos) << flagged.out;

    auto json = cli("check-reply --json --platform bluesky --text " + quoted(std::string(301, 'a')));
    EXPECT_EQ(json.exitCode, 1);
    auto findings = nlohmann::json::parse(json.out);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0]["id"], "length");
    EXPECT_EQ(findings[0]["span"]["offset"], 300);
    EXPECT_FALSE(findings[0]["message_nl"].get<std::string>().empty());

    EXPECT_EQ(cli("check-reply --text ' '").exitCode, 1);
    EXPECT_EQ(cli("check-reply").exitCode, 2);
    EXPECT_EQ(cli("check-reply --text hoi --limit nul").exitCode, 2);
    EXPECT_EQ(cli("check-reply --text hoi --private --limit 2").exitCode, 1);
}

TEST_F(CannedCliTest, CheckReplyFollowsTheWorkspaceSignatureSetting)
{
    const std::string text = quoted("Graag gedaan! ^SV");
    EXPECT_EQ(cli("check-reply --agent-first-name Sanne --text " + text).exitCode, 0);   // no workspace yet
    ASSERT_TRUE(workspace.open().writer().run([](store::Session& session) {
        return checks::SettingsRepository(session).set(checks::kSignatureRequiredKey, checks::kSignatureNamed);
    }));
    auto refused = cli("check-reply --agent-first-name Sanne --text " + text);
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.out.find("signature: Sign with your first name (^Sanne)"), std::string::npos) << refused.out;
    EXPECT_EQ(cli("check-reply --agent-first-name Sanne --text 'Graag gedaan! ^Sanne'").exitCode, 0);
    EXPECT_EQ(cli("check-reply --signature off --agent-first-name Sanne --text " + text).exitCode, 0);
    EXPECT_EQ(cli("check-reply --signature maybe --text " + text).exitCode, 2);
}
