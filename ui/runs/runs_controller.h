#pragma once
// The GUI thread's handle on training runs: owns the RunService and its thread, keeps the latest
// snapshot of the runs for the views, and runs the short `flame` commands the views need (create a
// run, list devices, measure bias, evaluate, predict) as asynchronous child processes. Nothing here
// waits: every command reports through a callback or a signal.
//
// The `flame` program: QSettings "runs/flame", else $FLAME_CLI, else `flame` beside the studio's
// executable, else `flame` on the PATH.
//
// Threading: GUI thread only.
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <memory>

#include "ui/runs/run_info.h"
#include "ui/runs/series_buffer.h"

class QProcess;
class QThread;

namespace flame::ui {

class RunService;
class WorkspaceSession;

class RunsController : public QObject {
    Q_OBJECT
public:
    explicit RunsController(WorkspaceSession* session, QObject* parent = nullptr);
    ~RunsController() override; // stops the service's thread; workers keep running

    static QString defaultFlameProgram();
    QString flameProgram() const { return m_flame; }
    void setFlameProgram(const QString& program); // also remembered in QSettings
    // Starting queued runs is on by default; tests of the queue logic turn it off.
    void setScheduling(bool on);

    WorkspaceSession* session() const { return m_session; }
    const RunsSnapshot& runs() const { return m_runs; }
    const RunInfo* run(qint64 id) const;
    bool hasSnapshot() const { return m_haveSnapshot; }
    QString runDirectory(qint64 runId) const;
    QString logPath(qint64 runId) const;

    // Live curves: the series the views show; their points arrive in series().
    std::shared_ptr<SeriesBuffer> series() const { return m_series; }
    void follow(const QVector<SeriesKey>& keys);

    // Creates a run with `flame train WS <args> --queue --json` and puts it on the studio's
    // queue; `done` gets the run id, or 0 and the error text.
    using Created = std::function<void(qint64 runId, const QString& error)>;
    void createRun(const QStringList& trainArgs, Created done);
    void enqueue(qint64 runId);
    void cancel(qint64 runId);
    void resume(qint64 runId);
    void remove(qint64 runId);
    // Runs this studio started whose workers still run (closing the window asks about them).
    QList<qint64> liveWorkersHere() const;
    void cancelAllLaunched();

    // Devices `flame devices --json` reports ("cpu", "cuda:0", ...); asked once per program.
    QStringList devices() const { return m_devices; }
    void queryDevices();

    // Measurements of a run by the `flame` tools: kind "bias", "eval" or "predict"; the output is
    // appended to the run's log. One tool per run at a time.
    bool runTool(qint64 runId, const QString& kind, const QStringList& extraArgs = {});
    bool toolRunning(qint64 runId) const { return m_tools.contains(runId); }
    int toolsRunning() const { return int(m_tools.size()); }

signals:
    void runsChanged();
    void seriesReady();
    void commandFinished(const QString& action, qint64 runId, const QString& error);
    void toolFinished(qint64 runId, const QString& kind, bool ok, const QString& message);
    void devicesChanged();
    void message(const QString& text); // for the status bar

private:
    void onOpened();
    void onClosing();
    void onSnapshot(const RunsSnapshot& runs);

    WorkspaceSession* m_session;
    std::shared_ptr<SeriesBuffer> m_series;
    QThread* m_thread;
    RunService* m_service;
    QString m_flame;
    RunsSnapshot m_runs;
    bool m_haveSnapshot = false;
    QStringList m_devices;
    QPointer<QProcess> m_devicesProcess;
    QHash<qint64, QProcess*> m_tools;
};

} // namespace flame::ui
