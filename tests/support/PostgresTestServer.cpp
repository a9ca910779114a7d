#include "PostgresTestServer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <thread>

#include "earshot/store/Workspace.h"
#include "store/postgres/Connection.h"

namespace earshot::test {

namespace {

constexpr const char* kTemplate = "earshot_template";

store::postgres::Connection admin()
{
    auto connection = store::postgres::Connection::open(postgresServer());
    if (!connection)
        throw std::runtime_error("cannot reach the test run's PostgreSQL: " + connection.message());
    return std::move(*connection);
}

std::string onDatabase(const std::string& name) { return postgresServer() + " dbname=" + name; }

std::string uniqueName(const char* prefix)
{
    static std::atomic<int> counter{0};
    return std::string(prefix) + "_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
}

// The template is made by whichever test process gets there first; the others wait until it
// is marked as a template, which happens only once it is complete.
void ensureTemplate(store::postgres::Connection& server)
{
    auto made = server.exec(std::string("CREATE DATABASE ") + kTemplate);
    if (made) {
        auto migrated = store::Workspace::open(onDatabase(kTemplate), store::Workspace::Opening::Initialize);
        if (!migrated)
            throw std::runtime_error("cannot create the template workspace: " + migrated.message());
        migrated->reset();   // no connection may stay on a template while it is copied
        if (auto marked = server.exec(std::string("ALTER DATABASE ") + kTemplate + " IS_TEMPLATE true"); !marked)
            throw std::runtime_error(marked.message());
        return;
    }
    // Another process is making it: duplicate_database, or, when both began at once, the
    // catalog's unique index.
    if (server.lastSqlState() != "42P04" && server.lastSqlState() != "23505")
        throw std::runtime_error("cannot create the template workspace: " + made.message());
    for (int attempt = 0; attempt < 600; ++attempt) {
        auto ready = server.query("SELECT datistemplate FROM pg_database WHERE datname = $1", {kTemplate});
        if (ready && !ready->empty() && ready->boolean(0, 0))
            return;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    throw std::runtime_error("the template workspace was not ready within 30 s");
}

}  // namespace

std::string postgresServer()
{
    const char* server = std::getenv("EARSHOT_TEST_POSTGRES");
    return server ? server : "";
}

std::string postgresUnavailable()
{
    if (!postgresServer().empty())
        return {};
    return "no PostgreSQL server for this run: run the tests with scripts/test.sh, or wrap ctest in "
           "scripts/with-postgres.sh";
}

std::string newPostgresWorkspace()
{
    auto server = admin();
    ensureTemplate(server);
    const std::string name = uniqueName("workspace");
    // Copying a template fails while anyone else is connected to it; a sibling process may
    // just be checking it, so try again for a moment.
    for (int attempt = 0;; ++attempt) {
        auto made = server.exec("CREATE DATABASE " + name + " TEMPLATE " + kTemplate);
        if (made)
            return onDatabase(name);
        if (attempt == 500)   // 10 s: a loaded machine copies slowly
            throw std::runtime_error("cannot create a test workspace: " + made.message());
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

std::string asAgent(const std::string& location, const std::string& login)
{
    auto owner = store::postgres::Connection::open(location);
    if (!owner)
        throw std::runtime_error("cannot reach the test workspace: " + owner.message());
    auto agentRole = owner->query("SELECT role FROM team_roles WHERE kind = 'agent'");
    if (!agentRole || agentRole->empty())
        throw std::runtime_error("the test workspace has no agent role");
    // Test processes share the login; two making it at once may clash, so try again.
    const std::string sql = "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = " +
                            owner->literal(login) + ") THEN CREATE ROLE " + owner->identifier(login) +
                            " LOGIN; END IF; END $$; GRANT " + owner->identifier(agentRole->text(0, 0)) + " TO " +
                            owner->identifier(login);
    for (int attempt = 0;; ++attempt) {
        auto made = owner->exec(sql);
        if (made)
            break;
        if (attempt == 50)
            throw std::runtime_error("cannot make the test agent's login: " + made.message());
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return location + " user=" + login;
}

std::string newEmptyPostgresDatabase()
{
    auto server = admin();
    const std::string name = uniqueName("empty");
    if (auto made = server.exec("CREATE DATABASE " + name); !made)
        throw std::runtime_error("cannot create a test database: " + made.message());
    return onDatabase(name);
}

void postgresExec(const std::string& location, const std::string& sql)
{
    auto connection = store::postgres::Connection::open(location);
    ASSERT_TRUE(connection) << connection.message();
    auto done = connection->exec(sql);
    ASSERT_TRUE(done) << done.message();
}

}  // namespace earshot::test
