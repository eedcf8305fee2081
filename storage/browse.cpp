#include "storage/browse.h"

#include <algorithm>
#include <map>

#include "storage/review_store.h"

namespace flame {

const char* toString(ReviewFilter f) {
    switch (f) {
    case ReviewFilter::Any:
        return "any";
    case ReviewFilter::Unreviewed:
        return "unreviewed";
    case ReviewFilter::Reviewed:
        return "reviewed";
    case ReviewFilter::Agreed:
        return "agreed";
    case ReviewFilter::Flagged:
        return "flagged";
    case ReviewFilter::Relabelled:
        return "relabelled";
    case ReviewFilter::Disputed:
        return "disputed";
    case ReviewFilter::Gold:
        return "gold";
    }
    return "?";
}

std::vector<std::int64_t> selectTasks(const Workspace& ws, const BrowseFilter& f) {
    std::vector<std::int64_t> out;
    auto keep = [&](const TaskDefinition* t) {
        return t && (!f.type || t->type == *f.type) &&
               (!f.capability || t->capability == *f.capability);
    };
    if (f.taskIds.empty()) {
        for (const auto& t : ws.catalog().tasks())
            if (keep(&t)) out.push_back(ws.taskId(t.key));
    } else {
        for (std::int64_t id : f.taskIds)
            if (keep(ws.taskById(id))) out.push_back(id);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

namespace {

// Rows per (task, split) from the statistics table.
Expected<std::map<std::int64_t, std::int64_t>> taskCounts(Workspace& ws,
                                                          std::optional<Split> split) {
    auto st =
        ws.db().prepare(split ? "SELECT task_id, count FROM task_stats WHERE split = ?"
                              : "SELECT task_id, sum(count) FROM task_stats GROUP BY task_id");
    if (!st) return st.error();
    if (split) st->bind(1, int(*split));
    std::map<std::int64_t, std::int64_t> out;
    db::Statement::Step s;
    while ((s = st->step()) == db::Statement::Step::Row)
        out[st->int64(0)] += st->int64(1);
    if (s == db::Statement::Step::Error) return ws.db().error(st->errorMessage());
    return out;
}

const char* reviewCondition(ReviewFilter f) {
    switch (f) {
    case ReviewFilter::Any:
        return nullptr;
    case ReviewFilter::Unreviewed:
        return "NOT EXISTS(SELECT 1 FROM reviews r WHERE r.judgment_id = j.id AND r.withdrawn = 0)";
    case ReviewFilter::Reviewed:
        return "j.id IN (SELECT judgment_id FROM reviews WHERE withdrawn = 0)";
    case ReviewFilter::Agreed:
        return "j.id IN (SELECT judgment_id FROM reviews WHERE withdrawn = 0 AND verdict = "
               "'agree')";
    case ReviewFilter::Flagged:
        return "j.id IN (SELECT judgment_id FROM reviews WHERE withdrawn = 0 AND verdict = 'flag')";
    case ReviewFilter::Relabelled:
        return "j.id IN (SELECT judgment_id FROM reviews WHERE withdrawn = 0 AND verdict = "
               "'relabel')";
    case ReviewFilter::Disputed:
        return kDisputedCondition;
    case ReviewFilter::Gold:
        return "j.id IN (SELECT judgment_id FROM gold_labels)";
    }
    return nullptr;
}

// One line of text for the table: the first non-empty context field, or, for a search, the
// context around the first match (the match is what the curator looks for), white space folded.
std::string previewOf(std::string_view contextJson, const std::vector<SearchTerm>& terms) {
    auto fields = fieldsFromJson(contextJson);
    if (!fields) return {};
    std::string text;
    for (const auto& f : *fields) {
        if (f.value.empty()) continue;
        if (!text.empty()) text += " \xC2\xB7 "; // a middle dot between fields
        text += f.value;
        if (terms.empty()) break;
    }
    std::size_t from = 0;
    bool cutFront = false;
    if (!terms.empty()) {
        const auto matches = findMatches(text, terms);
        if (!matches.empty() && matches.front().begin > 60) {
            from = matches.front().begin - 60;
            while (from < text.size() && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80)
                ++from;
            const std::size_t space = text.find(' ', from);
            if (space != std::string::npos && space < matches.front().begin) from = space + 1;
            cutFront = true;
        }
    }
    std::string out = cutFront ? "\xE2\x80\xA6" : "";
    bool space = false;
    for (std::size_t i = from; i < text.size() && out.size() < BrowseSession::kPreviewBytes; ++i) {
        const char c = text[i];
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    if (out.size() >= BrowseSession::kPreviewBytes) {
        std::size_t cut = BrowseSession::kPreviewBytes;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80)
            --cut; // UTF-8 boundary
        out.resize(cut);
        out += "\xE2\x80\xA6";
    }
    return out;
}

} // namespace

Expected<std::int64_t> estimateRows(Workspace& ws, const BrowseFilter& filter) {
    auto counts = taskCounts(ws, filter.split);
    if (!counts) return counts.error();
    std::int64_t total = 0;
    for (std::int64_t id : selectTasks(ws, filter)) {
        auto it = counts->find(id);
        if (it != counts->end()) total += it->second;
    }
    return total;
}

Expected<BrowseSession> BrowseSession::create(Workspace& ws, const BrowseFilter& filter,
                                              BrowseOptions options) {
    BrowseSession s(ws);
    s.m_options = options;
    if (auto st = s.init(filter); !st) return st.error();
    return s;
}

Status BrowseSession::init(const BrowseFilter& filter) {
    m_filter = filter;
    m_exact = filter.exact();
    if (!filter.search.empty()) {
        m_search = parseSearch(filter.search);
        if (!m_search.ok())
            return Error::badInput(std::string("search: ") + describe(m_search.error));
    }
    auto counts = taskCounts(*m_ws, filter.split);
    if (!counts) return counts.error();
    auto allCounts = filter.split ? taskCounts(*m_ws, std::nullopt) : counts;
    if (!allCounts) return allCounts.error();

    auto minSt = m_ws->db().prepare("SELECT min(id) FROM judgments WHERE task_id = ?");
    auto maxSt = m_ws->db().prepare("SELECT max(id) FROM judgments WHERE task_id = ?");
    if (!minSt) return minSt.error();
    if (!maxSt) return maxSt.error();
    // Id range of every task that has rows: the selected ones for their segments, all of them to
    // know whether the ranges are disjoint.
    std::vector<std::pair<std::int64_t, std::int64_t>> ranges;
    std::map<std::int64_t, std::pair<std::int64_t, std::int64_t>> rangeOf;
    for (const auto& [taskId, n] : *allCounts) {
        if (n <= 0) continue;
        minSt->bind(1, taskId);
        maxSt->bind(1, taskId);
        if (minSt->step() != db::Statement::Step::Row || maxSt->step() != db::Statement::Step::Row)
            return m_ws->db().error(minSt->errorMessage());
        if (minSt->isNull(0)) {
            minSt->reset();
            maxSt->reset();
            continue;
        }
        std::pair<std::int64_t, std::int64_t> r{minSt->int64(0), maxSt->int64(0)};
        minSt->reset();
        maxSt->reset();
        ranges.push_back(r);
        rangeOf[taskId] = r;
    }
    std::sort(ranges.begin(), ranges.end());
    m_disjointTasks = true;
    for (std::size_t i = 1; i < ranges.size(); ++i)
        if (ranges[i].first <= ranges[i - 1].second) m_disjointTasks = false;

    m_upperBound = 0;
    std::int64_t position = 0;
    for (std::int64_t taskId : selectTasks(*m_ws, filter)) {
        auto c = counts->find(taskId);
        auto r = rangeOf.find(taskId);
        if (c == counts->end() || c->second <= 0 || r == rangeOf.end()) continue;
        Segment seg;
        seg.taskId = taskId;
        seg.minId = r->second.first;
        seg.maxId = r->second.second;
        seg.scanLast = seg.minId - 1;
        m_upperBound += c->second;
        if (m_exact) {
            seg.first = position;
            seg.count = c->second;
            seg.dense = !filter.split && seg.count == seg.maxId - seg.minId + 1;
            position += seg.count;
        }
        m_segments.push_back(std::move(seg));
    }
    m_known = m_exact ? position : 0;
    m_segment = m_exact ? m_segments.size() : 0;
    return {};
}

std::string BrowseSession::whereClause() const {
    std::string w;
    if (m_filter.split) w += " AND j.split = ?";
    if (!m_filter.label.empty()) w += " AND j.label = ?";
    if (!m_filter.annotator.empty()) w += " AND j.annotator = ?";
    if (const char* r = reviewCondition(m_filter.review)) {
        w += " AND ";
        w += r;
    }
    return w;
}

Status BrowseSession::bindFilter(db::Statement& st, int& i) const {
    if (m_filter.split) st.bind(i++, int(*m_filter.split));
    if (!m_filter.label.empty()) st.bind(i++, m_filter.label);
    if (!m_filter.annotator.empty()) st.bind(i++, m_filter.annotator);
    return {};
}

// The id query of one segment, parameters in this order: [search expression], low id, high id,
// [task id], filter values, [limit]. `lowOp` is ">" or ">=".
std::string BrowseSession::idSql(const char* lowOp, bool limit) const {
    const std::string where = whereClause();
    std::string sql;
    if (!m_search.expression.empty() && m_disjointTasks && where.empty()) {
        // Every id inside the task's range belongs to the task: the full-text index alone answers.
        sql =
            std::string("SELECT rowid FROM judgments_fts WHERE judgments_fts MATCH ? AND rowid ") +
            lowOp + " ? AND rowid <= ? ORDER BY rowid";
    } else if (!m_search.expression.empty()) {
        sql = std::string(
                  "SELECT f.rowid FROM judgments_fts f CROSS JOIN judgments j ON j.id = f.rowid "
                  "WHERE f.judgments_fts MATCH ? AND f.rowid ") +
              lowOp + " ? AND f.rowid <= ? AND j.task_id = ?" + where + " ORDER BY f.rowid";
    } else {
        sql = std::string("SELECT j.id FROM judgments j WHERE j.id ") + lowOp +
              " ? AND j.id <= ? AND j.task_id = ?" + where + " ORDER BY j.id";
    }
    if (limit) sql += " LIMIT ?";
    return sql;
}

bool BrowseSession::idSqlHasTask() const {
    return m_search.expression.empty() || !m_disjointTasks || !whereClause().empty();
}

Status BrowseSession::bindIdSql(db::Statement& st, const Segment& seg, std::int64_t lo,
                                std::int64_t hi, std::int64_t limit) const {
    int i = 1;
    if (!m_search.expression.empty()) st.bind(i++, m_search.expression);
    st.bind(i++, lo);
    st.bind(i++, hi);
    if (idSqlHasTask()) st.bind(i++, seg.taskId);
    bindFilter(st, i);
    if (limit >= 0) st.bind(i++, limit);
    return {};
}

Error BrowseSession::stepError(const db::Statement& st) const {
    Error e = m_ws->db().error(st.errorMessage());
    // With a valid parse the only expected failure is FTS5 rejecting the expression.
    if (!m_search.expression.empty() && e.kind == ErrorKind::Internal) e.kind = ErrorKind::BadInput;
    return e;
}

// Scans the ids of `seg` in the window (scanLast, scanLast + budget]: every step is bounded by
// the id window, whatever the filter's selectivity. The segment changes only when the step
// succeeds (an interrupted step leaves it as it was, so it can be repeated).
Expected<std::int64_t> BrowseSession::scanSegment(Segment& seg, std::int64_t budget) {
    const std::int64_t lo = seg.scanLast;
    const std::int64_t hi = std::min(seg.maxId, lo + budget);
    auto st = m_ws->db().prepare(idSql(">", false));
    if (!st) return st.error();
    bindIdSql(*st, seg, lo, hi, -1);
    db::Statement::Step s;
    std::vector<std::int64_t> anchors;
    std::int64_t found = 0;
    while ((s = st->step()) == db::Statement::Step::Row) {
        if ((seg.found + found) % kSparseStep == 0) anchors.push_back(st->int64(0));
        ++found;
    }
    if (s == db::Statement::Step::Error) return stepError(*st);
    seg.sparse.insert(seg.sparse.end(), anchors.begin(), anchors.end());
    seg.found += found;
    if (!m_exact) seg.count = seg.found;
    seg.scanLast = hi;
    if (hi >= seg.maxId) seg.indexed = true;
    return found;
}

Expected<bool> BrowseSession::scanStep(std::int64_t budget) {
    if (complete()) return true;
    Segment& seg = m_segments[m_segment];
    seg.first = m_known - seg.count;
    std::int64_t before = seg.count;
    auto r = scanSegment(seg, std::max<std::int64_t>(budget, 1));
    if (!r) return r.error();
    m_known += seg.count - before;
    if (seg.indexed) {
        ++m_segment;
        if (m_segment < m_segments.size()) m_segments[m_segment].first = m_known;
    }
    return complete();
}

Status BrowseSession::ensureIndexed(Segment& seg, std::int64_t rows, std::int64_t throughId) {
    // Exact filters: the sparse index is built forward from the segment's start, in id windows,
    // only as far as asked (a covering scan of the task index when the filter is the task
    // alone, the task's rows when it has a split).
    while (!seg.indexed && (seg.found < rows || seg.scanLast < throughId)) {
        auto r = scanSegment(seg, std::max<std::int64_t>(1, m_options.indexStep));
        if (!r) return r.error();
    }
    return {};
}

Expected<std::vector<std::int64_t>> BrowseSession::idsOf(Segment& seg, std::int64_t offset,
                                                         std::int64_t count) {
    std::vector<std::int64_t> out;
    if (count <= 0) return out;
    if (seg.dense) {
        for (std::int64_t k = 0; k < count; ++k)
            out.push_back(seg.minId + offset + k);
        return out;
    }
    // Forward from an anchor id (inclusive), stepping over `skip` rows.
    auto forward = [&](std::int64_t anchor, std::int64_t skip) -> Status {
        auto st = m_ws->db().prepare(idSql(">=", true));
        if (!st) return st.error();
        bindIdSql(*st, seg, anchor, seg.maxId, skip + count);
        db::Statement::Step s;
        std::int64_t k = 0;
        while ((s = st->step()) == db::Statement::Step::Row)
            if (k++ >= skip) out.push_back(st->int64(0));
        if (s == db::Statement::Step::Error) return stepError(*st);
        return {};
    };
    const std::int64_t window = m_options.window;
    std::size_t anchor = std::size_t(offset / kSparseStep);
    if (anchor < seg.sparse.size()) {
        if (auto s = forward(seg.sparse[anchor], offset % kSparseStep); !s) return s.error();
        return out;
    }
    if (!m_exact) return out; // a scanned filter asked beyond what was found: nothing yet
    if (offset < window) {
        if (auto s = forward(seg.minId, offset); !s) return s.error();
        return out;
    }
    if (seg.count - offset <= window) {
        // Backward from the end of the segment (exact filters: split at most).
        std::string sql = "SELECT j.id FROM judgments j WHERE j.task_id = ?" + whereClause() +
                          " ORDER BY j.id DESC LIMIT ?";
        auto st = m_ws->db().prepare(sql);
        if (!st) return st.error();
        int i = 1;
        st->bind(i++, seg.taskId);
        bindFilter(*st, i);
        st->bind(i++, seg.count - offset);
        db::Statement::Step s;
        while ((s = st->step()) == db::Statement::Step::Row)
            out.push_back(st->int64(0));
        if (s == db::Statement::Step::Error) return m_ws->db().error(st->errorMessage());
        std::reverse(out.begin(), out.end());
        out.resize(std::size_t(std::min<std::int64_t>(count, std::int64_t(out.size()))));
        return out;
    }
    if (!seg.indexed && std::int64_t(seg.sparse.size()) <= offset / kSparseStep) {
        if (auto s = ensureIndexed(seg, offset + 1, 0); !s) return s.error();
        if (std::int64_t(seg.sparse.size()) > offset / kSparseStep)
            return idsOf(seg, offset, count);
    }
    return out; // the statistics promised more rows than exist (another process deleting)
}

Status BrowseSession::readRows(const std::vector<std::int64_t>& ids, std::vector<BrowseRow>& out) {
    auto st =
        m_ws->db().prepare("SELECT j.id, j.task_id, j.split, j.label, j.annotator, j.context, "
                           "(SELECT group_concat(r.verdict) FROM reviews r WHERE r.judgment_id = "
                           "j.id AND r.withdrawn = 0), "
                           "EXISTS(SELECT 1 FROM gold_labels g WHERE g.judgment_id = j.id) "
                           "FROM judgments j WHERE j.id = ?");
    if (!st) return st.error();
    for (std::int64_t id : ids) {
        st->bind(1, id);
        auto s = st->step();
        if (s == db::Statement::Step::Error) return m_ws->db().error(st->errorMessage());
        if (s == db::Statement::Step::Row) {
            BrowseRow row;
            row.id = st->int64(0);
            row.taskId = st->int64(1);
            row.split = Split(st->int64(2));
            row.label = st->string(3);
            row.annotator = st->string(4);
            row.preview = previewOf(st->text(5), m_search.terms);
            std::string_view verdicts = st->text(6);
            while (!verdicts.empty()) {
                std::size_t comma = verdicts.find(',');
                std::string_view v = verdicts.substr(0, comma);
                verdicts = comma == std::string_view::npos ? std::string_view()
                                                           : verdicts.substr(comma + 1);
                ++row.reviews;
                if (v == "agree")
                    row.agreed = true;
                else if (v == "flag")
                    row.flagged = true;
                else if (v == "relabel")
                    row.relabelled = true;
            }
            row.gold = st->int64(7) != 0;
            out.push_back(std::move(row));
        }
        st->reset();
    }
    return {};
}

std::size_t BrowseSession::segmentAt(std::int64_t row, std::size_t limit) const {
    // Segments [0, limit) are in position order; the last one with first <= row holds it (empty
    // segments share their successor's first position).
    std::size_t lo = 0, hi = limit;
    while (hi - lo > 1) {
        std::size_t mid = (lo + hi) / 2;
        if (m_segments[mid].first <= row)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

Expected<std::vector<std::int64_t>> BrowseSession::fetchIds(std::int64_t first,
                                                            std::int64_t count) {
    std::vector<std::int64_t> ids;
    first = std::max<std::int64_t>(first, 0);
    std::int64_t end = std::min(first + std::max<std::int64_t>(count, 0), m_known);
    // Segments past the scan frontier have no position yet.
    std::size_t last = m_exact ? m_segments.size() : std::min(m_segment + 1, m_segments.size());
    for (std::int64_t pos = first; pos < end;) {
        std::size_t si = segmentAt(pos, last);
        Segment& seg = m_segments[si];
        std::int64_t offset = pos - seg.first;
        std::int64_t n = std::min(end - pos, seg.count - offset);
        if (n <= 0) break;
        auto part = idsOf(seg, offset, n);
        if (!part) return part.error();
        if (part->empty()) break;
        ids.insert(ids.end(), part->begin(), part->end());
        pos += n;
        if (std::int64_t(part->size()) < n)
            break; // rows vanished under us; stop rather than misplace
    }
    return ids;
}

Expected<std::vector<BrowseRow>> BrowseSession::fetch(std::int64_t first, std::int64_t count) {
    auto ids = fetchIds(first, count);
    if (!ids) return ids.error();
    std::vector<BrowseRow> rows;
    rows.reserve(ids->size());
    if (auto s = readRows(*ids, rows); !s) return s.error();
    return rows;
}

Expected<BrowseSession::Position> BrowseSession::locate(std::int64_t id) {
    Position result;
    auto st = m_ws->db().prepare("SELECT task_id FROM judgments j WHERE j.id = ?" + whereClause());
    if (!st) return st.error();
    int i = 1;
    st->bind(i++, id);
    bindFilter(*st, i);
    auto s = st->step();
    if (s == db::Statement::Step::Error) return m_ws->db().error(st->errorMessage());
    if (s == db::Statement::Step::Done) return result; // no such judgment, or filtered out
    const std::int64_t taskId = st->int64(0);
    if (!m_search.expression.empty()) {
        auto fts = m_ws->db().prepare(
            "SELECT 1 FROM judgments_fts WHERE judgments_fts MATCH ? AND rowid = ?");
        if (!fts) return fts.error();
        fts->bind(1, m_search.expression).bind(2, id);
        auto fs = fts->step();
        if (fs == db::Statement::Step::Error) return m_ws->db().error(fts->errorMessage());
        if (fs == db::Statement::Step::Done) return result;
    }
    std::size_t si = 0;
    while (si < m_segments.size() && m_segments[si].taskId != taskId)
        ++si;
    if (si == m_segments.size()) return result; // task not selected
    Segment& seg = m_segments[si];
    if (!m_exact && (si > m_segment || (si == m_segment && id > seg.scanLast))) {
        result.state = Locate::NotScannedYet;
        return result;
    }
    if (seg.dense) {
        result.state = Locate::Found;
        result.row = seg.first + (id - seg.minId);
        return result;
    }
    if (m_exact)
        if (auto b = ensureIndexed(seg, 0, id); !b) return b.error();
    // Nearest anchor at or before the id, then step forward to it.
    auto it = std::upper_bound(seg.sparse.begin(), seg.sparse.end(), id);
    if (it == seg.sparse.begin()) return result;
    std::size_t k = std::size_t(it - seg.sparse.begin()) - 1;
    auto ids = idsOf(seg, std::int64_t(k) * kSparseStep, kSparseStep);
    if (!ids) return ids.error();
    for (std::size_t j = 0; j < ids->size(); ++j)
        if ((*ids)[j] == id) {
            result.state = Locate::Found;
            result.row = seg.first + std::int64_t(k) * kSparseStep + std::int64_t(j);
            return result;
        }
    return result;
}

} // namespace flame
