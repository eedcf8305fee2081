#include "ui/browse/browser_view.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QVBoxLayout>

#include <set>

#include "ui/browse/filter_bar.h"
#include "ui/browse/highlight_delegate.h"
#include "ui/browse/judgment_table_model.h"
#include "ui/browse/virtual_table_view.h"
#include "ui/labels.h"
#include "ui/workspace_session.h"

namespace flame::ui {

BrowserView::BrowserView(WorkspaceSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_filters(new FilterBar(this)),
      m_table(new VirtualTableView(this)), m_status(new QLabel(this)),
      m_model(new JudgmentTableModel(session, this)) {
    setObjectName(QStringLiteral("browserView"));
    m_table->setObjectName(QStringLiteral("judgmentTable"));
    m_status->setObjectName(QStringLiteral("browserStatus"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setColumnWidth(JudgmentTableModel::IdColumn, 70);
    m_table->setColumnWidth(JudgmentTableModel::TaskColumn, 170);
    m_table->setColumnWidth(JudgmentTableModel::TypeColumn, 85);
    m_table->setColumnWidth(JudgmentTableModel::SplitColumn, 70);
    m_table->setColumnWidth(JudgmentTableModel::LabelColumn, 70);
    m_table->setColumnWidth(JudgmentTableModel::AnnotatorColumn, 75);
    m_table->setColumnWidth(JudgmentTableModel::ReviewColumn, 90);
    m_table->setItemDelegateForColumn(
        JudgmentTableModel::TextColumn,
        new HighlightDelegate(
            [this]() -> const std::vector<SearchTerm>& { return m_model->searchTerms(); }, this));

    connect(m_filters, &FilterBar::changed, this, &BrowserView::apply);
    connect(m_filters, &FilterBar::jumpRequested, this, &BrowserView::jumpTo);
    connect(m_model, &JudgmentTableModel::layoutUpdated, this, [this] {
        updateStatus();
        if (m_pendingJump) m_model->locate(m_pendingJump);
    });
    connect(m_model, &JudgmentTableModel::located, this, [this](qint64 id, int row) {
        if (id != m_pendingJump) return;
        m_pendingJump = 0;
        const QModelIndex i = m_model->index(row, 0);
        m_table->scrollTo(i, QAbstractItemView::PositionAtCenter);
        m_table->selectionModel()->setCurrentIndex(i, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
        m_table->setFocus();
    });
    connect(m_model, &JudgmentTableModel::locateFailed, this, [this](qint64 id, bool notYet) {
        if (id != m_pendingJump) return;
        if (notYet && !m_model->complete()) return; // asked again when the scan has gone further
        m_pendingJump = 0;
        m_filters->showJumpMessage(
            tr("Judgment %1 is not in the current selection (clear the filters to find it).")
                .arg(id));
    });
    connect(m_model, &JudgmentTableModel::filterFailed, this,
            [this](const QString& message, bool badSearch) {
                if (badSearch)
                    m_filters->showSearchError(
                        tr("The search expression is not valid: %1").arg(message));
                else
                    m_status->setText(tr("Cannot read the judgments: %1").arg(message));
            });
    connect(m_model, &QAbstractItemModel::modelReset, this, &BrowserView::updateStatus);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &BrowserView::emitCurrent);
    connect(m_model, &JudgmentTableModel::blocksLoaded, this, &BrowserView::emitCurrent);
    connect(session, &WorkspaceSession::opened, this, [this] {
        m_tasks.clear();
        apply();
    });
    connect(session, &WorkspaceSession::reviewsChanged, m_model, &JudgmentTableModel::reloadRows);
    // Rows were added (sample, import) or indexed for search: the same filter, read again.
    connect(session, &WorkspaceSession::statsChanged, this, [this] {
        if (!m_session->isOpen()) return;
        m_model->setFilter(m_model->filter());
        updateStatus();
    });
    updateStatus();
}

const BrowseFilter& BrowserView::filter() const {
    return m_model->filter();
}

void BrowserView::setTasks(const QVector<qint64>& taskIds) {
    m_tasks = taskIds;
    // Offer the labels of the selected tasks.
    if (Workspace* ws = m_session->workspace()) {
        std::set<std::string> labels;
        BrowseFilter f;
        f.taskIds.assign(taskIds.begin(), taskIds.end());
        for (std::int64_t id : selectTasks(*ws, f))
            if (const TaskDefinition* t = ws->taskById(id))
                for (const auto& l : t->candidateLabels())
                    labels.insert(l);
        QStringList list;
        for (const auto& l : labels) {
            if (list.size() >= 60) break;
            list << QString::fromStdString(l);
        }
        m_filters->setLabels(list);
    }
    apply();
}

void BrowserView::apply() {
    if (!m_session->isOpen()) return;
    BrowseFilter f;
    f.taskIds.assign(m_tasks.begin(), m_tasks.end());
    if (!m_filters->fill(f)) return; // a malformed search: keep the last good results
    if (f == m_model->filter() && m_model->layoutKnown()) return;
    m_lastCurrent = -1;
    m_model->setFilter(f);
    emit filterApplied(f);
    emitCurrent();
}

void BrowserView::jumpTo(qint64 judgmentId) {
    m_pendingJump = judgmentId;
    m_model->locate(judgmentId);
}

void BrowserView::emitCurrent() {
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const qint64 id = current.isValid() ? m_model->judgmentId(current.row()) : 0;
    if (id == m_lastCurrent) return;
    if (current.isValid() && id == 0) return; // its row is still loading: wait for blocksLoaded()
    m_lastCurrent = id;
    emit currentJudgmentChanged(id);
}

void BrowserView::updateStatus() {
    if (!m_session->isOpen()) {
        m_status->setText(tr("No workspace is open."));
        return;
    }
    if (!m_model->layoutKnown()) {
        m_status->setText(tr("Loading…"));
        return;
    }
    const qint64 rows = m_model->rowCount();
    QString text = m_model->complete()
                       ? tr("Judgments: %1").arg(formatCount(rows))
                       : tr("Counting… %1 found so far, at most %2")
                             .arg(formatCount(rows), formatCount(m_model->upperBound()));
    const qint64 pending = m_session->stats().searchPending;
    if (!m_model->filter().search.empty() && pending > 0)
        text += QStringLiteral("  ·  ") +
                tr("%1 judgments are not searchable yet (indexing runs in the background)")
                    .arg(formatCount(pending));
    if (m_session->generated())
        text += QStringLiteral("  ·  ") + tr("GENERATED sample data, not human judgments");
    m_status->setText(text);
}

bool BrowserView::visibleRowsLoaded() const {
    if (!m_model->layoutKnown()) return false;
    const int rows = m_model->rowCount();
    if (rows == 0) return true;
    const int top = std::max(0, m_table->rowAt(0));
    int bottom = m_table->rowAt(m_table->viewport()->height() - 1);
    if (bottom < 0) bottom = rows - 1;
    for (int r = top; r <= bottom; ++r)
        if (!m_model->isRowLoaded(r)) return false;
    return true;
}

int BrowserView::firstVisibleRow() const {
    return std::max(0, m_table->rowAt(0));
}

QByteArray BrowserView::saveState() const {
    return m_table->horizontalHeader()->saveState();
}

void BrowserView::restoreState(const QByteArray& state) {
    if (!state.isEmpty()) m_table->horizontalHeader()->restoreState(state);
}

void BrowserView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) updateStatus();
    QWidget::changeEvent(event);
}

} // namespace flame::ui
