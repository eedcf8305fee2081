#include "app/cli/cli_support.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>

namespace flame::cli {

namespace {
std::atomic<bool> g_cancel{false};
void onSignal(int) { g_cancel.store(true); }
double nowSeconds() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}
} // namespace

int exitCodeFor(const Error& error) {
    switch (error.kind) {
    case ErrorKind::BadInput:
    case ErrorKind::Conflict:
    case ErrorKind::ReadOnly: return kBadInput;
    case ErrorKind::Cancelled: return kCancelled;
    case ErrorKind::Internal: return kInternal;
    }
    return kInternal;
}

int report(const Error& error) {
    std::fprintf(stderr, "flame: %s\n", error.toString().c_str());
    return exitCodeFor(error);
}

void installCancelHandlers() {
    struct sigaction sa {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
}

bool cancelRequested() { return g_cancel.load(); }

Expected<Workspace> openForReading(const std::string& path) {
    auto ws = Workspace::open(path, WorkspaceMode::ReadWrite);
    if (ws || ws.error().kind != ErrorKind::ReadOnly) return ws;
    std::fprintf(stderr, "flame: %s: the file cannot be written; opened read-only\n", path.c_str());
    return Workspace::open(path, WorkspaceMode::ReadOnly);
}

Progress::Progress(std::string label, bool quiet)
    : m_label(std::move(label)), m_quiet(quiet), m_tty(::isatty(2) != 0) {}

bool Progress::update(std::int64_t done, std::int64_t total) {
    if (!m_quiet) {
        double t = nowSeconds();
        if (t - m_lastPrint >= (m_tty ? 0.2 : 5.0)) {
            m_lastPrint = t;
            double pct = total > 0 ? 100.0 * double(done) / double(total) : 0.0;
            std::fprintf(stderr, m_tty ? "\r%s: %lld/%lld (%.0f%%)   " : "%s: %lld/%lld (%.0f%%)\n", m_label.c_str(),
                         (long long)done, (long long)total, pct);
            m_printed = true;
        }
    }
    return !cancelRequested();
}

void Progress::finish() {
    if (m_printed && m_tty) std::fprintf(stderr, "\r%*s\r", int(m_label.size()) + 40, "");
}

} // namespace flame::cli
