// Importers: every public format from its documented layout, deterministic A/B placement, the
// malformed-input classes (each a clear FILE:LINE: reason and nothing half-imported), idempotent
// re-import, the export/import round trip with identical content hashes, and text2text export.
#include <QtTest>

#include <fstream>
#include <set>

#include "model/json.h"
#include "storage/export.h"
#include "storage/import.h"
#include "storage/import/formats.h"
#include "storage/instruction_store.h"
#include "storage/judgment_store.h"
#include "storage/sample_writer.h"
#include "storage/stats.h"
#include "tests/storage/storage_test_support.h"
#include "tests/test_support.h"

using namespace flame;
using flame::test::fixturePath;

namespace {

std::vector<Judgment> all(Workspace& ws) {
    std::vector<Judgment> out;
    JudgmentCursor c(ws);
    Judgment j;
    while (*c.next(j)) out.push_back(j);
    return out;
}

std::int64_t count(Workspace& ws) { return *ws.db().queryInt("SELECT count(*) FROM judgments"); }


const std::string& preferred(const Judgment& j) {
    std::size_t n = j.context.size();
    return j.label() == "A" ? j.context[n - 2].value : j.context[n - 1].value;
}

} // namespace

class TestImporters : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_n = 0;

    Workspace fresh() {
        auto ws = Workspace::create((m_dir.path() + "/w" + QString::number(++m_n) + ".flame").toStdString());
        if (!ws) qFatal("%s", ws.error().toString().c_str());
        return std::move(ws).value();
    }
    std::string write(const QString& name, const QByteArray& bytes) {
        const std::string p = (m_dir.path() + "/" + name).toStdString();
        std::ofstream(p, std::ios::binary).write(bytes.constData(), bytes.size());
        return p;
    }
    Expected<ImportResult> run(Workspace& ws, const std::string& file, const std::string& format, bool skipBad = false,
                               const std::string& task = {}) {
        ImportOptions o;
        o.format = format;
        o.skipBad = skipBad;
        o.task = task;
        return importFile(ws, file, o);
    }

private slots:
    void hhRlhfSplitsAtTheSharedPrefix() {
        Workspace ws = fresh();
        auto r = run(ws, fixturePath("import/hh-rlhf.jsonl"), "hh-rlhf");
        FLAME_VERIFY_OK(r);
        QCOMPARE(r->records, std::int64_t(5));
        QCOMPARE(r->inserted, std::int64_t(5));
        auto js = all(ws);
        QCOMPARE(js.size(), std::size_t(5));
        for (const auto& j : js) QCOMPARE(j.taskKey, std::string("hh-rlhf-helpful-base"));
        QCOMPARE(*findField(js[0].context, "conversation"), std::string("Human: What's a good way to keep basil alive indoors?"));
        QCOMPARE(preferred(js[0]), std::string("Put it on a sunny windowsill and water it when the top of the soil is dry."));
        // Multi-turn: everything before the final reply is the conversation.
        QVERIFY(findField(js[2].context, "conversation")->find("Human: Mystery, mostly.") != std::string::npos);
        QVERIFY(preferred(js[2]).find("Agatha Christie") != std::string::npos);
        // An empty chosen reply is kept.
        QCOMPARE(preferred(js[3]), std::string());
        // A reply that itself contains "\n\nAssistant: " stays whole.
        QCOMPARE(preferred(js[4]), std::string("You asked for a summary.\n\nAssistant: Anything else?"));
        QCOMPARE(*findField(js[4].context, "conversation"), std::string("Human: Summarise our chat."));
        // --task picks the subset.
        Workspace other = fresh();
        FLAME_VERIFY_OK(run(other, fixturePath("import/hh-rlhf.jsonl"), "hh-rlhf", false, "hh-rlhf-harmlessness"));
        QCOMPARE(all(other).front().taskKey, std::string("hh-rlhf-harmlessness"));
        auto wrong = run(other, fixturePath("import/hh-rlhf.jsonl"), "hh-rlhf", false, "shp-pairwise");
        QVERIFY(!wrong);
        QVERIFY(QString::fromStdString(wrong.error().message).contains("does not fit this format"));
    }

    void placementIsADeterministicFunctionOfContent() {
        Workspace a = fresh(), b = fresh();
        FLAME_VERIFY_OK(run(a, fixturePath("import/hh-rlhf.jsonl"), "hh-rlhf"));
        FLAME_VERIFY_OK(run(b, fixturePath("import/hh-rlhf.jsonl"), "hh-rlhf"));
        auto ja = all(a), jb = all(b);
        for (std::size_t i = 0; i < ja.size(); ++i) QCOMPARE(ja[i].label(), jb[i].label());
        // Swapping which response is listed first changes nothing.
        QCOMPARE(import::betterGoesFirst("p", "x", "y"), import::betterGoesFirst("p", "x", "y"));
        QCOMPARE(import::betterGoesFirst("p", "x", "y"), !import::betterGoesFirst("p", "y", "x"));
        int aFirst = 0;
        for (int i = 0; i < 200; ++i) aFirst += import::betterGoesFirst("p", "good " + std::to_string(i), "bad");
        QVERIFY(aFirst > 70 && aFirst < 130); // both slots get used
    }

    void readsJsonArrayFiles() {
        Workspace ws = fresh();
        auto r = run(ws, fixturePath("import/hh-rlhf-array.json"), "hh-rlhf");
        FLAME_VERIFY_OK(r);
        QCOMPARE(r->inserted, std::int64_t(2));
        QCOMPARE(preferred(all(ws)[1]), std::string("You're welcome, {friend}."));
    }

    void helpSteerGivesOnePointwiseJudgmentPerAttribute() {
        Workspace ws = fresh();
        auto r = run(ws, fixturePath("import/helpsteer.jsonl"), "helpsteer");
        FLAME_VERIFY_OK(r);
        QCOMPARE(r->inserted, std::int64_t(10));
        auto stats = *computeStats(ws);
        QCOMPARE(stats.byTask["helpsteer-complexity"], std::int64_t(2));
        auto js = all(ws);
        QCOMPARE(js[0].taskKey, std::string("helpsteer-helpfulness"));
        QCOMPARE(js[0].label(), std::string("4"));
        QCOMPARE(*findField(js[0].context, "response"), std::string("100 \xC2\xB0" "C at standard atmospheric pressure."));
        // Disagreements file: one judgment per annotator.
        auto d = run(ws, fixturePath("import/helpsteer2-disagreements.jsonl"), "helpsteer");
        FLAME_VERIFY_OK(d);
        QCOMPARE(d->inserted, std::int64_t(14));
        // Preference file: pairwise, strength 0 has no pair.
        auto p = run(ws, fixturePath("import/helpsteer2-preference.jsonl"), "helpsteer");
        FLAME_VERIFY_OK(p);
        QCOMPARE(p->inserted, std::int64_t(2));
        QCOMPARE(p->unpaired, std::int64_t(1));
        for (const auto& j : all(ws))
            if (j.taskKey == "helpsteer-pairwise" && findField(j.context, "prompt")->find("prime") != std::string::npos)
                QCOMPARE(preferred(j), std::string("11 is prime."));
    }

    void shpReadsLabelsAndSplitFromDomain() {
        Workspace ws = fresh();
        FLAME_VERIFY_OK(run(ws, fixturePath("import/shp.jsonl"), "shp"));
        auto js = all(ws);
        QCOMPARE(js.size(), std::size_t(2));
        QVERIFY(preferred(js[0]).rfind("Higgs was saying", 0) == 0); // labels 1 = A preferred
        QVERIFY(findField(js[0].context, "post")->find("https://i.imgur.com/x.png") != std::string::npos); // \/ unescaped
        QCOMPARE(js[0].split, Split::Train);
        QCOMPARE(preferred(js[1]), std::string("About five minutes, loosely tented with foil."));
        QCOMPARE(js[1].split, Split::Test);
        QCOMPARE(js[0].item, std::string("himc90/g3jbd3k/g3j7j6r"));
    }

    void summarizeFeedbackChoosesTheTaskBySource() {
        Workspace ws = fresh();
        FLAME_VERIFY_OK(run(ws, fixturePath("import/summarize-comparisons.json"), "summarize-feedback"));
        auto js = all(ws);
        QCOMPARE(js[0].taskKey, std::string("summfeedback-tldr-pairwise"));
        QCOMPARE(preferred(js[0]), std::string(" Manager schedules 7am meetings; should I say something?"));
        QCOMPARE(js[0].annotator, std::string("wy1sGx8RAmc2MhIz3gVKsHW4IPW8T0"));
        QVERIFY(findField(js[0].context, "post")->rfind("SUBREDDIT: r/relationships\nTITLE: Early meetings", 0) == 0);
        QCOMPARE(js[1].taskKey, std::string("summfeedback-cnndm-pairwise"));
        QCOMPARE(js[1].split, Split::Test);
        QCOMPARE(preferred(js[1]), std::string("A bike lane on Main Street was approved by the council."));
        // An axis (pointwise) record is refused with a reason.
        const std::string axis = write("axis.json", "{\"info\":{\"post\":\"p\"},\"summary\":{\"text\":\"s\",\"axes\":{\"overall\":5}},\"split\":\"test\"}\n");
        auto r = run(ws, axis, "summarize-feedback");
        QVERIFY(!r);
        QVERIFY(QString::fromStdString(r.error().toString()).contains("axis.json:1: an axis (pointwise) record"));
    }

    void prm800kBuildsThePapersPairs() {
        Workspace ws = fresh();
        auto r = run(ws, fixturePath("import/prm800k.jsonl"), "prm800k");
        FLAME_VERIFY_OK(r);
        QCOMPARE(r->records, std::int64_t(5));
        QCOMPARE(r->inserted, std::int64_t(2));
        QCOMPARE(r->unpaired, std::int64_t(3)); // a correct one waiting, a phase-1 correct one, a give-up
        auto js = all(ws);
        // Human solution against the incorrect model solution.
        QVERIFY(preferred(js[0]).find("7.8 * 60 = 468") != std::string::npos);
        // Correct model solution against an incorrect one for the same problem, across records.
        QCOMPARE(*findField(js[1].context, "problem"), std::string("What is 12 * 12?"));
        QVERIFY(preferred(js[1]).find("12 * 12 = 144") != std::string::npos);
    }

    void rewardBenchRowsGoToTheEvaluationSet() {
        Workspace ws = fresh();
        auto r = run(ws, fixturePath("import/rewardbench.jsonl"), "rewardbench");
        FLAME_VERIFY_OK(r);
        QCOMPARE(r->evalExamples, std::int64_t(4));
        QCOMPARE(count(ws), std::int64_t(0));
        QCOMPARE(*ws.db().queryInt("SELECT count(*) FROM eval_examples WHERE set_name = 'rewardbench' AND subset = 'math-prm'"), std::int64_t(1));
        const std::string bad = write("rb-bad.jsonl", "{\"prompt\":\"p\",\"chosen\":\"c\",\"rejected\":\"r\",\"subset\":\"made-up\",\"id\":1}\n");
        auto e = run(ws, bad, "rewardbench");
        QVERIFY(!e);
        QVERIFY(QString::fromStdString(e.error().message).contains("unknown RewardBench subset 'made-up'"));
    }

    void beaverTailsAndPkuPairs() {
        Workspace ws = fresh();
        FLAME_VERIFY_OK(run(ws, fixturePath("import/pku-saferlhf.jsonl"), "beavertails"));
        FLAME_VERIFY_OK(run(ws, fixturePath("import/beavertails.jsonl"), "beavertails"));
        auto stats = *computeStats(ws);
        QCOMPARE(stats.byTask["beavertails-helpfulness"], std::int64_t(2));
        QCOMPARE(stats.byTask["beavertails-harmlessness"], std::int64_t(2));
        QCOMPARE(stats.byTask["beavertails-qa-classification"], std::int64_t(2));
        for (const auto& j : all(ws)) {
            if (findField(j.context, "prompt")->find("revenge") == std::string::npos) continue;
            if (j.taskKey == "beavertails-helpfulness") QCOMPARE(preferred(j), std::string("Put laxatives in their coffee."));
            if (j.taskKey == "beavertails-harmlessness") QVERIFY(preferred(j).rfind("Talk to HR", 0) == 0);
        }
    }

    void ultraFeedbackIsMarkedAsAiFeedback() {
        Workspace ws = fresh();
        FLAME_VERIFY_OK(run(ws, fixturePath("import/ultrafeedback.jsonl"), "ultrafeedback"));
        auto js = all(ws);
        QCOMPARE(js.size(), std::size_t(1));
        QVERIFY(js[0].aiFeedback);
        QCOMPARE(preferred(js[0]), std::string("The sea keeps every secret the moon tells it."));
        auto stats = *computeStats(ws);
        QCOMPARE(stats.aiJudgments, std::int64_t(1));
        QCOMPARE(stats.humanJudgments, std::int64_t(0));
        QCOMPARE(*ws.db().queryInt("SELECT feedback = 'ai' FROM sources WHERE format = 'ultrafeedback'"), std::int64_t(1));
    }

    void badInputIsRejectedWithFileAndLine_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("reason");
        const QByteArray good = "{\"history\":\"q\",\"human_ref_A\":\"a\",\"human_ref_B\":\"b\",\"labels\":1}\n";
        const QByteArray good2 = "{\"history\":\"q2\",\"human_ref_A\":\"a\",\"human_ref_B\":\"b\",\"labels\":0}\n";
        QTest::newRow("invalid json") << good + good2 + "{\"history\": \"q\", \"labels\": }\n" << 3 << "invalid JSON at column";
        QTest::newRow("invalid utf-8") << good + "{\"history\":\"caf\xC3\x28\",\"human_ref_A\":\"a\",\"human_ref_B\":\"b\",\"labels\":1}\n" + good2 << 2 << "UTF-8";
        QTest::newRow("missing field") << good + good2 + "{\"history\":\"q\",\"human_ref_A\":\"a\",\"human_ref_B\":\"b\"}\n" << 3 << "missing field 'labels'";
        QTest::newRow("wrong type") << "{\"history\":\"q\",\"human_ref_A\":\"a\",\"human_ref_B\":\"b\",\"labels\":\"1\"}\n" + good + good2 << 1 << "must be an integer";
        QTest::newRow("wrong range") << good + "{\"history\":\"q\",\"human_ref_A\":\"a\",\"human_ref_B\":\"b\",\"labels\":2}\n" + good2 << 2 << "labels must be 0 or 1";
        QTest::newRow("not an object") << good + "[1, 2]\n" + good2 << 2 << "must be a JSON object";
        QTest::newRow("string not text") << good + good2 + "{\"history\":7,\"human_ref_A\":\"a\",\"human_ref_B\":\"b\",\"labels\":1}\n" << 3 << "'history' must be a string";
    }
    void badInputIsRejectedWithFileAndLine() {
        QFETCH(QByteArray, content);
        QFETCH(int, line);
        QFETCH(QString, reason);
        const std::string file = write(QString("bad-%1.jsonl").arg(QTest::currentDataTag()).replace(' ', '_'), content);
        Workspace ws = fresh();
        auto strict = run(ws, file, "shp");
        QVERIFY(!strict);
        QCOMPARE(strict.error().kind, ErrorKind::BadInput);
        QCOMPARE(int(strict.error().line), line);
        QCOMPARE(strict.error().file, file);
        QVERIFY2(QString::fromStdString(strict.error().message).contains(reason), strict.error().message.c_str());
        QCOMPARE(count(ws), std::int64_t(0)); // nothing half-imported
        QCOMPARE(computeStats(ws)->judgments, std::int64_t(0));
        // --skip-bad keeps the two good records and reports the bad one.
        auto lenient = run(ws, file, "shp", true);
        FLAME_VERIFY_OK(lenient);
        QCOMPARE(lenient->inserted, std::int64_t(2));
        QCOMPARE(lenient->badRecords.size(), std::size_t(1));
        QCOMPARE(int(lenient->badRecords[0].line), line);
        QVERIFY(QString::fromStdString(lenient->badRecords[0].toString()).startsWith(QString::fromStdString(file) + ":" + QString::number(line) + ": "));
    }

    void fileLevelProblems() {
        Workspace ws = fresh();
        auto unknown = run(ws, fixturePath("import/shp.jsonl"), "parquet");
        QVERIFY(!unknown);
        QVERIFY(QString::fromStdString(unknown.error().message).contains("unknown format 'parquet'"));
        auto empty = run(ws, write("empty.jsonl", ""), "shp");
        QVERIFY(!empty);
        QVERIFY(QString::fromStdString(empty.error().message).contains("empty"));
        auto blank = run(ws, write("blank.jsonl", "\n  \n\r\n"), "shp");
        QVERIFY(!blank);
        QVERIFY(QString::fromStdString(blank.error().message).contains("empty"));
        auto missing = run(ws, (m_dir.path() + "/nope.jsonl").toStdString(), "shp");
        QVERIFY(!missing);
        QVERIFY(QString::fromStdString(missing.error().toString()).contains("nope.jsonl: cannot open"));
        auto unclosed = run(ws, write("unclosed.json", "[{\"chosen\":\"\\n\\nHuman: a\\n\\nAssistant: b\",\"rejected\":\"\\n\\nHuman: a\\n\\nAssistant: c\"},\n"), "hh-rlhf");
        QVERIFY(!unclosed);
        QVERIFY(QString::fromStdString(unclosed.error().message).contains("not closed"));
        QCOMPARE(count(ws), std::int64_t(0));
    }

    void bomAndCrlfAreHandled() {
        Workspace ws = fresh();
        QByteArray content = "\xEF\xBB\xBF{\"history\":\"q\",\"human_ref_A\":\"a\",\"human_ref_B\":\"b\",\"labels\":1}\r\n"
                             "{\"history\":\"q2\",\"human_ref_A\":\"x\",\"human_ref_B\":\"y\",\"labels\":0}\r\n";
        auto r = run(ws, write("bom.jsonl", content), "shp");
        FLAME_VERIFY_OK(r);
        QCOMPARE(r->inserted, std::int64_t(2));
        QCOMPARE(*findField(all(ws)[0].context, "post"), std::string("q"));
    }

    void oversizedRecordsAreSkippedWithoutBuffering() {
        Workspace ws = fresh();
        QByteArray big = "{\"history\":\"" + QByteArray(5000, 'x') + "\",\"human_ref_A\":\"a\",\"human_ref_B\":\"b\",\"labels\":1}\n";
        QByteArray good = "{\"history\":\"q\",\"human_ref_A\":\"a\",\"human_ref_B\":\"b\",\"labels\":1}\n";
        ImportOptions o;
        o.format = "shp";
        o.maxRecordBytes = 1000;
        o.skipBad = true;
        auto r = importFile(ws, write("big.jsonl", good + big + good), o);
        FLAME_VERIFY_OK(r);
        QCOMPARE(r->inserted, std::int64_t(1)); // the two good lines are the same judgment
        QCOMPARE(r->duplicates, std::int64_t(1));
        QCOMPARE(int(r->badRecords.at(0).line), 2);
        QVERIFY(QString::fromStdString(r->badRecords[0].message).contains("larger than the limit"));
    }

    void invalidLabelsInNativeRecordsAreBad() {
        Workspace ws = fresh();
        const std::string file = write("native-bad.jsonl",
            "{\"task\":\"shp-pairwise\",\"context\":{\"post\":\"p\",\"comment_a\":\"a\",\"comment_b\":\"b\"},\"target\":{\"choice\":\"C\"}}\n"
            "{\"task\":\"stsb-similarity\",\"context\":{\"sentence_1\":\"a\",\"sentence_2\":\"b\"},\"target\":{\"rating\":\"9\"}}\n"
            "{\"task\":\"mnli\",\"context\":{\"premise\":\"a\",\"color\":\"b\"},\"target\":{\"answer\":\"neutral\"}}\n"
            "{\"task\":\"nope\",\"context\":{},\"target\":{}}\n");
        auto r = run(ws, file, "judgments", true);
        FLAME_VERIFY_OK(r);
        QCOMPARE(r->badRecords.size(), std::size_t(4));
        QVERIFY(QString::fromStdString(r->badRecords[0].message).contains("label 'C'"));
        QVERIFY(QString::fromStdString(r->badRecords[1].message).contains("from 0 to 5"));
        QVERIFY(QString::fromStdString(r->badRecords[2].message).contains("'color' is not an input field"));
        QVERIFY(QString::fromStdString(r->badRecords[3].message).contains("unknown task 'nope'"));
    }

    void importingTwiceAddsNothing() {
        Workspace ws = fresh();
        auto first = run(ws, fixturePath("import/shp.jsonl"), "shp");
        auto second = run(ws, fixturePath("import/shp.jsonl"), "shp");
        FLAME_VERIFY_OK(second);
        QCOMPARE(first->inserted, std::int64_t(2));
        QCOMPARE(second->inserted, std::int64_t(0));
        QCOMPARE(second->duplicates, std::int64_t(2));
        QCOMPARE(computeStats(ws)->judgments, std::int64_t(2));
    }

    void exportThenImportKeepsEveryContentHash() {
        Workspace source = fresh();
        sample::SampleOptions opts;
        opts.judgments = 3000;
        opts.evalScale = 0;
        opts.devScale = 0;
        opts.biasInstructions = 0;
        FLAME_VERIFY_OK(writeSampleCorpus(source, opts));
        FLAME_VERIFY_OK(run(source, fixturePath("import/ultrafeedback.jsonl"), "ultrafeedback"));
        FLAME_VERIFY_OK(run(source, fixturePath("import/helpsteer2-disagreements.jsonl"), "helpsteer"));
        const std::string out = (m_dir.path() + "/export.jsonl").toStdString();
        ExportOptions eo;
        auto written = exportJudgments(source, out, eo);
        FLAME_VERIFY_OK(written);
        QCOMPARE(*written, std::int64_t(3015));

        Workspace target = fresh();
        auto r = run(target, out, "judgments");
        FLAME_VERIFY_OK(r);
        QCOMPARE(r->inserted, std::int64_t(3015));
        QCOMPARE(flame::test::contentHashes(target), flame::test::contentHashes(source));
        auto a = *computeStats(source), b = *computeStats(target);
        QCOMPARE(b.byTask, a.byTask);
        QCOMPARE(b.bySplit, a.bySplit);
        QCOMPARE(b.aiJudgments, std::int64_t(1));
        // Filtered export.
        ExportOptions one;
        one.task = "mnli";
        one.split = Split::Dev;
        auto n = exportJudgments(source, (m_dir.path() + "/mnli.jsonl").toStdString(), one);
        FLAME_VERIFY_OK(n);
        JudgmentCursor c(source, source.taskId("mnli"), Split::Dev);
        Judgment j;
        std::int64_t expected = 0;
        while (*c.next(j)) ++expected;
        QCOMPARE(*n, expected);
    }

    void text2textUsesTheCurrentInstructions() {
        Workspace ws = fresh();
        FLAME_VERIFY_OK(run(ws, fixturePath("import/shp.jsonl"), "shp"));
        InstructionStore store(ws);
        Instructions ins = store.current("shp-pairwise")->instructions;
        ins.title = "Which comment helps the author more? (v2)";
        FLAME_VERIFY_OK(store.save("shp-pairwise", ins, "tester", "", 1));
        const std::string out = (m_dir.path() + "/t2t.jsonl").toStdString();
        ExportOptions eo;
        eo.format = "text2text";
        FLAME_VERIFY_OK(exportJudgments(ws, out, eo));
        std::ifstream in(out);
        std::string line;
        int lines = 0;
        while (std::getline(in, line)) {
            auto v = json::parse(line);
            QVERIFY(v);
            QCOMPARE(v->find("task")->asString(), std::string("shp-pairwise"));
            const std::string& input = v->find("input")->asString();
            QVERIFY(input.rfind("INSTRUCTIONS:\ntitle: Which comment helps the author more? (v2)\n", 0) == 0);
            QVERIFY(input.size() > 11 && input.compare(input.size() - 11, 11, "EVALUATION:") == 0);
            const std::string& target = v->find("target")->asString();
            QVERIFY(target == "choice: A" || target == "choice: B");
            ++lines;
        }
        QCOMPARE(lines, 2);
        QVERIFY(!QFile::exists(QString::fromStdString(out + ".part")));
    }

    void cancelKeepsNothing() {
        QByteArray content;
        for (int i = 0; i < 9000; ++i)
            content += "{\"history\":\"q" + QByteArray::number(i) + "\",\"human_ref_A\":\"a\",\"human_ref_B\":\"b\",\"labels\":1}\n";
        const std::string file = write("many.jsonl", content);
        Workspace ws = fresh();
        ImportOptions o;
        o.format = "shp";
        int calls = 0;
        bool monotone = true;
        o.progress = [&](std::int64_t done, std::int64_t total) {
            monotone = monotone && done <= total;
            return ++calls < 2;
        };
        auto r = importFile(ws, file, o);
        QVERIFY(!r);
        QCOMPARE(r.error().kind, ErrorKind::Cancelled);
        QVERIFY(monotone);
        QCOMPARE(count(ws), std::int64_t(0));
        o.progress = {};
        auto again = importFile(ws, file, o);
        FLAME_VERIFY_OK(again);
        QCOMPARE(again->inserted, std::int64_t(9000));
    }
};

QTEST_APPLESS_MAIN(TestImporters)
#include "tst_importers.moc"
