#include "ui/runs/leaderboard_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include "storage/run_queries.h"
#include "ui/runs/results_models.h"
#include "ui/runs/runs_controller.h"
#include "ui/workspace_session.h"

namespace flame::ui {

LeaderboardView::LeaderboardView(RunsController* runs, QWidget* parent)
    : QWidget(parent), m_controller(runs), m_model(new LeaderboardModel(this)), m_table(new QTableView(this)),
      m_set(new QComboBox(this)), m_setLabel(new QLabel(this)), m_every(new QCheckBox(this)),
      m_evaluate(new QPushButton(this)), m_note(new QLabel(this)) {
    setObjectName(QStringLiteral("leaderboardView"));
    m_set->setObjectName(QStringLiteral("evaluationSet"));
    m_every->setObjectName(QStringLiteral("everyCheckpoint"));
    m_evaluate->setObjectName(QStringLiteral("evaluateRun"));
    m_setLabel->setBuddy(m_set);
    m_note->setWordWrap(true);
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(Qt::UserRole);
    m_table->setObjectName(QStringLiteral("leaderboardTable"));
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(LeaderboardModel::Score, Qt::DescendingOrder);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(LeaderboardModel::Kind, QHeaderView::Stretch);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_setLabel);
    bar->addWidget(m_set);
    bar->addWidget(m_every);
    bar->addStretch(1);
    bar->addWidget(m_evaluate);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_note);
    layout->addWidget(m_table, 1);

    connect(m_set, &QComboBox::currentIndexChanged, this, &LeaderboardView::reload);
    connect(m_every, &QCheckBox::toggled, this, &LeaderboardView::reload);
    connect(m_evaluate, &QPushButton::clicked, this, &LeaderboardView::evaluateCurrent);
    connect(m_controller, &RunsController::runsChanged, this, [this] {
        // Reload only when a run's state or its latest evaluation changed, not on every heartbeat.
        QString signature;
        for (const RunInfo& r : m_controller->runs())
            signature += QStringLiteral("%1:%2:%3;").arg(r.id()).arg(int(r.state())).arg(r.latestStep.value(QStringLiteral("score"), -1));
        if (m_set->count() == 0) fillSets();
        if (signature != m_signature) {
            m_signature = signature;
            reload();
        }
        updateButton();
    });
    connect(m_controller, &RunsController::toolFinished, this,
            [this](qint64, const QString& kind, bool ok, const QString& message) {
                if (kind != QLatin1String("eval")) return;
                if (!ok) m_note->setText(tr("Evaluation failed: %1").arg(message));
                reload();
                updateButton();
            });
    retranslate();
    fillSets();
}

void LeaderboardView::fillSets() {
    const QString keep = m_set->currentData().toString();
    QSignalBlocker block(m_set);
    m_set->clear();
    if (Workspace* ws = m_controller->session()->workspace())
        if (auto sets = evaluationSets(*ws))
            for (const std::string& s : *sets)
                if (s != "sample-dev") // the tail-patch development set is never an evaluation set
                    m_set->addItem(QString::fromStdString(s), QString::fromStdString(s));
    const int at = m_set->findData(keep.isEmpty() ? QStringLiteral("sample") : keep);
    m_set->setCurrentIndex(at >= 0 ? at : 0);
    reload();
}

void LeaderboardView::setEveryCheckpoint(bool on) {
    m_every->setChecked(on);
}

void LeaderboardView::reload() {
    m_model->load(m_controller->session()->workspace(), m_controller->runs(), m_set->currentData().toString(),
                  m_every->isChecked());
}

void LeaderboardView::evaluateCurrent() {
    if (m_current <= 0) return;
    if (m_controller->runTool(m_current, QStringLiteral("eval"),
                              {QStringLiteral("--set"), m_set->currentData().toString()}))
        m_note->setText(tr("Evaluating run %1 on the whole set (its output goes to the run's log)…").arg(m_current));
    updateButton();
}

void LeaderboardView::updateButton() {
    const RunInfo* r = m_controller->run(m_current);
    m_evaluate->setEnabled(r && r->record.step > 0 && !m_controller->toolRunning(m_current) &&
                           r->state() != RunState::Running);
    m_evaluate->setText(r ? tr("Evaluate %1 on the whole set").arg(runLabel(*r)) : tr("Evaluate"));
}

void LeaderboardView::retranslate() {
    m_setLabel->setText(tr("Evaluation &set:"));
    m_every->setText(tr("Every evaluated checkpoint"));
    m_every->setToolTip(tr("Periodic evaluations may use a subset of the set (see “Examples evaluated”)"));
    m_note->setText(tr("RewardBench-style scores in percent. Baselines are measured on the same set; "
                       "reference rows are the paper's Table 2 on the real RewardBench, not comparable with a "
                       "generated sample set."));
    updateButton();
    reload();
}

void LeaderboardView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace flame::ui
