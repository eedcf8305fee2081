// Faults from outside: the disk fills during an import (a file-size limit, and a small real
// filesystem where this machine allows mounting one), and a workspace file that cannot be written.
// Afterwards a clear error, the workspace intact, and the work can be redone.
#include <QtTest>

#include <sys/mount.h>

#include <fstream>

#include "storage/stats.h"
#include "storage/workspace.h"
#include "tests/storage/storage_test_support.h"
#include "tests/test_support.h"

using namespace flame;
using flame::test::runCli;

namespace {

std::int64_t intactCount(const std::string& path) {
    auto ws = Workspace::open(path, WorkspaceMode::ReadOnly);
    if (!ws) {
        QTest::qFail(ws.error().toString().c_str(), __FILE__, __LINE__);
        return -1;
    }
    const std::int64_t rows = flame::test::checkIntact(*ws);
    return rows;
}

void writeBigFile(const QString& path, int records) {
    std::ofstream out(path.toStdString());
    for (int i = 0; i < records; ++i)
        out << "{\"history\":\"A long enough question number " << i << " about cooking and gardening and travel\","
            << "\"human_ref_A\":\"A detailed answer " << i << " with several words in it\",\"human_ref_B\":\"No.\",\"labels\":1}\n";
}

} // namespace

class TestFaults : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void fileSizeLimitDuringImport() {
        const QString ws = m_dir.path() + "/limit.flame";
        QCOMPARE(runCli({"init", ws}).exitCode, 0);
        QCOMPARE(runCli({"sample", ws, "--judgments", "2000", "-q"}).exitCode, 0);
        const QString big = m_dir.path() + "/big.jsonl";
        writeBigFile(big, 150000);
        const std::int64_t before = intactCount(ws.toStdString());
        // The shell ignores SIGXFSZ (inherited by flame), so an oversized write fails with EFBIG.
        QProcess p;
        p.start("/bin/sh", {"-c", QString("trap '' XFSZ; ulimit -f 16384; exec '%1' import '%2' '%3' --format shp -q")
                                      .arg(FLAME_CLI, ws, big)});
        QVERIFY(p.waitForFinished(300000));
        QVERIFY2(p.exitCode() != 0, "the import should fail at the 16 MiB limit");
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(ws) && err.contains("disk"), qPrintable(err));
        QCOMPARE(intactCount(ws.toStdString()), before);
        auto again = runCli({"import", ws, big, "--format", "shp", "-q"}, 300000);
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(intactCount(ws.toStdString()), before + 150000);
    }

    void fullFilesystemDuringImport() {
        const QString mnt = m_dir.path() + "/small-disk";
        QDir().mkpath(mnt);
        if (::mount("tmpfs", mnt.toUtf8().constData(), "tmpfs", 0, "size=24m") != 0)
            QSKIP("mounting a small tmpfs is not permitted here; the file-size-limit test covers the same path");
        struct Unmount {
            QString p;
            ~Unmount() { ::umount2(p.toUtf8().constData(), MNT_DETACH); }
        } unmount{mnt};
        const QString ws = mnt + "/full.flame";
        QCOMPARE(runCli({"init", ws}).exitCode, 0);
        QCOMPARE(runCli({"sample", ws, "--judgments", "3000", "-q"}).exitCode, 0);
        const QString big = m_dir.path() + "/big2.jsonl";
        writeBigFile(big, 150000);
        const std::int64_t before = intactCount(ws.toStdString());
        auto r = runCli({"import", ws, big, "--format", "shp", "-q"}, 300000);
        QVERIFY2(r.exitCode != 0, "the import should fail when the disk is full");
        QVERIFY2(r.err.contains("disk") && r.err.contains(ws), qPrintable(r.err));
        QCOMPARE(intactCount(ws.toStdString()), before);
        // A smaller file still fits afterwards: the workspace is usable.
        const QString small = m_dir.path() + "/small.jsonl";
        writeBigFile(small, 500);
        QCOMPARE(runCli({"import", ws, small, "--format", "shp", "-q"}).exitCode, 0);
        QCOMPARE(intactCount(ws.toStdString()), before + 500);
    }

    void unwritableWorkspaceIsOpenedReadOnlyAndSaysSo() {
        const QString ws = m_dir.path() + "/locked.flame";
        QCOMPARE(runCli({"init", ws}).exitCode, 0);
        QCOMPARE(runCli({"sample", ws, "--judgments", "2000", "-q"}).exitCode, 0);
        {
            auto w = Workspace::open(ws.toStdString());
            QVERIFY(w->db().exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
        }
        // Root ignores permission bits, so use the immutable attribute where it is available.
        if (QProcess::execute("chattr", {"+i", ws}) != 0) QSKIP("chattr +i is not available here");
        struct Restore {
            QString p;
            ~Restore() { QProcess::execute("chattr", {"-i", p}); }
        } restore{ws};
        QFile f(ws);
        const QByteArray before = f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        f.close();
        auto stats = runCli({"stats", ws, "--json"});
        QCOMPARE(stats.exitCode, 0);
        QVERIFY2(stats.err.contains("opened read-only"), qPrintable(stats.err));
        QVERIFY(stats.out.contains("\"judgments\":2000"));
        auto import = runCli({"import", ws, flame::test::fixture("import/shp.jsonl"), "--format", "shp"});
        QCOMPARE(import.exitCode, 2);
        QVERIFY2(import.err.contains("cannot be written"), qPrintable(import.err));
        auto ro = Workspace::open(ws.toStdString(), WorkspaceMode::ReadOnly);
        QVERIFY(ro.ok() && ro->readOnly());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before); // nothing was written
    }

    void truncatedWorkspaceGivesAClearError() {
        const QString ws = m_dir.path() + "/truncated.flame";
        QCOMPARE(runCli({"init", ws}).exitCode, 0);
        QCOMPARE(runCli({"sample", ws, "--judgments", "3000", "-q"}).exitCode, 0);
        {
            auto w = Workspace::open(ws.toStdString());
            QVERIFY(w->db().exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
        }
        QFile f(ws);
        QVERIFY(f.resize(f.size() / 3));
        auto r = runCli({"export", ws, "--format", "judgments", "--output", m_dir.path() + "/t.jsonl", "-q"});
        QVERIFY(r.exitCode == 1 || r.exitCode == 2);
        QVERIFY2(r.err.contains(ws), qPrintable(r.err));
        QVERIFY2(r.err.contains("malformed") || r.err.contains("damaged") || r.err.contains("not a"), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
