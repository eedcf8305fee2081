#pragma once
// Corpus statistics from the per-task statistics table (never count(*) over judgments).
#include <cstdint>
#include <map>
#include <string>

#include "storage/workspace.h"

namespace flame {

struct WorkspaceStats {
    std::int64_t judgments = 0;
    std::size_t tasks = 0; // tasks of the FLAMe collection in the catalog
    bool generated = false;
    std::map<std::string, std::int64_t> byType, byCapability, bySplit, byTask;
    std::int64_t humanJudgments = 0, aiJudgments = 0;
    std::int64_t evalExamples = 0;
    std::map<std::string, std::int64_t> evalBySet;
    std::int64_t biasItems = 0;
    std::int64_t searchPending = 0; // judgments not yet in the full-text index
};

Expected<WorkspaceStats> computeStats(Workspace& ws);
// The stable JSON documented in the README (`flame stats WS --json`).
std::string statsToJson(const WorkspaceStats& stats);

} // namespace flame
