// Runs a program (usually earshot-cli) as a child process that a test can SIGKILL at a chosen
// moment, for the crash-safety and hostile-server tests. posix_spawn rather than fork, so
// it is safe while the test's HTTP server threads run.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace earshot::test {

struct ChildRun {
    bool killed = false;       // we sent SIGKILL before it ended
    int exitCode = -1;         // when it exited by itself; -1 when a signal ended it
    double seconds = 0;        // wall-clock time from start to end
    long maxRssKiB = 0;        // the child's peak resident memory (getrusage via wait4)
};

class ChildProcess {
public:
    // Starts `argv` (argv[0] is the program path); stdout and stderr go to `outputPath`
    // (or /dev/null when empty).
    ChildProcess(const std::vector<std::string>& argv, const std::string& outputPath = {});
    ~ChildProcess();  // kills and reaps a child still running, so no test leaves one behind
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    bool started() const { return m_pid > 0; }
    pid_t pid() const { return m_pid; }

    // Waits until it ends by itself, or SIGKILLs it once `killAfter` has passed since the
    // start. A child still running after `limit` is killed too (a hang), with killed set.
    ChildRun wait(std::optional<std::chrono::milliseconds> killAfter = std::nullopt,
                  std::chrono::milliseconds limit = std::chrono::seconds(100));

private:
    pid_t m_pid = -1;
    std::chrono::steady_clock::time_point m_start;
};

// The path of earshot-cli with these arguments after it, ready for ChildProcess.
std::vector<std::string> cliArgs(const std::string& cliPath, const std::string& location,
                                 std::vector<std::string> args);

}  // namespace earshot::test
