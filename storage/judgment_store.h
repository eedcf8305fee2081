#pragma once
// Writing and reading judgments. Writers keep the per-task statistics table up to date in the
// same transaction as the rows, so counts never need count(*). The full-text index follows
// behind (storage/search_index.h).
#include <array>
#include <cstdint>
#include <map>
#include <optional>

#include "model/judgment.h"
#include "storage/workspace.h"

namespace flame {

// A judgment serialised for storage: everything the insert binds. Building it is pure and
// thread-safe (bulk writers build it on another thread than the one that writes).
struct PreparedJudgment {
    std::int64_t taskId = 0;
    int split = 0;
    bool aiFeedback = false;
    std::string label, context, target, annotator, item;
    std::array<unsigned char, 16> hash{};
};
// Fails (BadInput) if the judgment's task is not in the workspace.
Expected<PreparedJudgment> prepareJudgment(const Workspace& ws, const Judgment& judgment);

class JudgmentWriter {
public:
    // The caller owns the transaction; call flushStats() before committing it.
    static Expected<JudgmentWriter> create(Workspace& ws, std::int64_t sourceId);

    enum class Outcome { Inserted, Duplicate };
    // `judgment.taskKey` must name a task of the workspace; fields are stored as given.
    Expected<Outcome> insert(const Judgment& judgment);
    Expected<Outcome> insert(const PreparedJudgment& judgment);
    Status flushStats();

    std::int64_t inserted() const { return m_inserted; }
    std::int64_t duplicates() const { return m_duplicates; }

private:
    JudgmentWriter(Workspace& ws, std::int64_t sourceId) : m_ws(&ws), m_sourceId(sourceId) {}
    Workspace* m_ws;
    std::int64_t m_sourceId;
    db::Statement m_insert, m_stats;
    std::map<std::pair<std::int64_t, int>, std::int64_t> m_pendingStats;
    std::int64_t m_inserted = 0, m_duplicates = 0;
};

// The text the full-text index holds for a judgment: its field values, one per line.
std::string searchText(const Judgment& judgment);

// Reads judgments in id order by keyset pages (never OFFSET), optionally of one task or split.
class JudgmentCursor {
public:
    JudgmentCursor(Workspace& ws, std::int64_t taskId = 0, std::optional<Split> split = std::nullopt,
                   int pageSize = 2000)
        : m_ws(ws), m_taskId(taskId), m_split(split), m_pageSize(pageSize) {}
    // Next judgment into `out`; false at the end. Errors come back as values.
    Expected<bool> next(Judgment& out);

private:
    Status fetchPage();
    Workspace& m_ws;
    std::int64_t m_taskId;
    std::optional<Split> m_split;
    int m_pageSize;
    std::int64_t m_lastId = 0;
    std::vector<Judgment> m_page;
    std::size_t m_pos = 0;
    bool m_done = false;
};

// One judgment by id.
Expected<std::optional<Judgment>> loadJudgment(Workspace& ws, std::int64_t id);

} // namespace flame
