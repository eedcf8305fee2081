// Browsing by position: every filter's rows, their order and their positions are compared with a
// reference computed the slow, obvious way (every row read, filtered and sorted in C++), on a
// sample workspace whose tasks are dense id ranges and on one where two tasks are interleaved
// (sparse ids, overlapping ranges), with the default window and with a tiny one that forces the
// sparse-index paths.
#include <QtTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <random>
#include <set>
#include <thread>

#include "model/sample/corpus.h"
#include "storage/browse.h"
#include "storage/judgment_store.h"
#include "storage/review_store.h"
#include "storage/sample_writer.h"
#include "storage/search_index.h"
#include "tests/storage/storage_test_support.h"
#include "tests/test_support.h"

using namespace flame;

namespace {

struct RefRow {
    std::int64_t id, taskId;
    int split;
    std::string label, annotator;
};

std::vector<RefRow> allRows(Workspace& ws) {
    std::vector<RefRow> out;
    auto st = ws.db().prepare("SELECT id, task_id, split, label, annotator FROM judgments");
    while (st->step() == db::Statement::Step::Row)
        out.push_back(
            {st->int64(0), st->int64(1), int(st->int64(2)), st->string(3), st->string(4)});
    return out;
}

std::set<std::int64_t> idSet(Workspace& ws, const std::string& sql,
                             const std::string& bindText = {}) {
    std::set<std::int64_t> out;
    auto st = ws.db().prepare(sql);
    if (!st) qFatal("%s", st.error().toString().c_str());
    if (!bindText.empty()) st->bind(1, bindText);
    while (st->step() == db::Statement::Step::Row)
        out.insert(st->int64(0));
    return out;
}

// The reference: filter every row in C++, order by (task id, id).
std::vector<std::int64_t> reference(Workspace& ws, const BrowseFilter& f) {
    const auto tasks = selectTasks(ws, f);
    const std::set<std::int64_t> taskSet(tasks.begin(), tasks.end());
    std::set<std::int64_t> searchIds, reviewIds;
    if (!f.search.empty())
        searchIds = idSet(ws, "SELECT rowid FROM judgments_fts WHERE judgments_fts MATCH ?",
                          parseSearch(f.search).expression);
    const char* reviewSql = nullptr;
    switch (f.review) {
    case ReviewFilter::Any:
        break;
    case ReviewFilter::Unreviewed:
    case ReviewFilter::Reviewed:
        reviewSql = "SELECT judgment_id FROM reviews WHERE withdrawn = 0";
        break;
    case ReviewFilter::Agreed:
        reviewSql = "SELECT judgment_id FROM reviews WHERE withdrawn = 0 AND verdict = 'agree'";
        break;
    case ReviewFilter::Flagged:
        reviewSql = "SELECT judgment_id FROM reviews WHERE withdrawn = 0 AND verdict = 'flag'";
        break;
    case ReviewFilter::Relabelled:
        reviewSql = "SELECT judgment_id FROM reviews WHERE withdrawn = 0 AND verdict = 'relabel'";
        break;
    case ReviewFilter::Disputed:
        reviewSql = "SELECT r.judgment_id FROM reviews r JOIN judgments j ON j.id = r.judgment_id "
                    "WHERE r.withdrawn = 0 "
                    "AND r.verdict = 'relabel' AND r.label <> j.label AND r.judgment_id NOT IN "
                    "(SELECT judgment_id FROM gold_labels)";
        break;
    case ReviewFilter::Gold:
        reviewSql = "SELECT judgment_id FROM gold_labels";
        break;
    }
    if (reviewSql) reviewIds = idSet(ws, reviewSql);
    std::vector<RefRow> rows;
    for (const auto& r : allRows(ws)) {
        if (!taskSet.count(r.taskId)) continue;
        if (f.split && r.split != int(*f.split)) continue;
        if (!f.label.empty() && r.label != f.label) continue;
        if (!f.annotator.empty() && r.annotator != f.annotator) continue;
        if (!f.search.empty() && !searchIds.count(r.id)) continue;
        if (reviewSql) {
            bool in = reviewIds.count(r.id) > 0;
            if (f.review == ReviewFilter::Unreviewed ? in : !in) continue;
        }
        rows.push_back(r);
    }
    std::sort(rows.begin(), rows.end(), [](const RefRow& a, const RefRow& b) {
        return std::tie(a.taskId, a.id) < std::tie(b.taskId, b.id);
    });
    std::vector<std::int64_t> ids;
    for (const auto& r : rows)
        ids.push_back(r.id);
    return ids;
}

// Appends rows of two tasks alternately (new seed, so new content): their ids interleave.
void addInterleaved(Workspace& ws, const std::string& a, const std::string& b, int each) {
    auto plans = sample::planCorpus(ws.catalog(), 200000);
    const sample::TaskPlan* pa = nullptr;
    const sample::TaskPlan* pb = nullptr;
    for (const auto& p : plans) {
        if (p.task->key == a) pa = &p;
        if (p.task->key == b) pb = &p;
    }
    QVERIFY(pa && pb);
    auto source = ws.addSource("import", "test", "interleaved", false);
    db::Transaction tx(ws.db());
    auto w = JudgmentWriter::create(ws, *source);
    Judgment j;
    for (int i = 0; i < each; ++i) {
        for (const auto* p : {pa, pb}) {
            QVERIFY(sample::generateRow(*p, 99, i, j));
            QVERIFY(w->insert(j).ok());
        }
    }
    QVERIFY(w->flushStats().ok());
    QVERIFY(tx.commit().ok());
    QVERIFY(indexSearchText(ws).ok());
}

void addReviews(Workspace& ws) {
    ReviewStore store(ws);
    auto ids = idSet(
        ws,
        "SELECT j.id FROM judgments j JOIN tasks t ON t.id = j.task_id WHERE t.type = 'pairwise' "
        "AND j.id % 7 = 0 LIMIT 60");
    int k = 0;
    for (std::int64_t id : ids) {
        auto j = loadJudgment(ws, id);
        const std::string other = (*j)->label() == "A" ? "B" : "A";
        switch (k++ % 4) {
        case 0:
            QVERIFY(store.add(id, "ann", Verdict::Agree).ok());
            break;
        case 1:
            QVERIFY(store.add(id, "ann", Verdict::Relabel, other).ok());
            break;
        case 2:
            QVERIFY(store.add(id, "bob", Verdict::Flag, {}, "odd prompt").ok());
            break;
        case 3: {
            auto r = store.add(id, "bob", Verdict::Relabel, other);
            QVERIFY(r.ok());
            if (k % 8 == 0)
                QVERIFY(store.adjudicate(id, other, "carol").ok());
            else
                QVERIFY(store.withdraw(r->id).ok());
            break;
        }
        }
    }
}

std::vector<std::int64_t> scanAll(BrowseSession& s) {
    while (!s.complete()) {
        auto r = s.scanStep(97); // small odd steps cross segment and sparse boundaries
        if (!r) qFatal("%s", r.error().toString().c_str());
    }
    auto ids = s.fetchIds(0, s.knownRows());
    if (!ids) qFatal("%s", ids.error().toString().c_str());
    return *ids;
}

} // namespace

class TestBrowse : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_dense, m_mixed;

    std::vector<BrowseFilter> filters(Workspace& ws) {
        std::vector<BrowseFilter> out;
        out.push_back({});
        BrowseFilter two;
        two.taskIds = {ws.taskId("mnli"), ws.taskId("hh-rlhf-helpful-base")};
        out.push_back(two);
        BrowseFilter pairwise;
        pairwise.type = TaskType::Pairwise;
        out.push_back(pairwise);
        BrowseFilter safetyTest;
        safetyTest.capability = Capability::Safety;
        safetyTest.split = Split::Test;
        out.push_back(safetyTest);
        BrowseFilter dev = two;
        dev.split = Split::Dev;
        out.push_back(dev);
        BrowseFilter label;
        label.label = "A";
        out.push_back(label);
        BrowseFilter annotator;
        annotator.annotator = "w3";
        annotator.split = Split::Train;
        out.push_back(annotator);
        for (ReviewFilter r :
             {ReviewFilter::Unreviewed, ReviewFilter::Reviewed, ReviewFilter::Agreed,
              ReviewFilter::Flagged, ReviewFilter::Relabelled, ReviewFilter::Disputed,
              ReviewFilter::Gold}) {
            BrowseFilter f;
            f.review = r;
            out.push_back(f);
        }
        BrowseFilter search;
        search.search = "the";
        out.push_back(search);
        BrowseFilter prefix = two;
        prefix.search = "th* OR answer";
        prefix.label = "B";
        out.push_back(prefix);
        BrowseFilter phrase;
        phrase.search = "\"of the\" NOT capital";
        out.push_back(phrase);
        return out;
    }

    void checkAll(Workspace& ws, BrowseOptions options) {
        std::mt19937 rng(5);
        for (const auto& f : filters(ws)) {
            const auto expected = reference(ws, f);
            const QByteArray what = QByteArray("filter split=") +
                                    (f.split ? toString(*f.split) : "-") +
                                    " label=" + f.label.c_str() + " review=" + toString(f.review) +
                                    " search=" + f.search.c_str() +
                                    " tasks=" + QByteArray::number(qulonglong(f.taskIds.size()));
            QVERIFY2(!expected.empty(), what); // every filter here is chosen to match something
            auto s = BrowseSession::create(ws, f, options);
            QVERIFY2(s.ok(), what);
            auto bound = estimateRows(ws, f);
            QVERIFY(bound.ok());
            QCOMPARE(s->upperBound(), *bound);
            QVERIFY2(s->upperBound() >= std::int64_t(expected.size()), what);
            if (f.exact()) {
                // Known at once, before any scan, and exact.
                QVERIFY(s->complete());
                QCOMPARE(s->knownRows(), std::int64_t(expected.size()));
                // Random windows first (the session builds what it needs on demand), then all.
                for (int k = 0; k < 25 && !expected.empty(); ++k) {
                    std::int64_t first = std::int64_t(rng() % expected.size());
                    std::int64_t n = 1 + std::int64_t(rng() % 150);
                    auto got = s->fetchIds(first, n);
                    QVERIFY2(got.ok(), what);
                    std::vector<std::int64_t> want(
                        expected.begin() + first,
                        expected.begin() + std::min<std::int64_t>(first + n, expected.size()));
                    QVERIFY2(*got == want, what + " at " + QByteArray::number(qlonglong(first)));
                }
                auto last = s->fetchIds(std::int64_t(expected.size()) - 3, 10);
                QVERIFY(last.ok());
                if (expected.size() >= 3) QCOMPARE(last->size(), std::size_t(3));
            }
            QVERIFY2(scanAll(*s) == expected, what);
            QCOMPARE(s->knownRows(), std::int64_t(expected.size()));
            // Positions of sampled ids, and ids outside the filter.
            for (int k = 0; k < 20 && !expected.empty(); ++k) {
                std::size_t i = rng() % expected.size();
                auto pos = s->locate(expected[i]);
                QVERIFY2(pos.ok(), what);
                QCOMPARE(pos->state, BrowseSession::Locate::Found);
                QCOMPARE(pos->row, std::int64_t(i));
            }
            std::set<std::int64_t> in(expected.begin(), expected.end());
            for (std::int64_t id = 1; id < 60; ++id) {
                if (in.count(id)) continue;
                auto pos = s->locate(id);
                QVERIFY(pos.ok());
                QCOMPARE(pos->state, BrowseSession::Locate::NotInFilter);
                break;
            }
            QCOMPARE(s->locate(999999999)->state, BrowseSession::Locate::NotInFilter);
            // Row contents agree with the rows.
            auto rows = s->fetch(0, 40);
            QVERIFY(rows.ok());
            for (const auto& r : *rows) {
                auto j = loadJudgment(ws, r.id);
                QVERIFY(j.ok() && j->has_value());
                QCOMPARE(r.label, (*j)->label());
                QCOMPARE(r.annotator, (*j)->annotator);
                QCOMPARE(ws.taskById(r.taskId)->key, (*j)->taskKey);
                QVERIFY(!r.preview.empty());
                QVERIFY(r.preview.size() <= BrowseSession::kPreviewBytes +
                                                6); // an ellipsis (3 bytes) at each end at most
                QVERIFY(r.preview.find('\n') == std::string::npos);
                // A search shows the text around a match.
                if (!f.search.empty() && s->search().terms.size() == 1)
                    QVERIFY2(!findMatches(r.preview, s->search().terms).empty(), r.preview.c_str());
            }
        }
    }

private slots:
    void initTestCase() {
        m_dense = std::make_unique<Workspace>(test::makeSampleWorkspace(m_dir.path() + "/dense.flame", 6000));
        addReviews(*m_dense);
        m_mixed = std::make_unique<Workspace>(test::makeSampleWorkspace(m_dir.path() + "/mixed.flame", 3000));
        addInterleaved(*m_mixed, "mnli", "hh-rlhf-helpful-base", 700);
        addReviews(*m_mixed);
    }

    void denseWorkspace() { checkAll(*m_dense, {}); }
    void denseWorkspaceTinyWindow() { checkAll(*m_dense, {2, 37}); }
    void interleavedWorkspace() { checkAll(*m_mixed, {}); }
    void interleavedWorkspaceTinyWindow() { checkAll(*m_mixed, {2, 37}); }

    void scanGrowsInOrder() {
        BrowseFilter f;
        f.label = "B";
        auto s = BrowseSession::create(*m_dense, f);
        QVERIFY(s.ok());
        QVERIFY(!s->complete());
        QCOMPARE(s->knownRows(), std::int64_t(0));
        const auto expected = reference(*m_dense, f);
        std::int64_t before = 0;
        int steps = 0;
        while (!s->complete()) {
            QVERIFY(s->scanStep(500).ok());
            QVERIFY(s->knownRows() >= before);
            before = s->knownRows();
            // What is known is already readable, and is a prefix of the final order.
            auto ids = s->fetchIds(0, s->knownRows());
            QVERIFY(std::equal(ids->begin(), ids->end(), expected.begin()));
            ++steps;
        }
        QVERIFY(steps > 5);
        QCOMPARE(s->knownRows(), std::int64_t(expected.size()));
    }

    void malformedSearchIsBadInput() {
        BrowseFilter f;
        f.search = "(unclosed";
        auto s = BrowseSession::create(*m_dense, f);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().kind, ErrorKind::BadInput);
    }

    void interruptCancels() {
        // Another thread's interrupt stops a running scan with a Cancelled error, and the
        // connection stays usable.
        auto ws = Workspace::open(m_dense->path(), WorkspaceMode::ReadOnly);
        QVERIFY(ws.ok());
        BrowseFilter f;
        f.label = "A";
        std::atomic<bool> stop{false};
        std::thread interrupter([&] {
            while (!stop) {
                ws->db().interrupt();
                std::this_thread::sleep_for(std::chrono::microseconds(50));
            }
        });
        bool cancelled = false;
        for (int attempt = 0; attempt < 5000 && !cancelled; ++attempt) {
            auto s = BrowseSession::create(*ws, f);
            if (!s.ok()) {
                cancelled = s.error().kind == ErrorKind::Cancelled;
                continue;
            }
            auto r = s->scanStep(1000000);
            if (!r.ok()) {
                QCOMPARE(r.error().kind, ErrorKind::Cancelled);
                cancelled = true;
            }
        }
        stop = true;
        interrupter.join();
        QVERIFY(cancelled);
        auto again = BrowseSession::create(*ws, f);
        QVERIFY(again.ok());
        QVERIFY(again->scanStep(1000000).ok());
    }
};

QTEST_APPLESS_MAIN(TestBrowse)
#include "tst_browse.moc"
