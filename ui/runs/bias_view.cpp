#include "ui/runs/bias_view.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

#include <qcustomplot.h>

#include "ui/runs/results_models.h"
#include "ui/runs/run_colors.h"
#include "ui/runs/runs_controller.h"
#include "ui/workspace_session.h"

namespace flame::ui {

BiasView::BiasView(RunsController* runs, QWidget* parent)
    : QWidget(parent), m_controller(runs), m_model(new BiasModel(this)), m_table(new QTableView(this)),
      m_chart(new QCustomPlot(this)), m_measure(new QPushButton(this)), m_instructions(new QSpinBox(this)),
      m_instructionsLabel(new QLabel(this)), m_note(new QLabel(this)) {
    setObjectName(QStringLiteral("biasView"));
    m_measure->setObjectName(QStringLiteral("measureBias"));
    m_instructions->setObjectName(QStringLiteral("biasInstructions"));
    // Each CoBBLEr instruction is 120 pairs x 8 queries: a handful is minutes for a tiny model.
    m_instructions->setRange(0, 1000);
    m_instructions->setValue(5);
    m_instructionsLabel->setBuddy(m_instructions);
    m_note->setWordWrap(true);
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(Qt::UserRole);
    m_table->setObjectName(QStringLiteral("biasTable"));
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // measured rows first, as loaded
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(BiasModel::Autorater, QHeaderView::Stretch);
    m_chart->setObjectName(QStringLiteral("biasChart"));
    m_chart->setMinimumHeight(260);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_measure);
    bar->addWidget(m_instructionsLabel);
    bar->addWidget(m_instructions);
    bar->addStretch(1);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_chart);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_note);
    layout->addWidget(split, 1);

    connect(m_measure, &QPushButton::clicked, this, &BiasView::measureCurrent);
    connect(m_controller, &RunsController::toolFinished, this,
            [this](qint64, const QString& kind, bool ok, const QString& message) {
                if (kind != QLatin1String("bias")) return;
                if (!ok) m_note->setText(tr("Measuring bias failed: %1").arg(message));
                reload();
            });
    connect(m_controller, &RunsController::runsChanged, this, &BiasView::updateButton);
    retranslate();
}

void BiasView::setRuns(const QVector<CurvesView::Run>& runs) {
    m_runs = runs;
    reload();
}

void BiasView::reload() {
    QVector<QPair<qint64, QString>> runs;
    for (const auto& r : m_runs) runs.push_back({r.id, r.label});
    m_model->load(m_controller->session()->workspace(), runs);
    rebuildChart();
    updateButton();
}

void BiasView::measureCurrent() {
    if (m_runs.isEmpty()) return;
    const qint64 id = m_runs.last().id;
    QStringList args;
    if (m_instructions->value() > 0) args << QStringLiteral("--instructions") << QString::number(m_instructions->value());
    if (m_controller->runTool(id, QStringLiteral("bias"), args))
        m_note->setText(tr("Measuring the biases of run %1 (its output goes to the run's log)…").arg(id));
    updateButton();
}

void BiasView::updateButton() {
    const RunInfo* r = m_runs.isEmpty() ? nullptr : m_controller->run(m_runs.last().id);
    m_measure->setEnabled(r && !m_controller->toolRunning(r->id()) && r->record.step > 0);
    m_measure->setText(r ? tr("Measure bias of %1").arg(runLabel(*r)) : tr("Measure bias"));
}

void BiasView::rebuildChart() {
    // One small bar chart per bias (and the average), one bar per autorater in the table's order.
    m_chart->clearPlottables();
    m_chart->plotLayout()->clear();
    // One legend entry per autorater (from the first chart), not one per bar of every chart.
    m_chart->setAutoAddPlottableToLegend(false);
    const QVector<BiasEntry>& rows = m_model->entries();
    auto* legend = new QCPLegend;
    m_chart->plotLayout()->addElement(0, 0, legend);
    legend->setLayer(QStringLiteral("legend"));
    legend->setWrap(4);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    legend->setTextColor(palette().color(QPalette::WindowText));
    m_chart->plotLayout()->setRowStretchFactor(0, 0.001);
    m_chart->setBackground(palette().brush(QPalette::Base));
    auto* grid = new QCPLayoutGrid;
    m_chart->plotLayout()->addElement(1, 0, grid);
    const QColor fg = palette().color(QPalette::Text);
    double top = 0.05;
    for (const BiasEntry& e : rows)
        for (double v : e.values)
            if (!std::isnan(v)) top = std::max(top, v);
    for (int b = 0; b < 7; ++b) {
        auto* rect = new QCPAxisRect(m_chart);
        grid->addElement(b / 4, b % 4, rect);
        rect->axis(QCPAxis::atTop)->setVisible(false);
        rect->axis(QCPAxis::atRight)->setVisible(false);
        QCPAxis* x = rect->axis(QCPAxis::atBottom);
        QCPAxis* y = rect->axis(QCPAxis::atLeft);
        for (QCPAxis* a : {x, y}) {
            a->setBasePen(QPen(fg));
            a->setTickPen(QPen(fg));
            a->setSubTickPen(QPen(fg));
            a->setTickLabelColor(fg);
            a->setLabelColor(fg);
        }
        x->setTicks(false);
        x->setLabel(BiasModel::biasTitle(b));
        x->setRange(-0.7, double(rows.size()) - 0.3);
        y->setRange(0, top * 1.1);
        for (int i = 0; i < rows.size(); ++i) {
            const BiasEntry& e = rows[i];
            auto* bars = new QCPBars(x, y);
            bars->setName(e.reference() ? tr("%1 (reference)").arg(e.label) : e.label);
            const QColor c = e.reference() ? referenceColor() : runColor(e.runId);
            bars->setPen(QPen(c.darker(120)));
            bars->setBrush(e.reference() ? QBrush(c, Qt::BDiagPattern) : QBrush(c));
            bars->setWidth(0.8);
            const double v = e.values[std::size_t(b)];
            if (!std::isnan(v)) bars->addData(i, v);
            if (b == 0) bars->addToLegend(legend);
        }
    }
    m_chart->replot(QCustomPlot::rpQueuedReplot);
}

void BiasView::retranslate() {
    m_instructionsLabel->setText(tr("&Instructions (0: all):"));
    m_instructions->setToolTip(tr("Each CoBBLEr instruction has 120 response pairs, asked 8 ways"));
    m_note->setText(tr("CoBBLEr-style bias probes (lower is better). Reference rows are the paper's Table 4, "
                       "measured on the real CoBBLEr pairs with far larger models; they are not measured here."));
    reload(); // titles of the chart and of the reference rows
}

void BiasView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace flame::ui
