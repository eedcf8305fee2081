#include "ui/review/agreement_panel.h"

#include <QComboBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

#include <qcustomplot.h>

#include "storage/review_store.h"
#include "ui/labels.h"
#include "ui/workspace_session.h"

namespace flame::ui {

void AgreementModel::setReport(const AgreementReport& report, Grouping grouping) {
    beginResetModel();
    switch (grouping) {
    case ByTask:
        m_rows = report.byTask;
        break;
    case ByReviewer:
        m_rows = report.byReviewer;
        break;
    case BetweenReviewers:
        m_rows = report.betweenReviewers;
        break;
    }
    endResetModel();
}

int AgreementModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}
int AgreementModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AgreementModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(m_rows.size())) return {};
    const AgreementRow& r = m_rows[std::size_t(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case GroupColumn:
            return QString::fromStdString(r.group);
        case ItemsColumn:
            return qlonglong(r.agreement.items);
        case ShareColumn:
            return std::isnan(r.agreement.observed)
                       ? formatRatio(r.agreement.observed)
                       : formatRatio(100.0 * r.agreement.observed, 1) + QStringLiteral(" %");
        case KappaColumn:
            return formatRatio(r.agreement.kappa);
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != GroupColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == KappaColumn && std::isnan(r.agreement.kappa))
        return tr("Undefined: both sides used one and the same label throughout");
    return {};
}

QVariant AgreementModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return QAbstractTableModel::headerData(section, orientation, role);
    // Short titles: the panel sits beside the review; the tool tips say it in full.
    if (role == Qt::DisplayRole) {
        switch (section) {
        case GroupColumn: return tr("Group");
        case ItemsColumn: return tr("n");
        case ShareColumn: return tr("Agree");
        case KappaColumn: return tr("κ");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case GroupColumn: return tr("Task, reviewer or pair of reviewers");
        case ItemsColumn: return tr("Judgments compared");
        case ShareColumn: return tr("Share of judgments where both gave the same label");
        case KappaColumn: return tr("Cohen's kappa: agreement corrected for chance (1 perfect, 0 chance level)");
        }
    }
    return {};
}

AgreementPanel::AgreementPanel(WorkspaceSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_title(new QLabel(this)),
      m_grouping(new QComboBox(this)), m_table(new QTableView(this)), m_overall(new QLabel(this)),
      m_chart(new QCustomPlot(this)), m_model(new AgreementModel(this)) {
    setObjectName(QStringLiteral("agreementPanel"));
    m_grouping->setObjectName(QStringLiteral("agreementGrouping"));
    m_grouping->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_grouping->setMinimumContentsLength(18);
    m_table->setModel(m_model);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(AgreementModel::GroupColumn,
                                                      QHeaderView::Stretch);
    m_table->setWordWrap(false);
    m_chart->setObjectName(QStringLiteral("agreementChart"));
    m_chart->setMinimumHeight(190);
    m_overall->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_grouping);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_overall);
    layout->addWidget(m_chart);
    connect(m_grouping, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setReport(m_report, AgreementModel::Grouping(m_grouping->currentIndex()));
        updateChart();
    });
    connect(session, &WorkspaceSession::reviewsChanged, this, &AgreementPanel::refresh);
    connect(session, &WorkspaceSession::opened, this, &AgreementPanel::refresh);
    connect(session, &WorkspaceSession::closed, this, &AgreementPanel::refresh);
    retranslate();
}

void AgreementPanel::retranslate() {
    const int current = std::max(0, m_grouping->currentIndex());
    QSignalBlocker block(m_grouping);
    m_grouping->clear();
    m_grouping->addItems({tr("Reviewers against the original label, per task"),
                          tr("Each reviewer against the original label"), tr("Between reviewers")});
    m_grouping->setCurrentIndex(current);
    m_title->setText(tr("<b>Agreement</b>"));
    refresh();
}

void AgreementPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    if (event->type() == QEvent::PaletteChange) updateChart();
    QWidget::changeEvent(event);
}

void AgreementPanel::setGrouping(AgreementModel::Grouping grouping) {
    m_grouping->setCurrentIndex(int(grouping));
}

void AgreementPanel::refresh() {
    Workspace* ws = m_session->workspace();
    m_report = {};
    if (ws) {
        // Small: one row per labelled review (reviews are written by people, not by the million).
        ReviewStore store(*ws);
        if (auto labels = store.labelledReviews()) m_report = agreementReport(*labels);
    }
    m_model->setReport(m_report, AgreementModel::Grouping(std::max(0, m_grouping->currentIndex())));
    updateChart();
    const Agreement& a = m_report.overall;
    m_overall->setText(a.items == 0
                           ? tr("No labelled reviews yet (agree or relabel).")
                           : tr("Overall: %1 labelled reviews, agreement %2 %, κ %3")
                                 .arg(formatCount(a.items), formatRatio(100.0 * a.observed, 1),
                                      formatRatio(a.kappa)));
}

void AgreementPanel::updateChart() {
    // Rebuilt from the model each time: a handful of groups, redrawn when reviews change.
    m_chart->clearPlottables();
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    m_chart->setBackground(pal.brush(QPalette::Base));
    for (QCPAxis* axis : {m_chart->xAxis, m_chart->yAxis}) {
        axis->setBasePen(QPen(text));
        axis->setTickPen(QPen(text));
        axis->setSubTickPen(QPen(text));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(pal.color(QPalette::Mid), 0, Qt::DotLine));
    }
    auto* group = new QCPBarsGroup(m_chart);
    auto* share = new QCPBars(m_chart->xAxis, m_chart->yAxis);
    auto* kappa = new QCPBars(m_chart->xAxis, m_chart->yAxis);
    share->setName(tr("agreement"));
    kappa->setName(tr("κ"));
    share->setBrush(QColor(0x3d, 0x8b, 0xd8));
    share->setPen(Qt::NoPen);
    kappa->setBrush(QColor(0xe0, 0x8a, 0x2c));
    kappa->setPen(Qt::NoPen);
    for (QCPBars* b : {share, kappa}) {
        b->setWidth(0.35);
        b->setBarsGroup(group);
    }
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    const auto& rows = m_model->rows();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const double x = double(i + 1);
        ticker->addTick(x, QString::fromStdString(rows[i].group).left(14));
        if (!std::isnan(rows[i].agreement.observed)) share->addData(x, rows[i].agreement.observed);
        if (!std::isnan(rows[i].agreement.kappa)) kappa->addData(x, rows[i].agreement.kappa);
    }
    m_chart->xAxis->setTicker(ticker);
    m_chart->xAxis->setTickLabelRotation(rows.size() > 3 ? 30 : 0);
    m_chart->xAxis->setRange(0.4, double(rows.size()) + 0.6);
    m_chart->yAxis->setRange(std::min(0.0,
                                      [&] {
                                          double lo = 0;
                                          for (const auto& r : rows)
                                              if (!std::isnan(r.agreement.kappa))
                                                  lo = std::min(lo, r.agreement.kappa);
                                          return lo - 0.05;
                                      }()),
                             1.45); // room above 1 for the legend
    m_chart->legend->setVisible(true);
    m_chart->legend->setBrush(pal.brush(QPalette::Base));
    m_chart->legend->setTextColor(text);
    m_chart->legend->setBorderPen(QPen(pal.color(QPalette::Mid)));
    m_chart->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_chart->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace flame::ui
