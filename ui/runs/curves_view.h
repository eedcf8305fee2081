#pragma once
// Live training curves (issue 5, part 3; the paper's Figure 5): one chart per metric — Chat Hard
// and Safety by default; Chat, Reasoning, score, training loss, held-out loss and learning rate on
// demand — against steps or training examples seen, with any set of runs overlaid in one colour
// each and a legend. Zoom and pan with the mouse, a log scale for losses and the learning rate, a
// read-out of the exact point under the cursor, and export to PNG, PDF and CSV (every point, never
// downsampled: the view keeps every point it was given).
//
// Live: the RunService reads new points into a SeriesBuffer and pokes the view; the view takes
// them when its 40 ms single-shot timer fires and asks for a queued replot (DESIGN.md section 7),
// so a burst of points costs one redraw. The view also works without a controller: the benchmark
// and tests hand it points with appendPoints().
#include <QHash>
#include <QVector>
#include <QWidget>

#include "ui/runs/series_buffer.h"

class QCheckBox;
class QComboBox;
class QCPAxisRect;
class QCPGraph;
class QCPLegend;
class QCustomPlot;
class QLabel;
class QTimer;
class QToolButton;

namespace flame::ui {

class RunsController;

class CurvesView : public QWidget {
    Q_OBJECT
public:
    enum class XAxis { Steps, Examples };
    struct Run {
        qint64 id = 0;
        QString label;
    };

    explicit CurvesView(RunsController* runs, QWidget* parent = nullptr);

    // run_metrics names, in the order the toggles show them.
    static QStringList availableMetrics();
    static QStringList defaultMetrics(); // chat_hard, safety
    static QString metricTitle(const QString& metric);
    static bool isLossLike(const QString& metric); // positive, spans decades: log scale applies

    void setRuns(const QVector<Run>& runs);
    const QVector<Run>& runs() const { return m_runs; }
    void setMetrics(const QStringList& metrics);
    QStringList metrics() const { return m_metrics; }
    void setXAxis(XAxis axis);
    XAxis xAxis() const { return m_xAxis; }
    void setLogScale(bool on);
    bool logScale() const { return m_log; }

    // Points of one series (tests, benchmark; live points arrive through the controller).
    void appendPoints(const SeriesKey& key, const QVector<MetricPoint>& points, bool reset = false);
    int pointCount(const SeriesKey& key) const;
    QCustomPlot* plot() const { return m_plot; }
    QCPGraph* graph(const SeriesKey& key) const { return m_graphs.value(key); }
    QCPAxisRect* chart(const QString& metric) const { return m_rects.value(metric); }

    // Text of the point nearest to `pos` (plot coordinates), empty when none is within reach.
    QString readoutAt(const QPoint& pos) const;
    bool exportCsv(const QString& path) const;
    bool exportPng(const QString& path, int width = 0, int height = 0);
    bool exportPdf(const QString& path);
    void resetView();
    // Takes what is pending now and replots at once (tests that must not wait for the timer).
    void redrawNow();
    int redrawCount() const { return m_redraws; }

signals:
    void redrawn(); // after pending points were applied and a replot was queued

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void refollow();
    void applyData(const SeriesKey& key);
    void autoRange();
    void styleGraph(QCPGraph* graph, const SeriesKey& key) const;
    void onSeriesReady();
    void onRedraw();
    void retranslate();
    void exportDialog(const QString& kind);

    RunsController* m_controller;
    QCustomPlot* m_plot;
    QCPLegend* m_legend = nullptr;
    QVector<Run> m_runs;
    QStringList m_metrics;
    XAxis m_xAxis = XAxis::Steps;
    bool m_log = true;
    bool m_userRange = false; // the user zoomed or panned: new points do not rescale
    QHash<SeriesKey, QVector<MetricPoint>> m_data;
    QHash<QString, QCPAxisRect*> m_rects;
    QHash<SeriesKey, QCPGraph*> m_graphs;
    QTimer* m_redraw;
    int m_redraws = 0;

    QHash<QString, QToolButton*> m_toggles;
    QComboBox* m_axis;
    QCheckBox* m_logBox;
    QToolButton* m_reset;
    QToolButton* m_export;
    QLabel* m_readout;
    QLabel* m_empty;
};

} // namespace flame::ui
