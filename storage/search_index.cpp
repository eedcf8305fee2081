#include "storage/search_index.h"

#include "storage/judgment_store.h"
#include "storage/pipeline.h"

namespace flame {

namespace {
constexpr const char* kWatermark = "search_indexed_through";
constexpr std::int64_t kBatchRows = 5000;
constexpr std::int64_t kCommitRows = 100000;
} // namespace

Expected<SearchIndexState> searchIndexState(Workspace& ws) {
    SearchIndexState s;
    auto mark = ws.meta(kWatermark);
    if (!mark) return mark.error();
    if (mark->empty()) {
        // No watermark yet: a new workspace, or one written when every insert indexed itself
        // (before the watermark existed), whose index then covers every row it holds. An empty
        // FTS5 index keeps only its averages (id 1) and structure (id 10) records; a contentless
        // table cannot be scanned for its largest rowid.
        auto records = ws.db().queryInt("SELECT count(*) FROM judgments_fts_data WHERE id NOT IN (1, 10)");
        if (!records) return records.error();
        if (*records > 0) {
            auto last = ws.db().queryInt("SELECT coalesce(max(id), 0) FROM judgments");
            if (!last) return last.error();
            s.indexedThrough = *last;
        }
    } else {
        s.indexedThrough = std::stoll(*mark);
    }
    // Counts only the rows above the watermark (a rowid range), normally none.
    auto st = ws.db().prepare("SELECT count(*) FROM judgments WHERE id > ?");
    if (!st) return st.error();
    st->bind(1, s.indexedThrough);
    if (st->step() != db::Statement::Step::Row) return ws.db().error(st->errorMessage());
    s.pending = st->int64(0);
    return s;
}

Expected<std::int64_t> indexSearchText(Workspace& ws, const std::function<bool(std::int64_t, std::int64_t)>& progress) {
    if (ws.readOnly()) return Error{ErrorKind::ReadOnly, "the workspace is open read-only", ws.path(), 0};
    auto state = searchIndexState(ws);
    if (!state) return state.error();
    if (state->pending == 0) return std::int64_t(0);
    const std::int64_t start = state->indexedThrough, pending = state->pending;

    // Rows are read and their text assembled on a second thread over its own read connection
    // (WAL lets it read while this one writes; it only reads committed rows below the ones this
    // thread adds to the index, which are never rewritten).
    struct Batch {
        std::vector<std::pair<std::int64_t, std::string>> rows;
    };
    BatchPipeline<Batch> pipeline([&](const auto& push) -> std::string {
        auto reader = Workspace::open(ws.path(), WorkspaceMode::ReadOnly);
        if (!reader) return reader.error().toString();
        auto st = reader->db().prepare("SELECT id, context, target FROM judgments WHERE id > ? ORDER BY id LIMIT ?");
        if (!st) return st.error().toString();
        std::int64_t last = start;
        while (true) {
            st->reset();
            st->bind(1, last).bind(2, kBatchRows);
            Batch batch;
            db::Statement::Step step;
            while ((step = st->step()) == db::Statement::Step::Row) {
                Judgment j;
                std::string why;
                auto ctx = fieldsFromJson(st->text(1), &why);
                auto tgt = fieldsFromJson(st->text(2), &why);
                if (!ctx || !tgt) return "judgment " + std::to_string(st->int64(0)) + " is damaged: " + why;
                j.context = std::move(*ctx);
                j.target = std::move(*tgt);
                last = st->int64(0);
                batch.rows.emplace_back(last, searchText(j));
            }
            if (step == db::Statement::Step::Error) return reader->db().error(st->errorMessage()).toString();
            if (batch.rows.empty()) return {};
            if (!push(std::move(batch))) return {};
        }
    });

    auto insert = ws.db().prepare("INSERT INTO judgments_fts(rowid, text) VALUES(?, ?)");
    if (!insert) return insert.error();
    auto mark = ws.db().prepare("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!mark) return mark.error();
    std::int64_t indexed = 0, sinceCommit = 0, through = start;
    auto tx = std::make_unique<db::Transaction>(ws.db());
    if (!tx->begun()) return tx->begun().error();
    auto commit = [&]() -> Status {
        mark->bind(1, std::string_view(kWatermark)).bind(2, std::to_string(through));
        if (auto s = mark->run(); !s) return s;
        return tx->commit();
    };
    Batch batch;
    while (pipeline.pop(batch)) {
        for (const auto& [id, text] : batch.rows) {
            insert->bind(1, id).bindStatic(2, text);
            if (auto s = insert->run(); !s) return s.error();
            through = id;
        }
        indexed += std::int64_t(batch.rows.size());
        sinceCommit += std::int64_t(batch.rows.size());
        bool more = !progress || progress(indexed, pending);
        if (sinceCommit >= kCommitRows || !more) {
            if (auto s = commit(); !s) return s.error();
            sinceCommit = 0;
            if (!more) return Error::cancelled();
            tx = std::make_unique<db::Transaction>(ws.db());
            if (!tx->begun()) return tx->begun().error();
        }
    }
    if (std::string e = pipeline.error(); !e.empty()) return Error::internal(e, ws.path());
    if (auto s = commit(); !s) return s.error();
    return indexed;
}

} // namespace flame
