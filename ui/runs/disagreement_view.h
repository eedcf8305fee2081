#pragma once
// The model against humans (issue 5, part 7): the judgments where a run's verdict differs from the
// human label, most confident first, with the model's confidence; "Open in review" hands them to
// the review view of the curation studio as a queue. "Compute verdicts" runs `flame predict` for
// the current run (the development split, a number of judgments per task).
#include <QVector>
#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;

namespace flame::ui {

class DisagreementModel;
class RunsController;

class DisagreementView : public QWidget {
    Q_OBJECT
public:
    explicit DisagreementView(RunsController* runs, QWidget* parent = nullptr);

    void setRun(qint64 runId);
    qint64 run() const { return m_run; }
    void reload();
    DisagreementModel* model() const { return m_model; }
    void computeVerdicts();
    void openInReview(); // every listed judgment, in the table's order

signals:
    void reviewRequested(const QVector<qint64>& judgmentIds, const QString& origin);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateButtons();

    RunsController* m_controller;
    DisagreementModel* m_model;
    QTableView* m_table;
    QLabel* m_summary;
    QPushButton* m_compute;
    QSpinBox* m_limit;
    QLabel* m_limitLabel;
    QPushButton* m_review;
    qint64 m_run = 0;
};

} // namespace flame::ui
