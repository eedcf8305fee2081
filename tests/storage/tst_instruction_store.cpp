// Versioned instructions: every save is a version, saves on a stale base are refused as
// conflicts without losing either edit, revert is itself a version, invalid edits are refused.
#include <QtTest>

#include <fstream>

#include "storage/instruction_store.h"
#include "tests/test_support.h"

using namespace flame;

class TestInstructionStore : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void savesVersionsDetectsConflictsAndReverts() {
        const std::string p = (m_dir.path() + "/i.flame").toStdString();
        auto ws = Workspace::create(p);
        FLAME_VERIFY_OK(ws);
        InstructionStore store(*ws);
        auto v1 = store.current("mnli");
        FLAME_VERIFY_OK(v1);
        QCOMPARE(v1->version, 1);
        QCOMPARE(v1->author, std::string("catalog"));

        Instructions edited = v1->instructions;
        edited.description += " Read carefully.";
        auto v2 = store.save("mnli", edited, "curator-a", "clarify", 1);
        FLAME_VERIFY_OK(v2);
        QCOMPARE(v2->version, 2);
        QCOMPARE(v2->parentId, v1->id);
        QCOMPARE(store.current("mnli")->instructions, edited);

        // A second process (another connection) edited version 1 too and saves late.
        auto other = Workspace::open(p);
        FLAME_VERIFY_OK(other);
        InstructionStore otherStore(*other);
        Instructions theirs = v1->instructions;
        theirs.title = "Entailment, neutral or contradiction?";
        auto conflict = otherStore.save("mnli", theirs, "curator-b", "retitle", 1);
        QVERIFY(!conflict);
        QCOMPARE(conflict.error().kind, ErrorKind::Conflict);
        QVERIFY(QString::fromStdString(conflict.error().message).contains("version 2 by curator-a"));
        QCOMPARE(otherStore.current("mnli")->instructions, edited); // nothing overwritten
        // Rebased on the current version, their edit goes in as version 3.
        auto v3 = otherStore.save("mnli", theirs, "curator-b", "retitle", 2);
        FLAME_VERIFY_OK(v3);
        QCOMPARE(v3->version, 3);

        auto v4 = store.revert("mnli", 1, "curator-a", 3);
        FLAME_VERIFY_OK(v4);
        QCOMPARE(v4->version, 4);
        QCOMPARE(v4->instructions, v1->instructions);
        auto history = store.history("mnli");
        FLAME_VERIFY_OK(history);
        QCOMPARE(history->size(), std::size_t(4));
        QCOMPARE(history->front().version, 4);
        QCOMPARE(history->back().version, 1);
        // Other tasks are untouched.
        QCOMPARE(store.current("qqp")->version, 1);
    }

    void refusesInvalidInstructions() {
        auto ws = Workspace::create((m_dir.path() + "/v.flame").toStdString());
        InstructionStore store(*ws);
        Instructions ins = store.current("mnli")->instructions;
        Instructions noTitle = ins;
        noTitle.title = "  ";
        auto a = store.save("mnli", noTitle, "x", "", 1);
        QVERIFY(!a);
        QVERIFY(QString::fromStdString(a.error().message).contains("title is empty"));
        Instructions wrongFields = ins;
        wrongFields.outputFields = {"label"};
        auto b = store.save("mnli", wrongFields, "x", "", 1);
        QVERIFY(!b);
        QVERIFY(QString::fromStdString(b.error().message).contains("target fields: answer"));
        auto c = store.save("no-such-task", ins, "x", "", 1);
        QVERIFY(!c);
        QCOMPARE(store.current("mnli")->version, 1);
    }

    void readsInstructionFilesWithClearErrors() {
        const std::string good = (m_dir.path() + "/good.json").toStdString();
        std::ofstream(good) << "{\"title\": \"T\", \"description\": \"D\", \"output_fields\": [\"answer\"]}";
        auto ins = readInstructionFile(good);
        FLAME_VERIFY_OK(ins);
        QCOMPARE(ins->title, std::string("T"));

        const std::string bad = (m_dir.path() + "/bad.json").toStdString();
        std::ofstream(bad) << "{\n  \"title\": \"T\",\n  \"description\": 5\n}";
        auto e = readInstructionFile(bad);
        QVERIFY(!e);
        QVERIFY(QString::fromStdString(e.error().toString()).startsWith(QString::fromStdString(bad)));
        QVERIFY(QString::fromStdString(e.error().message).contains("description"));

        const std::string broken = (m_dir.path() + "/broken.json").toStdString();
        std::ofstream(broken) << "{\n  \"title\": \"T\",\n  oops\n}";
        auto f = readInstructionFile(broken);
        QVERIFY(!f);
        QCOMPARE(f.error().line, std::size_t(3));

        auto missing = readInstructionFile((m_dir.path() + "/nope.json").toStdString());
        QVERIFY(!missing);
    }
};

QTEST_APPLESS_MAIN(TestInstructionStore)
#include "tst_instruction_store.moc"
