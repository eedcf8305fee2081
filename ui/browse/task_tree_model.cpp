#include "ui/browse/task_tree_model.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSet>

#include "ui/labels.h"

namespace flame::ui {

TaskTreeModel::TaskTreeModel(QObject* parent) : QStandardItemModel(parent) {
    rebuild(nullptr, {});
}

namespace {

QList<QStandardItem*> makeRow(const QString& name, qint64 count, const QVector<qint64>& ids,
                              const QString& key = {}) {
    auto* nameItem = new QStandardItem(name);
    auto* countItem = new QStandardItem(formatCount(count));
    countItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    QVariantList idList;
    for (qint64 id : ids)
        idList << id;
    for (auto* item : {nameItem, countItem}) {
        item->setEditable(false);
        item->setData(idList, TaskTreeModel::TaskIdsRole);
        item->setData(key, TaskTreeModel::TaskKeyRole);
    }
    return {nameItem, countItem};
}

} // namespace

void TaskTreeModel::rebuild(const Workspace* ws, const WorkspaceStats& stats) {
    clear();
    setHorizontalHeaderLabels({tr("Task"), tr("Judgments")});
    if (!ws) return;
    auto countOf = [&](const std::string& key) -> qint64 {
        auto it = stats.byTask.find(key);
        return it == stats.byTask.end() ? 0 : it->second;
    };
    QVector<qint64> allIds;
    for (const auto& t : ws->catalog().tasks())
        allIds << ws->taskId(t.key);
    auto root = makeRow(stats.generated ? tr("All tasks (generated sample data)") : tr("All tasks"),
                        stats.judgments, {});
    root[0]->setToolTip(tr("Every judgment of the workspace"));
    appendRow(root);
    for (Capability cap : kAllCapabilities) {
        QVector<qint64> capIds;
        qint64 capCount = 0;
        QList<QList<QStandardItem*>> typeRows;
        for (TaskType type : kAllTaskTypes) {
            QVector<qint64> typeIds;
            qint64 typeCount = 0;
            QList<QList<QStandardItem*>> taskRows;
            for (const auto& t : ws->catalog().tasks()) {
                if (t.capability != cap || t.type != type) continue;
                const qint64 id = ws->taskId(t.key);
                const qint64 n = countOf(t.key);
                typeIds << id;
                typeCount += n;
                auto row =
                    makeRow(QString::fromStdString(t.key), n, {id}, QString::fromStdString(t.key));
                QString tip =
                    QString::fromStdString(t.dataset + " (" + t.citation + "), " + t.licence);
                if (t.aiFeedback)
                    tip += QLatin1Char('\n') +
                           tr("Labels from AI feedback: kept apart from human data");
                if (t.collection != Collection::Flame)
                    tip += QLatin1Char('\n') + tr("Not part of the 102-task FLAMe collection");
                row[0]->setToolTip(tip);
                taskRows << row;
            }
            if (taskRows.isEmpty()) continue;
            auto typeRow = makeRow(taskTypeName(type), typeCount, typeIds);
            for (auto& r : taskRows)
                typeRow[0]->appendRow(r);
            typeRows << typeRow;
            capIds += typeIds;
            capCount += typeCount;
        }
        if (typeRows.isEmpty()) continue;
        auto capRow = makeRow(capabilityName(cap), capCount, capIds);
        for (auto& r : typeRows)
            capRow[0]->appendRow(r);
        root[0]->appendRow(capRow);
    }
}

QModelIndex TaskTreeModel::indexOfTask(const QString& key) const {
    const auto found =
        match(index(0, 0), TaskKeyRole, key, 1, Qt::MatchExactly | Qt::MatchRecursive);
    return found.isEmpty() ? QModelIndex() : found.first();
}

TaskTreeView::TaskTreeView(TaskTreeModel* model, QWidget* parent)
    : QTreeView(parent), m_model(model) {
    setModel(model);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setUniformRowHeights(true);
    // Rebuilding the model recreates its columns, which forgets their resize modes.
    auto columnModes = [this] {
        if (header()->count() < 2) return;
        header()->setStretchLastSection(false);
        header()->setSectionResizeMode(TaskTreeModel::NameColumn, QHeaderView::Stretch);
        header()->setSectionResizeMode(TaskTreeModel::CountColumn, QHeaderView::ResizeToContents);
    };
    columnModes();
    connect(model, &QAbstractItemModel::columnsInserted, this, columnModes);
    connect(model, &QAbstractItemModel::modelReset, this, columnModes);
    connect(model, &QAbstractItemModel::modelReset, this, [this] { expandToDepth(0); });
    connect(model, &QStandardItemModel::rowsInserted, this, [this] { expandToDepth(0); });
    expandToDepth(0);
    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        emit selectionChangedTo(selectedTaskIds());
        const QString key = currentTaskKey();
        if (!key.isEmpty()) emit taskActivated(key);
    });
}

QVector<qint64> TaskTreeView::selectedTaskIds() const {
    QSet<qint64> ids;
    for (const QModelIndex& i : selectionModel()->selectedRows(TaskTreeModel::NameColumn)) {
        const QVariantList list = i.data(TaskTreeModel::TaskIdsRole).toList();
        if (list.isEmpty()) return {}; // "All tasks" is selected
        for (const QVariant& v : list)
            ids.insert(v.toLongLong());
    }
    QVector<qint64> out(ids.begin(), ids.end());
    std::sort(out.begin(), out.end());
    return out;
}

QString TaskTreeView::currentTaskKey() const {
    const auto rows = selectionModel()->selectedRows(TaskTreeModel::NameColumn);
    if (rows.size() != 1) return {};
    return rows.first().data(TaskTreeModel::TaskKeyRole).toString();
}

void TaskTreeView::selectTask(const QString& key) {
    const QModelIndex i = m_model->indexOfTask(key);
    if (!i.isValid()) return;
    scrollTo(i);
    selectionModel()->select(i, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    selectionModel()->setCurrentIndex(i, QItemSelectionModel::NoUpdate);
}

} // namespace flame::ui
