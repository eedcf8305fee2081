// The full-text index follows the judgments: everything up to the watermark is indexed exactly
// once, a cancelled run keeps what it committed, the next run finishes the rest, and rows added
// later are picked up.
#include <QtTest>

#include "storage/judgment_store.h"
#include "storage/sample_writer.h"
#include "storage/search_index.h"
#include "tests/test_support.h"

using namespace flame;

namespace {
std::int64_t matches(Workspace& ws, const char* query) {
    auto st = ws.db().prepare("SELECT count(*) FROM judgments_fts WHERE judgments_fts MATCH ?");
    st->bind(1, std::string_view(query));
    st->step();
    return st->int64(0);
}
std::int64_t rowsContaining(Workspace& ws, const char* word, std::int64_t through) {
    auto st = ws.db().prepare("SELECT count(*) FROM judgments WHERE id <= ? AND (context LIKE ? OR target LIKE ?)");
    std::string like = std::string("%") + word + "%";
    st->bind(1, through).bind(2, like).bind(3, like);
    st->step();
    return st->int64(0);
}
} // namespace

class TestSearchIndex : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void indexesBehindTheWatermarkAndResumes() {
        auto ws = Workspace::create((m_dir.path() + "/s.flame").toStdString());
        FLAME_VERIFY_OK(ws);
        sample::SampleOptions o;
        o.judgments = 230000;
        o.evalScale = o.devScale = 0;
        o.biasInstructions = 0;
        FLAME_VERIFY_OK(writeSampleCorpus(*ws, o));
        auto before = searchIndexState(*ws);
        QCOMPARE(before->pending, std::int64_t(230000));
        QCOMPARE(before->indexedThrough, std::int64_t(0));
        QCOMPARE(matches(*ws, "lentil"), std::int64_t(0));

        // Cancel after the first batch: that batch stays indexed, with the watermark.
        std::int64_t total = 0;
        auto r = indexSearchText(*ws, [&](std::int64_t, std::int64_t t) {
            total = t;
            return false;
        });
        QVERIFY(!r);
        QCOMPARE(r.error().kind, ErrorKind::Cancelled);
        QCOMPARE(total, std::int64_t(230000));
        auto mid = searchIndexState(*ws);
        QVERIFY(mid->indexedThrough > 0 && mid->pending > 0);
        QCOMPARE(mid->pending + mid->indexedThrough, std::int64_t(230000));
        QCOMPARE(matches(*ws, "lentil"), rowsContaining(*ws, "lentil", mid->indexedThrough));

        auto rest = indexSearchText(*ws);
        FLAME_VERIFY_OK(rest);
        QCOMPARE(*rest, mid->pending);
        auto after = searchIndexState(*ws);
        QCOMPARE(after->pending, std::int64_t(0));
        QCOMPARE(after->indexedThrough, std::int64_t(230000));
        // Indexed exactly once: as many hits as rows that contain the word.
        const std::int64_t lentil = matches(*ws, "lentil");
        QVERIFY(lentil > 100);
        QCOMPARE(lentil, rowsContaining(*ws, "lentil", after->indexedThrough));
        QCOMPARE(*indexSearchText(*ws), std::int64_t(0)); // nothing left to do

        // Rows added later are picked up by the next run.
        auto source = ws->addSource("import", "test", "memory", false);
        {
            db::Transaction tx(ws->db());
            auto w = JudgmentWriter::create(*ws, *source);
            Judgment j;
            j.taskKey = "cola-acceptability";
            j.context = {{"sentence", "The quokka smiled at zzuniqueword."}};
            j.target = {{"answer", "Yes"}};
            FLAME_VERIFY_OK(w->insert(j));
            FLAME_VERIFY_OK(w->flushStats());
            FLAME_VERIFY_OK(tx.commit());
        }
        QCOMPARE(searchIndexState(*ws)->pending, std::int64_t(1));
        QCOMPARE(*indexSearchText(*ws), std::int64_t(1));
        QCOMPARE(matches(*ws, "zzuniqueword"), std::int64_t(1));
        QCOMPARE(matches(*ws, "\"smiled at\""), std::int64_t(1)); // phrase queries work
    }

    void aWorkspaceIndexedBeforeTheWatermarkExistedIsNotIndexedTwice() {
        auto ws = Workspace::create((m_dir.path() + "/legacy.flame").toStdString());
        auto source = ws->addSource("import", "test", "memory", false);
        {
            db::Transaction tx(ws->db());
            auto w = JudgmentWriter::create(*ws, *source);
            for (int i = 0; i < 3; ++i) {
                Judgment j;
                j.taskKey = "cola-acceptability";
                j.context = {{"sentence", "legacy sentence number " + std::to_string(i)}};
                j.target = {{"answer", "Yes"}};
                FLAME_VERIFY_OK(w->insert(j));
            }
            FLAME_VERIFY_OK(w->flushStats());
            // As an older writer did: each row indexed with its insert, no watermark kept.
            FLAME_VERIFY_OK(ws->db().exec("INSERT INTO judgments_fts(rowid, text) SELECT id, context FROM judgments"));
            FLAME_VERIFY_OK(tx.commit());
        }
        auto state = searchIndexState(*ws);
        FLAME_VERIFY_OK(state);
        QCOMPARE(state->pending, std::int64_t(0));
        QCOMPARE(*indexSearchText(*ws), std::int64_t(0));
        QCOMPARE(matches(*ws, "legacy"), std::int64_t(3));
    }
};

QTEST_APPLESS_MAIN(TestSearchIndex)
#include "tst_search_index.moc"
