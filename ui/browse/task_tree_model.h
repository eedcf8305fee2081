#pragma once
// The task tree: all tasks, grouped by capability and then task type, with judgment counts from
// the statistics table (instant at any corpus size; never count(*)).
#include <QStandardItemModel>
#include <QTreeView>

#include "storage/stats.h"
#include "storage/workspace.h"

namespace flame::ui {

class TaskTreeModel : public QStandardItemModel {
    Q_OBJECT
public:
    enum Role { TaskIdsRole = Qt::UserRole + 1, TaskKeyRole };
    enum Column { NameColumn, CountColumn };

    explicit TaskTreeModel(QObject* parent = nullptr);
    // Rebuilds from the workspace's catalog and statistics (nullptr: empty tree).
    void rebuild(const Workspace* ws, const WorkspaceStats& stats);
    // The node of one task, for tests and "show task".
    QModelIndex indexOfTask(const QString& key) const;
};

// The tree in its dock: selection = the browser's task filter.
class TaskTreeView : public QTreeView {
    Q_OBJECT
public:
    explicit TaskTreeView(TaskTreeModel* model, QWidget* parent = nullptr);
    // Selected task ids (empty: all tasks) and the single selected task's key (or "").
    QVector<qint64> selectedTaskIds() const;
    QString currentTaskKey() const;
    void selectTask(const QString& key);

signals:
    void selectionChangedTo(const QVector<qint64>& taskIds);
    void taskActivated(const QString& key); // a single task chosen

private:
    TaskTreeModel* m_model;
};

} // namespace flame::ui
