#pragma once
// One generator per content family of the catalog's "sample" profiles. Each fills the task's
// input fields (in catalog order) and target fields, then applies the task's annotator model:
// label noise per annotator, and for some pairwise tasks a preference for the longer response.
#include <string>

#include "model/catalog.h"
#include "model/judgment.h"
#include "model/sample/world.h"

namespace flame::sample {

// Fills context, target and annotator of `out` (task key and split are the caller's).
// Returns false if the task's family is unknown or its fields do not fit the family.
bool generateJudgment(const TaskDefinition& task, Writer& writer, Judgment& out);

// True if `family` names a generator (used by the catalog test).
bool isKnownFamily(const std::string& family);

} // namespace flame::sample
