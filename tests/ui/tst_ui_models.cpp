// Every item model of the studio under QAbstractItemModelTester (which checks the model's
// invariants on every change): the virtual judgment table while its loader thread delivers rows
// for changing filters (exact, scanned, full-text), the task tree, the version history and the
// agreement table. Also: the table's rows match the storage layer's, placeholders never block.
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QtTest>

#include "storage/browse.h"
#include "storage/instruction_store.h"
#include "storage/review_store.h"
#include "storage/stats.h"
#include "tests/test_support.h"
#include "tests/ui/ui_test_support.h"
#include "ui/browse/judgment_table_model.h"
#include "ui/browse/task_tree_model.h"
#include "ui/editor/history_model.h"
#include "ui/review/agreement_panel.h"
#include "ui/workspace_session.h"

using namespace flame;
using namespace flame::ui;

class TestUiModels : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;

    std::unique_ptr<Workspace> openWs() {
        auto ws = Workspace::open(m_path.toStdString());
        if (!ws) qFatal("%s", ws.error().toString().c_str());
        return std::make_unique<Workspace>(std::move(ws).value());
    }

    // Makes the model load rows [first, first + n) the way a view does (data() calls) and waits.
    static bool loadRows(JudgmentTableModel& m, int first, int n) {
        return QTest::qWaitFor(
            [&] {
                bool all = true;
                for (int r = first; r < std::min(first + n, m.rowCount()); ++r)
                    all &= m.data(m.index(r, JudgmentTableModel::IdColumn),
                                  JudgmentTableModel::LoadedRole)
                               .toBool();
                return all;
            },
            10000);
    }

private slots:
    void initTestCase() {
        test::isolateSettings(m_dir);
        m_path = m_dir.path() + "/models.flame";
        test::makeSampleWorkspace(m_path, 12000);
    }

    void judgmentTableUnderTester() {
        WorkspaceSession session;
        JudgmentTableModel model(&session);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        session.adopt(openWs());
        QVERIFY(QTest::qWaitFor([&] { return model.layoutKnown(); }, 10000));
        QCOMPARE(model.rowCount(), int(session.stats().judgments));
        QVERIFY(model.complete());
        // Unloaded rows answer at once with a placeholder.
        const QModelIndex far = model.index(model.rowCount() - 1, JudgmentTableModel::TextColumn);
        QVERIFY(!model.data(far, JudgmentTableModel::LoadedRole).toBool());
        QVERIFY(!model.data(far).toString().isEmpty());
        QVERIFY(loadRows(model, model.rowCount() - 40, 40));
        QVERIFY(loadRows(model, 0, 300));

        // The rows are the storage layer's rows, in its order.
        Workspace* ws = session.workspace();
        auto reference = BrowseSession::create(*ws, {});
        auto ids = reference->fetchIds(0, 300);
        for (int r = 0; r < 300; ++r)
            QCOMPARE(model.judgmentId(r), (*ids)[std::size_t(r)]);

        // A scanned filter: rows grow while the loader scans; then full text; then exact again.
        BrowseFilter label;
        label.label = "B";
        model.setFilter(label);
        QVERIFY(QTest::qWaitFor([&] { return model.complete(); }, 20000));
        auto bReference = BrowseSession::create(*ws, label);
        while (!bReference->complete())
            bReference->scanStep();
        QCOMPARE(qint64(model.rowCount()), bReference->knownRows());
        QVERIFY(loadRows(model, 0, 50));
        for (int r = 0; r < 50; ++r)
            QCOMPARE(model.data(model.index(r, JudgmentTableModel::LabelColumn)).toString(),
                     QStringLiteral("B"));

        BrowseFilter text;
        text.search = "refus* OR sorry";
        model.setFilter(text);
        QVERIFY(QTest::qWaitFor([&] { return model.complete(); }, 20000));
        QCOMPARE(model.searchTerms().size(), std::size_t(2));
        auto textReference = BrowseSession::create(*ws, text);
        while (!textReference->complete())
            textReference->scanStep();
        QVERIFY(textReference->knownRows() > 0);
        QCOMPARE(qint64(model.rowCount()), textReference->knownRows());
        QVERIFY(loadRows(model, 0, std::min(20, model.rowCount())));

        // Rapid filter changes: stale results are dropped, the last filter wins.
        for (int i = 0; i < 10; ++i) {
            BrowseFilter f;
            f.split = Split(i % 3);
            model.setFilter(f);
        }
        BrowseFilter last;
        last.split = Split::Test;
        model.setFilter(last);
        QVERIFY(QTest::qWaitFor([&] { return model.layoutKnown(); }, 10000));
        QCOMPARE(qint64(model.rowCount()), *estimateRows(*ws, last));
        QVERIFY(loadRows(model, 0, 100));
        for (int r = 0; r < 100; ++r)
            QCOMPARE(model.data(model.index(r, JudgmentTableModel::SplitColumn)).toString(),
                     QStringLiteral("test"));

        // Locating an id and asking for ids.
        const qint64 wanted = model.judgmentId(57);
        QSignalSpy located(&model, &JudgmentTableModel::located);
        model.locate(wanted);
        QVERIFY(located.wait(5000));
        QCOMPARE(located.first().at(1).toInt(), 57);
        QSignalSpy idSpy(&model, &JudgmentTableModel::idsReady);
        model.requestIds(10, 5, 42);
        QVERIFY(idSpy.wait(5000));
        QCOMPARE(idSpy.first().at(0).toInt(), 42);
        const auto got = idSpy.first().at(1).value<QVector<qint64>>();
        QCOMPARE(got.size(), 5);
        QCOMPARE(got.first(), model.judgmentId(10));

        session.close();
        QCOMPARE(model.rowCount(), 0);
    }

    void taskTreeUnderTester() {
        TaskTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto ws = openWs();
        auto stats = computeStats(*ws);
        model.rebuild(ws.get(), *stats);
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex all = model.index(0, 0);
        QCOMPARE(model.rowCount(all), 6); // six capabilities
        // Counts are the statistics table's.
        const QModelIndex mnli = model.indexOfTask("mnli");
        QVERIFY(mnli.isValid());
        const QString count =
            model.index(mnli.row(), TaskTreeModel::CountColumn, mnli.parent()).data().toString();
        QCOMPARE(count, QLocale().toString(qlonglong(stats->byTask.at("mnli"))));
        qint64 sum = 0;
        for (int c = 0; c < model.rowCount(all); ++c)
            sum += QLocale().toLongLong(
                model.index(c, TaskTreeModel::CountColumn, all).data().toString());
        QCOMPARE(sum, stats->judgments);
        model.rebuild(nullptr, {});
        QCOMPARE(model.rowCount(), 0);
    }

    void historyAndAgreementUnderTester() {
        auto ws = openWs();
        InstructionStore store(*ws);
        Instructions ins = store.current("mnli")->instructions;
        ins.title += " (edited)";
        FLAME_VERIFY_OK(store.save("mnli", ins, "tester", "edit", 1));
        HistoryModel history;
        QAbstractItemModelTester t1(&history,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        history.setVersions(*store.history("mnli"));
        QCOMPARE(history.rowCount(), 2);
        QCOMPARE(history.index(0).data(HistoryModel::VersionRole).toInt(), 2);
        QVERIFY(history.index(0).data().toString().contains("tester"));
        history.setVersions({});

        AgreementModel agreement;
        QAbstractItemModelTester t2(&agreement,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::vector<ReviewLabel> labels = {
            {"t1", "ann", 1, "A", "A"}, {"t1", "bob", 1, "A", "B"}, {"t2", "ann", 2, "B", "B"}};
        AgreementReport report = agreementReport(labels);
        agreement.setReport(report, AgreementModel::ByTask);
        QCOMPARE(agreement.rowCount(), 2);
        agreement.setReport(report, AgreementModel::ByReviewer);
        QCOMPARE(agreement.rowCount(), 2);
        QCOMPARE(agreement.index(0, AgreementModel::GroupColumn).data().toString(),
                 QStringLiteral("ann"));
        agreement.setReport(report, AgreementModel::BetweenReviewers);
        QCOMPARE(agreement.rowCount(), 1);
        QCOMPARE(agreement.index(0, AgreementModel::ShareColumn).data().toString(),
                 QStringLiteral("0.0 %"));
    }
};

QTEST_MAIN(TestUiModels)
#include "tst_ui_models.moc"
