#pragma once
// The full-text index (FTS5, table judgments_fts, rowid = judgment id) is built behind the
// judgments rather than inside each insert: indexing costs as much writer time as storing the
// judgment itself (measured: 6 of 11.6 CPU seconds per million rows), and the single SQLite
// writer is what bounds bulk imports. Writers commit judgments; indexSearchText() then indexes
// every judgment above a watermark (meta 'search_indexed_through') in batches, moving the
// watermark in the same transaction as the index rows. A killed or cancelled run loses nothing
// and the next run continues where it stopped; the GUI runs it in the background and says how
// many judgments are not searchable yet.
#include <cstdint>
#include <functional>

#include "storage/workspace.h"

namespace flame {

struct SearchIndexState {
    std::int64_t indexedThrough = 0; // every judgment with id <= this is indexed
    std::int64_t pending = 0;        // judgments above the watermark
};

Expected<SearchIndexState> searchIndexState(Workspace& ws);

// Indexes all pending judgments. Progress is (indexed so far, pending at start); returning false
// cancels after the current batch (what was committed stays). Returns the number indexed.
Expected<std::int64_t> indexSearchText(Workspace& ws, const std::function<bool(std::int64_t, std::int64_t)>& progress = {});

} // namespace flame
