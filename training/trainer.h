#pragma once
// The training loop of one phase (a whole run, or one tail-patch): AdamW with linear warm-up and
// cosine decay, global gradient-norm clipping, gradient accumulation over micro-batches, gradient
// all-reduce across ranks, bf16 autocast on CUDA, periodic evaluation and checkpoints through
// hooks, and a clean stop at a step boundary when asked (SIGTERM, cancel request).
//
// Determinism: the loss of a step is the sum of the target-token NLL of the whole global batch
// divided by its target-token count, so ranks and micro-batches only change summation order; the
// data stream and the dropout masks depend on the seed and the global example number only. On CPU
// a resumed run reproduces an uninterrupted run's losses bit for bit (same thread count).
#include <torch/optim/adamw.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "model/json.h"
#include "training/config.h"
#include "training/data.h"
#include "training/distributed.h"
#include "training/network.h"

namespace flame::training {

// lr at `step` (1-based) of `totalSteps`: linear warm-up to lr, cosine to lr * minLrRatio.
double learningRate(const OptimConfig& optim, std::int64_t step, std::int64_t totalSteps);

// AdamW with weight decay on matrices only (not on biases, norms, position or segment embeddings).
std::unique_ptr<torch::optim::AdamW> makeOptimizer(TransformerImpl& model, const OptimConfig& optim);

struct LoopOptions {
    std::int64_t firstStep = 1, lastStep = 1; // steps to run now (1-based, inclusive)
    std::int64_t totalSteps = 1;              // of the schedule
    std::int64_t examplesBefore = 0;          // examples seen before firstStep
    int batch = 16, microBatch = 0;
    int rank = 0, world = 1;
    OptimConfig optim;
    double dropout = 0.05;
    std::uint64_t seed = 1;
    int maxSeq = 384, maxTarget = 96;
    int evalEvery = 0, checkpointEvery = 0; // 0: only at the last step
    bool evalAtEnd = true, checkpointAtEnd = true;
    bool bf16 = false;                      // autocast on CUDA
    double contextLoss = 0;                 // weight of the auxiliary next-token loss on the context
    double targetLoss = 1;                  // weight of the loss on the target (0: a pretrain run)
    std::string phase = "main";
};

struct StepMetrics {
    std::int64_t step = 0, examples = 0;
    double loss = 0, lr = 0, gradNorm = 0, seconds = 0, dataWaitSeconds = 0, dataBuildSeconds = 0;
    double contextLoss = -1; // per context token; -1 when the run has no context loss
    std::int64_t tokens = 0; // tokens processed by this rank
};

struct LoopHooks {
    std::function<void(const StepMetrics&)> onStep;
    // Called once `step` is computed: true when the run should stop after it. The loop makes the
    // ranks agree (any rank's request stops all).
    std::function<bool(std::int64_t step)> stopRequested;
    std::function<Status(std::int64_t step, std::int64_t examples)> evaluate;
    std::function<Status(std::int64_t step, std::int64_t examples, const MixtureSampler::State& sampler)> checkpoint;
    Collective* collective = nullptr;
};

enum class LoopEnd { Finished, Stopped };

// Runs steps firstStep..lastStep. `sampler` starts at its current state.
Expected<LoopEnd> runLoop(TransformerImpl& model, torch::optim::Optimizer& optimizer,
                          const std::vector<const TaskTokens*>& tasks, MixtureSampler sampler, const LoopOptions& options,
                          const LoopHooks& hooks);

// Makes every rank's parameters equal to rank 0's (after a fresh initialisation or a load).
void broadcastParameters(TransformerImpl& model, Collective& collective);

} // namespace flame::training
