#pragma once
// Queries over training runs that the studio needs beyond RunStore (issue 5): incremental metric
// reads for live curves, the studio's run queue and launch records, deleting a run's rows,
// evaluated steps, baselines measured on an evaluation set, and the model's disagreements with
// human labels.
//
// The queue and the launch records are run documents ("studio_queue", "studio_launch"), not new
// tables: they are the studio's bookkeeping, other tools ignore them, and no migration is needed.
// A queued run without a queue document is left alone, so a run created by `flame train` (which
// starts its own workers right after creating the row) is never started twice by the studio.
//
// Threading: like RunStore, one Workspace per thread; no Qt.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/error.h"
#include "model/scoring.h"
#include "storage/run_store.h"
#include "storage/workspace.h"

namespace flame {

// Points of metric `name` of a run with step > afterStep, by step (live curves read only what is new).
Expected<std::vector<MetricPoint>> metricsAfter(Workspace& ws, std::int64_t runId, const std::string& name,
                                                std::int64_t afterStep);

struct LatestMetric {
    std::int64_t runId = 0;
    std::string name;
    MetricPoint point;
};
// The last point of each of `names`, for every run that has one.
Expected<std::vector<LatestMetric>> latestMetrics(Workspace& ws, const std::vector<std::string>& names);

// --- the studio's queue ------------------------------------------------------------------------
inline constexpr const char* kQueueDocument = "studio_queue";
inline constexpr const char* kLaunchDocument = "studio_launch";

struct QueueEntry {
    std::int64_t runId = 0;
    std::int64_t position = 0;
    std::string enqueuedAt;
};
enum class QueueEnd { Back, Front };
// Puts a run at the end of the queue (again at the end when it was queued already), or at its head.
Status enqueueRun(Workspace& ws, std::int64_t runId, QueueEnd end = QueueEnd::Back);
// The queue in order.
Expected<std::vector<QueueEntry>> studioQueue(Workspace& ws);
// Takes a run off the queue. True when this call removed it: two studios on one workspace never
// both start the same run.
Expected<bool> claimQueuedRun(Workspace& ws, std::int64_t runId);

// What the studio started for a run: the rank processes (detached, so that they outlive the
// studio), where their output goes, and the rendezvous port of a multi-rank run.
struct LaunchRecord {
    std::vector<std::int64_t> pids; // by local rank
    std::string host, logPath, startedAt;
    int masterPort = 0;
};
Status recordLaunch(Workspace& ws, std::int64_t runId, const LaunchRecord& launch);
// claimQueuedRun for a studio about to start the run on `host`: in the same transaction it
// leaves a launch record without processes, so that a studio killed between taking the run off
// the queue and recording its workers leaves a trace (the run would otherwise stay queued but
// off the queue for ever); the studio that finds such a record puts the run back.
Expected<bool> claimQueuedRunForLaunch(Workspace& ws, std::int64_t runId, const std::string& host);
Expected<std::map<std::int64_t, LaunchRecord>> launchRecords(Workspace& ws);
Status clearLaunch(Workspace& ws, std::int64_t runId);

// Deletes a run and everything recorded about it (metrics, results, checkpoint rows, documents,
// predictions, recorded instructions) in one transaction. Refuses a running run and a run that
// another run continues from (its parent link). The run's folder is the caller's to remove.
Status deleteRun(Workspace& ws, std::int64_t runId);

// --- evaluation --------------------------------------------------------------------------------
struct EvaluatedStep {
    std::int64_t step = 0;
    std::int64_t examples = 0; // training examples seen at that step (0 when unknown)
    std::map<std::string, double> accuracies;      // per subset
    std::map<std::string, std::int64_t> counts;    // evaluated examples per subset
    std::int64_t evaluated() const;
};
// Every evaluated step of a run on `setName`, by step.
Expected<std::vector<EvaluatedStep>> evaluatedSteps(Workspace& ws, std::int64_t runId, const std::string& setName);
// Names of the evaluation sets stored in the workspace ("sample", "sample-dev", "rewardbench").
Expected<std::vector<std::string>> evaluationSets(Workspace& ws);

struct BaselineScores {
    rewardbench::Baseline baseline = rewardbench::Baseline::Random;
    rewardbench::Scores scores;
    std::int64_t examples = 0;
};
// The baselines (random, always-longer, always-first) on every pair of `setName`, judged in both
// orders exactly as `flame eval` judges them (model/scoring.h). Empty when the set is empty.
Expected<std::vector<BaselineScores>> baselineScores(Workspace& ws, const std::string& setName,
                                                     std::uint64_t seed = 1);

// --- the model against humans -------------------------------------------------------------------
struct PredictionSummary {
    std::int64_t step = -1; // the latest step with predictions; -1 when none
    std::int64_t judged = 0, agree = 0;
};
Expected<PredictionSummary> predictionSummary(Workspace& ws, std::int64_t runId);

struct Disagreement {
    std::int64_t judgmentId = 0;
    std::string taskKey, humanLabel, predicted;
    double confidence = 0; // the model's probability of its verdict among the task's labels
};
// Judgments where the model's verdict at `step` differs from the human label, most confident
// first; at most `limit` (0: all).
Expected<std::vector<Disagreement>> disagreements(Workspace& ws, std::int64_t runId, std::int64_t step,
                                                  std::int64_t limit = 0);

} // namespace flame
