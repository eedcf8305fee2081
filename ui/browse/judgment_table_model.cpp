#include "ui/browse/judgment_table_model.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>

#include "ui/labels.h"
#include "ui/workspace_session.h"

namespace flame::ui {

JudgmentTableModel::JudgmentTableModel(WorkspaceSession* session, QObject* parent)
    : QAbstractTableModel(parent), m_session(session), m_flush(new QTimer(this)) {
    m_flush->setSingleShot(true);
    m_flush->setInterval(0);
    connect(m_flush, &QTimer::timeout, this, &JudgmentTableModel::flushRequests);
    connect(session, &WorkspaceSession::opened, this, &JudgmentTableModel::startLoader);
    connect(session, &WorkspaceSession::aboutToClose, this, &JudgmentTableModel::stopLoader);
    if (session->isOpen()) startLoader();
}

JudgmentTableModel::~JudgmentTableModel() {
    stopLoader();
}

void JudgmentTableModel::startLoader() {
    stopLoader();
    m_loader = new RowLoader(m_session->path(), this);
    connect(m_loader, &RowLoader::layoutChanged, this, &JudgmentTableModel::onLayout);
    connect(m_loader, &RowLoader::rowsLoaded, this, &JudgmentTableModel::onRows);
    connect(m_loader, &RowLoader::located, this,
            [this](quint64 gen, qint64 id, int state, qint64 row) {
                if (gen != m_generation) return;
                if (state == int(BrowseSession::Locate::Found) && row < m_rows)
                    emit located(id, int(row));
                else
                    emit locateFailed(id, state == int(BrowseSession::Locate::NotScannedYet));
            });
    connect(m_loader, &RowLoader::idsLoaded, this,
            [this](quint64 gen, int tag, const QVector<qint64>& ids) {
                if (gen == m_generation) emit idsReady(tag, ids);
            });
    connect(m_loader, &RowLoader::failed, this,
            [this](quint64 gen, const QString& message, bool badInput) {
                if (gen == m_generation || gen == 0) emit filterFailed(message, badInput);
            });
    m_loader->start();
    setFilter(m_filter);
}

void JudgmentTableModel::stopLoader() {
    if (!m_loader) return;
    m_loader->stop();
    m_loader->wait();
    delete m_loader;
    m_loader = nullptr;
    beginResetModel();
    m_rows = 0;
    m_blocks.clear();
    m_wanted.clear();
    m_inFlight.clear();
    m_layoutKnown = false;
    endResetModel();
}

void JudgmentTableModel::setFilter(const BrowseFilter& filter) {
    beginResetModel();
    m_filter = filter;
    m_terms = filter.search.empty() ? std::vector<SearchTerm>{} : parseSearch(filter.search).terms;
    ++m_generation;
    m_rows = 0;
    m_upperBound = 0;
    m_layoutKnown = false;
    m_complete = false;
    m_blocks.clear();
    m_wanted.clear();
    m_inFlight.clear();
    endResetModel();
    if (m_loader) m_loader->setFilter(filter, m_generation);
}

void JudgmentTableModel::onLayout(quint64 generation, qint64 known, qint64 upperBound,
                                  bool complete) {
    if (generation != m_generation) return; // a stale filter's result
    m_upperBound = upperBound;
    m_complete = complete;
    m_layoutKnown = true;
    // QAbstractItemView addresses rows with int: more than 2^31 rows cannot be shown (the
    // corpus is 5.3M; the cap only keeps a pathological workspace from overflowing).
    const qint64 capped = std::min<qint64>(known, std::numeric_limits<int>::max() - 1);
    if (capped > m_rows) {
        beginInsertRows({}, int(m_rows), int(capped - 1));
        m_rows = capped;
        endInsertRows();
    }
    emit layoutUpdated(m_rows, m_upperBound, m_complete);
}

void JudgmentTableModel::onRows(quint64 generation, const RowBlockPtr& rows) {
    if (generation != m_generation || !rows) return;
    const qint64 index = rows->first / kBlockRows;
    m_inFlight.remove(index);
    Block b;
    b.rows = rows->rows;
    b.lastUse = ++m_useClock;
    if (m_blocks.size() >= kMaxBlocks) {
        // Evict the least recently used block (a linear pass over 256 entries).
        auto oldest = m_blocks.begin();
        for (auto it = m_blocks.begin(); it != m_blocks.end(); ++it)
            if (it->lastUse < oldest->lastUse) oldest = it;
        m_blocks.erase(oldest);
    }
    m_blocks.insert(index, std::move(b));
    const qint64 firstRow = index * kBlockRows;
    const qint64 lastRow = std::min(m_rows, firstRow + kBlockRows) - 1;
    if (lastRow >= firstRow)
        emit dataChanged(this->index(int(firstRow), 0), this->index(int(lastRow), ColumnCount - 1));
    emit blocksLoaded();
}

const JudgmentTableModel::Block* JudgmentTableModel::block(qint64 index) const {
    auto it = m_blocks.find(index);
    if (it == m_blocks.end()) {
        if (!m_inFlight.contains(index) && !m_wanted.contains(index)) {
            m_wanted.push_back(index);
            if (!m_flush->isActive()) m_flush->start();
        }
        return nullptr;
    }
    it->lastUse = ++m_useClock;
    return &*it;
}

void JudgmentTableModel::flushRequests() {
    if (!m_loader || m_wanted.isEmpty()) return;
    // What was painted in the last turn is what is needed now; blocks asked for earlier and not
    // delivered yet are superseded (the loader drops them) unless they are wanted again.
    QVector<QPair<qint64, qint64>> ranges;
    m_inFlight.clear();
    for (qint64 b : std::as_const(m_wanted)) {
        ranges.push_back({b * kBlockRows, kBlockRows});
        m_inFlight.insert(b);
    }
    m_wanted.clear();
    m_loader->requestRows(ranges, m_generation);
}

bool JudgmentTableModel::isRowLoaded(int row) const {
    return rowData(row) != nullptr;
}

const BrowseRow* JudgmentTableModel::rowData(int row) const {
    if (row < 0 || row >= m_rows) return nullptr;
    auto it = m_blocks.find(row / kBlockRows);
    if (it == m_blocks.end()) return nullptr;
    const std::size_t offset = std::size_t(row % kBlockRows);
    return offset < it->rows.size() ? &it->rows[offset] : nullptr;
}

qint64 JudgmentTableModel::judgmentId(int row) const {
    const BrowseRow* r = rowData(row);
    return r ? r->id : 0;
}

void JudgmentTableModel::locate(qint64 judgmentId) {
    if (m_loader) m_loader->locate(judgmentId, m_generation);
}

void JudgmentTableModel::requestIds(qint64 first, qint64 count, int tag) {
    if (m_loader) m_loader->requestIds(first, count, m_generation, tag);
}

void JudgmentTableModel::reloadRows() {
    if (m_blocks.isEmpty()) return;
    m_blocks.clear();
    m_inFlight.clear();
    if (m_rows > 0) emit dataChanged(index(0, 0), index(int(m_rows - 1), ColumnCount - 1));
}

int JudgmentTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows);
}

int JudgmentTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString JudgmentTableModel::reviewText(const BrowseRow& r) const {
    QStringList parts;
    if (r.gold) parts << tr("gold");
    if (r.relabelled) parts << tr("relabelled");
    if (r.flagged) parts << tr("flagged");
    if (r.agreed) parts << tr("agreed");
    if (parts.isEmpty() && r.reviews > 0) parts << tr("noted");
    QString text = parts.join(QStringLiteral(", "));
    if (r.reviews > 1) text += QStringLiteral(" (%1)").arg(r.reviews);
    return text;
}

QVariant JudgmentTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows || index.column() >= ColumnCount) return {};
    const Block* b = block(index.row() / kBlockRows);
    const std::size_t offset = std::size_t(index.row() % kBlockRows);
    const BrowseRow* r = b && offset < b->rows.size() ? &b->rows[offset] : nullptr;
    if (role == LoadedRole) return r != nullptr;
    if (!r) {
        // The placeholder: the row exists, its content is on its way.
        if (role == Qt::DisplayRole && index.column() == TextColumn) return tr("loading…");
        if (role == Qt::ForegroundRole)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    }
    const Workspace* ws = m_session->workspace();
    const TaskDefinition* task = ws ? ws->taskById(r->taskId) : nullptr;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return qlonglong(r->id);
        case TaskColumn:
            return task ? QString::fromStdString(task->key) : QString();
        case TypeColumn:
            return task ? taskTypeName(task->type) : QString();
        case SplitColumn:
            return splitName(r->split);
        case LabelColumn:
            return QString::fromStdString(r->label);
        case AnnotatorColumn:
            return QString::fromStdString(r->annotator);
        case ReviewColumn:
            return reviewText(*r);
        case TextColumn:
            return QString::fromStdString(r->preview);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == TextColumn) return QString::fromStdString(r->preview);
        if (index.column() == TaskColumn && task) return QString::fromStdString(task->dataset);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == IdColumn) return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case JudgmentIdRole:
        return qlonglong(r->id);
    case TaskIdRole:
        return qlonglong(r->taskId);
    }
    return {};
}

QVariant JudgmentTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Id");
    case TaskColumn:
        return tr("Task");
    case TypeColumn:
        return tr("Type");
    case SplitColumn:
        return tr("Split");
    case LabelColumn:
        return tr("Label");
    case AnnotatorColumn:
        return tr("Annotator");
    case ReviewColumn:
        return tr("Review");
    case TextColumn:
        return tr("Text");
    }
    return {};
}

} // namespace flame::ui
