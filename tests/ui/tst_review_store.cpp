// Reviews: recorded beside the judgment (never changing it), validated, undone by withdrawal,
// disputes found and adjudicated, the latest label per reviewer fed to agreement, and the JSON
// Lines exports read back.
#include <QtTest>

#include <fstream>

#include "model/json.h"
#include "storage/judgment_store.h"
#include "storage/review_store.h"
#include "storage/sample_writer.h"
#include "tests/test_support.h"

using namespace flame;

namespace {

std::vector<json::Value> readJsonLines(const std::string& path) {
    std::ifstream in(path);
    std::vector<json::Value> out;
    std::string line;
    while (std::getline(in, line)) {
        auto v = json::parse(line);
        if (!v) qFatal("bad JSON line: %s", line.c_str());
        out.push_back(std::move(*v));
    }
    return out;
}

// First judgment of a task, by key.
std::int64_t firstOf(Workspace& ws, const char* task) {
    auto st = ws.db().prepare("SELECT min(id) FROM judgments WHERE task_id = ?");
    st->bind(1, ws.taskId(task));
    st->step();
    return st->int64(0);
}

} // namespace

class TestReviewStore : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;

private slots:
    void initTestCase() {
        auto ws = Workspace::create((m_dir.path() + "/r.flame").toStdString());
        FLAME_VERIFY_OK(ws);
        sample::SampleOptions o;
        o.judgments = 3000;
        o.evalScale = o.devScale = 0;
        o.biasInstructions = 0;
        FLAME_VERIFY_OK(writeSampleCorpus(*ws, o));
        m_ws = std::make_unique<Workspace>(std::move(ws).value());
    }

    void recordsWithoutTouchingTheJudgment() {
        ReviewStore store(*m_ws);
        const std::int64_t id = firstOf(*m_ws, "beavertails-helpfulness");
        auto before = loadJudgment(*m_ws, id);
        const std::string original = (*before)->label();
        const std::string other = original == "A" ? "B" : "A";
        auto r = store.add(id, "ann", Verdict::Relabel, other, "B is safer");
        FLAME_VERIFY_OK(r);
        QCOMPARE(r->verdict, Verdict::Relabel);
        QCOMPARE(r->label, other);
        QVERIFY(!r->createdAt.empty());
        QCOMPARE((*loadJudgment(*m_ws, id))->label(), original);
        QCOMPARE(store.forJudgment(id)->size(), std::size_t(1));
        // Disputed until adjudicated.
        auto disputed = store.disputed();
        FLAME_VERIFY_OK(disputed);
        QCOMPARE(*disputed, std::vector<std::int64_t>{id});
        FLAME_VERIFY_OK(store.adjudicate(id, other, "carol"));
        QVERIFY(store.disputed()->empty());
        auto gold = store.gold(id);
        QCOMPARE((*gold)->label, other);
        QCOMPARE((*gold)->adjudicator, std::string("carol"));
        FLAME_VERIFY_OK(
            store.adjudicate(id, original, "dave")); // a second decision replaces the first
        QCOMPARE((*store.gold(id))->label, original);
        FLAME_VERIFY_OK(store.clearGold(id));
        QVERIFY(!store.gold(id)->has_value());
        QCOMPARE(store.disputed()->size(), std::size_t(1));
        // Undo.
        FLAME_VERIFY_OK(store.withdraw(r->id));
        QVERIFY(store.forJudgment(id)->empty());
        QCOMPARE(store.forJudgment(id, true)->size(), std::size_t(1));
        QVERIFY(store.disputed()->empty());
        auto twice = store.withdraw(r->id);
        QVERIFY(!twice.ok());
        QCOMPARE(twice.error().kind, ErrorKind::BadInput);
    }

    void validates() {
        ReviewStore store(*m_ws);
        const std::int64_t pair = firstOf(*m_ws, "beavertails-helpfulness");
        const std::string original = (*loadJudgment(*m_ws, pair))->label();
        QVERIFY(!store.add(pair, "ann", Verdict::Relabel, "C").ok());
        QVERIFY(!store.add(pair, "ann", Verdict::Relabel, original)
                     .ok()); // same label: that is an agree
        QVERIFY(!store.add(pair, "ann", Verdict::Agree, "A").ok());
        QVERIFY(!store.add(pair, "ann", Verdict::Note, {}, "  ").ok());
        QVERIFY(!store.add(pair, " ", Verdict::Agree).ok());
        QVERIFY(!store.add(99999999, "ann", Verdict::Agree).ok());
        QVERIFY(!store.adjudicate(pair, "maybe", "carol").ok());
        // A rating task takes ratings on its scale.
        const TaskDefinition* rating = nullptr;
        for (const auto& t : m_ws->catalog().tasks())
            if (t.type == TaskType::Pointwise && m_ws->taskId(t.key) &&
                firstOf(*m_ws, t.key.c_str())) {
                rating = &t;
                break;
            }
        QVERIFY(rating);
        const std::int64_t r = firstOf(*m_ws, rating->key.c_str());
        const std::string orig = (*loadJudgment(*m_ws, r))->label();
        const std::string other = std::to_string(
            orig == std::to_string(rating->scaleMin) ? rating->scaleMax : rating->scaleMin);
        FLAME_VERIFY_OK(store.add(r, "ann", Verdict::Relabel, other));
        QVERIFY(!store.add(r, "ann", Verdict::Relabel, std::to_string(rating->scaleMax + 1)).ok());
        FLAME_VERIFY_OK(store.add(r, "ann", Verdict::Note, {}, "scale unclear"));
        FLAME_VERIFY_OK(store.add(r, "ann", Verdict::Flag));
        QCOMPARE(store.forJudgment(r)->size(), std::size_t(3));
    }

    void latestLabelPerReviewerFeedsAgreement() {
        auto ws = Workspace::create((m_dir.path() + "/a.flame").toStdString());
        sample::SampleOptions o;
        o.judgments = 2000;
        o.evalScale = o.devScale = 0;
        o.biasInstructions = 0;
        FLAME_VERIFY_OK(writeSampleCorpus(*ws, o));
        ReviewStore store(*ws);
        const std::int64_t id = firstOf(*ws, "beavertails-helpfulness");
        const std::string original = (*loadJudgment(*ws, id))->label();
        const std::string other = original == "A" ? "B" : "A";
        FLAME_VERIFY_OK(store.add(id, "ann", Verdict::Agree));
        FLAME_VERIFY_OK(store.add(id, "ann", Verdict::Relabel, other)); // ann changed her mind
        auto bob = store.add(id, "bob", Verdict::Agree);
        FLAME_VERIFY_OK(bob);
        FLAME_VERIFY_OK(store.add(id + 1, "bob", Verdict::Flag)); // no label: not in agreement
        auto labels = store.labelledReviews();
        FLAME_VERIFY_OK(labels);
        QCOMPARE(labels->size(), std::size_t(2));
        QCOMPARE((*labels)[0].reviewer, std::string("ann"));
        QCOMPARE((*labels)[0].label, other);
        QCOMPARE((*labels)[0].original, original);
        QCOMPARE((*labels)[0].task, std::string("beavertails-helpfulness"));
        QCOMPARE((*labels)[1].label, original); // an agree stands for the original label
        auto report = agreementReport(*labels);
        QCOMPARE(report.overall.items, std::int64_t(2));
        QCOMPARE(report.overall.observed, 0.5);
        QCOMPARE(report.betweenReviewers.size(), std::size_t(1));
        QCOMPARE(report.betweenReviewers[0].agreement.observed, 0.0);
        FLAME_VERIFY_OK(store.withdraw(bob->id));
        QCOMPARE(store.labelledReviews()->size(), std::size_t(1));
    }

    void exportsJsonLines() {
        ReviewStore store(*m_ws);
        const std::int64_t id = firstOf(*m_ws, "hh-rlhf-harmlessness");
        const std::string original = (*loadJudgment(*m_ws, id))->label();
        const std::string other = original == "A" ? "B" : "A";
        FLAME_VERIFY_OK(store.add(id, "eve", Verdict::Relabel, other, "quote \" and\nnewline"));
        FLAME_VERIFY_OK(store.adjudicate(id, other, "carol"));
        const std::string reviews = (m_dir.path() + "/reviews.jsonl").toStdString();
        auto n = store.exportReviews(reviews);
        FLAME_VERIFY_OK(n);
        auto lines = readJsonLines(reviews);
        QCOMPARE(std::int64_t(lines.size()), *n);
        const json::Value& last = lines.back();
        QCOMPARE(last.find("judgment_id")->asInt(), id);
        QCOMPARE(last.find("task")->asString(), std::string("hh-rlhf-harmlessness"));
        QCOMPARE(last.find("verdict")->asString(), std::string("relabel"));
        QCOMPARE(last.find("label")->asString(), other);
        QCOMPARE(last.find("original_label")->asString(), original);
        QCOMPARE(last.find("note")->asString(), std::string("quote \" and\nnewline"));
        const std::string goldPath = (m_dir.path() + "/gold.jsonl").toStdString();
        auto g = store.exportGold(goldPath);
        FLAME_VERIFY_OK(g);
        auto gold = readJsonLines(goldPath);
        QCOMPARE(std::int64_t(gold.size()), *g);
        bool found = false;
        for (const auto& v : gold)
            if (v.find("judgment_id")->asInt() == id) {
                found = true;
                QCOMPARE(v.find("gold_label")->asString(), other);
                QCOMPARE(v.find("adjudicator")->asString(), std::string("carol"));
            }
        QVERIFY(found);
        QVERIFY(!QFile::exists(QString::fromStdString(goldPath + ".part")));
        // An unwritable target is an error, not a crash, and leaves nothing behind.
        QVERIFY(!store.exportGold("/nonexistent-dir/gold.jsonl").ok());
    }

    void readOnlyRefusesWrites() {
        auto ro = Workspace::open(m_ws->path(), WorkspaceMode::ReadOnly);
        FLAME_VERIFY_OK(ro);
        ReviewStore store(*ro);
        auto r = store.add(firstOf(*ro, "mnli"), "ann", Verdict::Agree);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::ReadOnly);
    }
};

QTEST_APPLESS_MAIN(TestReviewStore)
#include "tst_review_store.moc"
