#include "storage/run_store.h"

#include <cerrno>
#include <csignal>
#include <ctime>
#include <unistd.h>

namespace flame {

const char* toString(RunState state) {
    switch (state) {
    case RunState::Queued: return "queued";
    case RunState::Running: return "running";
    case RunState::Finished: return "finished";
    case RunState::Failed: return "failed";
    case RunState::Cancelled: return "cancelled";
    case RunState::Interrupted: return "interrupted";
    }
    return "?";
}

std::optional<RunState> parseRunState(std::string_view text) {
    for (RunState s : {RunState::Queued, RunState::Running, RunState::Finished, RunState::Failed, RunState::Cancelled,
                       RunState::Interrupted})
        if (text == toString(s)) return s;
    return std::nullopt;
}

std::string hostName() {
    char buf[256] = {};
    if (gethostname(buf, sizeof buf - 1) != 0) return "localhost";
    return buf;
}

bool processAlive(std::int64_t pid) {
    if (pid <= 0) return false;
    if (::kill(pid_t(pid), 0) == 0) return true;
    return errno == EPERM; // exists, owned by someone else
}

double secondsSince(const std::string& ts) {
    std::tm tm{};
    if (ts.size() < 19 || !strptime(ts.c_str(), "%Y-%m-%dT%H:%M:%S", &tm)) return -1;
    std::time_t then = timegm(&tm);
    return std::difftime(std::time(nullptr), then);
}

namespace {

constexpr const char* kRunColumns = "id, name, variant, parent_run_id, config, state, device, created_at, "
                                    "started_at, finished_at, pid, host, heartbeat_at, step, error, cancel_requested";

RunRecord readRun(db::Statement& st) {
    RunRecord r;
    r.id = st.int64(0);
    r.name = st.string(1);
    r.variant = st.string(2);
    r.parentRunId = st.isNull(3) ? 0 : st.int64(3);
    r.config = st.string(4);
    r.state = parseRunState(st.text(5)).value_or(RunState::Failed);
    r.device = st.string(6);
    r.createdAt = st.string(7);
    r.startedAt = st.isNull(8) ? "" : st.string(8);
    r.finishedAt = st.isNull(9) ? "" : st.string(9);
    r.pid = st.isNull(10) ? 0 : st.int64(10);
    r.host = st.isNull(11) ? "" : st.string(11);
    r.heartbeatAt = st.isNull(12) ? "" : st.string(12);
    r.step = st.int64(13);
    r.error = st.isNull(14) ? "" : st.string(14);
    r.cancelRequested = st.int64(15) != 0;
    return r;
}

// Runs `sql` with `bind` applied, expecting no rows.
template <class Bind> Status exec(Workspace& ws, const char* sql, Bind&& bind) {
    auto st = ws.db().prepare(sql);
    if (!st) return st.error();
    bind(*st);
    return st->run();
}

} // namespace

Expected<std::int64_t> RunStore::create(const NewRun& run) {
    auto s = exec(m_ws,
                  "INSERT INTO runs(name, variant, parent_run_id, config, state, device, created_at) "
                  "VALUES(?, ?, ?, ?, 'queued', ?, ?)",
                  [&](db::Statement& st) {
                      st.bind(1, run.name).bind(2, run.variant);
                      if (run.parentRunId > 0) st.bind(3, run.parentRunId);
                      else st.bindNull(3);
                      st.bind(4, run.config).bind(5, run.device).bind(6, utcNow());
                  });
    if (!s) return s.error();
    return m_ws.db().lastInsertId();
}

Expected<std::optional<RunRecord>> RunStore::get(std::int64_t runId) {
    auto st = m_ws.db().prepare(std::string("SELECT ") + kRunColumns + " FROM runs WHERE id = ?");
    if (!st) return st.error();
    st->bind(1, runId);
    switch (st->step()) {
    case db::Statement::Step::Row: return std::optional<RunRecord>(readRun(*st));
    case db::Statement::Step::Done: return std::optional<RunRecord>();
    default: return m_ws.db().error("reading run " + std::to_string(runId));
    }
}

Expected<RunRecord> RunStore::require(std::int64_t runId) {
    auto r = get(runId);
    if (!r) return r.error();
    if (!*r) return Error::badInput("no run " + std::to_string(runId) + " in " + m_ws.path());
    return std::move(**r);
}

Expected<std::vector<RunRecord>> RunStore::list() {
    auto st = m_ws.db().prepare(std::string("SELECT ") + kRunColumns + " FROM runs ORDER BY id");
    if (!st) return st.error();
    std::vector<RunRecord> out;
    for (;;) {
        auto step = st->step();
        if (step == db::Statement::Step::Done) break;
        if (step == db::Statement::Step::Error) return m_ws.db().error("listing runs");
        out.push_back(readRun(*st));
    }
    return out;
}

Status RunStore::updateConfig(std::int64_t runId, const std::string& configJson) {
    return exec(m_ws, "UPDATE runs SET config = ? WHERE id = ?",
                [&](db::Statement& st) { st.bind(1, configJson).bind(2, runId); });
}

Status RunStore::recordInstructions(std::int64_t runId, const std::vector<std::pair<std::int64_t, std::int64_t>>& map) {
    db::Transaction tx(m_ws.db());
    if (!tx.begun()) return tx.begun();
    auto st = m_ws.db().prepare("INSERT OR REPLACE INTO run_instructions(run_id, task_id, instruction_id) VALUES(?, ?, ?)");
    if (!st) return st.error();
    for (const auto& [task, instruction] : map) {
        st->bind(1, runId).bind(2, task).bind(3, instruction);
        if (auto s = st->run(); !s) return s;
        st->reset();
    }
    return tx.commit();
}

Expected<std::map<std::int64_t, std::int64_t>> RunStore::instructions(std::int64_t runId) {
    auto st = m_ws.db().prepare("SELECT task_id, instruction_id FROM run_instructions WHERE run_id = ?");
    if (!st) return st.error();
    st->bind(1, runId);
    std::map<std::int64_t, std::int64_t> out;
    for (;;) {
        auto step = st->step();
        if (step == db::Statement::Step::Done) break;
        if (step == db::Statement::Step::Error) return m_ws.db().error("reading run instructions");
        out[st->int64(0)] = st->int64(1);
    }
    return out;
}

Status RunStore::markRunning(std::int64_t runId, std::int64_t pid, const std::string& host) {
    const std::string now = utcNow();
    return exec(m_ws,
                "UPDATE runs SET state = 'running', started_at = coalesce(started_at, ?), finished_at = NULL, "
                "pid = ?, host = ?, heartbeat_at = ?, error = NULL, cancel_requested = 0 WHERE id = ?",
                [&](db::Statement& st) { st.bind(1, now).bind(2, pid).bind(3, host).bind(4, now).bind(5, runId); });
}

Status RunStore::heartbeat(std::int64_t runId, std::int64_t step) {
    return exec(m_ws, "UPDATE runs SET heartbeat_at = ?, step = max(step, ?) WHERE id = ?",
                [&](db::Statement& st) { st.bind(1, utcNow()).bind(2, step).bind(3, runId); });
}

Status RunStore::finish(std::int64_t runId, RunState state, const std::string& error) {
    return exec(m_ws, "UPDATE runs SET state = ?, finished_at = ?, error = ? WHERE id = ?", [&](db::Statement& st) {
        st.bind(1, toString(state)).bind(2, utcNow());
        if (error.empty()) st.bindNull(3);
        else st.bind(3, error);
        st.bind(4, runId);
    });
}

Status RunStore::requeue(std::int64_t runId) {
    return exec(m_ws,
                "UPDATE runs SET state = 'queued', finished_at = NULL, error = NULL, cancel_requested = 0, pid = NULL "
                "WHERE id = ?",
                [&](db::Statement& st) { st.bind(1, runId); });
}

Status RunStore::requestCancel(std::int64_t runId) {
    return exec(m_ws, "UPDATE runs SET cancel_requested = 1 WHERE id = ?", [&](db::Statement& st) { st.bind(1, runId); });
}

Expected<bool> RunStore::cancelRequested(std::int64_t runId) {
    auto st = m_ws.db().prepare("SELECT cancel_requested FROM runs WHERE id = ?");
    if (!st) return st.error();
    st->bind(1, runId);
    if (st->step() != db::Statement::Step::Row) return false;
    return st->int64(0) != 0;
}

Expected<int> RunStore::reconcile(double staleSeconds) {
    if (m_ws.readOnly()) return 0;
    auto runs = list();
    if (!runs) return runs.error();
    const std::string here = hostName();
    int marked = 0;
    for (const auto& r : *runs) {
        if (r.state != RunState::Running) continue;
        std::string why;
        if (r.host == here && r.pid > 0 && !processAlive(r.pid))
            why = "the worker (pid " + std::to_string(r.pid) + ") ended without finishing the run";
        else if (double age = secondsSince(r.heartbeatAt); age < 0 || age > staleSeconds)
            why = "no heartbeat from the worker for " + std::to_string(long(age)) + " s";
        if (why.empty()) continue;
        // Only a run still running is changed: the worker may have finished meanwhile.
        auto s = exec(m_ws,
                      "UPDATE runs SET state = 'interrupted', finished_at = ?, error = ? WHERE id = ? AND state = 'running'",
                      [&](db::Statement& st) { st.bind(1, utcNow()).bind(2, why).bind(3, r.id); });
        if (!s) return s.error();
        marked += m_ws.db().changes();
    }
    return marked;
}

Status RunStore::addMetrics(std::int64_t runId, std::int64_t step, std::int64_t examples,
                            const std::vector<std::pair<std::string, double>>& values) {
    db::Transaction tx(m_ws.db());
    if (!tx.begun()) return tx.begun();
    auto st = m_ws.db().prepare("INSERT OR REPLACE INTO run_metrics(run_id, name, step, examples, value) VALUES(?, ?, ?, ?, ?)");
    if (!st) return st.error();
    for (const auto& [name, value] : values) {
        st->bind(1, runId).bind(2, name).bind(3, step).bind(4, examples).bind(5, value);
        if (auto s = st->run(); !s) return s;
        st->reset();
    }
    return tx.commit();
}

Expected<std::vector<MetricPoint>> RunStore::metrics(std::int64_t runId, const std::string& name) {
    auto st = m_ws.db().prepare("SELECT step, examples, value FROM run_metrics WHERE run_id = ? AND name = ? ORDER BY step");
    if (!st) return st.error();
    st->bind(1, runId).bind(2, name);
    std::vector<MetricPoint> out;
    for (;;) {
        auto step = st->step();
        if (step == db::Statement::Step::Done) break;
        if (step == db::Statement::Step::Error) return m_ws.db().error("reading metrics");
        out.push_back({st->int64(0), st->int64(1), st->real(2)});
    }
    return out;
}

Expected<std::vector<std::string>> RunStore::metricNames(std::int64_t runId) {
    auto st = m_ws.db().prepare("SELECT DISTINCT name FROM run_metrics WHERE run_id = ? ORDER BY name");
    if (!st) return st.error();
    st->bind(1, runId);
    std::vector<std::string> out;
    while (st->step() == db::Statement::Step::Row) out.push_back(st->string(0));
    return out;
}

Status RunStore::addEvalResults(std::int64_t runId, std::int64_t step, const std::string& setName,
                                const std::vector<EvalResultRow>& rows) {
    db::Transaction tx(m_ws.db());
    if (!tx.begun()) return tx.begun();
    auto st = m_ws.db().prepare(
        "INSERT OR REPLACE INTO eval_results(run_id, step, set_name, subset, accuracy, examples) VALUES(?, ?, ?, ?, ?, ?)");
    if (!st) return st.error();
    for (const auto& r : rows) {
        st->bind(1, runId).bind(2, step).bind(3, setName).bind(4, r.subset).bind(5, r.accuracy).bind(6, r.examples);
        if (auto s = st->run(); !s) return s;
        st->reset();
    }
    return tx.commit();
}

Expected<std::vector<EvalResultRow>> RunStore::evalResults(std::int64_t runId, const std::string& setName,
                                                           std::int64_t step, std::int64_t* stepOut) {
    if (step < 0) {
        auto st = m_ws.db().prepare("SELECT max(step) FROM eval_results WHERE run_id = ? AND set_name = ?");
        if (!st) return st.error();
        st->bind(1, runId).bind(2, setName);
        if (st->step() != db::Statement::Step::Row || st->isNull(0)) return std::vector<EvalResultRow>();
        step = st->int64(0);
    }
    if (stepOut) *stepOut = step;
    auto st = m_ws.db().prepare(
        "SELECT subset, accuracy, examples FROM eval_results WHERE run_id = ? AND set_name = ? AND step = ? ORDER BY subset");
    if (!st) return st.error();
    st->bind(1, runId).bind(2, setName).bind(3, step);
    std::vector<EvalResultRow> out;
    while (st->step() == db::Statement::Step::Row) out.push_back({st->string(0), st->real(1), st->int64(2)});
    return out;
}

Status RunStore::addCheckpoint(std::int64_t runId, std::int64_t step, const std::string& path) {
    return exec(m_ws, "INSERT OR REPLACE INTO checkpoints(run_id, step, path, created_at) VALUES(?, ?, ?, ?)",
                [&](db::Statement& st) { st.bind(1, runId).bind(2, step).bind(3, path).bind(4, utcNow()); });
}

Status RunStore::removeCheckpoint(std::int64_t runId, std::int64_t step) {
    return exec(m_ws, "DELETE FROM checkpoints WHERE run_id = ? AND step = ?",
                [&](db::Statement& st) { st.bind(1, runId).bind(2, step); });
}

Expected<std::vector<CheckpointRecord>> RunStore::checkpoints(std::int64_t runId) {
    auto st = m_ws.db().prepare("SELECT id, run_id, step, path, created_at FROM checkpoints WHERE run_id = ? ORDER BY step");
    if (!st) return st.error();
    st->bind(1, runId);
    std::vector<CheckpointRecord> out;
    while (st->step() == db::Statement::Step::Row)
        out.push_back({st->int64(0), st->int64(1), st->int64(2), st->string(3), st->string(4)});
    return out;
}

Status RunStore::addBiasResults(std::int64_t runId, std::int64_t step,
                                const std::vector<std::pair<std::string, double>>& values) {
    db::Transaction tx(m_ws.db());
    if (!tx.begun()) return tx.begun();
    auto st = m_ws.db().prepare("INSERT OR REPLACE INTO bias_results(run_id, step, bias, value) VALUES(?, ?, ?, ?)");
    if (!st) return st.error();
    for (const auto& [name, value] : values) {
        st->bind(1, runId).bind(2, step).bind(3, name).bind(4, value);
        if (auto s = st->run(); !s) return s;
        st->reset();
    }
    return tx.commit();
}

Expected<std::vector<std::pair<std::string, double>>> RunStore::biasResults(std::int64_t runId, std::int64_t* stepOut) {
    auto st = m_ws.db().prepare("SELECT step, bias, value FROM bias_results WHERE run_id = ? AND step = "
                                "(SELECT max(step) FROM bias_results WHERE run_id = ?) ORDER BY bias");
    if (!st) return st.error();
    st->bind(1, runId).bind(2, runId);
    std::vector<std::pair<std::string, double>> out;
    while (st->step() == db::Statement::Step::Row) {
        if (stepOut) *stepOut = st->int64(0);
        out.emplace_back(st->string(1), st->real(2));
    }
    return out;
}

Status RunStore::addTailpatchResults(std::int64_t runId, const std::vector<TailpatchRow>& rows) {
    db::Transaction tx(m_ws.db());
    if (!tx.begun()) return tx.begun();
    auto st = m_ws.db().prepare("INSERT OR REPLACE INTO tailpatch_results(run_id, task_key, category, base, patched, rating) "
                                "VALUES(?, ?, ?, ?, ?, ?)");
    if (!st) return st.error();
    for (const auto& r : rows) {
        st->bind(1, runId).bind(2, r.taskKey).bind(3, r.category).bind(4, r.base).bind(5, r.patched).bind(6, r.rating);
        if (auto s = st->run(); !s) return s;
        st->reset();
    }
    return tx.commit();
}

Expected<std::vector<TailpatchRow>> RunStore::tailpatchResults(std::int64_t runId) {
    auto st = m_ws.db().prepare(
        "SELECT task_key, category, base, patched, rating FROM tailpatch_results WHERE run_id = ? ORDER BY task_key, category");
    if (!st) return st.error();
    st->bind(1, runId);
    std::vector<TailpatchRow> out;
    while (st->step() == db::Statement::Step::Row)
        out.push_back({st->string(0), st->string(1), st->real(2), st->real(3), int(st->int64(4))});
    return out;
}

Status RunStore::setDocument(std::int64_t runId, const std::string& name, const std::string& body) {
    return exec(m_ws, "INSERT OR REPLACE INTO run_documents(run_id, name, body, created_at) VALUES(?, ?, ?, ?)",
                [&](db::Statement& st) { st.bind(1, runId).bind(2, name).bind(3, body).bind(4, utcNow()); });
}

Expected<std::optional<std::string>> RunStore::document(std::int64_t runId, const std::string& name) {
    auto st = m_ws.db().prepare("SELECT body FROM run_documents WHERE run_id = ? AND name = ?");
    if (!st) return st.error();
    st->bind(1, runId).bind(2, name);
    if (st->step() != db::Statement::Step::Row) return std::optional<std::string>();
    return std::optional<std::string>(st->string(0));
}

Status RunStore::addPredictions(std::int64_t runId, std::int64_t step, const std::vector<PredictionRow>& rows) {
    db::Transaction tx(m_ws.db());
    if (!tx.begun()) return tx.begun();
    auto st = m_ws.db().prepare("INSERT OR REPLACE INTO run_predictions(run_id, step, judgment_id, predicted, confidence, agrees) "
                                "VALUES(?, ?, ?, ?, ?, ?)");
    if (!st) return st.error();
    for (const auto& r : rows) {
        st->bind(1, runId).bind(2, step).bind(3, r.judgmentId).bind(4, r.predicted).bind(5, r.confidence)
            .bind(6, r.agrees ? 1 : 0);
        if (auto s = st->run(); !s) return s;
        st->reset();
    }
    return tx.commit();
}

} // namespace flame
