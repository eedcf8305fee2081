#pragma once
// The corpus browser: filter bar, the virtual judgment table and a status line. The task tree
// (a dock) sets the tasks; the detail pane (a dock) follows the current row.
#include <QWidget>

#include "storage/browse.h"

class QLabel;

namespace flame::ui {

class FilterBar;
class JudgmentTableModel;
class VirtualTableView;
class WorkspaceSession;

class BrowserView : public QWidget {
    Q_OBJECT
public:
    explicit BrowserView(WorkspaceSession* session, QWidget* parent = nullptr);

    JudgmentTableModel* model() const { return m_model; }
    VirtualTableView* table() const { return m_table; }
    FilterBar* filterBar() const { return m_filters; }
    // The filter in effect (tasks from the tree plus the bar).
    const BrowseFilter& filter() const;

    void setTasks(const QVector<qint64>& taskIds);
    // Asynchronous; the row is selected when found, otherwise the bar says why.
    void jumpTo(qint64 judgmentId);
    // True when every row in the viewport has its data (the benchmark's "rows visible").
    bool visibleRowsLoaded() const;
    // The row at the top of the viewport (where a review queue starts).
    int firstVisibleRow() const;
    QByteArray saveState() const;
    void restoreState(const QByteArray& state);

signals:
    void currentJudgmentChanged(qint64 judgmentId); // 0: none
    void filterApplied(const flame::BrowseFilter& filter);

protected:
    void changeEvent(QEvent* event) override;

private:
    void apply();
    void updateStatus();
    void emitCurrent();
    WorkspaceSession* m_session;
    FilterBar* m_filters;
    VirtualTableView* m_table;
    QLabel* m_status;
    JudgmentTableModel* m_model;
    QVector<qint64> m_tasks;
    qint64 m_pendingJump = 0;
    qint64 m_lastCurrent = -1;
};

} // namespace flame::ui
