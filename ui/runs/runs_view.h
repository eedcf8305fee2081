#pragma once
// The runs panel: every run of the workspace (started here, by another studio or from the CLI),
// the actions on them (new, duplicate and edit, cancel, resume, delete) and the selected run's log.
// The selection says which runs the curves, bias and leaderboard views compare.
#include <QPointer>
#include <QWidget>

class QLabel;
class QTableView;
class QToolButton;

namespace flame::ui {

class LaunchDialog;
class LogPanel;
class RunListModel;
class RunsController;
struct LaunchOptions;

class RunsView : public QWidget {
    Q_OBJECT
public:
    explicit RunsView(RunsController* runs, QWidget* parent = nullptr);
    ~RunsView() override;

    RunListModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    LogPanel* log() const { return m_log; }
    QList<qint64> selectedRuns() const; // in list order
    qint64 currentRun() const;          // 0 when none
    void selectRuns(const QList<qint64>& ids);

    // Opens the launch dialog (window-modal, not blocking); with `from`, filled from those options.
    LaunchDialog* openLaunchDialog(const LaunchOptions* from = nullptr);
    LaunchDialog* launchDialog() const;
    void duplicateCurrent();
    void cancelSelected();
    void resumeSelected();
    // Deletes the selected runs with their files; asks first unless `ask` is false.
    void deleteSelected(bool ask = true);

signals:
    void selectionChanged(const QList<qint64>& runIds);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateActions();
    void onRunsChanged();
    void followCurrentLog();

    RunsController* m_runs;
    RunListModel* m_model;
    QTableView* m_table;
    LogPanel* m_log;
    QToolButton* m_new;
    QToolButton* m_duplicate;
    QToolButton* m_cancel;
    QToolButton* m_resume;
    QToolButton* m_delete;
    QLabel* m_summary;
    QPointer<LaunchDialog> m_dialog;
    qint64 m_selectWhenListed = 0; // a run just launched: selected once it appears
};

} // namespace flame::ui
