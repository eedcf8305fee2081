#pragma once
// Filtered, position-addressed browsing of the judgments table for the GUI's virtual table
// (DESIGN.md section 7), without OFFSET and without count(*) over the corpus.
//
// Rows are ordered by task (task id) and then by judgment id, and each selected task is one
// *segment*. A filter on tasks and split only is "exact": every segment's size comes from the
// statistics table, so the total is known instantly and any position can be asked for at once.
// A position inside a segment is turned into a judgment id by keyset queries only:
//   - a segment whose ids are one dense range (checked with two index seeks) maps offset -> id
//     arithmetically;
//   - near the start of a segment it pages forward, near the end backward (ORDER BY id DESC);
//   - elsewhere it uses the segment's sparse index: every kSparseStep-th id, built forward from
//     the segment's start in bounded id windows only as far as asked, then pages forward from
//     the nearest anchor.
// Any other filter (label, annotator, review state, full-text search) is "scanned": segments are
// walked in order in bounded steps (scanStep) that extend the sparse index, so the known row
// count grows while the scan runs and rows already found can be read at once.
//
// Threading: a BrowseSession uses the Workspace it was created with and nothing else; the GUI
// keeps it on its loader thread. Database::interrupt() on that workspace aborts a running step
// (the call then fails with ErrorKind::Cancelled and the session can be dropped).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/catalog.h"
#include "model/judgment.h"
#include "storage/search_query.h"
#include "storage/workspace.h"

namespace flame {

enum class ReviewFilter {
    Any,
    Unreviewed, // no active review
    Reviewed,   // at least one active review
    Agreed,     // an active "agree"
    Flagged,    // an active "flag"
    Relabelled, // an active "relabel"
    Disputed, // needs adjudication: reviews disagree with each other or the original label, no gold
              // yet
    Gold,     // adjudicated
};
const char* toString(ReviewFilter filter);

struct BrowseFilter {
    std::vector<std::int64_t> taskIds;    // empty: every task of the workspace
    std::optional<TaskType> type;         // narrows the tasks
    std::optional<Capability> capability; // narrows the tasks
    std::optional<Split> split;
    std::string label;     // exact value of the primary output field
    std::string annotator; // exact annotator id
    ReviewFilter review = ReviewFilter::Any;
    std::string search; // full-text search in the language of search_query.h

    bool operator==(const BrowseFilter& o) const {
        return taskIds == o.taskIds && type == o.type && capability == o.capability &&
               split == o.split && label == o.label && annotator == o.annotator &&
               review == o.review && search == o.search;
    }
    bool operator!=(const BrowseFilter& o) const { return !(*this == o); }
    // True when only tasks and split are constrained (counts come from the statistics table).
    bool exact() const {
        return label.empty() && annotator.empty() && review == ReviewFilter::Any && search.empty();
    }
};

// What the table shows of one judgment.
struct BrowseRow {
    std::int64_t id = 0;
    std::int64_t taskId = 0;
    Split split = Split::Train;
    std::string label;
    std::string annotator;
    // One line, at most kPreviewBytes (+ an ellipsis on each side): the first non-empty context
    // field, or for a search the context around the first match.
    std::string preview;
    int reviews = 0; // active reviews
    bool agreed = false, flagged = false, relabelled = false, gold = false;
};

// The ordered task ids a filter selects (catalog order by task id, type and capability applied).
std::vector<std::int64_t> selectTasks(const Workspace& ws, const BrowseFilter& filter);

struct BrowseOptions {
    // Rows stepped over at most without the sparse index, from either end of an exact segment;
    // beyond that the segment's index is built. (Tests make it small to reach every path.)
    std::int64_t window = 4096;
    // Ids read per step while building a segment's sparse index.
    std::int64_t indexStep = 65536;
};

// Upper bound of the rows a filter can match, from the statistics table (exact for exact filters).
Expected<std::int64_t> estimateRows(Workspace& ws, const BrowseFilter& filter);

class BrowseSession {
public:
    static constexpr std::int64_t kSparseStep = 64;
    static constexpr std::size_t kPreviewBytes = 240;

    // Fails with BadInput when the search text is malformed (the message is describe(error));
    // parse the search first with parseSearch() to show a translated message.
    static Expected<BrowseSession> create(Workspace& ws, const BrowseFilter& filter,
                                          BrowseOptions options = {});

    const BrowseFilter& filter() const { return m_filter; }
    const SearchQuery& search() const { return m_search; }
    bool exact() const { return m_exact; }
    // Rows whose positions are known now: the total for exact filters, the rows found so far
    // for scanned ones.
    std::int64_t knownRows() const { return m_known; }
    // Upper bound from the statistics table.
    std::int64_t upperBound() const { return m_upperBound; }
    // True once knownRows() is the final total.
    bool complete() const { return m_segment >= m_segments.size(); }

    // Advances a scanned filter by about `budget` candidate rows; returns complete().
    Expected<bool> scanStep(std::int64_t budget = 20000);

    // Rows at positions [first, first + count) clipped to knownRows().
    Expected<std::vector<BrowseRow>> fetch(std::int64_t first, std::int64_t count);
    // Judgment ids at those positions (what the review queue needs).
    Expected<std::vector<std::int64_t>> fetchIds(std::int64_t first, std::int64_t count);

    enum class Locate { Found, NotInFilter, NotScannedYet };
    struct Position {
        Locate state = Locate::NotInFilter;
        std::int64_t row = -1;
    };
    // Where judgment `id` is in this filter's order.
    Expected<Position> locate(std::int64_t id);

private:
    struct Segment {
        std::int64_t taskId = 0;
        std::int64_t first = 0;             // position of the segment's first row
        std::int64_t count = 0;             // exact size, or rows found so far while scanning
        std::int64_t minId = 0, maxId = -1; // id range of the task (any split)
        bool dense = false;                 // exact and ids minId..maxId are exactly the rows
        bool indexed = false;               // scanned to the end: sparse holds every row's anchor
        std::int64_t scanLast = 0;          // last id scanned
        std::int64_t found = 0;             // rows found by scanning (up to scanLast)
        std::vector<std::int64_t> sparse;   // sparse[k] = id of row k * kSparseStep
    };

    BrowseSession(Workspace& ws) : m_ws(&ws) {}
    Status init(const BrowseFilter& filter);
    std::string whereClause() const; // conditions on judgments j beyond the task
    Status bindFilter(db::Statement& st, int& index) const;
    std::string idSql(const char* lowOp, bool limit) const;
    bool idSqlHasTask() const;
    Status bindIdSql(db::Statement& st, const Segment& seg, std::int64_t lo, std::int64_t hi,
                     std::int64_t limit) const;
    Error stepError(const db::Statement& st) const;
    // Extends the sparse index until it covers `rows` rows and ids up to `throughId`.
    Status ensureIndexed(Segment& seg, std::int64_t rows, std::int64_t throughId);
    // Scans up to `budget` ids of `seg` after seg.scanLast; returns rows seen.
    Expected<std::int64_t> scanSegment(Segment& seg, std::int64_t budget);
    Expected<std::vector<std::int64_t>> idsOf(Segment& seg, std::int64_t offset,
                                              std::int64_t count);
    Status readRows(const std::vector<std::int64_t>& ids, std::vector<BrowseRow>& out);
    std::size_t segmentAt(std::int64_t row, std::size_t limit) const;

    Workspace* m_ws;
    BrowseOptions m_options;
    BrowseFilter m_filter;
    SearchQuery m_search;
    bool m_exact = true;
    bool m_disjointTasks = false; // task id ranges do not overlap (lets FTS skip the table)
    std::vector<Segment> m_segments;
    std::size_t m_segment = 0; // first segment not fully scanned (scanned filters)
    std::int64_t m_known = 0;
    std::int64_t m_upperBound = 0;
};

} // namespace flame
