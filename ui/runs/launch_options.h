#pragma once
// The options of a run as the launch dialog edits them: typed, with the variant's defaults,
// turned into `flame train` arguments, saved to and loaded from a JSON file, and read back from a
// past run's configuration ("duplicate and edit").
//
// The defaults are the training engine's, from the table both share (model/run_defaults.h); the GUI
// cannot link the engine itself (DESIGN.md section 2). Every value is passed explicitly, so
// what the dialog shows is what runs, and `flame train` validates again before creating the run.
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

namespace flame::ui {

struct LaunchOptions {
    Q_DECLARE_TR_FUNCTIONS(LaunchOptions)

public:
    QString variant = QStringLiteral("flame"); // pretrain | flame | flame-rm | flame-opt-rm
    QString preset = QStringLiteral("tiny");   // tiny | small | base
    QString name;
    qint64 fromRun = 0;   // parent FLAMe run (FLAMe-RM, FLAMe-Opt-RM)
    qint64 fromStep = -1; // parent checkpoint; -1: the variant's choice (last / nearest half)
    qint64 initRun = 0;   // a FLAMe run's initial network: a pretrain run's checkpoint; 0: random weights
    qint64 initStep = -1; // its checkpoint; -1: the last
    int steps = 600;
    int batch = 16;
    double lr = 1e-3;
    qint64 seed = 1;
    int evalEvery = 100;
    qint64 evalLimit = 0; // examples per periodic evaluation; 0: the whole set
    int checkpointEvery = 100;
    QString device = QStringLiteral("cpu"); // cpu | cuda | cuda:K
    int nproc = 1;
    // Network overrides; 0 keeps the preset's value.
    int layers = 0, dModel = 0, heads = 0, dFF = 0, maxSeq = 0;
    int segments = -1; // segment embedding rows; -1 keeps the preset's (0 is "none")
    // FLAMe-Opt-RM's tail-patching.
    int tailpatchSteps = 40;
    QString tailpatchBy = QStringLiteral("group"); // task | group
    QString tailpatchMeasure = QStringLiteral("score"); // score | length-controlled
    qint64 devLimit = 0;

    // The engine's defaults for a variant and preset.
    static LaunchOptions defaults(const QString& variant, const QString& preset = QStringLiteral("tiny"));
    bool needsParent() const {
        return variant == QLatin1String("flame-rm") || variant == QLatin1String("flame-opt-rm");
    }
    // Only FLAMe chooses an initial network: FLAMe-RM continues FLAMe's weights and FLAMe-Opt-RM
    // inherits its parent's initial network (the engine's rule, training/runs.cpp).
    bool takesInit() const { return variant == QLatin1String("flame"); }

    QStringList trainArgs() const; // for `flame train WS ...`
    QJsonObject toJson() const;
    // Missing keys keep their defaults; unknown keys are ignored.
    static LaunchOptions fromJson(const QJsonObject& o);
    // From runs.config of a past run (the engine's TrainConfig JSON).
    static LaunchOptions fromRunConfig(const QJsonObject& config, const QString& runName);
    bool operator==(const LaunchOptions& o) const { return toJson() == o.toJson(); }
};

// What the dialog knows about the workspace when it validates.
struct LaunchContext {
    bool tokenizer = true;                 // the workspace has a trained tokenizer
    QStringList devices = {QStringLiteral("cpu")};
    struct Parent {
        qint64 id = 0;
        QString variant;
        QVector<qint64> checkpointSteps;
    };
    QVector<Parent> runs; // runs that could be parents, with their checkpoints
};

// Problems that stop a launch, in words for the user (translated); empty when it can go.
QStringList validateLaunch(const LaunchOptions& options, const LaunchContext& context);

} // namespace flame::ui
