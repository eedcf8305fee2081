// Writing judgments keeps statistics and the full-text index in step with the rows; duplicates
// are recognised by content; cursors page by key.
#include <QtTest>

#include "storage/judgment_store.h"
#include "storage/search_index.h"
#include "storage/stats.h"
#include "tests/test_support.h"

using namespace flame;

namespace {
Judgment pair(const std::string& prompt, const std::string& a, const std::string& b, const char* choice,
              Split split = Split::Train) {
    Judgment j;
    j.taskKey = "shp-pairwise";
    j.split = split;
    j.context = {{"post", prompt}, {"comment_a", a}, {"comment_b", b}};
    j.target = {{"choice", choice}};
    return j;
}
} // namespace

class TestJudgmentStore : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void insertsCountsIndexesAndDeduplicates() {
        auto ws = Workspace::create((m_dir.path() + "/a.flame").toStdString());
        FLAME_VERIFY_OK(ws);
        auto source = ws->addSource("import", "test", "memory", false);
        FLAME_VERIFY_OK(source);
        db::Transaction tx(ws->db());
        auto w = JudgmentWriter::create(*ws, *source);
        FLAME_VERIFY_OK(w);
        QCOMPARE(*w->insert(pair("Which pan for risotto?", "A wide shallow pan.", "Any pot.", "A")), JudgmentWriter::Outcome::Inserted);
        QCOMPARE(*w->insert(pair("Best knife?", "A chef's knife.", "Spoon.", "A", Split::Test)), JudgmentWriter::Outcome::Inserted);
        QCOMPARE(*w->insert(pair("Which pan for risotto?", "A wide shallow pan.", "Any pot.", "A")), JudgmentWriter::Outcome::Duplicate);
        // Same content from another annotator is another judgment.
        Judgment other = pair("Which pan for risotto?", "A wide shallow pan.", "Any pot.", "A");
        other.annotator = "w7";
        QCOMPARE(*w->insert(other), JudgmentWriter::Outcome::Inserted);
        Judgment unknown = pair("x", "y", "z", "A");
        unknown.taskKey = "no-such-task";
        QVERIFY(!w->insert(unknown));
        FLAME_VERIFY_OK(w->flushStats());
        FLAME_VERIFY_OK(tx.commit());

        auto stats = computeStats(*ws);
        FLAME_VERIFY_OK(stats);
        QCOMPARE(stats->judgments, std::int64_t(3));
        QCOMPARE(stats->byTask["shp-pairwise"], std::int64_t(3));
        QCOMPARE(stats->bySplit["test"], std::int64_t(1));
        QCOMPARE(stats->byType["pairwise"], std::int64_t(3));
        QCOMPARE(stats->byCapability["quality"], std::int64_t(3));
        // The statistics table agrees with the rows.
        QCOMPARE(*ws->db().queryInt("SELECT count(*) FROM judgments"), std::int64_t(3));

        QCOMPARE(stats->searchPending, std::int64_t(3));
        FLAME_VERIFY_OK(indexSearchText(*ws));
        auto hits = ws->db().queryInt("SELECT count(*) FROM judgments_fts WHERE judgments_fts MATCH 'shallow'");
        QCOMPARE(*hits, std::int64_t(2));
        auto phrase = ws->db().queryInt("SELECT count(*) FROM judgments_fts WHERE judgments_fts MATCH '\"chef''s knife\"'");
        QCOMPARE(*phrase, std::int64_t(1));
    }

    void cursorPagesByKeyWithFilters() {
        auto ws = Workspace::create((m_dir.path() + "/b.flame").toStdString());
        FLAME_VERIFY_OK(ws);
        auto source = ws->addSource("import", "test", "memory", false);
        db::Transaction tx(ws->db());
        auto w = JudgmentWriter::create(*ws, *source);
        for (int i = 0; i < 25; ++i)
            FLAME_VERIFY_OK(w->insert(pair("post " + std::to_string(i), "a", "b", i % 2 ? "A" : "B", i % 5 == 0 ? Split::Dev : Split::Train)));
        FLAME_VERIFY_OK(w->flushStats());
        FLAME_VERIFY_OK(tx.commit());

        JudgmentCursor all(*ws, 0, std::nullopt, 4); // small pages: exercises the keyset
        Judgment j;
        std::int64_t lastId = 0;
        int n = 0;
        while (*all.next(j)) {
            QVERIFY(j.id > lastId);
            lastId = j.id;
            QCOMPARE(j.taskKey, std::string("shp-pairwise"));
            QCOMPARE(*findField(j.context, "post"), "post " + std::to_string(n));
            ++n;
        }
        QCOMPARE(n, 25);
        JudgmentCursor dev(*ws, ws->taskId("shp-pairwise"), Split::Dev, 2);
        int devCount = 0;
        while (*dev.next(j)) {
            QCOMPARE(j.split, Split::Dev);
            ++devCount;
        }
        QCOMPARE(devCount, 5);
        auto one = loadJudgment(*ws, lastId);
        FLAME_VERIFY_OK(one);
        QVERIFY(one->has_value());
        QCOMPARE(*findField((*one)->context, "post"), std::string("post 24"));
        auto none = loadJudgment(*ws, 999999);
        QVERIFY(none.ok() && !none->has_value());
    }
};

QTEST_APPLESS_MAIN(TestJudgmentStore)
#include "tst_judgment_store.moc"
