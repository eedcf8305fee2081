#pragma once
// The instruction editor: a task's title, description and output fields with a live preview of
// some of its judgments in the unified format, validation, undo/redo (one QUndoStack per task in
// a QUndoGroup, so switching tasks keeps each draft), saving as a new version with author, time
// and message, the version history with a diff between any two versions, and revert (itself a
// new version). A save on top of a version another process replaced meanwhile shows the conflict
// and the diff; both edits are kept (the other one is saved, this one stays in the editor and in
// its undo history) until the user saves on top or takes the other version.
#include <QHash>
#include <QWidget>

#include "storage/instruction_store.h"
#include "ui/editor/edit_commands.h"

class QFrame;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;
class QUndoGroup;
class QUndoStack;
class QAction;

namespace flame::ui {

class HistoryModel;
class WorkspaceSession;

class InstructionEditor : public QWidget, private InstructionForm {
    Q_OBJECT
public:
    explicit InstructionEditor(WorkspaceSession* session, QWidget* parent = nullptr);

    void setTask(const QString& taskKey);
    QString taskKey() const { return m_task; }
    Instructions currentInstructions() const;
    int baseVersion() const;
    bool isDirty() const;
    QUndoStack* undoStack() const; // of the current task
    QAction* undoAction() const { return m_undo; }
    QAction* redoAction() const { return m_redo; }
    HistoryModel* historyModel() const { return m_history; }
    QListView* historyView() const { return m_historyView; }

    // The actions behind the buttons (tests drive them directly, as the buttons do).
    bool save();              // false: invalid, failed or conflict
    bool saveOnTopOfTheirs(); // after a conflict
    void takeTheirs();        // after a conflict (undoable)
    bool revertTo(int version);
    void compare(int fromVersion, int toVersion); // shows the diff
    bool conflictShown() const;
    QString validationMessage() const; // "" when valid
    QString previewText() const;
    QString diffText() const; // the diff pane's plain text

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Draft {
        QUndoStack* stack = nullptr;
        InstructionVersion base; // the version the draft started from
        Instructions text;       // what the form shows
    };
    void applyField(const QString& taskKey, InstructionField field, const QString& text) override;
    void applyAll(const QString& taskKey, const Instructions& instructions) override;
    void onEdited(InstructionField field);
    void showDraft();
    void refreshPreview();
    void refreshValidation();
    void refreshHistory();
    void refreshState();
    void showConflict(const InstructionVersion& theirs);
    void retranslate();
    void compareSelected();
    Draft* draft();
    const Draft* draft() const;

    WorkspaceSession* m_session;
    QString m_task;
    QHash<QString, Draft> m_drafts;
    QUndoGroup* m_group;
    QAction* m_undo;
    QAction* m_redo;
    bool m_applying = false;
    std::optional<InstructionVersion> m_theirs; // the version that conflicted

    QLabel* m_taskLabel;
    QLabel* m_stateLabel;
    QLabel* m_titleLabel;
    QLabel* m_descriptionLabel;
    QLabel* m_fieldsLabel;
    QLineEdit* m_title;
    QPlainTextEdit* m_description;
    QLineEdit* m_fields;
    QLabel* m_validation;
    QLineEdit* m_message;
    QPushButton* m_save;
    QFrame* m_conflict;
    QLabel* m_conflictLabel;
    QTextBrowser* m_conflictDiff;
    QPushButton* m_saveOnTop;
    QPushButton* m_takeTheirs;
    QLabel* m_previewLabel;
    QPlainTextEdit* m_preview;
    QLabel* m_historyLabel;
    HistoryModel* m_history;
    QListView* m_historyView;
    QPushButton* m_compare;
    QPushButton* m_revert;
    QTextBrowser* m_diff;
};

} // namespace flame::ui
