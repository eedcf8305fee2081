#pragma once
// How the training commands print RewardBench-style scores: the per-subset and per-section
// table, the JSON form of Scores, and the length split of an evaluation (text and JSON).
#include <string>
#include <utility>
#include <vector>

#include "model/json.h"
#include "model/scoring.h"

namespace flame::cli {

// One column per named Scores; rows are the subsets present in the first column, the four
// sections and the score.
void printScoresTable(const std::vector<std::pair<std::string, const rewardbench::Scores*>>& columns);
json::Value scoresJson(const rewardbench::Scores& s);
// {"chat_hard": {"chosen_longer": acc|null, "chosen_longer_pairs": n, "chosen_shorter": ...,
//  "chosen_shorter_pairs": n, "controlled": x|null}, ...}
json::Value lengthSplitJson(const rewardbench::LengthSplits& splits);
void printLengthSplit(const rewardbench::LengthSplits& splits);

} // namespace flame::cli
