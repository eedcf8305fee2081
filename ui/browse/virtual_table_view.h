#pragma once
// A table view for millions of rows of one fixed height (the judgment table).
//
// Why not QTableView: its vertical QHeaderView keeps one entry per row and walks them when the
// row count changes; measured on the 5.3M-row corpus, showing "all tasks" cost the GUI thread
// 40 to 400 ms per change (the issue allows 50). This view does the arithmetic instead (row =
// y / rowHeight), so a row count of 5.3M costs what a count of 50 does. It is a real
// QAbstractItemView: the model, selection model, delegates, keyboard navigation and the
// horizontal header (columns, resizable) work as in QTableView. Whole rows are selected.
//
// Limit: rows x row height must fit an int of pixels for the scroll bar (89M rows at 24 px).
#include <QAbstractItemView>

class QHeaderView;

namespace flame::ui {

class VirtualTableView : public QAbstractItemView {
    Q_OBJECT
public:
    explicit VirtualTableView(QWidget* parent = nullptr);
    ~VirtualTableView() override;

    void setModel(QAbstractItemModel* model) override;
    QHeaderView* horizontalHeader() const { return m_header; }
    int rowHeight() const { return m_rowHeight; }
    void setRowHeight(int height);
    void setColumnWidth(int column, int width);

    // As in QTableView.
    int rowAt(int y) const; // -1 below the last row
    int rowViewportPosition(int row) const;
    void selectRow(int row);

    QRect visualRect(const QModelIndex& index) const override;
    void scrollTo(const QModelIndex& index, ScrollHint hint = EnsureVisible) override;
    QModelIndex indexAt(const QPoint& point) const override;

protected:
    QModelIndex moveCursor(CursorAction action, Qt::KeyboardModifiers modifiers) override;
    int horizontalOffset() const override;
    int verticalOffset() const override;
    bool isIndexHidden(const QModelIndex& index) const override;
    void setSelection(const QRect& rect, QItemSelectionModel::SelectionFlags command) override;
    QRegion visualRegionForSelection(const QItemSelection& selection) const override;
    void paintEvent(QPaintEvent* event) override;
    void updateGeometries() override;
    void scrollContentsBy(int dx, int dy) override;
    void rowsInserted(const QModelIndex& parent, int start, int end) override;
    void rowsAboutToBeRemoved(const QModelIndex& parent, int start, int end) override;
    void reset() override;
    void resizeEvent(QResizeEvent* event) override;
    QSize viewportSizeHint() const override;
    QItemSelectionModel::SelectionFlags
    selectionCommand(const QModelIndex& index, const QEvent* event = nullptr) const override;

private:
    int rows() const;
    int visibleRows() const;
    QHeaderView* m_header;
    int m_rowHeight = 24;
};

} // namespace flame::ui
