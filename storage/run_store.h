#pragma once
// Training runs in the workspace database (schema migrations 2 and 3): the run rows workers,
// the CLI and the GUI share, their metrics by step, checkpoints, evaluation, bias and tail-patch
// results. The database is the single source of truth (DESIGN.md section 3).
//
// Liveness: a running worker writes a heartbeat every few seconds. reconcile() marks a run
// "interrupted" when its worker is gone (same host and the pid no longer exists) or its heartbeat
// is stale (any host), so a killed worker never leaves a run "running" forever. Every reader that
// lists runs calls it first.
//
// Threading: like Workspace, one RunStore per connection and thread.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/error.h"
#include "storage/workspace.h"

namespace flame {

enum class RunState { Queued, Running, Finished, Failed, Cancelled, Interrupted };
const char* toString(RunState state);
std::optional<RunState> parseRunState(std::string_view text);
// Finished, failed, cancelled and interrupted runs have no live worker.
inline bool isTerminal(RunState s) { return s != RunState::Queued && s != RunState::Running; }

struct RunRecord {
    std::int64_t id = 0;
    std::string name, variant;
    std::int64_t parentRunId = 0; // 0 when none
    std::string config;           // JSON
    RunState state = RunState::Queued;
    std::string device, createdAt, startedAt, finishedAt, host, heartbeatAt, error;
    std::int64_t pid = 0;
    std::int64_t step = 0;
    bool cancelRequested = false;
};

struct NewRun {
    std::string name, variant;
    std::int64_t parentRunId = 0;
    std::string config = "{}";
    std::string device = "cpu";
};

struct MetricPoint {
    std::int64_t step = 0, examples = 0;
    double value = 0;
};

struct CheckpointRecord {
    std::int64_t id = 0, runId = 0, step = 0;
    std::string path, createdAt;
};

struct EvalResultRow {
    std::string subset;
    double accuracy = 0;
    std::int64_t examples = 0;
};

struct TailpatchRow {
    std::string taskKey, category;
    double base = 0, patched = 0;
    int rating = 0;
};

struct PredictionRow {
    std::int64_t judgmentId = 0;
    std::string predicted;
    double confidence = 0;
    bool agrees = false;
};

class RunStore {
public:
    explicit RunStore(Workspace& ws) : m_ws(ws) {}

    Expected<std::int64_t> create(const NewRun& run);
    Expected<std::optional<RunRecord>> get(std::int64_t runId);
    Expected<RunRecord> require(std::int64_t runId); // BadInput "no run N" when absent
    Expected<std::vector<RunRecord>> list();
    Status updateConfig(std::int64_t runId, const std::string& configJson);

    // The instruction version each task of the run is formatted with (recorded at creation).
    Status recordInstructions(std::int64_t runId, const std::vector<std::pair<std::int64_t, std::int64_t>>& taskToInstruction);
    Expected<std::map<std::int64_t, std::int64_t>> instructions(std::int64_t runId);

    // State transitions.
    Status markRunning(std::int64_t runId, std::int64_t pid, const std::string& host);
    Status heartbeat(std::int64_t runId, std::int64_t step);
    Status finish(std::int64_t runId, RunState state, const std::string& error = {});
    Status requeue(std::int64_t runId); // for resume: back to queued, error cleared
    Status requestCancel(std::int64_t runId);
    Expected<bool> cancelRequested(std::int64_t runId);

    // Marks dead or silent running runs interrupted; returns how many it marked.
    Expected<int> reconcile(double staleSeconds = 120.0);

    // Metrics: (name, value) pairs of one step, replacing earlier values of the same step.
    Status addMetrics(std::int64_t runId, std::int64_t step, std::int64_t examples,
                      const std::vector<std::pair<std::string, double>>& values);
    Expected<std::vector<MetricPoint>> metrics(std::int64_t runId, const std::string& name);
    Expected<std::vector<std::string>> metricNames(std::int64_t runId);

    Status addEvalResults(std::int64_t runId, std::int64_t step, const std::string& setName,
                          const std::vector<EvalResultRow>& rows);
    // Results of the latest evaluated step of `setName` (step < 0) or of `step`; sets *stepOut.
    Expected<std::vector<EvalResultRow>> evalResults(std::int64_t runId, const std::string& setName,
                                                     std::int64_t step = -1, std::int64_t* stepOut = nullptr);

    Status addCheckpoint(std::int64_t runId, std::int64_t step, const std::string& path);
    Status removeCheckpoint(std::int64_t runId, std::int64_t step);
    Expected<std::vector<CheckpointRecord>> checkpoints(std::int64_t runId); // by step

    Status addBiasResults(std::int64_t runId, std::int64_t step, const std::vector<std::pair<std::string, double>>& values);
    Expected<std::vector<std::pair<std::string, double>>> biasResults(std::int64_t runId, std::int64_t* stepOut = nullptr);

    Status addTailpatchResults(std::int64_t runId, const std::vector<TailpatchRow>& rows);
    Expected<std::vector<TailpatchRow>> tailpatchResults(std::int64_t runId);

    Status setDocument(std::int64_t runId, const std::string& name, const std::string& body);
    Expected<std::optional<std::string>> document(std::int64_t runId, const std::string& name);

    Status addPredictions(std::int64_t runId, std::int64_t step, const std::vector<PredictionRow>& rows);

private:
    Workspace& m_ws;
};

std::string hostName();
// True if a process with this pid exists on this host (zombies count as existing).
bool processAlive(std::int64_t pid);
// Seconds since a utcNow() time stamp; a negative value when it cannot be parsed.
double secondsSince(const std::string& utcTimestamp);

} // namespace flame
