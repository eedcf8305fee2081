// The runs views' parts on synthetic rows (no worker): launch options (defaults, arguments, JSON,
// a past run's configuration, validation), the item models under QAbstractItemModelTester (runs
// list updated in place, mixture preview, bias, tail-patch, leaderboard, disagreements), the
// series hand-over, the log panel's formatting and tailing, and the curves (points, rewinds, axes,
// read-out, exports with every point).
#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

#include <qcustomplot.h>

#include "model/run_defaults.h"
#include "storage/run_queries.h"
#include "storage/sample_writer.h"
#include "tests/test_support.h"
#include "ui/runs/curves_view.h"
#include "model/run_defaults.h"
#include "ui/runs/launch_options.h"
#include "ui/runs/log_panel.h"
#include "ui/runs/mixture_model.h"
#include "ui/runs/results_models.h"
#include "ui/runs/run_info.h"
#include "ui/runs/run_list_model.h"
#include "ui/runs/series_buffer.h"

using namespace flame;
using namespace flame::ui;

namespace {

RunInfo info(qint64 id, RunState state, int step = 0, int steps = 10) {
    RunInfo r;
    r.record.id = id;
    r.record.name = "run " + std::to_string(id);
    r.record.variant = "flame";
    r.record.state = state;
    r.record.step = step;
    r.record.device = "cpu";
    r.steps = steps;
    return r;
}

QVector<MetricPoint> points(int from, int to, double base = 1.0) {
    QVector<MetricPoint> out;
    for (int s = from; s <= to; ++s) out.push_back({s, s * 16, base / s});
    return out;
}

} // namespace

class TestRunsModels : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string m_path;

private slots:
    void initTestCase() {
        m_path = (m_dir.path() + "/models.flame").toStdString();
        auto ws = Workspace::create(m_path);
        QVERIFY(ws.ok());
        sample::SampleOptions o;
        o.judgments = 400;
        o.evalScale = 0.05;
        o.devScale = 0;
        o.biasInstructions = 0;
        FLAME_VERIFY_OK(writeSampleCorpus(*ws, o));
    }

    void devicesAndNames() {
        QCOMPARE(runDevices("cpu", 2), QStringList{"cpu"});
        QCOMPARE(runDevices("cuda:1", 1), QStringList{"cuda:1"});
        QCOMPARE(runDevices("cuda", 3), (QStringList{"cuda:0", "cuda:1", "cuda:2"}));
        QCOMPARE(variantName("flame-opt-rm"), QStringLiteral("FLAMe-Opt-RM"));
        QCOMPARE(runLabel(info(4, RunState::Queued)), QStringLiteral("#4 run 4"));
    }

    void launchDefaultsFollowTheEngine() {
        // The dialog reads the engine's own table (model/run_defaults.h).
        const PresetSpec& tiny = *findPresetSpec("tiny");
        const auto f = LaunchOptions::defaults("flame", "tiny");
        QCOMPARE(f.steps, tiny.steps);
        QCOMPARE(f.batch, tiny.batch);
        QCOMPARE(f.lr, tiny.lr);
        QCOMPARE(f.evalEvery, tiny.steps / 6);
        QCOMPARE(f.segments, -1); // the preset's, passed by --preset
        QVERIFY(!f.trainArgs().contains("--segments"));
        const auto rm = LaunchOptions::defaults("flame-rm", "tiny");
        QCOMPARE(rm.steps, 50); // the paper's +50 steps at batch 8
        QCOMPARE(rm.batch, 8);
        QVERIFY(std::abs(rm.lr - 0.3 * tiny.lr) < 1e-12);
        const auto opt = LaunchOptions::defaults("flame-opt-rm", "small");
        QCOMPARE(opt.batch, 16);
        QCOMPARE(opt.steps, 1666);
        QCOMPARE(opt.evalEvery, 333);
    }

    void launchArgumentsAndJson() {
        LaunchOptions o = LaunchOptions::defaults("flame-opt-rm");
        o.fromRun = 3;
        o.name = "opt";
        o.maxSeq = 128;
        o.layers = 1;
        o.device = "cuda:1";
        const QStringList a = o.trainArgs();
        auto value = [&a](const char* flag) {
            const int i = a.indexOf(QString::fromLatin1(flag));
            return i >= 0 && i + 1 < a.size() ? a[i + 1] : QString();
        };
        QCOMPARE(value("--variant"), QStringLiteral("flame-opt-rm"));
        QCOMPARE(value("--from"), QStringLiteral("3"));
        QVERIFY(!a.contains("--from-step")); // the variant's choice
        QCOMPARE(value("--max-seq"), QStringLiteral("128"));
        QCOMPARE(value("--max-target"), QStringLiteral("63")); // < max_seq / 2
        QCOMPARE(value("--layers"), QStringLiteral("1"));
        QVERIFY(!a.contains("--d-model")); // 0 keeps the preset
        QCOMPARE(value("--device"), QStringLiteral("cuda:1"));
        QCOMPARE(value("--tailpatch-by"), QStringLiteral("group"));
        QCOMPARE(value("--tailpatch-measure"), QStringLiteral("score"));
        QVERIFY(!LaunchOptions::defaults("flame").trainArgs().contains("--from"));
        QVERIFY(!LaunchOptions::defaults("flame").trainArgs().contains("--tailpatch-measure"));

        o.tailpatchMeasure = "length-controlled";
        const LaunchOptions back = LaunchOptions::fromJson(o.toJson());
        QVERIFY(back == o);
        QCOMPARE(back.tailpatchMeasure, QStringLiteral("length-controlled"));
        // Unknown keys are ignored, missing ones keep the variant's defaults.
        const LaunchOptions partial = LaunchOptions::fromJson(QJsonObject{{"variant", "flame-rm"}, {"bogus", 1}});
        QCOMPARE(partial.steps, 50);
    }

    void launchFromRunConfig() {
        // The engine's runs.config JSON (training/config.cpp toJson), abridged.
        const QByteArray json = R"({"variant":"flame","preset":"tiny","model":{"vocab":4000,"d_model":64,
            "layers":4,"heads":4,"d_ff":512,"max_seq":384,"dropout":0.05},"optim":{"lr":0.002},"steps":120,
            "batch":8,"seed":7,"device":"cpu","nproc":2,"eval_every":20,"eval_limit":50,"checkpoint_every":40,
            "from_run":0,"from_step":-1,"tailpatch":{"steps":40,"by":"group","dev_limit":0,
            "measure":"length-controlled"}})";
        const auto o = LaunchOptions::fromRunConfig(QJsonDocument::fromJson(json).object(), "base run");
        QCOMPARE(o.tailpatchMeasure, QStringLiteral("length-controlled"));
        QCOMPARE(o.steps, 120);
        QCOMPARE(o.batch, 8);
        QCOMPARE(o.lr, 0.002);
        QCOMPARE(o.seed, qint64(7));
        QCOMPARE(o.nproc, 2);
        QCOMPARE(o.evalLimit, qint64(50));
        QCOMPARE(o.checkpointEvery, 40);
        QCOMPARE(o.dModel, 64); // differs from the preset: an override
        QCOMPARE(o.layers, 0);  // the preset's: no override
        // A run from before segment embeddings records none: the copy keeps none, explicitly.
        QCOMPARE(o.segments, 0);
        QCOMPARE(o.trainArgs().value(o.trainArgs().indexOf("--segments") + 1), QStringLiteral("0"));
        QVERIFY(o.name.contains("base run"));
        QJsonObject withPresetSegments = QJsonDocument::fromJson(json).object();
        QJsonObject model = withPresetSegments["model"].toObject();
        model["segments"] = findPresetSpec("tiny")->segments;
        withPresetSegments["model"] = model;
        QCOMPARE(LaunchOptions::fromRunConfig(withPresetSegments, {}).segments, -1);
    }

    void launchValidation() {
        LaunchContext ctx;
        ctx.devices = {"cpu"};
        ctx.runs = {{1, "flame", {50, 100}}, {2, "flame", {}}, {3, "flame-rm", {10}}};
        LaunchOptions o = LaunchOptions::defaults("flame");
        QVERIFY(validateLaunch(o, ctx).isEmpty());
        o.nproc = 3; // 16 % 3
        QCOMPARE(validateLaunch(o, ctx).size(), 1);
        QVERIFY(validateLaunch(o, ctx).first().contains("divisible"));
        o = LaunchOptions::defaults("flame-rm");
        QVERIFY(validateLaunch(o, ctx).first().contains("parent"));
        o.fromRun = 2;
        QVERIFY(validateLaunch(o, ctx).first().contains("no checkpoint"));
        o.fromRun = 3;
        QVERIFY(validateLaunch(o, ctx).first().contains("FLAMe run"));
        o.fromRun = 1;
        QVERIFY(validateLaunch(o, ctx).isEmpty());
        o.fromStep = 75;
        QVERIFY(validateLaunch(o, ctx).first().contains("75"));
        o = LaunchOptions::defaults("flame");
        o.device = "cuda:0";
        QVERIFY(validateLaunch(o, ctx).first().contains("cuda:0"));
        ctx.devices << "cuda:0";
        QVERIFY(validateLaunch(o, ctx).isEmpty());
        o.device = "cuda";
        o.nproc = 2;
        QVERIFY(validateLaunch(o, ctx).first().contains("2 CUDA devices"));
        ctx.tokenizer = false;
        o = LaunchOptions::defaults("flame");
        QVERIFY(validateLaunch(o, ctx).first().contains("tokenizer"));
    }

    void launchPretrainAndInitialNetwork() {
        // Pretraining is a run of its own: no parent, no tail-patching, evaluated once at its end.
        const auto pre = LaunchOptions::defaults("pretrain", "tiny");
        QVERIFY(!pre.needsParent());
        QVERIFY(!pre.takesInit());
        QCOMPARE(pre.evalEvery, pre.steps);
        QVERIFY(!pre.trainArgs().contains("--from"));
        QVERIFY(!pre.trainArgs().contains("--init"));
        QVERIFY(!pre.trainArgs().contains("--tailpatch-steps"));

        LaunchOptions o = LaunchOptions::defaults("flame");
        o.layers = 1;
        o.maxSeq = 128;
        QVERIFY(o.trainArgs().contains("--layers"));
        QVERIFY(!o.trainArgs().contains("--init")); // 0: random weights
        o.initRun = 5;
        o.initStep = 40;
        QStringList a = o.trainArgs();
        QCOMPARE(a.value(a.indexOf("--init") + 1), QStringLiteral("5"));
        QCOMPARE(a.value(a.indexOf("--init-step") + 1), QStringLiteral("40"));
        // The initial network's architecture is taken whole: no size overrides are passed.
        QVERIFY(!a.contains("--layers"));
        QVERIFY(!a.contains("--max-seq"));
        QVERIFY(!a.contains("--max-target"));
        o.initStep = -1; // its last checkpoint
        QVERIFY(!o.trainArgs().contains("--init-step"));
        QVERIFY(o.trainArgs().contains("--init"));
        QVERIFY(LaunchOptions::fromJson(o.toJson()) == o);
        // Only FLAMe chooses: FLAMe-RM continues FLAMe's weights, FLAMe-Opt-RM inherits its parent's.
        o.variant = "flame-opt-rm";
        o.fromRun = 2;
        QVERIFY(!o.trainArgs().contains("--init"));

        // Duplicate and edit keeps FLAMe's initial network, not the one Opt-RM inherited.
        const QByteArray json = R"({"variant":"flame","preset":"tiny","steps":10,"init_run":5,"init_step":40})";
        const auto copy = LaunchOptions::fromRunConfig(QJsonDocument::fromJson(json).object(), {});
        QCOMPARE(copy.initRun, qint64(5));
        QCOMPARE(copy.initStep, qint64(40));
        const QByteArray opt = R"({"variant":"flame-opt-rm","preset":"tiny","from_run":2,"init_run":5,"init_step":40})";
        QCOMPARE(LaunchOptions::fromRunConfig(QJsonDocument::fromJson(opt).object(), {}).initRun, qint64(0));

        LaunchContext ctx;
        ctx.devices = {"cpu"};
        ctx.runs = {{1, "flame", {50}}, {4, "pretrain", {}}, {5, "pretrain", {20, 40}}};
        o = LaunchOptions::defaults("flame");
        o.initRun = 5;
        QVERIFY(validateLaunch(o, ctx).isEmpty());
        o.initStep = 40;
        QVERIFY(validateLaunch(o, ctx).isEmpty());
        o.initStep = 30;
        QVERIFY(validateLaunch(o, ctx).value(0).contains("step 30"));
        o.initStep = -1;
        o.initRun = 4;
        QVERIFY(validateLaunch(o, ctx).value(0).contains("no checkpoint"));
        o.initRun = 1;
        QVERIFY(validateLaunch(o, ctx).value(0).contains("pretraining"));
        o.initRun = 9;
        QVERIFY(validateLaunch(o, ctx).value(0).contains("does not exist"));
        o.variant = "flame-rm"; // ignored where the variant does not take one
        o.fromRun = 1;
        QVERIFY(validateLaunch(o, ctx).isEmpty());
    }

    void runListUpdatesInPlace() {
        RunListModel model;
        QAbstractItemModelTester tester(&model);
        model.setRuns({info(1, RunState::Finished, 10), info(2, RunState::Running, 5), info(3, RunState::Queued)});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(1, RunListModel::Progress).data().toString(), QStringLiteral("5 / 10"));
        QCOMPARE(model.index(1, RunListModel::State).data().toString(), QStringLiteral("running"));
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        RunInfo three = info(3, RunState::Queued);
        three.queuePosition = 1;
        model.setRuns({info(1, RunState::Finished, 10), three, info(4, RunState::Queued)});
        QCOMPARE(removed.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(changed.size(), 1); // run 3 entered the queue
        QCOMPARE(reset.size(), 0);   // selections survive
        QCOMPARE(model.rowOf(4), 2);
        QVERIFY(model.index(1, RunListModel::Note).data().toString().contains("queue"));
        model.setRuns({info(1, RunState::Finished, 10), three, info(4, RunState::Queued)});
        QCOMPARE(changed.size(), 1); // nothing changed, nothing signalled
        model.setRuns({});
        QCOMPARE(model.rowCount(), 0);
    }

    void mixturePreviewParsesTheCli() {
        MixtureModel model;
        QAbstractItemModelTester tester(&model);
        QVERIFY(model.setJson(R"([{"task":"helpsteer-pairwise","capability":"quality","type":"pairwise",
            "examples":1200,"rate":0.25,"per_step":4.0},{"task":"prm800k-pairwise","capability":"math",
            "type":"pairwise","examples":300,"rate":0.75,"per_step":12.0}])"));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.totalExamples(), qint64(1500));
        QCOMPARE(model.index(1, MixtureModel::Rate).data(Qt::UserRole).toDouble(), 0.75);
        QVERIFY(model.index(0, MixtureModel::Rate).data().toString().contains("25"));
        QVERIFY(!model.setJson("flame: error: no tokenizer"));
        QCOMPARE(model.rowCount(), 0);
    }

    void biasModelAddsReferenceRows() {
        auto ws = Workspace::open(m_path);
        RunStore runs(*ws);
        const auto id = *runs.create(NewRun{"biased", "flame", 0, "{}", "cpu"});
        FLAME_VERIFY_OK(runs.addBiasResults(id, 40, {{"order", 0.2}, {"compassion", 0.3}, {"length", 0.1},
                                                     {"egocentric", 0.4}, {"bandwagon", 0.0}, {"attention", 0.6},
                                                     {"average", 0.2667}}));
        BiasModel model;
        QAbstractItemModelTester tester(&model);
        model.load(&*ws, {{id, "#1 biased"}, {id + 100, "no results"}});
        QCOMPARE(model.rowCount(), 1 + 5); // measured, then the paper's rows
        QCOMPARE(model.entries().first().runId, id);
        QCOMPARE(model.entries().first().step, qint64(40));
        QCOMPARE(model.index(0, BiasModel::Attention).data(Qt::UserRole).toDouble(), 0.6);
        QVERIFY(model.entries().last().reference());
        QVERIFY(model.index(1, BiasModel::Autorater).data().toString().contains("reference"));
        QCOMPARE(model.index(1, BiasModel::Order).data(Qt::UserRole).toDouble(), 0.50); // Random (paper)
    }

    void tailpatchModelJoinsResultsAndPlan() {
        auto ws = Workspace::open(m_path);
        RunStore runs(*ws);
        const auto id = *runs.create(NewRun{"opt", "flame-opt-rm", 0, "{}", "cpu"});
        std::vector<TailpatchRow> rows;
        for (const char* c : {"chat", "chat_hard", "math", "coding", "safety"}) {
            rows.push_back({"helpsteer-pairwise", c, 0.5, std::string(c) == "safety" ? 0.56 : 0.5, std::string(c) == "safety" ? 2 : 0});
            rows.push_back({"prm800k-pairwise", c, 0.5, std::string(c) == "chat" ? 0.44 : 0.51, std::string(c) == "chat" ? -1 : 0});
        }
        FLAME_VERIFY_OK(runs.addTailpatchResults(id, rows));
        TailpatchModel model;
        QAbstractItemModelTester tester(&model);
        model.load(&*ws, id);
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!model.planned());
        QVERIFY(std::abs(model.maxAbsDelta() - 0.06) < 1e-12);
        FLAME_VERIFY_OK(runs.setDocument(id, "tailpatch_plan", R"({"general":[],"specific":{"safety":["helpsteer-pairwise"]},
            "top":{"safety":["helpsteer-pairwise"]},"others":["prm800k-pairwise"],
            "weights":{"helpsteer-pairwise":230000,"prm800k-pairwise":3000},
            "effects":[{"task":"helpsteer-pairwise","ratings":{"chat":0,"chat_hard":0,"math":0,"coding":0,"safety":2},"total":2},
                       {"task":"prm800k-pairwise","ratings":{"chat":-1,"chat_hard":0,"math":0,"coding":0,"safety":0},"total":-1}]})"));
        model.load(&*ws, id);
        QVERIFY(model.planned());
        const TailpatchEntry& help = model.entries()[0].task == "helpsteer-pairwise" ? model.entries()[0] : model.entries()[1];
        QCOMPARE(help.total, 2);
        QCOMPARE(help.bundles, (QStringList{"safety", "top:safety"}));
        QCOMPARE(help.weight, 230000.0);
        QVERIFY(std::abs(help.share - 230000.0 / 233000.0) < 1e-12);
        QVERIFY(!help.capability.isEmpty());
        const int row = model.entries()[0].task == "prm800k-pairwise" ? 0 : 1;
        QVERIFY(model.index(row, TailpatchModel::Chat).data().toString().endsWith("(-1)"));
        QVERIFY(model.index(row, TailpatchModel::Chat).data(Qt::BackgroundRole).isValid());
    }

    void leaderboardScoresBaselinesAndReference() {
        auto ws = Workspace::open(m_path);
        RunStore runs(*ws);
        const auto id = *runs.create(NewRun{"scored", "flame", 0, R"({"steps":20})", "cpu"});
        FLAME_VERIFY_OK(runs.addMetrics(id, 10, 160, {{"score", 0.5}}));
        FLAME_VERIFY_OK(runs.addEvalResults(id, 10, "sample", {{"hep-go", 0.5, 4}}));
        FLAME_VERIFY_OK(runs.addEvalResults(id, 20, "sample", {{"hep-go", 1.0, 4}, {"donotanswer", 0.25, 4}}));
        RunInfo r = info(id, RunState::Running);
        LeaderboardModel model;
        QAbstractItemModelTester tester(&model);
        model.load(&*ws, {r}, "sample", false);
        // A running run has no final row; baselines (3) and Table 2 (16) are there.
        QCOMPARE(model.rowCount(), 3 + 16);
        r.record.state = RunState::Finished;
        model.load(&*ws, {r}, "sample", false);
        QCOMPARE(model.rowCount(), 1 + 3 + 16);
        const LeaderEntry& e = model.entries().first();
        QCOMPARE(e.kind, LeaderEntry::Kind::Run);
        QCOMPARE(e.step, qint64(20));
        QCOMPARE(e.reasoning, 1.0); // only hep-go present in Reasoning
        QCOMPARE(e.safety, 0.25);
        QCOMPARE(e.score, (0.0 + 0.0 + 0.25 + 1.0) / 4);
        QCOMPARE(e.evaluated, qint64(8));
        model.load(&*ws, {r}, "sample", true);
        QCOMPARE(model.rowCount(), 2 + 3 + 16);
        QCOMPARE(model.entries().first().kind, LeaderEntry::Kind::Checkpoint);
        QCOMPARE(model.entries().first().examples, qint64(160));
        QCOMPARE(model.entries().last().kind, LeaderEntry::Kind::Reference);
        QCOMPARE(model.entries().last().name, QStringLiteral("FLAMe-Opt-RM-24B"));
    }

    void disagreementModelListsMostConfidentFirst() {
        auto ws = Workspace::open(m_path);
        RunStore runs(*ws);
        const auto id = *runs.create(NewRun{"judge", "flame", 0, "{}", "cpu"});
        const auto j = *ws->db().queryInt("SELECT min(id) FROM judgments");
        FLAME_VERIFY_OK(runs.addPredictions(id, 5, {{j, "B", 0.7, false}, {j + 1, "A", 0.9, false}, {j + 2, "A", 0.8, true}}));
        DisagreementModel model;
        QAbstractItemModelTester tester(&model);
        model.load(&*ws, id);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.judged(), qint64(3));
        QCOMPARE(model.agree(), qint64(1));
        QCOMPARE(model.entries().first().judgmentId, j + 1);
        model.load(&*ws, 0);
        QCOMPARE(model.rowCount(), 0);
    }

    void seriesBufferCoalesces() {
        SeriesBuffer b;
        const SeriesKey k{1, "loss"};
        QVERIFY(b.append(k, points(1, 2), false));  // first: poke the view
        QVERIFY(!b.append(k, points(3, 3), false)); // pending already: no second poke
        QVERIFY(!b.append({2, "loss"}, points(1, 1), false));
        auto taken = b.take();
        QCOMPARE(taken.size(), 2);
        for (const auto& c : taken)
            if (c.key == k) QCOMPARE(c.points.size(), 3);
        QVERIFY(b.take().isEmpty());
        b.append(k, points(1, 5), false);
        b.append(k, points(1, 2), true); // a reset replaces what was pending
        taken = b.take();
        QVERIFY(taken.first().reset);
        QCOMPARE(taken.first().points.size(), 2);
    }

    void logPanelFormatsAndFollows() {
        QVERIFY(LogPanel::formatLine(R"({"event":"step","run":1,"step":12,"loss":2.5,"lr":0.001,"examples":192})")
                    .startsWith("step 12  loss 2.5000"));
        QVERIFY(LogPanel::formatLine(R"({"event":"eval","run":1,"step":20,"chat":0.5,"chat_hard":0.625,"safety":0.75,)"
                                     R"("reasoning":0.5,"score":0.6,"loss":1.2})")
                    .contains("Chat Hard 0.625"));
        QCOMPARE(LogPanel::formatLine("flame: error: boom"), QStringLiteral("flame: error: boom"));
        const QString path = m_dir.path() + "/studio.log";
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"event\":\"checkpoint\",\"run\":1,\"step\":20,\"path\":\"/x/ckpt-20\"}\nhalf a li");
        f.flush();
        LogPanel panel;
        panel.setRun(1, path, false);
        QVERIFY(panel.text().contains("checkpoint at step 20"));
        QVERIFY(!panel.text().contains("half")); // a line still being written waits
        f.write("ne\n");
        f.flush();
        panel.poll();
        QVERIFY(panel.text().contains("half a line"));
    }

    void curvesHoldEveryPoint() {
        CurvesView view(nullptr);
        view.resize(900, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setRuns({{1, "#1 FLAMe"}, {2, "#2 FLAMe-Opt-RM"}});
        QCOMPARE(view.metrics(), CurvesView::defaultMetrics());
        const SeriesKey a{1, "chat_hard"}, b{2, "chat_hard"};
        view.appendPoints(a, points(1, 300));
        view.appendPoints(b, points(1, 50, 0.5));
        QCOMPARE(view.graph(a)->dataCount(), 300);
        QCOMPARE(view.pointCount(b), 50);
        view.appendPoints(a, points(301, 310));
        QCOMPARE(view.graph(a)->dataCount(), 310);
        // A resumed run that rewinds to step 200 replaces what followed.
        view.appendPoints(a, points(200, 205, 2.0));
        QCOMPARE(view.pointCount(a), 205);
        QCOMPARE(view.graph(a)->data()->at(204)->value, 2.0 / 205);
        // Steps or examples on the x axis.
        view.setXAxis(CurvesView::XAxis::Examples);
        QCOMPARE(view.graph(a)->data()->at(0)->key, 16.0);
        view.setXAxis(CurvesView::XAxis::Steps);
        // Loss-like metrics get a log axis.
        view.setMetrics({"chat_hard", "loss"});
        QCOMPARE(view.chart("loss")->axis(QCPAxis::atLeft)->scaleType(), QCPAxis::stLogarithmic);
        QCOMPARE(view.chart("chat_hard")->axis(QCPAxis::atLeft)->scaleType(), QCPAxis::stLinear);
        view.setLogScale(false);
        QCOMPARE(view.chart("loss")->axis(QCPAxis::atLeft)->scaleType(), QCPAxis::stLinear);
        QCOMPARE(view.pointCount(a), 205); // data kept across rebuilds
        QCOMPARE(view.graph(a)->dataCount(), 205);
        // Read-out of the point under the cursor.
        view.plot()->replot(QCustomPlot::rpImmediateRefresh);
        const QPointF px = view.graph(b)->coordsToPixels(10, 0.5 / 10);
        const QString text = view.readoutAt(px.toPoint());
        QVERIFY2(text.contains("#2 FLAMe-Opt-RM") && text.contains("step 10") && text.contains("160"), qPrintable(text));
        QVERIFY(view.readoutAt(QPoint(-50, -50)).isEmpty());
        // Exports: every point, full precision.
        const QString csv = m_dir.path() + "/curves.csv";
        QVERIFY(view.exportCsv(csv));
        QFile in(csv);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = in.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 205 + 50);
        QCOMPARE(lines.first(), QByteArray("run,run_name,metric,step,examples,value"));
        QVERIFY(lines.contains(QByteArray("2,\"#2 FLAMe-Opt-RM\",chat_hard,3,48,") +
                               QByteArray::number(0.5 / 3, 'g', 17)));
        QVERIFY(view.exportPng(m_dir.path() + "/curves.png", 800, 400));
        QVERIFY(view.exportPdf(m_dir.path() + "/curves.pdf"));
        QVERIFY(QFileInfo(m_dir.path() + "/curves.png").size() > 1000);
        QVERIFY(QFileInfo(m_dir.path() + "/curves.pdf").size() > 1000);
    }
};

QTEST_MAIN(TestRunsModels)
#include "tst_runs_models.moc"
