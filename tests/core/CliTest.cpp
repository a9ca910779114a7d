// Drives the real earshot-cli binary as a script would: exit codes, stdout, stderr.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>

#include <nlohmann/json.hpp>

#include "FeedFactory.h"
#include "TempWorkspace.h"
#include "earshot/connectors/Connector.h"
#include "TestHttpServer.h"
#include "earshot/store/SourceStore.h"

using namespace earshot;

namespace {

struct CliRun {
    int exitCode = -1;
    std::string out;
    std::string err;
};

class CliTest : public ::testing::Test {
protected:
    // `environment`: "NAME=value …" set for this run only.
    CliRun cli(const std::string& arguments, const std::string& environment = {})
    {
        const auto errPath = workspace.dir() / "stderr.txt";
        const std::string command = (environment.empty() ? "" : "env " + environment + " ") +
                                    std::string(EARSHOT_CLI_PATH) + " --db '" + workspace.dbPath() + "' " +
                                    arguments + " 2>'" + errPath.string() + "'";
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
    test::TestHttpServer http;
};

}  // namespace

TEST_F(CliTest, AddListPollAndListMentionsAsJson)
{
    http.server().Get("/feed.xml", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(test::rssFeed(7), "application/rss+xml");
    });
    auto added = cli("sources add " + http.url("/feed.xml") + " --name Forum --interval 600 --include 'acme, acme corp'");
    ASSERT_EQ(added.exitCode, 0) << added.err;
    auto listed = cli("sources list --json");
    ASSERT_EQ(listed.exitCode, 0) << listed.err;
    auto sources = nlohmann::json::parse(listed.out);
    ASSERT_EQ(sources.size(), 1u);
    EXPECT_EQ(sources[0]["name"], "Forum");
    EXPECT_EQ(sources[0]["interval_seconds"], 600);
    EXPECT_EQ(sources[0]["include"], nlohmann::json({"acme", "acme corp"}));

    auto polled = cli("poll --once");
    EXPECT_EQ(polled.exitCode, 0) << polled.err;
    EXPECT_NE(polled.out.find("7 new, 0 known"), std::string::npos) << polled.out;

    auto mentions = cli("mentions list --limit 3 --json");
    ASSERT_EQ(mentions.exitCode, 0) << mentions.err;
    auto rows = nlohmann::json::parse(mentions.out);
    ASSERT_TRUE(rows.is_array());
    EXPECT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0]["source"], "Forum");

    auto found = cli("mentions list --search 'item AND 4' --json");
    ASSERT_EQ(found.exitCode, 0) << found.err;
    EXPECT_EQ(nlohmann::json::parse(found.out).size(), 1u);

    auto table = cli("sources list");
    EXPECT_NE(table.out.find("ok"), std::string::npos) << table.out;
}

TEST_F(CliTest, WorkspaceInitCreatesADeskWorkspaceAndSaysWhere)
{
    const CliRun made = cli("workspace init");
    EXPECT_EQ(made.exitCode, 0) << made.err;
    EXPECT_EQ(made.out, "workspace " + workspace.dbPath() + " is ready (schema " +
                            std::to_string(workspace.open().check().value().programSchemaVersion) + ")\n");
    const CliRun again = cli("--workspace '" + workspace.dbPath() + "' db check");
    EXPECT_EQ(again.exitCode, 0) << again.err;
    EXPECT_NE(again.out.find("integrity: ok"), std::string::npos) << again.out;
    const CliRun wrong = cli("workspace create");
    EXPECT_EQ(wrong.exitCode, 2);
    EXPECT_EQ(wrong.err, "earshot-cli: unknown workspace command 'create' (see --help)\n");
}

TEST_F(CliTest, PollFailsOnlyWhenEverySourceFails)
{
    http.server().Get("/down", [](const httplib::Request&, httplib::Response& res) { res.status = 503; });
    ASSERT_EQ(cli("sources add " + http.url("/down")).exitCode, 0);
    auto allFailed = cli("poll --once");
    EXPECT_EQ(allFailed.exitCode, 1);
    EXPECT_NE(allFailed.out.find("503"), std::string::npos) << allFailed.out;

    http.server().Get("/up", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(test::rssFeed(1), "application/rss+xml");
    });
    ASSERT_EQ(cli("sources add " + http.url("/up")).exitCode, 0);
    EXPECT_EQ(cli("poll --once").exitCode, 0);
    auto list = cli("sources list");
    EXPECT_NE(list.out.find("failing"), std::string::npos) << list.out;
}

TEST_F(CliTest, WrongInputGetsAClearErrorAndExitCodeTwo)
{
    auto unknown = cli("sources list --jsn");
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_NE(unknown.err.find("unknown option --jsn"), std::string::npos) << unknown.err;

    auto interval = cli("sources add https://example.org/feed --interval 5");
    EXPECT_EQ(interval.exitCode, 2);
    EXPECT_NE(interval.err.find("--interval must be a whole number from 60"), std::string::npos) << interval.err;
    EXPECT_EQ(cli("sources add https://example.org/feed --interval 30").exitCode, 2)
        << "the console's minimum (a minute) is the command line's too";

    auto scheme = cli("sources add ftp://example.org/feed");
    EXPECT_EQ(scheme.exitCode, 2);
    EXPECT_NE(scheme.err.find("unsupported URL scheme"), std::string::npos);

    auto command = cli("frobnicate");
    EXPECT_EQ(command.exitCode, 2);
    EXPECT_NE(command.err.find("unknown command"), std::string::npos);

    auto since = cli("mentions list --since yesterday");
    EXPECT_EQ(since.exitCode, 2);
    EXPECT_NE(since.err.find("cannot read the time"), std::string::npos);

    auto twice = cli("sources add https://example.org/feed");
    ASSERT_EQ(twice.exitCode, 0);
    auto duplicate = cli("sources add https://example.org/feed");
    EXPECT_EQ(duplicate.exitCode, 1);
    EXPECT_NE(duplicate.err.find("already exists"), std::string::npos);
}

TEST_F(CliTest, ABareHostIsReadAsHttpsAsTheConsoleReadsIt)
{
    auto added = cli("sources add forum.example/latest.rss");
    ASSERT_EQ(added.exitCode, 0) << added.err;
    EXPECT_NE(added.out.find("https://forum.example/latest.rss"), std::string::npos) << added.out;
    const auto sources = workspace.reader()->sources().list();
    ASSERT_TRUE(sources) << sources.message();
    ASSERT_EQ(sources->size(), 1u);
    EXPECT_EQ(sources->front().url, "https://forum.example/latest.rss");
}

TEST_F(CliTest, SourcesHelpListsEveryKindWithItsOptionsAndSecrets)
{
    auto help = cli("sources --help");
    ASSERT_EQ(help.exitCode, 0);
    for (const connectors::Connector* connector : connectors::allConnectors()) {
        EXPECT_NE(help.out.find("  " + std::string(connector->kind()) + " "), std::string::npos) << connector->kind();
        for (const connectors::FieldInfo& field : connector->kindInfo().fields)
            EXPECT_NE(help.out.find("--" + std::string(field.name) + " " + std::string(field.metavar)), std::string::npos)
                << field.name;
        if (connector->credentialVariable().size())
            EXPECT_NE(help.out.find(std::string(connector->credentialVariable())), std::string::npos);
    }
}

TEST_F(CliTest, EveryCommandHasHelp)
{
    for (const char* command : {"sources", "poll", "run", "mentions", "parse-feed", "db"}) {
        auto help = cli(std::string(command) + " --help");
        EXPECT_EQ(help.exitCode, 0) << command;
        EXPECT_NE(help.out.find("usage: earshot-cli"), std::string::npos) << command;
    }
}

TEST_F(CliTest, OpmlRoundTrip)
{
    const auto opml = workspace.writeFile("subs.opml", R"opml(<?xml version="1.0"?><opml version="1.0"><body>
        <outline text="Brand"><outline text="Blog" type="rss" xmlUrl="https://blog.example/feed"/>
        <outline text="Forum" type="rss" xmlUrl="https://forum.example/latest.rss"/>
        <outline text="Trap" type="rss" xmlUrl="javascript:alert(1)"/></outline></body></opml>)opml");
    auto imported = cli("sources import-opml " + opml.string());
    ASSERT_EQ(imported.exitCode, 0) << imported.err;
    EXPECT_NE(imported.out.find("imported 2"), std::string::npos);
    EXPECT_NE(imported.err.find("skipped javascript:alert(1): 'javascript:alert(1)' is not a feed address"),
              std::string::npos)
        << imported.err;
    auto again = cli("sources import-opml " + opml.string());
    EXPECT_NE(again.out.find("skipped 3"), std::string::npos) << again.out;
    auto exported = cli("sources export-opml");
    EXPECT_NE(exported.out.find("xmlUrl=\"https://forum.example/latest.rss\""), std::string::npos);
    EXPECT_NE(exported.out.find("text=\"Blog\""), std::string::npos);

    auto notOpml = cli("sources import-opml " + workspace.writeFile("x.txt", "hello").string());
    EXPECT_EQ(notOpml.exitCode, 1);
    EXPECT_NE(notOpml.err.find("not an OPML"), std::string::npos);
}

TEST_F(CliTest, RemoveKeepsHistory)
{
    http.server().Get("/feed.xml", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(test::rssFeed(2), "application/rss+xml");
    });
    ASSERT_EQ(cli("sources add " + http.url("/feed.xml") + " --name Forum").exitCode, 0);
    ASSERT_EQ(cli("poll --once").exitCode, 0);
    auto removed = cli("sources remove Forum");
    EXPECT_EQ(removed.exitCode, 0) << removed.err;
    EXPECT_EQ(nlohmann::json::parse(cli("sources list --json").out).size(), 0u);
    EXPECT_EQ(nlohmann::json::parse(cli("mentions list --json").out).size(), 2u);
    EXPECT_EQ(cli("sources remove Forum").exitCode, 1);
}

TEST_F(CliTest, EditChangesOnlyWhatIsGivenAndTheSourcesPriorityReachesNewConversations)
{
    http.server().Get("/feed.xml", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(test::rssFeed(2), "application/rss+xml");
    });
    ASSERT_EQ(cli("sources add " + http.url("/feed.xml") + " --name Status --include outage --priority high").exitCode,
              0);
    auto edited = cli("sources edit Status --interval 600 --include '' --priority urgent");
    ASSERT_EQ(edited.exitCode, 0) << edited.err;
    EXPECT_NE(edited.out.find("new conversations urgent"), std::string::npos) << edited.out;
    const auto source = nlohmann::json::parse(cli("sources list --json").out).at(0);
    EXPECT_EQ(source["name"], "Status");
    EXPECT_EQ(source["interval_seconds"], 600);
    EXPECT_EQ(source["include"], nlohmann::json::array());
    EXPECT_EQ(source["priority"], "urgent");

    ASSERT_EQ(cli("poll --once").exitCode, 0);
    const auto conversations = nlohmann::json::parse(cli("inbox list --status all --json").out);
    ASSERT_EQ(conversations.size(), 2u);
    for (const auto& c : conversations)
        EXPECT_EQ(c["priority"], "urgent");

    auto wrong = cli("sources edit Status --priority asap");
    EXPECT_EQ(wrong.exitCode, 2);
    EXPECT_NE(wrong.err.find("low, normal, high or urgent"), std::string::npos) << wrong.err;
    EXPECT_EQ(cli("sources edit Nonexistent --priority low").exitCode, 1);
    EXPECT_EQ(cli("sources edit Status --enable --disable").exitCode, 2);
}

TEST_F(CliTest, DbCheckReportsSchemaAndIntegrity)
{
    ASSERT_EQ(cli("sources add https://example.org/feed").exitCode, 0);
    auto check = cli("db check");
    EXPECT_EQ(check.exitCode, 0) << check.err;
    EXPECT_NE(check.out.find("integrity: ok"), std::string::npos);
    // A workspace the CLI just created has the schema this program writes.
    std::smatch versions;
    ASSERT_TRUE(std::regex_search(check.out, versions, std::regex(R"(schema version: (\d+) \(this program: (\d+)\))")))
        << check.out;
    EXPECT_EQ(versions[1].str(), versions[2].str());
    EXPECT_GT(std::stoi(versions[1].str()), 0);
}

TEST_F(CliTest, ParseFeedResolvesRelativeLinksAgainstTheFilesOwnFolder)
{
    const auto feed = workspace.writeFile(
        "feeds/local.xml", "<rss version=\"2.0\"><channel><title>t</title><item><title>x</title>"
                           "<link>posts/1.html</link></item></channel></rss>");
    // Started elsewhere, with a path relative to the working directory.
    const std::string command = "cd '" + workspace.dir().string() + "' && " + EARSHOT_CLI_PATH +
                                " parse-feed feeds/local.xml";
    FILE* pipe = popen(command.c_str(), "r");
    std::string out;
    char buffer[4096];
    for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;)
        out.append(buffer, n);
    ASSERT_EQ(pclose(pipe), 0);
    const auto entry = nlohmann::json::parse(out)["entries"].at(0);
    EXPECT_EQ(entry["link"], "file://" + (feed.parent_path() / "posts/1.html").lexically_normal().string());
}

TEST_F(CliTest, ParseFeedRejectsWhatIsNotAFeed)
{
    auto page = cli("parse-feed " + workspace.writeFile("page.html", "<html><body>hi</body></html>").string());
    EXPECT_NE(page.exitCode, 0);
    EXPECT_FALSE(page.err.empty());
    EXPECT_EQ(page.err.find('\n'), page.err.size() - 1) << "one line: " << page.err;
    auto missing = cli("parse-feed /nonexistent/feed.xml");
    EXPECT_NE(missing.exitCode, 0);
    EXPECT_NE(missing.err.find("cannot read"), std::string::npos);
}

TEST_F(CliTest, LogsToAFileBesideTheDatabaseAndHonoursVerboseAndQuiet)
{
    http.server().Get("/gone", [](const httplib::Request&, httplib::Response& res) { res.status = 410; });
    ASSERT_EQ(cli("sources add " + http.url("/gone")).exitCode, 0);
    auto verbose = cli("--verbose poll --once");
    EXPECT_NE(verbose.err.find("debug"), std::string::npos) << verbose.err;
    auto quiet = cli("--quiet sources list");
    EXPECT_EQ(quiet.err, "");
    const auto log = test::readFile(workspace.dir() / "earshot.log");
    EXPECT_NE(log.find("410"), std::string::npos) << log;
}

TEST_F(CliTest, AddsAPlatformSourceAndReadsItsTokenFromTheEnvironment)
{
    std::string authorization;
    http.server().Get("/api/v1/timelines/tag/vondelfiets", [&](const httplib::Request& request, httplib::Response& res) {
        authorization = request.get_header_value("Authorization");
        res.set_content(R"([{"id":"9","uri":"https://social.example/users/a/statuses/9","url":"https://social.example/@a/9",
                            "created_at":"2026-11-30T10:00:00Z","content":"<p>Mijn #vondelfiets!</p>",
                            "account":{"acct":"a","display_name":"A","url":"https://social.example/@a"}}])",
                        "application/json");
    });
    auto missing = cli("sources add --kind mastodon-tag --instance social.example");
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_NE(missing.err.find("the hashtag (--tag) is needed for a mastodon-tag source"), std::string::npos) << missing.err;
    auto latin1 = cli("sources add --kind mastodon-tag --instance social.example --tag \"$(printf 'caf\\351')\"");
    EXPECT_EQ(latin1.exitCode, 2);
    EXPECT_NE(latin1.err.find("--tag is not UTF-8 text"), std::string::npos) << latin1.err;
    auto withUrl = cli("sources add https://x.example/feed --kind hn-search --query x");
    EXPECT_EQ(withUrl.exitCode, 2);
    EXPECT_NE(withUrl.err.find("takes no URL"), std::string::npos) << withUrl.err;

    auto added = cli("sources add --kind mastodon-tag --instance social.example --tag vondelfiets --api " + http.url(""));
    ASSERT_EQ(added.exitCode, 0) << added.err;
    // A token is given only to the server EARSHOT_MASTODON_HOST names, never to another.
    cli("poll --once", "EARSHOT_MASTODON_TOKEN=t0ken EARSHOT_MASTODON_HOST=mastodon.example");
    EXPECT_EQ(authorization, "") << "the token went to a server it was not for";
    const std::string host = "EARSHOT_MASTODON_HOST=127.0.0.1:" + std::to_string(http.port());
    auto polled = cli("poll --once", "EARSHOT_MASTODON_TOKEN=t0ken " + host);
    EXPECT_NE(polled.out.find("0 new, 1 known  [1] #vondelfiets on social.example"), std::string::npos) << polled.out;
    EXPECT_EQ(authorization, "Bearer t0ken");
    auto sources = nlohmann::json::parse(cli("sources list --json").out);
    EXPECT_EQ(sources[0]["kind"], "mastodon-tag");
    EXPECT_EQ(sources[0]["state"], "ok");
    EXPECT_EQ(sources[0].dump().find("t0ken"), std::string::npos);
}

TEST_F(CliTest, RepliesOnMastodonAndResendsAFailedReplyWithTheSameKey)
{
    http.server().Get("/api/v1/timelines/tag/vondelfiets", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(R"([{"id":"9","uri":"https://social.example/users/a/statuses/9","url":"https://social.example/@a/9",
                            "created_at":"2026-11-30T10:00:00Z","content":"<p>Mijn #vondelfiets piept</p>",
                            "account":{"acct":"a@social.example","display_name":"A","url":"https://social.example/@a"}}])",
                        "application/json");
    });
    std::vector<std::string> keys;
    http.server().Post("/api/v1/statuses", [&](const httplib::Request& request, httplib::Response& res) {
        keys.push_back(request.get_header_value("Idempotency-Key"));
        if (keys.size() == 1) {
            res.status = 500;
            return;
        }
        res.set_content(R"({"id":"77","url":"https://social.example/@brand/77"})", "application/json");
    });
    ASSERT_EQ(cli("sources add --kind mastodon-tag --instance social.example --tag vondelfiets --api " + http.url("")).exitCode, 0);
    ASSERT_EQ(cli("poll --once").exitCode, 0);
    ASSERT_EQ(cli("agents add 'Eva de Graaf' --first-name Eva").exitCode, 0);
    const std::string host = "EARSHOT_MASTODON_HOST=127.0.0.1:" + std::to_string(http.port());

    auto failed = cli("inbox reply 1 --agent 'Eva de Graaf' --text 'Dank je! Eva' --visibility unlisted",
                      "EARSHOT_MASTODON_TOKEN=t0ken " + host);
    EXPECT_EQ(failed.exitCode, 1);
    EXPECT_NE(failed.err.find("reply 1 is recorded but was not posted"), std::string::npos) << failed.err;
    EXPECT_NE(failed.err.find("earshot-cli inbox resend 1 --agent 'Eva de Graaf'"), std::string::npos) << failed.err;

    auto resent = cli("inbox resend 1 --agent 'Eva de Graaf'", "EARSHOT_MASTODON_TOKEN=t0ken " + host);
    EXPECT_EQ(resent.exitCode, 0) << resent.err;
    EXPECT_NE(resent.out.find("posted reply 1 on #1: https://social.example/@brand/77"), std::string::npos) << resent.out;
    ASSERT_EQ(keys.size(), 2u);
    EXPECT_EQ(keys[0], keys[1]);
    EXPECT_EQ(cli("inbox resend 1 --agent 'Eva de Graaf'").exitCode, 1);  // already posted
}
