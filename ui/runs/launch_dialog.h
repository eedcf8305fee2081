#pragma once
// The launch dialog (issue 5, part 1): variant, parent run and checkpoint where the variant needs
// one, FLAMe's initial network (a pretraining run's checkpoint, or random weights), preset, steps, batch, learning rate, seed, evaluation and checkpoint intervals, device and
// ranks, network overrides and tail-patch options; a mixture preview that follows the options;
// validation messages; save and load of run configurations; filled from a past run for
// "duplicate and edit".
//
// Launch creates the run with `flame train … --queue --json` (RunsController::createRun) and
// puts it on the studio's queue; the dialog closes when the run exists, and stays open with the
// engine's message when `flame train` refuses the options.
#include <QDialog>

#include "ui/runs/launch_options.h"

class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QProcess;
class QPushButton;
class QSpinBox;
class QTableView;
class QTimer;

namespace flame::ui {

class MixtureModel;
class RunsController;

class LaunchDialog : public QDialog {
    Q_OBJECT
public:
    explicit LaunchDialog(RunsController* runs, QWidget* parent = nullptr);
    ~LaunchDialog() override;

    LaunchOptions options() const;
    void setOptions(const LaunchOptions& options);
    LaunchContext context() const;
    QStringList problems() const; // what validation says about the current options

    bool saveTo(const QString& path);   // JSON; false with a message shown in the dialog
    bool loadFrom(const QString& path);

    MixtureModel* mixture() const { return m_mixture; }
    bool mixturePending() const; // a preview is being computed
    QPushButton* launchButton() const { return m_launch; }
    QString messageText() const;

public slots:
    void launch();

signals:
    void launched(qint64 runId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void build();
    void retranslate();
    void fillParents();
    void fillCheckpoints();
    void fillInitCheckpoints();
    void fillDevices();
    void variantChanged();
    void presetChanged();
    void optionsChanged();
    void refreshMixture();
    void showMessage(const QString& html, bool error);

    RunsController* m_runs;
    bool m_filling = false;
    bool m_tokenizer = true;
    LaunchContext m_context;

    QComboBox* m_variant;
    QComboBox* m_parent;
    QComboBox* m_parentStep;
    QComboBox* m_init;
    QComboBox* m_initStep;
    QComboBox* m_preset;
    QLineEdit* m_name;
    QSpinBox* m_steps;
    QSpinBox* m_batch;
    QDoubleSpinBox* m_lr;
    QSpinBox* m_seed;
    QSpinBox* m_evalEvery;
    QSpinBox* m_evalLimit;
    QSpinBox* m_checkpointEvery;
    QComboBox* m_device;
    QSpinBox* m_nproc;
    QGroupBox* m_network;
    QSpinBox* m_layers;
    QSpinBox* m_dModel;
    QSpinBox* m_heads;
    QSpinBox* m_dFF;
    QSpinBox* m_maxSeq;
    QSpinBox* m_segments;
    QGroupBox* m_tailpatch;
    QSpinBox* m_tailpatchSteps;
    QComboBox* m_tailpatchBy;
    QComboBox* m_tailpatchMeasure;
    QSpinBox* m_devLimit;
    QLabel* m_mixtureNote;
    MixtureModel* m_mixture;
    QTableView* m_mixtureView;
    QLabel* m_message;
    QPushButton* m_load;
    QPushButton* m_save;
    QPushButton* m_trainTokenizer;
    QPushButton* m_cancel;
    QPushButton* m_launch;
    QTimer* m_mixtureTimer;
    QProcess* m_mixtureProcess = nullptr;
    int m_mixtureGeneration = 0;
    bool m_launching = false;
    // Form labels, retranslated on a language change.
    QList<QPair<QLabel*, const char*>> m_labels;
};

} // namespace flame::ui
