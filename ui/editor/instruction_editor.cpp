#include "ui/editor/instruction_editor.h"

#include <QAction>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFrame>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QUndoGroup>
#include <QUndoStack>
#include <QVBoxLayout>

#include "model/format.h"
#include "storage/judgment_store.h"
#include "ui/diff_html.h"
#include "ui/editor/history_model.h"
#include "ui/labels.h"
#include "ui/workspace_session.h"

namespace flame::ui {

namespace {

std::vector<std::string> parseFields(const QString& text) {
    std::vector<std::string> out;
    for (const QString& part : text.split(QLatin1Char(','))) {
        const QString f = part.trimmed();
        if (!f.isEmpty()) out.push_back(f.toStdString());
    }
    return out;
}

} // namespace

InstructionEditor::InstructionEditor(WorkspaceSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_group(new QUndoGroup(this)),
      m_taskLabel(new QLabel(this)), m_stateLabel(new QLabel(this)), m_titleLabel(new QLabel(this)),
      m_descriptionLabel(new QLabel(this)), m_fieldsLabel(new QLabel(this)),
      m_title(new QLineEdit(this)), m_description(new QPlainTextEdit(this)),
      m_fields(new QLineEdit(this)), m_validation(new QLabel(this)), m_message(new QLineEdit(this)),
      m_save(new QPushButton(this)), m_conflict(new QFrame(this)),
      m_conflictLabel(new QLabel(m_conflict)), m_conflictDiff(new QTextBrowser(m_conflict)),
      m_saveOnTop(new QPushButton(m_conflict)), m_takeTheirs(new QPushButton(m_conflict)),
      m_previewLabel(new QLabel(this)), m_preview(new QPlainTextEdit(this)),
      m_historyLabel(new QLabel(this)), m_history(new HistoryModel(this)),
      m_historyView(new QListView(this)), m_compare(new QPushButton(this)),
      m_revert(new QPushButton(this)), m_diff(new QTextBrowser(this)) {
    setObjectName(QStringLiteral("instructionEditor"));
    m_title->setObjectName(QStringLiteral("titleEdit"));
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_fields->setObjectName(QStringLiteral("fieldsEdit"));
    m_message->setObjectName(QStringLiteral("messageEdit"));
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_validation->setObjectName(QStringLiteral("validationLabel"));
    m_conflict->setObjectName(QStringLiteral("conflictPanel"));
    m_preview->setObjectName(QStringLiteral("previewView"));
    m_historyView->setObjectName(QStringLiteral("historyView"));
    m_diff->setObjectName(QStringLiteral("diffView"));

    // Widget-scoped shortcuts: Ctrl+Z here undoes an instruction edit, in the review view it
    // undoes the last review.
    m_undo = m_group->createUndoAction(this);
    m_redo = m_group->createRedoAction(this);
    m_undo->setObjectName(QStringLiteral("undoInstructionEdit"));
    m_redo->setObjectName(QStringLiteral("redoInstructionEdit"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo->setShortcut(QKeySequence::Redo);
    for (QAction* a : {m_undo, m_redo}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
    }
    auto* saveAction = new QAction(this);
    saveAction->setObjectName(QStringLiteral("saveInstructions"));
    saveAction->setShortcut(QKeySequence::Save);
    saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(saveAction);
    connect(saveAction, &QAction::triggered, this, [this] { save(); });

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_preview->setReadOnly(true);
    m_preview->setFont(mono);
    m_description->setTabChangesFocus(true);
    m_validation->setWordWrap(true);
    m_historyLabel->setWordWrap(true);
    m_previewLabel->setWordWrap(true);
    m_stateLabel->setWordWrap(true);
    m_validation->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_conflict->setFrameShape(QFrame::StyledPanel);
    m_conflict->setVisible(false);
    m_conflictLabel->setWordWrap(true);
    m_historyView->setModel(m_history);
    m_historyView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_historyView->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(m_titleLabel, m_title);
    form->addRow(m_descriptionLabel, m_description);
    form->addRow(m_fieldsLabel, m_fields);
    auto* saveRow = new QHBoxLayout;
    saveRow->addWidget(m_message, 1);
    saveRow->addWidget(m_save);
    auto* conflictLayout = new QVBoxLayout(m_conflict);
    conflictLayout->addWidget(m_conflictLabel);
    conflictLayout->addWidget(m_conflictDiff);
    auto* conflictButtons = new QHBoxLayout;
    conflictButtons->addWidget(m_saveOnTop);
    conflictButtons->addWidget(m_takeTheirs);
    conflictButtons->addStretch();
    conflictLayout->addLayout(conflictButtons);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_taskLabel);
    leftLayout->addWidget(m_stateLabel);
    leftLayout->addLayout(form);
    leftLayout->addWidget(m_validation);
    leftLayout->addLayout(saveRow);
    leftLayout->addWidget(m_conflict);
    leftLayout->addWidget(m_previewLabel);
    leftLayout->addWidget(m_preview, 1);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_historyLabel);
    rightLayout->addWidget(m_historyView, 1);
    auto* historyButtons = new QHBoxLayout;
    historyButtons->addWidget(m_compare);
    historyButtons->addWidget(m_revert);
    rightLayout->addLayout(historyButtons);
    rightLayout->addWidget(m_diff, 1);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(m_title, &QLineEdit::textChanged, this, [this] { onEdited(InstructionField::Title); });
    connect(m_description, &QPlainTextEdit::textChanged, this,
            [this] { onEdited(InstructionField::Description); });
    connect(m_fields, &QLineEdit::textChanged, this,
            [this] { onEdited(InstructionField::OutputFields); });
    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    connect(m_saveOnTop, &QPushButton::clicked, this, [this] { saveOnTopOfTheirs(); });
    connect(m_takeTheirs, &QPushButton::clicked, this, &InstructionEditor::takeTheirs);
    connect(m_compare, &QPushButton::clicked, this, &InstructionEditor::compareSelected);
    connect(m_revert, &QPushButton::clicked, this, [this] {
        const auto rows = m_historyView->selectionModel()->selectedRows();
        if (rows.size() == 1) revertTo(rows.first().data(HistoryModel::VersionRole).toInt());
    });
    connect(m_historyView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const int n = int(m_historyView->selectionModel()->selectedRows().size());
        m_compare->setEnabled(n == 1 || n == 2);
        m_revert->setEnabled(n == 1 &&
                             m_historyView->selectionModel()->selectedRows().first().row() > 0);
        if (n == 1 || n == 2) compareSelected();
    });
    connect(m_group, &QUndoGroup::cleanChanged, this, [this] { refreshState(); });
    connect(session, &WorkspaceSession::opened, this, [this] {
        m_drafts.clear();
        const QString task = m_task;
        m_task.clear();
        setTask(task);
    });
    connect(session, &WorkspaceSession::closed, this, [this] {
        for (auto& d : m_drafts)
            delete d.stack;
        m_drafts.clear();
        m_task.clear();
        showDraft();
    });
    retranslate();
    showDraft();
}

void InstructionEditor::retranslate() {
    m_titleLabel->setText(tr("&Title:"));
    m_titleLabel->setBuddy(m_title);
    m_descriptionLabel->setText(tr("&Description:"));
    m_descriptionLabel->setBuddy(m_description);
    m_fieldsLabel->setText(tr("&Output fields:"));
    m_fieldsLabel->setBuddy(m_fields);
    m_fields->setToolTip(tr("Comma-separated; they must be the task's target fields, in order"));
    m_message->setPlaceholderText(tr("What changed and why (saved with the version)"));
    m_save->setText(tr("&Save as new version"));
    m_save->setToolTip(tr("Save (Ctrl+S): a new version with your name, the time and the message"));
    m_saveOnTop->setText(tr("Save mine on top of theirs"));
    m_takeTheirs->setText(tr("Take theirs (mine stays in Undo)"));
    m_previewLabel->setText(
        tr("Preview: the first judgments of the task, exactly as the model sees them"));
    m_historyLabel->setText(tr(
        "History (select one version to compare it with the one before, or two to compare them):"));
    m_compare->setText(tr("Compare"));
    m_revert->setText(tr("Revert to this version"));
    m_revert->setToolTip(tr("Makes the selected version current again, as a new version"));
    if (QAction* save = findChild<QAction*>(QStringLiteral("saveInstructions")))
        save->setText(tr("Save instructions"));
    m_undo->setText(tr("Undo instruction edit"));
    m_redo->setText(tr("Redo instruction edit"));
    refreshState();
    refreshValidation();
    refreshPreview();
}

void InstructionEditor::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

InstructionEditor::Draft* InstructionEditor::draft() {
    auto it = m_drafts.find(m_task);
    return it == m_drafts.end() ? nullptr : &*it;
}

const InstructionEditor::Draft* InstructionEditor::draft() const {
    auto it = m_drafts.find(m_task);
    return it == m_drafts.end() ? nullptr : &*it;
}

QUndoStack* InstructionEditor::undoStack() const {
    const Draft* d = draft();
    return d ? d->stack : nullptr;
}

void InstructionEditor::setTask(const QString& taskKey) {
    if (taskKey == m_task && draft()) return;
    m_theirs.reset();
    m_conflict->setVisible(false);
    m_task = taskKey;
    Workspace* ws = m_session->workspace();
    if (ws && !taskKey.isEmpty() && !m_drafts.contains(taskKey)) {
        InstructionStore store(*ws);
        auto current = store.current(taskKey.toStdString());
        if (current) {
            Draft d;
            d.stack = new QUndoStack(m_group);
            d.base = *current;
            d.text = current->instructions;
            m_drafts.insert(taskKey, d);
        } else {
            m_validation->setText(errorText(current.error()));
        }
    }
    showDraft();
}

void InstructionEditor::showDraft() {
    const Draft* d = draft();
    m_group->setActiveStack(d ? d->stack : nullptr);
    const bool enabled = d != nullptr;
    for (QWidget* w : std::initializer_list<QWidget*>{m_title, m_description, m_fields, m_message,
                                                      m_save, m_compare, m_revert})
        w->setEnabled(enabled);
    m_applying = true;
    m_title->setText(d ? QString::fromStdString(d->text.title) : QString());
    m_description->setPlainText(d ? QString::fromStdString(d->text.description) : QString());
    m_fields->setText(d ? joinFields(d->text.outputFields) : QString());
    m_applying = false;
    m_diff->clear();
    refreshHistory();
    refreshState();
    refreshValidation();
    refreshPreview();
}

Instructions InstructionEditor::currentInstructions() const {
    const Draft* d = draft();
    return d ? d->text : Instructions{};
}

int InstructionEditor::baseVersion() const {
    const Draft* d = draft();
    return d ? d->base.version : 0;
}

bool InstructionEditor::isDirty() const {
    const Draft* d = draft();
    return d && !(d->text == d->base.instructions);
}

void InstructionEditor::onEdited(InstructionField field) {
    if (m_applying) return;
    Draft* d = draft();
    if (!d) return;
    QString before, after;
    switch (field) {
    case InstructionField::Title:
        before = QString::fromStdString(d->text.title);
        after = m_title->text();
        d->text.title = after.toStdString();
        break;
    case InstructionField::Description:
        before = QString::fromStdString(d->text.description);
        after = m_description->toPlainText();
        d->text.description = after.toStdString();
        break;
    case InstructionField::OutputFields:
        before = joinFields(d->text.outputFields);
        after = m_fields->text();
        d->text.outputFields = parseFields(after);
        break;
    }
    if (before != after) d->stack->push(new FieldEditCommand(this, m_task, field, before, after));
    refreshState();
    refreshValidation();
    refreshPreview();
}

void InstructionEditor::applyField(const QString& taskKey, InstructionField field,
                                   const QString& text) {
    auto it = m_drafts.find(taskKey);
    if (it == m_drafts.end()) return;
    switch (field) {
    case InstructionField::Title:
        it->text.title = text.toStdString();
        break;
    case InstructionField::Description:
        it->text.description = text.toStdString();
        break;
    case InstructionField::OutputFields:
        it->text.outputFields = parseFields(text);
        break;
    }
    if (taskKey != m_task) return;
    m_applying = true;
    switch (field) {
    case InstructionField::Title:
        m_title->setText(text);
        break;
    case InstructionField::Description:
        m_description->setPlainText(text);
        break;
    case InstructionField::OutputFields:
        m_fields->setText(text);
        break;
    }
    m_applying = false;
    refreshState();
    refreshValidation();
    refreshPreview();
}

void InstructionEditor::applyAll(const QString& taskKey, const Instructions& ins) {
    auto it = m_drafts.find(taskKey);
    if (it == m_drafts.end()) return;
    it->text = ins;
    if (taskKey == m_task) showDraft();
}

QString InstructionEditor::validationMessage() const {
    const Draft* d = draft();
    Workspace* ws = m_session->workspace();
    if (!d || !ws) return {};
    const TaskDefinition* task = ws->catalog().find(m_task.toStdString());
    if (!task) return {};
    // The decision is the store's (storage/instruction_store.h); the words are translated here.
    const std::string why = validateInstructions(*task, d->text);
    if (why.empty()) return {};
    auto blank = [](const std::string& s) { return QString::fromStdString(s).trimmed().isEmpty(); };
    if (blank(d->text.title)) return tr("The title is empty.");
    if (blank(d->text.description)) return tr("The description is empty.");
    if (d->text.outputFields != task->outputFields)
        return tr("The output fields must be the task's target fields: %1")
            .arg(joinFields(task->outputFields));
    if (d->text.title.find('\n') != std::string::npos) return tr("The title must be one line.");
    return QString::fromStdString(why);
}

void InstructionEditor::refreshValidation() {
    const QString message = validationMessage();
    m_validation->setText(message);
    m_validation->setVisible(!message.isEmpty());
    m_save->setEnabled(draft() && message.isEmpty() && !m_session->readOnly());
}

void InstructionEditor::refreshState() {
    const Draft* d = draft();
    Workspace* ws = m_session->workspace();
    if (!d || !ws) {
        m_taskLabel->setText(tr("Choose a task in the task tree to edit its instructions."));
        m_stateLabel->clear();
        return;
    }
    const TaskDefinition* task = ws->catalog().find(m_task.toStdString());
    m_taskLabel->setText(tr("<b>%1</b> · %2 · %3")
                             .arg(m_task.toHtmlEscaped(),
                                  task ? taskTypeName(task->type) : QString(),
                                  task ? capabilityName(task->capability) : QString()));
    QString state =
        tr("Editing version %1 (by %2, %3).")
            .arg(d->base.version)
            .arg(QString::fromStdString(d->base.author), QString::fromStdString(d->base.createdAt));
    if (isDirty()) state += QLatin1Char(' ') + tr("Unsaved changes.");
    m_stateLabel->setText(state);
}

void InstructionEditor::refreshPreview() {
    const Draft* d = draft();
    Workspace* ws = m_session->workspace();
    if (!d || !ws) {
        m_preview->clear();
        return;
    }
    // The first three judgments of the task by id (one keyset page over the task index).
    JudgmentCursor cursor(*ws, ws->taskId(m_task.toStdString()), std::nullopt, 3);
    QStringList parts;
    Judgment j;
    for (int i = 0; i < 3; ++i) {
        auto more = cursor.next(j);
        if (!more || !*more) break;
        parts << tr("── judgment %1 ──").arg(j.id) + QLatin1Char('\n') +
                     QString::fromStdString(formatExample(d->text, j.context, j.target));
    }
    if (parts.isEmpty())
        parts << tr("This task has no judgments yet; the instructions block looks like this:") +
                     QLatin1Char('\n') + QString::fromStdString(formatInput(d->text, {}));
    m_preview->setPlainText(parts.join(QStringLiteral("\n\n")));
}

void InstructionEditor::refreshHistory() {
    Workspace* ws = m_session->workspace();
    if (!ws || m_task.isEmpty()) {
        m_history->setVersions({});
        return;
    }
    InstructionStore store(*ws);
    auto history = store.history(m_task.toStdString());
    m_history->setVersions(history ? std::move(history).value()
                                   : std::vector<InstructionVersion>{});
    m_compare->setEnabled(false);
    m_revert->setEnabled(false);
}

bool InstructionEditor::save() {
    Draft* d = draft();
    Workspace* ws = m_session->workspace();
    if (!d || !ws) return false;
    refreshValidation();
    if (!validationMessage().isEmpty()) return false;
    InstructionStore store(*ws);
    auto saved = store.save(m_task.toStdString(), d->text, m_session->userName().toStdString(),
                            m_message->text().trimmed().toStdString(), d->base.version);
    if (!saved) {
        if (saved.error().kind == ErrorKind::Conflict) {
            auto theirs = store.current(m_task.toStdString());
            if (theirs) showConflict(*theirs);
        } else {
            m_validation->setText(tr("Not saved: %1").arg(errorText(saved.error())));
            m_validation->setVisible(true);
        }
        return false;
    }
    d->base = *saved;
    d->stack->setClean();
    m_message->clear();
    m_conflict->setVisible(false);
    m_theirs.reset();
    refreshHistory();
    refreshState();
    emit m_session->message(
        tr("Saved the instructions of %1 as version %2.").arg(m_task).arg(saved->version));
    m_session->notifyInstructionsChanged(m_task);
    return true;
}

void InstructionEditor::showConflict(const InstructionVersion& theirs) {
    m_theirs = theirs;
    const Draft* d = draft();
    m_conflictLabel->setText(tr("<b>Not saved: someone else saved version %1 of these "
                                "instructions</b> (%2, %3) while you were editing "
                                "version %4. Nothing is lost: their version is saved, yours is "
                                "still here. Below, what your version "
                                "changes compared with theirs.")
                                 .arg(theirs.version)
                                 .arg(QString::fromStdString(theirs.author).toHtmlEscaped(),
                                      QString::fromStdString(theirs.createdAt))
                                 .arg(d ? d->base.version : 0));
    m_conflictDiff->setHtml(instructionsDiffHtml(theirs.instructions, d ? d->text : Instructions{},
                                                 DiffColors::forPalette(palette()), tr("Title"),
                                                 tr("Description"), tr("Output fields")));
    m_saveOnTop->setText(tr("Save mine as version %1").arg(theirs.version + 1));
    m_conflict->setVisible(true);
    refreshHistory();
}

bool InstructionEditor::conflictShown() const {
    return m_conflict->isVisibleTo(const_cast<InstructionEditor*>(this));
}

bool InstructionEditor::saveOnTopOfTheirs() {
    Draft* d = draft();
    if (!d || !m_theirs) return false;
    d->base = *m_theirs; // rebase: the user has seen their version and keeps their own text
    return save();
}

void InstructionEditor::takeTheirs() {
    Draft* d = draft();
    if (!d || !m_theirs) return;
    const InstructionVersion theirs = *m_theirs;
    d->base = theirs;
    // Undoable: Undo brings this editor's text back.
    d->stack->push(new ReplaceAllCommand(this, m_task, d->text, theirs.instructions,
                                         tr("take version %1").arg(theirs.version)));
    m_conflict->setVisible(false);
    m_theirs.reset();
    refreshState();
}

bool InstructionEditor::revertTo(int version) {
    Draft* d = draft();
    Workspace* ws = m_session->workspace();
    if (!d || !ws) return false;
    InstructionStore store(*ws);
    auto current = store.current(m_task.toStdString());
    if (!current) return false;
    // The revert goes on top of what is current in the workspace; an unsaved draft stays a draft.
    auto reverted = store.revert(m_task.toStdString(), version, m_session->userName().toStdString(),
                                 current->version);
    if (!reverted) {
        m_validation->setText(tr("Not reverted: %1").arg(errorText(reverted.error())));
        m_validation->setVisible(true);
        return false;
    }
    if (!isDirty()) {
        d->base = *reverted;
        d->text = reverted->instructions;
        d->stack->clear();
        showDraft();
    } else {
        refreshHistory();
    }
    emit m_session->message(tr("Reverted %1 to version %2 (saved as version %3).")
                                .arg(m_task)
                                .arg(version)
                                .arg(reverted->version));
    m_session->notifyInstructionsChanged(m_task);
    return true;
}

void InstructionEditor::compare(int fromVersion, int toVersion) {
    const InstructionVersion* a = m_history->byVersion(fromVersion);
    const InstructionVersion* b = m_history->byVersion(toVersion);
    if (!a || !b) return;
    m_diff->setHtml(QStringLiteral("<p><i>%1</i></p>")
                        .arg(tr("Version %1 → version %2").arg(fromVersion).arg(toVersion)) +
                    instructionsDiffHtml(a->instructions, b->instructions,
                                         DiffColors::forPalette(palette()), tr("Title"),
                                         tr("Description"), tr("Output fields")));
}

void InstructionEditor::compareSelected() {
    auto rows = m_historyView->selectionModel()->selectedRows();
    if (rows.size() == 1) {
        const int v = rows.first().data(HistoryModel::VersionRole).toInt();
        compare(v > 1 ? v - 1 : v, v);
    } else if (rows.size() == 2) {
        int a = rows[0].data(HistoryModel::VersionRole).toInt();
        int b = rows[1].data(HistoryModel::VersionRole).toInt();
        compare(std::min(a, b), std::max(a, b));
    }
}

QString InstructionEditor::previewText() const {
    return m_preview->toPlainText();
}
QString InstructionEditor::diffText() const {
    return m_diff->toPlainText();
}

} // namespace flame::ui
