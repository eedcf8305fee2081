// The corpus browser driven like a curator drives it: the task tree, the filter boxes, the search
// box (with highlighting and the inline message for a malformed expression), "go to id", the
// detail pane in the unified format with an older instruction version, the review-state filter,
// and the shortcut list.
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTableWidget>
#include <QtTest>

#include "model/format.h"
#include "storage/instruction_store.h"
#include "storage/judgment_store.h"
#include "storage/review_store.h"
#include "tests/test_support.h"
#include "tests/ui/ui_test_support.h"
#include "ui/browse/detail_pane.h"
#include "ui/browse/filter_bar.h"
#include "ui/browse/highlight_delegate.h"
#include "ui/browse/task_tree_model.h"
#include "ui/browse/virtual_table_view.h"
#include "ui/dialogs.h"
#include "ui/editor/instruction_editor.h"

using namespace flame;
using namespace flame::ui;

class TestBrowserView : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<MainWindow> m_window;

    JudgmentTableModel* model() const { return m_window->browser()->model(); }
    FilterBar* bar() const { return m_window->browser()->filterBar(); }
    Workspace& ws() const { return *m_window->session()->workspace(); }

    void typeSearch(const QString& text) {
        QLineEdit* box = bar()->searchBox();
        box->clear();
        QTest::keyClicks(box, text);
        QTest::keyClick(box, Qt::Key_Return);
    }

private slots:
    void initTestCase() {
        test::isolateSettings(m_dir);
        m_path = m_dir.path() + "/browse.flame";
        test::makeSampleWorkspace(m_path, 15000);
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1400, 860);
        m_window->show();
        QVERIFY(test::openAndWait(*m_window, m_path));
    }

    void opensOnEveryRow() {
        QVERIFY(test::waitForRows(*m_window));
        QCOMPARE(qint64(model()->rowCount()), m_window->session()->stats().judgments);
        auto* status = m_window->findChild<QLabel*>("browserStatus");
        QVERIFY(status->text().contains(QLocale().toString(qlonglong(15000))));
        QVERIFY(status->text().contains("GENERATED"));
        QVERIFY(m_window->windowTitle().contains("browse.flame"));
    }

    void treeSelectsTasks() {
        m_window->taskTree()->selectTask("mnli");
        QVERIFY(test::waitForRows(*m_window));
        QCOMPARE(qint64(model()->rowCount()), m_window->session()->stats().byTask.at("mnli"));
        for (int r = 0; r < std::min(20, model()->rowCount()); ++r)
            QCOMPARE(model()->index(r, JudgmentTableModel::TaskColumn).data().toString(),
                     QStringLiteral("mnli"));
        QCOMPARE(m_window->editor()->taskKey(),
                 QStringLiteral("mnli")); // the editor follows one chosen task
        // A capability node selects all of its tasks.
        const QModelIndex all = m_window->taskTree()->model()->index(0, 0);
        const QModelIndex safety = all.model()->index(2, 0, all);
        m_window->taskTree()->selectionModel()->select(safety, QItemSelectionModel::ClearAndSelect |
                                                                   QItemSelectionModel::Rows);
        QVERIFY(test::waitForRows(*m_window));
        QCOMPARE(qint64(model()->rowCount()),
                 m_window->session()->stats().byCapability.at("safety"));
        m_window->taskTree()->selectionModel()->select(all, QItemSelectionModel::ClearAndSelect |
                                                                QItemSelectionModel::Rows);
        QVERIFY(test::waitForRows(*m_window));
        QCOMPARE(qint64(model()->rowCount()), qint64(15000));
    }

    void filterBoxes() {
        auto* split = m_window->findChild<QComboBox*>("splitFilter");
        split->setCurrentIndex(split->findData(int(Split::Test)));
        QVERIFY(test::waitForRows(*m_window));
        QCOMPARE(qint64(model()->rowCount()), m_window->session()->stats().bySplit.at("test"));
        auto* type = m_window->findChild<QComboBox*>("typeFilter");
        type->setCurrentIndex(type->findData(int(TaskType::Pairwise)));
        QVERIFY(test::waitForRows(*m_window));
        for (int r = 0; r < std::min(30, model()->rowCount()); ++r) {
            QCOMPARE(model()->index(r, JudgmentTableModel::SplitColumn).data().toString(),
                     QStringLiteral("test"));
            QCOMPARE(model()->index(r, JudgmentTableModel::TypeColumn).data().toString(),
                     QStringLiteral("pairwise"));
        }
        auto* label = m_window->findChild<QComboBox*>("labelFilter");
        label->setEditText("A");
        QVERIFY(QTest::qWaitFor([&] { return model()->filter().label == "A"; },
                                3000)); // applied after typing pauses
        QVERIFY(test::waitForRows(*m_window));
        QVERIFY(model()->rowCount() > 0);
        for (int r = 0; r < std::min(30, model()->rowCount()); ++r)
            QCOMPARE(model()->index(r, JudgmentTableModel::LabelColumn).data().toString(),
                     QStringLiteral("A"));
        bar()->clear();
        QVERIFY(test::waitForRows(*m_window));
        QCOMPARE(model()->rowCount(), 15000);
    }

    void searchHighlightsAndRejectsMalformed() {
        typeSearch("refus* OR sorry");
        QVERIFY(test::waitForRows(*m_window));
        const int hits = model()->rowCount();
        QVERIFY2(hits > 0,
                 qPrintable(m_window->findChild<QLabel*>("searchMessage")->text() + " / " +
                            QString::fromStdString(model()->filter().search) + " / " +
                            m_window->findChild<QLabel*>("browserStatus")->text()));
        QVERIFY(hits < 15000);
        QCOMPARE(model()->searchTerms().size(), std::size_t(2));
        // The first hit, selected: the detail pane shows it with the matches marked.
        VirtualTableView* table = m_window->browser()->table();
        table->selectRow(0);
        QVERIFY(QTest::qWaitFor(
            [&] { return m_window->detail()->judgmentId() == model()->judgmentId(0); }, 5000));
        QVERIFY(
            !matchRanges(m_window->detail()->formattedText(), model()->searchTerms()).isEmpty());

        // Malformed: an inline message, the results stay.
        auto* message = m_window->findChild<QLabel*>("searchMessage");
        typeSearch("(refus* OR");
        QVERIFY(message->isVisible());
        QVERIFY(message->text().contains("parentheses") ||
                message->text().contains("nothing on one side"));
        QCOMPARE(model()->rowCount(), hits);
        QCOMPARE(model()->filter().search, std::string("refus* OR sorry"));
        typeSearch("NOT sorry");
        QVERIFY(message->isVisible());
        typeSearch("");
        QVERIFY(!message->isVisible());
        QVERIFY(test::waitForRows(*m_window));
        QCOMPARE(model()->rowCount(), 15000);
    }

    void jumpToId() {
        const qint64 target = 12345;
        QTest::keyClicks(bar()->jumpBox(), QString::number(target));
        QTest::keyClick(bar()->jumpBox(), Qt::Key_Return);
        VirtualTableView* table = m_window->browser()->table();
        QVERIFY(QTest::qWaitFor(
            [&] {
                const QModelIndex c = table->currentIndex();
                return c.isValid() && model()->judgmentId(c.row()) == target;
            },
            5000));
        QVERIFY(QTest::qWaitFor([&] { return m_window->detail()->judgmentId() == target; }, 5000));
        // The detail pane is the unified format with the task's current instructions.
        auto j = loadJudgment(ws(), target);
        InstructionStore store(ws());
        const std::string expected =
            formatExample(store.current((*j)->taskKey)->instructions, (*j)->context, (*j)->target);
        QCOMPARE(m_window->detail()->formattedText(), QString::fromStdString(expected));

        // Outside the filter: said inline.
        m_window->taskTree()->selectTask("mnli");
        QVERIFY(test::waitForRows(*m_window));
        const qint64 outside = (*j)->taskKey == "mnli" ? 1 : target;
        bar()->jumpBox()->clear();
        QTest::keyClicks(bar()->jumpBox(), QString::number(outside));
        QTest::keyClick(bar()->jumpBox(), Qt::Key_Return);
        auto* message = m_window->findChild<QLabel*>("searchMessage");
        QVERIFY(QTest::qWaitFor(
            [&] {
                return message->isVisible() && message->text().contains(QString::number(outside));
            },
            5000));
    }

    void detailShowsOlderInstructionVersions() {
        m_window->taskTree()->selectTask("mnli");
        QVERIFY(test::waitForRows(*m_window));
        InstructionStore store(ws());
        const Instructions v1 = store.current("mnli")->instructions;
        Instructions v2 = v1;
        v2.title = "Does the premise entail the hypothesis? (v2)";
        QVERIFY(store.save("mnli", v2, "tester", "new title", 1).ok());
        m_window->session()->notifyInstructionsChanged("mnli");
        m_window->browser()->table()->selectRow(3);
        const qint64 id = model()->judgmentId(3);
        QVERIFY(QTest::qWaitFor([&] { return m_window->detail()->judgmentId() == id; }, 5000));
        QComboBox* versions = m_window->detail()->versionBox();
        QCOMPARE(versions->count(), 2);
        QVERIFY(m_window->detail()->formattedText().contains(QString::fromStdString(v2.title)));
        versions->setCurrentIndex(1);
        QVERIFY(m_window->detail()->formattedText().contains(
            QString::fromStdString("title: " + v1.title)));
    }

    void reviewStateFilter() {
        const qint64 id = model()->judgmentId(0);
        QVERIFY(ReviewStore(ws()).add(id, "tester", Verdict::Flag, {}, "check").ok());
        m_window->session()->notifyReviewsChanged(id);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return model()->index(0, JudgmentTableModel::ReviewColumn).data().toString() ==
                       "flagged";
            },
            5000));
        auto* review = m_window->findChild<QComboBox*>("reviewFilter");
        review->setCurrentIndex(review->findData(int(ReviewFilter::Flagged)));
        QVERIFY(test::waitForRows(*m_window));
        QCOMPARE(model()->rowCount(), 1);
        QCOMPARE(model()->judgmentId(0), id);
        bar()->clear();
    }

    void shortcutsAreListed() {
        ShortcutsDialog dialog(m_window.get());
        QTableWidget* t = dialog.table();
        QStringList rows;
        for (int r = 0; r < t->rowCount(); ++r)
            rows << t->item(r, 1)->text() + " = " + t->item(r, 2)->text();
        QVERIFY2(rows.contains("Prefer A = A"), qPrintable(rows.join("; ")));
        QVERIFY(rows.contains("Agree with the label = Space"));
        QVERIFY(rows.contains("Undo the last review = U, Ctrl+Z"));
        QVERIFY(rows.contains("Go to judgment id… = Ctrl+J"));
        QVERIFY(rows.contains("Save instructions = Ctrl+S"));
        // The instruction editor's undo (its text follows the undo stack: "Undo edit title", ...).
        QVERIFY(rows.filter(QRegularExpression("^Undo.* = Ctrl\\+Z$")).size() == 1);
    }
};

QTEST_MAIN(TestBrowserView)
#include "tst_browser_view.moc"
