#pragma once
// `flame export-model`: a run's checkpoint as files Python PyTorch reads (issue 4, part 10):
//   model.pt           the weights, a dict of named tensors (torch.load)
//   config.json        the network configuration, the tokenizer hash, the run and step
//   tokenizer.model    the SentencePiece model
//   judge_check.jsonl  judge inputs with the C++ judge's scores, for scripts/flame_model.py check
#include <cstdint>
#include <string>

#include "model/error.h"
#include "storage/workspace.h"

namespace flame::training {

struct ExportRequest {
    std::int64_t runId = 0;
    std::int64_t step = -1;
    std::string output;
    int checkExamples = 16; // RewardBench-shaped pairs written to judge_check.jsonl (both orders)
    std::string set = "sample";
};

struct ExportResult {
    std::string output;
    std::int64_t step = 0;
    std::int64_t parameters = 0;
    int checkLines = 0;
};

Expected<ExportResult> exportModel(Workspace& ws, const ExportRequest& request);

} // namespace flame::training
