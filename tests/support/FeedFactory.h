// Builds small but realistic feeds for tests.
#pragma once

#include <string>

namespace earshot::test {

// An RSS 2.0 feed with `count` items, guids "<prefix>-<n>", titles "<prefix> item <n> about <topic>".
std::string rssFeed(int count, const std::string& prefix = "item", const std::string& topic = "acme");

// An Atom 1.0 feed with `count` entries, ids "urn:<prefix>:<n>".
std::string atomFeed(int count, const std::string& prefix = "entry", const std::string& topic = "acme");

}  // namespace earshot::test
