// The row-virtual table view: geometry by arithmetic at any row count (50 million rows here, with
// a model that computes its cells), keyboard navigation, row selection by click, scrolling to a
// row, and that a change of row count costs nothing per row (it would take seconds otherwise).
#include <QHeaderView>
#include <QScrollBar>
#include <QtTest>

#include "ui/browse/virtual_table_view.h"

using namespace flame::ui;

namespace {

class HugeModel : public QAbstractTableModel {
public:
    int rows = 50'000'000;
    int rowCount(const QModelIndex& p = {}) const override { return p.isValid() ? 0 : rows; }
    int columnCount(const QModelIndex& p = {}) const override { return p.isValid() ? 0 : 3; }
    QVariant data(const QModelIndex& i, int role) const override {
        return role == Qt::DisplayRole
                   ? QVariant(QStringLiteral("r%1c%2").arg(i.row()).arg(i.column()))
                   : QVariant();
    }
    void setRows(int n) {
        beginResetModel();
        rows = n;
        endResetModel();
    }
};

} // namespace

class TestVirtualTableView : public QObject {
    Q_OBJECT

private slots:
    void geometryAndNavigation() {
        HugeModel model;
        VirtualTableView view;
        view.setModel(&model);
        view.setRowHeight(20);
        view.resize(600, 420);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const int visible = view.viewport()->height() / 20;
        QCOMPARE(view.rowAt(0), 0);
        QCOMPARE(view.rowAt(45), 2);
        QCOMPARE(view.verticalScrollBar()->maximum(), 50'000'000 * 20 - view.viewport()->height());

        view.setFocus();
        view.selectRow(0);
        QTest::keyClick(&view, Qt::Key_Down);
        QCOMPARE(view.currentIndex().row(), 1);
        QTest::keyClick(&view, Qt::Key_PageDown);
        QCOMPARE(view.currentIndex().row(), 1 + visible - 1);
        QTest::keyClick(&view, Qt::Key_End, Qt::ControlModifier);
        QCOMPARE(view.currentIndex().row(), 50'000'000 - 1);
        QCOMPARE(view.rowAt(view.viewport()->height() - 1), 50'000'000 - 1); // scrolled to the end
        QCOMPARE(view.rowAt(view.viewport()->height() + 20), -1);            // below the last row
        QVERIFY(view.selectionModel()->isRowSelected(50'000'000 - 1, {}));

        // Scroll to a row in the middle and click one: the whole row is selected.
        view.scrollTo(model.index(25'000'000, 0), QAbstractItemView::PositionAtTop);
        QCOMPARE(view.rowAt(0), 25'000'000);
        const QRect cell = view.visualRect(model.index(25'000'003, 1));
        QCOMPARE(cell.top(), 60);
        QCOMPARE(cell.height(), 20);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(view.currentIndex().row(), 25'000'003);
        QVERIFY(view.selectionModel()->isRowSelected(25'000'003, {}));
        QCOMPARE(view.indexAt(cell.center()), model.index(25'000'003, 1));
        QCOMPARE(view.rowAt(-1), -1);

        // Row count changes: from 50M to 3 and back; no per-row work, the geometry follows.
        model.setRows(3);
        QCOMPARE(view.verticalScrollBar()->maximum(), 0);
        QCOMPARE(view.rowAt(70), -1);
        model.setRows(50'000'000);
        QCOMPARE(view.verticalScrollBar()->value(), 0);
        view.horizontalHeader()->resizeSection(0, 300);
        QCOMPARE(view.visualRect(model.index(0, 1)).left(), 300);
        QVERIFY(!view.grab().isNull());
    }
};

QTEST_MAIN(TestVirtualTableView)
#include "tst_virtual_table_view.moc"
