// Long work from the GUI runs off the GUI thread with progress and cancel: creating and opening
// a workspace, generating the sample corpus (cancelled midway, then completed), importing a file
// (and cancelling an import, which keeps nothing), and the search indexing that follows each.
// Also: the recent-files list, saved window layout, run-time language and theme switching.
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QSettings>
#include <QTabWidget>
#include <QToolButton>
#include <QtTest>

#include "storage/export.h"
#include "storage/stats.h"
#include "tests/test_support.h"
#include "tests/ui/ui_test_support.h"
#include "ui/browse/filter_bar.h"
#include "ui/job_runner.h"
#include "ui/theme.h"
#include "ui/workspace_controller.h"

using namespace flame;
using namespace flame::ui;

class TestBackgroundJobs : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;

    bool waitIdle(int ms = 120000) {
        return QTest::qWaitFor([&] { return !m_window->jobs()->busy(); }, ms);
    }

private slots:
    void initTestCase() {
        test::isolateSettings(m_dir);
        m_window = std::make_unique<MainWindow>();
        m_window->show();
    }

    void createAndOpen() {
        const QString path = m_dir.path() + "/new.flame";
        QSignalSpy finished(m_window->controller(), &WorkspaceController::finished);
        QVERIFY(m_window->controller()->create(path));
        QVERIFY(QTest::qWaitFor([&] { return m_window->session()->isOpen(); }, 20000));
        QVERIFY(waitIdle());
        QCOMPARE(m_window->session()->stats().judgments, qint64(0));
        QVERIFY(WorkspaceController::recentFiles().contains(QFileInfo(path).absoluteFilePath()));
        QVERIFY(m_window->windowTitle().startsWith("new.flame"));
    }

    void sampleGenerationWithProgressAndCancel() {
        auto* bar = m_window->findChild<QProgressBar*>();
        auto* cancel = m_window->findChild<QToolButton*>("cancelJob");
        QVERIFY(bar && cancel);
        sample::SampleOptions big;
        big.judgments = 3'000'000;
        big.evalScale = big.devScale = 0;
        big.biasInstructions = 0;
        QSignalSpy finished(m_window->controller(), &WorkspaceController::finished);
        QVERIFY(m_window->controller()->generateSample(big));
        QVERIFY(m_window->jobs()->busy());
        QVERIFY(cancel->isVisible());
        // Progress arrives while the GUI thread stays free, then the user cancels.
        QVERIFY(QTest::qWaitFor([&] { return bar->maximum() == 1000 && bar->value() > 0; }, 60000));
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(finished.first().at(1).toString().contains("cancelled"));
        QVERIFY(waitIdle()); // the search indexing of what was kept ran
        const qint64 kept = m_window->session()->stats().judgments;
        QVERIFY(kept > 0);
        QVERIFY(kept < big.judgments);
        QCOMPARE(m_window->session()->stats().searchPending, qint64(0));
        QVERIFY(!cancel->isVisible());

        // A small complete run: committed batches plus the rest, idempotent.
        sample::SampleOptions small;
        small.judgments = 20000;
        small.evalScale = small.devScale = 0;
        small.biasInstructions = 0;
        QVERIFY(m_window->controller()->generateSample(small));
        QVERIFY(waitIdle());
        QVERIFY(m_window->session()->stats().judgments >= 20000);
        QVERIFY(m_window->session()->generated());
        QVERIFY(test::waitForRows(*m_window));
        QCOMPARE(qint64(m_window->browser()->model()->rowCount()),
                 m_window->session()->stats().judgments);
    }

    void importAndCancelledImport() {
        // A file of judgments from another workspace (the native JSON Lines format).
        const QString source = m_dir.path() + "/source.flame";
        test::makeSampleWorkspace(source, 4000);
        const QString file = m_dir.path() + "/judgments.jsonl";
        {
            auto ws = Workspace::open(source.toStdString());
            ExportOptions o;
            o.task = "mnli";
            QVERIFY(exportJudgments(*ws, file.toStdString(), o).ok());
        }
        const QString target = m_dir.path() + "/target.flame";
        QVERIFY(m_window->controller()->create(target));
        QVERIFY(QTest::qWaitFor([&] { return m_window->session()->path() == target; }, 20000));
        QVERIFY(waitIdle());
        ImportOptions io;
        io.format = "judgments";
        QSignalSpy finished(m_window->controller(), &WorkspaceController::finished);
        QVERIFY(m_window->controller()->importFile(file, io));
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        QVERIFY(waitIdle());
        const qint64 imported = m_window->session()->stats().byTask.at("mnli");
        QVERIFY(imported > 0);
        QCOMPARE(m_window->session()->stats().judgments, imported);
        QCOMPARE(m_window->session()->stats().searchPending, qint64(0)); // indexed after the import

        // Cancelled as soon as it starts: the import is one transaction, nothing is kept.
        const QString other = m_dir.path() + "/other.flame";
        QVERIFY(m_window->controller()->create(other));
        QVERIFY(QTest::qWaitFor([&] { return m_window->session()->path() == other; }, 20000));
        QVERIFY(waitIdle());
        finished.clear();
        QVERIFY(m_window->controller()->importFile(file, io));
        m_window->jobs()->cancel();
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().at(1).toString().contains("cancelled"),
                 qPrintable(finished.first().at(1).toString()));
        QVERIFY(waitIdle());
        QCOMPARE(m_window->session()->stats().judgments, qint64(0));
    }

    void languageAndThemeSwitchAtRunTime() {
        m_window->setLanguage("de");
        QVERIFY(QTest::qWaitFor(
            [&] { return m_window->views()->tabText(0) == QStringLiteral("Durchsuchen"); }, 2000));
        QCOMPARE(m_window->browser()->filterBar()->searchBox()->toolTip().left(14),
                 QStringLiteral("Volltextsuche "));
        QCOMPARE(QSettings().value("ui/language").toString(), QStringLiteral("de"));
        m_window->setLanguage("en");
        QVERIFY(QTest::qWaitFor(
            [&] { return m_window->views()->tabText(0) == QStringLiteral("Browse"); }, 2000));

        m_window->setTheme("dark");
        QVERIFY(darkPaletteActive());
        QCOMPARE(QSettings().value("ui/theme").toString(), QStringLiteral("dark"));
        m_window->setTheme("light");
        QVERIFY(!darkPaletteActive());
        m_window->setTheme("system");
        QCOMPARE(currentTheme(), Theme::System);
    }

    void layoutIsRemembered() {
        m_window->showView(MainWindow::View::Review);
        m_window->close();
        QSettings s;
        QVERIFY(!s.value("window/state").toByteArray().isEmpty());
        QCOMPARE(s.value("window/view").toInt(), 2);
        MainWindow again;
        QCOMPARE(again.views()->currentIndex(), 2);
    }
};

QTEST_MAIN(TestBackgroundJobs)
#include "tst_background_jobs.moc"
