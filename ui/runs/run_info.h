#pragma once
// What the studio knows about one training run at a moment: the run's row, the parts of its
// configuration the views need, its place in the studio's queue, the processes the studio started
// for it, and the latest value of the headline metrics. The RunService reads these on its thread
// and hands a whole snapshot to the GUI thread (a value, copied through a queued signal).
#include <QHash>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

#include <cmath>

#include "storage/run_store.h"

namespace flame::ui {

struct RunInfo {
    RunRecord record;
    // From runs.config (the training engine's JSON; read here without linking it).
    QString preset;
    int steps = 0, batch = 0, nproc = 1, evalEvery = 0;
    qint64 fromStep = -1;
    int queuePosition = 0;      // 1-based place in the studio's queue; 0 when not queued
    bool launchedHere = false;  // the studio started its workers on this host
    bool workersAlive = false;  // ... and at least one of them still runs
    QVector<qint64> pids;       // the studio's rank processes, by local rank
    QHash<QString, double> latest;      // latest value of chat_hard, safety, score, loss
    QHash<QString, qint64> latestStep;  // ... and the step it belongs to

    qint64 id() const { return record.id; }
    RunState state() const { return record.state; }
    QString name() const { return QString::fromStdString(record.name); }
    QString variant() const { return QString::fromStdString(record.variant); }
    QString device() const { return QString::fromStdString(record.device); }
    double value(const QString& metric) const { return latest.value(metric, std::nan("")); }
    bool operator==(const RunInfo& o) const;
    bool operator!=(const RunInfo& o) const { return !(*this == o); }
};

using RunsSnapshot = QVector<RunInfo>;

// The devices a run occupies: "cpu"; "cuda:K"; or, for "cuda" with K ranks, cuda:0 .. cuda:K-1.
// Runs whose device sets meet wait for each other; runs on different devices run at once.
QStringList runDevices(const QString& device, int nproc);

// Display names: "FLAMe", "FLAMe-RM", "FLAMe-Opt-RM".
QString variantName(const QString& variant);
// Translated run state ("running", "queued", ...).
QString stateName(RunState state);
// "#3 FLAMe tiny" — how a run is named in legends and lists.
QString runLabel(const RunInfo& run);

} // namespace flame::ui

Q_DECLARE_METATYPE(flame::ui::RunsSnapshot)
