#include "ui/browse/filter_bar.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QTimer>

#include "ui/labels.h"

namespace flame::ui {

namespace {

// Combo entries carry the enum value as int data; -1 = any.
void refill(QComboBox* box, const QString& anyText, const QList<QPair<QString, int>>& items) {
    const int current = box->currentData().isValid() ? box->currentData().toInt() : -1;
    QSignalBlocker block(box);
    box->clear();
    box->addItem(anyText, -1);
    for (const auto& [text, value] : items)
        box->addItem(text, value);
    const int i = box->findData(current);
    box->setCurrentIndex(i < 0 ? 0 : i);
}

} // namespace

FilterBar::FilterBar(QWidget* parent)
    : QWidget(parent), m_type(new QComboBox(this)), m_capability(new QComboBox(this)),
      m_split(new QComboBox(this)), m_label(new QComboBox(this)), m_review(new QComboBox(this)),
      m_annotator(new QLineEdit(this)), m_search(new QLineEdit(this)), m_jump(new QLineEdit(this)),
      m_message(new QLabel(this)), m_searchLabel(new QLabel(this)), m_jumpLabel(new QLabel(this)),
      m_debounce(new QTimer(this)) {
    m_type->setObjectName(QStringLiteral("typeFilter"));
    m_capability->setObjectName(QStringLiteral("capabilityFilter"));
    m_split->setObjectName(QStringLiteral("splitFilter"));
    m_label->setObjectName(QStringLiteral("labelFilter"));
    m_review->setObjectName(QStringLiteral("reviewFilter"));
    m_annotator->setObjectName(QStringLiteral("annotatorFilter"));
    m_search->setObjectName(QStringLiteral("searchBox"));
    m_jump->setObjectName(QStringLiteral("jumpBox"));
    m_message->setObjectName(QStringLiteral("searchMessage"));
    m_label->setEditable(true);
    m_label->setInsertPolicy(QComboBox::NoInsert);
    m_search->setClearButtonEnabled(true);
    m_jump->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,18}")), m_jump));
    m_jump->setMaximumWidth(140);
    m_message->setVisible(false);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #c0392b;"));

    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_type, 0, 0);
    grid->addWidget(m_capability, 0, 1);
    grid->addWidget(m_split, 0, 2);
    grid->addWidget(m_label, 0, 3);
    grid->addWidget(m_review, 0, 4);
    grid->addWidget(m_annotator, 0, 5);
    grid->addWidget(m_searchLabel, 1, 0);
    grid->addWidget(m_search, 1, 1, 1, 3);
    grid->addWidget(m_jumpLabel, 1, 4, Qt::AlignRight);
    grid->addWidget(m_jump, 1, 5);
    grid->addWidget(m_message, 2, 1, 1, 5);
    grid->setColumnStretch(3, 1);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &FilterBar::changed);
    for (QComboBox* box : {m_type, m_capability, m_split, m_review})
        connect(box, &QComboBox::currentIndexChanged, this, &FilterBar::changed);
    connect(m_label, &QComboBox::currentTextChanged, this, [this] { m_debounce->start(); });
    connect(m_annotator, &QLineEdit::textChanged, this, [this] { m_debounce->start(); });
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_debounce->start(); });
    auto now = [this] {
        m_debounce->stop();
        emit changed();
    };
    connect(m_search, &QLineEdit::returnPressed, this, now);
    connect(m_annotator, &QLineEdit::returnPressed, this, now);
    connect(m_label->lineEdit(), &QLineEdit::returnPressed, this, now);
    connect(m_jump, &QLineEdit::returnPressed, this, [this] {
        bool ok = false;
        const qint64 id = m_jump->text().toLongLong(&ok);
        if (ok && id > 0) emit jumpRequested(id);
    });
    retranslate();
}

void FilterBar::fillCombos() {
    QList<QPair<QString, int>> types, caps, splits, reviews;
    for (TaskType t : kAllTaskTypes)
        types.append({taskTypeName(t), int(t)});
    for (Capability c : kAllCapabilities)
        caps.append({capabilityName(c), int(c)});
    for (Split s : {Split::Train, Split::Dev, Split::Test})
        splits.append({splitName(s), int(s)});
    for (ReviewFilter r : {ReviewFilter::Unreviewed, ReviewFilter::Reviewed, ReviewFilter::Agreed,
                           ReviewFilter::Flagged, ReviewFilter::Relabelled, ReviewFilter::Disputed,
                           ReviewFilter::Gold})
        reviews.append({reviewFilterName(r), int(r)});
    refill(m_type, tr("Any type"), types);
    refill(m_capability, tr("Any capability"), caps);
    refill(m_split, tr("Any split"), splits);
    refill(m_review, tr("Any review state"), reviews);
}

void FilterBar::retranslate() {
    fillCombos();
    if (m_label->count() == 0) m_label->addItem(QString());
    m_label->setItemText(0, QString());
    m_label->lineEdit()->setPlaceholderText(tr("Any label"));
    m_label->setToolTip(
        tr("Only judgments with this label (the value of choice, rating or answer)"));
    m_annotator->setPlaceholderText(tr("Any annotator"));
    m_annotator->setToolTip(tr("Only judgments of this annotator id (exact)"));
    m_searchLabel->setText(tr("&Search:"));
    m_searchLabel->setBuddy(m_search);
    m_search->setPlaceholderText(tr("words, \"a phrase\", prefix*, AND, OR, NOT, ( )"));
    m_search->setToolTip(
        tr("Full-text search over every field of the judgments.\n"
           "Words are matched as typed; \"quotes\" match a phrase; word* matches a prefix;\n"
           "AND (implied between words), OR and NOT combine; parentheses group."));
    m_jumpLabel->setText(tr("&Go to id:"));
    m_jumpLabel->setBuddy(m_jump);
    m_jump->setPlaceholderText(tr("judgment id"));
}

void FilterBar::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void FilterBar::setLabels(const QStringList& labels) {
    const QString current = m_label->currentText();
    QSignalBlocker block(m_label);
    m_label->clear();
    m_label->addItem(QString());
    m_label->addItems(labels);
    m_label->setEditText(current);
}

bool FilterBar::fill(BrowseFilter& f) {
    auto value = [](QComboBox* box) {
        return box->currentData().isValid() ? box->currentData().toInt() : -1;
    };
    f.type = value(m_type) < 0 ? std::nullopt : std::optional<TaskType>(TaskType(value(m_type)));
    f.capability = value(m_capability) < 0
                       ? std::nullopt
                       : std::optional<Capability>(Capability(value(m_capability)));
    f.split = value(m_split) < 0 ? std::nullopt : std::optional<Split>(Split(value(m_split)));
    f.review = value(m_review) < 0 ? ReviewFilter::Any : ReviewFilter(value(m_review));
    f.label = m_label->currentText().trimmed().toStdString();
    f.annotator = m_annotator->text().trimmed().toStdString();
    const QString search = m_search->text().trimmed();
    f.search.clear();
    if (!search.isEmpty()) {
        const SearchQuery q = parseSearch(search.toStdString());
        if (!q.ok()) {
            // Column of the problem, counted in characters as the user sees them.
            const int column =
                QString::fromUtf8(search.toUtf8().left(int(q.errorOffset))).size() + 1;
            showSearchError(tr("%1 (at character %2)").arg(searchErrorText(q.error)).arg(column));
            return false;
        }
        f.search = search.toStdString();
    }
    m_message->setVisible(false);
    return true;
}

void FilterBar::showSearchError(const QString& message) {
    m_message->setText(message);
    m_message->setVisible(true);
}

void FilterBar::showJumpMessage(const QString& message) {
    showSearchError(message);
}

void FilterBar::clear() {
    for (QComboBox* box : {m_type, m_capability, m_split, m_review}) {
        QSignalBlocker block(box);
        box->setCurrentIndex(0);
    }
    QSignalBlocker b1(m_label), b2(m_annotator), b3(m_search);
    m_label->setEditText(QString());
    m_annotator->clear();
    m_search->clear();
    m_message->setVisible(false);
    emit changed();
}

} // namespace flame::ui
