#include "ChildProcess.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

extern char** environ;

namespace earshot::test {

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const std::string& outputPath)
{
    std::vector<char*> args;
    for (const std::string& word : argv)
        args.push_back(const_cast<char*>(word.c_str()));
    args.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const std::string output = outputPath.empty() ? std::string("/dev/null") : outputPath;
    posix_spawn_file_actions_addopen(&actions, 1, output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    m_start = std::chrono::steady_clock::now();
    if (posix_spawn(&m_pid, args[0], &actions, nullptr, args.data(), environ) != 0)
        m_pid = -1;
    posix_spawn_file_actions_destroy(&actions);
}

ChildProcess::~ChildProcess()
{
    if (m_pid > 0) {
        kill(m_pid, SIGKILL);
        waitpid(m_pid, nullptr, 0);
    }
}

ChildRun ChildProcess::wait(std::optional<std::chrono::milliseconds> killAfter, std::chrono::milliseconds limit)
{
    ChildRun run;
    if (m_pid <= 0)
        return run;
    const auto deadline = m_start + (killAfter ? std::min(*killAfter, limit) : limit);
    int status = 0;
    rusage usage{};
    pid_t ended = 0;
    // Polling rather than a timer signal: a millisecond of lateness does not matter, and the
    // child stays a zombie until reaped, so killing it after it ended hits nothing else.
    while ((ended = wait4(m_pid, &status, WNOHANG, &usage)) == 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::microseconds(500));
    if (ended == 0) {
        kill(m_pid, SIGKILL);
        run.killed = true;
        ended = wait4(m_pid, &status, 0, &usage);
    }
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    if (ended == m_pid) {
        run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        run.maxRssKiB = usage.ru_maxrss;
    }
    m_pid = -1;
    return run;
}

std::vector<std::string> cliArgs(const std::string& cliPath, const std::string& location, std::vector<std::string> args)
{
    args.insert(args.begin(), {cliPath, "--workspace", location});
    return args;
}

}  // namespace earshot::test
