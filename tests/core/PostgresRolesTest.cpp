// A team workspace's roles on a real server: `workspace init` makes an owner and an agents'
// group role, `workspace add-agent` gives each agent a login of their own, and the server
// itself keeps agents from rewriting what was said or logged. That agents can do all their
// work with these rights is the contract suite's part: it runs on PostgreSQL as an agent.
#include <gtest/gtest.h>

#include "PostgresTestServer.h"
#include "Shell.h"
#include "WorkspaceFactory.h"
#include "earshot/inbox/AgentRepository.h"
#include "earshot/inbox/Inbox.h"
#include "earshot/inbox/Ingest.h"
#include "earshot/store/InboxStore.h"
#include "earshot/store/SourceStore.h"
#include "earshot/store/Workspace.h"
#include "store/postgres/Connection.h"

using namespace earshot;
using store::postgres::Connection;

namespace {

class PostgresRolesTest : public ::testing::Test {
protected:
    void SetUp() override { test::skipWithoutPostgres(); }

    static Connection connect(const std::string& location)
    {
        auto db = Connection::open(location);
        if (!db)
            throw std::runtime_error(db.message());
        return std::move(*db);
    }

    static std::string databaseOf(Connection& db) { return db.query("SELECT current_database()")->text(0, 0); }

    // earshot-cli's output (stdout and stderr) and exit code.
    static std::string cli(const std::string& arguments, int& exitCode, const std::string& input = {})
    {
        const std::string feed = input.empty() ? "" : "printf '%s\\n' '" + input + "' | ";
        const test::ShellRun run = test::runShell(feed + EARSHOT_CLI_PATH + " " + arguments + " 2>&1");
        exitCode = run.exitCode;
        return run.out;
    }
};

TEST_F(PostgresRolesTest, InitMakesAnOwnerOfEverythingAndAnAgentsRoleAndOnlyTheTeamConnects)
{
    const std::string location = test::newEmptyPostgresDatabase();
    ASSERT_TRUE(store::Workspace::open(location, store::Workspace::Opening::Initialize));
    auto db = connect(location);
    const std::string database = databaseOf(db);

    auto roles = db.query("SELECT kind, role, r.rolcanlogin FROM team_roles JOIN pg_roles r ON r.rolname = role"
                          " ORDER BY kind");
    ASSERT_TRUE(roles) << roles.message();
    ASSERT_EQ(roles->size(), 2);
    EXPECT_EQ(roles->text(0, 0), "agent");
    EXPECT_EQ(roles->text(0, 1), database + "_agent");
    EXPECT_EQ(roles->text(1, 0), "owner");
    EXPECT_EQ(roles->text(1, 1), database + "_owner");
    EXPECT_FALSE(roles->boolean(0, 2)) << "nobody logs in as a group role";
    EXPECT_FALSE(roles->boolean(1, 2));

    auto foreign = db.query("SELECT tablename, tableowner FROM pg_tables WHERE schemaname = 'public'"
                            " AND tableowner <> $1",
                            {database + "_owner"});
    ASSERT_TRUE(foreign) << foreign.message();
    EXPECT_EQ(foreign->size(), 0) << "owned by someone else: " << foreign->text(0, 0) << " " << foreign->text(0, 1);

    // A login of the same server that is not of the team may not even connect.
    ASSERT_TRUE(db.exec("CREATE ROLE outsider_" + database + " LOGIN"));
    auto outsider = Connection::open(location + " user=outsider_" + database);
    ASSERT_FALSE(outsider);
    EXPECT_NE(outsider.message().find("permission denied"), std::string::npos) << outsider.message();

    // Nobody else may create objects in the workspace's schema.
    auto createRight = db.query("SELECT has_schema_privilege($1, 'public', 'CREATE')", {database + "_agent"});
    ASSERT_TRUE(createRight) << createRight.message();
    EXPECT_FALSE(createRight->boolean(0, 0));

    // Again is harmless: the same roles, and the rights granted anew.
    ASSERT_TRUE(store::Workspace::open(location, store::Workspace::Opening::Initialize));
    EXPECT_EQ(db.query("SELECT count(*) FROM team_roles")->integer(0, 0), 2);
}

// Every table is either granted to agents (PgRoles.cpp's list) or consciously the owner's; a
// new table missing from the list shows up here rather than as "permission denied" at a desk.
TEST_F(PostgresRolesTest, AgentsMayReadEveryTable)
{
    const std::string location = test::newPostgresWorkspace();
    auto db = connect(location);
    auto unreadable = db.query("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                               " WHERE n.nspname = 'public' AND c.relkind = 'r'"
                               " AND NOT has_table_privilege((SELECT role FROM team_roles WHERE kind = 'agent'),"
                               "                             c.oid, 'SELECT')");
    ASSERT_TRUE(unreadable) << unreadable.message();
    for (int row = 0; row < unreadable->size(); ++row)
        ADD_FAILURE() << "agents may not read " << unreadable->text(row, 0);
}

TEST_F(PostgresRolesTest, AnAgentWorksUnderTheirOwnLoginAndCannotRewriteWhatWasSaidOrLogged)
{
    const std::string location = test::newPostgresWorkspace();
    auto owner = store::Workspace::open(location);
    ASSERT_TRUE(owner) << owner.message();
    std::string login;
    std::int64_t sourceId = 0;
    ASSERT_TRUE((*owner)->writer().run([&](store::Session& session) -> Status {
        inbox::AgentRepository agents(session);
        if (auto added = agents.add({.name = "Anouk Smit", .firstName = "Anouk"}); !added)
            return added.error();
        auto made = agents.addLogin("Anouk Smit", "", std::nullopt);
        if (!made)
            return made.error();
        login = *made;
        auto source = session.sources().add({.name = "Forum", .url = "https://forum.example/feed", .settings = "{}"});
        if (!source)
            return source.error();
        sourceId = *source;
        return Ok{};
    }));
    EXPECT_EQ(login, "anouk_smit");

    auto agent = store::Workspace::open(location + " user=" + login);
    ASSERT_TRUE(agent) << agent.message();
    {
        auto reader = (*agent)->reader();
        ASSERT_TRUE(reader);
        auto self = inbox::AgentRepository(**reader).ofThisLogin();
        ASSERT_TRUE(self) << self.message();
        ASSERT_TRUE(*self) << "the login knows whose it is";
        EXPECT_EQ((*self)->name, "Anouk Smit");
    }
    ASSERT_TRUE((*agent)->writer().run([&](store::Session& session) -> Status {
        auto stored = inbox::ingestMentions(
            session, sourceId, {{.externalId = "m1", .title = "Pakket kwijt", .body = "Waar blijft mijn pakket?"}}, 100);
        return stored ? Status(Ok{}) : Status(stored.error());
    }));
    inbox::Inbox inbox((*agent)->writer(), [] { return std::int64_t(200); });
    ASSERT_TRUE(inbox.claim(1, "Anouk Smit"));
    auto replied = inbox.reply(1, "Anouk Smit", "We zoeken het uit, Anouk", domain::Channel::OffPlatform);
    ASSERT_TRUE(replied) << replied.message();
    ASSERT_TRUE(inbox.addNote(1, "Anouk Smit", "bij de vervoerder nagevraagd"));

    auto asAgent = connect(location + " user=" + login);
    auto who = asAgent.query("SELECT DISTINCT db_user FROM events WHERE actor = 'Anouk Smit'"
                             " UNION SELECT db_user FROM replies UNION SELECT db_user FROM notes");
    ASSERT_TRUE(who) << who.message();
    ASSERT_EQ(who->size(), 1);
    EXPECT_EQ(who->text(0, 0), "anouk_smit") << "the server's own record of who did it";

    for (const char* change : {"UPDATE replies SET body = 'iets anders'", "UPDATE replies SET agent = 'Someone'",
                               "DELETE FROM replies", "UPDATE notes SET body = 'iets anders'", "DELETE FROM notes",
                               "UPDATE events SET actor = 'Someone'", "DELETE FROM events", "TRUNCATE events",
                               "DELETE FROM conversations", "DELETE FROM mentions", "UPDATE team_roles SET role = 'x'",
                               "INSERT INTO agent_logins VALUES ('someone', 1)", "DROP TABLE drafts",
                               "ALTER TABLE events DISABLE TRIGGER events_are_append_only"}) {
        auto refused = asAgent.exec(change);
        EXPECT_FALSE(refused) << change;
        EXPECT_EQ(asAgent.lastSqlState(), "42501") << change << ": " << refused.message();
    }
    // Who wrote a row is the server's to say, not the writer's.
    for (const char* forged : {"INSERT INTO notes(conversation_id, agent, body, created_at, db_user)"
                               " VALUES (1, 'Anouk Smit', 'namens een ander', 300, 'someone_else')",
                               "INSERT INTO events(at, actor, kind, db_user) VALUES (300, 'x', 'claimed', 'someone_else')"}) {
        EXPECT_FALSE(asAgent.exec(forged)) << forged;
        EXPECT_EQ(asAgent.lastSqlState(), "42501") << forged;
    }
    // What delivery tracking needs stays open to agents.
    EXPECT_TRUE(asAgent.exec("UPDATE replies SET delivery = 'failed', delivery_error = 'timeout'"));
    EXPECT_EQ(asAgent.query("SELECT body FROM replies")->text(0, 0), "We zoeken het uit, Anouk");
}

TEST_F(PostgresRolesTest, FillingAWorkspaceAtOnceIsForItsOwner)
{
    const std::string location = test::newPostgresWorkspace();
    auto agent = store::Workspace::open(test::asAgent(location));
    ASSERT_TRUE(agent) << agent.message();
    auto refused = (*agent)->bulkLoad([](store::BulkLoader&) -> Status { return Ok{}; });
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.message().find("is for its owner: run it as a member of"), std::string::npos)
        << refused.message();
}

TEST_F(PostgresRolesTest, AnOlderSchemaIsUpgradedByItsOwnerNotByAnAgent)
{
    const std::string location = test::newPostgresWorkspace();
    test::postgresExec(location, "UPDATE schema_version SET version = version - 1");
    auto agent = store::Workspace::open(test::asAgent(location));
    ASSERT_FALSE(agent);
    EXPECT_NE(agent.message().find("upgrades it with 'earshot-cli workspace init'"), std::string::npos)
        << agent.message();
}

TEST_F(PostgresRolesTest, InitByALoginThatMayNotMakeRolesSaysWhatItNeeds)
{
    const std::string location = test::newEmptyPostgresDatabase();
    auto db = connect(location);
    const std::string database = databaseOf(db);
    ASSERT_TRUE(db.exec("CREATE ROLE plain_" + database + " LOGIN; ALTER DATABASE " + database + " OWNER TO plain_" +
                        database));
    auto refused = store::Workspace::open(location + " user=plain_" + database, store::Workspace::Opening::Initialize);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.message().find("needs a login that may create roles and owns the database"), std::string::npos)
        << refused.message();
    EXPECT_EQ(db.query("SELECT to_regclass('events') IS NULL")->boolean(0, 0), true) << "nothing half made";
}

TEST_F(PostgresRolesTest, ADatabaseOfAnotherApplicationIsNotSetUp)
{
    const std::string location = test::newEmptyPostgresDatabase();
    auto db = connect(location);
    ASSERT_TRUE(db.exec("CREATE TABLE invoices (id integer)"));
    auto refused = store::Workspace::open(location, store::Workspace::Opening::Initialize);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.message().find("already holds tables of something else (1)"), std::string::npos)
        << refused.message();
    EXPECT_EQ(db.query("SELECT count(*) FROM pg_roles WHERE rolname = $1", {databaseOf(db) + "_agent"})->integer(0, 0),
              0)
        << "nothing was changed";
}

TEST_F(PostgresRolesTest, TheCommandLineAddsAnAgentWithALoginAndAPassword)
{
    const std::string location = test::newPostgresWorkspace();
    int exitCode = -1;
    EXPECT_EQ(cli("--workspace '" + location + "' workspace add-agent 'Joëlle van Dijk' --first-name Joëlle"
                  " --languages nl,fr --password-stdin",
                  exitCode, "geheim wachtwoord"),
              "agent Joëlle van Dijk logs in as joelle_van_dijk\n");
    EXPECT_EQ(exitCode, 0);
    auto db = connect(location);
    auto role = db.query("SELECT rolcanlogin, rolpassword LIKE 'SCRAM-SHA-256$%',"
                         " pg_has_role(rolname, (SELECT role FROM team_roles WHERE kind = 'agent'), 'MEMBER')"
                         " FROM pg_authid WHERE rolname = 'joelle_van_dijk'");
    ASSERT_TRUE(role) << role.message();
    ASSERT_EQ(role->size(), 1);
    EXPECT_TRUE(role->boolean(0, 0));
    EXPECT_TRUE(role->boolean(0, 1)) << "stored as a SCRAM hash, never in clear";
    EXPECT_TRUE(role->boolean(0, 2));
    EXPECT_EQ(db.query("SELECT a.languages FROM agent_logins l JOIN agents a ON a.id = l.agent_id"
                       " WHERE l.login = 'joelle_van_dijk'")
                  ->text(0, 0),
              R"(["nl","fr"])");

    // Again for the same agent sets a password; the login of another agent is refused.
    const std::string again = cli("--workspace '" + location + "' workspace add-agent 'Joëlle van Dijk'", exitCode);
    EXPECT_EQ(exitCode, 0) << again;
    const std::string taken = cli("--workspace '" + location +
                                      "' workspace add-agent 'Sam Jansen' --first-name Sam --login joelle_van_dijk",
                                  exitCode);
    EXPECT_EQ(exitCode, 1);
    EXPECT_NE(taken.find("the server already has a role named joelle_van_dijk"), std::string::npos) << taken;
    EXPECT_EQ(db.query("SELECT count(*) FROM agents WHERE name = 'Sam Jansen'")->integer(0, 0), 0)
        << "a refused login leaves no profile behind";

    // A role the server has for something else is never taken over, the superuser least of all.
    const std::string superuser = db.query("SELECT current_user")->text(0, 0);
    const std::string before = db.query("SELECT coalesce(rolpassword, '') FROM pg_authid WHERE rolname = current_user")
                                   ->text(0, 0);
    const std::string takeover = cli("--workspace '" + location + "' workspace add-agent 'Sam Jansen' --first-name Sam"
                                     " --login " + superuser + " --password-stdin",
                                     exitCode, "overgenomen");
    EXPECT_EQ(exitCode, 1) << takeover;
    EXPECT_NE(takeover.find("the server already has a role named " + superuser), std::string::npos) << takeover;
    EXPECT_EQ(db.query("SELECT coalesce(rolpassword, '') FROM pg_authid WHERE rolname = current_user")->text(0, 0),
              before);

    const std::string desk = cli("--db /tmp/not-a-team.db workspace add-agent 'Sam Jansen'", exitCode);
    EXPECT_EQ(exitCode, 2);
    EXPECT_NE(desk.find("a desk's workspace has no logins"), std::string::npos) << desk;
}

TEST(AgentLoginTest, ALoginIsTheNameInLowerCaseWithoutAccents)
{
    EXPECT_EQ(inbox::loginFor("Anouk Smit"), "anouk_smit");
    EXPECT_EQ(inbox::loginFor("Joëlle van Dijk-Smit"), "joelle_van_dijk_smit");
    EXPECT_EQ(inbox::loginFor("  O'Connor, James  "), "o_connor_james");
    EXPECT_EQ(inbox::loginFor("日本"), "");
}

}  // namespace
