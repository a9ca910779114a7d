// `earshot-cli workspace copy FROM TO` between the engines, as a team moving a desk onto its
// server and an analyst taking a copy home would run it: everything arrives, the comparison
// says so, and the copy works on as the original did.
#include <gtest/gtest.h>

#include "PostgresTestServer.h"
#include "Shell.h"
#include "TempWorkspace.h"
#include "WorkspaceFactory.h"
#include "earshot/store/Workspace.h"
#include "store/postgres/Connection.h"
#include "store/sqlite/Database.h"

using namespace earshot;

namespace {

class WorkspaceCopyTest : public ::testing::Test {
protected:
    void SetUp() override { test::skipWithoutPostgres(); }

    test::ShellRun cli(const std::string& arguments)
    {
        return test::runShell(std::string(EARSHOT_CLI_PATH) + " " + arguments + " 2>&1");
    }

    std::string file(const std::string& name) const { return (m_folder.dir() / name).string(); }

    test::TempWorkspace m_folder;
};

TEST_F(WorkspaceCopyTest, ADeskMovesOntoTheTeamServerAndAnAnalystTakesItHomeUnchanged)
{
    const std::string desk = file("desk.db");
    ASSERT_EQ(cli("--db '" + desk + "' generate --conversations 400 --seed 11").exitCode, 0);
    const std::string team = test::newEmptyPostgresDatabase();

    const test::ShellRun moved = cli("workspace copy '" + desk + "' '" + team + "'");
    ASSERT_EQ(moved.exitCode, 0) << moved.out;
    EXPECT_NE(moved.out.find("every table's row count and checksum match"), std::string::npos) << moved.out;
    EXPECT_NE(moved.out.find("integrity of the copy: ok"), std::string::npos) << moved.out;
    EXPECT_NE(moved.out.find("events: db_user only in the target, filled with its default"), std::string::npos)
        << moved.out;
    for (const char* table : {"conversations", "mentions", "replies", "events", "response_cycles"})
        EXPECT_NE(moved.out.find(table), std::string::npos) << table << " missing from the report:\n" << moved.out;

    const std::string home = file("home.db");
    const test::ShellRun taken = cli("workspace copy '" + team + "' '" + home + "'");
    ASSERT_EQ(taken.exitCode, 0) << taken.out;
    EXPECT_NE(taken.out.find("db_user only in the source, not copied"), std::string::npos) << taken.out;

    // What an analyst exports is the same from every copy.
    for (const char* kind : {"conversations", "mentions", "events", "cycles"}) {
        const std::string format = std::string("export ") + kind + " --format jsonl";
        const test::ShellRun original = cli("--db '" + desk + "' " + format);
        ASSERT_EQ(original.exitCode, 0) << original.out;
        EXPECT_GT(original.out.size(), 1000u) << kind;
        EXPECT_EQ(cli("--workspace '" + team + "' " + format).out, original.out) << kind << " on the team server";
        EXPECT_EQ(cli("--db '" + home + "' " + format).out, original.out) << kind << " in the analyst's copy";
    }

    // The copies work on: new ids follow the copied ones, and search finds copied mentions.
    const test::ShellRun added = cli("--workspace '" + team + "' sources add https://forum.example/new.rss --name New");
    ASSERT_EQ(added.exitCode, 0) << added.out;
    auto server = store::postgres::Connection::open(team);
    ASSERT_TRUE(server) << server.message();
    EXPECT_EQ(added.out, "added source " + server->query("SELECT max(id) FROM sources")->text(0, 0) +
                             ": https://forum.example/new.rss\n");
    EXPECT_GT(server->query("SELECT count(*) FROM sources")->integer(0, 0), 1);
    const test::ShellRun found = cli("--db '" + home + "' mentions list --search bezorging --json");
    EXPECT_EQ(found.exitCode, 0) << found.out;
    EXPECT_NE(found.out.find("\"id\""), std::string::npos) << "the analyst's copy is searchable: " << found.out;
}

TEST_F(WorkspaceCopyTest, AWorkspaceThatAlreadyHoldsSomethingIsNotCopiedInto)
{
    const std::string desk = file("desk.db");
    ASSERT_EQ(cli("--db '" + desk + "' generate --conversations 20 --seed 3").exitCode, 0);
    const std::string team = test::newPostgresWorkspace();
    ASSERT_EQ(cli("--workspace '" + team + "' sources add https://forum.example/own.rss --name Own").exitCode, 0);

    const test::ShellRun refused = cli("workspace copy '" + desk + "' '" + team + "'");
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.out.find("the target already holds sources; copy into a new, empty workspace"),
              std::string::npos)
        << refused.out;
    auto server = store::postgres::Connection::open(team);
    ASSERT_TRUE(server) << server.message();
    EXPECT_EQ(server->query("SELECT count(*) FROM sources")->integer(0, 0), 1) << "nothing was added";
}

// A desk's SQLite file may hold text PostgreSQL refuses (bytes that are not UTF-8, NUL):
// it is copied with U+FFFD in their place, and the report says how many.
TEST_F(WorkspaceCopyTest, TextPostgresCannotHoldIsRepairedAndCounted)
{
    const std::string desk = file("desk.db");
    ASSERT_EQ(cli("--db '" + desk + "' generate --conversations 5 --seed 5").exitCode, 0);
    {
        auto db = store::Database::open(desk);
        ASSERT_TRUE(db) << db.message();
        ASSERT_TRUE(db->exec("UPDATE mentions SET body = CAST(X'4B617075747465203A20FF20656E64' AS TEXT)"
                             " WHERE id = (SELECT min(id) FROM mentions);"
                             "UPDATE mentions SET title = 'met' || char(0) || 'nul' WHERE id = (SELECT max(id) FROM mentions)"));
    }
    const std::string team = test::newEmptyPostgresDatabase();
    const test::ShellRun copied = cli("workspace copy '" + desk + "' '" + team + "'");
    ASSERT_EQ(copied.exitCode, 0) << copied.out;
    EXPECT_NE(copied.out.find("2 text values were not valid UTF-8 or held NUL bytes"), std::string::npos)
        << copied.out;
    auto server = store::postgres::Connection::open(team);
    ASSERT_TRUE(server) << server.message();
    EXPECT_EQ(server->query("SELECT body FROM mentions ORDER BY id LIMIT 1")->text(0, 0), "Kaputte : \xEF\xBF\xBD end");
    EXPECT_EQ(server->query("SELECT title FROM mentions ORDER BY id DESC LIMIT 1")->text(0, 0), "met\xEF\xBF\xBDnul");
}

}  // namespace
