#pragma once
// RewardBench-style evaluation (reference/benchmarks.md section 1) of the network on a
// RewardBench-shaped set stored in the workspace: the held-out sample set ("sample"), the
// tail-patch development set ("sample-dev") or an imported real file ("rewardbench"). Every pair is
// formatted with the rewardbench-pairwise task's instructions and judged in both orders by the
// log-likelihood of "choice: A" against "choice: B"; per-example results, subset accuracies,
// sections and scores come from model/scoring.h.
//
// Combining the two orders: each response's reward is its log-odds of being picked, averaged over
// both presentations, ½[(log p(A) - log p(B) | chosen shown as A) + (log p(B) - log p(A) | chosen
// shown as B)]; the example scores 1 when the chosen response's reward is higher, 0 when lower and
// 0.5 on an exact tie (RewardBench's rule for reward models, with the generative judges' half credit
// for ties). A constant preference for a position cancels out, which is what judging both orders
// is for. The verdict rule (each order's verdict, averaged: any position-biased judge scores exactly
// 0.5) is reported beside it as `verdicts`. The baselines (random, always-longer,
// always-first) are measured on the same rows.
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/catalog.h"
#include "model/error.h"
#include "model/scoring.h"
#include "model/tailpatch.h"
#include "storage/workspace.h"
#include "training/config.h"

namespace flame::training {

class TransformerImpl;
class Tokenizer;

struct EvalRow {
    std::int64_t id = 0;
    std::string subset, prompt, chosen, rejected;
};

// Rows of `set` in id order. With limit > 0 a stratified subset: each subset keeps its first
// max(1, round(rows * limit / total)) rows, so every subset is represented. BadInput when the set
// is empty or unknown.
Expected<std::vector<EvalRow>> loadEvalSet(Workspace& ws, const std::string& set, std::int64_t limit = 0);
// That stratified subset of `rows` (all of them when limit <= 0).
std::vector<EvalRow> stratifiedRows(std::vector<EvalRow> rows, std::int64_t limit);

struct PairJudgment {
    double firstA = 0, firstB = 0;   // chosen shown as A: log p("choice: A"), log p("choice: B")
    double secondA = 0, secondB = 0; // chosen shown as B
    double result = 0;               // from the position-averaged rewards: 0, 0.5 (tie) or 1
    double verdictResult = 0;        // mean of the two orders' verdicts: 0, 0.25, 0.5, 0.75, 1
    // Margin of the chosen response averaged over both orders (for confidence displays).
    double margin() const { return 0.5 * ((firstA - firstB) + (secondB - secondA)); }
};

struct EvalOutcome {
    std::vector<PairJudgment> judgments; // one per row
    std::map<std::string, rewardbench::SubsetTally> tallies, verdictTallies;
    rewardbench::Scores scores, verdictScores;
    std::array<double, tailpatch::kCategoryCount> categories{}; // Chat, Chat Hard, Math, Coding, Safety
    // The same categories length-controlled: the accuracy over the category's pairs with the
    // chosen-longer and chosen-shorter pairs reweighted to equal shares (LengthSplit::balanced;
    // pairs, not subset-weighted); the plain category score where one side has no pairs (Coding's
    // pairs all have equal lengths in the sample sets). Filled by outcomeFromLogProbs.
    std::array<double, tailpatch::kCategoryCount> lengthControlledCategories{};
    double seconds = 0;
};

// Judges every row with the model (both orders); `streams` as in scoreCandidates.
EvalOutcome judgePairs(TransformerImpl& model, const Tokenizer& tokenizer, const Instructions& instructions,
                       const std::vector<EvalRow>& rows, int maxSeq, int maxRows = kJudgeRows, int streams = 1);

// The log-probabilities of one row: {first A, first B, second A, second B}, "first" being the
// presentation with the chosen response as A.
using PairLogProbs = std::array<double, 4>;
// judgePairs split for data-parallel ranks: scores the rows i with i % shards == shard and leaves
// the others at zero, so that the ranks' vectors add up (one all-reduce sum) to the whole set's.
std::vector<PairLogProbs> judgeShard(TransformerImpl& model, const Tokenizer& tokenizer, const Instructions& instructions,
                                     const std::vector<EvalRow>& rows, int maxSeq, int shard, int shards,
                                     int maxRows = kJudgeRows, int streams = 1);
// Results, tallies, scores and categories of `rows` from their log-probabilities (seconds left 0).
EvalOutcome outcomeFromLogProbs(const std::vector<EvalRow>& rows, const std::vector<PairLogProbs>& logProbs);

// A baseline's outcome on the same rows.
EvalOutcome baselineOutcome(rewardbench::Baseline baseline, const std::vector<EvalRow>& rows, std::uint64_t seed = 1);

// Subset rows for storage (eval_results).
struct SubsetRow {
    std::string subset;
    double accuracy = 0;
    std::int64_t examples = 0;
};
std::vector<SubsetRow> subsetRows(const EvalOutcome& outcome);

// Fills scores and categories from tallies.
void finishOutcome(EvalOutcome& outcome);

// --- `flame eval` ---------------------------------------------------------------------------------

struct EvalRequest {
    std::int64_t runId = 0;
    std::string set = "sample";
    std::int64_t step = -1; // checkpoint step; -1: the latest
    int average = 1;        // weights averaged over this many checkpoints up to `step` (not stored)
    std::int64_t limit = 0;
    std::string device = "cpu";
    int threads = 0;
    bool store = true; // write eval_results rows
};

// What a per-example results line says about the pair besides the judge's result.
struct EvalExampleInfo {
    std::int64_t id = 0;
    std::string subset;
    std::size_t chosenChars = 0, rejectedChars = 0;
};

struct EvalReport {
    std::string set;
    std::int64_t step = 0;
    std::int64_t examples = 0;
    EvalOutcome model;
    std::vector<EvalExampleInfo> rows; // aligned with model.judgments
    rewardbench::LengthSplits lengthSplits; // of the model's results
    std::vector<std::int64_t> averagedSteps; // checkpoints averaged (empty: `step` alone)
    std::vector<std::pair<rewardbench::Baseline, EvalOutcome>> baselines;
};

Expected<EvalReport> evaluateRun(Workspace& ws, const EvalRequest& request);

} // namespace flame::training
