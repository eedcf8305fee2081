#pragma once
// Exporting judgments as JSON Lines: `judgments` (the native schema, re-importable with the same
// content hashes) or `text2text` ({task, input, target} in the unified format, with each task's
// current instructions, for other trainers). The file is written beside the target and renamed
// into place at the end, so a failed or cancelled export leaves no half-written file.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "model/judgment.h"
#include "storage/workspace.h"

namespace flame {

struct ExportOptions {
    std::string format = "judgments"; // or "text2text"
    std::string task;                  // only this task
    std::optional<Split> split;        // only this split
    std::function<bool(std::int64_t, std::int64_t)> progress;
};

// Writes to `path` ("-" = standard output). Returns the number of judgments written.
Expected<std::int64_t> exportJudgments(Workspace& ws, const std::string& path, const ExportOptions& options);

// One judgment in the native JSON Lines schema (no trailing newline).
std::string judgmentToJsonLine(const Judgment& j);

} // namespace flame
