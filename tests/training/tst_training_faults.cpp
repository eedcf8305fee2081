// Faults from outside a training worker (issue 6): SIGKILL at random moments (several seeds;
// FLAME_SOAK_ROUNDS raises the count under `make soak`) and a disk that fills while a checkpoint is
// written. Afterwards the workspace passes integrity_check, no run is left "running", the last
// good checkpoint still loads, and resuming reproduces the uninterrupted run's losses bit for bit.
#include <QtTest>

#include <filesystem>
#include <random>

#include "model/json.h"
#include "storage/run_store.h"
#include "storage/workspace.h"
#include "tests/storage/storage_test_support.h"
#include "tests/test_support.h"
#include "tests/training/training_test_support.h"

using namespace flame;
using flame::test::runCli;

namespace {

int rounds() {
    const int n = qEnvironmentVariableIntValue("FLAME_SOAK_ROUNDS");
    return n > 0 ? n : 3;
}

} // namespace

class TrainingFaultsTest : public QObject {
    Q_OBJECT
    static constexpr int kSteps = 16;
    QTemporaryDir m_dir;
    QString m_ws;

    // A very small network with a checkpoint every two steps, one thread (bit-exact on CPU).
    static QStringList small(int steps) {
        return {"--steps", QString::number(steps), "--batch", "4", "--layers", "1", "--d-model", "32", "--heads", "2",
                "--d-ff", "64", "--max-seq", "160", "--max-target", "24", "--eval-every", "1000", "--eval-limit", "10",
                "--checkpoint-every", "2", "--threads", "1", "--seed", "11"};
    }

    std::int64_t queue(const QStringList& options) {
        auto r = runCli(QStringList{"train", m_ws, "--json", "--queue"} + options);
        if (r.exitCode != 0) QTest::qFail(qPrintable(r.err), __FILE__, __LINE__);
        return flame::test::createdRun(r.out);
    }

    RunRecord row(std::int64_t run) { return flame::test::runRecord(m_ws, run); }

    std::vector<double> losses(std::int64_t run) { return flame::test::runLosses(m_ws, run); }

    void startAndWaitForTheFirstStep(QProcess& worker, std::int64_t run) {
        worker.start(QStringLiteral(FLAME_CLI), {"worker", m_ws, "--run", QString::number(run)});
        QVERIFY(worker.waitForStarted());
        QByteArray out;
        while (!out.contains("\"event\":\"step\"") && worker.waitForReadyRead(60000)) out += worker.readAllStandardOutput();
        QVERIFY(out.contains("\"event\":\"step\""));
    }

    void checkIntegrity() {
        auto ws = Workspace::open(m_ws.toStdString(), WorkspaceMode::ReadOnly);
        QVERIFY2(ws, ws ? "" : ws.error().toString().c_str());
        QVERIFY(flame::test::checkIntact(*ws) > 0);
    }

private slots:
    void initTestCase() {
        m_ws = m_dir.path() + "/faults.flame";
        QCOMPARE(runCli({"init", m_ws}).exitCode, 0);
        auto s = runCli({"sample", m_ws, "--judgments", "600", "--eval-scale", "0.02", "--dev-scale", "0.02",
                         "--bias-instructions", "1", "-q"});
        QVERIFY2(s.exitCode == 0, qPrintable(s.err));
        auto t = runCli({"tokenizer", m_ws, "train", "--vocab", "500", "--sample", "500"});
        QVERIFY2(t.exitCode == 0, qPrintable(t.err));
    }

    void killedAtRandomMomentsResumesToTheSameLosses() {
        // The reference run also measures how long a worker trains after its first step, so the
        // kill moments below spread over the whole run.
        const std::int64_t reference = queue(small(kSteps));
        QProcess first;
        startAndWaitForTheFirstStep(first, reference);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(first.waitForFinished(120000));
        QCOMPARE(first.exitCode(), 0);
        const int trainingMs = int(clock.elapsed());
        const std::vector<double> expected = losses(reference);
        QCOMPARE(expected.size(), std::size_t(kSteps));

        std::mt19937 rng(20261128);
        for (int round = 0; round < rounds(); ++round) {
            const std::int64_t run = queue(small(kSteps));
            QProcess worker;
            startAndWaitForTheFirstStep(worker, run);
            // Anywhere from the first step to past the end: mid-step, mid-checkpoint, mid-write.
            QTest::qWait(std::uniform_int_distribution<int>(0, trainingMs)(rng));
            if (worker.state() != QProcess::NotRunning) {
                worker.kill();
                QVERIFY(worker.waitForFinished(30000));
            }
            checkIntegrity();
            QCOMPARE(runCli({"runs", m_ws, "list", "--json"}).exitCode, 0); // readers reconcile dead workers
            const RunRecord killed = row(run);
            QVERIFY2(killed.state != RunState::Running, qPrintable(QString("round %1: still running").arg(round)));
            qInfo("round %d: killed in state %s at step %lld", round, toString(killed.state), (long long)killed.step);
            if (killed.state != RunState::Finished) {
                auto resumed = runCli({"runs", m_ws, "resume", QString::number(run)}, 300000);
                QVERIFY2(resumed.exitCode == 0, qPrintable(QString("round %1: %2").arg(round).arg(resumed.err)));
            }
            QCOMPARE(row(run).state, RunState::Finished);
            const std::vector<double> got = losses(run);
            QCOMPARE(got.size(), expected.size());
            for (std::size_t i = 0; i < got.size(); ++i)
                QVERIFY2(got[i] == expected[i], qPrintable(QString("round %1, step %2: %3 vs %4")
                                                               .arg(round).arg(i + 1)
                                                               .arg(got[i], 0, 'g', 17).arg(expected[i], 0, 'g', 17)));
        }
    }

    void diskFillsWhileCheckpointing() {
        // A wider network, so its checkpoint files are larger than the workspace database.
        QStringList options = small(4);
        options[options.indexOf("--d-model") + 1] = "256";
        options[options.indexOf("--d-ff") + 1] = "512";
        const std::int64_t run = queue(options);
        auto first = runCli({"worker", m_ws, "--run", QString::number(run), "--stop-after", "2"});
        QCOMPARE(first.exitCode, 130);
        const std::string runDir = m_ws.toStdString() + ".d/runs/" + std::to_string(run);
        QVERIFY(std::filesystem::exists(runDir + "/ckpt-2/state.json"));
        QCOMPARE(losses(run).size(), std::size_t(2));

        // The limit sits between the database and a checkpoint file: the database and its WAL
        // can still be written, a checkpoint cannot.
        const auto dbSize = std::filesystem::file_size(m_ws.toStdString());
        std::uintmax_t largestCheckpointFile = 0;
        for (const auto& f : std::filesystem::directory_iterator(runDir + "/ckpt-2"))
            largestCheckpointFile = std::max(largestCheckpointFile, f.file_size());
        QVERIFY2(largestCheckpointFile > 2 * dbSize + (1u << 20),
                 qPrintable(QString("checkpoint file %1 B, database %2 B").arg(largestCheckpointFile).arg(dbSize)));
        const std::uintmax_t limitKiB = (dbSize + largestCheckpointFile) / 2 / 1024;
        QProcess p;
        // The shell ignores SIGXFSZ (inherited), so the oversized write fails with EFBIG.
        p.start("/bin/sh", {"-c", QString("trap '' XFSZ; ulimit -f %1; exec '%2' runs '%3' resume %4")
                                      .arg(limitKiB).arg(FLAME_CLI, m_ws).arg(run)});
        QVERIFY(p.waitForFinished(300000));
        const QString err = QString::fromUtf8(p.readAllStandardError()) + QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(p.exitCode() != 0, qPrintable("the resume should fail at the file-size limit: " + err));
        QVERIFY2(err.contains("disk full") && err.contains(QString::fromStdString(runDir)), qPrintable(err));

        checkIntegrity();
        const RunRecord failed = row(run);
        QVERIFY2(failed.state == RunState::Failed || failed.state == RunState::Interrupted,
                 qPrintable(QString::fromStdString(failed.error)));
        QVERIFY2(QString::fromStdString(failed.error).contains("disk full"), failed.error.c_str());
        // No half-written checkpoint is left where a resume would look for one.
        QVERIFY(!std::filesystem::exists(runDir + "/ckpt-4/state.json"));

        // With room again, the last good checkpoint loads and the run finishes.
        auto again = runCli({"runs", m_ws, "resume", QString::number(run)}, 300000);
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QCOMPARE(row(run).state, RunState::Finished);
        QCOMPARE(losses(run).size(), std::size_t(4));
        QVERIFY(std::filesystem::exists(runDir + "/ckpt-4/state.json"));
    }
};

QTEST_MAIN(TrainingFaultsTest)
#include "tst_training_faults.moc"
