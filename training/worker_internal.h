#pragma once
// Shared state of one worker rank (worker.cpp, tailpatch_phase.cpp). Internal to training/.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/json.h"
#include "storage/run_store.h"
#include "storage/workspace.h"
#include "training/config.h"
#include "training/data.h"
#include "training/distributed.h"
#include "training/evaluation.h"
#include "training/network.h"
#include "training/tokenizer.h"
#include "training/trainer.h"
#include "training/worker.h"

namespace flame::training {

struct WorkerContext {
    WorkerOptions options;
    LineSink emitLine;
    std::function<bool()> externalStop;
    std::atomic<bool> cancelFlag{false}; // set by the heartbeat thread from the run's cancel request
    std::atomic<std::int64_t> currentStep{0};

    std::optional<Workspace> ws;
    std::unique_ptr<RunStore> runs;
    RunRecord run;
    TrainConfig config;
    int rank = 0, world = 1;
    bool primary = true;
    bool refused = false; // another worker owns the run: leave its row alone
    std::string device = "cpu";
    std::unique_ptr<Collective> collective;
    std::optional<Tokenizer> tokenizer;

    std::vector<const TaskDefinition*> tasks;
    std::vector<TaskTokens> tokens; // train split, in task order

    // Evaluation data (every rank: evaluations are sharded over the ranks).
    Instructions rewardbenchInstructions;
    std::vector<EvalRow> evalFull, evalPeriodic;
    std::vector<std::vector<std::int32_t>> devSequences;
    std::vector<std::size_t> devTargetStarts;
    std::vector<std::vector<std::uint8_t>> devSegments;

    // Metrics waiting to be written (rank 0), flushed at most every second.
    struct PendingMetrics {
        std::int64_t step, examples;
        std::vector<std::pair<std::string, double>> values;
    };
    std::vector<PendingMetrics> pending;
    std::chrono::steady_clock::time_point lastFlush = std::chrono::steady_clock::now();

    // `step`: the step just computed (0 outside the training loop).
    bool stopRequested(std::int64_t step = 0) const {
        return cancelFlag.load() || (externalStop && externalStop()) ||
               (options.stopAfterStep > 0 && step >= options.stopAfterStep);
    }
    void emit(json::Object event);
    Status flushMetrics(bool force);
    std::string runDir() const;
};

// Mixture rates of `tasks` under the run's mixture (explicit weights by task key).
Expected<std::vector<double>> runRates(const WorkerContext& ctx, const std::vector<const TaskDefinition*>& tasks,
                                       const std::vector<const TaskTokens*>& tokens, MixtureKind kind,
                                       const std::map<std::string, double>& weights);

// FLAMe-Opt-RM: tail-patches every task (or group) from the base checkpoint, rates the effects on
// the development set, forms the bundles and returns the mixture weights by task key. Stores
// tail-patch results and the plan; resumable per group. Returns Error::cancelled() on a stop.
Expected<std::map<std::string, double>> runTailpatchPhase(WorkerContext& ctx);

// Judges the rows (eval mode, no gradients). With several ranks it is a collective: every rank
// must call it with the same rows; each judges every world-th row and all get the whole outcome.
EvalOutcome evaluateRows(WorkerContext& ctx, TransformerImpl& model, const std::vector<EvalRow>& rows);
// The held-out target loss on the dev-split sequences (a collective like evaluateRows).
double devLoss(WorkerContext& ctx, TransformerImpl& model);

} // namespace flame::training
