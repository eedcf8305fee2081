// The warm start, as real processes on small generated workspaces: a pretrain run learns from the
// context alone (its losses are the same whatever the labels say, where a FLAMe run's are not), a
// FLAMe run started with --init begins from the pretrain run's checkpoint, FLAMe-Opt-RM inherits
// its FLAMe parent's initial network, and contradictory or dangling options are refused.
#include <QtTest>

#include "model/json.h"
#include "storage/run_store.h"
#include "storage/workspace.h"
#include "tests/test_support.h"
#include "tests/training/training_test_support.h"

using namespace flame;
using flame::test::events;
using flame::test::jsonLines;
using flame::test::runCli;

class WarmStartTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_ws;      // the generated workspace
    QString m_swapped; // the same corpus with every pairwise verdict turned round
    std::int64_t m_pretrain = 0;
    std::int64_t m_flame = 0;

    static QStringList small(int steps) { return flame::test::smallNetwork(steps, steps); }

    static QString makeWorkspace(const QString& path) {
        if (runCli({"init", path}).exitCode != 0) return "init failed";
        auto s = runCli({"sample", path, "--judgments", "2500", "--eval-scale", "0.05", "--dev-scale", "0.05",
                         "--bias-instructions", "2", "-q"});
        if (s.exitCode != 0) return s.err;
        auto t = runCli({"tokenizer", path, "train", "--vocab", "500", "--sample", "800"});
        return t.exitCode == 0 ? QString() : t.err;
    }

    struct Trained {
        std::int64_t run = 0;
        std::vector<double> losses;
        const json::Value* lastEval = nullptr;
        std::vector<json::Value> lines;
        QString failure;
    };
    static Trained train(const QString& ws, const QStringList& args) {
        Trained t;
        auto r = runCli(QStringList{"train", ws, "--json"} + args);
        if (r.exitCode != 0) {
            t.failure = r.err + r.out;
            return t;
        }
        t.lines = jsonLines(r.out);
        t.run = flame::test::createdRun(r.out);
        for (const auto* s : events(t.lines, "step")) t.losses.push_back(s->find("loss")->asDouble());
        auto evals = events(t.lines, "eval");
        if (!evals.empty()) t.lastEval = evals.back();
        return t;
    }

    static json::Value runConfig(const QString& ws, std::int64_t run) {
        RunRecord row = flame::test::runRecord(ws, run);
        json::ParseError e;
        return *json::parse(row.config, &e);
    }

private slots:
    void initTestCase() {
        m_ws = m_dir.path() + "/w.flame";
        m_swapped = m_dir.path() + "/swapped.flame";
        const QString a = makeWorkspace(m_ws);
        QVERIFY2(a.isEmpty(), qPrintable(a));
        const QString b = makeWorkspace(m_swapped); // the generator and tokenizer are deterministic
        QVERIFY2(b.isEmpty(), qPrintable(b));
        auto ws = Workspace::open(m_swapped.toStdString());
        QVERIFY(ws.ok());
        auto s = ws->db().exec(
            "UPDATE judgments SET "
            "target = CASE target WHEN '{\"choice\":\"A\"}' THEN '{\"choice\":\"B\"}' "
            "                     WHEN '{\"choice\":\"B\"}' THEN '{\"choice\":\"A\"}' ELSE target END, "
            "label = CASE label WHEN 'A' THEN 'B' WHEN 'B' THEN 'A' ELSE label END");
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().message.c_str());
        auto count = [](const QString& path, const char* choice) {
            auto w = Workspace::open(path.toStdString(), WorkspaceMode::ReadOnly);
            return *w->db().queryInt(std::string("SELECT count(*) FROM judgments WHERE target = '{\"choice\":\"") +
                                     choice + "\"}'");
        };
        QVERIFY(count(m_ws, "A") > 100);
        QCOMPARE(count(m_swapped, "B"), count(m_ws, "A"));
        QCOMPARE(count(m_swapped, "A"), count(m_ws, "B"));
    }

    void pretrainLearnsFromTheContextAlone() {
        const QStringList pretrain = QStringList{"--variant", "pretrain", "--warmup", "0"} + small(8);
        Trained pre = train(m_ws, pretrain);
        QVERIFY2(pre.failure.isEmpty(), qPrintable(pre.failure));
        m_pretrain = pre.run;
        QCOMPARE(pre.losses.size(), std::size_t(8));

        // The same run on the corpus whose pairwise verdicts are all turned round: the same losses
        // bit for bit, so no label reached the gradients.
        Trained swapped = train(m_swapped, pretrain);
        QVERIFY2(swapped.failure.isEmpty(), qPrintable(swapped.failure));
        QCOMPARE(swapped.losses, pre.losses);

        // The loss it reports is the one it minimises: next-token loss over the context.
        for (const auto* s : events(pre.lines, "step"))
            QCOMPARE(s->find("loss")->asDouble(), s->find("context_loss")->asDouble());
        QVERIFY2(pre.losses.back() < pre.losses.front() - 0.3,
                 qPrintable(QString("the context loss did not fall: %1 -> %2").arg(pre.losses.front()).arg(pre.losses.back())));
        const json::Value cfg = runConfig(m_ws, m_pretrain);
        QCOMPARE(cfg.find("variant")->asString(), std::string("pretrain"));
        QCOMPARE(cfg.find("target_loss")->asDouble(), 0.0);
        QCOMPARE(cfg.find("context_loss")->asDouble(), 1.0);
        QCOMPARE(flame::test::runRecord(m_ws, m_pretrain).state, RunState::Finished);
    }

    void labelsDoReachAFlameRun() {
        // The control of the test above: the swap is visible to a run that learns the targets.
        Trained a = train(m_ws, QStringList{"--variant", "flame"} + small(3));
        Trained b = train(m_swapped, QStringList{"--variant", "flame"} + small(3));
        QVERIFY2(a.failure.isEmpty() && b.failure.isEmpty(), qPrintable(a.failure + b.failure));
        QCOMPARE(a.losses.size(), std::size_t(3));
        QVERIFY(a.losses != b.losses);
    }

    void flameStartsFromThePretrainedNetwork() {
        QVERIFY(m_pretrain > 0);
        // One step at a vanishing rate: the network after it is the initial one, so it judges the
        // evaluation set and scores the held-out loss exactly as the pretrain run's last evaluation.
        QStringList args = QStringList{"--variant", "flame", "--init", QString::number(m_pretrain)} + small(1);
        args << "--lr" << "1e-12" << "--warmup" << "0";
        Trained f = train(m_ws, args);
        QVERIFY2(f.failure.isEmpty(), qPrintable(f.failure));
        m_flame = f.run;
        const json::Value cfg = runConfig(m_ws, m_flame);
        QCOMPARE(cfg.find("init_run")->asInt(), m_pretrain);
        QCOMPARE(cfg.find("init_step")->asInt(), std::int64_t(8));
        QCOMPARE(cfg.find("target_loss")->asDouble(), 1.0);
        QVERIFY(f.lastEval);
        auto ws = Workspace::open(m_ws.toStdString(), WorkspaceMode::ReadOnly);
        RunStore runs(*ws);
        auto preLoss = runs.metrics(m_pretrain, "eval_loss");
        auto preScore = runs.metrics(m_pretrain, "score");
        QVERIFY(preLoss && !preLoss->empty() && preScore && !preScore->empty());
        QVERIFY2(std::abs(f.lastEval->find("loss")->asDouble() - preLoss->back().value) < 1e-6,
                 qPrintable(QString("%1 vs %2").arg(f.lastEval->find("loss")->asDouble()).arg(preLoss->back().value)));
        QCOMPARE(f.lastEval->find("score")->asDouble(), preScore->back().value);

        // Without --init the same command starts from another (random) network.
        args.removeAt(args.indexOf("--init") + 1);
        args.removeAll("--init");
        Trained scratch = train(m_ws, args);
        QVERIFY2(scratch.failure.isEmpty(), qPrintable(scratch.failure));
        QVERIFY(std::abs(scratch.lastEval->find("loss")->asDouble() - preLoss->back().value) > 1e-3);
    }

    void optRmInheritsItsParentsInitialNetwork() {
        QVERIFY(m_flame > 0);
        auto r = runCli({"train", m_ws, "--variant", "flame-opt-rm", "--from", QString::number(m_flame), "--queue",
                         "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const json::Value cfg = runConfig(m_ws, flame::test::createdRun(r.out));
        QCOMPARE(cfg.find("init_run")->asInt(), m_pretrain);
        QCOMPARE(cfg.find("init_step")->asInt(), std::int64_t(8));
        // Starting from FLAMe's base checkpoint instead leaves the initial network out.
        auto base = runCli({"train", m_ws, "--variant", "flame-opt-rm", "--from", QString::number(m_flame),
                            "--opt-init", "base", "--queue", "--json"});
        QVERIFY2(base.exitCode == 0, qPrintable(base.err));
        QCOMPARE(runConfig(m_ws, flame::test::createdRun(base.out)).find("init_run")->asInt(), std::int64_t(0));
    }

    void contradictoryOrDanglingOptionsAreRefused() {
        const QString pre = QString::number(m_pretrain), flameRun = QString::number(m_flame);
        struct Case {
            QStringList args;
            const char* message;
        };
        const std::vector<Case> cases = {
            {{"--variant", "flame", "--init", "999"}, "999"},
            {{"--variant", "flame-rm", "--from", flameRun, "--init", pre}, "--init is for flame and flame-opt-rm"},
            {{"--variant", "pretrain", "--from", flameRun}, "--from is for flame-rm and flame-opt-rm"},
            {{"--variant", "pretrain", "--context-loss", "0"}, "learns from the context alone"},
            {{"--variant", "flame-opt-rm", "--from", flameRun, "--opt-init", "base", "--init", pre}, "--opt-init base"},
            {{"--variant", "flame", "--init", pre, "--init-step", "5"}, "no checkpoint at step 5"},
        };
        for (const auto& c : cases) {
            auto r = runCli(QStringList{"train", m_ws, "--queue"} + c.args);
            QVERIFY2(r.exitCode != 0, qPrintable(c.args.join(' ')));
            QVERIFY2(r.err.contains(QLatin1String(c.message)), qPrintable(c.args.join(' ') + ": " + r.err));
        }
    }
};

QTEST_GUILESS_MAIN(WarmStartTest)
#include "tst_warm_start.moc"
