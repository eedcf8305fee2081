// The browse benchmark (issue 3's speed goals), driving the real main window on the offscreen
// platform over a large workspace (5.3M judgments in full mode, 300k in quick mode):
//   - first rows visible after opening the workspace (goal <= 300 ms);
//   - visible rows after a scroll to the end, a jump to an id, a filter change (<= 100 ms);
//   - a full-text query's first page (<= 500 ms);
//   - the longest the GUI thread was blocked, by an event-loop latency probe (<= 50 ms);
//   - resident memory (<= 400 MB).
// "Visible" means every row in the table's viewport has its data and the viewport was painted
// once more (synchronously, inside the measured time).
//
// Peers, measured in the same run on the same file:
//   - "count-first + OFFSET": what a table model without a position index does: count(*) of the
//     filter (to know its row count), then `LIMIT n OFFSET k` for the visible page. Run on the
//     benchmark's thread after our phases, so the OS cache is at least as warm for it.
//   - "naive QSqlQueryModel" (where Qt SQL and its SQLite driver are installed), in a child
//     process so that its memory is its own: QSqlQueryModel over the ordered table in a
//     QTableView; reaching the end means fetchMore() until it stops (capped in time), all of it
//     on the GUI thread.
// Usage: bench_browse --mode full|quick --dir SCRATCH [--json FILE] [--workspace FILE]
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QProcess>
#include <QScrollBar>
#include <QSettings>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <random>
#include <sys/stat.h>

#include "bench_support.h"
#include "storage/sample_writer.h"
#include "storage/search_index.h"
#include "storage/sqlite.h"
#include "ui/browse/browser_view.h"
#include "ui/browse/filter_bar.h"
#include "ui/browse/judgment_table_model.h"
#include "ui/browse/task_tree_model.h"
#include "ui/browse/virtual_table_view.h"
#include "ui/main_window.h"
#include "ui/studio_app.h"
#include "ui/workspace_session.h"

#ifdef FLAME_BENCH_HAVE_QTSQL
#include <QSqlDatabase>
#include <QSqlQueryModel>
#endif

using namespace flame;
using flame::bench::arg;

namespace {

double rssMiB() {
    std::ifstream in("/proc/self/status");
    std::string key;
    while (in >> key) {
        if (key == "VmRSS:") {
            double kb = 0;
            in >> kb;
            return kb / 1024.0;
        }
        std::getline(in, key);
    }
    return 0;
}

// The event-loop latency probe: a 5 ms timer on the GUI thread; any gap beyond the interval is
// time the GUI thread could not react.
class StallProbe : public QObject {
public:
    StallProbe() {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const double now = m_clock.nsecsElapsed() / 1e6;
            m_max = std::max(m_max, now - m_last - 5.0);
            m_last = now;
        });
    }
    void start() {
        m_clock.start();
        m_last = 0;
        m_max = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double maxStallMs() const { return std::max(0.0, m_max); }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_last = 0, m_max = 0;
};

// Runs the event loop until `done()` (every state change arrives as an event; the probe's timer
// wakes the loop at least every 5 ms). Returns false on timeout.
bool spinUntil(const std::function<bool()>& done, int timeoutMs = 60000) {
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs) return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

// Time from `start` until the visible rows are loaded, plus one synchronous repaint.
double untilVisible(ui::MainWindow& w, const QElapsedTimer& start,
                    const std::function<bool()>& extra = {}) {
    auto* browser = w.browser();
    const bool ok = spinUntil([&] { return browser->visibleRowsLoaded() && (!extra || extra()); });
    browser->table()->viewport()->repaint();
    const double ms = start.nsecsElapsed() / 1e6;
    if (!ok) {
        std::fprintf(stderr, "bench_browse: timed out waiting for visible rows\n");
        return -1;
    }
    return ms;
}

bool fileExists(const std::string& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0;
}

std::string ensureWorkspace(const std::string& path, std::int64_t judgments) {
    if (fileExists(path)) return path;
    std::fprintf(stderr, "bench_browse: creating %s with %lld judgments (once)\n", path.c_str(),
                 (long long)judgments);
    auto ws = Workspace::create(path);
    if (!ws) {
        std::fprintf(stderr, "%s\n", ws.error().toString().c_str());
        std::exit(1);
    }
    sample::SampleOptions o;
    o.judgments = judgments;
    auto r = writeSampleCorpus(*ws, o);
    auto i = r ? indexSearchText(*ws) : Expected<std::int64_t>(r.error());
    if (!r || !i) {
        std::fprintf(stderr, "%s\n", (r ? i.error() : r.error()).toString().c_str());
        std::exit(1);
    }
    return path;
}

// Milliseconds of a count-first + OFFSET page: `countSql` gives the row count (a model needs it
// for its row count, or a jump needs it for a position), `pageSql` reads 50 rows at the offset
// `offsetOf(count)`, bound to parameter ?10.
double countThenOffset(db::Database& db, const std::string& countSql, const std::string& pageSql,
                       const std::function<void(db::Statement&)>& bind,
                       const std::function<std::int64_t(std::int64_t)>& offsetOf) {
    QElapsedTimer t;
    t.start();
    auto c = db.prepare(countSql);
    bind(*c);
    c->step();
    const std::int64_t count = c->int64(0);
    auto p = db.prepare(pageSql);
    bind(*p);
    p->bind(10, std::max<std::int64_t>(0, offsetOf(count)));
    while (p->step() == db::Statement::Step::Row) {
    }
    return t.nsecsElapsed() / 1e6;
}

#ifdef FLAME_BENCH_HAVE_QTSQL
// The naive peer, in its own process. Prints one line: first_ms end_ms rows complete rss_mib.
int runQtSqlPeer(const QString& path, int capMs) {
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        std::printf("QSQL unavailable\n");
        return 0;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"));
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    QTableView view;
    view.resize(1200, 800);
    view.show();
    QElapsedTimer t;
    t.start();
    if (!db.open()) {
        std::printf("QSQL unavailable\n");
        return 0;
    }
    QSqlQueryModel model;
    model.setQuery(QStringLiteral("SELECT id, task_id, split, label, annotator, substr(context, 1, "
                                  "240) FROM judgments ORDER BY id"),
                   db);
    view.setModel(&model);
    view.viewport()->repaint();
    const double first = t.nsecsElapsed() / 1e6;
    // Scrolling to the bottom of a QSqlQueryModel fetches 256 rows at a time until the end.
    QElapsedTimer e;
    e.start();
    bool complete = true;
    while (model.canFetchMore()) {
        model.fetchMore();
        if (e.elapsed() > capMs) {
            complete = !model.canFetchMore();
            break;
        }
    }
    view.scrollToBottom();
    view.viewport()->repaint();
    const double end = e.nsecsElapsed() / 1e6;
    std::printf("QSQL %.1f %.1f %d %d %.1f\n", first, end, model.rowCount(), complete ? 1 : 0,
                bench::peakMemoryMiB());
    return 0;
}
#endif

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const std::string mode = arg(argc, argv, "--mode", "full");
    const std::string dir = arg(argc, argv, "--dir", "/tmp/flame-bench");
    const std::string json = arg(argc, argv, "--json", "");
    const std::int64_t n = mode == "quick" ? 300000 : 5300000;
    const std::string path = ensureWorkspace(
        arg(argc, argv, "--workspace", dir + "/gui-" + std::to_string(n) + ".flame"), n);
    const int capMs = mode == "quick" ? 10000 : 30000;

#ifdef FLAME_BENCH_HAVE_QTSQL
    if (arg(argc, argv, "--peer", "") == "qsql")
        return runQtSqlPeer(QString::fromStdString(path), capMs);
#endif

    // Settings of the benchmark, not the user's.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       QString::fromStdString(dir + "/settings"));
    ui::initApplication(app);
    QSettings().clear();

    ui::MainWindow w;
    w.resize(1600, 900);
    w.show();
    if (!QTest::qWaitForWindowExposed(&w))
        std::fprintf(stderr, "bench_browse: the window was not exposed\n");
    auto* browser = w.browser();
    auto* model = browser->model();
    StallProbe probe;
    struct Figure {
        std::string name;
        double ms;
    };
    std::vector<Figure> ours;
    std::vector<double> stalls;
    auto phase = [&](const std::string& name, const std::function<double()>& run) {
        probe.start();
        const double ms = run();
        probe.stop();
        stalls.push_back(probe.maxStallMs());
        ours.push_back({name, ms});
        std::fprintf(stderr, "  %-38s %8.1f ms   (max GUI stall %.1f ms)\n", name.c_str(), ms,
                     probe.maxStallMs());
    };

    phase("open: first rows visible", [&] {
        QElapsedTimer t;
        t.start();
        w.openWorkspace(QString::fromStdString(path));
        return untilVisible(w, t, [&] { return model->layoutKnown() && model->rowCount() > 0; });
    });
    const qint64 total = model->rowCount();
    phase("scroll to the end: rows visible", [&] {
        QElapsedTimer t;
        t.start();
        browser->table()->scrollToBottom();
        return untilVisible(w, t);
    });
    std::mt19937_64 rng(7);
    std::vector<double> jumps;
    for (int i = 0; i < 5; ++i) {
        const qint64 id = 1 + qint64(rng() % std::uint64_t(total));
        phase("jump to id " + std::to_string(id) + ": rows visible", [&] {
            QElapsedTimer t;
            t.start();
            browser->jumpTo(id);
            return untilVisible(w, t, [&] {
                const QModelIndex c = browser->table()->currentIndex();
                return c.isValid() && model->judgmentId(c.row()) == id;
            });
        });
        jumps.push_back(ours.back().ms);
    }
    phase("filter: one task (tree)", [&] {
        QElapsedTimer t;
        t.start();
        w.taskTree()->selectTask(QStringLiteral("hh-rlhf-harmlessness"));
        return untilVisible(
            w, t, [&] { return model->filter().taskIds.size() == 1 && model->layoutKnown(); });
    });
    phase("filter: task, scroll to its end", [&] {
        QElapsedTimer t;
        t.start();
        browser->table()->scrollToBottom();
        return untilVisible(w, t);
    });
    phase("filter: all tasks, split = test", [&] {
        w.taskTree()->selectionModel()->select(w.taskTree()->model()->index(0, 0),
                                               QItemSelectionModel::ClearAndSelect |
                                                   QItemSelectionModel::Rows);
        spinUntil([&] { return model->filter().taskIds.empty() && browser->visibleRowsLoaded(); });
        auto* split = w.findChild<QComboBox*>(QStringLiteral("splitFilter"));
        QElapsedTimer t;
        t.start();
        split->setCurrentIndex(split->findData(int(Split::Test)));
        return untilVisible(
            w, t, [&] { return model->filter().split.has_value() && model->layoutKnown(); });
    });
    phase("filter: split = test, scroll to the end", [&] {
        QElapsedTimer t;
        t.start();
        browser->table()->scrollToBottom();
        return untilVisible(w, t);
    });
    phase("filter: split = test, scroll to the middle", [&] {
        QElapsedTimer t;
        t.start();
        browser->table()->verticalScrollBar()->setValue(
            browser->table()->verticalScrollBar()->maximum() / 2);
        return untilVisible(w, t);
    });
    phase("filter: label = B (scanned)", [&] {
        auto* split = w.findChild<QComboBox*>(QStringLiteral("splitFilter"));
        split->setCurrentIndex(0);
        spinUntil([&] { return !model->filter().split && browser->visibleRowsLoaded(); });
        QComboBox* label = browser->filterBar()->labelBox();
        label->setEditText(QStringLiteral("B"));
        QElapsedTimer t;
        t.start();
        QTest::keyClick(label->lineEdit(), Qt::Key_Return);
        return untilVisible(w, t,
                            [&] { return model->filter().label == "B" && model->rowCount() > 0; });
    });
    phase("full text 'sorry': first page", [&] {
        browser->filterBar()->labelBox()->setEditText(QString());
        QLineEdit* search = browser->filterBar()->searchBox();
        search->setText(QStringLiteral("sorry"));
        QElapsedTimer t;
        t.start();
        QTest::keyClick(search, Qt::Key_Return);
        return untilVisible(
            w, t, [&] { return model->filter().search == "sorry" && model->rowCount() > 0; });
    });
    phase("full text 'refus* OR harm*': first page", [&] {
        QLineEdit* search = browser->filterBar()->searchBox();
        search->setText(QStringLiteral("refus* OR harm*"));
        QElapsedTimer t;
        t.start();
        QTest::keyClick(search, Qt::Key_Return);
        return untilVisible(w, t, [&] {
            return model->filter().search == "refus* OR harm*" && model->rowCount() > 0;
        });
    });
    phase("full text: wait for the whole count", [&] {
        QElapsedTimer t;
        t.start();
        spinUntil([&] { return model->complete(); }, 120000);
        return t.nsecsElapsed() / 1e6;
    });
    const double rss = rssMiB();
    const double peak = bench::peakMemoryMiB();
    const double maxStall = *std::max_element(stalls.begin(), stalls.end());
    const qint64 searchRows = model->rowCount();

    // --- peers -----------------------------------------------------------------------------------
    auto peerDb = db::Database::open(path, db::OpenFlags::ReadOnly);
    if (!peerDb) return 1;
    peerDb->exec("PRAGMA cache_size = -32768");
    auto bindNone = [](db::Statement&) {};
    auto first = [](std::int64_t) { return std::int64_t(0); };
    auto last = [](std::int64_t count) { return count - 50; };
    const std::string cols = "SELECT id, task_id, split, label, annotator, context FROM judgments";
    const double peerOpen =
        countThenOffset(*peerDb, "SELECT count(*) FROM judgments",
                        cols + " ORDER BY id LIMIT 50 OFFSET ?10", bindNone, first);
    const double peerEnd =
        countThenOffset(*peerDb, "SELECT count(*) FROM judgments",
                        cols + " ORDER BY id LIMIT 50 OFFSET ?10", bindNone, last);
    std::vector<double> peerJumps;
    std::mt19937_64 rng2(7);
    for (int i = 0; i < 5; ++i) {
        const qint64 id = 1 + qint64(rng2() % std::uint64_t(total));
        peerJumps.push_back(countThenOffset(
            *peerDb, "SELECT count(*) FROM judgments WHERE id < ?1",
            cols + " WHERE ?1 > 0 ORDER BY id LIMIT 50 OFFSET ?10",
            [id](db::Statement& s) { s.bind(1, std::int64_t(id)); },
            [](std::int64_t position) { return position - 25; }));
    }
    auto workspace = Workspace::open(path, WorkspaceMode::ReadOnly);
    const std::int64_t taskId = workspace->taskId("hh-rlhf-harmlessness");
    const double peerTask = countThenOffset(
        *peerDb, "SELECT count(*) FROM judgments WHERE task_id = ?1",
        cols + " WHERE task_id = ?1 ORDER BY id LIMIT 50 OFFSET ?10",
        [taskId](db::Statement& s) { s.bind(1, taskId); }, first);
    const double peerTaskEnd = countThenOffset(
        *peerDb, "SELECT count(*) FROM judgments WHERE task_id = ?1",
        cols + " WHERE task_id = ?1 ORDER BY id LIMIT 50 OFFSET ?10",
        [taskId](db::Statement& s) { s.bind(1, taskId); }, last);
    const double peerSplit =
        countThenOffset(*peerDb, "SELECT count(*) FROM judgments WHERE split = 2",
                        cols + " WHERE split = 2 ORDER BY id LIMIT 50 OFFSET ?10", bindNone, first);
    const double peerSplitEnd =
        countThenOffset(*peerDb, "SELECT count(*) FROM judgments WHERE split = 2",
                        cols + " WHERE split = 2 ORDER BY id LIMIT 50 OFFSET ?10", bindNone, last);
    const double peerLabel = countThenOffset(
        *peerDb, "SELECT count(*) FROM judgments WHERE label = 'B'",
        cols + " WHERE label = 'B' ORDER BY id LIMIT 50 OFFSET ?10", bindNone, first);
    const std::string fts =
        "SELECT j.id, j.task_id, j.split, j.label, j.annotator, j.context FROM judgments_fts f "
        "JOIN judgments j ON j.id = f.rowid "
        "WHERE judgments_fts MATCH '\"sorry\"' ORDER BY f.rowid LIMIT 50 OFFSET ?10";
    const double peerFts = countThenOffset(
        *peerDb, "SELECT count(*) FROM judgments_fts WHERE judgments_fts MATCH '\"sorry\"'", fts,
        bindNone, first);
    std::string fts2 = fts;
    fts2.replace(fts2.find("'\"sorry\"'"), 9, "'\"refus\" * OR \"harm\" *'");
    const double peerFts2 = countThenOffset(
        *peerDb,
        "SELECT count(*) FROM judgments_fts WHERE judgments_fts MATCH '\"refus\" * OR \"harm\" *'",
        fts2, bindNone, first);
    const double peerSplitMiddle =
        countThenOffset(*peerDb, "SELECT count(*) FROM judgments WHERE split = 2",
                        cols + " WHERE split = 2 ORDER BY id LIMIT 50 OFFSET ?10", bindNone,
                        [](std::int64_t count) { return count / 2; });

    // The QSqlQueryModel peer, in a child process.
    double qsqlFirst = 0, qsqlEnd = 0, qsqlRss = 0;
    int qsqlRows = 0, qsqlComplete = 0;
    bool haveQsql = false;
#ifdef FLAME_BENCH_HAVE_QTSQL
    {
        QProcess child;
        child.start(QString::fromLocal8Bit(argv[0]),
                    {"--peer", "qsql", "--mode", QString::fromStdString(mode), "--workspace",
                     QString::fromStdString(path)});
        child.waitForFinished(capMs + 120000);
        const QByteArray out = child.readAllStandardOutput();
        haveQsql = std::sscanf(out.constData(), "QSQL %lf %lf %d %d %lf", &qsqlFirst, &qsqlEnd,
                               &qsqlRows, &qsqlComplete, &qsqlRss) == 5;
    }
#endif

    // --- report ----------------------------------------------------------------------------------
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    auto find = [&](const std::string& prefix) {
        for (const auto& f : ours)
            if (f.name.rfind(prefix, 0) == 0) return f.ms;
        return -1.0;
    };
    const std::string size = std::to_string(total / 1000) + "k judgments";
    const std::string countPeer = "count-first + OFFSET page";
    bench::report({"gui: open, first rows visible (" + size + ")", find("open"), peerOpen, "ms",
                   countPeer, false,
                   haveQsql ? "naive QSqlQueryModel first rows " + std::to_string(int(qsqlFirst)) +
                                  " ms, but it knows 256 rows, not all"
                            : ""},
                  json);
    bench::report({"gui: scroll to end, rows visible", find("scroll to the end"), peerEnd, "ms",
                   countPeer, false,
                   haveQsql ? "naive QSqlQueryModel: " + std::to_string(int(qsqlEnd)) +
                                  " ms to fetch " + std::to_string(qsqlRows) + " rows" +
                                  (qsqlComplete ? "" : " (stopped at the cap, not at the end)")
                            : ""},
                  json);
    bench::report(
        {"gui: jump to id, rows visible (median of 5)", median(jumps), median(peerJumps), "ms",
         "count(id<x) + OFFSET page", false,
         "max " + std::to_string(int(*std::max_element(jumps.begin(), jumps.end()))) + " ms"},
        json);
    bench::report({"gui: filter one task, rows visible", find("filter: one task"), peerTask, "ms",
                   countPeer, false, ""},
                  json);
    bench::report({"gui: filter one task, scroll to end", find("filter: task, scroll"), peerTaskEnd,
                   "ms", countPeer, false, ""},
                  json);
    bench::report({"gui: filter split=test, rows visible", find("filter: all tasks, split"),
                   peerSplit, "ms", countPeer, false, ""},
                  json);
    bench::report({"gui: filter split=test, scroll to end", find("filter: split = test, scroll"),
                   peerSplitEnd, "ms", countPeer, false, ""},
                  json);
    bench::report({"gui: filter split=test, scroll to middle",
                   find("filter: split = test, scroll to the middle"), peerSplitMiddle, "ms",
                   countPeer, false, ""},
                  json);
    bench::report({"gui: filter label=B (scanned), rows visible", find("filter: label"), peerLabel,
                   "ms", countPeer, false, "our count grows in the background"},
                  json);
    bench::report({"gui: full text 'sorry', first page visible", find("full text 'sorry'"), peerFts,
                   "ms", "FTS5 count(*) + OFFSET page", false, ""},
                  json);
    bench::report({"gui: full text 'refus* OR harm*', first page", find("full text 'refus*"),
                   peerFts2, "ms", "FTS5 count(*) + OFFSET page", false,
                   std::to_string(searchRows) + " matches counted in the background in " +
                       std::to_string(int(find("full text: wait"))) + " ms"},
                  json);
    const double peerStall = std::max({peerOpen, peerEnd, peerLabel, peerFts});
    bench::report(
        {"gui: max GUI-thread stall (latency probe)", maxStall,
         haveQsql ? std::max(qsqlEnd, peerStall) : peerStall, "ms",
         haveQsql ? "naive model on the GUI thread" : "count-first queries on the GUI thread",
         false, ""},
        json);
    bench::report({"gui: resident memory after the run", rss, haveQsql ? qsqlRss : 0, "MiB",
                   haveQsql ? "naive QSqlQueryModel peak" : "(no Qt SQL peer)", false,
                   "our peak " + std::to_string(int(peak)) + " MiB"},
                  json);
    std::fprintf(
        stderr,
        "note: the workspace file was in the OS page cache (warm), as after any recent use.\n");
    return 0;
}
