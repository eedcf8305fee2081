#include "ui/runs/disagreement_view.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/labels.h"
#include "ui/runs/results_models.h"
#include "ui/runs/runs_controller.h"
#include "ui/workspace_session.h"

namespace flame::ui {

DisagreementView::DisagreementView(RunsController* runs, QWidget* parent)
    : QWidget(parent), m_controller(runs), m_model(new DisagreementModel(this)), m_table(new QTableView(this)),
      m_summary(new QLabel(this)), m_compute(new QPushButton(this)), m_limit(new QSpinBox(this)),
      m_limitLabel(new QLabel(this)), m_review(new QPushButton(this)) {
    setObjectName(QStringLiteral("disagreementView"));
    m_compute->setObjectName(QStringLiteral("computeVerdicts"));
    m_review->setObjectName(QStringLiteral("openInReview"));
    m_limit->setObjectName(QStringLiteral("predictLimit"));
    m_limit->setRange(0, 1000000);
    m_limit->setValue(200);
    m_limitLabel->setBuddy(m_limit);
    m_summary->setWordWrap(true);
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(Qt::UserRole);
    m_table->setObjectName(QStringLiteral("disagreementTable"));
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(DisagreementModel::Confidence, Qt::DescendingOrder);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(DisagreementModel::Task, QHeaderView::Stretch);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_compute);
    bar->addWidget(m_limitLabel);
    bar->addWidget(m_limit);
    bar->addStretch(1);
    bar->addWidget(m_review);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);

    connect(m_compute, &QPushButton::clicked, this, &DisagreementView::computeVerdicts);
    connect(m_review, &QPushButton::clicked, this, &DisagreementView::openInReview);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        const qint64 id = index.siblingAtColumn(DisagreementModel::Judgment).data(Qt::UserRole).toLongLong();
        if (id > 0) emit reviewRequested({id}, tr("run %1 disagrees").arg(m_run));
    });
    connect(m_controller, &RunsController::toolFinished, this,
            [this](qint64 runId, const QString& kind, bool ok, const QString& message) {
                if (kind != QLatin1String("predict") || runId != m_run) return;
                reload();
                if (!ok) m_summary->setText(tr("Computing verdicts failed: %1").arg(message));
            });
    connect(m_controller, &RunsController::runsChanged, this, &DisagreementView::updateButtons);
    retranslate();
}

void DisagreementView::setRun(qint64 runId) {
    if (runId == m_run) return;
    m_run = runId;
    reload();
}

void DisagreementView::reload() {
    m_model->load(m_controller->session()->workspace(), m_run);
    if (m_run <= 0) m_summary->setText(tr("Select a run to see where it disagrees with the human labels."));
    else if (m_model->step() < 0)
        m_summary->setText(tr("Run %1 has no verdicts on corpus judgments yet: compute them (development split).")
                               .arg(m_run));
    else
        m_summary->setText(tr("Run %1 at step %2 agrees with the human label on %3 of %4 development judgments "
                              "(%5 %); %6 disagreements listed, most confident first.")
                               .arg(m_run)
                               .arg(m_model->step())
                               .arg(formatCount(m_model->agree()), formatCount(m_model->judged()))
                               .arg(m_model->judged() ? 100.0 * double(m_model->agree()) / double(m_model->judged()) : 0.0,
                                    0, 'f', 1)
                               .arg(formatCount(m_model->entries().size())));
    updateButtons();
}

void DisagreementView::computeVerdicts() {
    if (m_run <= 0) return;
    QStringList args = {QStringLiteral("--split"), QStringLiteral("dev")};
    if (m_limit->value() > 0) args << QStringLiteral("--limit") << QString::number(m_limit->value());
    if (m_controller->runTool(m_run, QStringLiteral("predict"), args))
        m_summary->setText(tr("Computing run %1's verdicts on the development split…").arg(m_run));
    updateButtons();
}

void DisagreementView::openInReview() {
    QVector<qint64> ids;
    const QAbstractItemModel* proxy = m_table->model();
    for (int row = 0; row < proxy->rowCount(); ++row)
        ids.push_back(proxy->index(row, DisagreementModel::Judgment).data(Qt::UserRole).toLongLong());
    if (!ids.isEmpty()) emit reviewRequested(ids, tr("run %1 disagrees with the human label").arg(m_run));
}

void DisagreementView::updateButtons() {
    const RunInfo* r = m_controller->run(m_run);
    m_compute->setEnabled(r && r->record.step > 0 && !m_controller->toolRunning(m_run));
    m_review->setEnabled(!m_model->entries().isEmpty());
}

void DisagreementView::retranslate() {
    m_compute->setText(tr("Compute verdicts"));
    m_compute->setToolTip(tr("`flame predict`: the model judges development judgments of the run's tasks"));
    m_limitLabel->setText(tr("&Judgments per task (0: all):"));
    m_review->setText(tr("Open in review"));
    m_review->setToolTip(tr("Review these judgments in the curation studio, most confident disagreement first"));
    reload();
}

void DisagreementView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace flame::ui
