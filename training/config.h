#pragma once
// Typed configuration of the network and of a training run, with the JSON form stored in
// runs.config (the GUI reads and writes the same JSON). No Torch here: the CLI and the GUI's
// launch dialog include this without paying for LibTorch headers.
//
// Defaults follow the paper where it speaks (Adam, dropout 0.05, examples-proportional mixing
// with a cap, FLAMe-RM's four tasks and 50 steps, the tail-patch weights) and are scaled down for
// the `tiny` preset so that a run is useful on 2 CPU cores in minutes. Each default is listed by
// `flame train --help` and in the README.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.h"
#include "model/json.h"
#include "model/mixture.h"
#include "model/run_defaults.h"
#include "model/tailpatch.h"

namespace flame::training {

// Decoder-only pre-norm Transformer (GPT-2 layout: learned positions, tied output embedding).
struct ModelConfig {
    int vocab = 0; // set from the tokenizer
    int dModel = 128;
    int layers = 4;
    int heads = 4;
    int dFF = 512;
    int maxSeq = 384;
    double dropout = 0.05; // paper section 4.4
    // Rows of a learned segment embedding added to token + position embeddings (header, tail and
    // target, each context field; training/data.h). 0: none, as in runs from before it existed.
    int segments = 0;
    std::int64_t parameterCount() const;
};

// The network of a preset (model/run_defaults.h holds the table shared with the studio).
ModelConfig presetModel(const PresetSpec& preset);

struct OptimConfig {
    double lr = 1e-3;
    double weightDecay = 0.01;
    double beta1 = 0.9, beta2 = 0.95, eps = 1e-8;
    int warmup = 30;          // linear warm-up steps
    double minLrRatio = 0.1;  // cosine decay to lr * minLrRatio at the last step
    double clip = 1.0;        // global gradient-norm clipping; 0 disables
};

struct TailpatchConfig {
    int steps = 40;              // fine-tuning steps per task or group (paper: at most 3000)
    int batch = 8;
    double lr = 5e-4;
    std::string by = "group";    // "task": every task alone; "group": tasks of one capability and type together
    int groupSize = 4;
    std::string devSet = "sample-dev"; // the development set; never the evaluation set
    std::int64_t devLimit = 0;   // 0: the whole development set
    bool mid = true;             // also measure half-way (the "+2 must stay stable" condition)
    // What the ratings compare: "score", the category score on the development set (the paper's),
    // or "length-controlled", its mean over the chosen-longer and chosen-shorter pairs
    // (EvalOutcome::lengthControlledCategories), which a mere flip of a length preference leaves
    // unchanged.
    std::string measure = "score";
    std::string init = "scratch"; // FLAMe-Opt-RM's final training starts from "scratch" (the paper's
                                  // initial model) or from the tail-patch "base" checkpoint
    tailpatch::RatingRules rating;
    tailpatch::BundleRules bundles;
    tailpatch::Weights weights;
};

struct TrainConfig {
    std::string variant = "flame"; // pretrain | flame | flame-rm | flame-opt-rm
    std::string preset = "tiny";
    ModelConfig model;
    OptimConfig optim;
    int steps = 600;
    int batch = 16;            // global batch (examples per optimizer step, all ranks together)
    int microBatch = 0;        // examples per forward pass and rank; 0: automatic (microBatchFor)
    std::uint64_t seed = 1;
    std::string device = "cpu"; // cpu | cuda | cuda:K
    int nproc = 1;             // ranks on this machine
    int threads = 0;           // intra-op threads per rank; 0: cores / ranks
    int evalEvery = 100;       // 0: only at the end
    std::int64_t evalLimit = 0; // examples of the evaluation set per periodic evaluation; 0: all
    std::string evalSet = "sample";
    std::int64_t evalLossExamples = 256; // dev-split judgments for the held-out loss
    int checkpointEvery = 100;
    int keepCheckpoints = 3;
    int maxTarget = 96;        // target tokens kept (open-ended explanations are cut)
    // Weight of an auxiliary next-token loss on the context (instruction and fields) beside the
    // loss on the target; 0: the target alone, as in the paper. Absent in older runs (0).
    double contextLoss = 0;
    // Weight of the loss on the target; 1 except in a pretrain run, which learns from the context
    // alone (no label is ever a training signal there). Absent in older runs (1).
    double targetLoss = 1;
    MixtureKind mixture = MixtureKind::Proportional;
    std::int64_t cap = 0;      // 0: the paper's 2^16 scaled to the corpus size
    std::map<std::string, double> weights; // explicit mixture weights by task key
    std::vector<std::string> tasks;        // empty: every human-labelled FLAMe task with training data
    bool aiFeedback = false;   // include AI-feedback tasks (FLAMe does not)
    std::int64_t fromRun = 0;  // parent run (FLAMe-RM, FLAMe-Opt-RM)
    std::int64_t fromStep = -1; // parent's checkpoint step; -1: variant default
    // The initial network (the paper's pretrained model): a pretrain run's checkpoint; 0: random.
    // FLAMe-Opt-RM trained "from scratch" starts from its FLAMe parent's initial network.
    std::int64_t initRun = 0;
    std::int64_t initStep = -1; // resolved to the init run's last checkpoint when the run is created
    TailpatchConfig tailpatch;
    std::string tokenizer;     // tokenizer model, relative to the artifact folder
    std::string tokenizerHash;
    // Multi-machine data parallelism: every machine runs `nproc` ranks; ranks are numbered
    // node * nproc + local. The rendezvous is a TCPStore on rank 0's machine.
    int nodes = 1;
    int nodeRank = 0;
    std::string masterAddr = "127.0.0.1";
    int masterPort = 0;        // 0: a free port chosen by `flame train`
};

// On CPU, a forward pass pays mostly for its attention buffers (rows x heads x length^2 floats per
// layer): past about this many padded tokens per pass they leave the caches and, above glibc's
// 32 MiB mmap threshold, are page-faulted in afresh every time. Measured at the tiny preset
// (2026-11-29): judging batches of <= 1,024 prompt tokens scored the bias probes 4-6x faster than
// 32 rows of 384 tokens; training micro-batches of 2 rows (768 tokens) made a two-rank step of 16
// 0.140 s instead of 0.174 s with 8 rows.
constexpr std::size_t kCpuBatchTokens = 1024;

// Prompts per judging batch unless the caller says otherwise (on CPU also bounded by
// kCpuBatchTokens).
constexpr int kJudgeRows = 32;

// The examples per forward pass and rank: `requested` when positive; otherwise the whole per-rank
// batch on CUDA, and on CPU the largest divisor of it whose rows x maxSeq fit kCpuBatchTokens (at
// least 1). Gradients are summed over the micro-batches and normalised by the global target tokens,
// so the choice changes float rounding only.
int microBatchFor(int requested, int perRank, int maxSeq, const std::string& device);

// The paper-scaled defaults of a variant for a preset (before command-line overrides).
Expected<TrainConfig> defaultConfig(std::string_view variant, std::string_view preset);

// The four FLAMe-RM tasks (paper section 4.2): HelpSteer, PRM800K, CommitPack, HH-RLHF harmlessness.
const std::vector<std::string>& rmTasks();

json::Value toJson(const ModelConfig& m);
Expected<ModelConfig> modelConfigFromJson(const json::Value& v);
json::Value toJson(const TrainConfig& c);
Expected<TrainConfig> trainConfigFromJson(const json::Value& v);
Expected<TrainConfig> parseTrainConfig(std::string_view text);
// Checks ranges and combinations (batch divisible by ranks, micro-batch, devices); BadInput.
Status validate(const TrainConfig& c);

// World size and the device string of a local rank ("cuda:K" for rank K when device is "cuda").
inline int worldSize(const TrainConfig& c) { return c.nproc * c.nodes; }
std::string deviceForRank(const TrainConfig& c, int localRank);

} // namespace flame::training
