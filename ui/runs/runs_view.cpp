#include "ui/runs/runs_view.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/runs/launch_dialog.h"
#include "ui/runs/launch_options.h"
#include "ui/runs/log_panel.h"
#include "ui/runs/run_list_model.h"
#include "ui/runs/runs_controller.h"

namespace flame::ui {

RunsView::RunsView(RunsController* runs, QWidget* parent)
    : QWidget(parent), m_runs(runs), m_model(new RunListModel(this)), m_table(new QTableView(this)),
      m_log(new LogPanel(this)), m_summary(new QLabel(this)) {
    setObjectName(QStringLiteral("runsView"));
    auto button = [this](const char* name) {
        auto* b = new QToolButton(this);
        b->setObjectName(QString::fromLatin1(name));
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        return b;
    };
    m_new = button("newRun");
    m_duplicate = button("duplicateRun");
    m_cancel = button("cancelRun");
    m_resume = button("resumeRun");
    m_delete = button("deleteRun");
    auto* bar = new QHBoxLayout;
    for (QToolButton* b : {m_new, m_duplicate, m_cancel, m_resume, m_delete}) bar->addWidget(b);
    bar->addStretch(1);
    bar->addWidget(m_summary);

    m_table->setObjectName(QStringLiteral("runsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(RunListModel::Note, QHeaderView::Stretch);
    m_table->setWordWrap(false);

    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(bar);
    topLayout->addWidget(m_table, 1);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(m_log);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(m_new, &QToolButton::clicked, this, [this] { openLaunchDialog(); });
    connect(m_duplicate, &QToolButton::clicked, this, &RunsView::duplicateCurrent);
    connect(m_cancel, &QToolButton::clicked, this, &RunsView::cancelSelected);
    connect(m_resume, &QToolButton::clicked, this, &RunsView::resumeSelected);
    connect(m_delete, &QToolButton::clicked, this, [this] { deleteSelected(true); });
    connect(m_runs, &RunsController::runsChanged, this, &RunsView::onRunsChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        followCurrentLog();
        emit selectionChanged(selectedRuns());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] { followCurrentLog(); });
    connect(m_runs, &RunsController::commandFinished, this,
            [this](const QString& action, qint64 id, const QString& error) {
                if (error.isEmpty()) return;
                emit m_runs->message(tr("Run %1: %2").arg(id).arg(error));
                Q_UNUSED(action);
            });
    retranslate();
    onRunsChanged();
}

RunsView::~RunsView() = default;

LaunchDialog* RunsView::launchDialog() const {
    return m_dialog;
}

QList<qint64> RunsView::selectedRuns() const {
    QList<int> rows;
    for (const QModelIndex& i : m_table->selectionModel()->selectedRows()) rows << i.row();
    std::sort(rows.begin(), rows.end());
    QList<qint64> ids;
    for (int r : rows)
        if (const RunInfo* info = m_model->runAt(r)) ids << info->id();
    return ids;
}

qint64 RunsView::currentRun() const {
    const QModelIndex i = m_table->currentIndex();
    if (i.isValid() && m_table->selectionModel()->isRowSelected(i.row(), {}))
        if (const RunInfo* r = m_model->runAt(i.row())) return r->id();
    const QList<qint64> ids = selectedRuns();
    return ids.isEmpty() ? 0 : ids.last();
}

void RunsView::selectRuns(const QList<qint64>& ids) {
    QItemSelection selection;
    int last = -1;
    for (qint64 id : ids) {
        const int row = m_model->rowOf(id);
        if (row < 0) continue;
        selection.select(m_model->index(row, 0), m_model->index(row, RunListModel::ColumnCount - 1));
        last = row;
    }
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (last >= 0)
        m_table->selectionModel()->setCurrentIndex(m_model->index(last, 0), QItemSelectionModel::NoUpdate);
}

LaunchDialog* RunsView::openLaunchDialog(const LaunchOptions* from) {
    if (m_dialog) {
        m_dialog->raise();
        return m_dialog;
    }
    m_dialog = new LaunchDialog(m_runs, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (from) m_dialog->setOptions(*from);
    connect(m_dialog, &LaunchDialog::launched, this, [this](qint64 id) {
        m_selectWhenListed = id;
        onRunsChanged();
    });
    m_dialog->open();
    return m_dialog;
}

void RunsView::duplicateCurrent() {
    const RunInfo* r = m_runs->run(currentRun());
    if (!r) return;
    const QJsonObject cfg = QJsonDocument::fromJson(QByteArray::fromStdString(r->record.config)).object();
    const LaunchOptions o = LaunchOptions::fromRunConfig(cfg, r->name());
    openLaunchDialog(&o);
}

void RunsView::cancelSelected() {
    for (qint64 id : selectedRuns()) m_runs->cancel(id);
}

void RunsView::resumeSelected() {
    for (qint64 id : selectedRuns()) m_runs->resume(id);
}

void RunsView::deleteSelected(bool ask) {
    const QList<qint64> ids = selectedRuns();
    if (ids.isEmpty()) return;
    if (ask) {
        QStringList names;
        for (qint64 id : ids)
            if (const RunInfo* r = m_runs->run(id)) names << runLabel(*r);
        const auto answer = QMessageBox::question(
            this, tr("Delete runs"),
            tr("Delete %1 with their checkpoints, metrics and results? This cannot be undone.")
                .arg(names.join(QStringLiteral(", "))));
        if (answer != QMessageBox::Yes) return;
    }
    // Children first: a run another run continues from cannot go before it.
    QList<qint64> order = ids;
    std::sort(order.begin(), order.end(), std::greater<>());
    for (qint64 id : order) m_runs->remove(id);
}

void RunsView::onRunsChanged() {
    m_model->setRuns(m_runs->runs());
    if (m_selectWhenListed > 0 && m_model->rowOf(m_selectWhenListed) >= 0) {
        selectRuns({m_selectWhenListed});
        m_selectWhenListed = 0;
    }
    int running = 0, queued = 0;
    for (const RunInfo& r : m_runs->runs()) {
        running += r.state() == RunState::Running ? 1 : 0;
        queued += r.queuePosition > 0 ? 1 : 0;
    }
    m_summary->setText(tr("%1 running, %2 queued").arg(running).arg(queued));
    updateActions();
    followCurrentLog();
}

void RunsView::followCurrentLog() {
    const qint64 id = currentRun();
    const RunInfo* r = m_runs->run(id);
    if (!r) return m_log->setRun(0, QString(), false);
    m_log->setRun(id, m_runs->logPath(id), !r->launchedHere && r->record.host != std::string());
}

void RunsView::updateActions() {
    const bool open = m_runs->session() != nullptr && m_runs->hasSnapshot();
    bool canCancel = false, canResume = false, canDelete = false;
    const QList<qint64> ids = selectedRuns();
    for (qint64 id : ids) {
        const RunInfo* r = m_runs->run(id);
        if (!r) continue;
        canCancel = canCancel || r->state() == RunState::Queued || r->state() == RunState::Running;
        canResume = canResume || (r->state() != RunState::Queued && r->state() != RunState::Running &&
                                  r->state() != RunState::Finished);
        canDelete = canDelete || (r->state() != RunState::Running && !r->workersAlive);
    }
    m_new->setEnabled(open);
    m_duplicate->setEnabled(open && currentRun() > 0);
    m_cancel->setEnabled(canCancel);
    m_resume->setEnabled(canResume);
    m_delete->setEnabled(canDelete);
}

void RunsView::retranslate() {
    m_new->setText(tr("&New run…"));
    m_duplicate->setText(tr("D&uplicate and edit…"));
    m_cancel->setText(tr("&Cancel"));
    m_cancel->setToolTip(tr("The worker saves a checkpoint and stops; resume continues from it"));
    m_resume->setText(tr("&Resume"));
    m_resume->setToolTip(tr("Queue the run again; it continues from its last checkpoint"));
    m_delete->setText(tr("&Delete"));
    m_delete->setToolTip(tr("Delete the run with its checkpoints, metrics and results"));
    onRunsChanged();
}

void RunsView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace flame::ui
