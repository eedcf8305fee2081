#pragma once
// One human quality judgment as the domain sees it. Judgments never store formatted text: the
// formatter renders them with the task's instructions when they are read (DESIGN.md section 3).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/format.h"
#include "model/hash.h"
#include "model/json.h"

namespace flame {

enum class Split { Train = 0, Dev = 1, Test = 2 };
const char* toString(Split split);
std::optional<Split> parseSplit(std::string_view text);

struct Judgment {
    std::int64_t id = 0; // database id; 0 before insertion
    std::string taskKey;
    Split split = Split::Train;
    Fields context; // in the task's input-field order
    Fields target;  // in the task's output-field order
    std::string annotator; // empty when unknown
    // External identity of the judged item where the source has one (dataset ids, or the
    // generator's seed/task/ordinal), so that equal content judged twice stays two judgments.
    std::string item;
    bool aiFeedback = false;

    // Identity of the content: task, context, target, annotator and item (not split or id), so
    // imports are idempotent and an export re-imports to the same hashes.
    Hash128 contentHash() const;
    // Value of the task's primary output field (choice, rating, answer), or "".
    std::string label() const { return target.empty() ? std::string() : target.front().value; }
};

// Fields as a compact JSON object and back (the stored form of context and target).
std::string fieldsToJson(const Fields& fields);
// Reads a JSON object of string values. Non-string scalars are rejected.
std::optional<Fields> fieldsFromJson(std::string_view text, std::string* error = nullptr);
std::optional<Fields> fieldsFromJson(const json::Value& object, std::string* error = nullptr);

} // namespace flame

namespace flame {
struct TaskDefinition;
// Checks a judgment against its task: every input field known, target fields exactly the task's
// output fields in order, and the label allowed (pairwise A/B, rating on the scale, a listed
// classification label). Returns a reason, or "" when valid.
std::string checkJudgment(const TaskDefinition& task, const Judgment& judgment);
// Puts context and target fields into the task's order (fields not in the task stay last).
void orderFields(const TaskDefinition& task, Judgment& judgment);
} // namespace flame
