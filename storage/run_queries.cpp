#include "storage/run_queries.h"

#include "model/json.h"

namespace flame {

namespace {

// Steps a prepared statement to the end, calling `row` for each row.
template <class Row> Status eachRow(Workspace& ws, db::Statement& st, const char* what, Row&& row) {
    for (;;) {
        switch (st.step()) {
        case db::Statement::Step::Row: row(st); break;
        case db::Statement::Step::Done: return {};
        default: return ws.db().error(what);
        }
    }
}

Status execBound(Workspace& ws, const char* sql, std::int64_t runId) {
    auto st = ws.db().prepare(sql);
    if (!st) return st.error();
    st->bind(1, runId);
    return st->run();
}

} // namespace

Expected<std::vector<MetricPoint>> metricsAfter(Workspace& ws, std::int64_t runId, const std::string& name,
                                                std::int64_t afterStep) {
    auto st = ws.db().prepare(
        "SELECT step, examples, value FROM run_metrics WHERE run_id = ? AND name = ? AND step > ? ORDER BY step");
    if (!st) return st.error();
    st->bind(1, runId).bind(2, name).bind(3, afterStep);
    std::vector<MetricPoint> out;
    auto s = eachRow(ws, *st, "reading metrics",
                     [&](db::Statement& r) { out.push_back({r.int64(0), r.int64(1), r.real(2)}); });
    if (!s) return s.error();
    return out;
}

Expected<std::vector<LatestMetric>> latestMetrics(Workspace& ws, const std::vector<std::string>& names) {
    // One index seek per (run, name): the primary key is (run_id, name, step).
    auto st = ws.db().prepare("SELECT step, examples, value FROM run_metrics WHERE run_id = ? AND name = ? "
                              "ORDER BY step DESC LIMIT 1");
    auto runs = ws.db().prepare("SELECT id FROM runs ORDER BY id");
    if (!st) return st.error();
    if (!runs) return runs.error();
    std::vector<std::int64_t> ids;
    if (auto s = eachRow(ws, *runs, "listing runs", [&](db::Statement& r) { ids.push_back(r.int64(0)); }); !s)
        return s.error();
    std::vector<LatestMetric> out;
    for (std::int64_t id : ids)
        for (const auto& name : names) {
            st->bind(1, id).bind(2, name);
            if (st->step() == db::Statement::Step::Row)
                out.push_back({id, name, {st->int64(0), st->int64(1), st->real(2)}});
            st->reset();
        }
    return out;
}

// --- queue ---------------------------------------------------------------------------------------

Status enqueueRun(Workspace& ws, std::int64_t runId, QueueEnd end) {
    db::Transaction tx(ws.db());
    if (!tx.begun()) return tx.begun();
    auto next = ws.db().prepare(end == QueueEnd::Back
                                    ? "SELECT coalesce(max(json_extract(body, '$.position')), 0) + 1 FROM run_documents "
                                      "WHERE name = ?"
                                    : "SELECT coalesce(min(json_extract(body, '$.position')), 1) - 1 FROM run_documents "
                                      "WHERE name = ?");
    if (!next) return next.error();
    next->bind(1, std::string_view(kQueueDocument));
    if (next->step() != db::Statement::Step::Row) return ws.db().error("reading the queue");
    const std::int64_t position = next->int64(0);
    json::Object body;
    body.emplace_back("position", json::Value(position));
    body.emplace_back("enqueued_at", json::Value(utcNow()));
    RunStore runs(ws);
    if (auto s = runs.setDocument(runId, kQueueDocument, json::serialize(json::Value(std::move(body)))); !s) return s;
    return tx.commit();
}

Expected<std::vector<QueueEntry>> studioQueue(Workspace& ws) {
    auto st = ws.db().prepare("SELECT run_id, json_extract(body, '$.position'), json_extract(body, '$.enqueued_at') "
                              "FROM run_documents WHERE name = ? ORDER BY 2, 1");
    if (!st) return st.error();
    st->bind(1, std::string_view(kQueueDocument));
    std::vector<QueueEntry> out;
    auto s = eachRow(ws, *st, "reading the queue", [&](db::Statement& r) {
        out.push_back({r.int64(0), r.isNull(1) ? 0 : r.int64(1), r.isNull(2) ? "" : r.string(2)});
    });
    if (!s) return s.error();
    return out;
}

Expected<bool> claimQueuedRun(Workspace& ws, std::int64_t runId) {
    auto st = ws.db().prepare("DELETE FROM run_documents WHERE run_id = ? AND name = ?");
    if (!st) return st.error();
    st->bind(1, runId).bind(2, std::string_view(kQueueDocument));
    if (auto s = st->run(); !s) return s.error();
    return ws.db().changes() == 1;
}

Status recordLaunch(Workspace& ws, std::int64_t runId, const LaunchRecord& launch) {
    json::Object o;
    json::Array pids;
    for (auto p : launch.pids) pids.emplace_back(p);
    o.emplace_back("pids", json::Value(std::move(pids)));
    o.emplace_back("host", json::Value(launch.host));
    o.emplace_back("log", json::Value(launch.logPath));
    o.emplace_back("started_at", json::Value(launch.startedAt));
    o.emplace_back("master_port", json::Value(launch.masterPort));
    RunStore runs(ws);
    return runs.setDocument(runId, kLaunchDocument, json::serialize(json::Value(std::move(o))));
}

Expected<bool> claimQueuedRunForLaunch(Workspace& ws, std::int64_t runId, const std::string& host) {
    db::Transaction tx(ws.db());
    if (!tx.begun()) return tx.begun().error();
    auto claimed = claimQueuedRun(ws, runId);
    if (!claimed || !*claimed) return claimed;
    LaunchRecord placeholder;
    placeholder.host = host;
    placeholder.startedAt = utcNow();
    if (auto s = recordLaunch(ws, runId, placeholder); !s) return s.error();
    if (auto s = tx.commit(); !s) return s.error();
    return true;
}

Expected<std::map<std::int64_t, LaunchRecord>> launchRecords(Workspace& ws) {
    auto st = ws.db().prepare("SELECT run_id, body FROM run_documents WHERE name = ?");
    if (!st) return st.error();
    st->bind(1, std::string_view(kLaunchDocument));
    std::map<std::int64_t, LaunchRecord> out;
    auto s = eachRow(ws, *st, "reading launch records", [&](db::Statement& r) {
        auto v = json::parse(r.text(1));
        if (!v || !v->isObject()) return; // not ours to judge; a damaged record is ignored
        LaunchRecord l;
        if (const auto* p = v->find("pids"); p && p->isArray())
            for (const auto& x : p->asArray()) l.pids.push_back(x.asInt());
        if (const auto* h = v->findNonNull("host")) l.host = h->asString();
        if (const auto* h = v->findNonNull("log")) l.logPath = h->asString();
        if (const auto* h = v->findNonNull("started_at")) l.startedAt = h->asString();
        if (const auto* h = v->findNonNull("master_port")) l.masterPort = int(h->asInt());
        out[r.int64(0)] = std::move(l);
    });
    if (!s) return s.error();
    return out;
}

Status clearLaunch(Workspace& ws, std::int64_t runId) {
    auto st = ws.db().prepare("DELETE FROM run_documents WHERE run_id = ? AND name = ?");
    if (!st) return st.error();
    st->bind(1, runId).bind(2, std::string_view(kLaunchDocument));
    return st->run();
}

Status deleteRun(Workspace& ws, std::int64_t runId) {
    db::Transaction tx(ws.db());
    if (!tx.begun()) return tx.begun();
    RunStore runs(ws);
    auto run = runs.require(runId);
    if (!run) return run.error();
    if (run->state == RunState::Running)
        return Error::badInput("run " + std::to_string(runId) + " is running; cancel it first");
    auto children = ws.db().prepare("SELECT group_concat(id, ', ') FROM runs WHERE parent_run_id = ?");
    if (!children) return children.error();
    children->bind(1, runId);
    if (children->step() == db::Statement::Step::Row && !children->isNull(0))
        return Error::badInput("run " + std::to_string(runId) + " is the parent of run " + children->string(0) +
                               "; delete that first");
    for (const char* sql : {"DELETE FROM run_metrics WHERE run_id = ?", "DELETE FROM checkpoints WHERE run_id = ?",
                            "DELETE FROM eval_results WHERE run_id = ?", "DELETE FROM bias_results WHERE run_id = ?",
                            "DELETE FROM tailpatch_results WHERE run_id = ?", "DELETE FROM run_documents WHERE run_id = ?",
                            "DELETE FROM run_predictions WHERE run_id = ?", "DELETE FROM run_instructions WHERE run_id = ?",
                            "DELETE FROM runs WHERE id = ?"})
        if (auto s = execBound(ws, sql, runId); !s) return s;
    return tx.commit();
}

// --- evaluation ----------------------------------------------------------------------------------

std::int64_t EvaluatedStep::evaluated() const {
    std::int64_t n = 0;
    for (const auto& [k, c] : counts) n += c;
    return n;
}

Expected<std::vector<EvaluatedStep>> evaluatedSteps(Workspace& ws, std::int64_t runId, const std::string& setName) {
    // Examples seen come from the metrics the worker wrote at the same step (any name will do;
    // "score" is written with every evaluation, "loss" with every step).
    auto st = ws.db().prepare(
        "SELECT e.step, e.subset, e.accuracy, e.examples, "
        "  (SELECT m.examples FROM run_metrics m WHERE m.run_id = e.run_id AND m.step = e.step LIMIT 1) "
        "FROM eval_results e WHERE e.run_id = ? AND e.set_name = ? ORDER BY e.step, e.subset");
    if (!st) return st.error();
    st->bind(1, runId).bind(2, setName);
    std::vector<EvaluatedStep> out;
    auto s = eachRow(ws, *st, "reading evaluation results", [&](db::Statement& r) {
        const std::int64_t step = r.int64(0);
        if (out.empty() || out.back().step != step) {
            out.emplace_back();
            out.back().step = step;
            out.back().examples = r.isNull(4) ? 0 : r.int64(4);
        }
        out.back().accuracies[r.string(1)] = r.real(2);
        out.back().counts[r.string(1)] = r.int64(3);
    });
    if (!s) return s.error();
    return out;
}

Expected<std::vector<std::string>> evaluationSets(Workspace& ws) {
    auto st = ws.db().prepare("SELECT DISTINCT set_name FROM eval_examples ORDER BY set_name");
    if (!st) return st.error();
    std::vector<std::string> out;
    auto s = eachRow(ws, *st, "reading evaluation sets", [&](db::Statement& r) { out.push_back(r.string(0)); });
    if (!s) return s.error();
    return out;
}

Expected<std::vector<BaselineScores>> baselineScores(Workspace& ws, const std::string& setName, std::uint64_t seed) {
    // Lengths in bytes of UTF-8 text, as the evaluation measures std::string sizes.
    auto st = ws.db().prepare("SELECT id, subset, length(CAST(chosen AS BLOB)), length(CAST(rejected AS BLOB)) "
                              "FROM eval_examples WHERE set_name = ? ORDER BY id");
    if (!st) return st.error();
    st->bind(1, setName);
    using rewardbench::Baseline;
    const Baseline kinds[] = {Baseline::Random, Baseline::AlwaysLonger, Baseline::AlwaysFirst};
    std::map<std::string, rewardbench::SubsetTally> tallies[3];
    std::int64_t examples = 0;
    auto s = eachRow(ws, *st, "reading the evaluation set", [&](db::Statement& r) {
        ++examples;
        for (int k = 0; k < 3; ++k)
            tallies[k][r.string(1)].add(rewardbench::baselineResult(kinds[k], std::size_t(r.int64(2)),
                                                                    std::size_t(r.int64(3)), seed,
                                                                    std::uint64_t(r.int64(0))));
    });
    if (!s) return s.error();
    std::vector<BaselineScores> out;
    if (examples == 0) return out;
    for (int k = 0; k < 3; ++k) out.push_back({kinds[k], rewardbench::computeScores(tallies[k]), examples});
    return out;
}

// --- predictions ---------------------------------------------------------------------------------

Expected<PredictionSummary> predictionSummary(Workspace& ws, std::int64_t runId) {
    auto st = ws.db().prepare("SELECT step, count(*), sum(agrees) FROM run_predictions WHERE run_id = ? AND step = "
                              "(SELECT max(step) FROM run_predictions WHERE run_id = ?)");
    if (!st) return st.error();
    st->bind(1, runId).bind(2, runId);
    PredictionSummary out;
    if (st->step() == db::Statement::Step::Row && !st->isNull(0)) {
        out.step = st->int64(0);
        out.judged = st->int64(1);
        out.agree = st->isNull(2) ? 0 : st->int64(2);
    }
    return out;
}

Expected<std::vector<Disagreement>> disagreements(Workspace& ws, std::int64_t runId, std::int64_t step,
                                                  std::int64_t limit) {
    auto st = ws.db().prepare("SELECT p.judgment_id, t.key, j.label, p.predicted, p.confidence "
                              "FROM run_predictions p JOIN judgments j ON j.id = p.judgment_id "
                              "JOIN tasks t ON t.id = j.task_id "
                              "WHERE p.run_id = ? AND p.step = ? AND p.agrees = 0 "
                              "ORDER BY p.confidence DESC, p.judgment_id LIMIT ?");
    if (!st) return st.error();
    st->bind(1, runId).bind(2, step).bind(3, limit > 0 ? limit : std::int64_t(-1));
    std::vector<Disagreement> out;
    auto s = eachRow(ws, *st, "reading predictions", [&](db::Statement& r) {
        out.push_back({r.int64(0), r.string(1), r.string(2), r.string(3), r.real(4)});
    });
    if (!s) return s.error();
    return out;
}

} // namespace flame
