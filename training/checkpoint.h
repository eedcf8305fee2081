#pragma once
// Checkpoints: one folder per step, <ws>.flame.d/runs/<run>/ckpt-<step>/, holding
//   model.pt      the weights as a state dict of named tensors (torch.load reads it in Python)
//   optimizer.pt  the AdamW state (moments and step counts) in LibTorch's archive format
//   rng.bin       the Torch CPU generator state
//   state.json    step, examples seen, sampler position, run configuration, tokenizer hash, and
//                 the size and MurmurHash3 of every file above
// A folder is written under a temporary name and renamed when complete, so a crash never leaves a
// half checkpoint under a real name; on load every file is checked against state.json, so a
// truncated or damaged file gives a clear error instead of a LibTorch stack trace.
#include <torch/optim/optimizer.h>

#include <cstdint>
#include <string>
#include <vector>

#include "model/error.h"
#include "training/data.h"
#include "training/network.h"

namespace flame::training {

struct CheckpointState {
    std::int64_t step = 0;
    std::int64_t examples = 0; // training examples seen, all ranks together
    std::string phase = "main";
    MixtureSampler::State sampler;
    std::string configJson; // the run's TrainConfig
    ModelConfig model;
    std::string tokenizerHash;
};

// Writes `dir` (replacing an existing checkpoint of the same name). `optimizer` may be null.
Status saveCheckpoint(const std::string& dir, TransformerImpl& model, torch::optim::Optimizer* optimizer,
                      const CheckpointState& state);
// Reads state.json and checks every file's size and hash.
Expected<CheckpointState> readCheckpoint(const std::string& dir);
// Loads the weights into `model` (names and shapes must match).
Status loadCheckpointWeights(const std::string& dir, TransformerImpl& model);
// Sets the parameters of `model` to their mean over the checkpoints in `dirs` (each holding the
// network of model.config()); the mean is taken in double precision.
Status averageCheckpointWeights(TransformerImpl& model, const std::vector<std::string>& dirs);
Status loadCheckpointOptimizer(const std::string& dir, torch::optim::Optimizer& optimizer);
Status restoreRng(const std::string& dir);

// The weights as bytes Python's torch.load reads (a dict of name -> tensor), and back.
std::vector<char> stateDictBytes(TransformerImpl& model);
Status loadStateDictBytes(const std::vector<char>& bytes, TransformerImpl& model, const std::string& nameForErrors);

// Removes the oldest ckpt-* folders of `runDir` beyond `keep`; returns the removed steps.
std::vector<std::int64_t> pruneCheckpoints(const std::string& runDir, int keep);
// ckpt-* folders of a run folder, by step.
std::vector<std::pair<std::int64_t, std::string>> listCheckpoints(const std::string& runDir);

json::Value samplerToJson(const MixtureSampler::State& s);
Expected<MixtureSampler::State> samplerFromJson(const json::Value& v);

} // namespace flame::training
