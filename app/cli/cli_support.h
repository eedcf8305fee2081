#pragma once
// Shared pieces of the `flame` commands: exit codes, error printing, progress on stderr, and
// cancellation by SIGINT/SIGTERM.
#include <cstdint>
#include <string>

#include "model/error.h"
#include "storage/workspace.h"

namespace CLI {
class App;
}

namespace flame::cli {

enum ExitCode { kOk = 0, kInternal = 1, kBadInput = 2, kCancelled = 130 };

// Prints "flame: FILE:LINE: message" to stderr and returns the matching exit code.
int report(const Error& error);
int exitCodeFor(const Error& error);

// Installs SIGINT/SIGTERM handlers that set a flag long work polls (work stops at a safe point).
void installCancelHandlers();
bool cancelRequested();

// Throttled progress line on stderr ("label: done/total (pct%)"), silent when quiet.
class Progress {
public:
    Progress(std::string label, bool quiet);
    bool update(std::int64_t done, std::int64_t total); // false once cancel was requested
    void finish();

private:
    std::string m_label;
    bool m_quiet;
    bool m_tty;
    double m_lastPrint = 0;
    bool m_printed = false;
};

// Opens a workspace for a command that only reads: read-write when the file can be written (so
// an older schema is migrated, as any open does), otherwise read-only.
Expected<Workspace> openForReading(const std::string& path);

// Command bodies are functions returning an exit code. CLI_TRY_VALUE declares `name` from an
// Expected; both macros report an error and return its exit code from the enclosing function.
#define CLI_TRY_VALUE(name, expr)                                                                  \
    auto name = (expr);                                                                            \
    if (!name) return ::flame::cli::report(name.error())
#define CLI_TRY(expr)                                                                              \
    do {                                                                                           \
        auto flame_status_ = (expr);                                                               \
        if (!flame_status_) return ::flame::cli::report(flame_status_.error());                    \
    } while (0)

// Registration of the command groups (each file adds its subcommands to the app).
void addCorpusCommands(CLI::App& app, int& exitCode);
void addTaskCommands(CLI::App& app, int& exitCode);
void addTrainingCommands(CLI::App& app, int& exitCode);

} // namespace flame::cli
