// Starting the worker processes of a run from the CLI (`flame train`, `flame runs resume`) and
// printing their events, as JSON lines or for people.
#include "app/cli/worker_launch.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "app/cli/cli_support.h"
#include "model/json.h"
#include "storage/run_store.h"
#include "storage/workspace.h"
#include "training/distributed.h"

extern char** environ;

namespace flame::cli {

using namespace flame::training;

void printLine(const std::string& line) {
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

int exitCodeFor(RunState s) {
    switch (s) {
    case RunState::Finished: return kOk;
    case RunState::Cancelled: return kCancelled;
    default: return kInternal;
    }
}

namespace {

// --- human-readable rendering of worker events ------------------------------------------------

struct EventPrinter {
    bool json = false;
    std::int64_t steps = 0;
    void operator()(const std::string& line) {
        if (json) return printLine(line);
        json::ParseError perr;
        auto v = json::parse(line, &perr);
        if (!v || !v->isObject() || !v->find("event")) return printLine(line);
        auto num = [&](const char* k) { const json::Value* x = v->find(k); return x && x->isNumber() ? x->asDouble() : 0.0; };
        const std::string event = v->find("event")->asString();
        if (event == "step") {
            const auto step = std::int64_t(num("step"));
            const std::int64_t every = std::max<std::int64_t>(1, steps / 40);
            if (step == 1 || step % every == 0 || step == steps)
                std::printf("step %lld/%lld  loss %.4f  lr %.2e  %.2f s/step  %.0f tok/s\n", (long long)step, (long long)steps,
                            num("loss"), num("lr"), num("step_seconds"), num("tokens_per_s"));
        } else if (event == "eval") {
            std::printf("eval  step %lld: chat %.3f  chat_hard %.3f  safety %.3f  reasoning %.3f  score %.3f  loss %.4f\n",
                        (long long)num("step"), num("chat"), num("chat_hard"), num("safety"), num("reasoning"), num("score"),
                        num("loss"));
        } else if (event == "checkpoint") {
            std::printf("checkpoint step %lld: %s\n", (long long)num("step"), v->find("path")->asString().c_str());
        } else if (event == "start") {
            std::printf("run %lld started: %s, %lld ranks, %s, %lld threads, %lld tasks\n", (long long)num("run"),
                        v->find("variant")->asString().c_str(), (long long)num("world"), v->find("device")->asString().c_str(),
                        (long long)num("threads"), (long long)num("tasks"));
        } else if (event == "tailpatch") {
            const json::Value* p = v->find("patched");
            const json::Value* b = v->find("base");
            std::printf("tail-patch %lld/%lld %-40s", (long long)num("done"), (long long)num("groups"), v->find("group")->asString().c_str());
            for (const char* c : {"chat", "chat_hard", "math", "coding", "safety"})
                std::printf(" %s %+.3f", c, p->find(c)->asDouble() - b->find(c)->asDouble());
            std::printf("\n");
        } else if (event == "tailpatch_plan") {
            std::printf("tail-patch plan: %zu generally helpful tasks, %zu others (weights in `flame runs WS show`)\n",
                        v->find("general")->asArray().size(), v->find("others")->asArray().size());
        } else if (event == "end") {
            const json::Value* err = v->find("error");
            std::printf("run %lld %s%s%s\n", (long long)num("run"), v->find("state")->asString().c_str(), err ? ": " : "",
                        err ? err->asString().c_str() : "");
        }
        std::fflush(stdout);
    }
};

// --- starting the workers of a run -------------------------------------------------------------

struct Child {
    pid_t pid = -1;
    int out = -1; // rank 0's stdout
    int status = 0;
    bool done = false;
};

pid_t spawnWorker(const std::vector<std::string>& args, int* stdoutFd) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    int pipeFds[2] = {-1, -1};
    if (stdoutFd) {
        if (::pipe2(pipeFds, O_CLOEXEC) != 0) return -1;
        posix_spawn_file_actions_adddup2(&actions, pipeFds[1], 1);
    } else {
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    }
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, "/proc/self/exe", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (stdoutFd) {
        ::close(pipeFds[1]);
        if (rc != 0) ::close(pipeFds[0]);
        else *stdoutFd = pipeFds[0];
    }
    return rc == 0 ? pid : -1;
}

// Starts the local ranks of a run, relays rank 0's events, forwards a stop request (SIGINT,
// SIGTERM) to every rank, and stops the others when one rank dies (they would wait in a collective).
} // namespace

int launchWorkers(const std::string& wsPath, std::int64_t runId, const TrainConfig& config, bool json, int threads) {
    int port = config.masterPort;
    if (worldSize(config) > 1 && port <= 0) port = freePort();
    std::vector<Child> children(std::size_t(config.nproc));
    for (int r = 0; r < config.nproc; ++r) {
        std::vector<std::string> args = {"flame", "worker", wsPath, "--run", std::to_string(runId), "--local-rank", std::to_string(r)};
        if (port > 0) args.insert(args.end(), {"--master-port", std::to_string(port)});
        if (threads > 0) args.insert(args.end(), {"--threads", std::to_string(threads)});
        children[std::size_t(r)].pid = spawnWorker(args, r == 0 ? &children[0].out : nullptr);
        if (children[std::size_t(r)].pid < 0) {
            for (auto& c : children)
                if (c.pid > 0) ::kill(c.pid, SIGKILL);
            return report(Error::internal("cannot start a worker process"));
        }
    }
    EventPrinter printer{json, config.steps};
    std::string buffer;
    bool forwarded = false;
    auto deadline = std::chrono::steady_clock::time_point::max();
    for (;;) {
        bool all = true;
        for (auto& c : children) {
            if (c.done) continue;
            int status = 0;
            if (::waitpid(c.pid, &status, WNOHANG) == c.pid) {
                c.done = true;
                c.status = status;
                const bool bad = !WIFEXITED(status) || (WEXITSTATUS(status) != 0 && WEXITSTATUS(status) != kCancelled);
                if (bad && !forwarded) {
                    for (auto& o : children)
                        if (!o.done) ::kill(o.pid, SIGTERM);
                    forwarded = true;
                    deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
                }
            }
            all = all && c.done;
        }
        if (cancelRequested() && !forwarded) {
            for (auto& c : children)
                if (!c.done) ::kill(c.pid, SIGTERM);
            forwarded = true;
        }
        if (std::chrono::steady_clock::now() > deadline)
            for (auto& c : children)
                if (!c.done) ::kill(c.pid, SIGKILL);
        if (children[0].out >= 0) {
            pollfd p{children[0].out, POLLIN, 0};
            if (::poll(&p, 1, 200) > 0) {
                char chunk[4096];
                const ssize_t n = ::read(children[0].out, chunk, sizeof chunk);
                if (n > 0) {
                    buffer.append(chunk, std::size_t(n));
                    for (std::size_t nl; (nl = buffer.find('\n')) != std::string::npos; buffer.erase(0, nl + 1))
                        printer(buffer.substr(0, nl));
                } else {
                    ::close(children[0].out);
                    children[0].out = -1;
                }
            }
        } else if (!all) {
            ::usleep(100000);
        }
        if (all && children[0].out < 0) break;
    }
    // A rank 0 that died without writing its end leaves the run running: mark it now.
    auto ws = Workspace::open(wsPath);
    if (ws) {
        RunStore runs(*ws);
        auto run = runs.get(runId);
        if (run && *run && (*run)->state == RunState::Running) {
            const int st = children[0].status;
            const std::string why = WIFSIGNALED(st) ? "worker killed by signal " + std::to_string(WTERMSIG(st))
                                                    : "worker exited with status " + std::to_string(WEXITSTATUS(st));
            (void)runs.finish(runId, RunState::Interrupted, why);
        }
    }
    const int st = children[0].status;
    if (WIFEXITED(st)) return WEXITSTATUS(st);
    return kInternal;
}

// --- printing -----------------------------------------------------------------------------------

} // namespace flame::cli
