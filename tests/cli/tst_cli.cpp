// The `flame` command line as a user runs it: help for every command, exit codes (0, 2 for bad
// input with FILE:LINE messages, 1 for internal errors such as a damaged file), the documented
// JSON of `stats`, `tasks`, instruction versions from a file, `show` and export to stdout.
#include <QtTest>

#include <fstream>

#include "model/json.h"
#include "storage/schema.h"
#include "storage/workspace.h"
#include "tests/test_support.h"

using flame::test::runCli;

class TestCli : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_ws;

    QString file(const QString& name, const QByteArray& content) {
        const QString p = m_dir.path() + "/" + name;
        QFile f(p);
        f.open(QIODevice::WriteOnly);
        f.write(content);
        return p;
    }

private slots:
    void initTestCase() {
        m_ws = m_dir.path() + "/cli.flame";
        auto init = runCli({"init", m_ws});
        QCOMPARE(init.exitCode, 0);
        QVERIFY(init.out.contains("105 tasks (102 in the FLAMe collection)"));
        auto sample = runCli({"sample", m_ws, "--judgments", "10000", "-q"});
        QCOMPARE(sample.exitCode, 0);
        QVERIFY(sample.out.contains("GENERATED"));
    }

    void everyCommandHasHelp_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("top") << QStringList{"--help"};
        for (const char* c : {"init", "sample", "import", "export", "stats", "tasks", "show"})
            QTest::newRow(c) << QStringList{c, "--help"};
    }
    void everyCommandHasHelp() {
        QFETCH(QStringList, args);
        auto r = runCli(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Usage") || r.out.contains("usage") || r.out.contains("OPTIONS"));
    }

    void statsJsonHasTheDocumentedShape() {
        auto r = runCli({"stats", m_ws, "--json"});
        QCOMPARE(r.exitCode, 0);
        auto v = flame::json::parse(r.out.trimmed().toStdString());
        QVERIFY(v);
        QCOMPARE(v->find("judgments")->asInt(), std::int64_t(10000));
        QCOMPARE(v->find("tasks")->asInt(), std::int64_t(102));
        QVERIFY(v->find("generated")->asBool());
        auto keys = [](const flame::json::Value* o) {
            QStringList k;
            for (const auto& [name, value] : o->asObject()) k << QString::fromStdString(name);
            return k;
        };
        QCOMPARE(keys(v->find("by_type")), (QStringList{"pairwise", "pointwise", "classification", "open-ended"}));
        QCOMPARE(keys(v->find("by_capability")),
                 (QStringList{"quality", "factuality", "safety", "coding", "instruction-tuning", "math"}));
        QCOMPARE(keys(v->find("by_split")), (QStringList{"train", "dev", "test"}));
        QCOMPARE(v->find("by_task")->asObject().size(), std::size_t(105));
        QVERIFY(v->find("eval_examples")->asInt() > 600);
        std::int64_t sum = 0;
        for (const auto& [k, n] : v->find("by_type")->asObject()) sum += n.asInt();
        QCOMPARE(sum, std::int64_t(10000));
    }

    void badInputExitsWith2AndNamesFileAndLine() {
        const QString bad = file("bad.jsonl", "{\"history\":\"q\",\"human_ref_A\":\"a\",\"human_ref_B\":\"b\",\"labels\":1}\n"
                                              "{\"history\":\"q\",\"human_ref_A\":\"a\",\"human_ref_B\":\"b\",\"labels\":1}\n"
                                              "{not json}\n");
        auto r = runCli({"import", m_ws, bad, "--format", "shp"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(bad + ":3: invalid JSON"), qPrintable(r.err));
        auto lenient = runCli({"import", m_ws, bad, "--format", "shp", "--skip-bad"});
        QCOMPARE(lenient.exitCode, 0);
        QVERIFY(lenient.err.contains(bad + ":3: "));
        QVERIFY(lenient.out.contains("1 judgments added"));

        QCOMPARE(runCli({"import", m_ws, bad, "--format", "xml"}).exitCode, 2);
        QCOMPARE(runCli({"import", m_ws, bad}).exitCode, 2); // --format is required
        QCOMPARE(runCli({"frobnicate"}).exitCode, 2);
        QCOMPARE(runCli({"sample", m_ws, "--judgments", "-5"}).exitCode, 2);
        auto exists = runCli({"init", m_ws});
        QCOMPARE(exists.exitCode, 2);
        QVERIFY(exists.err.contains(m_ws + ": a file of that name exists already"));
        QCOMPARE(runCli({"stats", m_dir.path() + "/missing.flame"}).exitCode, 2);
    }

    void newerSchemaIsRefusedWithExit2() {
        const QString p = m_dir.path() + "/future.flame";
        {
            auto ws = flame::Workspace::create(p.toStdString());
            QVERIFY(ws.ok());
            QVERIFY(ws->db().exec("PRAGMA user_version = 99").ok());
        }
        auto r = runCli({"stats", p});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("newer than this program"));
    }

    void damagedWorkspaceIsAnInternalErrorNamingTheFile() {
        const QString p = m_dir.path() + "/damaged.flame";
        QCOMPARE(runCli({"init", p}).exitCode, 0);
        QCOMPARE(runCli({"sample", p, "--judgments", "3000", "-q"}).exitCode, 0);
        {
            auto ws = flame::Workspace::open(p.toStdString());
            QVERIFY(ws->db().exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
        }
        // Overwrite pages in the middle of the file with garbage.
        QFile f(p);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 size = f.size();
        f.seek(size / 2);
        f.write(QByteArray(64 * 1024, '\xAB'));
        f.close();
        auto r = runCli({"export", p, "--format", "judgments", "--output", m_dir.path() + "/out.jsonl", "-q"});
        QVERIFY2(r.exitCode == 1 || r.exitCode == 2, qPrintable(QString::number(r.exitCode) + r.err));
        QVERIFY2(r.err.contains(p), qPrintable(r.err));
        QVERIFY(r.err.contains("malformed") || r.err.contains("not a database") || r.err.contains("damaged"));
        QVERIFY(!QFile::exists(m_dir.path() + "/out.jsonl"));
    }

    void tasksListShowAndSetInstructions() {
        auto list = runCli({"tasks", m_ws, "--json"});
        QCOMPARE(list.exitCode, 0);
        auto v = flame::json::parse(list.out.trimmed().toStdString());
        QVERIFY(v && v->isArray());
        QCOMPARE(v->asArray().size(), std::size_t(105));

        auto show = runCli({"tasks", m_ws, "show", "mnli", "--json"});
        QCOMPARE(show.exitCode, 0);
        auto t = flame::json::parse(show.out.trimmed().toStdString());
        QCOMPARE(t->find("instructions")->find("version")->asInt(), std::int64_t(1));

        const QString ins = file("mnli.json", "{\"title\": \"Does the premise entail the hypothesis? (v2)\", "
                                              "\"description\": \"Decide entailment, contradiction or neutral.\", "
                                              "\"output_fields\": [\"answer\"]}");
        auto set = runCli({"tasks", m_ws, "set-instructions", "mnli", "--from", ins, "-m", "shorter"});
        QCOMPARE(set.exitCode, 0);
        QVERIFY(set.out.contains("saved version 2"));
        auto after = runCli({"tasks", m_ws, "show", "mnli"});
        QVERIFY(after.out.contains("(v2)"));
        auto shown = runCli({"show", m_ws, "--task", "mnli", "-n", "1"});
        QCOMPARE(shown.exitCode, 0);
        QVERIFY(shown.out.contains("title: Does the premise entail the hypothesis? (v2)"));
        QVERIFY(shown.out.contains("[generated sample data]"));

        const QString wrong = file("wrong.json", "{\"title\": \"x\", \"description\": \"y\", \"output_fields\": [\"label\"]}");
        auto refused = runCli({"tasks", m_ws, "set-instructions", "mnli", "--from", wrong});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(refused.err.contains("target fields: answer"));
        const QString broken = file("broken.json", "{\n\"title\": \"x\",\n\"description\" \"y\"\n}");
        auto b = runCli({"tasks", m_ws, "set-instructions", "mnli", "--from", broken});
        QCOMPARE(b.exitCode, 2);
        QVERIFY2(b.err.contains(broken + ":3: invalid JSON"), qPrintable(b.err));
        QCOMPARE(runCli({"tasks", m_ws, "show", "no-such-task"}).exitCode, 2);
    }

    void concurrentSavesFromTwoProcessesAreAllKept() {
        const QString ws = m_dir.path() + "/concurrent.flame";
        QCOMPARE(runCli({"init", ws}).exitCode, 0);
        const QString a = file("a.json", "{\"title\": \"A\", \"description\": \"from process A\", \"output_fields\": [\"choice\"]}");
        const QString b = file("b.json", "{\"title\": \"B\", \"description\": \"from process B\", \"output_fields\": [\"choice\"]}");
        // Two shells, each saving 15 versions of the same task as fast as they can.
        auto loop = [&](const QString& f, const QString& who) {
            auto* p = new QProcess(this);
            p->start("/bin/sh", {"-c", QString("for i in $(seq 15); do '%1' tasks '%2' set-instructions shp-pairwise --from '%3' "
                                               "-m %4-$i --author %4 || exit 1; done").arg(FLAME_CLI, ws, f, who)});
            return p;
        };
        QProcess* pa = loop(a, "alice");
        QProcess* pb = loop(b, "bob");
        QVERIFY(pa->waitForFinished(120000) && pb->waitForFinished(120000));
        QCOMPARE(pa->exitCode(), 0);
        QCOMPARE(pb->exitCode(), 0);
        auto show = runCli({"tasks", ws, "show", "shp-pairwise", "--json"});
        auto v = flame::json::parse(show.out.trimmed().toStdString());
        QCOMPARE(v->find("instructions")->find("version")->asInt(), std::int64_t(31));
        auto w = flame::Workspace::open(ws.toStdString());
        QCOMPARE(*w->db().queryInt("SELECT count(DISTINCT message) FROM task_instructions WHERE author IN ('alice','bob')"), std::int64_t(30));
        QCOMPARE(*w->db().queryInt("SELECT count(*) FROM task_instructions t JOIN tasks k ON k.id = t.task_id "
                                   "WHERE k.key = 'shp-pairwise' AND t.parent_id IS NOT (SELECT id FROM task_instructions p WHERE p.task_id = t.task_id AND p.version = t.version - 1)"),
                 std::int64_t(0)); // every version's parent is the one before it: no lost update
    }

    void exportToStandardOutput() {
        auto r = runCli({"export", m_ws, "--format", "text2text", "--task", "prm800k-pairwise", "--split", "train", "--output", "-"});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split('\n', Qt::SkipEmptyParts);
        QVERIFY(lines.size() > 100);
        auto first = flame::json::parse(lines.first().toStdString());
        QVERIFY(first);
        QCOMPARE(first->find("task")->asString(), std::string("prm800k-pairwise"));
        QVERIFY(first->find("input")->asString().find("problem: ") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
