#pragma once
// Loading a run's model for evaluation, probes and export: the run's configuration, its
// tokenizer (checked against the hash the run recorded), a checkpoint's weights, and the
// instruction versions the run recorded (the formatter uses them, so re-evaluating a run after an
// instruction edit formats exactly as the run was trained).
#include <cstdint>
#include <string>
#include <vector>

#include "model/catalog.h"
#include "model/error.h"
#include "storage/workspace.h"
#include "training/checkpoint.h"
#include "training/config.h"
#include "training/network.h"
#include "training/tokenizer.h"

namespace flame::training {

// <ws>.flame.d/runs/<id>
std::string runDirectory(const Workspace& ws, std::int64_t runId);

// The run's checkpoint at `step` (step < 0: the latest). BadInput when there is none.
Expected<std::pair<std::int64_t, std::string>> findCheckpoint(const Workspace& ws, std::int64_t runId, std::int64_t step);

// The instructions `taskKey` is formatted with in run `runId`: the version recorded at the run's
// creation, or the current one for a task the run did not record.
Expected<Instructions> runInstructions(Workspace& ws, std::int64_t runId, const std::string& taskKey);

// The run's tokenizer, verified against the hash recorded in its configuration.
Expected<Tokenizer> runTokenizer(Workspace& ws, const TrainConfig& config);

struct RunModel {
    Transformer model{nullptr};
    Tokenizer tokenizer;
    TrainConfig config;
    CheckpointState state;           // of the checkpoint at the requested step
    std::string checkpointDir;
    std::vector<std::int64_t> averagedSteps; // the checkpoints whose weights were averaged (one: none)
    RunModel(Tokenizer t) : tokenizer(std::move(t)) {}
};

// Loads the run's model at a checkpoint onto `device` ("cpu", "cuda", "cuda:K"), in eval mode.
// With average = K > 1 its parameters are the mean of that checkpoint's and of the K - 1 kept
// checkpoints before it (weight averaging: at the tiny scale single checkpoints of one run swing
// by tens of points on Chat Hard; docs/reproduction.md). BadInput when fewer are kept.
Expected<RunModel> loadRunModel(Workspace& ws, std::int64_t runId, std::int64_t step, const std::string& device,
                                int average = 1);

// Parses "cpu" / "cuda" / "cuda:K" and checks that CUDA is there when asked for.
Expected<std::string> checkDevice(const std::string& device);

// "cpu" and every visible CUDA device ("cuda:0", ...).
std::vector<std::string> availableDevices();

// Threads for this process: `requested`, or the cores divided by the local ranks.
int chooseThreads(int requested, int localRanks);

// Sets LibTorch's intra-op threads and OpenBLAS's own thread pool. OpenBLAS (pthreads build)
// spawns its own workers for every GEMM; beside ATen's OpenMP workers they oversubscribe the
// cores, and on a shared 2-core machine a step measured 2-8x slower and erratic. So OpenBLAS runs
// one thread per process unless FLAME_BLAS_THREADS says otherwise (several cores are then used
// through ranks or ATen's threads). Also keeps glibc from returning the large per-step buffers
// to the kernel between steps (see the .cpp). Returns the intra-op threads set.
int configureThreads(int requested, int localRanks);

} // namespace flame::training
