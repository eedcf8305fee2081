#include "ui/dialogs.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include "ui/labels.h"

namespace flame::ui {

SampleDialog::SampleDialog(QWidget* parent)
    : QDialog(parent), m_judgments(new QSpinBox(this)), m_seed(new QSpinBox(this)) {
    setWindowTitle(tr("Generate the sample corpus"));
    m_judgments->setRange(1000, 50'000'000);
    m_judgments->setSingleStep(10000);
    m_judgments->setValue(20000);
    m_judgments->setGroupSeparatorShown(true);
    m_seed->setRange(1, 1'000'000);
    m_seed->setValue(1);
    auto* note = new QLabel(tr("The sample corpus is GENERATED data shaped like the FLAMe "
                               "collection (102 tasks, the paper's "
                               "shares by type and capability), not human judgments. The same seed "
                               "gives the same rows; "
                               "rows already present are skipped."),
                            this);
    note->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("Judgments:"), m_judgments);
    form->addRow(tr("Seed:"), m_seed);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

sample::SampleOptions SampleDialog::options() const {
    sample::SampleOptions o;
    o.judgments = m_judgments->value();
    o.seed = std::uint64_t(m_seed->value());
    return o;
}

ImportDialog::ImportDialog(const QStringList& taskKeys, QWidget* parent)
    : QDialog(parent), m_path(new QLineEdit(this)), m_format(new QComboBox(this)),
      m_task(new QComboBox(this)), m_split(new QComboBox(this)), m_skipBad(new QCheckBox(this)) {
    setWindowTitle(tr("Import judgments"));
    auto* browse = new QPushButton(tr("Choose…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString p = QFileDialog::getOpenFileName(this, tr("File to import"));
        if (!p.isEmpty()) m_path->setText(p);
    });
    for (const QString& f : QString::fromStdString(knownImportFormats())
                                .split(QStringLiteral(", "), Qt::SkipEmptyParts))
        m_format->addItem(f);
    m_task->addItem(tr("(from the file)"), QString());
    for (const QString& k : taskKeys)
        m_task->addItem(k, k);
    m_split->addItem(tr("(from the file)"), -1);
    for (Split s : {Split::Train, Split::Dev, Split::Test})
        m_split->addItem(splitName(s), int(s));
    m_skipBad->setText(tr("Skip bad records and report them (otherwise a bad record stops the "
                          "import and nothing is kept)"));
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    auto* form = new QFormLayout;
    form->addRow(tr("File:"), pathRow);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Task:"), m_task);
    form->addRow(tr("Split:"), m_split);
    form->addRow(QString(), m_skipBad);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

QString ImportDialog::path() const {
    return m_path->text();
}

ImportOptions ImportDialog::options() const {
    ImportOptions o;
    o.format = m_format->currentText().toStdString();
    o.task = m_task->currentData().toString().toStdString();
    const int split = m_split->currentData().toInt();
    if (split >= 0) o.split = Split(split);
    o.skipBad = m_skipBad->isChecked();
    return o;
}

ShortcutsDialog::ShortcutsDialog(QWidget* root, QWidget* parent)
    : QDialog(parent), m_table(new QTableWidget(this)) {
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Where"), tr("Action"), tr("Keys")});
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    for (QAction* a : root->findChildren<QAction*>()) {
        if (a->shortcuts().isEmpty() || a->text().isEmpty()) continue;
        QStringList keys;
        for (const QKeySequence& k : a->shortcuts())
            keys << k.toString(QKeySequence::NativeText);
        QString where = tr("Everywhere");
        if (a->shortcutContext() != Qt::WindowShortcut &&
            a->shortcutContext() != Qt::ApplicationShortcut) {
            if (auto* w = qobject_cast<QWidget*>(a->parent())) {
                const QString area = w->property("areaName").toString();
                where = area.isEmpty() ? w->objectName() : area;
            }
        }
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(where));
        m_table->setItem(row, 1, new QTableWidgetItem(a->text().remove(QLatin1Char('&'))));
        m_table->setItem(row, 2, new QTableWidgetItem(keys.join(QStringLiteral(", "))));
    }
    m_table->sortItems(0);
    m_table->resizeColumnsToContents();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(640, 560);
}

} // namespace flame::ui
