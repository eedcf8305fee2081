#include "ui/runs/launch_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include "storage/run_store.h"
#include "ui/labels.h"
#include "ui/runs/mixture_model.h"
#include "ui/runs/run_info.h"
#include "ui/runs/runs_controller.h"
#include "ui/workspace_session.h"

namespace flame::ui {

namespace {

QComboBox* combo(QWidget* parent, const char* name) {
    auto* c = new QComboBox(parent);
    c->setObjectName(QString::fromLatin1(name));
    return c;
}

// Fills a checkpoint chooser with `first` (data -1) and the steps of `run`, keeping the choice
// when that step is still offered.
void fillSteps(QComboBox* steps, const QString& first, qint64 run, const QVector<LaunchContext::Parent>& runs) {
    const qint64 keep = steps->currentData().isValid() ? steps->currentData().toLongLong() : -1;
    steps->clear();
    steps->addItem(first, qint64(-1));
    for (const auto& p : runs)
        if (p.id == run)
            for (qint64 step : p.checkpointSteps) steps->addItem(LaunchDialog::tr("step %1").arg(step), step);
    const int at = steps->findData(keep);
    steps->setCurrentIndex(at >= 0 ? at : 0);
}

QSpinBox* spin(QWidget* parent, const char* name, int min, int max) {
    auto* s = new QSpinBox(parent);
    s->setObjectName(QString::fromLatin1(name));
    s->setRange(min, max);
    s->setGroupSeparatorShown(true);
    return s;
}

} // namespace

LaunchDialog::LaunchDialog(RunsController* runs, QWidget* parent)
    : QDialog(parent), m_runs(runs), m_mixture(new MixtureModel(this)), m_mixtureTimer(new QTimer(this)) {
    setObjectName(QStringLiteral("launchDialog"));
    // Options change in bursts (typing a number); the preview follows once they settle.
    m_mixtureTimer->setSingleShot(true);
    m_mixtureTimer->setInterval(200);
    connect(m_mixtureTimer, &QTimer::timeout, this, &LaunchDialog::refreshMixture);
    build();
    if (Workspace* ws = m_runs->session()->workspace()) {
        auto path = ws->meta("tokenizer.path");
        m_tokenizer = path && !path->empty();
    }
    fillParents();
    fillDevices();
    if (m_runs->devices().isEmpty()) m_runs->queryDevices();
    connect(m_runs, &RunsController::devicesChanged, this, &LaunchDialog::fillDevices);
    retranslate();
    setOptions(LaunchOptions::defaults(QStringLiteral("flame")));
}

LaunchDialog::~LaunchDialog() {
    if (m_mixtureProcess) {
        m_mixtureProcess->disconnect(this);
        m_mixtureProcess->kill();
        m_mixtureProcess->waitForFinished(1000);
    }
}

void LaunchDialog::build() {
    m_variant = combo(this, "variant");
    // Pretraining last: it makes an initial network for FLAMe, not an autorater.
    for (const char* v : {"flame", "flame-rm", "flame-opt-rm", "pretrain"})
        m_variant->addItem(QString(), QString::fromLatin1(v));
    m_parent = combo(this, "parentRun");
    m_parentStep = combo(this, "parentStep");
    m_init = combo(this, "initRun");
    m_initStep = combo(this, "initStep");
    m_preset = combo(this, "preset");
    for (const char* p : {"tiny", "small", "base"}) m_preset->addItem(QString::fromLatin1(p), QString::fromLatin1(p));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("runName"));
    m_steps = spin(this, "steps", 1, 10000000);
    m_batch = spin(this, "batch", 1, 65536);
    m_lr = new QDoubleSpinBox(this);
    m_lr->setObjectName(QStringLiteral("lr"));
    m_lr->setDecimals(6);
    m_lr->setRange(0.000001, 1.0);
    m_lr->setSingleStep(0.0001);
    m_seed = spin(this, "seed", 0, 2147483647);
    m_evalEvery = spin(this, "evalEvery", 0, 10000000);
    m_evalLimit = spin(this, "evalLimit", 0, 10000000);
    m_checkpointEvery = spin(this, "checkpointEvery", 1, 10000000);
    m_device = combo(this, "device");
    m_nproc = spin(this, "nproc", 1, 64);

    auto* form = new QFormLayout;
    auto row = [&](const char* label, QWidget* w) {
        auto* l = new QLabel(this);
        l->setBuddy(w);
        m_labels.append({l, label});
        form->addRow(l, w);
    };
    row(QT_TR_NOOP("&Variant:"), m_variant);
    row(QT_TR_NOOP("&Parent run:"), m_parent);
    row(QT_TR_NOOP("Parent &checkpoint:"), m_parentStep);
    row(QT_TR_NOOP("&Initial network:"), m_init);
    row(QT_TR_NOOP("Initial c&heckpoint:"), m_initStep);
    row(QT_TR_NOOP("&Model preset:"), m_preset);
    row(QT_TR_NOOP("&Name:"), m_name);
    row(QT_TR_NOOP("&Steps:"), m_steps);
    row(QT_TR_NOOP("&Batch:"), m_batch);
    row(QT_TR_NOOP("&Learning rate:"), m_lr);
    row(QT_TR_NOOP("S&eed:"), m_seed);
    row(QT_TR_NOOP("E&valuate every:"), m_evalEvery);
    row(QT_TR_NOOP("Evaluation e&xamples:"), m_evalLimit);
    row(QT_TR_NOOP("Checkpoint ever&y:"), m_checkpointEvery);
    row(QT_TR_NOOP("&Device:"), m_device);
    row(QT_TR_NOOP("&Ranks:"), m_nproc);

    m_network = new QGroupBox(this);
    auto* net = new QFormLayout(m_network);
    m_layers = spin(this, "layers", 0, 256);
    m_dModel = spin(this, "dModel", 0, 16384);
    m_heads = spin(this, "heads", 0, 256);
    m_dFF = spin(this, "dFF", 0, 65536);
    m_maxSeq = spin(this, "maxSeq", 0, 32768);
    m_segments = spin(this, "segments", -1, 256); // -1: the preset's; 0: none
    for (auto [label, w] : std::initializer_list<std::pair<const char*, QSpinBox*>>{
             {QT_TR_NOOP("Layers:"), m_layers},
             {QT_TR_NOOP("Width:"), m_dModel},
             {QT_TR_NOOP("Heads:"), m_heads},
             {QT_TR_NOOP("MLP width:"), m_dFF},
             {QT_TR_NOOP("Longest sequence:"), m_maxSeq},
             {QT_TR_NOOP("Segment embeddings:"), m_segments}}) {
        auto* l = new QLabel(this);
        m_labels.append({l, label});
        net->addRow(l, w);
    }
    m_tailpatch = new QGroupBox(this);
    auto* tp = new QFormLayout(m_tailpatch);
    m_tailpatchSteps = spin(this, "tailpatchSteps", 1, 100000);
    m_tailpatchBy = combo(this, "tailpatchBy");
    m_tailpatchBy->addItem(QString(), QStringLiteral("group"));
    m_tailpatchBy->addItem(QString(), QStringLiteral("task"));
    m_tailpatchMeasure = combo(this, "tailpatchMeasure");
    m_tailpatchMeasure->addItem(QString(), QStringLiteral("score"));
    m_tailpatchMeasure->addItem(QString(), QStringLiteral("length-controlled"));
    m_devLimit = spin(this, "devLimit", 0, 10000000);
    for (auto [label, w] : std::initializer_list<std::pair<const char*, QWidget*>>{
             {QT_TR_NOOP("Steps per tail-patch:"), m_tailpatchSteps},
             {QT_TR_NOOP("Tail-patch:"), m_tailpatchBy},
             {QT_TR_NOOP("Ratings compare:"), m_tailpatchMeasure},
             {QT_TR_NOOP("Development examples:"), m_devLimit}}) {
        auto* l = new QLabel(this);
        m_labels.append({l, label});
        tp->addRow(l, w);
    }

    auto* left = new QVBoxLayout;
    left->addLayout(form);
    left->addWidget(m_network);
    left->addWidget(m_tailpatch);
    left->addStretch(1);

    m_mixtureNote = new QLabel(this);
    m_mixtureNote->setWordWrap(true);
    m_mixtureView = new QTableView(this);
    m_mixtureView->setObjectName(QStringLiteral("mixturePreview"));
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_mixture);
    proxy->setSortRole(Qt::UserRole);
    m_mixtureView->setModel(proxy);
    m_mixtureView->setSortingEnabled(true);
    m_mixtureView->sortByColumn(MixtureModel::Rate, Qt::DescendingOrder);
    m_mixtureView->verticalHeader()->hide();
    m_mixtureView->horizontalHeader()->setSectionResizeMode(MixtureModel::Task, QHeaderView::Stretch);
    // Numbers and their headers always show in full; the task name takes what is left.
    for (int c : {MixtureModel::Examples, MixtureModel::Rate, MixtureModel::PerStep})
        m_mixtureView->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_mixtureView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_mixtureView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* right = new QVBoxLayout;
    right->addWidget(m_mixtureNote);
    right->addWidget(m_mixtureView, 1);

    auto* top = new QHBoxLayout;
    top->addLayout(left, 0);
    top->addLayout(right, 1);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("launchMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::RichText);

    m_load = new QPushButton(this);
    m_save = new QPushButton(this);
    m_trainTokenizer = new QPushButton(this);
    m_trainTokenizer->setObjectName(QStringLiteral("trainTokenizer"));
    m_cancel = new QPushButton(this);
    m_launch = new QPushButton(this);
    m_launch->setObjectName(QStringLiteral("launchButton"));
    m_launch->setDefault(true);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_load);
    buttons->addWidget(m_save);
    buttons->addWidget(m_trainTokenizer);
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_launch);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(m_message);
    layout->addLayout(buttons);
    resize(1100, 720);

    connect(m_variant, &QComboBox::currentIndexChanged, this, &LaunchDialog::variantChanged);
    connect(m_preset, &QComboBox::currentIndexChanged, this, &LaunchDialog::presetChanged);
    connect(m_parent, &QComboBox::currentIndexChanged, this, [this] {
        fillCheckpoints();
        optionsChanged();
    });
    connect(m_init, &QComboBox::currentIndexChanged, this, [this] {
        fillInitCheckpoints();
        optionsChanged();
    });
    for (QComboBox* c : {m_parentStep, m_initStep, m_device, m_tailpatchBy, m_tailpatchMeasure})
        connect(c, &QComboBox::currentIndexChanged, this, &LaunchDialog::optionsChanged);
    for (QSpinBox* s : {m_steps, m_batch, m_seed, m_evalEvery, m_evalLimit, m_checkpointEvery, m_nproc, m_layers,
                        m_dModel, m_heads, m_dFF, m_maxSeq, m_segments, m_tailpatchSteps, m_devLimit})
        connect(s, &QSpinBox::valueChanged, this, &LaunchDialog::optionsChanged);
    connect(m_lr, &QDoubleSpinBox::valueChanged, this, &LaunchDialog::optionsChanged);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_launch, &QPushButton::clicked, this, &LaunchDialog::launch);
    connect(m_save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save run configuration"), QString(),
                                                          tr("Run configurations (*.json)"));
        if (!path.isEmpty()) saveTo(path);
    });
    connect(m_load, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Load run configuration"), QString(),
                                                          tr("Run configurations (*.json)"));
        if (!path.isEmpty()) loadFrom(path);
    });
    connect(m_trainTokenizer, &QPushButton::clicked, this, [this] {
        // One short child process; the dialog stays usable and re-checks when it ends.
        auto* p = new QProcess(this);
        m_trainTokenizer->setEnabled(false);
        showMessage(tr("Training the tokenizer…"), false);
        connect(p, &QProcess::finished, this, [this, p](int code) {
            p->deleteLater();
            m_trainTokenizer->setEnabled(true);
            if (Workspace* ws = m_runs->session()->workspace()) {
                auto path = ws->meta("tokenizer.path");
                m_tokenizer = path && !path->empty();
            }
            if (code != 0) showMessage(QString::fromUtf8(p->readAllStandardError()).toHtmlEscaped(), true);
            optionsChanged();
        });
        p->start(m_runs->flameProgram(),
                 {QStringLiteral("tokenizer"), m_runs->session()->path(), QStringLiteral("train")});
    });
}

void LaunchDialog::retranslate() {
    setWindowTitle(tr("New training run"));
    for (int i = 0; i < m_variant->count(); ++i) {
        const QString v = m_variant->itemData(i).toString();
        m_variant->setItemText(i, v == QLatin1String("pretrain") ? tr("Pretraining (an initial network for FLAMe)")
                                                                 : variantName(v));
    }
    for (const auto& [label, text] : std::as_const(m_labels)) label->setText(tr(text));
    m_network->setTitle(tr("Network (0 keeps the preset's size)"));
    m_tailpatch->setTitle(tr("Tail-patching (FLAMe-Opt-RM)"));
    m_tailpatchBy->setItemText(0, tr("by group of similar tasks"));
    m_tailpatchBy->setItemText(1, tr("every task alone"));
    m_tailpatchMeasure->setItemText(0, tr("the category score"));
    m_tailpatchMeasure->setItemText(1, tr("the length-controlled score"));
    m_tailpatchMeasure->setToolTip(tr("Length-controlled: the accuracy with the pairs whose chosen response is "
                                      "longer and those where it is shorter weighted equally, so that a fine-tune "
                                      "that only flips the preference for long answers is not rated helpful"));
    m_evalEvery->setSpecialValueText(tr("only at the end"));
    m_evalLimit->setSpecialValueText(tr("the whole set"));
    m_devLimit->setSpecialValueText(tr("the whole set"));
    for (QSpinBox* s : {m_layers, m_dModel, m_heads, m_dFF, m_maxSeq, m_segments}) s->setSpecialValueText(tr("preset"));
    m_evalEvery->setSuffix(tr(" steps"));
    m_checkpointEvery->setSuffix(tr(" steps"));
    m_load->setText(tr("&Load…"));
    m_save->setText(tr("&Save…"));
    m_trainTokenizer->setText(tr("Train &tokenizer"));
    m_cancel->setText(tr("Cancel"));
    m_launch->setText(tr("&Launch"));
    if (m_parentStep->count() > 0) m_parentStep->setItemText(0, tr("the variant's choice"));
    if (m_init->count() > 0) m_init->setItemText(0, tr("random weights"));
    if (m_initStep->count() > 0) m_initStep->setItemText(0, tr("the last"));
    optionsChanged();
}

void LaunchDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QDialog::changeEvent(event);
}

void LaunchDialog::fillParents() {
    m_context.runs.clear();
    const qint64 keep = m_parent->currentData().toLongLong();
    const qint64 keepInit = m_init->currentData().toLongLong();
    const bool filling = m_filling;
    m_filling = true;
    m_parent->clear();
    m_init->clear();
    m_init->addItem(tr("random weights"), qint64(0));
    Workspace* ws = m_runs->session()->workspace();
    for (const RunInfo& r : m_runs->runs()) {
        LaunchContext::Parent p;
        p.id = r.id();
        p.variant = r.variant();
        if (ws) {
            RunStore store(*ws);
            if (auto cps = store.checkpoints(r.id()))
                for (const auto& c : *cps) p.checkpointSteps.push_back(c.step);
        }
        m_context.runs.push_back(p);
        QComboBox* into = p.variant == QLatin1String("flame") ? m_parent
                          : p.variant == QLatin1String("pretrain") ? m_init
                                                                   : nullptr;
        if (!into) continue;
        into->addItem(tr("%1 — %2, %n checkpoint(s)", nullptr, int(p.checkpointSteps.size()))
                          .arg(runLabel(r), stateName(r.state())),
                      r.id());
    }
    const int at = m_parent->findData(keep);
    if (at >= 0) m_parent->setCurrentIndex(at);
    m_init->setCurrentIndex(std::max(0, m_init->findData(keepInit)));
    m_filling = filling;
    fillCheckpoints();
    fillInitCheckpoints();
}

void LaunchDialog::fillCheckpoints() {
    const bool filling = m_filling;
    m_filling = true;
    fillSteps(m_parentStep, tr("the variant's choice"), m_parent->currentData().toLongLong(), m_context.runs);
    m_filling = filling;
}

void LaunchDialog::fillInitCheckpoints() {
    const bool filling = m_filling;
    m_filling = true;
    fillSteps(m_initStep, tr("the last"), m_init->currentData().toLongLong(), m_context.runs);
    m_filling = filling;
}

void LaunchDialog::fillDevices() {
    const QString keep = m_device->currentData().toString();
    QStringList devices = m_runs->devices();
    if (devices.isEmpty()) devices << QStringLiteral("cpu");
    m_context.devices = devices;
    const bool filling = m_filling;
    m_filling = true;
    m_device->clear();
    int cuda = 0;
    for (const QString& d : devices) {
        m_device->addItem(d == QLatin1String("cpu") ? tr("CPU") : d, d);
        cuda += d.startsWith(QLatin1String("cuda:")) ? 1 : 0;
    }
    if (cuda > 1) m_device->addItem(tr("all CUDA devices (one rank each)"), QStringLiteral("cuda"));
    const int at = m_device->findData(keep);
    m_device->setCurrentIndex(at >= 0 ? at : 0);
    m_filling = filling;
    optionsChanged();
}

LaunchContext LaunchDialog::context() const {
    LaunchContext c = m_context;
    c.tokenizer = m_tokenizer;
    return c;
}

LaunchOptions LaunchDialog::options() const {
    LaunchOptions o;
    o.variant = m_variant->currentData().toString();
    o.preset = m_preset->currentData().toString();
    o.name = m_name->text();
    o.fromRun = m_parent->currentData().toLongLong();
    o.fromStep = m_parentStep->currentData().isValid() ? m_parentStep->currentData().toLongLong() : -1;
    if (o.takesInit()) {
        o.initRun = m_init->currentData().toLongLong();
        o.initStep = o.initRun > 0 && m_initStep->currentData().isValid() ? m_initStep->currentData().toLongLong() : -1;
    }
    o.steps = m_steps->value();
    o.batch = m_batch->value();
    o.lr = m_lr->value();
    o.seed = m_seed->value();
    o.evalEvery = m_evalEvery->value();
    o.evalLimit = m_evalLimit->value();
    o.checkpointEvery = m_checkpointEvery->value();
    o.device = m_device->currentData().toString();
    o.nproc = m_nproc->value();
    o.layers = m_layers->value();
    o.dModel = m_dModel->value();
    o.heads = m_heads->value();
    o.dFF = m_dFF->value();
    o.maxSeq = m_maxSeq->value();
    o.segments = m_segments->value();
    o.tailpatchSteps = m_tailpatchSteps->value();
    o.tailpatchBy = m_tailpatchBy->currentData().toString();
    o.tailpatchMeasure = m_tailpatchMeasure->currentData().toString();
    o.devLimit = m_devLimit->value();
    return o;
}

void LaunchDialog::setOptions(const LaunchOptions& o) {
    m_filling = true;
    m_variant->setCurrentIndex(std::max(0, m_variant->findData(o.variant)));
    m_preset->setCurrentIndex(std::max(0, m_preset->findData(o.preset)));
    m_name->setText(o.name);
    const int parent = m_parent->findData(o.fromRun);
    if (parent >= 0) m_parent->setCurrentIndex(parent);
    fillCheckpoints();
    m_parentStep->setCurrentIndex(std::max(0, m_parentStep->findData(o.fromStep)));
    // A run that is gone stays visible, so validation can say so rather than falling back silently.
    if (o.initRun > 0 && m_init->findData(o.initRun) < 0) m_init->addItem(tr("run %1").arg(o.initRun), o.initRun);
    m_init->setCurrentIndex(std::max(0, m_init->findData(o.initRun)));
    fillInitCheckpoints();
    m_initStep->setCurrentIndex(std::max(0, m_initStep->findData(o.initStep)));
    m_steps->setValue(o.steps);
    m_batch->setValue(o.batch);
    m_lr->setValue(o.lr);
    m_seed->setValue(int(o.seed));
    m_evalEvery->setValue(o.evalEvery);
    m_evalLimit->setValue(int(o.evalLimit));
    m_checkpointEvery->setValue(o.checkpointEvery);
    if (m_device->findData(o.device) < 0) m_device->addItem(o.device, o.device); // shown, and flagged below
    m_device->setCurrentIndex(m_device->findData(o.device));
    m_nproc->setValue(o.nproc);
    m_layers->setValue(o.layers);
    m_dModel->setValue(o.dModel);
    m_heads->setValue(o.heads);
    m_dFF->setValue(o.dFF);
    m_maxSeq->setValue(o.maxSeq);
    m_segments->setValue(o.segments);
    m_tailpatchSteps->setValue(o.tailpatchSteps);
    m_tailpatchBy->setCurrentIndex(std::max(0, m_tailpatchBy->findData(o.tailpatchBy)));
    m_tailpatchMeasure->setCurrentIndex(std::max(0, m_tailpatchMeasure->findData(o.tailpatchMeasure)));
    m_devLimit->setValue(int(o.devLimit));
    m_filling = false;
    optionsChanged();
}

void LaunchDialog::variantChanged() {
    if (m_filling) return;
    // A new variant brings its own defaults (FLAMe-RM: 50 steps at batch 8, ...); the device,
    // ranks, seed and name the user chose stay.
    LaunchOptions now = options();
    LaunchOptions d = LaunchOptions::defaults(now.variant, now.preset);
    d.name = now.name;
    d.seed = now.seed;
    d.device = now.device;
    d.nproc = now.nproc;
    d.fromRun = now.fromRun;
    d.initRun = m_init->currentData().toLongLong(); // kept for when FLAMe is chosen again
    d.initStep = m_initStep->currentData().isValid() ? m_initStep->currentData().toLongLong() : -1;
    d.layers = now.layers;
    d.dModel = now.dModel;
    d.heads = now.heads;
    d.dFF = now.dFF;
    d.maxSeq = now.maxSeq;
    d.segments = now.segments;
    setOptions(d);
}

void LaunchDialog::presetChanged() {
    variantChanged(); // the same defaults logic: batch, rate and steps depend on the preset
}

QStringList LaunchDialog::problems() const {
    return validateLaunch(options(), context());
}

void LaunchDialog::optionsChanged() {
    if (m_filling) return;
    const LaunchOptions o = options();
    m_parent->setEnabled(o.needsParent());
    m_parentStep->setEnabled(o.needsParent());
    m_init->setEnabled(o.takesInit());
    m_initStep->setEnabled(o.takesInit() && o.initRun > 0);
    // From an initial network the run takes its architecture: the sizes are not a choice.
    const bool fromInit = o.takesInit() && o.initRun > 0;
    m_preset->setEnabled(!fromInit);
    m_network->setEnabled(!fromInit);
    m_tailpatch->setVisible(o.variant == QLatin1String("flame-opt-rm"));
    m_trainTokenizer->setVisible(!m_tokenizer);
    const QStringList p = problems();
    m_launch->setEnabled(p.isEmpty() && !m_launching);
    if (!m_launching) {
        if (p.isEmpty()) showMessage(QString(), false);
        else {
            QString html = QStringLiteral("<ul style=\"margin:0\">");
            for (const QString& line : p) html += QStringLiteral("<li>") + line.toHtmlEscaped() + QStringLiteral("</li>");
            showMessage(html + QStringLiteral("</ul>"), true);
        }
    }
    m_mixtureTimer->start();
}

bool LaunchDialog::mixturePending() const {
    return m_mixtureTimer->isActive() || m_mixtureProcess != nullptr;
}

void LaunchDialog::refreshMixture() {
    const LaunchOptions o = options();
    const int generation = ++m_mixtureGeneration;
    if (m_mixtureProcess) { // superseded: its answer would describe other options
        QProcess* old = m_mixtureProcess;
        m_mixtureProcess = nullptr;
        old->disconnect(this);
        connect(old, &QProcess::finished, old, &QObject::deleteLater); // gone once it is reaped
        old->kill();
    }
    if (o.variant == QLatin1String("flame-opt-rm")) {
        m_mixture->clear();
        m_mixtureNote->setText(tr("FLAMe-Opt-RM's mixture is decided when the run starts: every task is "
                                  "tail-patched from the parent's checkpoint and weighted by its effect. "
                                  "The Tail-patch view shows the result."));
        return;
    }
    if (!m_runs->session()->isOpen()) return;
    m_mixtureNote->setText(tr("Computing the mixture…"));
    auto* p = new QProcess(this);
    m_mixtureProcess = p;
    connect(p, &QProcess::finished, this, [this, p, generation, o](int code) {
        p->deleteLater();
        if (generation != m_mixtureGeneration) return;
        m_mixtureProcess = nullptr;
        if (code != 0 || !m_mixture->setJson(p->readAllStandardOutput())) {
            m_mixtureNote->setText(tr("No mixture preview: %1")
                                       .arg(QString::fromUtf8(p->readAllStandardError()).trimmed().toHtmlEscaped()));
            return;
        }
        m_mixtureNote->setText(
            tr("%n task(s), %1 training examples; %2 examples per step (batch %3).", nullptr,
               int(m_mixture->rows().size()))
                .arg(formatCount(m_mixture->totalExamples()))
                .arg(o.batch)
                .arg(o.batch));
    });
    connect(p, &QProcess::errorOccurred, this, [this, p, generation](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart || generation != m_mixtureGeneration) return;
        m_mixtureProcess = nullptr;
        p->deleteLater();
        m_mixtureNote->setText(tr("No mixture preview: cannot start %1").arg(m_runs->flameProgram()));
    });
    p->start(m_runs->flameProgram(), {QStringLiteral("mixture"), m_runs->session()->path(), QStringLiteral("--variant"),
                                      o.variant, QStringLiteral("--batch"), QString::number(o.batch),
                                      QStringLiteral("--json")});
}

void LaunchDialog::showMessage(const QString& html, bool error) {
    m_message->setText(html);
    m_message->setStyleSheet(error ? QStringLiteral("color: #c62828") : QString());
}

QString LaunchDialog::messageText() const {
    return m_message->text();
}

bool LaunchDialog::saveTo(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        f.write(QJsonDocument(options().toJson()).toJson()) < 0 || !f.flush()) {
        showMessage(tr("Cannot save %1: %2").arg(path, f.errorString()).toHtmlEscaped(), true);
        return false;
    }
    return true;
}

bool LaunchDialog::loadFrom(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        showMessage(tr("Cannot open %1: %2").arg(path, f.errorString()).toHtmlEscaped(), true);
        return false;
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        showMessage(tr("%1 is not a run configuration: %2").arg(path, error.errorString()).toHtmlEscaped(), true);
        return false;
    }
    setOptions(LaunchOptions::fromJson(doc.object()));
    return true;
}

void LaunchDialog::launch() {
    if (m_launching || !problems().isEmpty()) return;
    m_launching = true;
    m_launch->setEnabled(false);
    showMessage(tr("Creating the run…"), false);
    QPointer<LaunchDialog> self(this);
    m_runs->createRun(options().trainArgs(), [self](qint64 id, const QString& error) {
        if (!self) return;
        self->m_launching = false;
        if (id <= 0) {
            self->showMessage(tr("`flame train` refused: %1").arg(error.toHtmlEscaped()), true);
            self->m_launch->setEnabled(true);
            return;
        }
        emit self->launched(id);
        self->accept();
    });
}

} // namespace flame::ui
