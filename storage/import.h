#pragma once
// Importing a file of judgments into a workspace (DESIGN.md section 3, issue: importers).
// Streaming: memory does not grow with the file. Atomic: the whole file is one transaction, so a
// bad record (without skipBad), a cancel, an error or a SIGKILL leaves the workspace as it was.
// Idempotent: rows are keyed by content hash, so importing a file twice adds nothing.
// The full-text index is not touched: call indexSearchText() (storage/search_index.h) after.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/judgment.h"
#include "storage/workspace.h"

namespace flame {

struct ImportOptions {
    std::string format;
    std::string task;               // target task for formats that fit several
    std::optional<Split> split;     // put every record into this split
    bool skipBad = false;           // keep good records, report bad ones
    std::size_t maxRecordBytes = 16u << 20;
    std::size_t maxReportedBad = 10000; // bad records kept in the result (all are counted)
    // (bytes read, file size); return false to cancel (nothing is kept).
    std::function<bool(std::int64_t, std::int64_t)> progress;
};

struct ImportResult {
    std::int64_t records = 0;
    std::int64_t inserted = 0;
    std::int64_t duplicates = 0;
    std::int64_t evalExamples = 0;
    std::int64_t unpaired = 0;
    std::int64_t badCount = 0;
    std::vector<Error> badRecords; // FILE:LINE: reason, at most maxReportedBad
};

std::string knownImportFormats();
Expected<ImportResult> importFile(Workspace& ws, const std::string& path, const ImportOptions& options);

} // namespace flame
