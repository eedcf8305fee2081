#pragma once
// The model's verdicts on corpus judgments (`flame predict`): every judgment of a split of the
// run's pairwise, classification and pointwise tasks is judged by the log-likelihood of each
// allowed label; the verdict, its probability among the labels, and whether it agrees with the
// human label go to run_predictions, where the GUI lists the disagreements (issue 5, part 7).
#include <cstdint>
#include <map>
#include <string>

#include "model/error.h"
#include "storage/workspace.h"

namespace flame::training {

struct PredictRequest {
    std::int64_t runId = 0;
    std::int64_t step = -1;
    int average = 1; // weights averaged over this many checkpoints up to `step` (not stored)
    std::string split = "dev";
    std::string task;              // empty: every task of the run with candidate labels
    std::int64_t limitPerTask = 0; // 0: all
    std::string device = "cpu";
    int threads = 0;
    bool store = true;
};

struct PredictReport {
    std::int64_t step = 0, judged = 0, agree = 0;
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> perTask; // task -> (agree, judged)
    double seconds = 0;
};

Expected<PredictReport> predictJudgments(Workspace& ws, const PredictRequest& request);

} // namespace flame::training
