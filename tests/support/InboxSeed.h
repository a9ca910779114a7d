// A workspace ready for inbox work, for the tests that race or kill inbox commands.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace earshot::test {

// Adds a feed source, the agents named, and `count` conversations nobody holds (one
// customer's mention each, external ids "<prefix>-<n>"), in one transaction. Returns the
// conversations' ids; the workspace is closed again (its writer thread stopped), so the caller may fork.
std::vector<std::int64_t> seedInbox(const std::string& dbPath, const std::vector<std::string>& agents, int count,
                                    const std::string& prefix);

}  // namespace earshot::test
