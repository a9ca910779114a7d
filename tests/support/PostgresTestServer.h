// The PostgreSQL 15 server a test run starts for itself (scripts/with-postgres.sh, which
// scripts/test.sh wraps around ctest), and new databases on it: one per test, so tests
// never see each other's rows.
#pragma once

#include <string>

namespace earshot::test {

// libpq keywords for the server's superuser (EARSHOT_TEST_POSTGRES); empty when the run has
// no server.
std::string postgresServer();

// Why PostgreSQL tests cannot run here, or "" when they can.
std::string postgresUnavailable();

// The location of a new database with the current Earshot schema (copied from a template
// migrated once per run, so a test pays milliseconds, not a migration).
std::string newPostgresWorkspace();

// `location` as the login `login` of an agent of its team: a member of the workspace's agent
// role (made when missing), with only the rights agents have.
std::string asAgent(const std::string& location, const std::string& login = "earshot_test_agent");

// The location of a new database with nothing in it.
std::string newEmptyPostgresDatabase();

// Runs SQL as the server's superuser on the database at `location` (for what only a test may
// do: forge a newer schema version, drop a connection).
void postgresExec(const std::string& location, const std::string& sql);

}  // namespace earshot::test
