// Runs in the workspace database: state transitions, metrics, results, documents, and the
// liveness rule (a run whose worker is gone or silent becomes "interrupted", never stays running).
#include <QtTest>

#include <sys/wait.h>
#include <unistd.h>

#include "storage/run_store.h"
#include "storage/workspace.h"
#include "tests/test_support.h"

using namespace flame;

class RunStoreTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string path(const char* name) { return (m_dir.path() + "/" + name).toStdString(); }

private slots:
    void lifecycle() {
        auto ws = Workspace::create(path("life.flame"));
        FLAME_VERIFY_OK(ws);
        RunStore runs(*ws);
        auto id = runs.create({"first", "flame", 0, "{\"steps\":10}", "cpu"});
        FLAME_VERIFY_OK(id);
        auto r = runs.require(*id);
        FLAME_VERIFY_OK(r);
        QCOMPARE(r->state, RunState::Queued);
        QCOMPARE(r->config, std::string("{\"steps\":10}"));
        FLAME_VERIFY_OK(runs.markRunning(*id, ::getpid(), hostName()));
        FLAME_VERIFY_OK(runs.heartbeat(*id, 7));
        r = runs.require(*id);
        QCOMPARE(r->state, RunState::Running);
        QCOMPARE(r->step, std::int64_t(7));
        QCOMPARE(r->pid, std::int64_t(::getpid()));
        QVERIFY(!r->startedAt.empty());
        // Our own process is alive and its heartbeat fresh: reconcile leaves the run alone.
        auto marked = runs.reconcile(60);
        FLAME_VERIFY_OK(marked);
        QCOMPARE(*marked, 0);
        FLAME_VERIFY_OK(runs.requestCancel(*id));
        QVERIFY(*runs.cancelRequested(*id));
        FLAME_VERIFY_OK(runs.finish(*id, RunState::Cancelled, ""));
        r = runs.require(*id);
        QCOMPARE(r->state, RunState::Cancelled);
        QVERIFY(!r->finishedAt.empty());
        FLAME_VERIFY_OK(runs.requeue(*id));
        r = runs.require(*id);
        QCOMPARE(r->state, RunState::Queued);
        QVERIFY(!r->cancelRequested);
        QVERIFY(!runs.require(999).ok());
    }

    void deadWorkerIsInterrupted() {
        auto ws = Workspace::create(path("dead.flame"));
        FLAME_VERIFY_OK(ws);
        RunStore runs(*ws);
        auto id = runs.create({"dead", "flame", 0, "{}", "cpu"});
        FLAME_VERIFY_OK(id);
        // A child that exits at once: its pid is then gone (reaped).
        pid_t child = ::fork();
        if (child == 0) ::_exit(0);
        int status = 0;
        ::waitpid(child, &status, 0);
        FLAME_VERIFY_OK(runs.markRunning(*id, child, hostName()));
        auto marked = runs.reconcile(60);
        FLAME_VERIFY_OK(marked);
        QCOMPARE(*marked, 1);
        auto r = runs.require(*id);
        QCOMPARE(r->state, RunState::Interrupted);
        QVERIFY(r->error.find("ended without finishing") != std::string::npos);
    }

    void silentWorkerOnAnotherHostIsInterrupted() {
        auto ws = Workspace::create(path("silent.flame"));
        FLAME_VERIFY_OK(ws);
        RunStore runs(*ws);
        auto id = runs.create({"remote", "flame", 0, "{}", "cpu"});
        FLAME_VERIFY_OK(id);
        FLAME_VERIFY_OK(runs.markRunning(*id, 12345, "some-other-host"));
        FLAME_VERIFY_OK(ws->db().exec("UPDATE runs SET heartbeat_at = '2020-01-01T00:00:00Z'"));
        QCOMPARE(*runs.reconcile(120), 1);
        auto r = runs.require(*id);
        QCOMPARE(r->state, RunState::Interrupted);
        QVERIFY(r->error.find("no heartbeat") != std::string::npos);
        QVERIFY(secondsSince("2020-01-01T00:00:00Z") > 1e7);
        QVERIFY(secondsSince("garbage") < 0);
    }

    void metricsResultsAndDocuments() {
        auto ws = Workspace::create(path("metrics.flame"));
        FLAME_VERIFY_OK(ws);
        RunStore runs(*ws);
        auto id = *runs.create({"m", "flame", 0, "{}", "cpu"});
        FLAME_VERIFY_OK(runs.addMetrics(id, 1, 16, {{"loss", 2.5}, {"lr", 1e-3}}));
        FLAME_VERIFY_OK(runs.addMetrics(id, 2, 32, {{"loss", 2.25}}));
        FLAME_VERIFY_OK(runs.addMetrics(id, 2, 32, {{"loss", 2.0}})); // a rewritten step replaces
        auto loss = runs.metrics(id, "loss");
        FLAME_VERIFY_OK(loss);
        QCOMPARE(loss->size(), std::size_t(2));
        QCOMPARE((*loss)[1].value, 2.0);
        QCOMPARE((*loss)[1].examples, std::int64_t(32));
        QCOMPARE(*runs.metricNames(id), (std::vector<std::string>{"loss", "lr"}));
        FLAME_VERIFY_OK(runs.addEvalResults(id, 10, "sample", {{"hep-go", 0.5, 4}, {"math-prm", 1.0, 2}}));
        FLAME_VERIFY_OK(runs.addEvalResults(id, 20, "sample", {{"hep-go", 0.75, 4}}));
        std::int64_t step = 0;
        auto ev = runs.evalResults(id, "sample", -1, &step);
        QCOMPARE(step, std::int64_t(20));
        QCOMPARE(ev->size(), std::size_t(1));
        QCOMPARE(runs.evalResults(id, "sample", 10)->size(), std::size_t(2));
        FLAME_VERIFY_OK(runs.addCheckpoint(id, 10, "/x/ckpt-10"));
        FLAME_VERIFY_OK(runs.addCheckpoint(id, 20, "/x/ckpt-20"));
        FLAME_VERIFY_OK(runs.removeCheckpoint(id, 10));
        QCOMPARE(runs.checkpoints(id)->size(), std::size_t(1));
        FLAME_VERIFY_OK(runs.addBiasResults(id, 20, {{"order", 0.1}, {"attention", 0.2}}));
        QCOMPARE(runs.biasResults(id)->size(), std::size_t(2));
        FLAME_VERIFY_OK(runs.addTailpatchResults(id, {{"mnli", "chat_hard", 0.5, 0.6, 2}}));
        QCOMPARE(runs.tailpatchResults(id)->front().rating, 2);
        FLAME_VERIFY_OK(runs.setDocument(id, "plan", "{\"a\":1}"));
        QCOMPARE(**runs.document(id, "plan"), std::string("{\"a\":1}"));
        QVERIFY(!*runs.document(id, "missing"));
        FLAME_VERIFY_OK(runs.recordInstructions(id, {{1, 1}, {2, 2}}));
        QCOMPARE(runs.instructions(id)->size(), std::size_t(2));
    }
};

QTEST_GUILESS_MAIN(RunStoreTest)
#include "tst_run_store.moc"
