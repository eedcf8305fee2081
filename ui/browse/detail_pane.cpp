#include "ui/browse/detail_pane.h"

#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBlock>
#include <QVBoxLayout>

#include "model/format.h"
#include "storage/instruction_store.h"
#include "storage/judgment_store.h"
#include "storage/review_store.h"
#include "ui/browse/highlight_delegate.h"
#include "ui/labels.h"
#include "ui/workspace_session.h"

namespace flame::ui {

DetailPane::DetailPane(WorkspaceSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_header(new QLabel(this)),
      m_versionLabel(new QLabel(this)), m_version(new QComboBox(this)),
      m_formatted(new QPlainTextEdit(this)), m_fields(new QTableWidget(this)),
      m_reviews(new QLabel(this)) {
    setObjectName(QStringLiteral("detailPane"));
    m_formatted->setObjectName(QStringLiteral("formattedView"));
    m_version->setObjectName(QStringLiteral("instructionVersion"));
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reviews->setWordWrap(true);
    m_reviews->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_formatted->setReadOnly(true);
    m_formatted->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_formatted->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_fields->setColumnCount(2);
    m_fields->verticalHeader()->setVisible(false);
    m_fields->horizontalHeader()->setStretchLastSection(true);
    m_fields->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fields->setWordWrap(true);

    auto* versionRow = new QHBoxLayout;
    versionRow->addWidget(m_versionLabel);
    versionRow->addWidget(m_version, 1);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_formatted);
    split->addWidget(m_fields);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addLayout(versionRow);
    layout->addWidget(split, 1);
    layout->addWidget(m_reviews);

    connect(m_version, &QComboBox::currentIndexChanged, this, &DetailPane::render);
    connect(session, &WorkspaceSession::reviewsChanged, this, [this](qint64 id) {
        if (id == m_id) showJudgment(id);
    });
    connect(session, &WorkspaceSession::instructionsChanged, this, [this] {
        if (m_id) showJudgment(m_id);
    });
    connect(session, &WorkspaceSession::closed, this, [this] { showJudgment(0); });
    retranslate();
}

void DetailPane::retranslate() {
    m_versionLabel->setText(tr("Instructions:"));
    m_fields->setHorizontalHeaderLabels({tr("Field"), tr("Value")});
    if (m_id)
        showJudgment(m_id);
    else
        m_header->setText(tr("Select a judgment to see it as the model sees it."));
}

void DetailPane::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void DetailPane::setSearchTerms(const std::vector<SearchTerm>& terms) {
    m_terms = terms;
    render();
}

void DetailPane::showJudgment(qint64 id) {
    m_id = id;
    m_judgment.reset();
    Workspace* ws = m_session->workspace();
    if (!ws || id == 0) {
        m_header->setText(tr("Select a judgment to see it as the model sees it."));
        m_version->clear();
        m_formatted->clear();
        m_fields->setRowCount(0);
        m_reviews->clear();
        return;
    }
    auto loaded = loadJudgment(*ws, id);
    if (!loaded || !loaded->has_value()) {
        m_header->setText(loaded ? tr("Judgment %1 does not exist.").arg(id)
                                 : errorText(loaded.error()));
        return;
    }
    m_judgment = std::move(**loaded);
    const TaskDefinition* task = ws->catalog().find(m_judgment->taskKey);
    // Provenance: the source row (generated or imported, human or AI feedback).
    QString source;
    if (auto st = ws->db().prepare(
            "SELECT s.kind, s.format, s.path, s.feedback FROM judgments j JOIN sources s "
            "ON s.id = j.source_id WHERE j.id = ?")) {
        st->bind(1, std::int64_t(id));
        if (st->step() == db::Statement::Step::Row) {
            source = st->string(0) == "generated" ? tr("generated sample corpus (not human data)")
                                                  : tr("imported from %1 (%2)")
                                                        .arg(QString::fromStdString(st->string(2)),
                                                             QString::fromStdString(st->string(1)));
            if (st->string(3) == "ai") source += QStringLiteral(", ") + tr("AI feedback");
        }
    }
    m_header->setText(tr("<b>Judgment %1</b> · %2 (%3, %4) · split %5 · annotator %6<br>%7")
                          .arg(id)
                          .arg(QString::fromStdString(m_judgment->taskKey).toHtmlEscaped(),
                               task ? taskTypeName(task->type) : QString(),
                               task ? capabilityName(task->capability) : QString(),
                               splitName(m_judgment->split),
                               m_judgment->annotator.empty()
                                   ? tr("unknown")
                                   : QString::fromStdString(m_judgment->annotator).toHtmlEscaped(),
                               source.toHtmlEscaped()));
    fillVersions();

    m_fields->setRowCount(0);
    auto addRow = [this](const QString& name, const QString& value) {
        const int r = m_fields->rowCount();
        m_fields->insertRow(r);
        m_fields->setItem(r, 0, new QTableWidgetItem(name));
        m_fields->setItem(r, 1, new QTableWidgetItem(value));
    };
    for (const auto& f : m_judgment->context)
        addRow(QString::fromStdString(f.name), QString::fromStdString(f.value));
    for (const auto& f : m_judgment->target)
        addRow(tr("target: %1").arg(QString::fromStdString(f.name)),
               QString::fromStdString(f.value));
    if (!m_judgment->item.empty()) addRow(tr("item"), QString::fromStdString(m_judgment->item));
    m_fields->resizeRowsToContents();

    ReviewStore store(*ws);
    QStringList lines;
    if (auto reviews = store.forJudgment(id)) {
        for (const auto& r : *reviews) {
            QString line =
                tr("%1: %2").arg(QString::fromStdString(r.reviewer), verdictName(r.verdict));
            if (!r.label.empty()) line += QStringLiteral(" → ") + QString::fromStdString(r.label);
            if (!r.note.empty()) line += QStringLiteral(" — ") + QString::fromStdString(r.note);
            lines << line.toHtmlEscaped();
        }
    }
    if (auto gold = store.gold(id); gold && gold->has_value())
        lines << tr("<b>Gold label: %1</b> (by %2)")
                     .arg(QString::fromStdString((*gold)->label).toHtmlEscaped(),
                          QString::fromStdString((*gold)->adjudicator).toHtmlEscaped());
    m_reviews->setText(lines.isEmpty() ? tr("No reviews yet.")
                                       : tr("Reviews:") + QStringLiteral("<br>") +
                                             lines.join(QStringLiteral("<br>")));
}

void DetailPane::fillVersions() {
    QSignalBlocker block(m_version);
    m_version->clear();
    Workspace* ws = m_session->workspace();
    if (!ws || !m_judgment) return;
    InstructionStore store(*ws);
    auto history = store.history(m_judgment->taskKey);
    if (!history) return;
    bool first = true;
    for (const auto& v : *history) {
        const QString text =
            first ? tr("current (version %1, %2)")
                        .arg(v.version)
                        .arg(QString::fromStdString(v.author))
                  : tr("version %1, %2, %3")
                        .arg(v.version)
                        .arg(QString::fromStdString(v.author), QString::fromStdString(v.createdAt));
        m_version->addItem(text, qlonglong(v.id));
        first = false;
    }
    render();
}

void DetailPane::render() {
    Workspace* ws = m_session->workspace();
    if (!ws || !m_judgment) return;
    InstructionStore store(*ws);
    Instructions instructions;
    if (m_version->currentData().isValid()) {
        if (auto v = store.byId(m_version->currentData().toLongLong()))
            instructions = v->instructions;
    } else if (auto v = store.current(m_judgment->taskKey)) {
        instructions = v->instructions;
    }
    const QString text = QString::fromStdString(
        formatExample(instructions, m_judgment->context, m_judgment->target));
    m_formatted->setPlainText(text);
    // Search matches, highlighted as in the table.
    QList<QTextEdit::ExtraSelection> marks;
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    for (QTextBlock b = m_formatted->document()->begin(); b.isValid(); b = b.next()) {
        for (const auto& [start, length] : matchRanges(b.text(), m_terms)) {
            QTextEdit::ExtraSelection sel;
            sel.cursor = QTextCursor(b);
            sel.cursor.setPosition(b.position() + start);
            sel.cursor.setPosition(b.position() + start + length, QTextCursor::KeepAnchor);
            sel.format.setBackground(dark ? QColor(0x8a, 0x6d, 0x00) : QColor(0xff, 0xe5, 0x6b));
            marks << sel;
        }
    }
    m_formatted->setExtraSelections(marks);
}

QString DetailPane::formattedText() const {
    return m_formatted->toPlainText();
}

} // namespace flame::ui
