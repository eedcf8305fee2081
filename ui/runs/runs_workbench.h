#pragma once
// The "Runs" tab of the studio (issue 5): the runs panel on the left (list, actions, log) and, on
// the right, the views that compare the selected runs: live curves, bias, tail-patch, leaderboard
// and the model against humans. It owns the RunsController; the main window only places it and
// forwards review requests to the review view.
#include <QWidget>

class QTabWidget;

namespace flame::ui {

class BiasView;
class CurvesView;
class DisagreementView;
class LeaderboardView;
class RunsController;
class RunsView;
class TailpatchView;
class WorkspaceSession;

class RunsWorkbench : public QWidget {
    Q_OBJECT
public:
    explicit RunsWorkbench(WorkspaceSession* session, QWidget* parent = nullptr);

    RunsController* controller() const { return m_controller; }
    RunsView* runs() const { return m_runs; }
    CurvesView* curves() const { return m_curves; }
    BiasView* bias() const { return m_bias; }
    TailpatchView* tailpatch() const { return m_tailpatch; }
    LeaderboardView* leaderboard() const { return m_leaderboard; }
    DisagreementView* disagreements() const { return m_disagreements; }
    QTabWidget* tabs() const { return m_tabs; }

    // Closing the window: workers started here keep training (their state is in the workspace and
    // a reopened studio shows them again) unless the user asks to stop them. Asks according to
    // QSettings "runs/onClose": "ask" (default), "leave" or "stop". False when the user cancels.
    bool confirmClose();

signals:
    void reviewRequested(const QVector<qint64>& judgmentIds, const QString& origin);

protected:
    void changeEvent(QEvent* event) override;

private:
    void onSelection(const QList<qint64>& ids);
    void retranslate();

    RunsController* m_controller;
    RunsView* m_runs;
    QTabWidget* m_tabs;
    CurvesView* m_curves;
    BiasView* m_bias;
    TailpatchView* m_tailpatch;
    LeaderboardView* m_leaderboard;
    DisagreementView* m_disagreements;
};

} // namespace flame::ui
