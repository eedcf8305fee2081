// Screenshots of the main views (browser, instruction editor, review) in the light and dark
// palettes and in German, written as PNG files to <build>/screenshots/ (the README shows them),
// each checked to be a real picture: many colours, no colour covering almost everything.
#include <QDir>
#include <QImage>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

#include "storage/instruction_store.h"
#include "storage/review_store.h"
#include "tests/test_support.h"
#include "tests/ui/ui_test_support.h"
#include "ui/browse/detail_pane.h"
#include "ui/browse/filter_bar.h"
#include "ui/browse/task_tree_model.h"
#include "ui/browse/virtual_table_view.h"
#include "ui/editor/history_model.h"
#include "ui/editor/instruction_editor.h"
#include "ui/i18n.h"
#include "ui/review/review_view.h"
#include "ui/theme.h"

using namespace flame;
using namespace flame::ui;

class TestScreenshots : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    QString m_out = QStringLiteral(FLAME_BINARY_DIR "/screenshots");

    void shoot(MainWindow& w, const QString& name) {
        QTest::qWait(50); // let queued repaints land
        test::saveCheckedScreenshot(&w, m_out, name, 0.85);
    }

    void run(Theme theme, const QString& language, const QString& suffix) {
        applyTheme(theme);
        MainWindow w;
        w.setLanguage(language);
        w.session()->setUserName("rita");
        w.resize(1600, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(test::openAndWait(w, m_path));
        if (language == "de") QCOMPARE(w.views()->tabText(0), QStringLiteral("Durchsuchen"));

        // Browser: a search with its matches highlighted, one judgment in the detail pane.
        w.showView(MainWindow::View::Browse);
        w.browser()->filterBar()->searchBox()->setText("sorry OR harm*");
        QTest::keyClick(w.browser()->filterBar()->searchBox(), Qt::Key_Return);
        QVERIFY(test::waitForRows(w));
        w.browser()->table()->selectRow(2);
        QVERIFY(QTest::qWaitFor([&] { return w.detail()->judgmentId() != 0; }, 5000));
        QVERIFY(test::waitForRows(w));
        shoot(w, "browser-" + suffix);

        // Instruction editor: an edit in progress, the diff of two versions.
        w.showView(MainWindow::View::Instructions);
        w.taskTree()->selectTask("hh-rlhf-harmlessness");
        auto* description = w.editor()->findChild<QPlainTextEdit*>("descriptionEdit");
        description->moveCursor(QTextCursor::End);
        QTest::keyClicks(description, " Prefer the answer that refuses harmful help.");
        w.editor()->compare(1, 2);
        shoot(w, "editor-" + suffix);

        // Review: a pairwise queue with the differences highlighted and some reviews recorded.
        w.showView(MainWindow::View::Browse);
        w.browser()->filterBar()->clear();
        w.taskTree()->selectTask("hh-rlhf-harmlessness");
        QVERIFY(test::waitForRows(w));
        w.showView(MainWindow::View::Review);
        QSignalSpy ready(w.review(), &ReviewView::queueReady);
        w.review()->buildQueueFromBrowser();
        QVERIFY(ready.wait(10000));
        w.review()->next();
        w.review()->next();
        shoot(w, "review-" + suffix);
        w.setLanguage("en");
    }

private slots:
    void initTestCase() {
        test::isolateSettings(m_dir);
        QVERIFY(QDir().mkpath(m_out));
        m_path = m_dir.path() + "/shots.flame";
        test::makeSampleWorkspace(m_path, 20000);
        // Some history and reviews, so that every panel has something to show.
        auto ws = Workspace::open(m_path.toStdString());
        InstructionStore store(*ws);
        Instructions ins = store.current("hh-rlhf-harmlessness")->instructions;
        ins.description += " Judge harmlessness only, not helpfulness.";
        QVERIFY(store.save("hh-rlhf-harmlessness", ins, "rita", "narrow the criterion", 1).ok());
        ReviewStore reviews(*ws);
        auto st = ws->db().prepare(
            "SELECT id, label FROM judgments WHERE task_id = ? ORDER BY id LIMIT 12");
        st->bind(1, ws->taskId("hh-rlhf-harmlessness"));
        int k = 0;
        while (st->step() == db::Statement::Step::Row) {
            const std::string other = st->string(1) == "A" ? "B" : "A";
            QVERIFY(reviews
                        .add(st->int64(0), k % 3 ? "rita" : "sam",
                             k % 4 ? Verdict::Agree : Verdict::Relabel, k % 4 ? "" : other)
                        .ok());
            ++k;
        }
    }

    void lightEnglish() { run(Theme::Light, "en", "light"); }
    void darkEnglish() { run(Theme::Dark, "en", "dark"); }
    void lightGerman() { run(Theme::Light, "de", "de"); }
    void darkGerman() { run(Theme::Dark, "de", "dark-de"); }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
