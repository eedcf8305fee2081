#include "ui/browse/virtual_table_view.h"

#include <QHeaderView>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>

#include <limits>

namespace flame::ui {

VirtualTableView::VirtualTableView(QWidget* parent)
    : QAbstractItemView(parent), m_header(new QHeaderView(Qt::Horizontal, this)) {
    setSelectionBehavior(SelectRows);
    setSelectionMode(SingleSelection);
    setHorizontalScrollMode(ScrollPerPixel);
    setVerticalScrollMode(ScrollPerPixel);
    m_header->setSectionsClickable(false);
    m_header->setHighlightSections(false);
    m_header->setSectionsMovable(false);
    m_rowHeight = fontMetrics().height() + 8;
    connect(m_header, &QHeaderView::sectionResized, this, [this] {
        updateGeometries();
        viewport()->update();
    });
    connect(m_header, &QHeaderView::geometriesChanged, this, &VirtualTableView::updateGeometries);
    connect(horizontalScrollBar(), &QScrollBar::valueChanged, m_header, &QHeaderView::setOffset);
}

VirtualTableView::~VirtualTableView() {
    // ~QWidget hides the header, which then emits geometriesChanged; by then this object is only
    // a QWidget, and a slot of VirtualTableView called on it is undefined behaviour (UBSan).
    disconnect(m_header, nullptr, this, nullptr);
}

void VirtualTableView::setModel(QAbstractItemModel* model) {
    if (this->model()) disconnect(this->model(), nullptr, this, nullptr);
    QAbstractItemView::setModel(model);
    m_header->setModel(model);
    if (model)
        connect(model, &QAbstractItemModel::rowsRemoved, this, [this] {
            updateGeometries();
            viewport()->update();
        });
    updateGeometries();
}

void VirtualTableView::setRowHeight(int height) {
    m_rowHeight = std::max(4, height);
    updateGeometries();
    viewport()->update();
}

void VirtualTableView::setColumnWidth(int column, int width) {
    m_header->resizeSection(column, width);
}

int VirtualTableView::rows() const {
    return model() ? model()->rowCount(rootIndex()) : 0;
}

int VirtualTableView::visibleRows() const {
    return viewport()->height() / m_rowHeight + 2;
}

int VirtualTableView::rowAt(int y) const {
    const qint64 row = (qint64(y) + verticalOffset()) / m_rowHeight;
    return y < 0 || row >= rows() ? -1 : int(row);
}

int VirtualTableView::rowViewportPosition(int row) const {
    return int(qint64(row) * m_rowHeight - verticalOffset());
}

void VirtualTableView::selectRow(int row) {
    if (!model() || row < 0 || row >= rows()) return;
    const QModelIndex index = model()->index(row, 0, rootIndex());
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                 QItemSelectionModel::Rows);
    scrollTo(index);
}

QRect VirtualTableView::visualRect(const QModelIndex& index) const {
    if (!index.isValid()) return {};
    return QRect(m_header->sectionViewportPosition(index.column()),
                 rowViewportPosition(index.row()), m_header->sectionSize(index.column()),
                 m_rowHeight);
}

void VirtualTableView::scrollTo(const QModelIndex& index, ScrollHint hint) {
    if (!index.isValid()) return;
    const qint64 top = qint64(index.row()) * m_rowHeight;
    const int height = viewport()->height();
    const int current = verticalOffset();
    qint64 target = current;
    switch (hint) {
    case PositionAtTop:
        target = top;
        break;
    case PositionAtBottom:
        target = top + m_rowHeight - height;
        break;
    case PositionAtCenter:
        target = top + m_rowHeight / 2 - height / 2;
        break;
    case EnsureVisible:
        if (top < current)
            target = top;
        else if (top + m_rowHeight > current + height)
            target = top + m_rowHeight - height;
        break;
    }
    verticalScrollBar()->setValue(
        int(std::clamp<qint64>(target, 0, verticalScrollBar()->maximum())));
    // Columns: bring the cell's column into view horizontally.
    const int left = m_header->sectionPosition(index.column());
    const int width = m_header->sectionSize(index.column());
    const int h = horizontalOffset(), w = viewport()->width();
    if (left < h)
        horizontalScrollBar()->setValue(left);
    else if (left + width > h + w)
        horizontalScrollBar()->setValue(std::min(left, left + width - w));
    viewport()->update();
}

QModelIndex VirtualTableView::indexAt(const QPoint& point) const {
    const int row = rowAt(point.y());
    const int column = m_header->logicalIndexAt(point.x());
    if (!model() || row < 0 || column < 0) return {};
    return model()->index(row, column, rootIndex());
}

QModelIndex VirtualTableView::moveCursor(CursorAction action, Qt::KeyboardModifiers) {
    if (!model() || rows() == 0) return {};
    const QModelIndex current = currentIndex();
    int row = current.isValid() ? current.row() : 0;
    int column = current.isValid() ? current.column() : 0;
    const int page = std::max(1, viewport()->height() / m_rowHeight - 1);
    switch (action) {
    case MoveUp:
        row = std::max(0, row - 1);
        break;
    case MoveDown:
        row = current.isValid() ? std::min(rows() - 1, row + 1) : 0;
        break;
    case MovePageUp:
        row = std::max(0, row - page);
        break;
    case MovePageDown:
        row = std::min(rows() - 1, row + page);
        break;
    case MoveHome:
        row = 0;
        break;
    case MoveEnd:
        row = rows() - 1;
        break;
    case MoveLeft:
    case MovePrevious:
        column = std::max(0, column - 1);
        break;
    case MoveRight:
    case MoveNext:
        column = std::min(model()->columnCount(rootIndex()) - 1, column + 1);
        break;
    }
    return model()->index(row, column, rootIndex());
}

int VirtualTableView::horizontalOffset() const {
    return horizontalScrollBar()->value();
}
int VirtualTableView::verticalOffset() const {
    return verticalScrollBar()->value();
}
bool VirtualTableView::isIndexHidden(const QModelIndex&) const {
    return false;
}

QItemSelectionModel::SelectionFlags VirtualTableView::selectionCommand(const QModelIndex& index,
                                                                       const QEvent* event) const {
    return QAbstractItemView::selectionCommand(index, event) | QItemSelectionModel::Rows;
}

void VirtualTableView::setSelection(const QRect& rect,
                                    QItemSelectionModel::SelectionFlags command) {
    if (!model() || !selectionModel()) return;
    const QRect r = rect.normalized();
    int first = rowAt(r.top()), last = rowAt(r.bottom());
    if (first < 0) first = rows() - 1;
    if (last < 0) last = rows() - 1;
    if (first < 0) return;
    const int columns = model()->columnCount(rootIndex());
    selectionModel()->select(
        QItemSelection(model()->index(std::min(first, last), 0, rootIndex()),
                       model()->index(std::max(first, last), columns - 1, rootIndex())),
        command | QItemSelectionModel::Rows);
}

QRegion VirtualTableView::visualRegionForSelection(const QItemSelection& selection) const {
    QRegion region;
    const int top = verticalOffset() / m_rowHeight, bottom = top + visibleRows();
    for (const QItemSelectionRange& range : selection) {
        const int first = std::max(range.top(), top), last = std::min(range.bottom(), bottom);
        if (first > last) continue;
        region += QRect(0, rowViewportPosition(first), viewport()->width(),
                        (last - first + 1) * m_rowHeight);
    }
    return region;
}

void VirtualTableView::paintEvent(QPaintEvent* event) {
    QPainter painter(viewport());
    if (!model()) return;
    const int total = rows();
    const int columns = model()->columnCount(rootIndex());
    const int firstRow = std::max(0, rowAt(event->rect().top()));
    int lastRow = rowAt(event->rect().bottom());
    if (lastRow < 0) lastRow = total - 1;
    const QModelIndex current = currentIndex();
    const bool focus = hasFocus();
    const QColor alternate = palette().color(QPalette::AlternateBase);
    QStyleOptionViewItem base;
    initViewItemOption(&base);
    for (int row = firstRow; row <= lastRow && row < total; ++row) {
        const int y = rowViewportPosition(row);
        if (alternatingRowColors() && (row & 1))
            painter.fillRect(QRect(0, y, viewport()->width(), m_rowHeight), alternate);
        for (int column = 0; column < columns; ++column) {
            if (m_header->isSectionHidden(column)) continue;
            const QModelIndex index = model()->index(row, column, rootIndex());
            QStyleOptionViewItem option = base;
            option.rect = QRect(m_header->sectionViewportPosition(column), y,
                                m_header->sectionSize(column), m_rowHeight);
            if (!option.rect.intersects(event->rect())) continue;
            if (selectionModel() && selectionModel()->isSelected(index))
                option.state |= QStyle::State_Selected;
            if (focus && current.row() == row) option.state |= QStyle::State_HasFocus;
            if (row & 1) option.features |= QStyleOptionViewItem::Alternate;
            itemDelegateForIndex(index)->paint(&painter, option, index);
        }
    }
}

void VirtualTableView::updateGeometries() {
    const int headerHeight = m_header->sizeHint().height();
    setViewportMargins(0, headerHeight, 0, 0);
    const QRect vg = viewport()->geometry();
    m_header->setGeometry(vg.left(), vg.top() - headerHeight, vg.width(), headerHeight);
    // Vertical: one pixel per pixel of rows (qint64 math; clamped to the scroll bar's int).
    const qint64 content = qint64(rows()) * m_rowHeight;
    const qint64 maxV = std::max<qint64>(0, content - viewport()->height());
    verticalScrollBar()->setRange(0, int(std::min<qint64>(maxV, std::numeric_limits<int>::max())));
    verticalScrollBar()->setSingleStep(m_rowHeight);
    verticalScrollBar()->setPageStep(std::max(m_rowHeight, viewport()->height() - m_rowHeight));
    const int width = m_header->length();
    horizontalScrollBar()->setRange(0, std::max(0, width - viewport()->width()));
    horizontalScrollBar()->setPageStep(viewport()->width());
    horizontalScrollBar()->setSingleStep(20);
    m_header->setOffset(horizontalOffset());
    QAbstractItemView::updateGeometries();
}

void VirtualTableView::scrollContentsBy(int dx, int dy) {
    if (dx) m_header->setOffset(horizontalOffset());
    viewport()->scroll(dx, dy);
}

void VirtualTableView::rowsInserted(const QModelIndex& parent, int start, int end) {
    QAbstractItemView::rowsInserted(parent, start, end);
    updateGeometries();
    viewport()->update();
}

void VirtualTableView::rowsAboutToBeRemoved(const QModelIndex& parent, int start, int end) {
    QAbstractItemView::rowsAboutToBeRemoved(parent, start, end);
    viewport()->update();
}

void VirtualTableView::reset() {
    QAbstractItemView::reset();
    verticalScrollBar()->setValue(0);
    updateGeometries();
    viewport()->update();
}

void VirtualTableView::resizeEvent(QResizeEvent* event) {
    QAbstractItemView::resizeEvent(event);
    updateGeometries();
}

QSize VirtualTableView::viewportSizeHint() const {
    return {m_header->length(), m_rowHeight * 20};
}

} // namespace flame::ui
