#pragma once
// The deterministic sample corpus (DESIGN.md section 6): the catalog's 102 tasks filled with
// generated judgments whose shares by task type and capability follow the paper's Figures 3 and
// 4, a held-out evaluation set shaped like RewardBench v1, a development set of the same shape
// for tail-patching (never the evaluation set), and a bias-probe set shaped like CoBBLEr.
// Everything here is generated; the workspace marks it so wherever it is shown.
//
// Determinism: every row is generated from its own random stream seeded by (seed, task, ordinal),
// so the same options give the same rows in the same order, whatever is asked for around them.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "model/catalog.h"
#include "model/judgment.h"

namespace flame::sample {

struct SampleOptions {
    std::int64_t judgments = 20000;
    std::uint64_t seed = 1;
    double evalScale = 0.25; // evaluation set rows = official rows x scale (at least 2 a subset)
    double devScale = 0.1;   // development set, same shape
    int biasInstructions = 50; // CoBBLEr uses 50 instructions x 15 systems
};

// The paper's shares (Figure 3 by task type, Figure 4 by capability), in percent.
double paperTypeShare(TaskType type);
double paperCapabilityShare(Capability cap);

struct TaskPlan {
    const TaskDefinition* task = nullptr;
    std::size_t taskIndex = 0; // index in the catalog, part of the seed
    std::int64_t count = 0;
};

// Rows per task: the profile weights fitted (iterative proportional fitting) so that both
// marginals match the paper, then rounded by largest remainder to exactly `judgments`.
std::vector<TaskPlan> planCorpus(const Catalog& catalog, std::int64_t judgments);

// Generates row `ordinal` of task `plan`; deterministic for (seed, plan.taskIndex, ordinal).
bool generateRow(const TaskPlan& plan, std::uint64_t seed, std::int64_t ordinal, Judgment& out);

// One RewardBench-shaped example.
struct EvalExample {
    std::string set; // "sample" (the evaluation set) or "sample-dev" (tail-patch development set)
    std::string subset;
    std::string prompt, chosen, rejected, chosenModel, rejectedModel;
};
std::vector<EvalExample> generateEvalSet(const std::string& setName, double scale, std::uint64_t seed);
// Identity of a RewardBench-shaped pair whatever its subset (the refusal subsets share a
// generator): what "the same pair" means between the development and evaluation sets.
std::string pairIdentity(std::string_view prompt, std::string_view chosen, std::string_view rejected);
// The tail-patch development set: shaped like the evaluation set (max(2, round(rows x scale)) per
// subset) from a stream of its own, and disjoint from `evaluation`. Some subsets' templates allow
// few distinct pairs (the hep-* ones, the refusals), so a plain second sample repeats evaluation
// pairs (75 of 270 at scale 0.1); a candidate identical to an evaluation pair or to an earlier
// development pair is skipped and another drawn, at most 20 draws per row wanted, so a subset with
// too few distinct pairs ends up smaller rather than overlapping.
std::vector<EvalExample> generateDevSet(const std::string& setName, double scale, std::uint64_t seed,
                                        const std::vector<EvalExample>& evaluation);

// One CoBBLEr-shaped instruction with a reference and one response per system.
struct BiasItem {
    std::string instruction, reference;
    std::vector<std::pair<std::string, std::string>> responses; // (system, response)
};
std::vector<BiasItem> generateBiasSet(int instructions, std::uint64_t seed);

} // namespace flame::sample
