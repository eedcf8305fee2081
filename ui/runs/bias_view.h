#pragma once
// The bias view (issue 5, part 4): the CoBBLEr table of the selected runs beside the paper's
// reference rows (FLAMe Table 4: Random, GPT-4, the FLAMe models; marked as reference), and one
// bar chart per bias, lower is better. "Measure bias" runs `flame bias` for the current run.
#include <QWidget>

#include "ui/runs/curves_view.h"

class QCustomPlot;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;

namespace flame::ui {

class BiasModel;
class RunsController;

class BiasView : public QWidget {
    Q_OBJECT
public:
    explicit BiasView(RunsController* runs, QWidget* parent = nullptr);

    void setRuns(const QVector<CurvesView::Run>& runs); // the selection; the last one is "current"
    void reload();
    BiasModel* model() const { return m_model; }
    QCustomPlot* chart() const { return m_chart; }
    void measureCurrent(); // `flame bias` for the last selected run

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuildChart();
    void retranslate();
    void updateButton();

    RunsController* m_controller;
    QVector<CurvesView::Run> m_runs;
    BiasModel* m_model;
    QTableView* m_table;
    QCustomPlot* m_chart;
    QPushButton* m_measure;
    QSpinBox* m_instructions;
    QLabel* m_instructionsLabel;
    QLabel* m_note;
};

} // namespace flame::ui
