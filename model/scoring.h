#pragma once
// RewardBench v1 scoring exactly as allenai/reward-bench computes it (reference/benchmarks.md
// section 1): per-subset accuracy over results in {0, 0.5, 1}, example-weighted sections with the
// official EXAMPLE_COUNTS (math-prm weighted 984), the unweighted mean of the four sections as the
// score (FLAMe Table 2), and the legacy paper-era score when prior-set results exist.
// Pure arithmetic: the judge, the baselines and `flame score rewardbench` all feed it.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.h"
#include "model/rewardbench.h"

namespace flame::rewardbench {

// Running sum of per-example results of one subset.
struct SubsetTally {
    double sum = 0;
    std::int64_t count = 0;
    void add(double result) {
        sum += result;
        ++count;
    }
    double accuracy() const { return count ? sum / double(count) : 0.0; }
};

// The prior sets of the legacy score (benchmarks.md 1.7a): their unweighted nanmean is "Prior".
inline constexpr std::string_view kPriorSubsets[] = {"anthropic_helpful", "anthropic_hhh", "shp",
                                                     "summarize"};

struct Scores {
    std::map<std::string, double> subsets;      // accuracy of every subset seen, known or not
    std::map<std::string, std::int64_t> counts; // examples per subset
    std::array<double, 4> sections{};           // indexed by Section; 0 when no subset present
    std::array<bool, 4> sectionPresent{};
    double score = 0;                           // mean of the four sections
    std::optional<double> prior;                // nanmean of the prior sets present
    std::optional<double> legacyScore;          // (2*(four sections) + prior) / 9, only with prior
    double section(Section s) const { return sections[std::size_t(s)]; }
};

// Scores from per-subset accuracies. Subsets outside the 23 core subsets and the prior sets are
// kept in `subsets` but weigh nothing.
Scores computeScores(const std::map<std::string, double>& accuracies,
                     const std::map<std::string, std::int64_t>& counts = {});
Scores computeScores(const std::map<std::string, SubsetTally>& tallies);

// Section score: sum(acc * EXAMPLE_COUNTS) / sum(EXAMPLE_COUNTS) over the present subsets of the
// section (RB utils.py calculate_scores_per_section); 0 when none is present.
double sectionScore(Section section, const std::map<std::string, double>& accuracies,
                    bool* present = nullptr);

// Score of one tail-patch category (Chat, Chat Hard, Math, Coding, Safety): the example-weighted
// mean over the present subsets of that category, as sections are (Math is math-prm alone,
// Coding the six hep-* subsets); 0 when none is present.
double categoryScore(Category category, const std::map<std::string, double>& accuracies, bool* present = nullptr);

// Per-example result of a judge that saw the pair in both orders (chosen shown as A, then as B).
// Each order gives 1 when the chosen response wins, 0 when it loses and 0.5 on a tie (RB counts
// anything that is not a verdict as 0.5); the example's result is the mean of the two orders,
// which is the expectation of RewardBench's single random-order presentation.
double orderResult(double chosenScore, double rejectedScore);
inline double bothOrdersResult(double firstOrder, double secondOrder) {
    return 0.5 * (firstOrder + secondOrder);
}

// Baselines measured on the same set (issue 4, part 6).
enum class Baseline { Random, AlwaysLonger, AlwaysFirst };
const char* toString(Baseline b); // "random", "always-longer", "always-first"
// Result of a baseline on one example judged in both orders. Random flips a seeded coin per
// order; always-longer picks the response with more characters (tie: 0.5); always-first picks
// whatever is shown as A, so over both orders it scores exactly 0.5.
double baselineResult(Baseline b, std::size_t chosenChars, std::size_t rejectedChars,
                      std::uint64_t seed, std::uint64_t exampleIndex);

// Length split. In RewardBench's Chat Hard and Safety (and in the sample sets shaped like it) the
// chosen response is mostly the shorter one, so a length rule alone scores well there. Per section:
// the accuracy on the pairs whose chosen response is the longer one and on those where it is the
// shorter one (equal lengths left out; pairs, not weighted by subset). Their mean, the
// length-controlled accuracy, is 0.5 for any pure length rule whatever the section's lean, so what
// it shows above 0.5 is content.
struct LengthSplit {
    SubsetTally chosenLonger, chosenShorter;
    SubsetTally sameLength; // pairs of equal length, outside both sides
    std::optional<double> controlled() const; // nullopt unless both sides have pairs
    // The accuracy over all pairs with the two sides reweighted to equal shares of the pairs of
    // unequal length: (same-length sum + unequal pairs x controlled) / all pairs. Equal to
    // controlled() without same-length pairs and near the plain accuracy where most pairs have
    // the same length (Math, Coding); nullopt unless both sides have pairs.
    std::optional<double> balanced() const;
};
using LengthSplits = std::array<LengthSplit, 4>; // indexed by Section
// Adds one pair; subsets outside the 23 core subsets are ignored.
void addToLengthSplits(LengthSplits& splits, std::string_view subset, double result, std::size_t chosenChars,
                       std::size_t rejectedChars);

// The same split per tail-patch category (Chat, Chat Hard, Math, Coding, Safety; indexed by
// Category). FLAMe-Opt-RM can rate its tail-patches on its balanced() accuracy
// (`--tailpatch-measure length-controlled`), so that a fine-tune that only flips the network's
// length preference does not count as helpful on a category whose pairs lean one way.
using CategoryLengthSplits = std::array<LengthSplit, 5>;
void addToCategoryLengthSplits(CategoryLengthSplits& splits, std::string_view subset, double result,
                               std::size_t chosenChars, std::size_t rejectedChars);

// Reads `flame score rewardbench` input: one JSON object per line with "subset" and "result"
// (0, 0.5 or 1; other fields ignored). Blank lines are skipped. Errors name the line.
Expected<std::map<std::string, SubsetTally>> readResultsJsonl(std::string_view text,
                                                              const std::string& fileName);

// {"subsets": {name: acc}, "sections": {"chat": x, ...}, "score": x, "legacy_score": x|null}
std::string scoresToJson(const Scores& scores);

} // namespace flame::rewardbench
