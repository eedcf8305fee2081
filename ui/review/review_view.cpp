#include "ui/review/review_view.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

#include "model/worddiff.h"
#include "storage/judgment_store.h"
#include "ui/browse/judgment_table_model.h"
#include "ui/diff_html.h"
#include "ui/labels.h"
#include "ui/review/agreement_panel.h"
#include "ui/workspace_session.h"

namespace flame::ui {

namespace {

bool endsWith(const std::string& s, const char* suffix) {
    const std::size_t n = std::strlen(suffix);
    return s.size() > n && s.compare(s.size() - n, n, suffix) == 0;
}

// The text of some fields: one value alone, several with their names.
std::string joinValues(const std::vector<const Field*>& fields) {
    if (fields.size() == 1) return fields.front()->value;
    std::string out;
    for (const Field* f : fields) {
        if (f->value.empty()) continue;
        if (!out.empty()) out += "\n\n";
        out += f->name + ": " + f->value;
    }
    return out;
}

QString escapeHtml(const std::string& s) {
    return QString::fromStdString(s).toHtmlEscaped().replace(QLatin1Char('\n'),
                                                             QStringLiteral("<br>"));
}

} // namespace

ReviewView::ReviewView(WorkspaceSession* session, JudgmentTableModel* browser,
                       std::function<int()> startRow, QWidget* parent)
    : QWidget(parent), m_session(session), m_browser(browser), m_startRow(std::move(startRow)),
      m_queueLabel(new QLabel(this)), m_fromBrowser(new QPushButton(this)),
      m_disputed(new QPushButton(this)), m_blindButton(new QToolButton(this)),
      m_diffButton(new QToolButton(this)), m_header(new QLabel(this)),
      m_prompt(new QTextBrowser(this)), m_sideLabelA(new QLabel(this)),
      m_sideLabelB(new QLabel(this)), m_sideA(new QTextBrowser(this)),
      m_sideB(new QTextBrowser(this)), m_sideBBox(new QWidget(this)), m_label(new QLabel(this)),
      m_reviews(new QLabel(this)), m_verdictRow(new QHBoxLayout), m_labelRow(new QHBoxLayout),
      m_note(new QLineEdit(this)), m_goldChoice(new QComboBox(this)),
      m_goldButton(new QPushButton(this)), m_goldLabel(new QLabel(this)),
      m_status(new QLabel(this)), m_exportReviews(new QPushButton(this)),
      m_exportGold(new QPushButton(this)), m_agreement(new AgreementPanel(session, this)) {
    setObjectName(QStringLiteral("reviewView"));
    setFocusPolicy(Qt::StrongFocus);
    m_note->setObjectName(QStringLiteral("noteEdit"));
    m_status->setObjectName(QStringLiteral("reviewStatus"));
    m_sideA->setObjectName(QStringLiteral("sideA"));
    m_sideB->setObjectName(QStringLiteral("sideB"));
    m_goldChoice->setObjectName(QStringLiteral("goldChoice"));
    // Keys belong to the view: nothing in it takes the keyboard focus except the note field.
    for (QTextBrowser* t : {m_prompt, m_sideA, m_sideB}) {
        t->setFocusPolicy(Qt::NoFocus);
        t->setOpenLinks(false);
    }
    for (QWidget* w :
         std::initializer_list<QWidget*>{m_fromBrowser, m_disputed, m_blindButton, m_diffButton,
                                         m_goldChoice, m_goldButton, m_exportReviews, m_exportGold})
        w->setFocusPolicy(Qt::NoFocus);
    m_note->setVisible(false);
    m_header->setWordWrap(true);
    m_label->setWordWrap(true);
    m_reviews->setWordWrap(true);
    m_status->setWordWrap(true);
    m_blindButton->setCheckable(true);
    m_diffButton->setCheckable(true);
    m_diffButton->setChecked(true);

    auto* top = new QHBoxLayout;
    top->addWidget(m_fromBrowser);
    top->addWidget(m_disputed);
    top->addWidget(m_blindButton);
    top->addWidget(m_diffButton);
    top->addStretch();
    m_queueLabel->setWordWrap(true);

    auto* sideABox = new QWidget(this);
    auto* aLayout = new QVBoxLayout(sideABox);
    aLayout->setContentsMargins(0, 0, 0, 0);
    aLayout->addWidget(m_sideLabelA);
    aLayout->addWidget(m_sideA);
    auto* bLayout = new QVBoxLayout(m_sideBBox);
    bLayout->setContentsMargins(0, 0, 0, 0);
    bLayout->addWidget(m_sideLabelB);
    bLayout->addWidget(m_sideB);
    auto* sides = new QSplitter(Qt::Horizontal, this);
    sides->addWidget(sideABox);
    sides->addWidget(m_sideBBox);
    auto* vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(m_prompt);
    vertical->addWidget(sides);
    vertical->setStretchFactor(0, 1);
    vertical->setStretchFactor(1, 3);
    vertical->setSizes({120, 480});

    auto* gold = new QHBoxLayout;
    gold->addWidget(m_goldLabel, 1);
    gold->addWidget(m_goldChoice);
    gold->addWidget(m_goldButton);
    auto* exports = new QHBoxLayout;
    exports->addStretch();
    exports->addWidget(m_exportReviews);
    exports->addWidget(m_exportGold);

    auto* navigationRow = new QHBoxLayout;
    auto* main = new QWidget(this);
    auto* mainLayout = new QVBoxLayout(main);
    mainLayout->setContentsMargins(0, 0, 0, 0);
    mainLayout->addLayout(top);
    mainLayout->addWidget(m_queueLabel);
    mainLayout->addWidget(m_header);
    mainLayout->addWidget(vertical, 1);
    mainLayout->addWidget(m_label);
    mainLayout->addWidget(m_reviews);
    mainLayout->addLayout(m_verdictRow);
    mainLayout->addLayout(m_labelRow);
    mainLayout->addLayout(navigationRow);
    mainLayout->addWidget(m_note);
    mainLayout->addLayout(gold);
    mainLayout->addWidget(m_status);
    mainLayout->addLayout(exports);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(main);
    split->addWidget(m_agreement);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setSizes({900, 330});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);

    // The keyboard (also listed in Help > Keyboard shortcuts, from these actions).
    addKeyAction(
        Qt::Key_Space, [this] { agree(); }, "reviewAgree");
    addKeyAction(
        Qt::Key_A, [this] { prefer(QStringLiteral("A")); }, "reviewPreferA");
    addKeyAction(
        Qt::Key_B, [this] { prefer(QStringLiteral("B")); }, "reviewPreferB");
    for (int n = 0; n <= 9; ++n)
        addKeyAction(
            Qt::Key(Qt::Key_0 + n), [this, n] { chooseLabel(n); }, nullptr)
            ->setObjectName(QStringLiteral("reviewLabel%1").arg(n));
    addKeyAction(
        Qt::Key_F, [this] { flag(); }, "reviewFlag");
    addKeyAction(
        Qt::Key_N,
        [this] {
            m_note->setVisible(true);
            m_note->setFocus();
        },
        "reviewNote");
    addKeyAction(
        Qt::Key_Right, [this] { next(); }, "reviewNext")
        ->setShortcuts({QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_J)});
    addKeyAction(
        Qt::Key_Left, [this] { previous(); }, "reviewPrevious")
        ->setShortcuts({QKeySequence(Qt::Key_Left), QKeySequence(Qt::Key_K)});
    addKeyAction(
        Qt::Key_U, [this] { undoLast(); }, "reviewUndo")
        ->setShortcuts({QKeySequence(Qt::Key_U), QKeySequence::Undo});
    addKeyAction(
        Qt::Key_H, [this] { setBlind(!m_blind); }, "reviewBlind");
    addKeyAction(
        Qt::Key_D, [this] { setDiff(!m_diffOn); }, "reviewDiff");
    addKeyAction(
        QKeySequence(Qt::CTRL | Qt::Key_G), [this] { adjudicate(m_goldChoice->currentText()); },
        "reviewGold");

    // Two rows of buttons (verdicts; moving and undoing), so that long translations fit.
    auto addButton = [this](QHBoxLayout* row, const char* name) {
        auto* button = new QPushButton(this);
        button->setFocusPolicy(Qt::NoFocus);
        QAction* action = findChild<QAction*>(QString::fromLatin1(name));
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        button->setProperty("action", QVariant::fromValue(static_cast<QObject*>(action)));
        row->addWidget(button);
        m_verdictButtons << button;
    };
    for (const char* name :
         {"reviewAgree", "reviewPreferA", "reviewPreferB", "reviewFlag", "reviewNote"})
        addButton(m_verdictRow, name);
    for (const char* name : {"reviewPrevious", "reviewNext", "reviewUndo"})
        addButton(navigationRow, name);
    m_verdictRow->addStretch();
    navigationRow->addStretch();

    connect(m_note, &QLineEdit::returnPressed, this, [this] {
        if (addNote(m_note->text())) {
            m_note->clear();
            m_note->setVisible(false);
            setFocus();
        }
    });
    auto* cancelNote = new QAction(m_note);
    cancelNote->setShortcut(Qt::Key_Escape);
    cancelNote->setShortcutContext(Qt::WidgetShortcut);
    m_note->addAction(cancelNote);
    connect(cancelNote, &QAction::triggered, this, [this] {
        m_note->clear();
        m_note->setVisible(false);
        setFocus();
    });
    connect(m_fromBrowser, &QPushButton::clicked, this, &ReviewView::buildQueueFromBrowser);
    connect(m_disputed, &QPushButton::clicked, this, &ReviewView::loadDisputedQueue);
    connect(m_blindButton, &QToolButton::toggled, this, &ReviewView::setBlind);
    connect(m_diffButton, &QToolButton::toggled, this, &ReviewView::setDiff);
    connect(m_goldButton, &QPushButton::clicked, this,
            [this] { adjudicate(m_goldChoice->currentText()); });
    connect(m_exportReviews, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export reviews"), QString(),
                                                          tr("JSON Lines (*.jsonl)"));
        if (!path.isEmpty()) exportReviews(path);
    });
    connect(m_exportGold, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export gold labels"), QString(),
                                                          tr("JSON Lines (*.jsonl)"));
        if (!path.isEmpty()) exportGold(path);
    });
    connect(browser, &JudgmentTableModel::idsReady, this,
            [this](int tag, const QVector<qint64>& ids) {
                if (tag != m_requestTag) return;
                setQueue(ids, tr("the browser's filter"));
            });
    connect(session, &WorkspaceSession::closed, this, [this] { setQueue({}, QString()); });
    retranslate();
    showCurrent();
}

QAction* ReviewView::addKeyAction(const QKeySequence& key, const std::function<void()>& slot,
                                  const char* name) {
    auto* action = new QAction(this);
    if (name) action->setObjectName(QString::fromLatin1(name));
    action->setShortcut(key);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(action, &QAction::triggered, this, slot);
    addAction(action);
    m_actions << action;
    return action;
}

void ReviewView::retranslate() {
    auto text = [this](const char* name, const QString& t) {
        if (QAction* a = findChild<QAction*>(QString::fromLatin1(name))) a->setText(t);
    };
    text("reviewAgree", tr("Agree with the label"));
    text("reviewPreferA", tr("Prefer A"));
    text("reviewPreferB", tr("Prefer B"));
    text("reviewFlag", tr("Flag"));
    text("reviewNote", tr("Add a note"));
    text("reviewNext", tr("Next judgment"));
    text("reviewPrevious", tr("Previous judgment"));
    text("reviewUndo", tr("Undo the last review"));
    text("reviewBlind", tr("Blind mode (hide the human label)"));
    text("reviewDiff", tr("Highlight word differences"));
    text("reviewGold", tr("Set the gold label"));
    for (int n = 0; n <= 9; ++n)
        text(QStringLiteral("reviewLabel%1").arg(n).toLatin1().constData(),
             tr("Label or rating %1").arg(n));
    for (QPushButton* b : m_verdictButtons) {
        auto* a = qobject_cast<QAction*>(b->property("action").value<QObject*>());
        if (a)
            b->setText(QStringLiteral("%1  [%2]")
                           .arg(a->text(), a->shortcut().toString(QKeySequence::NativeText)));
    }
    m_fromBrowser->setText(tr("Queue from browser filter"));
    m_fromBrowser->setToolTip(
        tr("Review up to %1 judgments of the browser's current filter, from its visible row on")
            .arg(kQueueSize));
    m_disputed->setText(tr("Disputed queue"));
    m_disputed->setToolTip(
        tr("Judgments whose reviews disagree with the label and that have no gold label yet"));
    m_blindButton->setText(tr("Blind [H]"));
    m_diffButton->setText(tr("Differences [D]"));
    m_goldButton->setText(tr("Set gold label [Ctrl+G]"));
    m_note->setPlaceholderText(tr("Note on this judgment; Enter saves, Esc cancels"));
    m_exportReviews->setText(tr("Export reviews…"));
    m_exportGold->setText(tr("Export gold labels…"));
    showCurrent();
}

void ReviewView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void ReviewView::buildQueueFromBrowser() {
    setStatus(tr("Building the queue…"));
    m_browser->requestIds(m_startRow ? m_startRow() : 0, kQueueSize, ++m_requestTag);
}

void ReviewView::setQueue(const QVector<qint64>& ids, const QString& origin) {
    m_queue = ids;
    m_origin = origin;
    m_index = ids.isEmpty() ? -1 : 0;
    m_recorded.clear();
    setStatus(ids.isEmpty() ? tr("The queue is empty.")
                            : tr("%1 judgments to review.").arg(ids.size()));
    showCurrent();
    emit queueReady(int(ids.size()));
}

bool ReviewView::loadDisputedQueue() {
    Workspace* ws = m_session->workspace();
    if (!ws) return false;
    auto ids = ReviewStore(*ws).disputed(0, kQueueSize);
    if (!ids) {
        setStatus(errorText(ids.error()));
        return false;
    }
    setQueue(QVector<qint64>(ids->begin(), ids->end()), tr("disputed judgments"));
    return true;
}

qint64 ReviewView::currentJudgment() const {
    return m_index >= 0 && m_index < m_queue.size() ? m_queue[m_index] : 0;
}

void ReviewView::next() {
    if (m_index + 1 < m_queue.size()) {
        ++m_index;
        showCurrent();
    } else if (!m_queue.isEmpty()) {
        setStatus(tr("End of the queue."));
    }
}

void ReviewView::previous() {
    if (m_index > 0) {
        --m_index;
        showCurrent();
    }
}

void ReviewView::setStatus(const QString& text) {
    m_status->setText(text);
}
QString ReviewView::statusText() const {
    return m_status->text();
}

void ReviewView::showCurrent() {
    m_judgment.reset();
    m_task = nullptr;
    Workspace* ws = m_session->workspace();
    m_queueLabel->setText(
        m_queue.isEmpty()
            ? tr("No queue: build one from the browser's filter or from the disputed judgments.")
            : tr("Judgment %1 of %2 (%3)").arg(m_index + 1).arg(m_queue.size()).arg(m_origin));
    const qint64 id = currentJudgment();
    if (ws && id) {
        auto loaded = loadJudgment(*ws, id);
        if (loaded && loaded->has_value()) {
            m_judgment = std::move(**loaded);
            m_task = ws->catalog().find(m_judgment->taskKey);
        }
    }
    if (!m_judgment || !m_task) {
        m_header->clear();
        m_prompt->clear();
        m_sideA->clear();
        m_sideB->clear();
        m_label->clear();
        m_reviews->clear();
        m_goldLabel->clear();
        m_goldChoice->clear();
        rebuildLabelButtons();
        m_sideTextA.clear();
        m_sideTextB.clear();
        return;
    }
    m_header->setText(
        tr("<b>%1</b> · %2 · judgment %3 · split %4")
            .arg(QString::fromStdString(m_task->key).toHtmlEscaped(), taskTypeName(m_task->type))
            .arg(id)
            .arg(splitName(m_judgment->split)));
    renderSides();
    rebuildLabelButtons();

    // Existing reviews and the gold label.
    ReviewStore store(*ws);
    QStringList lines;
    if (auto reviews = store.forJudgment(id)) {
        for (const auto& r : *reviews) {
            QString line = QStringLiteral("%1: %2").arg(QString::fromStdString(r.reviewer),
                                                        verdictName(r.verdict));
            if (!r.label.empty() && !m_blind)
                line += QStringLiteral(" → ") + QString::fromStdString(r.label);
            if (!r.note.empty()) line += QStringLiteral(" — ") + QString::fromStdString(r.note);
            lines << line.toHtmlEscaped();
        }
    }
    m_reviews->setText(lines.isEmpty() ? tr("No reviews yet.")
                                       : tr("Reviews: %1").arg(lines.join(QStringLiteral("; "))));
    QSignalBlocker block(m_goldChoice);
    m_goldChoice->clear();
    for (const auto& l : m_task->candidateLabels())
        m_goldChoice->addItem(QString::fromStdString(l));
    const bool labelled = m_goldChoice->count() > 0;
    m_goldChoice->setEnabled(labelled);
    m_goldButton->setEnabled(labelled);
    auto gold = store.gold(id);
    m_goldLabel->setText(
        gold && gold->has_value()
            ? tr("Gold label: <b>%1</b> (by %2)")
                  .arg(QString::fromStdString((*gold)->label).toHtmlEscaped(),
                       QString::fromStdString((*gold)->adjudicator).toHtmlEscaped())
            : tr("No gold label."));
    if (gold && gold->has_value())
        m_goldChoice->setCurrentText(QString::fromStdString((*gold)->label));
}

void ReviewView::renderSides() {
    if (!m_judgment || !m_task) return;
    const bool pairwise = m_task->type == TaskType::Pairwise;
    std::vector<const Field*> prompt, a, b;
    for (const auto& f : m_judgment->context) {
        if (pairwise && endsWith(f.name, "_a"))
            a.push_back(&f);
        else if (pairwise && endsWith(f.name, "_b"))
            b.push_back(&f);
        else
            prompt.push_back(&f);
    }
    if (!pairwise &&
        prompt.size() > 1) { // the last field is what is judged (response, summary, ...)
        a.push_back(prompt.back());
        prompt.pop_back();
    }
    QString promptHtml;
    for (const Field* f : prompt)
        if (!f->value.empty())
            promptHtml +=
                QStringLiteral("<p><b>%1:</b> %2</p>")
                    .arg(QString::fromStdString(f->name).toHtmlEscaped(), escapeHtml(f->value));
    m_prompt->setHtml(promptHtml);
    m_sideTextA = QString::fromStdString(joinValues(a));
    m_sideTextB = QString::fromStdString(joinValues(b));
    m_sideBBox->setVisible(pairwise);
    m_sideLabelA->setText(
        pairwise
            ? tr("<b>A</b>")
            : (a.empty()
                   ? QString()
                   : QStringLiteral("<b>%1</b>").arg(QString::fromStdString(a.front()->name))));
    m_sideLabelB->setText(tr("<b>B</b>"));
    const DiffColors colors = DiffColors::forPalette(palette());
    if (pairwise) {
        const SideBySide diff = sideBySide(m_sideTextA.toStdString(), m_sideTextB.toStdString());
        m_sideA->setHtml(flame::ui::sideHtml(diff.left, colors, m_diffOn));
        m_sideB->setHtml(flame::ui::sideHtml(diff.right, colors, m_diffOn));
    } else {
        m_sideA->setHtml(escapeHtml(m_sideTextA.toStdString()));
        m_sideB->clear();
    }
    if (m_blind) {
        m_label->setText(tr("Human label hidden (blind mode; H shows it)."));
    } else {
        QStringList target;
        for (const auto& f : m_judgment->target)
            target << QStringLiteral("%1: <b>%2</b>")
                          .arg(QString::fromStdString(f.name).toHtmlEscaped(), escapeHtml(f.value));
        m_label->setText(tr("Human label — %1").arg(target.join(QStringLiteral(" · "))));
    }
}

void ReviewView::rebuildLabelButtons() {
    for (QPushButton* b : m_labelButtons)
        delete b;
    m_labelButtons.clear();
    while (QLayoutItem* item = m_labelRow->takeAt(0))
        delete item;
    if (!m_task || m_task->type == TaskType::Pairwise || m_task->type == TaskType::OpenEnded)
        return;
    const auto labels = m_task->candidateLabels();
    for (std::size_t i = 0; i < labels.size(); ++i) {
        // Classification: keys 1..9 pick the i-th label; pointwise: the key is the rating.
        const int key = m_task->type == TaskType::Pointwise ? std::stoi(labels[i]) : int(i) + 1;
        if (key < 0 || key > 9) continue;
        auto* button = new QPushButton(
            QStringLiteral("%1  [%2]").arg(QString::fromStdString(labels[i])).arg(key), this);
        button->setFocusPolicy(Qt::NoFocus);
        connect(button, &QPushButton::clicked, this, [this, key] { chooseLabel(key); });
        m_labelRow->addWidget(button);
        m_labelButtons << button;
    }
    m_labelRow->addStretch();
}

bool ReviewView::record(Verdict verdict, const std::string& label, const QString& note,
                        bool advance) {
    Workspace* ws = m_session->workspace();
    const qint64 id = currentJudgment();
    if (!ws || !id) return false;
    auto r = ReviewStore(*ws).add(id, m_session->userName().toStdString(), verdict, label,
                                  note.toStdString());
    if (!r) {
        setStatus(tr("Not recorded: %1").arg(errorText(r.error())));
        return false;
    }
    m_recorded.push_back({r->id, id, m_index});
    setStatus(
        tr("Recorded: %1%2 on judgment %3.")
            .arg(verdictName(verdict),
                 label.empty() ? QString() : QStringLiteral(" → ") + QString::fromStdString(label))
            .arg(id));
    m_session->notifyReviewsChanged(id);
    if (advance && m_index + 1 < m_queue.size()) {
        ++m_index;
        showCurrent();
    } else {
        showCurrent();
        if (advance) setStatus(statusText() + QLatin1Char(' ') + tr("End of the queue."));
    }
    return true;
}

bool ReviewView::agree() {
    return record(Verdict::Agree, {}, {}, true);
}

bool ReviewView::prefer(const QString& side) {
    if (!m_judgment || !m_task || m_task->type != TaskType::Pairwise) {
        setStatus(tr("A and B apply to pairwise judgments only."));
        return false;
    }
    const std::string choice = side.toStdString();
    return choice == m_judgment->label() ? record(Verdict::Agree, {}, {}, true)
                                         : record(Verdict::Relabel, choice, {}, true);
}

bool ReviewView::chooseLabel(int number) {
    if (!m_judgment || !m_task) return false;
    std::string label;
    if (m_task->type == TaskType::Pointwise) {
        if (number < m_task->scaleMin || number > m_task->scaleMax) {
            setStatus(tr("Ratings of this task go from %1 to %2.")
                          .arg(m_task->scaleMin)
                          .arg(m_task->scaleMax));
            return false;
        }
        label = std::to_string(number);
    } else if (m_task->type == TaskType::Classification) {
        if (number < 1 || number > int(m_task->labels.size())) {
            setStatus(tr("This task has %1 labels.").arg(m_task->labels.size()));
            return false;
        }
        label = m_task->labels[std::size_t(number - 1)];
    } else {
        setStatus(tr("Number keys choose a rating or a class; use A or B for pairwise judgments."));
        return false;
    }
    return label == m_judgment->label() ? record(Verdict::Agree, {}, {}, true)
                                        : record(Verdict::Relabel, label, {}, true);
}

bool ReviewView::flag() {
    return record(Verdict::Flag, {}, {}, true);
}

bool ReviewView::addNote(const QString& text) {
    if (text.trimmed().isEmpty()) {
        setStatus(tr("A note needs text."));
        return false;
    }
    return record(Verdict::Note, {}, text.trimmed(), false);
}

bool ReviewView::undoLast() {
    Workspace* ws = m_session->workspace();
    if (!ws || m_recorded.isEmpty()) {
        setStatus(tr("Nothing to undo."));
        return false;
    }
    const Recorded last = m_recorded.takeLast();
    if (auto s = ReviewStore(*ws).withdraw(last.reviewId); !s) {
        setStatus(tr("Not undone: %1").arg(errorText(s.error())));
        return false;
    }
    // Back to the judgment whose review was withdrawn, to review it again.
    m_index = last.index < m_queue.size() && m_queue[last.index] == last.judgmentId ? last.index
                                                                                    : m_index;
    m_session->notifyReviewsChanged(last.judgmentId);
    showCurrent();
    setStatus(tr("Withdrew the review of judgment %1.").arg(last.judgmentId));
    return true;
}

bool ReviewView::adjudicate(const QString& label) {
    Workspace* ws = m_session->workspace();
    const qint64 id = currentJudgment();
    if (!ws || !id || label.isEmpty()) return false;
    if (auto s = ReviewStore(*ws).adjudicate(id, label.toStdString(),
                                             m_session->userName().toStdString());
        !s) {
        setStatus(tr("Not adjudicated: %1").arg(errorText(s.error())));
        return false;
    }
    m_session->notifyReviewsChanged(id);
    showCurrent();
    setStatus(tr("Gold label of judgment %1 set to %2.").arg(id).arg(label));
    return true;
}

void ReviewView::setBlind(bool blind) {
    m_blind = blind;
    QSignalBlocker block(m_blindButton);
    m_blindButton->setChecked(blind);
    showCurrent();
}

void ReviewView::setDiff(bool on) {
    m_diffOn = on;
    QSignalBlocker block(m_diffButton);
    m_diffButton->setChecked(on);
    renderSides();
}

bool ReviewView::exportReviews(const QString& path) {
    Workspace* ws = m_session->workspace();
    if (!ws) return false;
    auto n = ReviewStore(*ws).exportReviews(path.toStdString());
    setStatus(n ? tr("Exported %1 reviews to %2.").arg(*n).arg(path)
                : tr("Export failed: %1").arg(errorText(n.error())));
    return n.ok();
}

bool ReviewView::exportGold(const QString& path) {
    Workspace* ws = m_session->workspace();
    if (!ws) return false;
    auto n = ReviewStore(*ws).exportGold(path.toStdString());
    setStatus(n ? tr("Exported %1 gold labels to %2.").arg(*n).arg(path)
                : tr("Export failed: %1").arg(errorText(n.error())));
    return n.ok();
}

QString ReviewView::promptText() const {
    return m_prompt->toPlainText();
}
QString ReviewView::sideText(int side) const {
    return side == 0 ? m_sideTextA : m_sideTextB;
}
QString ReviewView::sideHtml(int side) const {
    return side == 0 ? m_sideA->toHtml() : m_sideB->toHtml();
}
QString ReviewView::labelText() const {
    return m_label->text();
}

} // namespace flame::ui
