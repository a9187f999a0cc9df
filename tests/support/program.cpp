#include "tests/support/program.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

extern char** environ;

namespace netstage::test_support {

namespace {

// Feeds stdin and reads both output pipes until they close, so no pipe can
// fill up and block the child; kills the child at the deadline.
void exchange(pid_t pid, int inFd, const std::string& input, int outFd, int errFd, std::string& out, std::string& err,
              std::chrono::steady_clock::time_point deadline) {
    std::array<pollfd, 3> fds{pollfd{outFd, POLLIN, 0}, pollfd{errFd, POLLIN, 0}, pollfd{inFd, POLLOUT, 0}};
    std::array<std::string*, 2> sinks{&out, &err};
    std::size_t fed = 0;
    if (input.empty()) {
        close(inFd);
        fds[2].fd = -1;
    }
    bool killed = false;
    std::array<char, 16384> buffer{};
    while (fds[0].fd >= 0 || fds[1].fd >= 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0 && !killed) {
            kill(pid, SIGKILL);
            killed = true;
        }
        if (poll(fds.data(), fds.size(), killed ? 1000 : static_cast<int>(std::max<long>(1, left.count()))) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (std::size_t i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0) continue;
            const ssize_t n = read(fds[i].fd, buffer.data(), buffer.size());
            if (n > 0) {
                sinks[i]->append(buffer.data(), static_cast<std::size_t>(n));
            } else if (n == 0 || errno != EINTR) {
                close(fds[i].fd);
                fds[i].fd = -1;
            }
        }
        if (fds[2].fd >= 0 && fds[2].revents != 0) {
            const ssize_t n = write(fds[2].fd, input.data() + fed, input.size() - fed);
            if (n > 0) fed += static_cast<std::size_t>(n);
            if (n < 0 && errno != EINTR && errno != EAGAIN) fed = input.size();
            if (fed == input.size()) {
                close(fds[2].fd);
                fds[2].fd = -1;
            }
        }
    }
    if (fds[2].fd >= 0) close(fds[2].fd);
}

}  // namespace

ProgramResult runProgram(const std::vector<std::string>& argv, const std::string& input, std::chrono::milliseconds limit) {
    ProgramResult result;
    if (argv.empty()) {
        result.errors = "no program given";
        return result;
    }
    std::vector<std::string> args = argv;
    std::vector<char*> cArgv;
    for (auto& a : args) cArgv.push_back(a.data());
    cArgv.push_back(nullptr);

    int inPipe[2];
    int outPipe[2];
    int errPipe[2];
    if (pipe2(inPipe, O_CLOEXEC) != 0 || pipe2(outPipe, O_CLOEXEC) != 0 || pipe2(errPipe, O_CLOEXEC) != 0) {
        result.errors = std::string{"pipe failed: "} + std::strerror(errno);
        return result;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, inPipe[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], STDERR_FILENO);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, cArgv[0], &actions, nullptr, cArgv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(inPipe[0]);
    close(outPipe[1]);
    close(errPipe[1]);
    if (spawned != 0) {
        close(inPipe[1]);
        close(outPipe[0]);
        close(errPipe[0]);
        result.errors = "could not run " + argv[0] + " (is it installed and on PATH?): " + std::strerror(spawned);
        return result;
    }
    // A child that stops reading its input must not kill the test with SIGPIPE.
    signal(SIGPIPE, SIG_IGN);
    exchange(pid, inPipe[1], input, outPipe[0], errPipe[0], result.output, result.errors,
             std::chrono::steady_clock::now() + limit);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

}  // namespace netstage::test_support
