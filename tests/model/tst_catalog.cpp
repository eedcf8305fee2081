// The built-in catalog: the FLAMe collection's 102 tasks from the paper's 55 datasets, each
// well-formed and fillable by the generator; and clear errors for broken catalog files.
#include <QtTest>

#include <set>

#include "model/catalog.h"
#include "model/sample/corpus.h"
#include "model/sample/families.h"

using namespace flame;

class TestCatalog : public QObject {
    Q_OBJECT
private slots:
    void builtinHas102FlameTasksFrom55Datasets() {
        const Catalog& c = Catalog::builtin();
        QCOMPARE(c.flameTaskCount(), std::size_t(102));
        std::set<std::string> datasets;
        for (const auto& t : c.tasks())
            if (t.collection == Collection::Flame) datasets.insert(t.dataset);
        QCOMPARE(datasets.size(), std::size_t(55));
    }

    void everyTaskIsComplete() {
        for (const auto& t : Catalog::builtin().tasks()) {
            const QByteArray key = QByteArray::fromStdString(t.key);
            QVERIFY2(!t.licence.empty(), key);
            QVERIFY2(!t.instructions.title.empty(), key);
            QVERIFY2(t.instructions.description.size() > 60, key);
            QVERIFY2(t.instructions.outputFields == t.outputFields, key);
            if (t.collection != Collection::Eval) QVERIFY2(sample::isKnownFamily(t.sample.family), key);
            if (t.type == TaskType::Pairwise) QCOMPARE(t.candidateLabels(), (std::vector<std::string>{"A", "B"}));
            if (t.type == TaskType::Pointwise) QVERIFY2(t.scaleMax > t.scaleMin, key);
        }
    }

    void helpSteerGivesFivePointwiseTasksAndOnePairwise() {
        int pointwise = 0, pairwise = 0;
        for (const auto& t : Catalog::builtin().tasks()) {
            if (t.dataset != "HelpSteer") continue;
            pointwise += t.type == TaskType::Pointwise;
            pairwise += t.type == TaskType::Pairwise;
        }
        QCOMPARE(pointwise, 5);
        QCOMPARE(pairwise, 1);
    }

    void eachPaperCapabilityAndTypeIsCovered() {
        std::set<int> types, caps;
        for (const auto& t : Catalog::builtin().tasks()) {
            if (t.collection != Collection::Flame) continue;
            types.insert(int(t.type));
            caps.insert(int(t.capability));
        }
        QCOMPARE(types.size(), std::size_t(4));
        QCOMPARE(caps.size(), std::size_t(6));
        // The four FLAMe-RM tasks exist (paper section 4.2).
        for (const char* k : {"helpsteer-pairwise", "prm800k-pairwise", "commitpack-pairwise", "hh-rlhf-harmlessness"})
            QVERIFY2(Catalog::builtin().find(k), k);
    }

    void planMatchesPaperSharesAtEverySize_data() {
        QTest::addColumn<qint64>("judgments");
        for (qint64 n : {10000LL, 123457LL, 1000000LL, 5300000LL, 20000000LL})
            QTest::newRow(QByteArray::number(n)) << n;
    }
    void planMatchesPaperSharesAtEverySize() {
        QFETCH(qint64, judgments);
        auto plans = sample::planCorpus(Catalog::builtin(), judgments);
        QCOMPARE(plans.size(), std::size_t(102));
        std::int64_t total = 0;
        std::map<int, std::int64_t> byType, byCap;
        for (const auto& p : plans) {
            total += p.count;
            byType[int(p.task->type)] += p.count;
            byCap[int(p.task->capability)] += p.count;
            QVERIFY(p.count >= 1);
        }
        QCOMPARE(total, judgments);
        for (TaskType t : kAllTaskTypes) {
            double share = 100.0 * double(byType[int(t)]) / double(total);
            QVERIFY2(std::abs(share - sample::paperTypeShare(t)) < 1.0, toString(t));
        }
        for (Capability c : kAllCapabilities) {
            double share = 100.0 * double(byCap[int(c)]) / double(total);
            QVERIFY2(std::abs(share - sample::paperCapabilityShare(c)) < 1.0, toString(c));
        }
    }

    void malformedCatalogsNameFileAndTask_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("invalid json") << QByteArray("{\"tasks\": [\n  {\"key\": }\n]}") << "my.json:2: invalid JSON";
        QTest::newRow("no tasks") << QByteArray("{}") << "array \"tasks\"";
        QTest::newRow("missing field") << QByteArray(R"({"tasks":[{"key":"x"}]})") << "task #1 ('x'): missing field 'dataset'";
        QTest::newRow("bad type")
            << QByteArray(R"({"tasks":[{"key":"x","dataset":"d","licence":"l","type":"ranking","capability":"quality","input_fields":["a"],"output_fields":["choice"]}]})")
            << "unknown type 'ranking'";
        QTest::newRow("pairwise labels")
            << QByteArray(R"({"tasks":[{"key":"x","dataset":"d","licence":"l","type":"pairwise","capability":"quality","input_fields":["a"],"output_fields":["choice"],"labels":["1","2"]}]})")
            << "labels [\"A\", \"B\"]";
        QTest::newRow("instruction fields differ")
            << QByteArray(R"({"tasks":[{"key":"x","dataset":"d","licence":"l","type":"classification","capability":"quality","input_fields":["a"],"output_fields":["answer"],"labels":["Yes","No"],"instructions":{"title":"t","description":"d","output_fields":["label"]}}]})")
            << "differ from the task's output_fields";
        QTest::newRow("unknown sample parameter")
            << QByteArray(R"({"tasks":[{"key":"x","dataset":"d","licence":"l","type":"classification","capability":"quality","input_fields":["a"],"output_fields":["answer"],"labels":["Yes","No"],"instructions":{"title":"t","description":"d","output_fields":["answer"]},"sample":{"nosie":0.1}}]})")
            << "unknown sample parameter 'nosie'";
    }
    void malformedCatalogsNameFileAndTask() {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        auto c = Catalog::fromJson(std::string_view(text.constData(), std::size_t(text.size())), "my.json");
        QVERIFY(!c);
        QString message = QString::fromStdString(c.error().toString());
        QVERIFY2(message.startsWith("my.json"), qPrintable(message));
        QVERIFY2(message.contains(expected), qPrintable(message));
        QCOMPARE(c.error().kind, ErrorKind::BadInput);
    }

    void duplicateKeysAreRejected() {
        QByteArray one = R"({"key":"x","dataset":"d","licence":"l","type":"open-ended","capability":"math","input_fields":["a"],"output_fields":["solution"],"instructions":{"title":"t","description":"d","output_fields":["solution"]}})";
        QByteArray text = "{\"tasks\":[" + one + "," + one + "]}";
        auto c = Catalog::fromJson(std::string_view(text.constData(), std::size_t(text.size())), "dup.json");
        QVERIFY(!c);
        QVERIFY(QString::fromStdString(c.error().message).contains("duplicate task key 'x'"));
    }
};

QTEST_APPLESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
