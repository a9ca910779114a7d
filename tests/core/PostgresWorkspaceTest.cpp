// What is particular to a team workspace on PostgreSQL: its locations, its schema, its
// text search and its own guards. What both engines share is the contract suite
// (StoreContract*Test.cpp), which runs on both.
#include <gtest/gtest.h>

#include "PostgresTestServer.h"
#include "Shell.h"
#include "StoreContractFixture.h"
#include "WorkspaceFactory.h"
#include "earshot/inbox/Ingest.h"
#include "earshot/store/ConversationStore.h"
#include "earshot/store/SourceStore.h"
#include "earshot/store/Workspace.h"
#include "store/postgres/Connection.h"
#include "store/postgres/PgSchema.h"
#include "store/postgres/PgWorkspace.h"
#include "store/sqlite/Schema.h"

using namespace earshot;
using store::postgres::isPostgresLocation;
using store::postgres::withoutPassword;

namespace {

TEST(PostgresLocationTest, URIsAndLibpqKeywordsArePostgresOtherTextIsASqlitePath)
{
    EXPECT_TRUE(isPostgresLocation("postgresql://anouk@db.example/care"));
    EXPECT_TRUE(isPostgresLocation("postgres://db.example/care"));
    EXPECT_TRUE(isPostgresLocation("host=db.example dbname=care user=anouk sslmode=verify-full"));
    EXPECT_TRUE(isPostgresLocation("dbname=care"));
    EXPECT_FALSE(isPostgresLocation("/home/anouk/.local/share/earshot/workspace.db"));
    EXPECT_FALSE(isPostgresLocation("workspace.db"));
    EXPECT_FALSE(isPostgresLocation("reports/hostname=1.db"));
}

TEST(PostgresLocationTest, APasswordIsNeverPartOfTheLocationShownOrRemembered)
{
    EXPECT_EQ(withoutPassword("postgresql://anouk:s3cr%40t@db.example:5432/care?sslmode=verify-full"),
              "postgresql://anouk@db.example:5432/care?sslmode=verify-full");
    EXPECT_EQ(withoutPassword("host=db.example password=s3cret dbname=care"), "host=db.example dbname=care");
    EXPECT_EQ(withoutPassword("host=db.example password='with space' dbname=care"), "host=db.example dbname=care");
    EXPECT_EQ(withoutPassword("postgresql://anouk@db.example/care"), "postgresql://anouk@db.example/care");
}

TEST(PostgresSchemaTest, HasTheSameVersionNumberAsTheSqliteSchema)
{
    EXPECT_EQ(store::postgres::latestSchemaVersion(), store::latestSchemaVersion());
}

class PostgresWorkspaceTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        test::skipWithoutPostgres();
    }
};

TEST_F(PostgresWorkspaceTest, AnEmptyDatabaseIsCreatedOnceAndThenOpensAsIs)
{
    const std::string location = test::newEmptyPostgresDatabase();
    auto existing = store::Workspace::open(location, store::Workspace::Opening::Existing);
    ASSERT_FALSE(existing);
    EXPECT_NE(existing.message().find("not an Earshot workspace yet"), std::string::npos) << existing.message();

    auto notByTheWay = store::Workspace::open(location);
    ASSERT_FALSE(notByTheWay) << "an empty team database is set up on purpose, not by any command";
    EXPECT_NE(notByTheWay.message().find("workspace init"), std::string::npos) << notByTheWay.message();

    auto created = store::Workspace::open(location, store::Workspace::Opening::Initialize);
    ASSERT_TRUE(created) << created.message();
    auto reopened = store::Workspace::open(location, store::Workspace::Opening::Existing);
    ASSERT_TRUE(reopened) << reopened.message();
    auto health = (*reopened)->check();
    ASSERT_TRUE(health) << health.message();
    EXPECT_EQ(health->schemaVersion, store::postgres::latestSchemaVersion());
    EXPECT_TRUE(health->problems.empty());
}

TEST_F(PostgresWorkspaceTest, ADatabaseWrittenByANewerEarshotIsRefused)
{
    const std::string location = test::newPostgresWorkspace();
    test::postgresExec(location, "INSERT INTO schema_version VALUES (999, '0999_future.sql', 0)");
    for (auto opening : {store::Workspace::Opening::CreateOrUpgrade, store::Workspace::Opening::Existing}) {
        auto opened = store::Workspace::open(location, opening);
        ASSERT_FALSE(opened);
        EXPECT_NE(opened.message().find("written by a newer Earshot (schema 999"), std::string::npos) << opened.message();
    }
}

TEST_F(PostgresWorkspaceTest, AnUnreachableServerSaysSoAndWhere)
{
    auto opened = store::Workspace::open("host=/nonexistent-socket-folder dbname=care user=anouk");
    ASSERT_FALSE(opened);
    EXPECT_NE(opened.message().find("cannot connect to the team workspace"), std::string::npos) << opened.message();
}

TEST_F(PostgresWorkspaceTest, SearchFoldsAccentsAndFindsDutchAndEnglishWordForms)
{
    auto workspace = store::Workspace::open(test::newPostgresWorkspace());
    ASSERT_TRUE(workspace) << workspace.message();
    std::int64_t sourceId = 0;
    ASSERT_TRUE((*workspace)->writer().run([&](store::Session& session) -> Status {
        auto id = session.sources().add({.name = "Forum", .url = "https://forum.example/feed"});
        if (!id)
            return id.error();
        sourceId = *id;
        auto stored = inbox::ingestMentions(session, sourceId,
                                            {test::contractMention("1", "De klanten van het café wachten"),
                                             test::contractMention("2", "Two parcels were delivered late"),
                                             test::contractMention("3", "Niets aan de hand")},
                                            1000);
        return stored ? Status(Ok{}) : Status(stored.error());
    }));
    auto reader = (*workspace)->reader();
    ASSERT_TRUE(reader) << reader.message();
    const auto found = [&](const std::string& search) {
        auto page = (*reader)->conversations().list({.view = store::ConversationView::All, .search = search}, 50);
        EXPECT_TRUE(page) << page.message();
        return page ? page->rows.size() : 0u;
    };
    EXPECT_EQ(found("klant"), 1u) << "Dutch: klanten is a form of klant";
    EXPECT_EQ(found("cafe"), 1u) << "accents folded";
    EXPECT_EQ(found("CAFÉ"), 1u);
    EXPECT_EQ(found("parcel deliver"), 1u) << "English: parcels, delivered";
    EXPECT_EQ(found("klant -cafe"), 0u);
    EXPECT_EQ(found("parcel OR niets"), 2u);
}

TEST_F(PostgresWorkspaceTest, TheEventLogIsAppendOnlyInTheDatabaseItself)
{
    const std::string location = test::newPostgresWorkspace();
    auto workspace = store::Workspace::open(location);
    ASSERT_TRUE(workspace) << workspace.message();
    ASSERT_TRUE((*workspace)->writer().run([&](store::Session& session) {
        return session.inbox().appendEvent({.at = 1, .actor = "cli", .kind = domain::EventKind::SourceAdded});
    }));
    auto owner = store::postgres::Connection::open(location);
    ASSERT_TRUE(owner) << owner.message();
    for (const char* change : {"UPDATE events SET actor = 'someone else'", "DELETE FROM events", "TRUNCATE events"}) {
        auto refused = owner->exec(change);
        ASSERT_FALSE(refused) << change;
        EXPECT_NE(refused.message().find("append-only"), std::string::npos) << refused.message();
    }
    auto count = owner->query("SELECT count(*) FROM events WHERE actor = 'cli'");
    ASSERT_TRUE(count) << count.message();
    EXPECT_EQ(count->integer(0, 0), 1);
}

// earshot-cli on a team workspace, as a script would run it: `--workspace LOCATION`.
TEST_F(PostgresWorkspaceTest, TheCommandLineWorksOnATeamWorkspace)
{
    const std::string location = test::newEmptyPostgresDatabase();
    const auto cli = [&](const std::string& arguments, int* exitCode = nullptr) {
        const test::ShellRun run =
            test::runShell(std::string(EARSHOT_CLI_PATH) + " --workspace '" + location + "' " + arguments + " 2>&1");
        if (exitCode)
            *exitCode = run.exitCode;
        return run.out;
    };
    int exitCode = -1;
    const std::string refused = cli("sources list", &exitCode);
    EXPECT_EQ(exitCode, 1);
    EXPECT_NE(refused.find("not an Earshot workspace yet; create it with 'earshot-cli workspace init'"),
              std::string::npos)
        << refused;
    EXPECT_EQ(cli("workspace init", &exitCode),
              "workspace " + location + " is ready (schema " + std::to_string(store::postgres::latestSchemaVersion()) +
                  ")\n");
    EXPECT_EQ(exitCode, 0);
    EXPECT_EQ(cli("sources add https://forum.example/latest.rss --name Forum", &exitCode),
              "added source 1: https://forum.example/latest.rss\n");
    EXPECT_EQ(exitCode, 0);
    const std::string listed = cli("sources list", &exitCode);
    EXPECT_EQ(exitCode, 0) << listed;
    EXPECT_NE(listed.find("Forum"), std::string::npos) << listed;
    const std::string checked = cli("db check", &exitCode);
    EXPECT_EQ(exitCode, 0) << checked;
    EXPECT_NE(checked.find("integrity: ok"), std::string::npos) << checked;

    auto workspace = store::Workspace::open(location, store::Workspace::Opening::Existing);
    ASSERT_TRUE(workspace) << workspace.message();
    auto reader = (*workspace)->reader();
    ASSERT_TRUE(reader) << reader.message();
    auto sources = (*reader)->sources().list();
    ASSERT_TRUE(sources) << sources.message();
    ASSERT_EQ(sources->size(), 1u);
    EXPECT_EQ(sources->front().name, "Forum");
}

}  // namespace
