// The live-curves redraw benchmark (issue 5, part 3: a redraw of 10 runs x 10,000 points stays
// under 16 ms). Drives the studio's real CurvesView on the offscreen platform at the size the
// Runs tab gives it, with its default layout: the paper's Figure 5 charts, Chat Hard and Safety,
// so 10 runs x 10,000 points in each of the two charts (200,000 points per redraw).
//
// Figures (median and 95th percentile of repeated redraws, after warm-up):
//   - full redraw: QCustomPlot::replot(rpImmediateRefresh) of the whole view;
//   - live tick: 10 new points appended to every curve, ranges refitted, redrawn — what happens
//     each time the coalescing timer fires while runs train.
// Peers, measured in the same run on the same data and size:
//   - the same widget with QCustomPlot's adaptive sampling off (every point stroked), i.e. what a
//     plot that does not reduce dense data costs;
//   - a hand-written QPainter::drawPolyline of every point into an image of the same size,
//     antialiased, with the view's one-pixel cosmetic pen for dense series.
// Usage: bench_curves [--runs 10] [--points 10000] [--repeat 40] [--json FILE]
#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <random>

#include <qcustomplot.h>

#include "bench_support.h"
#include "ui/runs/curves_view.h"
#include "ui/runs/run_colors.h"

using namespace flame;
using flame::bench::arg;

namespace {

struct Timing {
    double median = 0, p95 = 0;
};

template <class F> Timing measure(int repeat, F&& f) {
    for (int i = 0; i < 3; ++i) f(); // warm-up: caches, glyphs, buffers
    std::vector<double> ms;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, std::size_t(double(ms.size()) * 0.95))]};
}

// A learning curve: rises towards a plateau with evaluation noise, like Chat Hard does.
QVector<MetricPoint> curve(std::mt19937_64& rng, int n, std::int64_t firstStep, double plateau) {
    std::normal_distribution<double> noise(0.0, 0.015);
    QVector<MetricPoint> out;
    out.reserve(n);
    for (int i = 0; i < n; ++i) {
        const std::int64_t step = firstStep + i;
        const double v = 0.5 + (plateau - 0.5) * (1.0 - std::exp(-double(step) / 2500.0)) + noise(rng);
        out.push_back({step, step * 16, v});
    }
    return out;
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    const int runs = std::stoi(arg(argc, argv, "--runs", "10"));
    const int n = std::stoi(arg(argc, argv, "--points", "10000"));
    const int repeat = std::stoi(arg(argc, argv, "--repeat", "40"));
    const std::string json = arg(argc, argv, "--json", "");

    // The curves area of the Runs tab in a 1600 x 900 window.
    ui::CurvesView view(nullptr);
    view.resize(960, 760);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view)) return 1;
    QVector<ui::CurvesView::Run> list;
    for (int r = 1; r <= runs; ++r) list.push_back({r, QStringLiteral("#%1 run").arg(r)});
    view.setRuns(list);
    std::mt19937_64 rng(42);
    for (int r = 1; r <= runs; ++r)
        for (const QString& m : view.metrics()) view.appendPoints({r, m}, curve(rng, n, 1, 0.6 + 0.03 * r));
    view.resetView();
    QCustomPlot* plot = view.plot();
    const int totalPoints = runs * n * int(view.metrics().size());
    std::printf("curves: %d runs x %d points x %d charts = %d points, view %dx%d\n", runs, n,
                int(view.metrics().size()), totalPoints, plot->width(), plot->height());

    const Timing full = measure(repeat, [&] { plot->replot(QCustomPlot::rpImmediateRefresh); });

    std::int64_t next = n + 1;
    const Timing tick = measure(repeat, [&] {
        for (int r = 1; r <= runs; ++r)
            for (const QString& m : view.metrics()) view.appendPoints({r, m}, curve(rng, 10, next, 0.6 + 0.03 * r));
        next += 10;
        view.resetView(); // refit, as live points do
        plot->replot(QCustomPlot::rpImmediateRefresh);
    });

    // Peer 1: the same widget stroking every point.
    for (int i = 0; i < plot->graphCount(); ++i) plot->graph(i)->setAdaptiveSampling(false);
    const Timing naive = measure(std::max(5, repeat / 4), [&] { plot->replot(QCustomPlot::rpImmediateRefresh); });
    for (int i = 0; i < plot->graphCount(); ++i) plot->graph(i)->setAdaptiveSampling(true);

    // Peer 2: a polyline of every point per curve, painted by hand into an image of the plot's size
    // (two charts side by side, like the view).
    QImage image(plot->size() * plot->devicePixelRatioF(), QImage::Format_ARGB32_Premultiplied);
    QVector<QVector<QPointF>> polylines;
    const int charts = int(view.metrics().size());
    const double chartWidth = double(image.width()) / charts;
    for (int c = 0; c < charts; ++c)
        for (int r = 1; r <= runs; ++r) {
            const auto pts = curve(rng, n, 1, 0.6 + 0.03 * r);
            QVector<QPointF> line;
            line.reserve(pts.size());
            for (const MetricPoint& p : pts)
                line.push_back({c * chartWidth + double(p.step) / double(n) * (chartWidth - 20),
                                double(image.height()) * (1.0 - (p.value - 0.45) / 0.5)});
            polylines.push_back(std::move(line));
        }
    const Timing painter = measure(std::max(5, repeat / 4), [&] {
        image.fill(Qt::white);
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        for (int i = 0; i < polylines.size(); ++i) {
            QPen pen(ui::runColor(i % runs + 1), 1); // the view's pen for dense series
            pen.setCosmetic(true);
            p.setPen(pen);
            p.drawPolyline(polylines[i].constData(), int(polylines[i].size()));
        }
    });

    const std::string what = std::to_string(runs) + " runs x " + std::to_string(n) + " points x " +
                             std::to_string(charts) + " charts";
    auto note = [](const Timing& ours, const Timing& peer) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "p95 ours %.1f ms, peer %.1f ms; goal < 16 ms", ours.p95, peer.p95);
        return std::string(buf);
    };
    bench::report({"curves full redraw, " + what + " (median)", full.median, naive.median, "ms",
                   "same view, adaptive sampling off", false, note(full, naive)},
                  json);
    bench::report({"curves full redraw, " + what + " (median)", full.median, painter.median, "ms",
                   "QPainter polyline of every point", false, note(full, painter)},
                  json);
    bench::report({"curves live tick (+10 points/curve, refit, redraw)", tick.median, naive.median, "ms",
                   "same view, adaptive sampling off", false, note(tick, naive)},
                  json);
    std::printf("goal: a redraw under 16 ms: %s (median %.1f ms, p95 %.1f ms)\n",
                full.p95 < 16.0 ? "met" : "NOT met", full.median, full.p95);
    return 0;
}
