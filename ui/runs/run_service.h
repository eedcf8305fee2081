#pragma once
// The studio's side of training runs, on its own thread with its own database connection
// (DESIGN.md sections 2 and 7: the GUI starts `flame worker` processes and reads everything from
// the workspace; nothing that may wait on the database or start processes runs on the GUI thread).
//
// Every tick (~250 ms) it reads the runs, starts queued runs whose devices are free, notices
// workers that died before they started, and reads the new points of the followed curves into
// the SeriesBuffer. Every few seconds it marks runs whose worker is gone "interrupted"
// (RunStore::reconcile), so a run killed while the studio was closed shows as such.
//
// Workers are started detached, their output going to <workspace>.d/runs/<id>/studio.log: they
// outlive the studio, and a reopened studio (or another one) shows them again from the database.
//
// Contract: create it on the GUI thread, move it to its thread, and from then on call its public
// slots only through queued invocations; results come back as signals.
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

#include <map>
#include <memory>

#include "storage/run_queries.h"
#include "storage/workspace.h"
#include "ui/runs/run_info.h"
#include "ui/runs/series_buffer.h"

class QTimer;

namespace flame::ui {

class RunService : public QObject {
    Q_OBJECT
public:
    explicit RunService(std::shared_ptr<SeriesBuffer> series, QObject* parent = nullptr);
    ~RunService() override;

    static constexpr int kTickMs = 250;
    static constexpr int kReconcileEveryTicks = 12; // 3 s
    // How long a run may stay claimed by a studio without recorded workers before another tick
    // (of any studio on this host) takes the claimer for dead and queues the run again.
    static constexpr int kClaimGraceSeconds = 60;
    // The run folder and the log the studio's workers write (rank 0; other ranks beside it).
    static QString runDirectory(const QString& workspacePath, qint64 runId);
    static QString logPath(const QString& workspacePath, qint64 runId);

public slots:
    void open(const QString& path, bool readOnly);
    void close();
    void setFlameProgram(const QString& program);
    void setScheduling(bool on); // tests and read-only workspaces turn starting workers off
    void follow(const QVector<flame::ui::SeriesKey>& keys);
    void tick();

    // Commands; each ends with commandFinished(action, runId, error), error empty on success.
    void enqueue(qint64 runId);
    void cancel(qint64 runId);
    void resume(qint64 runId);
    void remove(qint64 runId);
    // Cancels every run this studio started that still has a live worker (closing with "stop").
    void cancelAllLaunched();

signals:
    void snapshot(const flame::ui::RunsSnapshot& runs);
    void seriesReady();
    void commandFinished(const QString& action, qint64 runId, const QString& error);
    void problem(const QString& text); // for the status bar

private:
    bool readSnapshot(RunsSnapshot& out);
    void superviseLaunches(const RunsSnapshot& runs);
    void schedule(const RunsSnapshot& runs);
    QString launch(const RunInfo& run); // error text, empty on success
    void pollSeries(const RunsSnapshot& runs);
    void signalRanks(const RunInfo& run, int signal);
    QString tailOfLog(qint64 runId) const;
    void done(const char* action, qint64 runId, const Status& status);

    std::shared_ptr<SeriesBuffer> m_series;
    std::unique_ptr<Workspace> m_ws;
    QString m_path;
    QString m_flame;
    bool m_scheduling = true;
    QTimer* m_timer;
    int m_ticks = 0;
    RunsSnapshot m_last;
    bool m_haveLast = false;
    // Followed series and the last step read of each; -1: read everything (first time, or reset).
    QHash<SeriesKey, qint64> m_followed;
    QSet<SeriesKey> m_needsReset;
    QHash<qint64, RunState> m_lastState;
    // Runs with a dead rank while others live: when that was first seen (to stop the others).
    QHash<qint64, qint64> m_partialSinceMs;
    QElapsedTimer m_clock;
    QString m_host;
};

} // namespace flame::ui
