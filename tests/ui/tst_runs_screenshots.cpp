// Screenshots of the Runs tab (issue 5): the launch dialog with its mixture preview, the live
// curves with two runs overlaid (FLAMe and FLAMe-Opt-RM, the paper's Figure 5), the bias view,
// the tail-patch view, the leaderboard and the model against humans; written to
// <build>/screenshots/runs-*.png and checked to be real pictures.
//
// The runs are real: by default this test trains two very small runs with the `flame` CLI (a
// FLAMe run and a FLAMe-Opt-RM run tail-patched from it), measures their biases and verdicts, then
// shoots. With FLAME_RUNS_SHOTS_WS=<workspace> it shoots a copy of that workspace instead (for the
// documentation: the runs of bench/reproduce.sh), selecting its first FLAMe and FLAMe-Opt-RM runs.
#include <QDir>
#include <QImage>
#include <QTabWidget>
#include <QtTest>

#include <qcustomplot.h>

#include "storage/sqlite.h"
#include "tests/test_support.h"
#include "tests/ui/ui_test_support.h"
#include "ui/i18n.h"
#include "ui/runs/bias_view.h"
#include "ui/runs/curves_view.h"
#include "ui/runs/disagreement_view.h"
#include "ui/runs/launch_dialog.h"
#include "ui/runs/leaderboard_view.h"
#include "ui/runs/mixture_model.h"
#include "ui/runs/results_models.h"
#include "ui/runs/runs_controller.h"
#include "ui/runs/runs_view.h"
#include "ui/runs/runs_workbench.h"
#include "ui/runs/tailpatch_view.h"
#include "ui/theme.h"

using namespace flame;
using namespace flame::ui;

class TestRunsScreenshots : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    QString m_out = QStringLiteral(FLAME_BINARY_DIR "/screenshots");
    qint64 m_flame = 0, m_opt = 0;

    void cli(const QStringList& args, int timeoutMs = 600000) {
        const auto r = test::runCli(args, timeoutMs);
        QVERIFY2(r.exitCode == 0, qPrintable(args.join(' ') + ": " + r.err + r.out.right(400)));
    }

    void shoot(QWidget* w, const QString& name) {
        QTest::qWait(100); // queued replots and repaints land
        test::saveCheckedScreenshot(w, m_out, name, 0.9);
    }

private slots:
    void initTestCase() {
        test::isolateSettings(m_dir);
        QSettings().setValue(QStringLiteral("runs/flame"), QStringLiteral(FLAME_CLI));
        QSettings().setValue(QStringLiteral("runs/onClose"), QStringLiteral("leave"));
        QVERIFY(QDir().mkpath(m_out));
        m_path = m_dir.path() + "/shots.flame";
        const QString given = qEnvironmentVariable("FLAME_RUNS_SHOTS_WS");
        if (!given.isEmpty()) {
            // A consistent copy of someone else's workspace (its WAL included); the original is
            // never written.
            auto src = db::Database::open(given.toStdString(), db::OpenFlags::ReadOnly);
            QVERIFY(src.ok());
            FLAME_VERIFY_OK(src->exec("VACUUM INTO '" + m_path.toStdString() + "'"));
            auto ws = Workspace::open(m_path.toStdString());
            QVERIFY(ws.ok());
            RunStore runs(*ws);
            const auto list = runs.list(); // alive while iterating (a temporary's * would dangle)
            QVERIFY(list.ok());
            for (const auto& r : *list) {
                if (r.variant == "flame" && !m_flame && r.state == RunState::Finished) m_flame = r.id;
                if (r.variant == "flame-opt-rm" && !m_opt) m_opt = r.id;
            }
            QVERIFY(m_flame > 0);
            return;
        }
        cli({"init", m_path});
        cli({"sample", m_path, "--judgments", "4000", "--eval-scale", "0.08", "--dev-scale", "0.03",
             "--bias-instructions", "2", "-q"});
        cli({"tokenizer", m_path, "train", "--vocab", "1000"});
        const QStringList net = {"--layers", "1", "--d-model", "48", "--heads", "2", "--d-ff", "96",
                                 "--max-seq", "160", "--max-target", "64"};
        cli(QStringList{"train", m_path, "--variant", "flame", "--name", "FLAMe tiny", "--steps", "120", "--batch",
                        "8", "--eval-every", "20", "--eval-limit", "60", "--checkpoint-every", "40"} +
            net);
        m_flame = 1;
        cli(QStringList{"train", m_path, "--variant", "flame-opt-rm", "--from", "1", "--name", "FLAMe-Opt-RM tiny",
                        "--steps", "60", "--batch", "8", "--eval-every", "10", "--eval-limit", "60",
                        "--tailpatch-steps", "4", "--tailpatch-by", "group", "--group-size", "8", "--dev-limit", "40",
                        "--no-mid"});
        m_opt = 2;
        cli({"bias", m_path, "--run", "1", "--instructions", "1"});
        cli({"bias", m_path, "--run", "2", "--instructions", "1"});
        cli({"predict", m_path, "--run", "1", "--limit", "15"});
    }

    void runsTab() {
        applyTheme(Theme::Light);
        MainWindow w;
        w.resize(1600, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(test::openAndWait(w, m_path));
        w.showView(MainWindow::View::Runs);
        RunsWorkbench* bench = w.runs();
        QVERIFY(QTest::qWaitFor([&] { return bench->controller()->hasSnapshot(); }, 10000));
        const QList<qint64> both = m_opt ? QList<qint64>{m_flame, m_opt} : QList<qint64>{m_flame};
        bench->runs()->selectRuns(both);
        QCOMPARE(bench->runs()->selectedRuns(), both);
        QTRY_COMPARE(bench->curves()->runs().size(), both.size());

        // Curves: Chat Hard and Safety against training examples, both runs overlaid (Figure 5).
        bench->curves()->setXAxis(CurvesView::XAxis::Examples);
        const SeriesKey key{m_flame, "chat_hard"};
        QTRY_VERIFY_WITH_TIMEOUT(bench->curves()->pointCount(key) > 1, 10000);
        bench->tabs()->setCurrentWidget(bench->curves());
        shoot(&w, "runs-curves");

        bench->tabs()->setCurrentWidget(bench->bias());
        QTRY_VERIFY(bench->bias()->model()->rowCount() > 5); // measured rows beside the paper's
        // One legend entry per autorater, not one per bar of the seven charts.
        const auto legendItems = [&] {
            QCustomPlot* chart = bench->bias()->chart();
            for (int i = 0; i < chart->plotLayout()->elementCount(); ++i)
                if (auto* legend = qobject_cast<QCPLegend*>(chart->plotLayout()->elementAt(i))) {
                    int items = 0; // itemCount() also counts the empty cells of the wrapped grid
                    for (int k = 0; k < legend->itemCount(); ++k) items += legend->item(k) ? 1 : 0;
                    return items;
                }
            return -1;
        };
        QTRY_COMPARE(legendItems(), bench->bias()->model()->rowCount());
        shoot(&w, "runs-bias");

        if (m_opt) {
            bench->tabs()->setCurrentWidget(bench->tailpatch());
            bench->tailpatch()->setRun(m_opt);
            QTRY_VERIFY(bench->tailpatch()->model()->rowCount() > 0);
            shoot(&w, "runs-tailpatch");
        }

        bench->tabs()->setCurrentWidget(bench->leaderboard());
        bench->leaderboard()->setEveryCheckpoint(true);
        QTRY_VERIFY(bench->leaderboard()->model()->rowCount() > 16 + 3);
        shoot(&w, "runs-leaderboard");

        bench->runs()->selectRuns({m_flame});
        bench->tabs()->setCurrentWidget(bench->disagreements());
        shoot(&w, "runs-humans");

        // The launch dialog, filled from the FLAMe run ("duplicate and edit"), its preview loaded.
        bench->runs()->duplicateCurrent();
        LaunchDialog* dialog = bench->runs()->launchDialog();
        QVERIFY(dialog);
        dialog->resize(1200, 760);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->mixturePending() && dialog->mixture()->rowCount() > 0, 30000);
        shoot(dialog, "runs-launch");
        dialog->reject();
    }

    void curvesInGermanDark() {
        applyTheme(Theme::Dark);
        MainWindow w;
        w.setLanguage("de");
        w.resize(1600, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(test::openAndWait(w, m_path));
        w.showView(MainWindow::View::Runs);
        RunsWorkbench* bench = w.runs();
        QVERIFY(QTest::qWaitFor([&] { return bench->controller()->hasSnapshot(); }, 10000));
        bench->runs()->selectRuns(m_opt ? QList<qint64>{m_flame, m_opt} : QList<qint64>{m_flame});
        QTRY_VERIFY_WITH_TIMEOUT(bench->curves()->pointCount({m_flame, "safety"}) > 1, 10000);
        QCOMPARE(bench->tabs()->tabText(0), QStringLiteral("Kurven"));
        shoot(&w, "runs-curves-dark-de");
        w.setLanguage("en");
        applyTheme(Theme::Light);
    }
};

QTEST_MAIN(TestRunsScreenshots)
#include "tst_runs_screenshots.moc"
