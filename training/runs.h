#pragma once
// Creating training runs (no Torch): resolves a TrainConfig against the workspace (tokenizer,
// vocabulary, the parent's network for FLAMe-RM and FLAMe-Opt-RM, the scaled cap, the task list,
// the parent checkpoint), validates it, records the instruction version of every task, and inserts
// the run as "queued". A worker (`flame worker`) then runs it; the GUI does the same.
#include <cstdint>
#include <string>
#include <vector>

#include "model/catalog.h"
#include "model/error.h"
#include "storage/workspace.h"
#include "training/config.h"

namespace flame::training {

// Training judgments (train split) per task, from the statistics table.
Expected<std::vector<std::pair<const TaskDefinition*, std::int64_t>>> trainCounts(Workspace& ws, bool aiFeedback);

// The tasks a configuration trains on: its explicit list, or every FLAMe task with human labels and
// training data (AI-feedback tasks only with aiFeedback).
Expected<std::vector<const TaskDefinition*>> runTasks(Workspace& ws, const TrainConfig& config);

// Resolves defaults in place (see the file comment). Fails with BadInput on bad combinations.
Status resolveConfig(Workspace& ws, TrainConfig& config);

// Resolves, validates and inserts the run; returns its id.
Expected<std::int64_t> createRun(Workspace& ws, TrainConfig config, const std::string& name);

// The mixture preview of a configuration: task, capability, examples, rate, examples per step.
struct MixtureRow {
    std::string task, capability, type;
    std::int64_t examples = 0;
    double rate = 0, perStep = 0;
};
Expected<std::vector<MixtureRow>> mixturePreview(Workspace& ws, const TrainConfig& config);

} // namespace flame::training
