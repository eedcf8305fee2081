// The training commands end to end, as real processes on a small generated workspace with a very
// small network: events on stdout, run rows and metrics in the database, evaluation beside the
// baselines, stop (SIGTERM or --stop-after) and resume reproducing an uninterrupted run bit for
// bit, a killed worker's run marked interrupted, two Gloo ranks matching one, FLAMe-RM and
// FLAMe-Opt-RM, bias probes, export checked by the Python rebuild, and damaged files.
#include <QtTest>

#include <filesystem>
#include <fstream>

#include "model/json.h"
#include "storage/run_store.h"
#include "storage/workspace.h"
#include "tests/test_support.h"
#include "tests/training/training_test_support.h"

using namespace flame;
using flame::test::runCli;

using flame::test::events;
using flame::test::jsonLines;

class TrainingCliTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_ws;
    std::int64_t m_finishedRun = 0;

    QStringList small(int steps) { return flame::test::smallNetwork(steps, 3); }

    std::int64_t createdRun(const flame::test::CliResult& r) { return flame::test::createdRun(r.out); }

    std::vector<double> losses(std::int64_t run) { return flame::test::runLosses(m_ws, run); }

    RunRecord runRow(std::int64_t run) { return flame::test::runRecord(m_ws, run); }

private slots:
    void initTestCase() {
        m_ws = m_dir.path() + "/t.flame";
        QCOMPARE(runCli({"init", m_ws}).exitCode, 0);
        auto s = runCli({"sample", m_ws, "--judgments", "2500", "--eval-scale", "0.05", "--dev-scale", "0.05",
                         "--bias-instructions", "2", "-q"});
        QVERIFY2(s.exitCode == 0, qPrintable(s.err));
        auto t = runCli({"tokenizer", m_ws, "train", "--vocab", "500", "--sample", "800", "--json"});
        QVERIFY2(t.exitCode == 0, qPrintable(t.err));
        auto enc = runCli({"tokenizer", m_ws, "encode", "--text", "choice: A"});
        QCOMPARE(enc.exitCode, 0);
        QVERIFY(!enc.out.trimmed().isEmpty());
    }

    void tokenizerTrainingIsReproducible() {
        // The same texts and options give the same model file in another process: its hash keys
        // the token caches and every run's checkpoints (the trainer used to store the temporary,
        // process-specific output path in the model).
        QStringList hashes;
        for (int i = 0; i < 2; ++i) {
            auto t = runCli({"tokenizer", m_ws, "train", "--vocab", "500", "--sample", "800", "--json"});
            QVERIFY2(t.exitCode == 0, qPrintable(t.err));
            json::ParseError e;
            auto v = json::parse(t.out.trimmed().toStdString(), &e);
            QVERIFY(v && v->find("hash"));
            hashes << QString::fromStdString(v->find("hash")->asString());
        }
        QCOMPARE(hashes[0].size(), 32);
        QCOMPARE(hashes[1], hashes[0]);
    }

    void trainPrintsEventsAndRecordsTheRun() {
        auto r = runCli(QStringList{"train", m_ws, "--variant", "flame", "--json"} + small(6));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        const auto lines = jsonLines(r.out);
        m_finishedRun = createdRun(r);
        QVERIFY(m_finishedRun > 0);
        auto steps = events(lines, "step");
        QCOMPARE(steps.size(), std::size_t(6));
        for (const auto* s : steps) {
            QCOMPARE(s->find("run")->asInt(), m_finishedRun);
            QVERIFY(s->find("loss")->asDouble() > 0);
            QVERIFY(s->find("lr")->asDouble() > 0);
        }
        QCOMPARE(steps.back()->find("examples")->asInt(), std::int64_t(24));
        auto evals = events(lines, "eval");
        QCOMPARE(evals.size(), std::size_t(2)); // steps 3 and 6
        for (const char* k : {"chat", "chat_hard", "safety", "reasoning", "score"}) {
            const double x = evals.back()->find(k)->asDouble();
            QVERIFY(x >= 0 && x <= 1);
        }
        QCOMPARE(events(lines, "checkpoint").size(), std::size_t(2));
        QCOMPARE(events(lines, "end").front()->find("state")->asString(), std::string("finished"));
        RunRecord row = runRow(m_finishedRun);
        QCOMPARE(row.state, RunState::Finished);
        QCOMPARE(row.step, std::int64_t(6));
        QCOMPARE(losses(m_finishedRun).size(), std::size_t(6));

        auto list = runCli({"runs", m_ws, "list", "--json"});
        QCOMPARE(list.exitCode, 0);
        QVERIFY(list.out.contains("\"state\":\"finished\""));
        auto show = runCli({"runs", m_ws, "show", QString::number(m_finishedRun)});
        QCOMPARE(show.exitCode, 0);
        QVERIFY(show.out.contains("\"checkpoints\""));
        QVERIFY(show.out.contains("\"mixture\""));
    }

    void evalReportsBaselinesOnTheSameSet() {
        const QString perPair = m_dir.path() + "/eval-pairs.jsonl";
        auto r = runCli({"eval", m_ws, "--run", QString::number(m_finishedRun), "--json", "--threads", "1", "--results", perPair});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        json::ParseError e;
        auto v = json::parse(r.out.trimmed().toStdString(), &e);
        QVERIFY(v && v->isObject());
        QCOMPARE(v->find("step")->asInt(), std::int64_t(6));
        const json::Value* first = v->find("baselines")->find("always-first");
        for (const char* s : {"chat", "chat_hard", "safety", "reasoning"})
            QCOMPARE(first->find("sections")->find(s)->asDouble(), 0.5); // both orders: exactly one half
        QVERIFY(v->find("baselines")->find("always-longer"));
        QVERIFY(v->find("model")->find("subsets")->find("math-prm"));
        // --results: one line per pair, and `flame score rewardbench` of those lines gives the
        // evaluation's own score.
        {
            std::ifstream in(perPair.toStdString());
            std::int64_t lines = 0;
            for (std::string line; std::getline(in, line); ++lines) {
                auto l = json::parse(line, &e);
                QVERIFY2(l && l->find("subset") && l->find("result") && l->find("chosen_chars"), line.c_str());
                QVERIFY2(l->find("section") && l->find("section")->isString(), line.c_str()); // the sample set's subsets are all known
            }
            QCOMPARE(lines, v->find("examples")->asInt());
            // The length split counts the same pairs: every pair of unequal lengths, once.
            std::int64_t unequal = 0, counted = 0;
            std::ifstream again_in(perPair.toStdString());
            for (std::string line; std::getline(again_in, line);) {
                auto l = json::parse(line, &e);
                unequal += l->find("chosen_chars")->asInt() != l->find("rejected_chars")->asInt();
            }
            const json::Value* split = v->find("length_split");
            QVERIFY(split && split->isObject());
            for (const char* s : {"chat", "chat_hard", "safety", "reasoning"}) {
                const json::Value* x = split->find(s);
                QVERIFY2(x && x->find("controlled"), s);
                counted += x->find("chosen_longer_pairs")->asInt() + x->find("chosen_shorter_pairs")->asInt();
            }
            QCOMPARE(counted, unequal);
            QVERIFY(unequal > 0);
            auto again = runCli({"score", "rewardbench", perPair, "--json"});
            QVERIFY2(again.exitCode == 0, qPrintable(again.err));
            auto av = json::parse(again.out.trimmed().toStdString(), &e);
            QVERIFY(av);
            QCOMPARE(av->find("score")->asDouble(), v->find("model")->find("score")->asDouble());
        }
        QCOMPARE(runCli({"eval", m_ws, "--run", QString::number(m_finishedRun), "--results", m_dir.path() + "/no/such/dir/x.jsonl"})
                     .exitCode, 2);
        // --average: the weights of the last checkpoints (3 and 6 here), said in the output and
        // not stored as if they were checkpoint 6; more than the run keeps is a clear error.
        {
            const QString run = QString::number(m_finishedRun);
            auto avg = runCli({"eval", m_ws, "--run", run, "--set", "sample-dev", "--average", "2", "--json", "--threads", "1"});
            QVERIFY2(avg.exitCode == 0, qPrintable(avg.err));
            auto av = json::parse(avg.out.trimmed().toStdString(), &e);
            QVERIFY(av && av->find("averaged_steps"));
            QCOMPARE(json::serialize(*av->find("averaged_steps")), std::string("[3,6]"));
            QCOMPARE(av->find("step")->asInt(), std::int64_t(6));
            auto ws = Workspace::open(m_ws.toStdString(), WorkspaceMode::ReadOnly);
            QVERIFY(RunStore(*ws).evalResults(m_finishedRun, "sample-dev")->empty());
            auto tooMany = runCli({"eval", m_ws, "--run", run, "--average", "3"});
            QCOMPARE(tooMany.exitCode, 2);
            QVERIFY2(tooMany.err.contains("keeps 2 checkpoint(s) up to step 6"), qPrintable(tooMany.err));
            auto text = runCli({"eval", m_ws, "--run", run, "--average", "2", "--limit", "20", "--threads", "1"});
            QVERIFY2(text.out.contains("weights averaged over steps 3, 6"), qPrintable(text.out));
        }
        // The same numbers through `flame score rewardbench`.
        const QString file = m_dir.path() + "/results.jsonl";
        {
            std::ofstream out(file.toStdString());
            out << "{\"subset\":\"hep-go\",\"result\":1}\n{\"subset\":\"hep-go\",\"result\":0}\n{\"subset\":\"math-prm\",\"result\":0.5}\n";
        }
        auto s = runCli({"score", "rewardbench", file, "--json"});
        QCOMPARE(s.exitCode, 0);
        auto sv = json::parse(s.out.trimmed().toStdString(), &e);
        QCOMPARE(sv->find("sections")->find("reasoning")->asDouble(), 0.5);
        QCOMPARE(sv->find("score")->asDouble(), 0.125);
    }

    void stopAndResumeReproduceTheUninterruptedRun() {
        auto a = runCli(QStringList{"train", m_ws, "--json", "--queue"} + small(6));
        const std::int64_t runA = createdRun(a);
        QVERIFY(runA > 0);
        QCOMPARE(runRow(runA).state, RunState::Queued);
        auto wa = runCli({"worker", m_ws, "--run", QString::number(runA)});
        QVERIFY2(wa.exitCode == 0, qPrintable(wa.err));
        auto b = runCli(QStringList{"train", m_ws, "--json", "--queue"} + small(6));
        const std::int64_t runB = createdRun(b);
        auto wb = runCli({"worker", m_ws, "--run", QString::number(runB), "--stop-after", "4"});
        QCOMPARE(wb.exitCode, 130);
        QCOMPARE(runRow(runB).state, RunState::Cancelled);
        QVERIFY(wb.out.contains("\"event\":\"checkpoint\",\"run\":" + QString::number(runB) + ",\"step\":4"));
        auto rb = runCli({"runs", m_ws, "resume", QString::number(runB), "--json"});
        QVERIFY2(rb.exitCode == 0, qPrintable(rb.err + rb.out));
        QCOMPARE(runRow(runB).state, RunState::Finished);
        const auto la = losses(runA), lb = losses(runB);
        QCOMPARE(la.size(), std::size_t(6));
        QCOMPARE(lb.size(), std::size_t(6));
        for (std::size_t i = 0; i < 6; ++i)
            QVERIFY2(la[i] == lb[i], qPrintable(QString("step %1: %2 vs %3").arg(i + 1).arg(la[i], 0, 'g', 17).arg(lb[i], 0, 'g', 17)));
    }

    void sigtermCheckpointsAndStops() {
        auto c = runCli(QStringList{"train", m_ws, "--json", "--queue"} + small(100000));
        const std::int64_t run = createdRun(c);
        QProcess worker;
        worker.start(QStringLiteral(FLAME_CLI), {"worker", m_ws, "--run", QString::number(run)});
        QVERIFY(worker.waitForStarted());
        QByteArray out;
        while (!out.contains("\"event\":\"step\"") && worker.waitForReadyRead(60000)) out += worker.readAllStandardOutput();
        QVERIFY(out.contains("\"event\":\"step\""));
        worker.terminate(); // SIGTERM
        QVERIFY(worker.waitForFinished(60000));
        out += worker.readAllStandardOutput();
        QCOMPARE(worker.exitCode(), 130);
        QVERIFY(out.contains("\"state\":\"cancelled\""));
        RunRecord row = runRow(run);
        QCOMPARE(row.state, RunState::Cancelled);
        QVERIFY(row.step > 0); // the step it stopped at, recorded with the state
        const std::string ckpt = m_ws.toStdString() + ".d/runs/" + std::to_string(run) + "/ckpt-" + std::to_string(row.step);
        QVERIFY2(std::filesystem::exists(ckpt + "/state.json"), ckpt.c_str());
    }

    void killedWorkerIsNotLeftRunning() {
        auto c = runCli(QStringList{"train", m_ws, "--json", "--queue"} + small(100000));
        const std::int64_t run = createdRun(c);
        QProcess worker;
        worker.start(QStringLiteral(FLAME_CLI), {"worker", m_ws, "--run", QString::number(run)});
        QByteArray out;
        while (!out.contains("\"event\":\"step\"") && worker.waitForReadyRead(60000)) out += worker.readAllStandardOutput();
        QCOMPARE(runRow(run).state, RunState::Running);
        worker.kill(); // SIGKILL: no chance to clean up
        QVERIFY(worker.waitForFinished(30000));
        auto list = runCli({"runs", m_ws, "list", "--json"});
        QCOMPARE(list.exitCode, 0);
        RunRecord row = runRow(run);
        QCOMPARE(row.state, RunState::Interrupted);
        QVERIFY(!row.error.empty());
        // And it resumes from its last checkpoint (or the start) like any stopped run.
        auto cancel = runCli({"runs", m_ws, "cancel", QString::number(run)});
        QCOMPARE(cancel.exitCode, 2); // not running any more
    }

    void twoGlooRanksMatchOneProcess() {
        // Also with the auxiliary context loss, whose sum and normaliser span the ranks too.
        for (const QStringList& extra : {QStringList{}, QStringList{"--context-loss", "0.5"}}) {
            auto one = runCli(QStringList{"train", m_ws, "--json", "--nproc", "1"} + extra + small(4));
            QVERIFY2(one.exitCode == 0, qPrintable(one.err));
            auto two = runCli(QStringList{"train", m_ws, "--json", "--nproc", "2"} + extra + small(4));
            QVERIFY2(two.exitCode == 0, qPrintable(two.err + two.out));
            const auto l1 = losses(createdRun(one)), l2 = losses(createdRun(two));
            QCOMPARE(l1.size(), std::size_t(4));
            QCOMPARE(l2.size(), std::size_t(4));
            for (std::size_t i = 0; i < 4; ++i)
                QVERIFY2(std::fabs(l1[i] - l2[i]) <= 1e-5 * std::fabs(l1[i]),
                         qPrintable(QString("step %1: %2 vs %3").arg(i + 1).arg(l1[i], 0, 'g', 12).arg(l2[i], 0, 'g', 12)));
            const auto lines1 = jsonLines(one.out), lines2 = jsonLines(two.out);
            const auto s1 = events(lines1, "step"), s2 = events(lines2, "step");
            QCOMPARE(s1.size(), std::size_t(4));
            QCOMPARE(s2.size(), std::size_t(4));
            for (std::size_t i = 0; i < 4; ++i) {
                const json::Value *c1 = s1[i]->find("context_loss"), *c2 = s2[i]->find("context_loss");
                QCOMPARE(c1 != nullptr, !extra.isEmpty());
                QCOMPARE(c2 != nullptr, !extra.isEmpty());
                if (c1) QVERIFY(c1->asDouble() > 0 && std::fabs(c1->asDouble() - c2->asDouble()) <= 1e-5 * c1->asDouble());
            }
            const RunRecord row = runRow(createdRun(two));
            QCOMPARE(row.config.find("\"context_loss\":0.5") != std::string::npos, !extra.isEmpty());
            // Evaluations are sharded over the ranks: the held-out loss (a smooth function of the
            // weights, which agree within float tolerance) matches, and the whole set was judged.
            const auto e1 = events(lines1, "eval"), e2 = events(lines2, "eval");
            QCOMPARE(e1.size(), std::size_t(2)); // steps 3 and 4
            QCOMPARE(e2.size(), e1.size());
            for (std::size_t i = 0; i < e1.size(); ++i) {
                const double a = e1[i]->find("loss")->asDouble(), b = e2[i]->find("loss")->asDouble();
                QVERIFY2(a > 0 && std::fabs(a - b) <= 1e-5 * a, qPrintable(QString("eval loss %1 vs %2").arg(a, 0, 'g', 12).arg(b, 0, 'g', 12)));
                QCOMPARE(e2[i]->find("eval_examples")->asInt(), e1[i]->find("eval_examples")->asInt());
                for (const char* k : {"chat", "chat_hard", "safety", "reasoning", "score"}) {
                    const double x = e2[i]->find(k)->asDouble();
                    QVERIFY(x >= 0 && x <= 1);
                }
            }
        }
    }

    void rmAndOptRmVariants() {
        auto rm = runCli({"train", m_ws, "--variant", "flame-rm", "--from", QString::number(m_finishedRun), "--steps", "2",
                          "--batch", "4", "--threads", "1", "--eval-limit", "20", "--json"});
        QVERIFY2(rm.exitCode == 0, qPrintable(rm.err + rm.out));
        // A development pair that is also an evaluation pair (as in workspaces written before the
        // development set was drawn disjoint) is left out of the tail-patch measurements.
        {
            auto ws = Workspace::open(m_ws.toStdString(), WorkspaceMode::ReadWrite);
            FLAME_VERIFY_OK(ws);
            FLAME_VERIFY_OK(ws->db().exec("INSERT INTO eval_examples(set_name, subset, prompt, chosen, rejected, content_hash) "
                                          "SELECT 'sample-dev', 'refusals-offensive', prompt, chosen, rejected, randomblob(16) "
                                          "FROM eval_examples WHERE set_name = 'sample' ORDER BY id LIMIT 1"));
        }
        // One process, then two Gloo ranks (the development-set evaluations are sharded over them)
        // rating on the length-controlled measure.
        std::size_t patched = 0;
        for (const char* nproc : {"1", "2"}) {
            const QString measure = QString(nproc) == "1" ? "score" : "length-controlled";
            auto opt = runCli({"train", m_ws, "--variant", "flame-opt-rm", "--from", QString::number(m_finishedRun), "--from-step",
                               "3", "--steps", "2", "--batch", "4", "--threads", "1", "--eval-limit", "20", "--tailpatch-steps",
                               "2", "--tailpatch-batch", "4", "--group-size", "40", "--dev-limit", "20", "--no-mid", "--nproc",
                               nproc, "--tailpatch-measure", measure, "--json"});
            QVERIFY2(opt.exitCode == 0, qPrintable(opt.err + opt.out));
            const auto lines = jsonLines(opt.out);
            const auto groups = events(lines, "tailpatch");
            QVERIFY(!groups.empty());
            if (patched) QCOMPARE(groups.size(), patched);
            patched = groups.size();
            QCOMPARE(events(lines, "tailpatch_plan").size(), std::size_t(1));
            const json::Value& plan = *events(lines, "tailpatch_plan").front();
            QCOMPARE(plan.find("dev_pairs_in_eval_set")->asInt(), std::int64_t(1));
            QVERIFY(plan.find("dev_pairs")->asInt() > 0);
            const std::int64_t run = createdRun(opt);
            auto ws = Workspace::open(m_ws.toStdString(), WorkspaceMode::ReadOnly);
            RunStore runs(*ws);
            auto rows = runs.tailpatchResults(run);
            QVERIFY(rows && rows->size() >= 5 * 90); // every task, five categories
            QVERIFY(*runs.document(run, "tailpatch_plan"));
            QCOMPARE(runs.require(run)->state, RunState::Finished);
            json::ParseError perr;
            auto doc = json::parse(**runs.document(run, "tailpatch"), &perr);
            QVERIFY(doc);
            QCOMPARE(QString::fromStdString(doc->find("measure")->asString()), measure);
        }
        auto bad = runCli({"train", m_ws, "--variant", "flame-opt-rm", "--from", QString::number(m_finishedRun),
                           "--tailpatch-measure", "verdicts"});
        QVERIFY(bad.exitCode != 0);
        QVERIFY2(bad.err.contains("tailpatch-measure"), qPrintable(bad.err));
    }

    void biasProbesAndExport() {
        auto b = runCli({"bias", m_ws, "--run", QString::number(m_finishedRun), "--instructions", "1", "--threads", "1", "--json"});
        QVERIFY2(b.exitCode == 0, qPrintable(b.err));
        json::ParseError e;
        auto v = json::parse(b.out.trimmed().toStdString(), &e);
        QVERIFY(v);
        QCOMPARE(v->find("comparisons")->asInt(), std::int64_t(120)); // 15 systems + the model's own: C(16, 2)
        for (const char* k : {"order", "compassion", "length", "egocentric", "bandwagon", "attention", "average"}) {
            const double x = v->find("model")->find(k)->asDouble();
            QVERIFY(x >= 0 && x <= 1);
        }
        QCOMPARE(v->find("random")->find("order")->asDouble(), 0.5);
        // The Python rebuild reproduces the C++ judge, with and without a segment embedding.
        // (The tiny preset has segments; this run turns them off.)
        auto plain = runCli(QStringList{"train", m_ws, "--json", "--segments", "0"} + small(3));
        QVERIFY2(plain.exitCode == 0, qPrintable(plain.err));
        for (const std::int64_t run : {m_finishedRun, createdRun(plain)}) {
            const QString dir = m_dir.path() + "/export-" + QString::number(run);
            auto x = runCli({"export-model", m_ws, "--run", QString::number(run), "--output", dir, "--check", "4"});
            QVERIFY2(x.exitCode == 0, qPrintable(x.err));
            for (const char* f : {"model.pt", "config.json", "tokenizer.model", "judge_check.jsonl"})
                QVERIFY(QFile::exists(dir + "/" + f));
            QFile cfg(dir + "/config.json");
            QVERIFY(cfg.open(QIODevice::ReadOnly));
            QCOMPARE(cfg.readAll().contains("\"segments\":16"), run == m_finishedRun);
            QProcess py;
            py.start("/usr/bin/python3", {QStringLiteral(FLAME_SOURCE_DIR "/scripts/flame_model.py"), "check", dir});
            if (!py.waitForStarted()) QSKIP("no /usr/bin/python3");
            QVERIFY(py.waitForFinished(120000));
            const QString err = QString::fromUtf8(py.readAllStandardError());
            if (err.contains("No module named")) QSKIP("python3 lacks torch or sentencepiece");
            QVERIFY2(py.exitCode() == 0, qPrintable(err + py.readAllStandardOutput()));
        }
    }

    void damagedFilesGiveClearErrors() {
        const std::string runDir = m_ws.toStdString() + ".d/runs/" + std::to_string(m_finishedRun);
        std::filesystem::resize_file(runDir + "/ckpt-6/model.pt", 1000);
        auto ev = runCli({"eval", m_ws, "--run", QString::number(m_finishedRun)});
        QCOMPARE(ev.exitCode, 2);
        QVERIFY2(ev.err.contains("truncated"), qPrintable(ev.err));
        // The tokenizer last: every later command needs it.
        auto ws = Workspace::open(m_ws.toStdString(), WorkspaceMode::ReadOnly);
        const std::string tok = ws->artifactDir() + "/" + *ws->meta("tokenizer.path");
        std::filesystem::resize_file(tok, std::filesystem::file_size(tok) / 3);
        auto enc = runCli({"tokenizer", m_ws, "encode", "--text", "x"});
        QCOMPARE(enc.exitCode, 2);
        QVERIFY2(enc.err.contains("not a valid SentencePiece model"), qPrintable(enc.err));
        auto train = runCli(QStringList{"train", m_ws} + small(2));
        QCOMPARE(train.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TrainingCliTest)
#include "tst_training_cli.moc"
