// Starts the console on a workspace and opens the inbox as one agent, as main() does after
// the agent picker; for the GUI tests.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "Console.h"
#include "earshot/inbox/AgentRepository.h"

namespace earshot::test {

// Null (with a test failure) when the console or the inbox does not open.
inline std::unique_ptr<gui::Console> openConsoleAs(const std::string& databasePath, const std::string& agent)
{
    auto started = gui::Console::open(databasePath);
    EXPECT_TRUE(started) << (started ? "" : started.message());
    if (!started)
        return nullptr;
    auto reader = (*started)->workspace().reader();
    EXPECT_TRUE(reader) << (reader ? "" : reader.message());
    if (!reader)
        return nullptr;
    auto profile = inbox::AgentRepository(**reader).find(agent);
    EXPECT_TRUE(profile && (*started)->openInbox(*profile)) << "cannot open the inbox as " << agent;
    return profile ? std::move(*started) : nullptr;
}

}  // namespace earshot::test
