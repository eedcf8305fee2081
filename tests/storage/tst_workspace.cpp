// Workspace files: creation, the schema migrations, refusing newer schemas without touching the
// file, recognising files that are not workspaces, and read-only opening.
#include <QtTest>

#include <sqlite3.h>

#include <fstream>

#include "storage/schema.h"
#include "storage/workspace.h"
#include "tests/test_support.h"

using namespace flame;

namespace {
QByteArray readAll(const QString& path) {
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}
} // namespace

class TestWorkspace : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string path(const char* name) { return (m_dir.path() + "/" + name).toStdString(); }

private slots:
    void createsWithCatalogAndArtifactFolder() {
        auto ws = Workspace::create(path("new.flame"));
        FLAME_VERIFY_OK(ws);
        QCOMPARE(ws->schemaVersion(), db::latestSchemaVersion());
        QCOMPARE(ws->catalog().flameTaskCount(), std::size_t(102));
        QVERIFY(ws->taskId("xsum-hallucination") > 0);
        QVERIFY(QDir(QString::fromStdString(ws->artifactDir())).exists());
        auto mode = ws->db().queryInt("SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'");
        QCOMPARE(*mode, std::int64_t(1));
        auto versions = ws->db().queryInt("SELECT count(*) FROM task_instructions WHERE version = 1");
        QCOMPARE(*versions, std::int64_t(Catalog::builtin().tasks().size()));
        // A second create on the same path fails.
        auto again = Workspace::create(path("new.flame"));
        QVERIFY(!again);
        QCOMPARE(again.error().kind, ErrorKind::BadInput);
    }

    void opensWhatItCreated() {
        {
            auto ws = Workspace::create(path("reopen.flame"));
            FLAME_VERIFY_OK(ws);
            FLAME_VERIFY_OK(ws->setMeta("note", "kept"));
        }
        auto ws = Workspace::open(path("reopen.flame"));
        FLAME_VERIFY_OK(ws);
        QCOMPARE(*ws->meta("note"), std::string("kept"));
    }

    void migratesAnOlderSchemaKeepingData() {
        // A version-1 workspace, as an older FLAMe Studio wrote it.
        const std::string p = path("old.flame");
        {
            auto db = db::Database::open(p, db::OpenFlags::Create);
            FLAME_VERIFY_OK(db);
            FLAME_VERIFY_OK(db->exec("PRAGMA journal_mode = WAL; PRAGMA application_id = " + std::to_string(db::kApplicationId)));
            FLAME_VERIFY_OK(db::migrate(*db, 0, 1));
            FLAME_VERIFY_OK(db->exec("INSERT INTO meta(key, value) VALUES('application', 'flame-studio'), ('generated', 'false')"));
            const auto& t = Catalog::builtin().tasks().front();
            auto st = db->prepare("INSERT INTO tasks(key, dataset, licence, collection, type, capability, definition) VALUES(?,?,?,?,?,?,?)");
            FLAME_VERIFY_OK(st);
            st->bind(1, t.key).bind(2, t.dataset).bind(3, t.licence).bind(4, std::string_view("flame"))
                .bind(5, std::string_view(toString(t.type))).bind(6, std::string_view(toString(t.capability))).bind(7, t.sourceJson);
            FLAME_VERIFY_OK(st->run());
            QCOMPARE(*db->queryInt("PRAGMA user_version"), std::int64_t(1));
            auto reviews = db->queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'reviews'");
            QCOMPARE(*reviews, std::int64_t(0));
        }
        auto ws = Workspace::open(p);
        FLAME_VERIFY_OK(ws);
        QCOMPARE(ws->schemaVersion(), db::latestSchemaVersion());
        QCOMPARE(*ws->db().queryInt("PRAGMA user_version"), std::int64_t(db::latestSchemaVersion()));
        QCOMPARE(*ws->db().queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'reviews'"), std::int64_t(1));
        QVERIFY(ws->taskId(Catalog::builtin().tasks().front().key) > 0);
    }

    void refusesANewerSchemaAndChangesNothing() {
        const std::string p = path("future.flame");
        {
            auto ws = Workspace::create(p);
            FLAME_VERIFY_OK(ws);
            FLAME_VERIFY_OK(ws->db().exec("PRAGMA user_version = " + std::to_string(db::latestSchemaVersion() + 5)));
            FLAME_VERIFY_OK(ws->db().exec("PRAGMA wal_checkpoint(TRUNCATE)"));
        }
        const QByteArray before = readAll(QString::fromStdString(p));
        auto ws = Workspace::open(p);
        QVERIFY(!ws);
        QString message = QString::fromStdString(ws.error().toString());
        QVERIFY2(message.contains("newer than this program"), qPrintable(message));
        QVERIFY2(message.contains("Nothing was changed"), qPrintable(message));
        QVERIFY(message.startsWith(QString::fromStdString(p)));
        QCOMPARE(readAll(QString::fromStdString(p)), before);
    }

    void recognisesFilesThatAreNotWorkspaces() {
        const std::string text = path("notes.flame");
        std::ofstream(text) << "these are my notes, not a database\n";
        auto a = Workspace::open(text);
        QVERIFY(!a);
        QVERIFY2(QString::fromStdString(a.error().message).contains("not a FLAMe Studio workspace"), a.error().message.c_str());

        const std::string other = path("other.sqlite");
        {
            auto db = db::Database::open(other, db::OpenFlags::Create);
            FLAME_VERIFY_OK(db->exec("CREATE TABLE t(x); INSERT INTO t VALUES(1);"));
        }
        auto b = Workspace::open(other);
        QVERIFY(!b);
        QVERIFY(QString::fromStdString(b.error().message).contains("another program"));

        auto c = Workspace::open(path("missing.flame"));
        QVERIFY(!c);
        QVERIFY(QString::fromStdString(c.error().message).contains("no such workspace"));
    }

    void readOnlyOpenRefusesWrites() {
        const std::string p = path("ro.flame");
        FLAME_VERIFY_OK(Workspace::create(p));
        auto ws = Workspace::open(p, WorkspaceMode::ReadOnly);
        FLAME_VERIFY_OK(ws);
        QVERIFY(ws->readOnly());
        auto s = ws->setMeta("x", "y");
        QVERIFY(!s);
        QCOMPARE(s.error().kind, ErrorKind::ReadOnly);
    }
};

QTEST_APPLESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
