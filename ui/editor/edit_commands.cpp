#include "ui/editor/edit_commands.h"

#include <QCoreApplication>

namespace flame::ui {

namespace {
QString fieldName(InstructionField f) {
    switch (f) {
    case InstructionField::Title:
        return QCoreApplication::translate("flame::ui::InstructionEditor", "title");
    case InstructionField::Description:
        return QCoreApplication::translate("flame::ui::InstructionEditor", "description");
    case InstructionField::OutputFields:
        return QCoreApplication::translate("flame::ui::InstructionEditor", "output fields");
    }
    return {};
}
} // namespace

FieldEditCommand::FieldEditCommand(InstructionForm* form, QString taskKey, InstructionField field,
                                   QString before, QString after)
    : m_form(form), m_taskKey(std::move(taskKey)), m_field(field), m_before(std::move(before)),
      m_after(std::move(after)) {
    setText(QCoreApplication::translate("flame::ui::InstructionEditor", "edit %1")
                .arg(fieldName(field)));
    m_lastEdit.start();
}

bool FieldEditCommand::mergeWith(const QUndoCommand* other) {
    auto* o = static_cast<const FieldEditCommand*>(other);
    // Continuous typing in one field is one step; a pause of two seconds starts a new one.
    if (o->m_field != m_field || o->m_taskKey != m_taskKey || m_lastEdit.elapsed() > 2000)
        return false;
    m_after = o->m_after;
    m_lastEdit.restart();
    return true;
}

void FieldEditCommand::undo() {
    m_form->applyField(m_taskKey, m_field, m_before);
    m_applied = false;
}

void FieldEditCommand::redo() {
    if (m_applied) return;
    m_form->applyField(m_taskKey, m_field, m_after);
    m_applied = true;
}

ReplaceAllCommand::ReplaceAllCommand(InstructionForm* form, QString taskKey, Instructions before,
                                     Instructions after, const QString& text)
    : m_form(form), m_taskKey(std::move(taskKey)), m_before(std::move(before)),
      m_after(std::move(after)) {
    setText(text);
}

void ReplaceAllCommand::undo() {
    m_form->applyAll(m_taskKey, m_before);
}
void ReplaceAllCommand::redo() {
    m_form->applyAll(m_taskKey, m_after);
}

} // namespace flame::ui
