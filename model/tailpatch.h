#pragma once
// Tail-patch mixture optimisation of FLAMe-Opt-RM (paper section 4.3; reference/flame-paper.md
// section 3.4), the arithmetic part: rate the measured effect of each task per RewardBench
// category, form the seven bundles and derive the mixture weights. Pure: training/ measures,
// this decides.
//
// The paper's ratings were judged by its authors; here they are thresholds on the change of the
// category score on the development set (never the evaluation set), documented defaults:
//   -1 harmful:          delta <= -harm
//   +2 helpful:          delta >= strong, and stable: the mid-way measurement (when there is one)
//                         already improved by at least `weak`
//   +1 somewhat helpful: delta >= weak (including a strong but unstable gain)
//    0 otherwise.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/catalog.h"
#include "model/rewardbench.h"

namespace flame::tailpatch {

using rewardbench::Category;
inline constexpr std::size_t kCategoryCount = 5; // Chat, Chat Hard, Math, Coding, Safety
inline std::size_t index(Category c) { return std::size_t(c); }

struct RatingRules {
    double strong = 0.05; // +2 threshold on the change (fraction, 0.05 = 5 points)
    double weak = 0.02;   // +1 threshold
    double harm = 0.05;   // -1 threshold (drop)
};

// One category's measurement for one task.
struct Measurement {
    double base = 0;     // the starting checkpoint's score on the development set
    double patched = 0;  // after tail-patching on the task
    std::optional<double> mid; // half-way through tail-patching, for the stability condition
    double delta() const { return patched - base; }
};

int rate(const Measurement& m, const RatingRules& rules);

struct TaskEffect {
    std::string key;
    std::array<Measurement, kCategoryCount> measurements{};
    std::array<int, kCategoryCount> ratings{};
    int total() const;
};

// Rates every category of every task in place.
void rateAll(std::vector<TaskEffect>& effects, const RatingRules& rules);

// How a category bundle is formed.
//  Paper:    the tail-patch lifts the category past the paper's absolute threshold tau
//            (patched >= tau and patched > base); tau = 95% Chat, 66% Chat Hard, 99.8% Math,
//            84% Coding, 85% Safety. These are levels of a 24B model; small models rarely pass.
//  Relative: the tail-patch is rated +2 (helpful) for the category; the default, because the
//            absolute levels of a 24B model mean nothing for a model a thousand times smaller.
enum class TauMode { Paper, Relative };
const char* toString(TauMode mode);
std::optional<TauMode> parseTauMode(std::string_view text);
inline constexpr std::array<double, kCategoryCount> kPaperTau = {0.95, 0.66, 0.998, 0.84, 0.85};

struct BundleRules {
    int generalMinTotal = 5; // "Generally helpful": total rating >= 5 in the paper's study
    TauMode tauMode = TauMode::Relative;
    std::array<double, kCategoryCount> tau = kPaperTau;
};

// The paper's weights: 100K general, 30K per category bundle (summed over bundles), 3K others,
// and a fixed 200K for the top-2 most helpful tasks (largest gains inside the category bundle) of
// each weak category (Chat Hard, Coding, Safety). They act as relative sampling rates; `scale` multiplies them all (for display and for
// runs that read them as example budgets), which leaves the rates unchanged.
struct Weights {
    double general = 100000;
    double specific = 30000;
    double others = 3000;
    double topSpecific = 200000;
    int topCount = 2;
    std::vector<Category> weakCategories = {Category::ChatHard, Category::Coding, Category::Safety};
    double scale = 1.0;
};

struct Plan {
    std::vector<TaskEffect> effects; // rated
    std::vector<std::string> general;
    std::array<std::vector<std::string>, kCategoryCount> specific;
    std::vector<std::string> others;
    std::array<std::vector<std::string>, kCategoryCount> top; // fixed-weight tasks per category
    std::map<std::string, double> weights;                    // per task, scaled
    // Names of the bundles a task belongs to: "general", "chat", ..., "others", "top:<cat>".
    std::vector<std::string> bundlesOf(const std::string& key) const;
};

Plan planMixture(std::vector<TaskEffect> effects, const RatingRules& ratingRules,
                 const BundleRules& bundleRules, const Weights& weights);

// Tail-patching every task costs one fine-tune per task; as an option for speed, tasks are
// patched in groups of the same capability and task type (at most `maxGroupSize` each), and every
// member gets its group's measurement.
struct PatchGroup {
    std::string name; // "<capability>/<type>[#k]"
    std::vector<std::string> keys;
};
std::vector<PatchGroup> groupTasks(const std::vector<const TaskDefinition*>& tasks, int maxGroupSize);

} // namespace flame::tailpatch
