#include "ui/runs/runs_workbench.h"

#include <QEvent>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>

#include "ui/runs/bias_view.h"
#include "ui/runs/curves_view.h"
#include "ui/runs/disagreement_view.h"
#include "ui/runs/leaderboard_view.h"
#include "ui/runs/run_info.h"
#include "ui/runs/runs_controller.h"
#include "ui/runs/runs_view.h"
#include "ui/runs/tailpatch_view.h"

namespace flame::ui {

RunsWorkbench::RunsWorkbench(WorkspaceSession* session, QWidget* parent)
    : QWidget(parent), m_controller(new RunsController(session, this)) {
    setObjectName(QStringLiteral("runsWorkbench"));
    m_runs = new RunsView(m_controller, this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("runsTabs"));
    m_tabs->setDocumentMode(true);
    m_curves = new CurvesView(m_controller, this);
    m_bias = new BiasView(m_controller, this);
    m_tailpatch = new TailpatchView(m_controller, this);
    m_leaderboard = new LeaderboardView(m_controller, this);
    m_disagreements = new DisagreementView(m_controller, this);
    for (QWidget* w : {static_cast<QWidget*>(m_curves), static_cast<QWidget*>(m_bias),
                       static_cast<QWidget*>(m_tailpatch), static_cast<QWidget*>(m_leaderboard),
                       static_cast<QWidget*>(m_disagreements)})
        m_tabs->addTab(w, QString());
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_runs);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
    connect(m_runs, &RunsView::selectionChanged, this, &RunsWorkbench::onSelection);
    connect(m_disagreements, &DisagreementView::reviewRequested, this, &RunsWorkbench::reviewRequested);
    retranslate();
}

void RunsWorkbench::onSelection(const QList<qint64>& ids) {
    QVector<CurvesView::Run> runs;
    for (qint64 id : ids)
        if (const RunInfo* r = m_controller->run(id)) runs.push_back({id, runLabel(*r)});
    m_curves->setRuns(runs);
    m_bias->setRuns(runs);
    const qint64 current = m_runs->currentRun();
    m_leaderboard->setCurrentRun(current);
    m_disagreements->setRun(current);
    if (const RunInfo* r = m_controller->run(current); r && r->variant() == QLatin1String("flame-opt-rm"))
        m_tailpatch->setRun(current);
}

bool RunsWorkbench::confirmClose() {
    const QList<qint64> live = m_controller->liveWorkersHere();
    const int tools = m_controller->toolsRunning();
    if (live.isEmpty() && tools == 0) return true;
    QString policy = QSettings().value(QStringLiteral("runs/onClose"), QStringLiteral("ask")).toString();
    if (policy != QLatin1String("leave") && policy != QLatin1String("stop")) {
        QStringList names;
        for (qint64 id : live)
            if (const RunInfo* r = m_controller->run(id)) names << runLabel(*r);
        QString text = tr("%n run(s) started here are still training: %1.", nullptr, int(live.size()))
                           .arg(names.join(QStringLiteral(", ")));
        if (live.isEmpty()) text.clear();
        text += QLatin1Char(' ') + tr("Workers keep running when the studio closes; reopening the workspace shows "
                                      "them again.");
        if (tools > 0) text += QLatin1Char(' ') + tr("Measurements in progress (bias, evaluation, verdicts) stop.");
        QMessageBox box(QMessageBox::Question, tr("Training is running"), text.trimmed(), QMessageBox::NoButton, this);
        QPushButton* leave = box.addButton(tr("Leave them running"), QMessageBox::AcceptRole);
        QPushButton* stop = box.addButton(tr("Stop them (checkpoint first)"), QMessageBox::DestructiveRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(leave);
        auto* remember = new QCheckBox(tr("Do not ask again"), &box);
        box.setCheckBox(remember);
        box.exec();
        if (box.clickedButton() != leave && box.clickedButton() != stop) return false;
        policy = box.clickedButton() == stop ? QStringLiteral("stop") : QStringLiteral("leave");
        if (remember->isChecked()) QSettings().setValue(QStringLiteral("runs/onClose"), policy);
    }
    if (policy == QLatin1String("stop")) m_controller->cancelAllLaunched();
    return true;
}

void RunsWorkbench::retranslate() {
    m_tabs->setTabText(0, tr("Curves"));
    m_tabs->setTabText(1, tr("Bias"));
    m_tabs->setTabText(2, tr("Tail-patch"));
    m_tabs->setTabText(3, tr("Leaderboard"));
    m_tabs->setTabText(4, tr("Model vs. humans"));
}

void RunsWorkbench::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace flame::ui
