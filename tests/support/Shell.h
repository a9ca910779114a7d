// Runs a shell command line and gives its exit code and standard output, for the tests that
// drive earshot-cli and Python the way a person's script would.
#pragma once

#include <string>

namespace earshot::test {

struct ShellRun {
    int exitCode = -1;
    std::string out;
};

ShellRun runShell(const std::string& command);

}  // namespace earshot::test
