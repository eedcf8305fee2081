#include "ui/runs/curves_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QTextStream>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include <qcustomplot.h>

#include "ui/runs/run_colors.h"
#include "ui/runs/runs_controller.h"

namespace flame::ui {

namespace {

// Scatter marks make sparse evaluation curves readable; on dense curves they only cost time.
constexpr int kMaxMarkedPoints = 200;

double keyOf(const MetricPoint& p, CurvesView::XAxis axis) {
    return axis == CurvesView::XAxis::Steps ? double(p.step) : double(p.examples);
}

} // namespace

CurvesView::CurvesView(RunsController* runs, QWidget* parent)
    : QWidget(parent), m_controller(runs), m_plot(new QCustomPlot(this)), m_metrics(defaultMetrics()),
      m_redraw(new QTimer(this)), m_axis(new QComboBox(this)), m_logBox(new QCheckBox(this)),
      m_reset(new QToolButton(this)), m_export(new QToolButton(this)), m_readout(new QLabel(this)),
      m_empty(new QLabel(this)) {
    setObjectName(QStringLiteral("curvesView"));
    m_plot->setObjectName(QStringLiteral("curvesPlot"));
    m_redraw->setSingleShot(true);
    m_redraw->setInterval(40);
    connect(m_redraw, &QTimer::timeout, this, &CurvesView::onRedraw);

    auto* bar = new QHBoxLayout;
    for (const QString& m : availableMetrics()) {
        auto* b = new QToolButton(this);
        b->setObjectName(QStringLiteral("metric_") + m);
        b->setCheckable(true);
        b->setChecked(m_metrics.contains(m));
        connect(b, &QToolButton::toggled, this, [this] {
            QStringList on;
            for (const QString& name : availableMetrics())
                if (m_toggles.value(name)->isChecked()) on << name;
            setMetrics(on);
        });
        m_toggles.insert(m, b);
        bar->addWidget(b);
    }
    bar->addStretch(1);
    m_axis->setObjectName(QStringLiteral("xAxis"));
    m_axis->addItem(QString());
    m_axis->addItem(QString());
    connect(m_axis, &QComboBox::currentIndexChanged, this,
            [this](int i) { setXAxis(i == 0 ? XAxis::Steps : XAxis::Examples); });
    m_logBox->setObjectName(QStringLiteral("logScale"));
    m_logBox->setChecked(m_log);
    connect(m_logBox, &QCheckBox::toggled, this, &CurvesView::setLogScale);
    m_reset->setObjectName(QStringLiteral("resetView"));
    connect(m_reset, &QToolButton::clicked, this, &CurvesView::resetView);
    m_export->setObjectName(QStringLiteral("exportCurves"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(m_export);
    for (const char* kind : {"png", "pdf", "csv"}) {
        QAction* a = menu->addAction(QString::fromLatin1(kind).toUpper());
        connect(a, &QAction::triggered, this, [this, kind] { exportDialog(QString::fromLatin1(kind)); });
    }
    m_export->setMenu(menu);
    bar->addWidget(m_axis);
    bar->addWidget(m_logBox);
    bar->addWidget(m_reset);
    bar->addWidget(m_export);

    m_readout->setObjectName(QStringLiteral("readout"));
    m_readout->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_empty->setAlignment(Qt::AlignCenter);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_readout);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_empty);

    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->setPlottingHint(QCP::phFastPolylines, true); // segments, not one joined path
    m_plot->setMinimumHeight(240);
    // Any zoom or pan by the user freezes the ranges until "Reset view".
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this] { m_userRange = true; });
    connect(m_plot, &QCustomPlot::mousePress, this, [this] { m_userRange = true; });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* e) {
        const QString text = readoutAt(e->pos());
        m_readout->setText(text.isEmpty() ? QStringLiteral(" ") : text);
    });
    if (m_controller) {
        connect(m_controller, &RunsController::seriesReady, this, &CurvesView::onSeriesReady);
        connect(m_controller, &RunsController::runsChanged, this, [this] {
            // Labels follow renames; a deleted run disappears.
            QVector<Run> kept;
            bool changed = false;
            for (Run r : m_runs) {
                if (const RunInfo* info = m_controller->run(r.id)) {
                    const QString label = runLabel(*info);
                    changed = changed || label != r.label;
                    r.label = label;
                    kept.push_back(r);
                } else {
                    changed = true;
                }
            }
            if (changed) setRuns(kept);
        });
    }
    retranslate();
    rebuild();
}

QStringList CurvesView::availableMetrics() {
    return {QStringLiteral("chat_hard"), QStringLiteral("safety"),  QStringLiteral("chat"),
            QStringLiteral("reasoning"), QStringLiteral("score"),   QStringLiteral("loss"),
            QStringLiteral("eval_loss"), QStringLiteral("lr")};
}

QStringList CurvesView::defaultMetrics() {
    return {QStringLiteral("chat_hard"), QStringLiteral("safety")};
}

QString CurvesView::metricTitle(const QString& m) {
    if (m == QLatin1String("chat_hard")) return tr("Chat Hard");
    if (m == QLatin1String("safety")) return tr("Safety");
    if (m == QLatin1String("chat")) return tr("Chat");
    if (m == QLatin1String("reasoning")) return tr("Reasoning");
    if (m == QLatin1String("score")) return tr("Score");
    if (m == QLatin1String("loss")) return tr("Training loss");
    if (m == QLatin1String("eval_loss")) return tr("Held-out loss");
    if (m == QLatin1String("lr")) return tr("Learning rate");
    return m;
}

bool CurvesView::isLossLike(const QString& m) {
    return m == QLatin1String("loss") || m == QLatin1String("eval_loss") || m == QLatin1String("lr");
}

void CurvesView::setRuns(const QVector<Run>& runs) {
    m_runs = runs;
    rebuild();
}

void CurvesView::setMetrics(const QStringList& metrics) {
    if (metrics == m_metrics) return;
    m_metrics = metrics;
    for (auto it = m_toggles.cbegin(); it != m_toggles.cend(); ++it) {
        QSignalBlocker block(it.value());
        it.value()->setChecked(metrics.contains(it.key()));
    }
    rebuild();
}

void CurvesView::setXAxis(XAxis axis) {
    if (axis == m_xAxis) return;
    m_xAxis = axis;
    QSignalBlocker block(m_axis);
    m_axis->setCurrentIndex(axis == XAxis::Steps ? 0 : 1);
    for (auto it = m_graphs.cbegin(); it != m_graphs.cend(); ++it) applyData(it.key());
    retranslate();
    m_userRange = false;
    autoRange();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void CurvesView::setLogScale(bool on) {
    m_log = on;
    QSignalBlocker block(m_logBox);
    m_logBox->setChecked(on);
    rebuild();
}

void CurvesView::rebuild() {
    // Everything in the plot is rebuilt (rare: a change of runs or metrics); the data stays.
    m_plot->clearGraphs();
    m_plot->plotLayout()->clear(); // deletes the axis rects and the legend
    m_rects.clear();
    m_graphs.clear();
    m_legend = new QCPLegend;
    m_plot->plotLayout()->addElement(0, 0, m_legend);
    m_legend->setLayer(QStringLiteral("legend"));
    m_legend->setWrap(5);
    m_legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_legend->setBorderPen(Qt::NoPen);
    m_legend->setBrush(Qt::NoBrush);
    m_legend->setTextColor(palette().color(QPalette::WindowText));
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);
    auto* grid = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(1, 0, grid);
    m_plot->setBackground(palette().brush(QPalette::Base));
    const QColor fg = palette().color(QPalette::Text);
    const QColor gridColour = palette().color(QPalette::Mid);
    for (int i = 0; i < m_metrics.size(); ++i) {
        const QString& metric = m_metrics[i];
        auto* rect = new QCPAxisRect(m_plot);
        grid->addElement(i / 2, i % 2, rect);
        rect->axis(QCPAxis::atTop)->setVisible(false);
        rect->axis(QCPAxis::atRight)->setVisible(false);
        for (QCPAxis* a : {rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft)}) {
            a->setBasePen(QPen(fg));
            a->setTickPen(QPen(fg));
            a->setSubTickPen(QPen(fg));
            a->setTickLabelColor(fg);
            a->setLabelColor(fg);
            a->grid()->setPen(QPen(gridColour, 0, Qt::DotLine));
        }
        rect->axis(QCPAxis::atLeft)->setLabel(metricTitle(metric));
        rect->axis(QCPAxis::atBottom)->setLabel(m_xAxis == XAxis::Steps ? tr("training steps")
                                                                        : tr("training examples seen"));
        if (m_log && isLossLike(metric)) {
            rect->axis(QCPAxis::atLeft)->setScaleType(QCPAxis::stLogarithmic);
            rect->axis(QCPAxis::atLeft)->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTickerLog));
        }
        m_rects.insert(metric, rect);
        for (const Run& run : m_runs) {
            const SeriesKey key{run.id, metric};
            QCPGraph* g = m_plot->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
            g->setName(run.label);
            g->removeFromLegend();
            if (i == 0) g->addToLegend(m_legend); // one legend entry per run: colours are per run
            m_graphs.insert(key, g);
            applyData(key);
        }
    }
    // Data of series no longer shown is dropped (the service forgets them too).
    for (auto it = m_data.begin(); it != m_data.end();)
        it = m_graphs.contains(it.key()) ? std::next(it) : m_data.erase(it);
    const bool nothing = m_runs.isEmpty() || m_metrics.isEmpty();
    m_plot->setVisible(!nothing);
    m_empty->setVisible(nothing);
    m_userRange = false;
    autoRange();
    refollow();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void CurvesView::refollow() {
    if (!m_controller) return;
    QVector<SeriesKey> keys;
    for (auto it = m_graphs.cbegin(); it != m_graphs.cend(); ++it) keys.push_back(it.key());
    m_controller->follow(keys);
}

void CurvesView::styleGraph(QCPGraph* g, const SeriesKey& key) const {
    // A few evaluation points read best as a thick line with marks. A dense series is drawn with
    // a cosmetic one-pixel pen: Qt strokes wide antialiased polylines through its path stroker,
    // which made a redraw of 10 runs x 10,000 points take ~1.8 s instead of milliseconds.
    const bool sparse = m_data.value(key).size() <= kMaxMarkedPoints;
    QPen pen(runColor(key.runId), sparse ? 2 : 1);
    pen.setCosmetic(true);
    g->setPen(pen);
    g->setScatterStyle(sparse ? QCPScatterStyle(QCPScatterStyle::ssDisc, 5) : QCPScatterStyle());
}

void CurvesView::applyData(const SeriesKey& key) {
    QCPGraph* g = m_graphs.value(key);
    if (!g) return;
    const QVector<MetricPoint>& pts = m_data.value(key);
    QVector<double> keys, values;
    keys.reserve(pts.size());
    values.reserve(pts.size());
    for (const MetricPoint& p : pts) {
        keys.push_back(keyOf(p, m_xAxis));
        values.push_back(p.value);
    }
    g->setData(keys, values, true);
    styleGraph(g, key);
}

void CurvesView::appendPoints(const SeriesKey& key, const QVector<MetricPoint>& points, bool reset) {
    QVector<MetricPoint>& data = m_data[key];
    QCPGraph* g = m_graphs.value(key);
    // A point at or before the last step replaces history (a run resumed from an older
    // checkpoint): rebuild the series rather than append out of order.
    const bool rewinds = !data.isEmpty() && !points.isEmpty() && points.front().step <= data.back().step;
    if (reset || rewinds) {
        if (rewinds && !reset) {
            const qint64 first = points.front().step;
            while (!data.isEmpty() && data.back().step >= first) data.removeLast();
        } else {
            data.clear();
        }
        data += points;
        applyData(key);
        return;
    }
    data += points;
    if (!g) return;
    QVector<double> keys, values;
    keys.reserve(points.size());
    values.reserve(points.size());
    for (const MetricPoint& p : points) {
        keys.push_back(keyOf(p, m_xAxis));
        values.push_back(p.value);
    }
    g->addData(keys, values, true);
    styleGraph(g, key);
}

int CurvesView::pointCount(const SeriesKey& key) const {
    return int(m_data.value(key).size());
}

void CurvesView::onSeriesReady() {
    if (!m_redraw->isActive()) m_redraw->start();
}

void CurvesView::onRedraw() {
    if (!m_controller) return;
    bool any = false;
    for (SeriesChunk& c : m_controller->series()->take()) {
        if (!m_graphs.contains(c.key)) continue; // no longer shown
        appendPoints(c.key, c.points, c.reset);
        any = true;
    }
    if (!any) return;
    autoRange();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    ++m_redraws;
    emit redrawn();
}

void CurvesView::redrawNow() {
    m_redraw->stop();
    onRedraw();
    m_plot->replot(QCustomPlot::rpImmediateRefresh);
}

void CurvesView::autoRange() {
    if (m_userRange) return;
    for (auto it = m_rects.cbegin(); it != m_rects.cend(); ++it) {
        QCPAxisRect* rect = it.value();
        bool any = false;
        QCPRange x, y;
        for (QCPGraph* g : rect->graphs()) {
            if (g->dataCount() == 0) continue;
            bool okX = false, okY = false;
            const QCPRange gx = g->getKeyRange(okX);
            const QCPRange gy = g->getValueRange(okY, QCP::sdBoth);
            if (!okX || !okY) continue;
            x = any ? QCPRange(std::min(x.lower, gx.lower), std::max(x.upper, gx.upper)) : gx;
            y = any ? QCPRange(std::min(y.lower, gy.lower), std::max(y.upper, gy.upper)) : gy;
            any = true;
        }
        QCPAxis* xa = rect->axis(QCPAxis::atBottom);
        QCPAxis* ya = rect->axis(QCPAxis::atLeft);
        if (!any) {
            xa->setRange(0, 1);
            ya->setRange(isLossLike(it.key()) && m_log ? QCPRange(0.1, 10) : QCPRange(0, 1));
            continue;
        }
        if (x.size() <= 0) x = QCPRange(x.lower - 1, x.upper + 1);
        xa->setRange(x);
        if (ya->scaleType() == QCPAxis::stLogarithmic) {
            ya->setRange(y.lower / 1.2, y.upper * 1.2);
        } else {
            const double pad = y.size() > 0 ? 0.06 * y.size() : 0.05;
            ya->setRange(y.lower - pad, y.upper + pad);
        }
    }
}

void CurvesView::resetView() {
    m_userRange = false;
    autoRange();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString CurvesView::readoutAt(const QPoint& pos) const {
    for (auto it = m_rects.cbegin(); it != m_rects.cend(); ++it) {
        QCPAxisRect* rect = it.value();
        if (!rect->rect().contains(pos)) continue;
        double best = 24.0; // pixels: farther than that, the cursor is not "on" a point
        QString text;
        for (auto g = m_graphs.cbegin(); g != m_graphs.cend(); ++g) {
            if (g.key().metric != it.key() || g.value()->dataCount() == 0) continue;
            QCPGraph* graph = g.value();
            const double key = graph->keyAxis()->pixelToCoord(pos.x());
            const auto data = graph->data();
            auto at = data->findBegin(key, false); // first point at or after the cursor's key
            for (auto c : {at, at == data->constBegin() ? at : at - 1}) {
                if (c == data->constEnd()) continue;
                const QPointF px = graph->coordsToPixels(c->key, c->value);
                const double d = std::hypot(px.x() - pos.x(), px.y() - pos.y());
                if (d >= best) continue;
                const int index = int(c - data->constBegin());
                const QVector<MetricPoint>& pts = m_data.value(g.key());
                if (index >= pts.size()) continue;
                const MetricPoint& p = pts[index];
                best = d;
                text = tr("%1 · %2: %3 at step %4 (%5 training examples)")
                           .arg(graph->name(), metricTitle(it.key()))
                           .arg(QString::number(p.value, 'g', 6))
                           .arg(p.step)
                           .arg(p.examples);
            }
        }
        return text;
    }
    return {};
}

bool CurvesView::exportCsv(const QString& path) const {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) return false;
    QTextStream out(&f);
    out << "run,run_name,metric,step,examples,value\n";
    QList<SeriesKey> keys = m_data.keys();
    std::sort(keys.begin(), keys.end(), [](const SeriesKey& a, const SeriesKey& b) {
        return a.runId != b.runId ? a.runId < b.runId : a.metric < b.metric;
    });
    auto quote = [](QString s) { return QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"'); };
    for (const SeriesKey& k : keys) {
        QString label;
        for (const Run& r : m_runs)
            if (r.id == k.runId) label = r.label;
        for (const MetricPoint& p : m_data.value(k))
            out << k.runId << ',' << quote(label) << ',' << k.metric << ',' << p.step << ',' << p.examples << ','
                << QString::number(p.value, 'g', 17) << '\n';
    }
    out.flush();
    return f.error() == QFile::NoError;
}

bool CurvesView::exportPng(const QString& path, int width, int height) {
    return m_plot->savePng(path, width, height);
}

bool CurvesView::exportPdf(const QString& path) {
    return m_plot->savePdf(path);
}

void CurvesView::exportDialog(const QString& kind) {
    const QString filter = kind == QLatin1String("csv")   ? tr("CSV (*.csv)")
                           : kind == QLatin1String("pdf") ? tr("PDF (*.pdf)")
                                                          : tr("PNG image (*.png)");
    QString path = QFileDialog::getSaveFileName(this, tr("Export curves"), QString(), filter);
    if (path.isEmpty()) return;
    if (!path.endsWith(QLatin1Char('.') + kind)) path += QLatin1Char('.') + kind;
    const bool ok = kind == QLatin1String("csv") ? exportCsv(path)
                    : kind == QLatin1String("pdf") ? exportPdf(path)
                                                   : exportPng(path);
    m_readout->setText(ok ? tr("Exported %1").arg(path) : tr("Cannot write %1").arg(path));
}

void CurvesView::retranslate() {
    for (auto it = m_toggles.cbegin(); it != m_toggles.cend(); ++it) it.value()->setText(metricTitle(it.key()));
    m_axis->setItemText(0, tr("vs. steps"));
    m_axis->setItemText(1, tr("vs. training examples"));
    m_logBox->setText(tr("Log scale for losses"));
    m_reset->setText(tr("Reset view"));
    m_reset->setToolTip(tr("Fit every curve again (zoom with the wheel, pan by dragging)"));
    m_export->setText(tr("Export"));
    m_empty->setText(tr("Select one or more runs in the list to see their curves."));
    for (auto it = m_rects.cbegin(); it != m_rects.cend(); ++it) {
        it.value()->axis(QCPAxis::atLeft)->setLabel(metricTitle(it.key()));
        it.value()->axis(QCPAxis::atBottom)->setLabel(m_xAxis == XAxis::Steps ? tr("training steps")
                                                                              : tr("training examples seen"));
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void CurvesView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    if (event->type() == QEvent::PaletteChange) rebuild();
    QWidget::changeEvent(event);
}

} // namespace flame::ui
