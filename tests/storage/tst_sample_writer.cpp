// Writing the sample corpus: exact sizes and shares, idempotence, and a cancelled run that the
// next run completes to exactly the rows of an uninterrupted one.
#include <QtTest>

#include <set>

#include "storage/sample_writer.h"
#include "storage/search_index.h"
#include "storage/stats.h"
#include "tests/storage/storage_test_support.h"
#include "tests/test_support.h"

using namespace flame;

namespace {
} // namespace

class TestSampleWriter : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_n = 0;
    Workspace fresh() {
        auto ws = Workspace::create((m_dir.path() + "/s" + QString::number(++m_n) + ".flame").toStdString());
        if (!ws) qFatal("%s", ws.error().toString().c_str());
        return std::move(ws).value();
    }

private slots:
    void writesTheRequestedCorpusWithHeldOutSets() {
        Workspace ws = fresh();
        sample::SampleOptions o;
        o.judgments = 10000;
        auto r = writeSampleCorpus(ws, o);
        FLAME_VERIFY_OK(r);
        QCOMPARE(r->inserted, std::int64_t(10000));
        auto s = computeStats(ws);
        FLAME_VERIFY_OK(s);
        QCOMPARE(s->judgments, std::int64_t(10000));
        QVERIFY(s->generated);
        QCOMPARE(s->byType["pairwise"] * 1000 / 10000, std::int64_t(388));
        QCOMPARE(*ws.db().queryInt("SELECT count(*) FROM judgments"), std::int64_t(10000));
        QVERIFY(s->evalBySet["sample"] > 600);
        QVERIFY(s->evalBySet["sample-dev"] > 200);
        // Tail-patching is measured on the development set, never on evaluation pairs.
        QCOMPARE(*ws.db().queryInt("SELECT count(*) FROM eval_examples a JOIN eval_examples b ON a.prompt = b.prompt "
                                   "AND a.chosen = b.chosen AND a.rejected = b.rejected "
                                   "WHERE a.set_name = 'sample' AND b.set_name = 'sample-dev'"),
                 std::int64_t(0));
        QCOMPARE(s->biasItems, std::int64_t(50));
        QCOMPARE(*ws.db().queryInt("SELECT count(*) FROM bias_responses"), std::int64_t(50 * 15));
        // Every judgment becomes searchable.
        QCOMPARE(s->searchPending, std::int64_t(10000));
        auto indexed = indexSearchText(ws);
        FLAME_VERIFY_OK(indexed);
        QCOMPARE(*indexed, std::int64_t(10000));
        QCOMPARE(computeStats(ws)->searchPending, std::int64_t(0));
        QVERIFY(*ws.db().queryInt("SELECT count(*) FROM judgments_fts WHERE judgments_fts MATCH 'the'") > 5000);
    }

    void runningAgainAddsNothing() {
        Workspace ws = fresh();
        sample::SampleOptions o;
        o.judgments = 4000;
        FLAME_VERIFY_OK(writeSampleCorpus(ws, o));
        auto again = writeSampleCorpus(ws, o);
        FLAME_VERIFY_OK(again);
        QCOMPARE(again->inserted, std::int64_t(0));
        QCOMPARE(again->duplicates, std::int64_t(4000));
        QCOMPARE(again->evalExamples, std::int64_t(0));
        QCOMPARE(computeStats(ws)->judgments, std::int64_t(4000));
        QCOMPARE(*ws.db().queryInt("SELECT count(*) FROM bias_items"), std::int64_t(50));
    }

    void aCancelledRunIsCompletedByTheNextOne() {
        sample::SampleOptions o;
        o.judgments = 9000;
        Workspace clean = fresh();
        FLAME_VERIFY_OK(writeSampleCorpus(clean, o));

        Workspace interrupted = fresh();
        int calls = 0;
        std::int64_t reportedTotal = 0;
        auto r = writeSampleCorpus(interrupted, o, [&](std::int64_t, std::int64_t total) {
            reportedTotal = total;
            return ++calls < 2; // stop after the second batch
        });
        QCOMPARE(reportedTotal, std::int64_t(9000));
        QVERIFY(!r);
        QCOMPARE(r.error().kind, ErrorKind::Cancelled);
        std::int64_t partial = *interrupted.db().queryInt("SELECT count(*) FROM judgments");
        QVERIFY(partial > 0 && partial < 9000);
        QCOMPARE(computeStats(interrupted)->judgments, partial); // stats committed with the rows
        FLAME_VERIFY_OK(writeSampleCorpus(interrupted, o));
        QCOMPARE(flame::test::contentHashes(interrupted), flame::test::contentHashes(clean));
    }

    void refusesReadOnlyWorkspaces() {
        Workspace ws = fresh();
        const std::string p = ws.path();
        auto ro = Workspace::open(p, WorkspaceMode::ReadOnly);
        FLAME_VERIFY_OK(ro);
        auto r = writeSampleCorpus(*ro, sample::SampleOptions{});
        QVERIFY(!r);
        QCOMPARE(r.error().kind, ErrorKind::ReadOnly);
    }
};

QTEST_APPLESS_MAIN(TestSampleWriter)
#include "tst_sample_writer.moc"
