#pragma once
// The tail-patch view (issue 5, part 5): for a FLAMe-Opt-RM run, the task × category heatmap of
// the measured changes (each cell: change in points and rating), the total rating, the bundles
// each task landed in and the resulting mixture weights; sortable by any column and filterable by
// task name and bundle. Rows appear as tail-patching measures each task or group, the bundles and
// weights once the plan exists.
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace flame::ui {

class RunsController;
class TailpatchModel;

class TailpatchView : public QWidget {
    Q_OBJECT
public:
    explicit TailpatchView(RunsController* runs, QWidget* parent = nullptr);

    void setRun(qint64 runId); // shown when it is a FLAMe-Opt-RM run
    qint64 run() const;
    void reload();
    TailpatchModel* model() const { return m_model; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    void setFilter(const QString& text, const QString& bundle); // bundle key, "" for all

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillRuns();
    void applyFilter();
    void retranslate();

    RunsController* m_controller;
    TailpatchModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QComboBox* m_run;
    QLineEdit* m_filter;
    QComboBox* m_bundle;
    QTableView* m_table;
    QLabel* m_summary;
    QLabel* m_legend;
    QLabel* m_runLabel;
    int m_lastState = -1; // the shown run's state at the last reload
};

} // namespace flame::ui
