#pragma once
// The leaderboard (issue 5, part 6): Score, Chat, Chat Hard, Safety and Reasoning of every
// finished run (and, on demand, every evaluated checkpoint) on an evaluation set of the
// workspace, beside the baselines measured on the same set and the paper's Table 2 rows (marked as
// reference). "Evaluate" runs `flame eval` on the whole set for the current run.
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace flame::ui {

class LeaderboardModel;
class RunsController;

class LeaderboardView : public QWidget {
    Q_OBJECT
public:
    explicit LeaderboardView(RunsController* runs, QWidget* parent = nullptr);

    void reload();
    void setCurrentRun(qint64 runId) { m_current = runId; updateButton(); }
    void setEveryCheckpoint(bool on);
    LeaderboardModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    void evaluateCurrent();

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillSets();
    void retranslate();
    void updateButton();

    RunsController* m_controller;
    LeaderboardModel* m_model;
    QTableView* m_table;
    QComboBox* m_set;
    QLabel* m_setLabel;
    QCheckBox* m_every;
    QPushButton* m_evaluate;
    QLabel* m_note;
    qint64 m_current = 0;
    QString m_signature; // what the table was loaded from (states and evaluation steps)
};

} // namespace flame::ui
