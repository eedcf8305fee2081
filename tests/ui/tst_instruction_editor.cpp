// The instruction editor driven by keyboard and buttons: typing with a live preview, undo/redo
// (Ctrl+Z / Ctrl+Shift+Z), validation, save as a new version, a conflicting save from another
// process (both edits kept, by saving on top or by taking theirs and undoing), revert as a new
// version, the diff between versions, and drafts kept per task.
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QUndoStack>
#include <QtTest>

#include "storage/instruction_store.h"
#include "tests/test_support.h"
#include "tests/ui/ui_test_support.h"
#include "ui/browse/task_tree_model.h"
#include "ui/editor/history_model.h"
#include "ui/editor/instruction_editor.h"

using namespace flame;
using namespace flame::ui;

class TestInstructionEditor : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<MainWindow> m_window;

    InstructionEditor* editor() const { return m_window->editor(); }
    QLineEdit* title() const { return editor()->findChild<QLineEdit*>("titleEdit"); }
    QPlainTextEdit* description() const {
        return editor()->findChild<QPlainTextEdit*>("descriptionEdit");
    }
    QLineEdit* fields() const { return editor()->findChild<QLineEdit*>("fieldsEdit"); }
    // Another process: its own connection, as `flame tasks set-instructions` would be.
    std::unique_ptr<Workspace> other() const {
        auto ws = Workspace::open(m_path.toStdString());
        if (!ws) qFatal("%s", ws.error().toString().c_str());
        return std::make_unique<Workspace>(std::move(ws).value());
    }

private slots:
    void initTestCase() {
        test::isolateSettings(m_dir);
        m_path = m_dir.path() + "/editor.flame";
        test::makeSampleWorkspace(m_path, 3000);
        m_window = std::make_unique<MainWindow>();
        m_window->session()->setUserName("curator-gui");
        m_window->show();
        QVERIFY(test::openAndWait(*m_window, m_path));
        m_window->showView(MainWindow::View::Instructions);
        m_window->taskTree()->selectTask("mnli");
        QCOMPARE(editor()->taskKey(), QStringLiteral("mnli"));
    }

    void typingPreviewsAndUndoes() {
        const QString original = title()->text();
        QVERIFY(editor()->previewText().contains("title: " + original));
        title()->setFocus();
        title()->end(false);
        QTest::keyClicks(title(), " now");
        QCOMPARE(title()->text(), original + " now");
        QVERIFY(editor()->previewText().contains("title: " + original + " now")); // live preview
        QVERIFY(editor()->previewText().contains("CONTEXT:"));
        QVERIFY(editor()->previewText().contains("EVALUATION:"));
        QVERIFY(editor()->isDirty());
        QTest::keyClick(title(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(title()->text(), original);
        QVERIFY(!editor()->isDirty());
        QTest::keyClick(title(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(title()->text(), original + " now");
        editor()->undoStack()->undo();
        QCOMPARE(title()->text(), original);
    }

    void validation() {
        auto* save = editor()->findChild<QPushButton*>("saveButton");
        const QString original = title()->text();
        title()->selectAll();
        QTest::keyClick(title(), Qt::Key_Delete);
        QVERIFY(editor()->validationMessage().contains("title is empty"));
        QVERIFY(!save->isEnabled());
        QVERIFY(!editor()->save());
        editor()->undoStack()->undo();
        QCOMPARE(title()->text(), original);
        QVERIFY(save->isEnabled());
        fields()->selectAll();
        QTest::keyClicks(fields(), "label");
        QVERIFY(editor()->validationMessage().contains("target fields: answer"));
        QVERIFY(!save->isEnabled());
        editor()->undoStack()->undo();
        QVERIFY(editor()->validationMessage().isEmpty());
    }

    void savesVersions() {
        description()->setFocus();
        description()->moveCursor(QTextCursor::End);
        QTest::keyClicks(description(), " Read both sentences twice.");
        QTest::keyClicks(editor()->findChild<QLineEdit*>("messageEdit"), "ask for care");
        QTest::keyClick(description(), Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(editor()->baseVersion(), 2);
        QVERIFY(!editor()->isDirty());
        auto ws = other();
        InstructionStore store(*ws);
        auto v2 = store.current("mnli");
        QCOMPARE(v2->version, 2);
        QCOMPARE(v2->author, std::string("curator-gui"));
        QCOMPARE(v2->message, std::string("ask for care"));
        QVERIFY(QString::fromStdString(v2->instructions.description)
                    .endsWith(" Read both sentences twice."));
        QCOMPARE(editor()->historyModel()->rowCount(), 2);
    }

    void conflictSaveOnTopKeepsBoth() {
        // Another process saves version 3 while this editor edits version 2.
        auto ws = other();
        InstructionStore store(*ws);
        Instructions theirs = store.current("mnli")->instructions;
        theirs.title = "Entailment, neutral or contradiction?";
        QVERIFY(store.save("mnli", theirs, "someone-else", "retitle", 2).ok());

        description()->moveCursor(QTextCursor::End);
        QTest::keyClicks(description(), " Mine.");
        const Instructions mine = editor()->currentInstructions();
        QVERIFY(!editor()->save());
        QVERIFY(editor()->conflictShown());
        QCOMPARE(store.current("mnli")->version, 3);     // nothing overwritten
        QCOMPARE(editor()->currentInstructions(), mine); // nothing lost
        auto* panel = editor()->findChild<QWidget*>("conflictPanel");
        QVERIFY(panel->isVisible());
        QVERIFY(editor()->saveOnTopOfTheirs());
        QVERIFY(!editor()->conflictShown());
        auto v4 = store.current("mnli");
        QCOMPARE(v4->version, 4);
        QCOMPARE(v4->instructions, mine);
        QCOMPARE(store.byId(v4->parentId)->version, 3);
    }

    void conflictTakeTheirsIsUndoable() {
        auto ws = other();
        InstructionStore store(*ws);
        Instructions theirs = store.current("mnli")->instructions;
        theirs.description = "Their description.";
        QVERIFY(store.save("mnli", theirs, "someone-else", "shorter", 4).ok());
        title()->end(false);
        QTest::keyClicks(title(), " (mine)");
        const Instructions mine = editor()->currentInstructions();
        QVERIFY(!editor()->save());
        QVERIFY(editor()->conflictShown());
        editor()->takeTheirs();
        QCOMPARE(editor()->currentInstructions(), theirs);
        QCOMPARE(editor()->baseVersion(), 5);
        QVERIFY(!editor()->isDirty());
        editor()->undoStack()->undo(); // mine is back, now on top of version 5
        QCOMPARE(editor()->currentInstructions(), mine);
        QVERIFY(editor()->save());
        QCOMPARE(store.current("mnli")->version, 6);
        QCOMPARE(store.current("mnli")->instructions, mine);
    }

    void revertAndCompare() {
        auto ws = other();
        InstructionStore store(*ws);
        const Instructions v1 = store.history("mnli")->back().instructions;
        QVERIFY(editor()->revertTo(1));
        auto current = store.current("mnli");
        QCOMPARE(current->version, 7);
        QCOMPARE(current->instructions, v1);
        QCOMPARE(current->message, std::string("revert to version 1"));
        QCOMPARE(editor()->currentInstructions(), v1); // the editor was clean: it shows the revert
        QCOMPARE(editor()->historyModel()->rowCount(), 7);
        editor()->compare(2, 3);
        const QString diff = editor()->diffText();
        QVERIFY(diff.contains("Version 2 → version 3"));
        QVERIFY(diff.contains("Entailment, neutral or contradiction?"));
        // Selecting one version in the list compares it with the one before.
        QListView* list = editor()->historyView();
        list->selectionModel()->select(editor()->historyModel()->index(0),
                                       QItemSelectionModel::ClearAndSelect);
        QVERIFY(editor()->diffText().contains("Version 6 → version 7"));
    }

    void draftsAreKeptPerTask() {
        title()->end(false);
        QTest::keyClicks(title(), " draft");
        const QString draft = title()->text();
        m_window->taskTree()->selectTask("qqp");
        QCOMPARE(editor()->taskKey(), QStringLiteral("qqp"));
        QVERIFY(!title()->text().endsWith(" draft"));
        QVERIFY(!editor()->isDirty());
        m_window->taskTree()->selectTask("mnli");
        QCOMPARE(title()->text(), draft);
        QVERIFY(editor()->isDirty());
        editor()->undoStack()->undo();
        QVERIFY(!editor()->isDirty());
    }
};

QTEST_MAIN(TestInstructionEditor)
#include "tst_instruction_editor.moc"
