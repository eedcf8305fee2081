#pragma once
// Starting the worker processes of a run from the CLI and relaying their events.
#include <cstdint>
#include <string>

#include "storage/run_store.h"
#include "training/config.h"

namespace flame::cli {

// One line on standard output, flushed (events are read live by other programs).
void printLine(const std::string& line);
// The exit code of a command whose run ended in `state`.
int exitCodeFor(RunState state);
// Starts the run's ranks on this machine, relays rank 0's events (JSON lines, or a readable log)
// and waits for all of them; returns the exit code for the run's final state.
int launchWorkers(const std::string& wsPath, std::int64_t runId, const training::TrainConfig& config, bool json,
                  int threads);

} // namespace flame::cli
