#include "ui/runs/run_info.h"

#include <QCoreApplication>

namespace flame::ui {

namespace {

bool sameRecord(const RunRecord& a, const RunRecord& b) {
    return a.id == b.id && a.name == b.name && a.variant == b.variant && a.parentRunId == b.parentRunId &&
           a.config == b.config && a.state == b.state && a.device == b.device && a.createdAt == b.createdAt &&
           a.startedAt == b.startedAt && a.finishedAt == b.finishedAt && a.host == b.host &&
           a.heartbeatAt == b.heartbeatAt && a.error == b.error && a.pid == b.pid && a.step == b.step &&
           a.cancelRequested == b.cancelRequested;
}

} // namespace

bool RunInfo::operator==(const RunInfo& o) const {
    return sameRecord(record, o.record) && queuePosition == o.queuePosition && launchedHere == o.launchedHere &&
           workersAlive == o.workersAlive && pids == o.pids && latest == o.latest && latestStep == o.latestStep;
}

QStringList runDevices(const QString& device, int nproc) {
    if (device == QLatin1String("cuda")) {
        QStringList out;
        for (int k = 0; k < std::max(1, nproc); ++k) out << QStringLiteral("cuda:%1").arg(k);
        return out;
    }
    return {device.isEmpty() ? QStringLiteral("cpu") : device};
}

QString variantName(const QString& variant) {
    if (variant == QLatin1String("pretrain")) return QStringLiteral("pretrained LM");
    if (variant == QLatin1String("flame")) return QStringLiteral("FLAMe");
    if (variant == QLatin1String("flame-rm")) return QStringLiteral("FLAMe-RM");
    if (variant == QLatin1String("flame-opt-rm")) return QStringLiteral("FLAMe-Opt-RM");
    return variant;
}

QString stateName(RunState state) {
    switch (state) {
    case RunState::Queued: return QCoreApplication::translate("flame::ui::RunInfo", "queued");
    case RunState::Running: return QCoreApplication::translate("flame::ui::RunInfo", "running");
    case RunState::Finished: return QCoreApplication::translate("flame::ui::RunInfo", "finished");
    case RunState::Failed: return QCoreApplication::translate("flame::ui::RunInfo", "failed");
    case RunState::Cancelled: return QCoreApplication::translate("flame::ui::RunInfo", "cancelled");
    case RunState::Interrupted: return QCoreApplication::translate("flame::ui::RunInfo", "interrupted");
    }
    return {};
}

QString runLabel(const RunInfo& run) {
    const QString name = run.name();
    return QStringLiteral("#%1 %2").arg(run.id()).arg(name.isEmpty() ? variantName(run.variant()) : name);
}

} // namespace flame::ui
