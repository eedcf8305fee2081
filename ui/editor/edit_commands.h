#pragma once
// Undo steps of the instruction editor (QUndoStack): a field edit (typing in one field merges
// into one step while it goes on), and replacing all fields at once (taking another version).
#include <QElapsedTimer>
#include <QUndoCommand>

#include "model/catalog.h"

namespace flame::ui {

enum class InstructionField { Title, Description, OutputFields };

// Where commands apply their text: the editor's form, without recording a new command.
class InstructionForm {
public:
    virtual ~InstructionForm() = default;
    virtual void applyField(const QString& taskKey, InstructionField field,
                            const QString& text) = 0;
    virtual void applyAll(const QString& taskKey, const Instructions& instructions) = 0;
};

class FieldEditCommand : public QUndoCommand {
public:
    FieldEditCommand(InstructionForm* form, QString taskKey, InstructionField field, QString before,
                     QString after);
    int id() const override { return 1; }
    bool mergeWith(const QUndoCommand* other) override;
    void undo() override;
    void redo() override;

private:
    InstructionForm* m_form;
    QString m_taskKey;
    InstructionField m_field;
    QString m_before, m_after;
    bool m_applied = true; // created after the widget changed: the first redo() has nothing to do
    QElapsedTimer m_lastEdit;
};

class ReplaceAllCommand : public QUndoCommand {
public:
    ReplaceAllCommand(InstructionForm* form, QString taskKey, Instructions before,
                      Instructions after, const QString& text);
    void undo() override;
    void redo() override;

private:
    InstructionForm* m_form;
    QString m_taskKey;
    Instructions m_before, m_after;
};

} // namespace flame::ui
