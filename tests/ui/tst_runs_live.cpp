// Training runs in the studio with real `flame worker` processes (issue 5, "done means"): a tiny
// run launched from the dialog, its points arriving on the live curve, cancelled (the worker
// checkpoints and stops), resumed from that checkpoint, and found again, still training, by a
// reopened window after the first one closed and left the worker running. Then the queue: runs on
// one device start one after another, a failing run does not stop the queue, and delete removes a
// run with its files. Last, the warm start: a pretraining run, and a FLAMe run launched from the
// dialog with its checkpoint as the initial network.
//
// The network is shrunk through the dialog's overrides so that a step takes milliseconds; the
// workspace is small (3,000 judgments) so that the token caches build in seconds.
#include <QComboBox>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QToolButton>
#include <QtTest>

#include <csignal>
#include <memory>
#include <optional>

#include <qcustomplot.h>

#include "storage/run_queries.h"
#include "tests/test_support.h"
#include "tests/ui/ui_test_support.h"
#include "ui/runs/curves_view.h"
#include "ui/runs/launch_dialog.h"
#include "ui/runs/log_panel.h"
#include "ui/runs/mixture_model.h"
#include "ui/runs/runs_controller.h"
#include "ui/runs/runs_view.h"
#include "ui/runs/runs_workbench.h"

using namespace flame;
using namespace flame::ui;

namespace {

// A run small enough for a test: one layer of width 32, short sequences, cheap evaluations.
LaunchOptions tinyOptions(int steps) {
    LaunchOptions o = LaunchOptions::defaults("flame", "tiny");
    o.name = "live";
    o.steps = steps;
    o.batch = 4;
    o.evalEvery = 20;
    o.evalLimit = 8;
    o.checkpointEvery = 1000;
    o.layers = 1;
    o.dModel = 32;
    o.heads = 2;
    o.dFF = 64;
    o.maxSeq = 128;
    return o;
}

// A copy: the controller's snapshot (and pointers into it) is replaced while the test waits.
std::optional<RunInfo> waitForRun(RunsController* c, qint64 id, const std::function<bool(const RunInfo&)>& pred,
                                  int timeoutMs) {
    const bool ok = QTest::qWaitFor(
        [&] {
            const RunInfo* r = c->run(id);
            return r && pred(*r);
        },
        timeoutMs);
    return ok ? std::optional<RunInfo>(*c->run(id)) : std::nullopt;
}

// Creates a run with `flame train ... --queue` through the controller and waits for the answer:
// its id, or 0 with the reason in `error`.
qint64 createRunAndWait(RunsController* c, const QStringList& trainArgs, QString* error) {
    qint64 created = 0;
    QString answer;
    c->createRun(trainArgs, [&](qint64 id, const QString& e) {
        created = id;
        answer = e.isEmpty() ? QStringLiteral("ok") : e;
    });
    if (!QTest::qWaitFor([&] { return !answer.isEmpty(); }, 30000)) answer = QStringLiteral("no answer in 30 s");
    *error = answer;
    return created;
}

QString describe(RunsController* c, qint64 id) {
    const RunInfo* r = c->run(id);
    if (!r) return QStringLiteral("run %1 not listed").arg(id);
    return QStringLiteral("run %1: %2 at step %3, error '%4', log: %5")
        .arg(id)
        .arg(QString::fromLatin1(toString(r->state())))
        .arg(r->record.step)
        .arg(QString::fromStdString(r->record.error))
        .arg(c->logPath(id));
}

} // namespace

class TestRunsLive : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_run = 0;
    qint64 m_cancelledAt = 0;

    RunsWorkbench* bench() const { return m_window->runs(); }
    RunsController* controller() const { return bench()->controller(); }

    void openWindow() {
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1500, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(test::openAndWait(*m_window, m_path));
        m_window->showView(MainWindow::View::Runs);
        QVERIFY(QTest::qWaitFor([&] { return controller()->hasSnapshot(); }, 10000));
    }

private slots:
    void initTestCase() {
        test::isolateSettings(m_dir);
        QSettings().setValue(QStringLiteral("runs/flame"), QStringLiteral(FLAME_CLI));
        QSettings().setValue(QStringLiteral("runs/onClose"), QStringLiteral("leave"));
        m_path = m_dir.path() + "/live.flame";
        const QString failed = test::createTrainableWorkspace(m_path);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }

    void cleanupTestCase() {
        // Never leave a worker behind: ask every live run to stop, then make sure.
        m_window.reset();
        auto ws = Workspace::open(m_path.toStdString());
        if (!ws) return;
        RunStore runs(*ws);
        std::vector<std::int64_t> pids;
        if (auto launches = launchRecords(*ws))
            for (const auto& [id, l] : *launches) pids.insert(pids.end(), l.pids.begin(), l.pids.end());
        if (auto all = runs.list())
            for (const auto& r : *all)
                if (r.pid > 0) pids.push_back(r.pid);
        for (auto pid : pids)
            if (processAlive(pid)) ::kill(pid_t(pid), SIGTERM);
        QTest::qWaitFor([&] { return std::none_of(pids.begin(), pids.end(), processAlive); }, 30000);
        for (auto pid : pids)
            if (processAlive(pid)) ::kill(pid_t(pid), SIGKILL);
    }

    void launchFromTheDialog() {
        openWindow();
        RunsView* view = bench()->runs();
        LaunchDialog* dialog = view->openLaunchDialog();
        QVERIFY(dialog && dialog->isVisible());
        // The mixture preview comes from `flame mixture` and follows the options.
        QTRY_VERIFY_WITH_TIMEOUT(dialog->mixture()->rowCount() > 50 && !dialog->mixturePending(), 30000);
        dialog->setOptions(tinyOptions(100000));
        // Validation: ranks must divide the batch.
        auto* nproc = dialog->findChild<QSpinBox*>("nproc");
        nproc->setValue(3);
        QVERIFY(!dialog->launchButton()->isEnabled());
        QVERIFY(dialog->messageText().contains("divisible"));
        nproc->setValue(1);
        QVERIFY(dialog->launchButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->mixturePending() && dialog->mixture()->rowCount() > 50, 30000);

        QSignalSpy launched(dialog, &LaunchDialog::launched);
        QTest::mouseClick(dialog->launchButton(), Qt::LeftButton);
        QVERIFY2(launched.wait(60000), qPrintable(dialog->messageText()));
        m_run = launched.first().first().toLongLong();
        QVERIFY(m_run > 0);
        // Created by `flame train --queue`, put on the queue, started by the studio.
        const auto r = waitForRun(controller(), m_run, [](const RunInfo& i) { return i.state() == RunState::Running; }, 60000);
        QVERIFY2(r, qPrintable(describe(controller(), m_run)));
        QVERIFY(r->launchedHere);
        QCOMPARE(r->variant(), QStringLiteral("flame"));
        QCOMPARE(r->steps, 100000);
        QTRY_COMPARE_WITH_TIMEOUT(view->selectedRuns(), QList<qint64>{m_run}, 5000);
    }

    void pointsArriveOnTheCurve() {
        QVERIFY(m_run > 0);
        CurvesView* curves = bench()->curves();
        QTRY_COMPARE(curves->runs().size(), 1);
        curves->setMetrics({"chat_hard", "safety", "loss"});
        const SeriesKey loss{m_run, "loss"}, chatHard{m_run, "chat_hard"};
        QTRY_VERIFY2_WITH_TIMEOUT(curves->pointCount(loss) > 0, qPrintable(describe(controller(), m_run)), 90000);
        const int seen = curves->pointCount(loss);
        QCOMPARE(curves->graph(loss)->dataCount(), seen);
        // More points keep arriving while it trains, and the first evaluation lands on Chat Hard.
        QTRY_VERIFY_WITH_TIMEOUT(curves->pointCount(loss) > seen, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(curves->pointCount(chatHard) > 0, 60000);
        QVERIFY(curves->redrawCount() > 0);
        const double v = curves->graph(chatHard)->data()->at(0)->value;
        QVERIFY(v >= 0 && v <= 1);
        // The log panel follows the worker's output.
        QTRY_VERIFY_WITH_TIMEOUT(bench()->runs()->log()->text().contains("step "), 10000);
        QVERIFY(bench()->runs()->log()->text().contains("evaluation at step 20"));
    }

    void cancelCheckpointsAndStops() {
        QVERIFY(m_run > 0);
        bench()->runs()->selectRuns({m_run});
        auto* cancel = bench()->runs()->findChild<QToolButton*>("cancelRun");
        QVERIFY(cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        const auto r = waitForRun(controller(), m_run,
                                  [](const RunInfo& i) { return i.state() == RunState::Cancelled && !i.workersAlive; }, 60000);
        QVERIFY2(r, qPrintable(describe(controller(), m_run)));
        m_cancelledAt = r->record.step;
        QVERIFY(m_cancelledAt > 0);
        auto ws = Workspace::open(m_path.toStdString(), WorkspaceMode::ReadOnly);
        RunStore runs(*ws);
        auto ckpts = runs.checkpoints(m_run);
        QVERIFY(ckpts && !ckpts->empty());
        QCOMPARE(ckpts->back().step, m_cancelledAt); // the stop wrote its checkpoint
        QVERIFY(QDir(QString::fromStdString(ckpts->back().path)).exists());
        QVERIFY(controller()->liveWorkersHere().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(bench()->runs()->log()->text().contains("ended: cancelled"), 10000);
    }

    void resumeContinuesFromTheCheckpoint() {
        QVERIFY(m_cancelledAt > 0);
        const SeriesKey loss{m_run, "loss"};
        bench()->runs()->resumeSelected();
        const auto r = waitForRun(
            controller(), m_run,
            [&](const RunInfo& i) { return i.state() == RunState::Running && i.record.step > m_cancelledAt + 2; }, 60000);
        QVERIFY2(r, qPrintable(describe(controller(), m_run)));
        CurvesView* curves = bench()->curves();
        QTRY_VERIFY_WITH_TIMEOUT(curves->graph(loss)->data()->at(curves->graph(loss)->dataCount() - 1)->key >
                                     double(m_cancelledAt),
                                 30000);
        // One point per step: nothing repeated, nothing lost across the stop.
        const auto data = curves->graph(loss)->data();
        for (int i = 1; i < data->size(); ++i) QCOMPARE(data->at(i)->key, data->at(i - 1)->key + 1);
        // The log shows the worker going on from the checkpoint's step, not from the start.
        QTRY_VERIFY_WITH_TIMEOUT(bench()->runs()->log()->text().contains(QStringLiteral("step %1  loss").arg(m_cancelledAt + 1)),
                                 10000);
    }

    void reopenedWindowFindsItLive() {
        QVERIFY(m_run > 0);
        const auto before = waitForRun(controller(), m_run, [](const RunInfo& i) { return i.workersAlive; }, 5000);
        QVERIFY(before);
        const QVector<qint64> pids = before->pids;
        // Closing leaves the workers running (policy "leave", as the close dialog offers).
        QVERIFY(m_window->close());
        m_window.reset();
        for (qint64 pid : pids) QVERIFY(processAlive(pid));

        openWindow();
        const auto r = waitForRun(controller(), m_run,
                                  [](const RunInfo& i) { return i.state() == RunState::Running && i.workersAlive; }, 20000);
        QVERIFY2(r, qPrintable(describe(controller(), m_run)));
        QCOMPARE(r->pids, pids);
        bench()->runs()->selectRuns({m_run});
        CurvesView* curves = bench()->curves();
        const SeriesKey loss{m_run, "loss"};
        curves->setMetrics({"loss"});
        QTRY_VERIFY_WITH_TIMEOUT(curves->pointCount(loss) > int(m_cancelledAt), 20000);
        const int now = curves->pointCount(loss);
        QTRY_VERIFY_WITH_TIMEOUT(curves->pointCount(loss) > now, 30000); // still live
        QTRY_VERIFY_WITH_TIMEOUT(bench()->runs()->log()->text().contains("step "), 10000);

        // Stop it for good.
        bench()->runs()->cancelSelected();
        QVERIFY(waitForRun(controller(), m_run,
                           [](const RunInfo& i) { return i.state() == RunState::Cancelled && !i.workersAlive; }, 60000));
    }

    void queueRunsInTurnPastAFailure() {
        QVERIFY(m_window);
        RunsController* c = controller();
        // Three runs on the CPU, queued while starting is paused, so the order is known.
        c->setScheduling(false);
        QVector<qint64> ids;
        for (int i = 0; i < 3; ++i) {
            LaunchOptions o = tinyOptions(6);
            o.name = QStringLiteral("queued %1").arg(i);
            o.evalEvery = 0; // only the final evaluation
            QString error;
            const qint64 created = createRunAndWait(c, o.trainArgs(), &error);
            QVERIFY2(created > 0, qPrintable(error));
            ids << created;
        }
        QTRY_VERIFY_WITH_TIMEOUT(c->run(ids[2]) && c->run(ids[2])->queuePosition == 3, 5000);
        {
            // The first run cannot even read its configuration: its worker fails at once.
            auto ws = Workspace::open(m_path.toStdString());
            FLAME_VERIFY_OK(RunStore(*ws).updateConfig(ids[0], "not a configuration"));
        }
        c->setScheduling(true);
        // The failure does not stop the queue; the next run starts, and the third waits for the
        // CPU while the second trains.
        const auto failed = waitForRun(c, ids[0], [](const RunInfo& i) { return i.state() == RunState::Failed; }, 60000);
        QVERIFY2(failed, qPrintable(describe(c, ids[0])));
        QVERIFY(!failed->record.error.empty());
        bool sawWaiting = false;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         const RunInfo* second = c->run(ids[1]);
                         const RunInfo* third = c->run(ids[2]);
                         if (second && third && second->state() == RunState::Running)
                             sawWaiting = sawWaiting || (third->state() == RunState::Queued && third->queuePosition > 0);
                         return second && second->state() == RunState::Finished;
                     },
                     120000),
                 qPrintable(describe(c, ids[1])));
        QVERIFY(sawWaiting);
        const auto second = *c->run(ids[1]);
        // Deletion needs the worker gone, not only the run finished.
        const auto third = waitForRun(
            c, ids[2], [](const RunInfo& i) { return i.state() == RunState::Finished && !i.workersAlive; }, 120000);
        QVERIFY2(third, qPrintable(describe(c, ids[2])));
        // One after the other on the one device.
        QVERIFY(third->record.startedAt >= second.record.finishedAt);
        QVERIFY(second.record.startedAt >= failed->record.finishedAt);

        // Delete removes the run with its files.
        const QString dir = c->runDirectory(ids[2]);
        QVERIFY(QDir(dir).exists());
        QSignalSpy done(c, &RunsController::commandFinished);
        c->remove(ids[2]);
        QVERIFY(done.wait(10000));
        QCOMPARE(done.first().at(2).toString(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(c->run(ids[2]) == nullptr, 5000);
        QVERIFY(!QDir(dir).exists());
    }

    void flameFromAPretrainedNetwork() {
        // The paper's recipe in the studio: a pretraining run, then FLAMe launched from the dialog
        // with that run's checkpoint as its initial network.
        QVERIFY(m_window);
        RunsController* c = controller();
        LaunchOptions pre = tinyOptions(4);
        pre.variant = "pretrain";
        pre.name = "pretrained";
        pre.evalEvery = 0;
        pre.checkpointEvery = 2;
        QString error;
        const qint64 preId = createRunAndWait(c, pre.trainArgs(), &error);
        QVERIFY2(preId > 0, qPrintable(error));
        const auto finished = waitForRun(
            c, preId, [](const RunInfo& i) { return i.state() == RunState::Finished && !i.workersAlive; }, 120000);
        QVERIFY2(finished, qPrintable(describe(c, preId)));
        QCOMPARE(finished->variant(), QStringLiteral("pretrain"));

        LaunchDialog* dialog = bench()->runs()->openLaunchDialog();
        QVERIFY(dialog);
        auto* variant = dialog->findChild<QComboBox*>("variant");
        auto* init = dialog->findChild<QComboBox*>("initRun");
        auto* initStep = dialog->findChild<QComboBox*>("initStep");
        QVERIFY(variant && init && initStep);
        variant->setCurrentIndex(variant->findData(QStringLiteral("flame")));
        // Random weights until a pretraining run is chosen; FLAMe runs are not offered.
        QCOMPARE(init->currentData().toLongLong(), qint64(0));
        QVERIFY(!initStep->isEnabled());
        QVERIFY(init->findData(m_run) < 0);
        const int at = init->findData(preId);
        QVERIFY(at > 0);
        init->setCurrentIndex(at);
        QVERIFY(initStep->isEnabled());
        QCOMPARE(initStep->count(), 3); // the last, step 2, step 4
        initStep->setCurrentIndex(initStep->findData(qint64(2)));
        // The architecture comes from the initial network: the sizes are not editable.
        QVERIFY(!dialog->findChild<QComboBox*>("preset")->isEnabled());
        QVERIFY(!dialog->findChild<QSpinBox*>("layers")->isEnabled());
        QCOMPARE(dialog->options().initRun, preId);
        QCOMPARE(dialog->options().initStep, qint64(2));
        // Other variants do not take one; FLAMe gets its choice back.
        variant->setCurrentIndex(variant->findData(QStringLiteral("flame-rm")));
        QVERIFY(!init->isEnabled());
        QCOMPARE(dialog->options().initRun, qint64(0));
        variant->setCurrentIndex(variant->findData(QStringLiteral("flame")));
        QCOMPARE(dialog->options().initRun, preId);
        QCOMPARE(dialog->options().initStep, qint64(2));
        dialog->findChild<QSpinBox*>("steps")->setValue(2);
        dialog->findChild<QSpinBox*>("evalEvery")->setValue(0);
        dialog->findChild<QSpinBox*>("evalLimit")->setValue(8);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->launchButton()->isEnabled(), 5000);

        QSignalSpy launched(dialog, &LaunchDialog::launched);
        QTest::mouseClick(dialog->launchButton(), Qt::LeftButton);
        QVERIFY2(launched.wait(60000), qPrintable(dialog->messageText()));
        const qint64 flameId = launched.first().first().toLongLong();
        // The engine recorded the initial network and took the pretraining run's architecture.
        auto ws = Workspace::open(m_path.toStdString(), WorkspaceMode::ReadOnly);
        RunStore runs(*ws);
        const auto made = runs.require(flameId);
        const auto parent = runs.require(preId);
        QVERIFY(made && parent);
        const QJsonObject config = QJsonDocument::fromJson(QByteArray::fromStdString(made->config)).object();
        const QJsonObject preConfig = QJsonDocument::fromJson(QByteArray::fromStdString(parent->config)).object();
        QCOMPARE(config.value("init_run").toInteger(), preId);
        QCOMPARE(config.value("init_step").toInteger(), qint64(2));
        QCOMPARE(config.value("model").toObject(), preConfig.value("model").toObject());
        QCOMPARE(config.value("model").toObject().value("d_model").toInt(), 32);
        QVERIFY(waitForRun(c, flameId, [](const RunInfo& i) { return i.state() == RunState::Finished && !i.workersAlive; },
                           120000));
    }
};

QTEST_MAIN(TestRunsLive)
#include "tst_runs_live.moc"
