#pragma once
// Task mixtures of a training run (paper section 4): the sampling rate of every task.
//  - examples-proportional with a cap (T5, used by FLAMe): r_m = min(e_m, K) / sum_n min(e_n, K);
//    the paper caps at K = 2^16 for its 5.3M judgments;
//  - equal (FLAMe-RM's four-task mix): r_m = 1 / n over the tasks that have examples;
//  - explicit weights (FLAMe-Opt-RM's tail-patch weights): r_m = w_m / sum_n w_n.
// Tasks without training examples get rate 0 whatever their weight.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.h"

namespace flame {

enum class MixtureKind { Proportional, Equal, Explicit };
const char* toString(MixtureKind kind); // "proportional", "equal", "explicit"
std::optional<MixtureKind> parseMixtureKind(std::string_view text);

inline constexpr std::int64_t kPaperCap = 65536;            // 2^16 examples per task
inline constexpr std::int64_t kPaperCorpusSize = 5300000;   // judgments in the FLAMe collection

// The cap scaled to a corpus of `corpusSize` judgments, keeping the paper's ratio of cap to
// corpus (2^16 / 5.3M, about 1.24%); at least 1.
std::int64_t scaledCap(std::int64_t corpusSize);

struct MixtureTask {
    std::string key;
    std::int64_t examples = 0; // training examples available
    double weight = 0;         // only for Explicit
};

struct MixtureSpec {
    MixtureKind kind = MixtureKind::Proportional;
    std::int64_t cap = kPaperCap; // only for Proportional; <= 0 means no cap
};

// Rates in the order of `tasks`, summing to 1. Fails when no task has examples (or, for Explicit,
// when no task with examples has a positive weight).
Expected<std::vector<double>> mixtureRates(const std::vector<MixtureTask>& tasks, const MixtureSpec& spec);

// Expected examples of each task in one batch of `batch` examples (the GUI's mixture preview).
std::vector<double> examplesPerStep(const std::vector<double>& rates, int batch);

} // namespace flame
