// The run queries the studio needs beyond RunStore (storage/run_queries.h): incremental metric
// reads, the studio's queue (order, one claim per run), launch records, deleting a run and all it
// recorded (and refusing a running or parent run), evaluated steps, baselines on the stored
// evaluation set against hand-computed values, and the model's disagreements with human labels.
#include <QtTest>

#include "model/scoring.h"
#include "storage/run_queries.h"
#include "storage/sample_writer.h"
#include "tests/test_support.h"

using namespace flame;

namespace {

std::int64_t count(Workspace& ws, const std::string& table, std::int64_t runId) {
    const std::string column = table == "runs" ? "id" : "run_id";
    auto st = ws.db().prepare("SELECT count(*) FROM " + table + " WHERE " + column + " = ?");
    st->bind(1, runId);
    st->step();
    return st->int64(0);
}

} // namespace

class TestRunQueries : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string m_path;

    std::int64_t newRun(Workspace& ws, const std::string& name, std::int64_t parent = 0) {
        RunStore runs(ws);
        NewRun n;
        n.name = name;
        n.variant = parent ? "flame-rm" : "flame";
        n.parentRunId = parent;
        auto id = runs.create(n);
        if (!id) qFatal("%s", id.error().toString().c_str());
        return *id;
    }

private slots:
    void initTestCase() {
        m_path = (m_dir.path() + "/runs.flame").toStdString();
        auto ws = Workspace::create(m_path);
        QVERIFY(ws.ok());
        sample::SampleOptions o;
        o.judgments = 600;
        o.evalScale = 0.05;
        o.devScale = 0;
        o.biasInstructions = 0;
        FLAME_VERIFY_OK(writeSampleCorpus(*ws, o));
    }

    void metricsAfterReadsOnlyNewPoints() {
        auto ws = Workspace::open(m_path);
        const auto run = newRun(*ws, "metrics");
        RunStore runs(*ws);
        for (int s = 1; s <= 5; ++s) FLAME_VERIFY_OK(runs.addMetrics(run, s, s * 16, {{"loss", 10.0 - s}}));
        auto all = metricsAfter(*ws, run, "loss", -1);
        FLAME_VERIFY_OK(all);
        QCOMPARE(all->size(), std::size_t(5));
        auto newer = metricsAfter(*ws, run, "loss", 3);
        FLAME_VERIFY_OK(newer);
        QCOMPARE(newer->size(), std::size_t(2));
        QCOMPARE(newer->at(0).step, std::int64_t(4));
        QCOMPARE(newer->at(0).examples, std::int64_t(64));
        QCOMPARE(newer->at(1).value, 5.0);
        QVERIFY(metricsAfter(*ws, run, "loss", 5)->empty());
        QVERIFY(metricsAfter(*ws, run, "safety", -1)->empty());

        auto latest = latestMetrics(*ws, {"loss", "safety"});
        FLAME_VERIFY_OK(latest);
        bool found = false;
        for (const auto& l : *latest) {
            QVERIFY(!(l.runId == run && l.name == "safety")); // no point, no entry
            if (l.runId == run && l.name == "loss") {
                found = true;
                QCOMPARE(l.point.step, std::int64_t(5));
                QCOMPARE(l.point.value, 5.0);
            }
        }
        QVERIFY(found);
    }

    void queueKeepsOrderAndIsClaimedOnce() {
        auto ws = Workspace::open(m_path);
        const auto a = newRun(*ws, "a"), b = newRun(*ws, "b"), c = newRun(*ws, "c");
        FLAME_VERIFY_OK(enqueueRun(*ws, b));
        FLAME_VERIFY_OK(enqueueRun(*ws, a));
        FLAME_VERIFY_OK(enqueueRun(*ws, c));
        auto q = studioQueue(*ws);
        FLAME_VERIFY_OK(q);
        QCOMPARE(q->size(), std::size_t(3));
        QCOMPARE(q->at(0).runId, b);
        QCOMPARE(q->at(1).runId, a);
        QCOMPARE(q->at(2).runId, c);
        QVERIFY(q->at(0).position < q->at(1).position);
        QVERIFY(!q->at(0).enqueuedAt.empty());

        auto first = claimQueuedRun(*ws, a);
        FLAME_VERIFY_OK(first);
        QVERIFY(*first);
        auto second = claimQueuedRun(*ws, a); // a second studio finds it gone
        FLAME_VERIFY_OK(second);
        QVERIFY(!*second);
        FLAME_VERIFY_OK(enqueueRun(*ws, a)); // again: at the end
        q = studioQueue(*ws);
        QCOMPARE(q->size(), std::size_t(3));
        QCOMPARE(q->back().runId, a);
        for (auto id : {a, b, c}) QVERIFY(*claimQueuedRun(*ws, id));
        QVERIFY(studioQueue(*ws)->empty());
    }

    void claimForLaunchLeavesARecordAtomically() {
        auto ws = Workspace::open(m_path);
        const auto a = newRun(*ws, "claimed-a"), b = newRun(*ws, "claimed-b");
        FLAME_VERIFY_OK(enqueueRun(*ws, a));
        FLAME_VERIFY_OK(enqueueRun(*ws, b));
        auto claimed = claimQueuedRunForLaunch(*ws, a, "node-3");
        FLAME_VERIFY_OK(claimed);
        QVERIFY(*claimed);
        // Off the queue and, in the same transaction, a launch record without workers.
        auto q = studioQueue(*ws);
        QCOMPARE(q->size(), std::size_t(1));
        QCOMPARE(q->front().runId, b);
        auto launches = launchRecords(*ws);
        QVERIFY(launches->count(a));
        QVERIFY(launches->at(a).pids.empty());
        QCOMPARE(launches->at(a).host, std::string("node-3"));
        QVERIFY(!launches->at(a).startedAt.empty());
        // A second claimer gets nothing and leaves no record.
        auto again = claimQueuedRunForLaunch(*ws, a, "node-4");
        FLAME_VERIFY_OK(again);
        QVERIFY(!*again);
        QCOMPARE(launchRecords(*ws)->at(a).host, std::string("node-3"));
        // Put back at the head, ahead of the run that was waiting.
        FLAME_VERIFY_OK(enqueueRun(*ws, a, QueueEnd::Front));
        q = studioQueue(*ws);
        QCOMPARE(q->size(), std::size_t(2));
        QCOMPARE(q->front().runId, a);
        QCOMPARE(q->back().runId, b);
        for (auto id : {a, b}) QVERIFY(*claimQueuedRun(*ws, id));
        FLAME_VERIFY_OK(clearLaunch(*ws, a));
    }

    void launchRecordsRoundTrip() {
        auto ws = Workspace::open(m_path);
        const auto run = newRun(*ws, "launched");
        LaunchRecord l;
        l.pids = {101, 102};
        l.host = "node-7";
        l.logPath = "/tmp/x/studio.log";
        l.startedAt = "2026-01-01T00:00:00Z";
        l.masterPort = 29500;
        FLAME_VERIFY_OK(recordLaunch(*ws, run, l));
        auto all = launchRecords(*ws);
        FLAME_VERIFY_OK(all);
        QVERIFY(all->count(run));
        const LaunchRecord& r = all->at(run);
        QCOMPARE(r.pids, (std::vector<std::int64_t>{101, 102}));
        QCOMPARE(r.host, std::string("node-7"));
        QCOMPARE(r.logPath, l.logPath);
        QCOMPARE(r.masterPort, 29500);
        FLAME_VERIFY_OK(clearLaunch(*ws, run));
        QVERIFY(!launchRecords(*ws)->count(run));
    }

    void deleteRunRemovesEverything() {
        auto ws = Workspace::open(m_path);
        RunStore runs(*ws);
        const auto run = newRun(*ws, "doomed");
        FLAME_VERIFY_OK(runs.addMetrics(run, 1, 16, {{"loss", 2.0}}));
        FLAME_VERIFY_OK(runs.addCheckpoint(run, 1, "/nowhere/ckpt-1"));
        FLAME_VERIFY_OK(runs.addEvalResults(run, 1, "sample", {{"hep-go", 0.5, 4}}));
        FLAME_VERIFY_OK(runs.addBiasResults(run, 1, {{"order", 0.2}}));
        FLAME_VERIFY_OK(runs.addTailpatchResults(run, {{"helpsteer-pairwise", "chat", 0.5, 0.6, 1}}));
        FLAME_VERIFY_OK(runs.setDocument(run, "mixture", "{}"));
        FLAME_VERIFY_OK(enqueueRun(*ws, run));
        auto judgment = ws->db().queryInt("SELECT min(id) FROM judgments");
        FLAME_VERIFY_OK(runs.addPredictions(run, 1, {{*judgment, "A", 0.9, false}}));
        const auto task = ws->db().queryInt("SELECT min(task_id) FROM judgments");
        const auto instruction = ws->db().queryInt("SELECT min(id) FROM task_instructions");
        FLAME_VERIFY_OK(runs.recordInstructions(run, {{*task, *instruction}}));

        FLAME_VERIFY_OK(deleteRun(*ws, run));
        for (const char* t : {"runs", "run_metrics", "checkpoints", "eval_results", "bias_results",
                              "tailpatch_results", "run_documents", "run_predictions", "run_instructions"})
            QVERIFY2(count(*ws, t, run) == 0, t);
        auto again = deleteRun(*ws, run);
        QVERIFY(!again.ok()); // no such run
    }

    void deleteRunRefusesRunningAndParents() {
        auto ws = Workspace::open(m_path);
        RunStore runs(*ws);
        const auto running = newRun(*ws, "running");
        FLAME_VERIFY_OK(runs.markRunning(running, 4242, hostName()));
        auto s = deleteRun(*ws, running);
        QVERIFY(!s.ok());
        QVERIFY(s.error().message.find("running") != std::string::npos);
        QCOMPARE(count(*ws, "runs", running), std::int64_t(1));

        const auto parent = newRun(*ws, "parent");
        const auto child = newRun(*ws, "child", parent);
        s = deleteRun(*ws, parent);
        QVERIFY(!s.ok());
        QVERIFY(s.error().message.find(std::to_string(child)) != std::string::npos);
        FLAME_VERIFY_OK(deleteRun(*ws, child)); // children first, then the parent goes
        FLAME_VERIFY_OK(deleteRun(*ws, parent));
    }

    void evaluatedStepsGroupBySteps() {
        auto ws = Workspace::open(m_path);
        RunStore runs(*ws);
        const auto run = newRun(*ws, "evaluated");
        FLAME_VERIFY_OK(runs.addMetrics(run, 10, 160, {{"score", 0.6}}));
        FLAME_VERIFY_OK(runs.addEvalResults(run, 10, "sample", {{"hep-go", 0.5, 4}, {"donotanswer", 0.75, 8}}));
        FLAME_VERIFY_OK(runs.addEvalResults(run, 20, "sample", {{"hep-go", 1.0, 4}}));
        FLAME_VERIFY_OK(runs.addEvalResults(run, 20, "rewardbench", {{"hep-go", 0.25, 4}}));
        auto steps = evaluatedSteps(*ws, run, "sample");
        FLAME_VERIFY_OK(steps);
        QCOMPARE(steps->size(), std::size_t(2));
        QCOMPARE(steps->at(0).step, std::int64_t(10));
        QCOMPARE(steps->at(0).examples, std::int64_t(160));
        QCOMPARE(steps->at(0).accuracies.at("donotanswer"), 0.75);
        QCOMPARE(steps->at(0).evaluated(), std::int64_t(12));
        QCOMPARE(steps->at(1).examples, std::int64_t(0)); // no metric at step 20
        QCOMPARE(steps->at(1).accuracies.size(), std::size_t(1));
        auto sets = evaluationSets(*ws);
        FLAME_VERIFY_OK(sets);
        QVERIFY(std::find(sets->begin(), sets->end(), "sample") != sets->end());
    }

    void baselinesMatchHandComputedValues() {
        auto ws = Workspace::open(m_path);
        auto b = baselineScores(*ws, "sample");
        FLAME_VERIFY_OK(b);
        QCOMPARE(b->size(), std::size_t(3));
        const auto rows = *ws->db().queryInt("SELECT count(*) FROM eval_examples WHERE set_name = 'sample'");
        QVERIFY(rows > 0);
        using rewardbench::Baseline;
        using rewardbench::Section;
        for (const auto& s : *b) QCOMPARE(s.examples, rows);
        // Always-first over both orders is exactly 0.5 everywhere.
        const auto& first = b->at(2);
        QCOMPARE(first.baseline, Baseline::AlwaysFirst);
        QCOMPARE(first.scores.score, 0.5);
        // Always-longer, by hand: per subset, the share of pairs whose chosen text is longer
        // (ties count half), then the official example-weighted sections.
        auto st = ws->db().prepare("SELECT subset, length(CAST(chosen AS BLOB)), length(CAST(rejected AS BLOB)) "
                                   "FROM eval_examples WHERE set_name = 'sample'");
        std::map<std::string, std::pair<double, int>> tally;
        while (st->step() == db::Statement::Step::Row) {
            const auto c = st->int64(1), r = st->int64(2);
            auto& t = tally[st->string(0)];
            t.first += c > r ? 1.0 : c == r ? 0.5 : 0.0;
            ++t.second;
        }
        double weighted = 0, weights = 0;
        for (const auto& subset : rewardbench::kSubsets) {
            if (subset.section != Section::Safety) continue;
            auto it = tally.find(std::string(subset.name));
            if (it == tally.end()) continue;
            weighted += it->second.first / it->second.second * subset.weight;
            weights += subset.weight;
        }
        QVERIFY(weights > 0);
        QCOMPARE(b->at(1).baseline, Baseline::AlwaysLonger);
        QVERIFY(std::abs(b->at(1).scores.section(Section::Safety) - weighted / weights) < 1e-12);
        QVERIFY(baselineScores(*ws, "no-such-set")->empty());
    }

    void disagreementsMostConfidentFirst() {
        auto ws = Workspace::open(m_path);
        RunStore runs(*ws);
        const auto run = newRun(*ws, "predicted");
        QVERIFY(predictionSummary(*ws, run)->step < 0);
        auto st = ws->db().prepare("SELECT j.id, t.key, j.label FROM judgments j JOIN tasks t ON t.id = j.task_id "
                                   "ORDER BY j.id LIMIT 4");
        std::vector<std::tuple<std::int64_t, std::string, std::string>> js;
        while (st->step() == db::Statement::Step::Row) js.emplace_back(st->int64(0), st->string(1), st->string(2));
        QCOMPARE(js.size(), std::size_t(4));
        FLAME_VERIFY_OK(runs.addPredictions(run, 7,
                                            {{std::get<0>(js[0]), "x", 0.61, false},
                                             {std::get<0>(js[1]), "y", 0.93, false},
                                             {std::get<0>(js[2]), std::get<2>(js[2]), 0.99, true},
                                             {std::get<0>(js[3]), std::get<2>(js[3]), 0.55, true}}));
        FLAME_VERIFY_OK(runs.addPredictions(run, 3, {{std::get<0>(js[0]), "z", 0.7, false}})); // older step
        auto summary = predictionSummary(*ws, run);
        FLAME_VERIFY_OK(summary);
        QCOMPARE(summary->step, std::int64_t(7));
        QCOMPARE(summary->judged, std::int64_t(4));
        QCOMPARE(summary->agree, std::int64_t(2));
        auto d = disagreements(*ws, run, 7);
        FLAME_VERIFY_OK(d);
        QCOMPARE(d->size(), std::size_t(2));
        QCOMPARE(d->at(0).judgmentId, std::get<0>(js[1]));
        QCOMPARE(d->at(0).predicted, std::string("y"));
        QCOMPARE(d->at(0).taskKey, std::get<1>(js[1]));
        QCOMPARE(d->at(0).humanLabel, std::get<2>(js[1]));
        QCOMPARE(d->at(1).confidence, 0.61);
        QCOMPARE(disagreements(*ws, run, 7, 1)->size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestRunQueries)
#include "tst_run_queries.moc"
