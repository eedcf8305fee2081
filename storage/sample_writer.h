#pragma once
// Writes the generated sample corpus (model/sample/) into a workspace: judgments in batched
// transactions, then the RewardBench-shaped evaluation and development sets and the CoBBLEr-shaped
// bias set. Idempotent: rows are identified by content hash, so running it again with the same
// options adds nothing, and a run killed midway is completed by running it again.
// The full-text index is not touched: call indexSearchText() (storage/search_index.h) after.
#include <cstdint>
#include <functional>

#include "model/sample/corpus.h"
#include "storage/workspace.h"

namespace flame {

struct SampleWriteResult {
    std::int64_t inserted = 0;
    std::int64_t duplicates = 0;
    std::int64_t evalExamples = 0;
    std::int64_t biasItems = 0;
};

// Called with (rows done, rows total); return false to cancel (committed batches stay).
using ProgressFn = std::function<bool(std::int64_t done, std::int64_t total)>;

Expected<SampleWriteResult> writeSampleCorpus(Workspace& ws, const sample::SampleOptions& options,
                                              const ProgressFn& progress = {});

// Evaluation examples (any source). Returns the number inserted (duplicates are skipped).
struct EvalWriter {
    static Expected<EvalWriter> create(Workspace& ws, std::int64_t sourceId);
    Expected<bool> insert(const sample::EvalExample& e, const std::string& externalId = {});
    db::Statement statement;
    std::int64_t sourceId = 0;
    Workspace* ws = nullptr;
};

} // namespace flame
