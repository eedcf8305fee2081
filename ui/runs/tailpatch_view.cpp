#include "ui/runs/tailpatch_view.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/runs/results_models.h"
#include "ui/runs/run_info.h"
#include "ui/runs/runs_controller.h"
#include "ui/workspace_session.h"

namespace flame::ui {

namespace {

// Task name contains the text (case-insensitive) and, when a bundle is chosen, the task is in it.
class TailpatchFilter : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void set(const QString& text, const QString& bundle) {
        m_text = text;
        m_bundle = bundle;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override {
        const QModelIndex task = sourceModel()->index(row, TailpatchModel::Task, parent);
        if (!m_text.isEmpty() && !task.data().toString().contains(m_text, Qt::CaseInsensitive)) return false;
        if (m_bundle.isEmpty()) return true;
        const QStringList bundles = sourceModel()
                                        ->index(row, TailpatchModel::Bundles, parent)
                                        .data(Qt::UserRole)
                                        .toString()
                                        .split(QLatin1Char(','), Qt::SkipEmptyParts);
        if (m_bundle == QLatin1String("harmful")) { // any category rated -1
            for (int c = TailpatchModel::Chat; c <= TailpatchModel::Safety; ++c)
                if (sourceModel()->index(row, c, parent).data().toString().endsWith(QLatin1String("(-1)"))) return true;
            return false;
        }
        return bundles.contains(m_bundle);
    }

private:
    QString m_text, m_bundle;
};

} // namespace

TailpatchView::TailpatchView(RunsController* runs, QWidget* parent)
    : QWidget(parent), m_controller(runs), m_model(new TailpatchModel(this)), m_proxy(new TailpatchFilter(this)),
      m_run(new QComboBox(this)), m_filter(new QLineEdit(this)), m_bundle(new QComboBox(this)),
      m_table(new QTableView(this)), m_summary(new QLabel(this)), m_legend(new QLabel(this)),
      m_runLabel(new QLabel(this)) {
    setObjectName(QStringLiteral("tailpatchView"));
    m_run->setObjectName(QStringLiteral("tailpatchRun"));
    m_filter->setObjectName(QStringLiteral("tailpatchFilter"));
    m_filter->setClearButtonEnabled(true);
    m_bundle->setObjectName(QStringLiteral("tailpatchBundle"));
    for (const char* b : {"", "general", "chat", "chat_hard", "math", "coding", "safety", "top:chat_hard",
                          "top:coding", "top:safety", "others", "harmful"})
        m_bundle->addItem(QString(), QString::fromLatin1(b));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(Qt::UserRole);
    m_table->setObjectName(QStringLiteral("tailpatchTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(TailpatchModel::Total, Qt::DescendingOrder);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(TailpatchModel::Bundles, QHeaderView::Stretch);
    m_summary->setWordWrap(true);
    m_legend->setTextFormat(Qt::RichText);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_runLabel);
    bar->addWidget(m_run, 1);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_bundle);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_legend);

    connect(m_run, &QComboBox::currentIndexChanged, this, &TailpatchView::reload);
    connect(m_filter, &QLineEdit::textChanged, this, &TailpatchView::applyFilter);
    connect(m_bundle, &QComboBox::currentIndexChanged, this, &TailpatchView::applyFilter);
    connect(m_controller, &RunsController::runsChanged, this, [this] {
        fillRuns();
        // Measurements land while the run tail-patches (its step stays 0 meanwhile): a running run
        // is re-read on every change of its row (heartbeats, ~2 s); others when their state changes.
        const RunInfo* r = m_controller->run(run());
        if (r && (r->state() == RunState::Running || int(r->state()) != m_lastState)) reload();
    });
    retranslate();
    fillRuns();
}

void TailpatchView::fillRuns() {
    const qint64 keep = run();
    QSignalBlocker block(m_run);
    m_run->clear();
    for (const RunInfo& r : m_controller->runs())
        if (r.variant() == QLatin1String("flame-opt-rm"))
            m_run->addItem(tr("%1 — %2").arg(runLabel(r), stateName(r.state())), r.id());
    const int at = m_run->findData(keep);
    m_run->setCurrentIndex(at >= 0 ? at : m_run->count() - 1);
    if (run() != keep) reload();
}

void TailpatchView::setRun(qint64 runId) {
    const int at = m_run->findData(runId);
    if (at >= 0 && at != m_run->currentIndex()) m_run->setCurrentIndex(at);
}

qint64 TailpatchView::run() const {
    return m_run->currentData().toLongLong();
}

void TailpatchView::reload() {
    const RunInfo* r = m_controller->run(run());
    m_lastState = r ? int(r->state()) : -1;
    m_model->load(m_controller->session()->workspace(), run());
    const auto base = m_model->baseScores();
    QStringList baseText;
    for (int c = 0; c < 5; ++c)
        baseText << QStringLiteral("%1 %2").arg(TailpatchModel::categoryTitle(c)).arg(100.0 * base[std::size_t(c)], 0, 'f', 1);
    if (run() <= 0) m_summary->setText(tr("No FLAMe-Opt-RM run in this workspace yet."));
    else if (m_model->entries().isEmpty())
        m_summary->setText(tr("Run %1 has not measured any tail-patch yet.").arg(run()));
    else
        m_summary->setText(
            (m_model->planned() ? tr("%n task(s) tail-patched; the plan set the mixture weights below.", nullptr,
                                     int(m_model->entries().size()))
                                : tr("%n task(s) tail-patched so far; bundles and weights follow when every task "
                                     "is measured.",
                                     nullptr, int(m_model->entries().size()))) +
            QLatin1Char(' ') + tr("Starting checkpoint on the development set: %1.").arg(baseText.join(QStringLiteral(", "))));
    m_legend->setText(tr("Cells: change of the category score in points (rating). <span style=\"background:%1\">"
                         "&nbsp;gain&nbsp;</span> <span style=\"background:%2\">&nbsp;loss&nbsp;</span>, "
                         "scaled to the largest change (%3 points).")
                          .arg(TailpatchModel::heat(1, 1).name(QColor::HexArgb),
                               TailpatchModel::heat(-1, 1).name(QColor::HexArgb))
                          .arg(100.0 * m_model->maxAbsDelta(), 0, 'f', 1));
}

void TailpatchView::setFilter(const QString& text, const QString& bundle) {
    m_filter->setText(text);
    m_bundle->setCurrentIndex(std::max(0, m_bundle->findData(bundle)));
    applyFilter();
}

void TailpatchView::applyFilter() {
    static_cast<TailpatchFilter*>(m_proxy)->set(m_filter->text(), m_bundle->currentData().toString());
}

void TailpatchView::retranslate() {
    m_runLabel->setText(tr("FLAMe-Opt-RM run:"));
    m_filter->setPlaceholderText(tr("Filter tasks…"));
    for (int i = 0; i < m_bundle->count(); ++i) {
        const QString b = m_bundle->itemData(i).toString();
        m_bundle->setItemText(i, b.isEmpty()                       ? tr("every bundle")
                                 : b == QLatin1String("harmful") ? tr("harmful somewhere (-1)")
                                                                 : TailpatchModel::bundleTitle(b));
    }
    fillRuns();
    reload();
}

void TailpatchView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace flame::ui
